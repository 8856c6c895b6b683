"""Exercise logic of modules 02-04 and the goal card exports, without widgets."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from workbook import content, export, practice
from workbook.practice import GoalCard, RewriteProgress


def test_listening_quiz_uses_every_item_with_its_own_explanation():
    data = content.load("luisteren")
    quiz = practice.listening_quiz(data, seed=2)
    assert len(quiz.questions) == len(data.oefeningen)
    assert set(quiz.choices) == {"1", "2", "3", "4"}
    q = quiz.questions[0]
    item = next(o for o in data.oefeningen if q.text == f"Leerling: {o.leerling}\nMentor: {o.mentor}")
    wrong = next(c for c in quiz.choices if c != q.answer)
    fb = quiz.answer(0, wrong)
    assert not fb.correct and item.uitleg in fb.explanation and f"Niveau {item.niveau}" in fb.explanation


def test_lens_quiz_mixes_red_and_green():
    quiz = practice.lens_quiz(content.load("brillen"), n=10, seed=4)
    answers = [q.answer for q in quiz.questions]
    assert answers.count("rood") == 5 and answers.count("groen") == 5
    assert all("versie" in q.explanation for q in quiz.questions)
    assert len({q.text for q in quiz.questions}) == 10


def test_rewrite_progress_judges_and_shows_the_model_only_after_an_attempt():
    progress = RewriteProgress(practice.red_to_green_tasks(content.load("brillen")), practice.judge_green)
    assert progress.show_model() is None
    bad = progress.write("Waarom lukt het niet?")
    assert not bad.ok and "rode bril" in bad.summary
    good = progress.write("Wanneer lukt het wel?")
    assert good.ok and progress.attempted()
    assert progress.show_model() == progress.tasks[0].model
    progress.go(3)
    progress.write("   ")
    assert not progress.attempted(3)
    with pytest.raises(ValueError, match="te lang"):
        progress.write("x" * (practice.MAX_TEXT + 1))
    state = progress.state()
    assert state["done"] == 1 and state["good"] == 1 and state["answers"]["0"]["model_shown"]
    assert state["answers"]["0"]["original"] == progress.tasks[0].original
    again = RewriteProgress(progress.tasks, practice.judge_green)
    again.restore(state)
    assert again.current == 3 and again.answers[0]["text"] == "Wanneer lukt het wel?" and again.answers[0]["ok"]
    again.restore({"answers": {"999": {"text": "x"}, "nope": {}, "1": {"text": 5}}, "current": "x"})
    assert set(again.answers) == {0, 3}


def test_judges():
    assert practice.judge_open("Hoe ging het?").ok and not practice.judge_open("Ging het goed?").ok
    assert not practice.judge_open("Goed gedaan.").ok
    goal = practice.judge_goal("Kim leest de komende 3 weken elke dag 10 minuten in haar Engelse boek.")
    assert goal.ok and goal.analysis.score == 4
    assert not practice.judge_goal("Kim doet beter haar best.").ok


def test_goal_card_editing_and_problems():
    card = GoalCard()
    assert len(card.problems()) == 3
    assert card.add("  ") == "Typ eerst een doel."
    assert card.add("Ik groet de mentor bij binnenkomst.") is None
    assert card.add("Ik groet de mentor bij binnenkomst.") == "Dit doel staat al op de kaart."
    assert "te lang" in card.add("x" * 301)
    card.add("Ik hang mijn jas aan de kapstok.")
    card.add("Ik ga op mijn stoel zitten.")
    card.move(2, -1)
    assert card.goals[1] == "Ik ga op mijn stoel zitten."
    card.move(0, -1)  # out of range: nothing happens
    card.remove(0)
    card.remove(9)
    assert card.goals == ["Ik ga op mijn stoel zitten.", "Ik hang mijn jas aan de kapstok."]
    for i in range(20):
        problem = card.add(f"Ik doe ding {i} in de les.")
    assert "hoogstens" in problem and len(card.goals) == practice.MAX_GOALS
    card.student, card.evaluation = "Jordi", date(2026, 12, 15)
    assert card.problems() == []
    state = card.state()
    assert state["finished"] and state["evaluation"] == "2026-12-15" and state["specific"] >= 2
    assert GoalCard.from_state(state) == card
    assert GoalCard.from_state({"goals": ["a", 3, None], "evaluation": "geen datum"}).evaluation is None


def test_goal_card_exports_escape_and_open():
    card = GoalCard(
        student="<b>Jordi</b>",
        instruction="Doe normaal!",
        goals=["Ik zet mijn tas <onder> de tafel.", "Ik groet de mentor."],
        evaluation=date(2026, 12, 1),
    )
    page = export.goal_card_html(card)
    assert "&lt;b&gt;Jordi&lt;/b&gt;" in page and "<b>Jordi" not in page
    assert "&lt;onder&gt;" in page and "1 december 2026" in page
    doc = Document(io.BytesIO(export.goal_card_docx(card)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Doelenkaart van <b>Jordi</b>" in text and "Ik groet de mentor." in text and "1 december 2026" in text
    assert round(doc.sections[0].page_width.mm) == 210 and doc.core_properties.language == "nl-NL"
