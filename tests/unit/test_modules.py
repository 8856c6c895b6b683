"""Modules 01-04 driven in Python: live feedback, saving, restoring, escaping; dashboard panels."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers import widget_html as _html
from workbook import aggregates, registry
from workbook.session import Session
from workbook.store import Store
from workbook.ui import brillen, dashboard, doelen, elementen, luisteren
from workbook.ui.common import PageContext

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def ctx(tmp_path) -> PageContext:
    return PageContext(Store(f"sqlite:///{tmp_path / 'm.sqlite'}"), Session("ABC", "Sanne", "t"))


def _flush(*views) -> None:
    for view in views:
        view.flush()


def test_free_typing_in_module_01(ctx):
    box = elementen.module(ctx, seed=1)
    box["vrij"].text.value = "Je bent echt niet de enige die dat lastig vindt."
    assert "Normaliseren" in box["vrij"].feedback.value
    box["vrij"].text.value = "Je moet gewoon harder werken."
    assert "✘" in box["vrij"].feedback.value and "advies" in box["vrij"].feedback.value
    box["vrij"].text.value = XSS
    assert "<img" not in box["vrij"].feedback.value
    box["vrij"].keep.click()
    assert "&lt;img" in box["vrij"].list.value and "<img" not in box["vrij"].list.value
    again = elementen.module(ctx, seed=1)
    assert again["vrij"].history == [XSS]


def test_module_02_quiz_and_self_assessment_are_saved(ctx):
    box = luisteren.module(ctx, seed=1)
    view = box["quiz"]
    q = view.quiz.questions[0]
    labels = list(view.quiz.choices)
    view._buttons[labels.index(q.answer)].click()
    assert "✔ Goed" in view._feedback.value
    a = box["zelfevaluatie"]
    a.level.value = 2
    a.hard.value = "Ik had al een tip klaar. " + XSS
    a.next_time.value = "Eerst samenvatten."
    _flush(a)
    saved = ctx.store.load("ABC", "Sanne", registry.exercise_id("luisteren", "zelfevaluatie"))
    assert saved["niveau"] == 2 and saved["finished"]
    a.hard.value = "x" * 3000
    assert "te lang" in a.message.value
    saved = ctx.store.load("ABC", "Sanne", registry.exercise_id("luisteren", "zelfevaluatie"))
    assert saved["lastig"].startswith("Ik had al")
    again = luisteren.module(ctx, seed=5)
    assert again["zelfevaluatie"].level.value == 2 and again["zelfevaluatie"].next_time.value == "Eerst samenvatten."
    assert again["quiz"].quiz.answers == {0: q.answer}


def test_module_03_rewrite_live_feedback_model_and_restore(ctx):
    box = brillen.module(ctx, seed=2)
    green = box["rood_groen"]
    assert green.model_button.disabled
    green.text.value = "Waarom lukt het niet?"
    assert "Rode bril" in green.feedback.value and "✘" in green.feedback.value
    green.text.value = "Wat wil je in plaats daarvan?"
    assert "Groene bril" in green.feedback.value and "✔" in green.feedback.value
    assert not green.model_button.disabled
    green.model_button.click()
    assert "Voorbeeld" in green.model_answer.value
    green.next_button.click()
    assert "Opdracht 2 van" in green._counter.value and green.text.value == ""
    green.text.value = XSS
    assert "<img" not in green.feedback.value
    open_view = box["open_vragen"]
    open_view.text.value = "Hoe ging het?"
    assert "Open vraag" in open_view.feedback.value
    box["lab"].text.value = "Heb je weer niet geleerd?"
    assert "Gesloten vraag" in box["lab"].feedback.value and "Rode bril" in box["lab"].feedback.value
    _flush(green, open_view)
    again = brillen.module(ctx, seed=2)["rood_groen"]
    assert again.progress.current == 1 and again.text.value == XSS
    again.prev_button.click()
    assert again.text.value == "Wat wil je in plaats daarvan?" and "Voorbeeld" in again.model_answer.value


def test_module_04_goal_rewrite_with_reflections(ctx):
    box = doelen.module(ctx)
    rw = box["herschrijven"]
    rw.text.value = "M. doet beter zijn best."
    assert "✘ Specifiek" in rw.feedback.value and "&#39;zijn best&#39;" in rw.feedback.value
    rw.text.value = "M. werkt de komende 6 weken in elke les 15 minuten zelfstandig aan zijn opdracht."
    assert rw.feedback.value.count("✔") >= 4
    rw.reflections["acceptabel"].value = True
    _flush(rw)
    saved = ctx.store.load("ABC", "Sanne", registry.exercise_id("doelen", "herschrijven"))
    assert saved["answers"]["0"]["reflectie"] == {"acceptabel": True} and saved["answers"]["0"]["score"] == 4
    again = doelen.module(ctx)["herschrijven"]
    assert again.reflections["acceptabel"].value is True and again.text.value.startswith("M. werkt")


def test_module_04_goal_card_edit_download_and_restore(ctx):
    view = doelen.module(ctx)["doelenkaart"]
    view.new_goal.value = "Ik hang mijn jas aan de kapstok."
    assert "Specifiek" in view.new_feedback.value
    view.add()
    view.add()  # empty now
    assert "Typ eerst een doel" in view.message.value
    view.new_goal.value = XSS
    view.add()
    view.new_goal.value = "Ik ga op mijn stoel zitten."
    view.add()
    assert len(view.goals_box.children) == 3
    assert "<img" not in _html(view.goals_box) and "&lt;img" in _html(view.goals_box)
    remove = view.goals_box.children[1].children[3]
    remove.click()
    up = view.goals_box.children[1].children[1]
    up.click()
    assert view.card.goals == ["Ik ga op mijn stoel zitten.", "Ik hang mijn jas aan de kapstok."]
    assert "Om de kaart te downloaden" in view.downloads.reason.value
    assert not view.downloads.make("word")  # a crafted click on the disabled button builds nothing
    view.student.value = "Jordi"
    view.evaluation.value = date(2026, 12, 15)
    assert view.downloads.links.value == ""  # nothing is built while typing
    assert view.downloads.make("word")
    assert "wb-card-word" in view.downloads.links.value and "doelenkaart_Jordi.docx" in view.downloads.links.value
    view.student.value = "Jordi B"
    assert view.downloads.links.value == ""  # an old file with old text is withdrawn
    _flush(view)
    again = doelen.module(ctx)["doelenkaart"]
    assert again.card.goals == view.card.goals and again.student.value == "Jordi B"
    assert again.evaluation.value == date(2026, 12, 15)


def test_module_04_goal_card_warns_about_goals_marked_wrong_and_lets_the_mentor_choose(ctx):
    view = doelen.module(ctx)["doelenkaart"]
    view.student.value = "Jordi"
    view.evaluation.value = date(2026, 12, 15)
    for goal in ("Ik hang mijn jas aan de kapstok.", "Beter je best doen."):
        view.new_goal.value = goal
        view.add()
    assert "doel 2" in view.weak_warning.value and view.accept_weak.layout.display == ""
    assert not view.downloads.make("word")  # not without a choice
    assert "vinkje" in view.downloads.reason.value
    view.accept_weak.value = True  # the mentor keeps the goal as it is
    assert view.downloads.make("word")
    view.goals_box.children[1].children[3].click()  # remove the weak goal
    assert view.weak_warning.value == "" and view.accept_weak.layout.display == "none"
    assert not view.accept_weak.value and view.downloads.make("word")


def test_dashboard_panels_for_modules_2_to_4(ctx, monkeypatch):
    b = brillen.module(ctx, seed=1)
    b["rood_groen"].text.value = XSS
    b["rood_groen"].next_button.click()
    b["rood_groen"].text.value = "Wanneer lukt het wel?"
    d = doelen.module(ctx)
    d["herschrijven"].text.value = "M. werkt de komende 6 weken in elke les 15 minuten zelfstandig aan zijn opdracht."
    d["doelenkaart"].new_goal.value = "Ik hang mijn jas aan de kapstok."
    d["doelenkaart"].add()
    a = luisteren.module(ctx)["zelfevaluatie"]
    a.level.value = 3
    _flush(b["rood_groen"], d["herschrijven"], d["doelenkaart"], a)
    frame = ctx.store.frame("ABC")
    before_after = aggregates.smarti_before_after(frame)
    assert before_after.iloc[0]["Score voor"] < before_after.iloc[0]["Gemiddeld na"] == 4
    examples = aggregates.rewrite_examples(frame, registry.exercise_id("brillen", "rood_groen"))
    assert XSS in set(examples["Herschreven"])
    assert aggregates.rewrite_summary(frame, registry.exercise_id("brillen", "rood_groen")).iloc[0]["Goed"] == 1
    assert aggregates.listening_levels(frame).set_index("Niveau").loc[3, "Deelnemers"] == 1
    assert aggregates.goal_cards(frame).iloc[0]["Doelen"] == 1
    monkeypatch.setenv("WERKBOEK_BEGELEIDER_KEY", "sleutel-voor-de-test")
    board = dashboard.dashboard(ctx.store)
    board.key.value = "sleutel-voor-de-test"
    board.unlock()
    html = _html(board.out)
    assert "SMARTI-score voor en na" in html and "Rood → groen: herschrijvingen" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and XSS not in html
