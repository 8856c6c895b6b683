"""Dashboard (locked by key), aggregates and CSV export, without a browser."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest
from ipywidgets.widgets import widget as widget_registry

from tests.helpers import widget_html as _html
from workbook import aggregates, begeleider, export
from workbook.store import Store
from workbook.ui import dashboard as dash

XSS = "<img src=x onerror=alert(1)>"


def quiz_state(score: int, total: int = 3, finished: bool = True, wrong: str = "erkennen"):
    questions = [
        {"text": "Ik snap het.", "answer": "erkennen"},
        {"text": "Hoe ga je dat concreet aanpakken?", "answer": "kleine_stap"},
        {"text": "Hoe is het aan het lukken?", "answer": "vervolggesprek"},
    ]
    answers = {str(i): (q["answer"] if i < score else wrong) for i, q in enumerate(questions)}
    return {"questions": questions, "answers": answers, "score": score, "total": total, "finished": finished}


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'd.sqlite'}")
    for name in ("Sanne", "Ali", XSS):
        s.claim_alias("ABC", name)
    s.save("ABC", "Sanne", "01_elementen.quiz", quiz_state(3))
    s.save("ABC", "Ali", "01_elementen.quiz", quiz_state(1))
    s.save("ABC", XSS, "01_elementen.quiz", quiz_state(1, finished=False))
    s.save("ABC", "Sanne", "03_brillen.sorteren", {"finished": False, "tekst": '=HYPERLINK("x")'})
    return s


@pytest.fixture
def key(monkeypatch):
    monkeypatch.setenv("WERKBOEK_BEGELEIDER_KEY", "geheim-sleutel-123")
    return "geheim-sleutel-123"


def test_progress_scores_and_mistakes(store):
    frame = store.frame("ABC")
    progress = aggregates.progress(frame)
    row = progress[progress["Module"].str.startswith("1.")].iloc[0]
    assert (row["Gestart"], row["Afgerond"]) == (3, 2)
    assert "De zeven gesprekselementen" in row["Module"]
    scores = aggregates.quiz_scores(frame)
    assert sorted(scores["Score"]) == [1, 3]
    mistakes = aggregates.quiz_mistakes(frame)
    top = mistakes.iloc[0]
    assert top["Aantal fout"] == 2  # each score-1 quiz (two of them) missed both phrasings
    assert set(mistakes["Juist antwoord"]) <= {"Kleine stap kiezen", "Vervolggesprek"}
    assert aggregates.module_of("01_elementen.quiz") == 1 and aggregates.module_of("x") is None
    assert aggregates.progress(frame.iloc[0:0]).empty
    people = aggregates.per_participant(frame, ["Sanne", "Stil"]).set_index("Deelnemer")
    assert people.loc["Sanne", "Modules"] == "1, 3" and people.loc["Sanne", "Afgerond"] == 1
    assert people.loc["Stil", "Modules"] == "" and people.loc[XSS, "Afgerond"] == 0


def test_the_excel_export_reads_as_text_one_row_per_participant_and_exercise(store):
    data = export.readable_csv(store.frame("ABC"))
    assert data.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.StringIO(data.decode("utf-8-sig")), sep=";", keep_default_na=False)
    assert list(table.columns) == ["deelnemer", "module", "oefening", "status", "score", "antwoord", "opgeslagen op"]
    assert len(table) == len(store.frame("ABC"))
    assert not any(cell.lstrip().startswith("{") for cell in table["antwoord"])  # no JSON for people
    quiz = table[table["oefening"] == "quiz"].iloc[0]
    assert quiz["module"] == "1. De zeven gesprekselementen" and re.fullmatch(r"\d+ van \d+", quiz["score"])
    assert set(table["status"]) <= {"afgerond", "bezig"}


@pytest.mark.parametrize(
    ("exercise", "answer", "expected"),
    [
        (
            "04_doelen.doelenkaart",
            {"student": "Jordi", "instruction": "Doe normaal", "goals": ["Jas ophangen"]},
            "1. Jas ophangen",
        ),
        ("03_brillen.lab", {"history": ["Wat ging goed?", "Wie helpt je?"]}, "2. Wie helpt je?"),
        ("02_luisteren.zelfevaluatie", {"niveau": 3, "lastig": "Stiltes"}, "Luisterniveau 3\nLastig: Stiltes"),
        ("07_formulieren.gesprek", {"student": "S.", "answers": ["a", ""]}, "Leerling: S.\n1. a"),
        (
            "05_rollenspel.ronde",
            {"group": "GROEP 3", "round": 2, "role": "mentor"},
            "groep GROEP 3, ronde 2, rol mentor",
        ),
        (
            "06_oefengesprek.moe_lisa",
            {"turns": [{"mentor": "Balen zeg."}], "outcome": "afspraak", "finished": True},
            "Uitkomst: afspraak gemaakt; 1 beurt\n1. Balen zeg.",
        ),
    ],
)
def test_every_answer_kind_is_described_in_words(exercise, answer, expected):
    status, _score, text = export.describe_answer(exercise, answer)
    assert expected in text and "{" not in text
    assert status == ("afgerond" if answer.get("finished") else "bezig")


def test_excel_csv_has_bom_semicolons_and_defused_formulas(store):
    data = export.answers_csv(store.frame("ABC"), excel=True)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "training;deelnemer;oefening;opgeslagen_op;antwoord"
    table = pd.read_csv(io.StringIO(text), sep=";")
    assert len(table) == 4 and set(table["deelnemer"]) == {"Sanne", "Ali", XSS}
    plain = pd.read_csv(io.BytesIO(export.answers_csv(store.frame("ABC"))))
    assert list(plain.columns) == list(table.columns) and len(plain) == 4
    assert not export.answers_csv(store.frame("ABC")).startswith(b"\xef\xbb\xbf")


def test_formula_cells_are_defused_in_both_csv_exports():
    frame = pd.DataFrame(
        {
            "workshop": ["A"],
            "participant": ["=1+1"],
            "exercise": ["x"],
            "saved_at": [pd.Timestamp.now()],
            "answer": [{"v": 1}],
        }
    )
    assert "'=1+1" in export.answers_csv(frame, excel=True).decode("utf-8-sig")
    assert ",'=1+1," in export.answers_csv(frame).decode("utf-8")


def test_dashboard_is_locked_without_the_right_key(store, key):
    board = dash.dashboard(store)
    assert "wb-overview" not in _html(board.widget)
    board.key.value = "fout"
    board.unlock()
    assert "klopt niet" in board.message.value
    assert not hasattr(board, "out")


def test_wrong_keys_are_counted_per_device_across_page_loads(store, key, monkeypatch):
    """The attack: every page load used to give five new attempts. Now the store counts them."""
    monkeypatch.setenv("WERKBOEK_BEGELEIDER_VIA_NETWERK", "1")
    monkeypatch.setenv("HTTP_X_WERKBOEK_CLIENT", "10.0.0.66")
    for _ in range(begeleider.FREE_ATTEMPTS):
        board = dash.dashboard(store)  # a new page load (a new kernel) each time
        board.key.value = "geraden"
        board.unlock()
    board = dash.dashboard(store)
    board.key.value = key  # even the right key is not compared while locked out
    board.unlock()
    assert "Te veel verkeerde sleutels" in board.message.value and not hasattr(board, "out")
    # another device is not locked out by the attacker
    monkeypatch.setenv("HTTP_X_WERKBOEK_CLIENT", "10.0.0.7")
    board = dash.dashboard(store)
    board.key.value = key
    board.unlock()
    assert hasattr(board, "out")


def test_lockout_grows_with_every_further_wrong_key():
    now = datetime.now(timezone.utc)
    five = [now - timedelta(seconds=1)] * 5
    assert begeleider.lockout_seconds(five[:4], now) == 0
    assert 28 <= begeleider.lockout_seconds(five, now) <= 30
    assert 58 <= begeleider.lockout_seconds(five + [now], now) <= 60
    assert begeleider.lockout_seconds([now - timedelta(hours=2)] * 30, now) <= 3600
    assert begeleider.lockout_seconds([now - timedelta(minutes=5)] * 5, now) == 0


def test_facilitator_pages_refuse_other_devices_unless_allowed(store, key, monkeypatch):
    monkeypatch.delenv("WERKBOEK_BEGELEIDER_VIA_NETWERK", raising=False)
    monkeypatch.setenv("HTTP_X_WERKBOEK_CLIENT", "10.0.0.66")
    board = dash.dashboard(store)
    board.key.value = key
    board.unlock()
    assert "alleen op de computer" in board.message.value and not hasattr(board, "out")


@pytest.mark.parametrize("weak", ["geheim", "aaaaaaaaaaaaaaaa", "123412341234"])
def test_weak_custom_keys_are_refused(weak, monkeypatch):
    monkeypatch.setenv("WERKBOEK_BEGELEIDER_KEY", weak)
    assert begeleider.key_problem(weak)
    assert begeleider.configured_key() is None
    with pytest.raises(begeleider.WeakKeyError):
        begeleider.ensure_key()


def test_generated_keys_are_strong(monkeypatch, tmp_path):
    monkeypatch.delenv("WERKBOEK_BEGELEIDER_KEY", raising=False)
    monkeypatch.setenv("WERKBOEK_DATA", str(tmp_path))
    key = begeleider.ensure_key()
    assert begeleider.key_problem(key) is None and begeleider.configured_key() == key


def test_dashboard_without_configured_key_says_how_to_start(store, monkeypatch):
    monkeypatch.delenv("WERKBOEK_BEGELEIDER_KEY", raising=False)
    board = dash.dashboard(store)
    assert "make workshop" in board.message.value
    board.key.value = ""
    board.unlock()
    assert not hasattr(board, "out")


def test_dashboard_shows_the_workshop_escaped(store, key):
    board = dash.dashboard(store)
    board.key.value = key
    board.unlock()
    assert board.workshop.value == "ABC"
    html = _html(board.out)
    assert "Training ABC" in html and "3</strong> deelnemer(s)" in html
    assert "Voortgang per module" in html and "zinnen die vaak fout gingen" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert XSS not in html
    assert 'download="antwoorden_ABC_excel.csv"' in html
    plots = [g for c in board.out.children for g in getattr(c, "children", ()) if "wb-score-plot" in g._dom_classes]
    assert plots, "score plot missing"
    assert 'src="data:image/png;base64,' in plots[0].value
    assert re.search(r'alt="Staafdiagram van de quizscores \(van \d+\): [^"]+"', plots[0].value)


def _find(widget, css: str):
    """The widgets below ``widget`` that carry a CSS class."""
    found = [widget] if css in getattr(widget, "_dom_classes", ()) else []
    for child in getattr(widget, "children", ()) or ():
        found += _find(child, css)
    return found


def _delete_controls(board):
    button = _find(board.out, "wb-delete")[-1]
    row = next(w for w in _all(board.out) if button in getattr(w, "children", ()))
    return row.children[0], button


def _all(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _all(child)


def test_dashboard_refresh_and_delete(store, key):
    board = dash.dashboard(store)
    board.key.value = key
    board.unlock()
    store.claim_alias("ABC", "Nieuw")
    board.refresh_button.click()
    assert "4</strong> deelnemer(s)" in _html(board.out)
    confirm, button = _delete_controls(board)
    assert button.disabled
    confirm.value = True
    button.click()
    assert store.frame("ABC").empty and store.aliases("ABC") == []
    assert "is verwijderd" in _html(board.out)


def test_delete_checks_the_confirmation_in_the_kernel_not_the_browser(store, key):
    board = dash.dashboard(store)
    board.key.value = key
    board.unlock()
    confirm, button = _delete_controls(board)
    button.disabled = False  # what a crafted widget message can do in the browser
    button.click()
    assert not store.frame("ABC").empty and "vinkje" in _html(board.out)
    # a delete button from before a refresh no longer works, even with its box ticked
    board.refresh()
    confirm.value = True
    button.click()
    assert not store.frame("ABC").empty


def test_refresh_closes_the_widgets_it_replaces(store, key):
    board = dash.dashboard(store)
    board.key.value = key
    board.unlock()
    board.refresh()
    before = len(widget_registry._instances)
    for _ in range(30):
        board.refresh()
    assert len(widget_registry._instances) <= before + 5


def test_facilitator_creates_trainings_and_readmits_participants(store, key):
    board = dash.dashboard(store)
    board.key.value = key
    board.unlock()
    assert re.fullmatch(r"MENTOR-[A-Z2-9]{3}", board.new_code.value)
    board.new_code.value = "najaar26"
    board.create_training()
    assert store.training_exists("NAJAAR26") and board.workshop.value == "NAJAAR26"
    assert "aangemaakt" in board.create_message.value
    board.new_code.value = "<b>x</b>"
    board.create_training()
    assert "code" in board.create_message.value and not store.training_exists("<B>X</B>")
    board.workshop.value = "ABC"
    who = _find(board.out, "wb-readmit-who")[0]
    who.value = "Sanne"
    _find(board.out, "wb-readmit")[0].click()
    assert "Sanne" not in store.aliases("ABC") and store.load("ABC", "Sanne", "01_elementen.quiz")
