"""Module 02: the four levels of listening, a quiz, and a self-assessment after practice."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from workbook.content import LuisterenFile
from workbook.practice import MAX_TEXT, listening_quiz
from workbook.ui.common import (
    PageContext,
    bullets,
    card,
    esc,
    module_start,
    save_status,
    style,
    textarea,
)
from workbook.ui.components import saved_quiz

__all__ = ["module", "SelfAssessment", "QUIZ_EXERCISE", "SELF_EXERCISE"]

QUIZ_EXERCISE = "02_luisteren.quiz"
SELF_EXERCISE = "02_luisteren.zelfevaluatie"


def levels_html(data: LuisterenFile) -> str:
    parts = [f"<p>{esc(data.inleiding)}</p>"]
    for n in data.niveaus:
        parts.append(
            f"<h4>Niveau {n.niveau}: {esc(n.naam)}</h4><p>{esc(n.beschrijving)}</p>"
            f"<p class='wb-muted'>Zo herken je het:</p>{bullets(n.signalen)}<p><em>{esc(n.effect)}</em></p>"
        )
    return "".join(parts)


class SelfAssessment:
    """After a practice conversation: at which level did you listen, what made it hard."""

    def __init__(self, data: LuisterenFile, saver):
        self.saver = saver
        q_level, q_hard, q_next = data.zelfevaluatie
        self.level = widgets.RadioButtons(
            options=[(f"Niveau {n.niveau}: {n.naam.lower()}", n.niveau) for n in data.niveaus],
            value=None,
            layout=widgets.Layout(width="auto"),
        )
        self.level.add_class("wb-self-level")
        self.hard = textarea("wb-self-hard", "Bijvoorbeeld: ik had al een tip klaar...", "80px")
        self.next_time = textarea("wb-self-next", "Bijvoorbeeld: eerst samenvatten voordat ik iets vraag.", "80px")
        self.message = widgets.HTML()
        for w in (self.level, self.hard, self.next_time):
            w.observe(self._changed, names="value")
        self.widget = widgets.VBox(
            [
                card(
                    "<p>Voer eerst een kort oefengesprek (bijvoorbeeld in module 5 of 6, of met een "
                    "collega). "
                    "Kijk daarna eerlijk terug: er is geen goed of fout antwoord.</p>",
                    title="Terugkijken",
                ),
                widgets.HTML(f"<p><strong>{esc(q_level)}</strong></p>"),
                self.level,
                widgets.HTML(f"<p><strong>{esc(q_hard)}</strong></p>"),
                self.hard,
                widgets.HTML(f"<p><strong>{esc(q_next)}</strong></p>"),
                self.next_time,
                self.message,
            ]
        )

    def restore(self, state: dict[str, Any] | None) -> None:
        if not isinstance(state, dict):
            return
        self._loading = True
        if state.get("niveau") in (1, 2, 3, 4):
            self.level.value = state["niveau"]
        self.hard.value = str(state.get("lastig") or "")[:MAX_TEXT]
        self.next_time.value = str(state.get("anders") or "")[:MAX_TEXT]
        self._loading = False

    def state(self) -> dict[str, Any]:
        return {
            "niveau": self.level.value,
            "lastig": self.hard.value,
            "anders": self.next_time.value,
            "finished": self.level.value is not None
            and bool(self.hard.value.strip())
            and bool(self.next_time.value.strip()),
        }

    def _changed(self, _change) -> None:
        if getattr(self, "_loading", False):
            return
        if len(self.hard.value) > MAX_TEXT or len(self.next_time.value) > MAX_TEXT:
            self.message.value = (
                f'<div class="wb-card wb-error">Je tekst is te lang (hoogstens {MAX_TEXT} '
                "tekens). Maak hem korter; wat je eerder bewaarde, blijft bewaard.</div>"
            )
            return
        self.message.value = ""
        self.saver.change(self.state())


def module(ctx: PageContext | None = None, seed: int | None = None) -> widgets.Widget:
    """Build module 02: explanation, quiz and self-assessment, each saved and restored."""
    ctx, bar, data, failed = module_start("luisteren", ctx)
    if failed is not None:
        return failed
    quiz_view = saved_quiz(
        ctx,
        QUIZ_EXERCISE,
        lambda: listening_quiz(data, seed=seed),
        intro="Een leerling zegt iets en de mentor reageert. Op welk niveau luistert de mentor?",
    )
    self_status = save_status()
    self_saver = ctx.autosaver(SELF_EXERCISE, self_status)
    assessment = SelfAssessment(data, self_saver)
    assessment.restore(self_saver.load())
    assessment.widget.children = (*assessment.widget.children, self_status)
    explain = widgets.HTML(f'<div class="wb-card">{levels_html(data)}</div>')
    tabs = widgets.Tab(children=[explain, quiz_view.widget, assessment.widget])
    tabs.titles = ("Vier niveaus", "Quiz", "Terugkijken")
    box = widgets.VBox([style(), bar, tabs])
    box.quiz_view, box.assessment = quiz_view, assessment
    return box
