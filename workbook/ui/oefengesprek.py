"""Module 06: a practice conversation for self-study; the student reacts to what the mentor does."""

from __future__ import annotations

import ipywidgets as widgets

from workbook.content import Oefengesprek
from workbook.roleplay import MAX_TURN_CHARS, Conversation
from workbook.ui.common import PageContext, card, esc, folder_page, save_status, textarea
from workbook.ui.components import lens_badge

__all__ = ["module", "ConversationView", "EXERCISE_PREFIX"]

EXERCISE_PREFIX = "06_oefengesprek."


class ConversationView:
    """Type what you say; the student answers; feedback per turn; a review at the end."""

    def __init__(self, scripts: list[Oefengesprek], ctx: PageContext, names: dict[str, str]):
        self.scripts = {s.id: s for s in scripts}
        self.ctx = ctx
        self.names = names
        self.saver = None
        self.status = save_status()
        self.choice = widgets.Dropdown(
            options=[(s.titel, s.id) for s in scripts],
            description="Gesprek",
            layout=widgets.Layout(width="520px"),
        )
        self.choice.add_class("wb-conv-choice")
        self.situation = widgets.HTML()
        self.transcript = widgets.HTML()
        self.transcript.add_class("wb-conv-transcript")
        self.text = textarea("wb-conv-text", "Wat zeg je tegen de leerling?")
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
        self.choice.observe(lambda _c: self._load(), names="value")
        self.text.observe(lambda _c: self._draft_changed(), names="value")
        self.input_box = widgets.VBox([self.text, self.send, self.message])
        self.widget = widgets.VBox(
            [
                card(
                    "<p>Oefen alleen een kort gesprek. De leerling reageert op wat jij doet: erkennen en "
                    "nieuwsgierige vragen maken de leerling opener, een rode 'waarom' of een preek "
                    "sluit hem af. "
                    "Het gesprek eindigt als jullie een kleine stap en een vervolgafspraak hebben, of na een "
                    "aantal beurten.</p>",
                    title="Oefengesprek",
                ),
                self.choice,
                self.situation,
                self.transcript,
                self.input_box,
                self.review,
                self.restart,
                self.status,
            ]
        )
        self._load()

    @property
    def script(self) -> Oefengesprek:
        return self.scripts[self.choice.value]

    def _load(self) -> None:
        if self.saver is not None:
            self.saver.flush()
        self.saver = self.ctx.autosaver(EXERCISE_PREFIX + self.script.id, self.status)
        saved = self.saver.load()
        self.conversation = Conversation.from_state(self.script, saved)
        draft = saved.get("draft") if isinstance(saved, dict) else None
        self._loading = True
        self.text.value = draft[:MAX_TURN_CHARS * 4] if isinstance(draft, str) else ""
        self._loading = False
        self.situation.value = (
            f'<div class="wb-card wb-info"><strong>De situatie.</strong> {esc(self.script.situatie)}</div>'
        )
        self.message.value = ""
        self._render()

    def _state(self) -> dict:
        """The conversation so far plus the turn being typed (a reload keeps both)."""
        text = self.text.value if isinstance(self.text.value, str) else ""
        return {**self.conversation.state(), "draft": text[: MAX_TURN_CHARS * 4]}

    def _draft_changed(self) -> None:
        if not getattr(self, "_loading", False) and self.saver is not None:
            self.saver.change(self._state())

    def _restart(self) -> None:
        self.conversation = Conversation(self.script)
        self.message.value = ""
        self.saver.change(self._state(), immediate=True)
        self._render()

    def say(self) -> None:
        """Send the typed turn; the student answers."""
        text = self.text.value if isinstance(self.text.value, str) else ""
        try:
            self.conversation.say(text)
        except ValueError as exc:
            self.message.value = f'<div class="wb-card wb-error">{esc(exc)}</div>'
            return
        self.message.value = ""
        self._loading = True
        self.text.value = ""
        self._loading = False
        self.saver.change(self._state(), immediate=True)
        self._render()

    def _turn_feedback(self, turn: dict) -> str:
        elements = turn["elements"]
        q = turn["question"]
        parts = []
        if elements:
            parts.append("✔ " + ", ".join(esc(self.names.get(e, e)) for e in elements))
        else:
            parts.append("✘ geen gesprekselement")
        if q["is_question"]:
            parts.append(("open vraag" if q["open"] else "gesloten vraag") + " " + lens_badge(q["lens"]))
        return f'<div class="wb-muted wb-conv-feedback">{" · ".join(parts)}</div>'

    def _render(self) -> None:
        name = esc(self.script.leerling)
        rows = [f'<p class="wb-conv-student"><strong>{name}:</strong> {esc(self.script.opening)}</p>']
        for turn in self.conversation.turns:
            rows.append(f'<p class="wb-conv-mentor"><strong>Jij:</strong> {esc(turn["mentor"])}</p>')
            rows.append(self._turn_feedback(turn))
            rows.append(f'<p class="wb-conv-student"><strong>{name}:</strong> {esc(turn["student"])}</p>')
        self.transcript.value = f'<div class="wb-card">{"".join(rows)}</div>'
        done = self.conversation.finished
        self.input_box.layout.display = "none" if done else None
        if not done:
            left = self.script.max_beurten - len(self.conversation.turns)
            self.review.value = (
                f'<span class="wb-muted">Nog {left} beurten. Houd je beurten kort '
                f"(hoogstens {MAX_TURN_CHARS} tekens).</span>"
            )
            return
        r = self.conversation.review()
        used = ", ".join(esc(self.names.get(e, e)) for e in r["elements"]) or "geen"
        outcome = (
            "Je hebt een kleine stap en een vervolgafspraak gemaakt."
            if r["agreement"]
            else "Het gesprek is afgelopen zonder stap en vervolgafspraak."
        )
        tips = (
            "".join(f"<li>{esc(t)}</li>" for t in r["tips"])
            or "<li>Sterk gesprek: probeer het eens met een andere leerling.</li>"
        )
        self.review.value = (
            f'<div class="wb-card {"wb-ok" if r["agreement"] else "wb-info"}">'
            f"<h3>Terugblik</h3><p>{outcome}</p>"
            f"<p>Beurten: {r['turns']} · gebruikte elementen: {used} · vragen: {r['questions']} "
            f"({r['open_questions']} open, {r['red_questions']} rood)</p>"
            f"<p><strong>Tips</strong></p><ul>{tips}</ul>"
            "<p>Klik op <em>Opnieuw beginnen</em> om het nog eens te proberen.</p></div>"
        )


def module(ctx: PageContext | None = None) -> widgets.Widget:
    """Build module 06; a broken script file is reported, the others stay usable."""
    return folder_page("oefengesprekken", ConversationView, ctx)
