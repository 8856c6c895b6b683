"""A lab: type anything, see the analysis live, keep a personal list of what you tried."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbook.answers import LabAnswer
from workbook.practice import MAX_TEXT
from workbook.ui.common import card, textarea
from workbook.ui.exercise import Exercise
from workbook.ui.html import EMPTY, Markup, bullets, html, notice
from workbook.ui.texts import tekst

__all__ = ["LabView"]

KEEP = 20  # texts in the personal list


class LabView(Exercise[LabAnswer]):
    """Type anything and see the analysis live; keep a personal list of what you tried.

    Parameters
    ----------
    render : callable
        Turns a text into its analysis (HTML).
    css : str
        Class prefix for the widgets.
    intro, placeholder : str
        The instruction and the hint in the empty text box.
    keep_label : str, optional
        The text of the button that keeps a text (default: ``lab.bewaren`` in ``teksten.yaml``).
    """

    model = LabAnswer

    def __init__(
        self,
        render: Callable[[str], Markup],
        css: str,
        intro: str,
        placeholder: str,
        keep_label: str | None = None,
    ) -> None:
        self.render = render
        self.history: list[str] = []
        self.text = textarea(f"{css}-text", placeholder)
        self.feedback = widgets.HTML()
        self.feedback.add_class(f"{css}-feedback")
        self.keep = widgets.Button(
            description=keep_label or tekst("lab.bewaren"),
            icon="plus",
            layout=widgets.Layout(width="auto", align_self="flex-start"),
        )
        self.keep.add_class(f"{css}-keep")
        self.list = widgets.HTML()
        self.list.add_class(f"{css}-list")
        self.text.observe(self._on_text, names="value")
        self.keep.on_click(lambda _b: self._keep())
        self.widget = widgets.VBox([card(html("<p>{}</p>", intro)), self.text, self.feedback, self.keep, self.list])

    def state(self) -> LabAnswer:
        """Return the list kept so far and the text being typed (a reload keeps both)."""
        return LabAnswer(history=self.history, draft=self.text.value[:MAX_TEXT], finished=len(self.history) >= 3)

    def restore(self, state: LabAnswer) -> None:
        """Show a saved list and draft."""
        self.history = [h[:MAX_TEXT] for h in state.history][-KEEP:]
        self.text.value = state.draft[:MAX_TEXT]
        self._show(self.text.value)
        self._render_list()

    def _on_text(self, change: dict[str, Any]) -> None:
        text = change["new"] if isinstance(change["new"], str) else ""
        if len(text) > MAX_TEXT:
            self.feedback.value = notice(tekst("lab.te_lang", max=MAX_TEXT), "wb-error")
            return
        self.changed()
        self._show(text)

    def _show(self, text: str) -> None:
        self.feedback.value = self.render(text) if text.strip() else EMPTY

    def _keep(self) -> None:
        text = " ".join(self.text.value.split())
        if not text or len(text) > MAX_TEXT or text in self.history:
            return
        self.history = (self.history + [text])[-KEEP:]
        self._render_list()
        self.changed(immediate=True)

    def _render_list(self) -> None:
        if not self.history:
            self.list.value = ""
            return
        self.list.value = html('<div class="wb-card"><strong>Mijn lijst</strong>{}</div>', bullets(self.history))
