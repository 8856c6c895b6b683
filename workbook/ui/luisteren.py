"""Module 02: the four levels of listening, a quiz, and a self-assessment after practice."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import content
from workbook.practice import listening_quiz
from workbook.ui.exercise import ModulePage, Page, module_page
from workbook.ui.render import levels_html
from workbook.ui.texts import tekst
from workbook.ui.views.quiz import QuizView
from workbook.ui.views.self_assessment import SelfAssessment

__all__ = ["module"]


@module_page("luisteren")
def module(page: ModulePage, seed: int | None = None) -> Page:
    """Build module 02: explanation, quiz and self-assessment, each saved and restored."""
    data = content.load("luisteren")
    quiz = QuizView(lambda: listening_quiz(data, seed=seed), tekst("luisteren.quiz"))
    tabs = page.tabs(
        ("Vier niveaus", widgets.HTML(levels_html(data))),
        ("Quiz", page.mount("quiz", quiz)),
        ("Terugkijken", page.mount("zelfevaluatie", SelfAssessment(data))),
    )
    return page.done(tabs)
