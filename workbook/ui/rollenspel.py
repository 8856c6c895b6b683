"""Module 05: role-play in threes (mentor, student, observer) with timer, tally board and debrief."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from workbook.content import ELEMENT_IDS, Rollenspel
from workbook.roleplay import COUNTERS, MAX_NOTES, Tally, format_seconds
from workbook.ui.common import PageContext, bullets, card, esc, folder_page, save_status, textarea

__all__ = ["module", "RoleplayView", "EXERCISE_PREFIX"]

EXERCISE_PREFIX = "05_rollenspel."
ROLES = (("Mentor", "mentor"), ("Leerling", "leerling"), ("Observator", "observator"))
COUNTER_LABELS = {
    "rood": "Rode vraag",
    "groen": "Groene vraag",
    "open": "Open vraag",
    "gesloten": "Gesloten vraag",
}


def role_card(scenario: Rollenspel, role: str) -> str:
    """The card one role sees (escaped); the others stay hidden."""
    if role == "mentor":
        m = scenario.mentor
        return (
            f"<h3>Jij bent de mentor</h3><p>{esc(m.situatie)}</p>"
            f"<p><strong>Je doel:</strong> {esc(m.doel)}</p>"
            f"<p class='wb-muted'>Je hebt ongeveer {scenario.minuten} minuten.</p>"
        )
    if role == "leerling":
        s = scenario.leerling
        return (
            f"<h3>Jij bent de leerling</h3><p>{esc(s.achtergrond)}</p><p><strong>Hoe je je voelt:</strong> "
            f"{esc(s.gevoel)}</p><p><strong>Als de mentor je erkent:</strong> {esc(s.bij_erkenning)}</p>"
            f"<p><strong>Bij advies of een verwijt:</strong> {esc(s.bij_advies)}</p>"
            f"<p><strong>Dingen die je zou kunnen zeggen:</strong></p>{bullets(s.zinnen)}"
        )
    phrasings = "".join(
        f"<li><strong>{esc(e.replace('_', ' '))}:</strong> {esc(' / '.join(scenario.formuleringen[e]))}</li>"
        for e in ELEMENT_IDS
    )
    return (
        f"<h3>Jij bent de observator</h3><p>Klik elke keer dat de mentor een element inzet, tel de vragen en "
        f"noteer wat je opvalt.</p><p><strong>Let op:</strong></p>{bullets(scenario.observator.let_op)}"
        f"<details><summary>Voorbeeldzinnen per element</summary><ul>{phrasings}</ul></details>"
    )


class RoleplayView:
    """Choose a scenario and a role, run the timer, tally (observer) and debrief; saved per scenario."""

    def __init__(self, scenarios: list[Rollenspel], ctx: PageContext, names: dict[str, str]):
        self.scenarios = {s.id: s for s in scenarios}
        self.ctx = ctx
        self.names = names
        self.tally = Tally()
        self.status = save_status()
        self.saver = None
        self.choice = widgets.Dropdown(
            options=[(f"{s.titel} ({s.thema})", s.id) for s in scenarios],
            description="Scenario",
            layout=widgets.Layout(width="520px"),
        )
        self.choice.add_class("wb-rp-scenario")
        self.role = widgets.ToggleButtons(options=ROLES, value=None, description="Jouw rol")
        self.role.add_class("wb-rp-role")
        self.card = widgets.HTML()
        self.card.add_class("wb-rp-card")
        self.timer = widgets.Play(min=0, max=600, step=1, interval=1000, value=0, show_repeat=False)
        self.timer.add_class("wb-rp-timer")
        self.clock = widgets.HTML()
        self.clock.add_class("wb-rp-clock")
        self.element_buttons = {
            e: widgets.Button(description=names.get(e, e), layout=widgets.Layout(width="auto", margin="2px"))
            for e in ELEMENT_IDS
        }
        for e, b in self.element_buttons.items():
            b.add_class(f"wb-rp-el-{e}")
            b.on_click(lambda _b, el=e: self._mark(el))
        self.counter_buttons = {
            c: widgets.Button(description=COUNTER_LABELS[c], icon="plus", layout=widgets.Layout(width="auto"))
            for c in COUNTERS
        }
        for c, b in self.counter_buttons.items():
            b.add_class(f"wb-rp-count-{c}")
            b.on_click(lambda _b, key=c: self._count(key))
        self.undo = widgets.Button(
            description="Laatste element ongedaan maken", icon="undo", layout=widgets.Layout(width="auto")
        )
        self.undo.on_click(lambda _b: self._undo())
        self.listening = widgets.ToggleButtons(
            options=[("1", 1), ("2", 2), ("3", 3), ("4", 4)],
            value=None,
            description="Luisterniveau",
            style={"button_width": "50px"},
        )
        self.listening.add_class("wb-rp-listening")
        self.notes = textarea("wb-rp-notes", "Wat valt je op? Letterlijke zinnen zijn goud waard.", "80px")
        self.tally_view = widgets.HTML()
        self.tally_view.add_class("wb-rp-tally")
        self.board = widgets.VBox(
            [
                widgets.HTML("<h4>Elementen (klik als de mentor het inzet)</h4>"),
                widgets.HBox(list(self.element_buttons.values()), layout=widgets.Layout(flex_flow="row wrap")),
                widgets.HTML("<h4>Vragen</h4>"),
                widgets.HBox(list(self.counter_buttons.values()), layout=widgets.Layout(flex_flow="row wrap")),
                self.undo,
                self.listening,
                self.notes,
                self.tally_view,
            ]
        )
        self.board.add_class("wb-rp-board")
        self.to_debrief = widgets.Button(
            description="Naar de nabespreking",
            icon="comments",
            button_style="primary",
            layout=widgets.Layout(width="auto", align_self="flex-start"),
        )
        self.to_debrief.add_class("wb-rp-to-debrief")
        self.agreement = widgets.Checkbox(
            description="Er is een concrete kleine stap afgesproken",
            indent=False,
            layout=widgets.Layout(width="auto"),
        )
        self.agreement.add_class("wb-rp-agreement")
        self.followup = widgets.Checkbox(
            description="Er is een vervolgafspraak met een moment",
            indent=False,
            layout=widgets.Layout(width="auto"),
        )
        self.followup.add_class("wb-rp-followup")
        self.debrief_notes = textarea("wb-rp-debrief-notes", "Wat neem je mee uit deze ronde?", "80px")
        self.debrief_view = widgets.HTML()
        self.debrief_view.add_class("wb-rp-timeline")
        self.debrief = widgets.VBox([self.debrief_view, self.agreement, self.followup, self.debrief_notes])
        self.debrief.add_class("wb-rp-debrief")
        self.debrief.layout.display = "none"
        self.round = widgets.VBox(
            [self.card, widgets.HBox([self.timer, self.clock]), self.board, self.to_debrief, self.debrief]
        )
        self.choice.observe(lambda _c: self._load(), names="value")
        self.role.observe(lambda _c: self._on_role(), names="value")
        self.timer.observe(lambda _c: self._tick(), names="value")
        self.to_debrief.on_click(lambda _b: self._show_debrief())
        for w in (self.listening, self.notes, self.agreement, self.followup, self.debrief_notes):
            w.observe(lambda _c: self._on_fields(), names="value")
        self.widget = widgets.VBox(
            [
                card(
                    "<p>Werk in drietallen: één mentor, één leerling, één observator. Kies hetzelfde "
                    "scenario en ieder een eigen rol; je ziet alleen je eigen kaart. Start de tijd als het "
                    "gesprek begint; je "
                    "kunt pauzeren. Daarna bespreek je de ronde na.</p>",
                    title="Rollenspel",
                ),
                self.choice,
                self.role,
                self.round,
                self.status,
            ]
        )
        self._load()

    # --- state --------------------------------------------------------------------------

    @property
    def scenario(self) -> Rollenspel:
        return self.scenarios[self.choice.value]

    def _state(self) -> dict[str, Any]:
        debrief_open = self.debrief.layout.display != "none"
        return {
            **self.tally.state(),
            "role": self.role.value,
            "elapsed": int(self.timer.value),
            "scenario": self.scenario.id,
            "debrief_open": debrief_open,
            "finished": debrief_open,
        }

    def _save(self, immediate: bool = False) -> None:
        if self.saver is not None:
            self.saver.change(self._state(), immediate=immediate)

    def _load(self) -> None:
        if self.saver is not None:
            self.saver.flush()
        self.saver = self.ctx.autosaver(EXERCISE_PREFIX + self.scenario.id, self.status)
        saved = self.saver.load() or {}
        self._loading = True
        self.tally = Tally.from_state(saved)
        self.timer.max = self.scenario.minuten * 60
        elapsed = saved.get("elapsed")
        self.timer.playing = False
        self.timer.value = elapsed if isinstance(elapsed, int) and 0 <= elapsed <= self.timer.max else 0
        self.role.value = saved.get("role") if saved.get("role") in dict(ROLES).values() else None
        self.listening.value = self.tally.listening
        self.notes.value = self.tally.notes
        self.agreement.value = self.tally.agreement
        self.followup.value = self.tally.followup
        self.debrief_notes.value = self.tally.debrief
        self.debrief.layout.display = None if saved.get("debrief_open") else "none"
        self._loading = False
        self._on_role()
        self._tick()
        self._render()

    # --- callbacks -------------------------------------------------------------------------

    def _on_role(self) -> None:
        role = self.role.value
        self.round.layout.display = "none" if role is None else None
        self.card.value = f'<div class="wb-card">{role_card(self.scenario, role)}</div>' if role else ""
        self.board.layout.display = None if role == "observator" else "none"
        if not getattr(self, "_loading", False):
            self._save(immediate=True)

    def _tick(self) -> None:
        left = self.timer.max - self.timer.value
        text = "Tijd om! Rond het gesprek af." if left <= 0 else f"Nog {format_seconds(left)}"
        self.clock.value = f'<span class="wb-score">{text}</span>'
        if not getattr(self, "_loading", False) and self.timer.value % 15 == 0:
            self._save()

    def _mark(self, element: str) -> None:
        self.tally.mark(element, int(self.timer.value))
        self._render()
        self._save(immediate=True)

    def _count(self, key: str) -> None:
        self.tally.count(key)
        self._render()
        self._save(immediate=True)

    def _undo(self) -> None:
        self.tally.undo()
        self._render()
        self._save(immediate=True)

    def _on_fields(self) -> None:
        if getattr(self, "_loading", False):
            return
        self.tally.listening = self.listening.value
        self.tally.notes = str(self.notes.value or "")[:MAX_NOTES]
        self.tally.agreement = bool(self.agreement.value)
        self.tally.followup = bool(self.followup.value)
        self.tally.debrief = str(self.debrief_notes.value or "")[:MAX_NOTES]
        self._render()
        self._save()

    def _show_debrief(self) -> None:
        self.timer.playing = False
        self.debrief.layout.display = None
        self._render()
        self._save(immediate=True)

    # --- rendering ---------------------------------------------------------------------------

    def _render(self) -> None:
        per = self.tally.per_element()
        for e, b in self.element_buttons.items():
            b.description = f"{self.names.get(e, e)} ({per[e]})"
        for c, b in self.counter_buttons.items():
            b.description = f"{COUNTER_LABELS[c]} ({self.tally.counters[c]})"
        timeline = self.tally.timeline()
        rows = "".join(f"<li>{esc(t)} · {esc(self.names.get(e, e))}</li>" for t, e in timeline) or (
            "<li class='wb-muted'>Nog niets genoteerd.</li>"
        )
        self.tally_view.value = f'<div class="wb-card"><strong>Tijdlijn</strong><ol>{rows}</ol></div>'
        unused = [self.names.get(e, e) for e in ELEMENT_IDS if per[e] == 0]
        questions = "".join(f"<li>{esc(q)}</li>" for q in self.scenario.nabespreking)
        c = self.tally.counters
        self.debrief_view.value = (
            '<div class="wb-card"><h3>Nabespreking</h3><p><strong>Tijdlijn van de mentor</strong></p>'
            f"<ol>{rows}</ol>"
            f"<p>Vragen: {c['rood']} rood, {c['groen']} groen, {c['open']} open, {c['gesloten']} gesloten. "
            f"Luisterniveau volgens de observator: {esc(self.tally.listening or 'niet gekozen')}.</p>"
            + (
                f"<p>Niet gebruikt: {esc(', '.join(unused))}.</p>"
                if unused
                else "<p>Alle zeven elementen gebruikt.</p>"
            )
            + (
                f"<p><strong>Notities van de observator:</strong> {esc(self.tally.notes)}</p>"
                if self.tally.notes
                else ""
            )
            + f"<p><strong>Bespreek samen:</strong></p><ul>{questions}</ul></div>"
        )


def module(ctx: PageContext | None = None) -> widgets.Widget:
    """Build module 05; a broken scenario file is reported, the others stay usable."""
    return folder_page("rollenspellen", RoleplayView, ctx)
