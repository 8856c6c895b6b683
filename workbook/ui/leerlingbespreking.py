"""Module 08: the leerlingbespreking, with a green lens: characteristics, parts, question practice, HGW."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import content
from workbook.practice import RewriteProgress, judge_green, meeting_quiz, meeting_tasks
from workbook.ui.common import error_box
from workbook.ui.exercise import ModulePage, Page, module_page
from workbook.ui.render import hgw_html, judged_question_html, meeting_html
from workbook.ui.texts import tekst
from workbook.ui.views.quiz import QuizView
from workbook.ui.views.rewrite import RewriteView

__all__ = ["module"]


def _hgw_tab() -> widgets.Widget:
    try:
        return widgets.HTML(hgw_html(content.load("hgw")))
    except content.ContentError as err:  # a broken hgw.yaml costs this tab only
        return error_box(err)


@module_page("leerlingbespreking")
def module(page: ModulePage, seed: int | None = None) -> Page:
    """Build module 08: explanation, sorting questions, rewriting them solution-oriented, HGW."""
    data = content.load("leerlingbespreking")
    quiz = QuizView(lambda: meeting_quiz(data, seed=seed), tekst("leerlingbespreking.sorteren"))
    rewrite = RewriteView(
        RewriteProgress(meeting_tasks(data), judge_green),
        judged_question_html,
        "wb-meeting",
        tekst("leerlingbespreking.herschrijven"),
        tekst("leerlingbespreking.herschrijven_voorbeeld"),
    )
    tabs = page.tabs(
        ("De bespreking", widgets.HTML(meeting_html(data))),
        ("Sorteren", page.mount("sorteren", quiz)),
        ("Herschrijven", page.mount("herschrijven", rewrite)),
        ("HGW-principes", _hgw_tab()),
    )
    return page.done(tabs)
