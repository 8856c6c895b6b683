"""Module 01: explore the seven conversation elements, then recognise them in a quiz."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from workbook.content import ElementenFile
from workbook.quiz import element_quiz
from workbook.ui.common import (
    PageContext,
    bullets,
    card,
    esc,
    module_start,
    save_status,
    style,
)
from workbook.ui.components import LabView, elements_html, saved_quiz

__all__ = ["module", "Explorer"]


class Explorer:
    """Choose an element and read what it is, why it helps, phrasings and pitfalls."""

    def __init__(self, data: ElementenFile):
        self._elements = {e.id: e for e in data.elementen}
        self._choice = widgets.ToggleButtons(
            options=[(e.naam, e.id) for e in data.elementen],
            value=data.elementen[0].id,
            style={"button_width": "auto"},
            layout=widgets.Layout(margin="4px 0"),
        )
        self._choice.add_class("wb-element-choice")
        self._card = widgets.HTML()
        self._card.add_class("wb-element-card")
        self._choice.observe(self._on_choice, names="value")
        self._render(self._choice.value)
        intro = card(f"<p>{esc(data.inleiding)}</p>")
        self.widget = widgets.VBox([intro, self._choice, self._card])

    def _on_choice(self, change: dict[str, Any]) -> None:
        if change["new"] in self._elements:
            self._render(change["new"])

    def _render(self, element_id: str) -> None:
        e = self._elements[element_id]
        phrasings = "".join(f'<li>"{esc(p)}"</li>' for p in e.voorbeelden)
        self._card.value = (
            f'<div class="wb-card"><h3>{esc(e.naam)}</h3>'
            f'<p class="wb-muted">{esc(e.kort)}</p>'
            f"<h4>Wat is het?</h4><p>{esc(e.wat)}</p>"
            f"<h4>Waarom helpt het?</h4><p>{esc(e.waarom)}</p>"
            f"<h4>Zo herken je het</h4><p>{esc(e.herkennen)}</p>"
            f"<h4>Zo kun je het zeggen</h4><ul>{phrasings}</ul>"
            f"<h4>Let op</h4>{bullets(e.valkuilen)}</div>"
        )


QUIZ_EXERCISE = "01_elementen.quiz"
FREE_EXERCISE = "01_elementen.vrij"


def module(ctx: PageContext | None = None, seed: int | None = None) -> widgets.Widget:
    """Build module 01: a tab to explore the elements and a tab with the quiz.

    The quiz is saved after every answer and restored when the page is opened again.
    """
    ctx, bar, data, failed = module_start("elementen", ctx)
    if failed is not None:
        return failed
    explorer = Explorer(data)
    quiz_view = saved_quiz(ctx, QUIZ_EXERCISE, lambda: element_quiz(data, n=10, seed=seed))
    names = {e.id: e.naam for e in data.elementen}
    free_status = save_status()
    free_saver = ctx.autosaver(FREE_EXERCISE, free_status)
    free = LabView(
        lambda text: elements_html(text, names),
        free_saver,
        "wb-free",
        "Typ wat je tegen een leerling zou zeggen. Je ziet meteen welk gesprekselement je daarmee inzet, "
        "of waarom het (nog) geen van de zeven is.",
        "Bijvoorbeeld: Dat lijkt me lastig. Wat werkt er al wel?",
    )
    free.restore(free_saver.load())
    free.widget.children = (*free.widget.children, free_status)
    tabs = widgets.Tab(children=[explorer.widget, quiz_view.widget, free.widget])
    tabs.titles = ("Verkennen", "Quiz", "Zelf formuleren")
    if quiz_view.quiz.answers:
        tabs.selected_index = 1
    box = widgets.VBox([style(), bar, tabs])
    box.free = free
    box.explorer = explorer
    box.quiz_view = quiz_view
    box.saver = quiz_view.saver
    return box
