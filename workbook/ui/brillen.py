"""Module 03: the red and the green lens, open and closed questions.

(a) sort questions into red and green; (b) rewrite red into green and (c) closed into open,
with live feedback and a model answer after an attempt; (d) a question lab.
"""

from __future__ import annotations

import ipywidgets as widgets

from workbook import content, feedback
from workbook.content import BrillenFile, OpenGeslotenFile
from workbook.practice import (
    RewriteProgress,
    closed_to_open_tasks,
    judge_green,
    judge_open,
    lens_quiz,
    red_to_green_tasks,
)
from workbook.ui.exercise import ModulePage, Page, module_page
from workbook.ui.html import Markup, bullets, html, join
from workbook.ui.render import judged_question_html, lens_dot, question_html
from workbook.ui.texts import tekst
from workbook.ui.views.lab import LabView
from workbook.ui.views.quiz import QuizView
from workbook.ui.views.rewrite import RewriteView

__all__ = ["module"]


def explain_html(lenses: BrillenFile, questions: OpenGeslotenFile) -> Markup:
    """Return the two lenses, and open and closed questions."""
    parts = join(
        html(
            "<h4>{} {}</h4><p>{}</p>{}<p><em>{}</em></p>",
            lens_dot(b.kleur),
            b.naam,
            b.kijkt_naar,
            bullets(b.kenmerken),
            b.effect,
        )
        for b in lenses.brillen
    )
    return html(
        '<div class="wb-card"><p>{}</p>{}<h4>{}</h4><p>{}</p><p>{}</p><p>{}</p></div>',
        lenses.inleiding,
        parts,
        tekst("brillen.open_gesloten_titel"),
        questions.inleiding,
        questions.open_uitleg,
        questions.gesloten_uitleg,
    )


@module_page("brillen")
def module(page: ModulePage, seed: int | None = None) -> Page:
    """Build module 03 with its four exercises, each saved and restored."""
    lenses = content.load("brillen")
    questions = content.load("open_gesloten")
    sort = QuizView(lambda: lens_quiz(lenses, n=10, seed=seed), lenses.opdrachten["sorteren"])
    green = RewriteView(
        RewriteProgress(red_to_green_tasks(lenses), judge_green),
        judged_question_html,
        "wb-green",
        lenses.opdrachten["herschrijven"],
        tekst("brillen.herschrijven_voorbeeld"),
    )
    open_ = RewriteView(
        RewriteProgress(closed_to_open_tasks(questions), judge_open),
        judged_question_html,
        "wb-open",
        questions.opdracht,
        tekst("brillen.open_voorbeeld"),
    )
    lab = LabView(
        lambda text: question_html(feedback.analyse_question(text)),
        "wb-lab",
        lenses.opdrachten["lab"],
        tekst("brillen.lab_voorbeeld"),
    )
    tabs = page.tabs(
        ("Uitleg", widgets.HTML(explain_html(lenses, questions))),
        ("Sorteren", page.mount("sorteren", sort)),
        ("Rood → groen", page.mount("rood_groen", green)),
        ("Gesloten → open", page.mount("open_vragen", open_)),
        ("Vragenlab", page.mount("lab", lab)),
    )
    return page.done(tabs)
