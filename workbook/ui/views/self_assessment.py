"""Looking back after a practice conversation: at which level did you listen, what was hard."""

from __future__ import annotations

import ipywidgets as widgets

from workbook.answers import SelfAssessmentAnswer
from workbook.content import LuisterenFile
from workbook.practice import MAX_TEXT
from workbook.ui.common import card, textarea
from workbook.ui.exercise import Exercise
from workbook.ui.html import html, notice
from workbook.ui.texts import tekst

__all__ = ["SelfAssessment"]


class SelfAssessment(Exercise[SelfAssessmentAnswer]):
    """After a practice conversation: at which level did you listen, what made it hard.

    Parameters
    ----------
    data : LuisterenFile
        The levels and the three questions.
    """

    model = SelfAssessmentAnswer

    def __init__(self, data: LuisterenFile) -> None:
        q_level, q_hard, q_next = data.zelfevaluatie
        self.level = widgets.RadioButtons(
            options=[(f"Niveau {n.niveau}: {n.naam.lower()}", n.niveau) for n in data.niveaus],
            value=None,
            layout=widgets.Layout(width="auto"),
        )
        self.level.add_class("wb-self-level")
        self.hard = textarea("wb-self-hard", tekst("luisteren.lastig_voorbeeld"), "80px")
        self.next_time = textarea("wb-self-next", tekst("luisteren.anders_voorbeeld"), "80px")
        self.message = widgets.HTML()
        for w in (self.level, self.hard, self.next_time):
            w.observe(lambda _c: self._changed(), names="value")
        self.widget = widgets.VBox(
            [
                card(html("<p>{}</p>", tekst("luisteren.terugkijken")), title="Terugkijken"),
                widgets.HTML(html("<p><strong>{}</strong></p>", q_level)),
                self.level,
                widgets.HTML(html("<p><strong>{}</strong></p>", q_hard)),
                self.hard,
                widgets.HTML(html("<p><strong>{}</strong></p>", q_next)),
                self.next_time,
                self.message,
            ]
        )

    def state(self) -> SelfAssessmentAnswer:
        """Return the level and the two reflections."""
        return SelfAssessmentAnswer(
            niveau=self.level.value,
            lastig=self.hard.value,
            anders=self.next_time.value,
            finished=self.level.value is not None
            and bool(self.hard.value.strip())
            and bool(self.next_time.value.strip()),
        )

    def restore(self, state: SelfAssessmentAnswer) -> None:
        """Show a saved self-assessment."""
        if state.niveau is not None:
            self.level.value = state.niveau
        self.hard.value = state.lastig[:MAX_TEXT]
        self.next_time.value = state.anders[:MAX_TEXT]

    def _changed(self) -> None:
        if self.loading:
            return
        if len(self.hard.value) > MAX_TEXT or len(self.next_time.value) > MAX_TEXT:
            self.message.value = notice(tekst("luisteren.te_lang", max=MAX_TEXT), "wb-error")
            return
        self.message.value = ""
        self.changed()
