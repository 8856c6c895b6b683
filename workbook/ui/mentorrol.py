"""Module 10: the limits of the mentor role: what belongs to it, what you pass on, and the school's dialogue."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import content
from workbook.practice import role_quiz
from workbook.ui.exercise import ModulePage, Page, module_page
from workbook.ui.html import html
from workbook.ui.render import mentor_role_html
from workbook.ui.texts import tekst
from workbook.ui.views.form import FormView
from workbook.ui.views.quiz import QuizView

__all__ = ["module"]


@module_page("mentorrol")
def module(page: ModulePage, seed: int | None = None) -> Page:
    """Build module 10: explanation, a quiz on what belongs to the mentor, and notes for the school dialogue."""
    data = content.load("mentorrol")
    quiz = QuizView(lambda: role_quiz(data, seed=seed), tekst("mentorrol.quiz"))
    dialogue = FormView(
        "mentorrol",
        tekst("mentorrol.gesprek_titel"),
        html("<p>{}</p>", tekst("mentorrol.gesprek")),
        data.onderwerpen,
    )
    tabs = page.tabs(
        ("De mentorrol", widgets.HTML(mentor_role_html(data))),
        ("Wel of niet?", page.mount("quiz", quiz)),
        ("Gesprek op school", page.mount("gesprek", dialogue)),
    )
    return page.done(tabs)
