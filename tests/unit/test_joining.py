"""Joining in seconds (issue 14): the join screen's QR code and link, closing a training, removing one participant."""

from __future__ import annotations

import io

import pytest
import segno
import zxingcpp
from PIL import Image

from tests.helpers import widget_html as _html
from workbook import join, session
from workbook.session import SessionError
from workbook.store import Store
from workbook.ui import dashboard as dash
from workbook.ui.join_screen import join_screen

KEY = "geheim-sleutel-123"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    monkeypatch.setenv("WERKBOEK_BEGELEIDER_KEY", KEY)
    return Store(f"sqlite:///{tmp_path / 'j.sqlite'}")


def _decode(link: str) -> list[str]:
    buf = io.BytesIO()
    segno.make(link, error="m").save(buf, kind="png", scale=6)
    buf.seek(0)
    return [r.text for r in zxingcpp.read_barcodes(Image.open(buf))]


def test_the_join_link_carries_the_code_and_the_qr_code_decodes_to_it(monkeypatch):
    monkeypatch.setenv("SERVER_PORT", "9123")
    link = join.join_links("MENTOR-K7Q")[0]
    assert link == "http://localhost:9123/voila/render/00_start.ipynb?code=MENTOR-K7Q"
    assert _decode(link) == [link]
    assert session.code_from_query("code=mentor-k7q") == "MENTOR-K7Q"
    assert session.code_from_query("code=<b>") == "" and session.code_from_query("") == ""
    svg = join.qr_svg(link)
    assert svg.startswith("<svg") and "<script" not in svg


def test_on_a_workshop_server_the_link_uses_the_network_address(monkeypatch):
    monkeypatch.setenv("WERKBOEK_MODUS", "training")
    monkeypatch.setattr("workbook.serve.lan_addresses", lambda: ["192.168.1.20"])
    assert join.join_links("ABC", 8866) == ["http://192.168.1.20:8866/voila/render/00_start.ipynb?code=ABC"]


def test_the_join_screen_is_locked_creates_a_training_and_closes_it(store):
    screen = join_screen(store)
    assert not hasattr(screen, "training")
    screen.lock.key.value = "fout"
    screen.lock.unlock()
    assert not hasattr(screen, "training")
    screen.lock.key.value = KEY
    screen.lock.unlock()
    assert "nog geen training" in screen.screen.value
    screen.new_button.click()
    code = screen.training.value
    assert store.training_exists(code) and code in screen.screen.value
    assert "<svg" in screen.screen.value and "Aanmelden staat open" in screen.screen.value
    assert "alleen op deze computer" in screen.screen.value  # not started with HOST=0.0.0.0
    screen.toggle.click()
    assert not store.training_open(code) and "gesloten" in screen.screen.value
    screen.toggle.click()
    assert store.training_open(code)


def test_a_closed_training_refuses_new_names_but_not_who_joined(store):
    store.create_training("ABC")
    first = session.join_workshop(store, "ABC", "Sanne", client="lokaal")
    store.set_training_open("ABC", False)
    with pytest.raises(SessionError, match="gesloten voor nieuwe deelnemers"):
        session.join_workshop(store, "ABC", "Ali", client="lokaal")
    assert session.from_query(first.query(), store)[0] == first  # the personal link still works
    store.set_training_open("ABC", True)
    assert session.join_workshop(store, "ABC", "Ali", client="lokaal").participant == "Ali"
    store.delete_workshop("ABC")
    store.create_training("ABC")
    assert store.training_open("ABC")  # a deleted training leaves no closed mark behind


def _all(widget, css: str) -> list:
    found = [widget] if css in getattr(widget, "_dom_classes", ()) else []
    for child in getattr(widget, "children", ()) or ():
        found += _all(child, css)
    return found


def _one(widget, css: str):
    return _all(widget, css)[-1]


def test_the_dashboard_closes_joining_and_removes_one_participant(store):
    store.create_training("ABC")
    for name in ("Sanne", XSS):  # a name with markup, as a damaged or old store could hold
        store.claim_alias("ABC", name)
        store.save("ABC", name, "01_elementen.vrij", {"history": ["Wat werkt al?"], "text": "x"})
        store.save("ABC", name, "01_elementen.vrij", {"history": ["Wat werkt al?"], "text": "xy"})
    board = dash.dashboard(store)
    board.key.value = KEY
    board.unlock()
    board.workshop.value = "ABC"
    _one(board.out, "wb-joining-toggle").click()
    assert not store.training_open("ABC") and "gesloten" in _html(board.out)
    who = _one(board.out, "wb-remove-who")
    who.value = XSS
    _one(board.out, "wb-remove").click()
    assert "eerst" in _html(board.out).lower() and len(store.history("ABC", XSS, "01_elementen.vrij")) == 2
    _one(board.out, "wb-remove-who").value = XSS
    _one(board.out, "wb-remove-confirm").value = True
    _one(board.out, "wb-remove").click()
    assert store.history("ABC", XSS, "01_elementen.vrij") == [] and store.aliases("ABC") == ["Sanne"]
    shown = _html(board.out)
    assert "2 opgeslagen versies" in shown and "<img" not in shown and "&lt;img" in shown


