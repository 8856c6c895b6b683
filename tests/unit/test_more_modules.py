"""Modules 07 (forms), 08 (leerlingbespreking) and 10 (mentor role): logic, saving, exports, escaping."""

from __future__ import annotations

import base64
import io
import re
import shutil
from datetime import date

import docx
import pytest
from docx import Document

from tests.helpers import widget_html
from workbook import content, export, practice, registry
from workbook.session import Session
from workbook.store import Store
from workbook.ui import doelen, formulieren, leerlingbespreking, mentorrol
from workbook.ui.common import PageContext

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def ctx(tmp_path) -> PageContext:
    return PageContext(Store(f"sqlite:///{tmp_path / 'x.sqlite'}"), Session("ABC", "Sanne", "t"))


def test_meeting_and_role_quizzes_come_from_the_content():
    data = content.load("leerlingbespreking")
    quiz = practice.meeting_quiz(data, seed=1)
    assert len(quiz.questions) == len(data.vraagparen) == 10
    assert {q.answer for q in quiz.questions} == {"rood", "groen"}
    # the feedback shows the other half of a pair, which never comes up later in the same quiz
    shown = {q.text for q in quiz.questions}
    for pair in data.vraagparen:
        assert not {pair.probleemgericht, pair.oplossingsgericht} <= shown
    role = content.load("mentorrol")
    rq = practice.role_quiz(role, seed=1)
    assert len(rq.questions) == len(role.casussen) >= 10
    assert {q.answer for q in rq.questions} == {"wel", "niet"}
    # cases, not the explanation's own bullets repeated word for word
    bullets = set(role.wel_mentortaak) | set(role.niet_mentortaak)
    assert not {q.text for q in rq.questions} & bullets
    niet = next(i for i, q in enumerate(rq.questions) if q.answer == "niet")
    case = next(c for c in role.casussen if c.situatie == rq.questions[niet].text)
    assert case.uitleg in rq.answer(niet, "wel").explanation


