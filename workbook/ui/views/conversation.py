"""A practice conversation for self-study: the simulated student reacts to what the mentor does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbook.answers import ConversationAnswer
from workbook.content import Oefengesprek
from workbook.student import MAX_TURN_CHARS, Conversation
from workbook.ui.common import card, textarea
from workbook.ui.exercise import ItemExercise
from workbook.ui.html import EMPTY, Markup, bullets, html, join, notice
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
            '<div class="wb-card wb-info"><strong>De situatie.</strong> {} <em>{}</em></div>',
            self.script.situatie,
            tekst("oefengesprek.karakter", karakter=tekst(f"oefengesprek.temperament.{self.script.temperament}")),
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
        parts = [html("{}", tekst(f"oefengesprek.zet.{turn['move']}"))]
        if turn["elements"]:
            parts.append(html("✔ {}", ", ".join(self.names.get(e, e) for e in turn["elements"])))
        if q["is_question"]:
            parts.append(html("{} {}", "open vraag" if q["open"] else "gesloten vraag", lens_badge(q["lens"])))
        parts.append(html("{}", self._effect(turn)))
        return html('<div class="wb-muted wb-conv-feedback">{}</div>', join(parts, " · "))

    def _effect(self, turn: dict[str, Any]) -> str:
        before, after = turn["trust_before"], turn["trust"]
        key = "op" if after > before else "af" if after < before else "gelijk"
        return tekst(f"oefengesprek.effect.{key}", naam=self.script.leerling, voor=before, na=after)

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

    def _arc_html(self, arc: list[int]) -> Markup:
        """Draw the trust over the turns as a small bar chart (with a text alternative)."""
        bars = join(
            html(
                '<span class="wb-arc-bar wb-arc-{}" style="height:{}px" title="{}"><span>{}</span></span>',
                "laag" if value <= 2 else "midden" if value <= 5 else "hoog",
                14 + value * 5,
                f"{i}: {value}",
                value,
            )
            for i, value in enumerate(arc)
        )
        alt = tekst("oefengesprek.boog_alt", waarden=", ".join(str(v) for v in arc))
        return html(
            '<figure class="wb-arc" role="img" aria-label="{}"><figcaption>{}</figcaption><div>{}</div></figure>',
            alt,
            tekst("oefengesprek.boog"),
            bars,
        )

    def _review_html(self) -> Markup:
        r = self.conversation.review()
        name = self.script.leerling
        used = ", ".join(self.names.get(e, e) for e in r["elements"]) or "geen"
        outcome = tekst(f"oefengesprek.uitkomst.{r['outcome']}", naam=name)
        made = [
            tekst("oefengesprek.stap_wel" if r["step"] else "oefengesprek.stap_niet", naam=name),
            tekst("oefengesprek.afspraak_wel" if r["agreement"] else "oefengesprek.afspraak_niet"),
        ]
        if r["threat"]:
            made.append(tekst("oefengesprek.dreigement"))
        tips = [tekst(f"oefengesprek.tip.{t}", rood=r["red_questions"]) for t in r["tips"]]
        weakest = EMPTY
        if r["weakest"] is not None:
            turn = self.conversation.turns[r["weakest"]]
            weakest = html(
                '<div class="wb-card wb-info wb-conv-weakest"><p><strong>{}</strong></p><p>{}</p></div>',
                tekst("oefengesprek.zwakste", nummer=r["weakest"] + 1, zin=turn["mentor"]),
                tekst(f"oefengesprek.beter.{turn['move']}"),
            )
        figures = tekst(
            "oefengesprek.terugblik",
            beurten=r["turns"],
            elementen=used,
            vragen=r["questions"],
            open=r["open_questions"],
            rood=r["red_questions"],
        )
        return html(
            '<div class="wb-card {}"><h3>Terugblik</h3><p><strong>{}</strong></p>{}{}<p>{}</p>{}'
            "<p><strong>Tips</strong></p>{}<p>{}</p></div>",
            "wb-ok" if r["agreement"] else "wb-info",
            outcome,
            bullets(made),
            self._arc_html(r["arc"]),
            figures,
            weakest,
            bullets(tips or [tekst("oefengesprek.sterk")]),
            tekst_html("oefengesprek.opnieuw", knop=html("<em>{}</em>", self.restart.description)),
        )
