"""Role-play in threes: choose a scenario and a role, run the timer, tally (observer) and debrief."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from workbook.answers import TallyAnswer
from workbook.content import ELEMENT_IDS, Rollenspel
from workbook.roleplay import COUNTERS, MAX_NOTES, Tally, format_seconds
from workbook.ui.common import card, textarea
from workbook.ui.exercise import ItemExercise
from workbook.ui.html import EMPTY, Markup, bullets, html, join
from workbook.ui.render import role_card
from workbook.ui.texts import tekst

__all__ = ["RoleplayView", "ROLES"]

ROLES = (("Mentor", "mentor"), ("Leerling", "leerling"), ("Observator", "observator"))
COUNTER_LABELS = {"rood": "Rode vraag", "groen": "Groene vraag", "open": "Open vraag", "gesloten": "Gesloten vraag"}


class RoleplayView(ItemExercise[TallyAnswer, Rollenspel]):
    """Choose a scenario and a role, run the timer, tally (observer) and debrief; saved per scenario.

    Parameters
    ----------
    scenarios : list of Rollenspel
        The valid scenarios.
    names : dict
        Element id to its Dutch name.
    exercise_for : callable
        Scenario id to the exercise id its round is saved under.
    """

    model = TallyAnswer

    def __init__(self, scenarios: list[Rollenspel], names: dict[str, str], exercise_for: Callable[[str], str]) -> None:
        self._choose(scenarios, "Scenario", "wb-rp-scenario", exercise_for, lambda s: f"{s.titel} ({s.thema})")
        self.names = names
        self.tally = Tally()
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
            description=tekst("rollenspel.ongedaan_maken"), icon="undo", layout=widgets.Layout(width="auto")
        )
        self.undo.on_click(lambda _b: self._undo())
        self.listening = widgets.ToggleButtons(
            options=[("1", 1), ("2", 2), ("3", 3), ("4", 4)],
            value=None,
            description="Luisterniveau",
            style={"button_width": "50px"},
        )
        self.listening.add_class("wb-rp-listening")
        self.notes = textarea("wb-rp-notes", tekst("rollenspel.notities_voorbeeld"), "80px")
        self.tally_view = widgets.HTML()
        self.tally_view.add_class("wb-rp-tally")
        self.board = widgets.VBox(
            [
                widgets.HTML(html("<h4>{}</h4>", tekst("rollenspel.elementen_titel"))),
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
            description=tekst("rollenspel.naar_nabespreking"),
            icon="comments",
            button_style="primary",
            layout=widgets.Layout(width="auto", align_self="flex-start"),
        )
        self.to_debrief.add_class("wb-rp-to-debrief")
        self.agreement = widgets.Checkbox(
            description=tekst("rollenspel.stap_afgesproken"), indent=False, layout=widgets.Layout(width="auto")
        )
        self.agreement.add_class("wb-rp-agreement")
        self.followup = widgets.Checkbox(
            description=tekst("rollenspel.vervolgafspraak"), indent=False, layout=widgets.Layout(width="auto")
        )
        self.followup.add_class("wb-rp-followup")
        self.debrief_notes = textarea("wb-rp-debrief-notes", tekst("rollenspel.meenemen_voorbeeld"), "80px")
        self.debrief_view = widgets.HTML()
        self.debrief_view.add_class("wb-rp-timeline")
        self.debrief = widgets.VBox([self.debrief_view, self.agreement, self.followup, self.debrief_notes])
        self.debrief.add_class("wb-rp-debrief")
        self.debrief.layout.display = "none"
        self.round = widgets.VBox(
            [self.card, widgets.HBox([self.timer, self.clock]), self.board, self.to_debrief, self.debrief]
        )
        self.role.observe(lambda _c: self._on_role(), names="value")
        self.timer.observe(lambda _c: self._tick(), names="value")
        self.to_debrief.on_click(lambda _b: self._show_debrief())
        for w in (self.listening, self.notes, self.agreement, self.followup, self.debrief_notes):
            w.observe(lambda _c: self._on_fields(), names="value")
        self.widget = widgets.VBox(
            [
                card(html("<p>{}</p>", tekst("rollenspel.uitleg")), title="Rollenspel"),
                self.choice,
                self.role,
                self.round,
            ]
        )
        self.restore(TallyAnswer())

    @property
    def scenario(self) -> Rollenspel:
        """Return the scenario chosen."""
        return self.item

    # --- answer -------------------------------------------------------------------------

    def state(self) -> TallyAnswer:
        """Return the round: role, time, tally, debrief."""
        debrief_open = self.debrief.layout.display != "none"
        return TallyAnswer.model_validate(
            {
                **self.tally.state(),
                "role": self.role.value,
                "elapsed": int(self.timer.value),
                "scenario": self.scenario.id,
                "debrief_open": debrief_open,
                "finished": debrief_open,
            }
        )

    def restore(self, state: TallyAnswer) -> None:
        """Show a saved round of the chosen scenario (an empty answer resets the round)."""
        with self.quietly():
            self.tally = Tally.from_state(state.dump())
            self.timer.max = self.scenario.minuten * 60
            self.timer.playing = False
            self.timer.value = state.elapsed if state.elapsed <= self.timer.max else 0
            self.role.value = state.role if state.role in dict(ROLES).values() else None
            self.listening.value = self.tally.listening
            self.notes.value = self.tally.notes
            self.agreement.value = self.tally.agreement
            self.followup.value = self.tally.followup
            self.debrief_notes.value = self.tally.debrief
            self.debrief.layout.display = None if state.debrief_open else "none"
            self._on_role()
            self._tick()
        self._render()

    # --- callbacks ------------------------------------------------------------------------

    def _on_role(self) -> None:
        role = self.role.value
        self.round.layout.display = "none" if role is None else None
        self.card.value = html('<div class="wb-card">{}</div>', role_card(self.scenario, role)) if role else EMPTY
        self.board.layout.display = None if role == "observator" else "none"
        self.changed(immediate=True)

    def _tick(self) -> None:
        left = self.timer.max - self.timer.value
        text = tekst("rollenspel.tijd_om") if left <= 0 else f"Nog {format_seconds(left)}"
        self.clock.value = html('<span class="wb-score">{}</span>', text)
        if self.timer.value % 15 == 0:
            self.changed()

    def _mark(self, element: str) -> None:
        self.tally.mark(element, int(self.timer.value))
        self._render()
        self.changed(immediate=True)

    def _count(self, key: str) -> None:
        self.tally.count(key)
        self._render()
        self.changed(immediate=True)

    def _undo(self) -> None:
        self.tally.undo()
        self._render()
        self.changed(immediate=True)

    def _on_fields(self) -> None:
        if self.loading:
            return
        self.tally.listening = self.listening.value
        self.tally.notes = str(self.notes.value or "")[:MAX_NOTES]
        self.tally.agreement = bool(self.agreement.value)
        self.tally.followup = bool(self.followup.value)
        self.tally.debrief = str(self.debrief_notes.value or "")[:MAX_NOTES]
        self._render()
        self.changed()

    def _show_debrief(self) -> None:
        self.timer.playing = False
        self.debrief.layout.display = None
        self._render()
        self.changed(immediate=True)

    # --- rendering ------------------------------------------------------------------------

    def _render(self) -> None:
        per = self.tally.per_element()
        for e, b in self.element_buttons.items():
            b.description = f"{self.names.get(e, e)} ({per[e]})"
        for c, b in self.counter_buttons.items():
            b.description = f"{COUNTER_LABELS[c]} ({self.tally.counters[c]})"
        rows = join(html("<li>{} · {}</li>", t, self.names.get(e, e)) for t, e in self.tally.timeline()) or html(
            "<li class='wb-muted'>{}</li>", tekst("rollenspel.niets_genoteerd")
        )
        self.tally_view.value = html('<div class="wb-card"><strong>Tijdlijn</strong><ol>{}</ol></div>', rows)
        self.debrief_view.value = self._debrief_html(rows)

    def _debrief_html(self, rows: Markup) -> Markup:
        per = self.tally.per_element()
        unused = [self.names.get(e, e) for e in ELEMENT_IDS if per[e] == 0]
        c = self.tally.counters
        used = html(
            "<p>{}</p>",
            tekst("rollenspel.niet_gebruikt", elementen=", ".join(unused))
            if unused
            else tekst("rollenspel.alles_gebruikt"),
        )
        notes = (
            html("<p><strong>{}</strong> {}</p>", tekst("rollenspel.notities_observator"), self.tally.notes)
            if self.tally.notes
            else EMPTY
        )
        counted = tekst(
            "rollenspel.vragen_geteld",
            rood=c["rood"],
            groen=c["groen"],
            open=c["open"],
            gesloten=c["gesloten"],
            niveau=self.tally.listening or tekst("rollenspel.niet_gekozen"),
        )
        return html(
            '<div class="wb-card"><h3>Nabespreking</h3><p><strong>{timeline}</strong></p><ol>{rows}</ol>'
            "<p>{counted}</p>{used}{notes}<p><strong>Bespreek samen:</strong></p>{questions}</div>",
            timeline=tekst("rollenspel.tijdlijn_mentor"),
            rows=rows,
            counted=counted,
            used=used,
            notes=notes,
            questions=bullets(self.scenario.nabespreking),
        )
