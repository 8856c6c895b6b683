"""A practice conversation for self-study: the simulated student reacts to what the mentor does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbook.answers import ConversationAnswer
from workbook.content import Oefengesprek
from workbook.roleplay import MAX_TURN_CHARS, Conversation
from workbook.ui.common import card, textarea
from workbook.ui.exercise import ItemExercise
from workbook.ui.html import Markup, bullets, html, join, notice
from workbook.ui.render import lens_badge
from workbook.ui.texts import tekst, tekst_html

__all__ = ["ConversationView"]

MAX_DRAFT = MAX_TURN_CHARS * 4


class ConversationView(ItemExercise[ConversationAnswer, Oefengesprek]):
    """Type what you say; the student answers; feedback per turn; a review at the end.

    Parameters
    ----------
    scripts : list of Oefengesprek
        The valid conversation scripts.
    names : dict
        Element id to its Dutch name.
    exercise_for : callable
        Script id to the exercise id the conversation is saved under.
    """

    model = ConversationAnswer

    def __init__(self, scripts: list[Oefengesprek], names: dict[str, str], exercise_for: Callable[[str], str]) -> None:
        self._choose(scripts, "Gesprek", "wb-conv-choice", exercise_for)
        self.names = names
        self.conversation = Conversation(self.script)
        self.situation = widgets.HTML()
        self.transcript = widgets.HTML()
        self.transcript.add_class("wb-conv-transcript")
        self.text = textarea("wb-conv-text", tekst("oefengesprek.voorbeeld"))
        self.send = widgets.Button(description="Zeg het", icon="comment", button_style="primary")
        self.send.add_class("wb-conv-send")
        self.restart = widgets.Button(description="Opnieuw beginnen", icon="refresh")
        self.restart.add_class("wb-conv-restart")
        self.message = widgets.HTML()
        self.message.add_class("wb-conv-message")
        self.review = widgets.HTML()
        self.review.add_class("wb-conv-review")
        self.send.on_click(lambda _b: self.say())
        self.restart.on_click(lambda _b: self._restart())
        self.text.observe(lambda _c: self.changed(), names="value")
        self.input_box = widgets.VBox([self.text, self.send, self.message])
        self.widget = widgets.VBox(
            [
                card(html("<p>{}</p>", tekst("oefengesprek.uitleg")), title="Oefengesprek"),
                self.choice,
                self.situation,
                self.transcript,
                self.input_box,
                self.review,
                self.restart,
            ]
        )
        self.restore(ConversationAnswer())

    @property
    def script(self) -> Oefengesprek:
        """Return the conversation script chosen."""
        return self.item

    # --- answer -------------------------------------------------------------------------

    def state(self) -> ConversationAnswer:
        """Return the conversation so far plus the turn being typed (a reload keeps both)."""
        text = self.text.value if isinstance(self.text.value, str) else ""
        return ConversationAnswer.model_validate({**self.conversation.state(), "draft": text[:MAX_DRAFT]})

    def restore(self, state: ConversationAnswer) -> None:
        """Replay the saved turns against the chosen script and show the draft."""
        self.conversation = Conversation.from_state(self.script, state.dump())
        with self.quietly():
            self.text.value = state.draft[:MAX_DRAFT]
        self.situation.value = html(
            '<div class="wb-card wb-info"><strong>De situatie.</strong> {}</div>', self.script.situatie
        )
        self.message.value = ""
        self._render()

    # --- callbacks ------------------------------------------------------------------------

    def _restart(self) -> None:
        self.conversation = Conversation(self.script)
        self.message.value = ""
        self.changed(immediate=True)
        self._render()

    def say(self) -> None:
        """Send the typed turn; the student answers."""
        text = self.text.value if isinstance(self.text.value, str) else ""
        try:
            self.conversation.say(text)
        except ValueError as exc:
            self.message.value = notice(str(exc), "wb-error")
            return
        self.message.value = ""
        with self.quietly():
            self.text.value = ""
        self.changed(immediate=True)
        self._render()

    # --- rendering ------------------------------------------------------------------------

    def _turn_feedback(self, turn: dict[str, Any]) -> Markup:
        q = turn["question"]
        if turn["elements"]:
            parts = [html("✔ {}", ", ".join(self.names.get(e, e) for e in turn["elements"]))]
        else:
            parts = [Markup("✘ geen gesprekselement")]
        if q["is_question"]:
            parts.append(html("{} {}", "open vraag" if q["open"] else "gesloten vraag", lens_badge(q["lens"])))
        return html('<div class="wb-muted wb-conv-feedback">{}</div>', join(parts, " · "))

    def _render(self) -> None:
        name = self.script.leerling
        rows = [html('<p class="wb-conv-student"><strong>{}:</strong> {}</p>', name, self.script.opening)]
        for turn in self.conversation.turns:
            rows.append(html('<p class="wb-conv-mentor"><strong>Jij:</strong> {}</p>', turn["mentor"]))
            rows.append(self._turn_feedback(turn))
            rows.append(html('<p class="wb-conv-student"><strong>{}:</strong> {}</p>', name, turn["student"]))
        self.transcript.value = html('<div class="wb-card">{}</div>', join(rows))
        done = self.conversation.finished
        self.input_box.layout.display = "none" if done else None
        if not done:
            left = self.script.max_beurten - len(self.conversation.turns)
            self.review.value = html(
                '<span class="wb-muted">{}</span>', tekst("oefengesprek.beurten_over", over=left, max=MAX_TURN_CHARS)
            )
            return
        self.review.value = self._review_html()

    def _review_html(self) -> Markup:
        r = self.conversation.review()
        used = ", ".join(self.names.get(e, e) for e in r["elements"]) or "geen"
        outcome = tekst("oefengesprek.afspraak") if r["agreement"] else tekst("oefengesprek.geen_afspraak")
        tips = bullets(r["tips"] or [tekst("oefengesprek.sterk")])
        figures = tekst(
            "oefengesprek.terugblik",
            beurten=r["turns"],
            elementen=used,
            vragen=r["questions"],
            open=r["open_questions"],
            rood=r["red_questions"],
        )
        return html(
            '<div class="wb-card {}"><h3>Terugblik</h3><p>{}</p><p>{}</p><p><strong>Tips</strong></p>{}<p>{}</p></div>',
            "wb-ok" if r["agreement"] else "wb-info",
            outcome,
            figures,
            tips,
            tekst_html("oefengesprek.opnieuw", knop=html("<em>{}</em>", self.restart.description)),
        )