def test_form_exports_escape_and_leave_room_when_blank():
    sections = [
        ("Doel", ["Wat wil je bereiken?"], "Een <b>voldoende</b>\nvoor Engels"),
        ("Afspraken", ["Wie doet wat?"], ""),
    ]
    page = export.form_html("Gespreksformulier", {"Leerling": XSS, "Datum": ""}, sections)
    assert "&lt;img" in page and "<img" not in page and "&lt;b&gt;voldoende&lt;/b&gt;<br>voor Engels" in page
    doc = Document(io.BytesIO(export.form_docx("Gespreksformulier", {"Leerling": "Jip"}, sections)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Leerling: Jip" in text and "Een <b>voldoende</b>" in text and "." * 80 in text
    # A4, with Dutch document properties (issue 16)
    assert round(doc.sections[0].page_width.mm) == 210 and round(doc.sections[0].page_height.mm) == 297
    assert doc.core_properties.language == "nl-NL" and doc.core_properties.title == "Gespreksformulier"


def test_module_07_forms_are_saved_restored_and_downloadable(ctx):
    box = formulieren.module(ctx)
    view = box["voorbereiding"]
    assert len(view.fields) == len(content.load("formulieren").formulieren[0].onderdelen)
    view.student.value = "Jip " + XSS
    view.fields[0].value = "Ja, graag na de les."
    view.fields[1].value = "x" * 3000
    assert "te lang" in view.message.value
    view.fields[1].value = "Beter leren plannen."
    view.flush()
    assert view.downloads.make("word")
    assert "wb-form-voorbereiding-word" in view.downloads.links.value
    assert "<img" not in widget_html(box)
    again = formulieren.module(ctx)["voorbereiding"]
    assert again.fields[1].value == "Beter leren plannen." and again.student.value.startswith("Jip")


def test_module_08_sorting_and_rewriting(ctx):
    box = leerlingbespreking.module(ctx, seed=2)
    q = box["sorteren"].quiz.questions[0]
    box["sorteren"]._buttons[list(box["sorteren"].quiz.choices).index(q.answer)].click()
    assert "✔ Goed" in box["sorteren"]._feedback.value
    box["herschrijven"].text.value = "Waarom heeft hij dit probleem?"
    assert "✘" in box["herschrijven"].feedback.value
    box["herschrijven"].text.value = "Welke kwaliteiten heeft hij al die hem kunnen helpen?"
    assert "✔" in box["herschrijven"].feedback.value
    box["herschrijven"].flush()
    assert ctx.store.load("ABC", "Sanne", registry.exercise_id("leerlingbespreking", "herschrijven"))["good"] == 1
    assert "Vijf kenmerken" in widget_html(box)


def test_module_08_shows_the_seven_hgw_principles_and_survives_a_broken_hgw_file(ctx, tmp_path, monkeypatch):
    box = leerlingbespreking.module(ctx, seed=2)
    tabs = box.widget.children[-1]
    assert tabs.titles[-1] == "HGW-principes"
    hgw = widget_html(tabs.children[-1])
    for principle in content.load("hgw").principes:
        assert principle.naam in hgw
    assert hgw.count("Als mentor:") == 7
    broken = tmp_path / "exercises"
    shutil.copytree(content.exercises_dir(), broken)
    (broken / "hgw.yaml").write_text("inleiding: [\n", encoding="utf-8")
    monkeypatch.setenv("WERKBOEK_EXERCISES", str(broken))
    box = leerlingbespreking.module(ctx, seed=2)
    tabs = box.widget.children[-1]
    assert "exercises/hgw.yaml" in widget_html(tabs.children[-1])  # the Dutch error, in this tab only
    assert "Vijf kenmerken" in widget_html(tabs.children[0]) and len(tabs.children) == 4


def test_module_10_quiz_and_dialogue_notes(ctx):
    box = mentorrol.module(ctx, seed=3)
    view = box["quiz"]
    for q in view.quiz.questions:
        view._buttons[list(view.quiz.choices).index(q.answer)].click()
        view._next.click()
    assert f"Je score: {len(view.quiz.questions)} van de {len(view.quiz.questions)}" in view._phrase.value
    box["gesprek"].fields[0].value = "Bij ons is de taakomschrijving niet op papier."
    box["gesprek"].flush()
    again = mentorrol.module(ctx, seed=3)
    assert again["gesprek"].fields[0].value.startswith("Bij ons") and again["quiz"].quiz.finished


def test_module_09_positive_aspects_per_area(ctx):
    from workbook.ui import ouders

    box = ouders.module(ctx)
    assert len(box["positieve_aspecten"].fields) == 7 and "Vier richtlijnen" in widget_html(box)
    box["positieve_aspecten"].fields[6].value = "Weet alles van vogels. " + XSS
    box["positieve_aspecten"].flush()
    again = ouders.module(ctx)
    assert again["positieve_aspecten"].fields[6].value.startswith("Weet alles van vogels")
    assert "<img" not in widget_html(again)


CONTROL = "Jip\x01\x0b\ufffe heeft\x00 een plan"  # characters a Word file cannot hold


@pytest.mark.parametrize("module_name", ["formulieren", "ouders", "mentorrol"])
def test_text_a_word_file_cannot_hold_is_saved_first_and_exported_cleaned(ctx, module_name):
    """The attack: such text made the export raise before the save, losing what was typed."""
    import importlib

    mod = importlib.import_module(f"workbook.ui.{module_name}")
    box = mod.module(ctx)
    view = _form_view(box)
    view.student.value = CONTROL
    view.fields[0].value = CONTROL
    view.flush()
    assert view.downloads.make("word")
    data = base64.b64decode(re.search(r"base64,([^\"]+)", view.downloads.links.value).group(1))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Jip heeft een plan" in text
    again = mod.module(ctx)
    view2 = _form_view(again)
    assert view2.fields[0].value == CONTROL  # stored as typed, nothing lost


def test_goal_card_name_with_control_characters_is_saved_and_exported(ctx):
    view = doelen.module(ctx)["doelenkaart"]
    view.new_goal.value = "Ik hang mijn jas aan de kapstok."
    view.add()
    view.student.value = "Jordi\x01"
    view.evaluation.value = date(2026, 12, 15)
    view.flush()
    assert view.downloads.make("word") and view.downloads.make("print")
    assert doelen.module(ctx)["doelenkaart"].student.value == "Jordi\x01"


def test_a_failing_export_says_so_and_keeps_the_answer(ctx, monkeypatch):
    box = formulieren.module(ctx)
    view = box["gesprek"]
    view.fields[0].value = "Plannen voor de toetsweek."

    def broken(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(export, "form_docx", broken)
    assert not view.downloads.make("word")
    assert "kon niet worden gemaakt" in view.downloads.links.value
    saved = ctx.store.load("ABC", "Sanne", registry.exercise_id("formulieren", "formulier", "gesprek"))
    assert saved["answers"][0].startswith("Plannen")


def _form_view(page):
    """The first form on a module page."""
    return next(m.view for m in page.exercises.values() if m.view.model.kind == "form")