def test_every_module_has_a_panel_on_the_dashboard_and_06_to_10_show_what_was_done(store):
    from workbook import aggregates, registry
    from workbook.answers import FormAnswer, QuizAnswer
    from workbook.session import Session
    from workbook.ui import oefengesprek
    from workbook.ui.common import PageContext

    shared = {spec.number for spec in registry.MODULES if spec.number and not spec.private}
    assert {p.module for p in aggregates.PANELS} >= shared
    # a mentor's own gesprekskaarten (module 11) are private: no facilitator panel reads them
    assert not {p.module for p in aggregates.PANELS} & {s.number for s in registry.MODULES if s.private}
    talk = oefengesprek.module(PageContext(store, Session("ABC", "Sanne", "t")))["gesprek"]
    for text in (
        "Je bent ook altijd te laat.",
        "Je moet gewoon eerder opstaan.",
        "Als je weer te laat komt, moet je nablijven.",
    ):
        talk.text.value = text
        talk.say()
    talk.flush()
    form = FormAnswer(student="J.", answers=["Wat gaat goed?", "", XSS], finished=False).dump()
    store.save("ABC", "Ali", registry.exercise_id("formulieren", "formulier", "voorbereiding"), form)
    store.save("ABC", "Ali", registry.exercise_id("ouders", "positieve_aspecten"), form)
    quiz = QuizAnswer(questions=[], answers={}, score=4, total=5, finished=True).dump()
    store.save("ABC", "Ali", registry.exercise_id("mentorrol", "quiz"), quiz)
    frame = store.frame("ABC")
    ended = aggregates.conversation_outcomes(frame).iloc[0]
    assert (
        ended["Deelnemer"] == "Sanne" and ended["Einde"] == "leerling klapte dicht" and ended["Laagste vertrouwen"] == 0
    )
    forms = aggregates.form_progress(frame, "formulieren").iloc[0]
    assert forms["Ingevuld"] == 2 and forms["Vragen"] == 3 and forms["Klaar"] == ""
    assert len(aggregates.form_progress(frame, "ouders")) == 1
    assert aggregates.quiz_scores(frame, registry.exercise_id("mentorrol", "quiz")).iloc[0]["Score"] == 4
    board = dash.dashboard(store)
    board.key.value = KEY
    board.unlock()
    board.workshop.value = "ABC"
    shown = _html(board.out)
    for title in (
        "Oefengesprekken: hoe liepen ze af?",
        "Gespreksformulieren: begonnen en klaar",
        "Ouders: positieve aspecten voorbereid",
        "Mentorrol: aantekeningen voor het gesprek op school",
    ):
        assert title in shown
    # the tables are folded per module, under the module's own title
    panels = next(w for w in board.out.children if "wb-panels" in w._dom_classes)
    assert "6. Oefengesprek" in panels.titles and "10. De grenzen van de mentorrol" in panels.titles
    assert "leerling klapte dicht" in shown and "<img" not in shown


def test_the_training_report_is_a_word_file_on_a4_with_every_panel(store):
    from docx import Document
    from docx.shared import Mm

    from workbook import aggregates, export

    store.claim_alias("ABC", "Sanne")
    store.claim_alias("ABC", XSS)
    store.save(
        "ABC", XSS, "01_elementen.quiz", {"questions": [], "answers": {}, "score": 2, "total": 3, "finished": True}
    )
    frame = store.frame("ABC")
    frame.attrs["rounds"] = store.rounds("ABC")
    doc = Document(io.BytesIO(export.training_docx("ABC", frame, store.aliases("ABC"))))
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert doc.core_properties.language == "nl-NL" and doc.core_properties.title == "Training ABC"
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) == 1 + len(aggregates.PANELS)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert XSS in cells and "Score" in cells  # participant text as plain text in the Word table


def test_a_table_cut_on_the_dashboard_says_how_many_more_there_are(store):
    from workbook import aggregates, registry

    exercise = registry.exercise_id("brillen", "rood_groen")
    for n in range(13):
        entries = {"0": {"text": f"Wanneer lukt het wel? ({n})", "original": "Waarom niet?"}}
        store.save("ABC", f"Deelnemer {n}", exercise, {"answers": entries, "done": 1, "total": 1})
    table = aggregates.rewrite_examples(store.frame("ABC"), exercise)
    assert len(table) == 10 and table.attrs["meer"] == 3
    store.create_training("ABC")
    board = dash.dashboard(store)
    board.key.value = KEY
    board.unlock()
    board.workshop.value = "ABC"
    assert "en nog 3" in _html(board.out)
