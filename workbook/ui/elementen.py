"""Module 01: explore the seven conversation elements, recognise them in a quiz, formulate your own."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from workbook import content
from workbook.content import Element, ElementenFile
from workbook.quiz import element_quiz
from workbook.ui.common import card
from workbook.ui.exercise import ModulePage, Page, module_page
from workbook.ui.html import bullets, html, join
from workbook.ui.render import elements_html
from workbook.ui.texts import tekst
from workbook.ui.views.lab import LabView
from workbook.ui.views.quiz import QuizView

__all__ = ["module", "Explorer"]


class Explorer:
    """Choose an element and read what it is, why it helps, phrasings and pitfalls."""

    def __init__(self, data: ElementenFile) -> None:
        self._elements: dict[str, Element] = {e.id: e for e in data.elementen}
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
        self.widget = widgets.VBox([card(html("<p>{}</p>", data.inleiding)), self._choice, self._card])

    def _on_choice(self, change: dict[str, Any]) -> None:
        if change["new"] in self._elements:
            self._render(change["new"])

    def _render(self, element_id: str) -> None:
        e = self._elements[element_id]
        self._card.value = html(
            '<div class="wb-card"><h3>{}</h3><p class="wb-muted">{}</p><h4>{}</h4><p>{}</p>'
            "<h4>{}</h4><p>{}</p><h4>{}</h4><p>{}</p>"
            "<h4>{}</h4><ul>{}</ul><h4>Let op</h4>{}</div>",
            e.naam,
            e.kort,
            tekst("elementen.wat_titel"),
            e.wat,
            tekst("elementen.waarom_titel"),
            e.waarom,
            tekst("elementen.herkennen_titel"),
            e.herkennen,
            tekst("elementen.zeggen_titel"),
            join(html('<li>"{}"</li>', p) for p in e.voorbeelden),
            bullets(e.valkuilen),
        )


@module_page("elementen")
def module(page: ModulePage, seed: int | None = None) -> Page:
    """Build module 01: explore the elements, the quiz (saved after every answer), and a lab."""
    data = content.load("elementen")
    explorer = page.parts["explorer"] = Explorer(data)
    quiz = QuizView(lambda: element_quiz(data, n=10, seed=seed), tekst("elementen.quiz"))
    names: dict[str, str] = {e.id: e.naam for e in data.elementen}
    lab = LabView(
        lambda text: elements_html(text, names), "wb-free", tekst("elementen.vrij"), tekst("elementen.vrij_voorbeeld")
    )
    tabs = page.tabs(
        ("Verkennen", explorer.widget),
        ("Quiz", page.mount("quiz", quiz)),
        ("Zelf formuleren", page.mount("vrij", lab)),
    )
    if quiz.quiz.answers:
        tabs.selected_index = 1
    return page.done(tabs)
