"""Role-play in threes on three screens: one group, one round, one clock, one shared debrief.

The three pages share the round through the store (:mod:`workbook.shared_round`): every click
is one change of the round record, and each page polls the record's version a few times a
second (a hidden :class:`ipywidgets.Play` is the heartbeat, so the polling runs in the
kernel's own thread) and redraws when it moved. What the participant saves personally is
only where they are: group, round and role (:class:`workbook.answers.TallyAnswer`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import ipywidgets as widgets

from workbook.answers import TallyAnswer
from workbook.content import ELEMENT_IDS, Rollenspel
from workbook.roleplay import COUNTERS, MAX_NOTES, format_seconds
from workbook.shared_round import CLOCK_ROLES, ROLES, Round, RoundError, apply, normalise_group, rotate
from workbook.store import RoundRecord, Store
from workbook.ui.common import PageContext, card, textarea
from workbook.ui.exercise import Exercise
from workbook.ui.html import EMPTY, Markup, bullets, html, join, notice
from workbook.ui.render import role_card
from workbook.ui.texts import tekst

__all__ = ["RoleplayView", "ROLE_NAMES", "POLL_MS"]

ROLE_NAMES = {"mentor": "Mentor", "leerling": "Leerling", "observator": "Observator"}
COUNTER_LABELS = {"rood": "Rode vraag", "groen": "Groene vraag", "open": "Open vraag", "gesloten": "Gesloten vraag"}
POLL_MS = 400  # how often a page asks the store whether the round changed (latency ≤ 1 s)
TYPING_GRACE_S = 2.0  # a field someone is typing in is not overwritten by the others' changes

log = logging.getLogger(__name__)


def _button(label: str, css: str, icon: str = "", style: str = "") -> widgets.Button:
    b = widgets.Button(description=label, icon=icon, button_style=style, layout=widgets.Layout(width="auto"))
    b.add_class(css)
    return b


class RoleplayView(Exercise[TallyAnswer]):
    """Join a group, pick a free role, play one shared round, debrief together, rotate roles.

    Parameters
    ----------
    scenarios : list of Rollenspel
        The valid scenarios.
    names : dict
        Element id to its Dutch name.
    ctx : PageContext
        The store the group shares and who is working.
    """

    model = TallyAnswer

    def __init__(self, scenarios: list[Rollenspel], names: dict[str, str], ctx: PageContext) -> None:
        self.scenarios = {s.id: s for s in scenarios}
        self.names = names
        self.store: Store | None = ctx.store if ctx.session is not None else None
        self.workshop = ctx.session.workshop if ctx.session else ""
        self.alias = ctx.session.participant if ctx.session else ""
        self.group: str | None = None
        self.record: RoundRecord | None = None
        self.round = Round(scenarios[0].id)
        self.history: list[RoundRecord] = []
        self._typed: dict[str, float] = {}
        self._build()
        self.restore(TallyAnswer())

    # --- widgets -------------------------------------------------------------------------

    def _build(self) -> None:
        self.group_code = widgets.Text(placeholder=tekst("rollenspel.groep_voorbeeld"), description="Groepscode")
        self.group_code.add_class("wb-rp-group")
        self.join_button = _button(tekst("rollenspel.groep_knop"), "wb-rp-join", "users", "primary")
        self.join_button.on_click(lambda _b: self.join(self.group_code.value))
        self.leave_button = _button(tekst("rollenspel.andere_groep"), "wb-rp-leave", "sign-out")
        self.leave_button.on_click(lambda _b: self._leave())
        self.where = widgets.HTML()
        self.where.add_class("wb-rp-where")
        self.message = widgets.HTML()
        self.message.add_class("wb-rp-message")
        self.join_box = widgets.HBox([self.group_code, self.join_button], layout=widgets.Layout(flex_flow="row wrap"))
        self.role_buttons = {r: _button(ROLE_NAMES[r], f"wb-rp-role-{r}") for r in ROLES}
        for r, b in self.role_buttons.items():
            b.on_click(lambda _b, role=r: self._claim(role))
        self.scenario_choice = widgets.Dropdown(
            options=[(f"{s.titel} ({s.thema})", s.id) for s in self.scenarios.values()],
            description="Scenario",
            layout=widgets.Layout(width="520px", max_width="100%"),
        )
        self.scenario_choice.add_class("wb-rp-scenario")
        self.scenario_choice.observe(lambda _c: self._choose(), names="value")
        self.card = widgets.HTML()
        self.card.add_class("wb-rp-card")
        self.clock = widgets.HTML()
        self.clock.add_class("wb-rp-clock")
        self.start_button = _button(tekst("rollenspel.klok_start"), "wb-rp-start", "play", "success")
        self.pause_button = _button(tekst("rollenspel.klok_pauze"), "wb-rp-pause", "pause")
        self.stop_button = _button(tekst("rollenspel.klok_stop"), "wb-rp-stop", "stop", "danger")
        self.start_button.on_click(lambda _b: self._change(lambda r: r.start(time.time())))
        self.pause_button.on_click(lambda _b: self._change(lambda r: r.pause(time.time())))
        self.stop_button.on_click(lambda _b: self._ask_stop(True))
        self.stop_yes = _button(tekst("rollenspel.stop_ja"), "wb-rp-stop-yes", "check", "danger")
        self.stop_no = _button(tekst("rollenspel.stop_nee"), "wb-rp-stop-no", "times")
        self.stop_yes.on_click(lambda _b: self._stop())
        self.stop_no.on_click(lambda _b: self._ask_stop(False))
        self.confirm = widgets.VBox(
            [
                widgets.HTML(html("<p><strong>{}</strong></p>", tekst("rollenspel.stop_vraag"))),
                widgets.HBox([self.stop_yes, self.stop_no]),
            ]
        )
        self.confirm.add_class("wb-rp-confirm")
        self.clock_buttons = widgets.HBox([self.start_button, self.pause_button, self.stop_button])
        self.element_buttons = {e: _button(self.names.get(e, e), f"wb-rp-el-{e}") for e in ELEMENT_IDS}
        for e, b in self.element_buttons.items():
            b.layout.margin = "2px"
            b.on_click(lambda _b, el=e: self._change(lambda r: r.mark(el, time.time())))
        self.counter_buttons = {c: _button(COUNTER_LABELS[c], f"wb-rp-count-{c}", "plus") for c in COUNTERS}
        for c, b in self.counter_buttons.items():
            b.on_click(lambda _b, key=c: self._change(lambda r: r.tally.count(key)))
        self.undo = _button(tekst("rollenspel.ongedaan_maken"), "wb-rp-undo", "undo")
        self.undo.on_click(lambda _b: self._change(lambda r: r.tally.undo()))
        self.listening = widgets.ToggleButtons(
            options=[("1", 1), ("2", 2), ("3", 3), ("4", 4)],
            value=None,
            description="Luisterniveau",
            style={"button_width": "50px"},
        )
        self.listening.add_class("wb-rp-listening")
        self.notes = textarea("wb-rp-notes", tekst("rollenspel.notities_voorbeeld"), "80px")
        self.board = widgets.VBox(
            [
                widgets.HTML(html("<h4>{}</h4>", tekst("rollenspel.elementen_titel"))),
                widgets.HBox(list(self.element_buttons.values()), layout=widgets.Layout(flex_flow="row wrap")),
                widgets.HTML("<h4>Vragen</h4>"),
                widgets.HBox(list(self.counter_buttons.values()), layout=widgets.Layout(flex_flow="row wrap")),
                self.undo,
                self.listening,
                self.notes,
            ]
        )
        self.board.add_class("wb-rp-board")
        self.tally_view = widgets.HTML()
        self.tally_view.add_class("wb-rp-tally")
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
        self.next_button = _button(tekst("rollenspel.nieuwe_ronde"), "wb-rp-next", "refresh", "primary")
        self.next_button.on_click(lambda _b: self.next_round())
        self.next_hint = widgets.HTML()
        self.next_hint.add_class("wb-rp-next-hint")
        self.debrief = widgets.VBox(
            [
                self.debrief_view,
                widgets.HTML(html("<p><strong>{}</strong></p>", tekst("rollenspel.gedeeld"))),
                self.agreement,
                self.followup,
                self.debrief_notes,
                self.next_hint,
                self.next_button,
            ]
        )
        self.debrief.add_class("wb-rp-debrief")
        self.history_view = widgets.HTML()
        self.history_view.add_class("wb-rp-history")
        fields: dict[str, widgets.ValueWidget] = {
            "listening": self.listening,
            "notes": self.notes,
            "agreement": self.agreement,
            "followup": self.followup,
            "debrief": self.debrief_notes,
        }
        self.fields = fields
        for w in (self.notes, self.debrief_notes):
            w.add_class("wb-shared")  # text of the group's round: it is stored only once joined
        for name, w in fields.items():
            w.observe(lambda c, key=name: self._on_field(key, c["new"]), names="value")
        self.heartbeat = widgets.Play(
            min=0, max=10**9, step=1, interval=POLL_MS, value=0, layout=widgets.Layout(display="none")
        )
        self.heartbeat.add_class("wb-rp-heartbeat")
        self.heartbeat.observe(lambda _c: self._beat(), names="value")
        self._beating = False
        self._kicker: threading.Thread | None = None
        self.roles_box = widgets.VBox(
            [
                widgets.HTML(html("<p>{}</p>", tekst("rollenspel.kies_rol"))),
                widgets.HBox(list(self.role_buttons.values()), layout=widgets.Layout(flex_flow="row wrap")),
            ]
        )
        self.play = widgets.VBox(
            [
                self.scenario_choice,
                self.card,
                widgets.HBox([self.clock, self.clock_buttons], layout=widgets.Layout(flex_flow="row wrap")),
                self.confirm,
                self.board,
                self.tally_view,
                self.debrief,
            ]
        )
        self.in_group = widgets.VBox(
            [widgets.HBox([self.where, self.leave_button]), self.roles_box, self.play, self.history_view]
        )
        intro = card(html("<p>{}</p>", tekst("rollenspel.uitleg")), title="Rollenspel")
        body: list[widgets.Widget] = [intro, self.join_box, self.message, self.in_group, self.heartbeat]
        if self.store is None:
            body = [intro, card(html("<p>{}</p>", tekst("rollenspel.geen_opslag")), "wb-info")]
        self.widget = widgets.VBox(body)

    # --- the personal answer: where this participant is ------------------------------------

    @property
    def role(self) -> str | None:
        """Return this participant's role in the current round."""
        return self.round.role_of(self.alias) if self.group else None

    @property
    def scenario(self) -> Rollenspel:
        """Return the scenario of the current round."""
        return self.scenarios.get(self.round.scenario) or next(iter(self.scenarios.values()))

    def state(self) -> TallyAnswer:
        """Return where the participant is: group, round, role, scenario; finished when the round is stopped."""
        return TallyAnswer.model_validate(
            {
                "group": self.group or "",
                "round": self.record.number if self.record else 0,
                "role": self.role,
                "scenario": self.round.scenario if self.group else "",
                "finished": bool(self.group and self.round.stopped),
            }
        )

    def restore(self, state: TallyAnswer) -> None:
        """Go back to the saved group and its latest round (a reload lands where the group is now)."""
        self.group, self.record = None, None
        if state.group and self.store is not None:
            try:
                self.group = normalise_group(state.group)
                self.record = self.store.round_load(self.workshop, self.group)
            except Exception:  # noqa: BLE001 - the page must open; the message says what to do
                log.warning("round not loaded", exc_info=True)
                self.message.value = notice(tekst("rollenspel.niet_bewaard"), "wb-error")
            if self.record is None:
                self.group = None
        with self.quietly():
            self.group_code.value = self.group or ""
        self._show(self.record)

    # --- actions -----------------------------------------------------------------------------

    def join(self, code: object) -> bool:
        """Join (or start) the group ``code``'s latest round; returns whether it worked."""
        if self.store is None:
            return False
        store = self.store
        try:
            group = normalise_group(code)
        except RoundError as err:
            self.message.value = notice(str(err), "wb-error")
            return False
        record = self._round_io(
            lambda: (
                store.round_load(self.workshop, group)
                or store.round_update(self.workshop, group, 1, apply(lambda _r: None, self.scenario_choice.value))
            )
        )
        if record is None:
            return False
        self.group = group
        self._show(record)
        self.changed(immediate=True)
        return True

    def _leave(self) -> None:
        if self.group and self.role:
            self._change(lambda r: r.leave(self.alias))
        self.group, self.record = None, None
        self._show(None)
        self.changed(immediate=True)

    def _claim(self, role: str) -> None:
        if self._change(lambda r: r.claim(self.alias, role)):
            self.changed(immediate=True)

    def _choose(self) -> None:
        if self.loading or not self.group or self.scenario_choice.value == self.round.scenario:
            return
        chosen = self.scenario_choice.value
        if not self._change(lambda r: r.choose(chosen)):
            with self.quietly():
                self.scenario_choice.value = self.round.scenario

    def _ask_stop(self, asking: bool) -> None:
        self.confirm.layout.display = None if asking else "none"

    def _stop(self) -> None:
        self.confirm.layout.display = "none"
        if self._change(lambda r: r.stop(time.time())):
            self.changed(immediate=True)

    def _on_field(self, name: str, value: object) -> None:
        if self.loading or not self.group:
            return
        if name in ("notes", "debrief"):
            self._typed[name] = time.monotonic()
            if len(str(value or "")) > MAX_NOTES:
                # refused, not cut: the text stays on screen until it is short enough to store
                self.message.value = notice(tekst("rollenspel.te_lang", max=MAX_NOTES), "wb-error")
                return
        self._change(lambda r: r.set_field(name, value))

    def next_round(self) -> bool:
        """Start the next round with rotated roles (two members clicking at once land in the same round)."""
        if self.store is None or not self.group or self.record is None:
            return False
        current, ids = self.round, list(self.scenarios)
        following = ids[(ids.index(current.scenario) + 1) % len(ids)] if current.scenario in ids else ids[0]

        def create(state: dict | None) -> dict:
            if state is not None:
                return state  # someone in the group was first
            return Round(following, rotate(current.roles)).state()

        if not self._update(self.record.number + 1, create):
            return False
        self.changed(immediate=True)
        return True

    def _change(self, change: Callable[[Round], None]) -> bool:
        """Apply one change to the shared round in the store and show the result; ``False`` if refused."""
        if self.store is None or not self.group or self.record is None:
            return False
        return self._update(self.record.number, apply(change, self.round.scenario))

    def _update(self, number: int, change: Callable[[dict | None], dict]) -> bool:
        """Write one change of round ``number`` to the store and show it; a refusal or failure is said in Dutch."""
        store, group = self.store, self.group
        assert store is not None and group is not None
        record = self._round_io(lambda: store.round_update(self.workshop, group, number, change))
        if record is None:
            return False
        self._show(record)
        return True

    def _round_io(self, action: Callable[[], RoundRecord | None]) -> RoundRecord | None:
        """Run one read or write of the round; a refusal or a failing store is said in Dutch (``None``)."""
        try:
            record = action()
        except RoundError as err:
            self.message.value = notice(str(err), "wb-error")
            return None
        except Exception:  # noqa: BLE001 - the participant sees that it did not happen
            log.warning("round change failed", exc_info=True)
            self.message.value = notice(tekst("rollenspel.niet_bewaard"), "wb-error")
            return None
        self.message.value = ""
        return record

    def _heartbeat(self, on: bool) -> None:
        """Run the heartbeat while in a group.

        The browser's Play widget only starts on a *change* of ``playing`` while its view exists,
        and the kernel cannot tell when the page has drawn it: so a short-lived thread flips it
        a few times (after 0.5, 1, 2, 4 ... s) until the first beat arrives.
        """
        if not on:
            self.heartbeat.playing = False
            return
        self.heartbeat.playing = True
        if self._beating or (self._kicker is not None and self._kicker.is_alive()):
            return

        def kick() -> None:
            wait = 0.5
            while not self._beating and wait < 40 and self.group is not None:
                time.sleep(wait)
                if self._beating or self.group is None:
                    return
                self.heartbeat.playing = False
                self.heartbeat.playing = True
                wait *= 2

        self._kicker = threading.Thread(target=kick, name="wb-round-heartbeat", daemon=True)
        self._kicker.start()

    def _beat(self) -> None:
        self._beating = True
        self.poll()

    def poll(self) -> None:
        """Redraw when another member changed the round (called by the heartbeat); else move the clock."""
        if self.store is None or not self.group or self.record is None:
            return
        before = self.record.number
        try:
            latest = self.store.round_version(self.workshop, self.group)
            if latest is not None and latest != (self.record.number, self.record.version):
                record = self.store.round_load(self.workshop, self.group)
                if record is not None:
                    self._show(record)
                    if record.number != before:
                        self.changed(immediate=True)  # the group went on to a new round: so does this page
                    return
        except Exception:  # noqa: BLE001 - a busy database: try again at the next beat
            log.debug("poll failed", exc_info=True)
        self._render_clock()

    # --- rendering ----------------------------------------------------------------------------

    def _show(self, record: RoundRecord | None) -> None:
        """Show ``record`` (or the join form when there is none) and everything that follows from it."""
        self.record = record
        self.round = Round.from_state(record.state if record else None, self.round.scenario)
        joined = self.group is not None and record is not None
        self.join_box.layout.display = "none" if joined else None
        self.in_group.layout.display = None if joined else "none"
        self._heartbeat(joined)
        if not joined or record is None:
            return
        role, r = self.role, self.round
        self.where.value = html(
            '<p class="wb-score">{}</p>', tekst("rollenspel.in_groep", groep=self.group, ronde=record.number)
        )
        for name, b in self.role_buttons.items():
            holder = r.roles.get(name)
            label = ROLE_NAMES[name]
            if holder == self.alias:
                b.disabled, b.button_style = False, "info"
                b.description = tekst("rollenspel.jij", rol=label)
            elif holder:
                # disabled before the name shows: a screen never offers a taken role
                b.disabled, b.button_style = True, ""
                b.description = tekst("rollenspel.rol_bezet", rol=label, naam=holder)
            else:
                b.disabled, b.button_style = r.stopped, ""
                b.description = tekst("rollenspel.rol_vrij", rol=label)
        self.play.layout.display = None if role else "none"
        with self.quietly():
            self.scenario_choice.value = self.scenario.id
            self.scenario_choice.disabled = r.started or role not in CLOCK_ROLES
            now = time.monotonic()
            for name, w in self.fields.items():
                value = self._stored(name)
                too_long = isinstance(w.value, str) and len(w.value) > MAX_NOTES
                if w.value != value and not too_long and now - self._typed.get(name, -1e9) > TYPING_GRACE_S:
                    w.value = value
        self.card.value = html('<div class="wb-card">{}</div>', role_card(self.scenario, role)) if role else EMPTY
        controls = role in CLOCK_ROLES and not r.stopped
        self.clock_buttons.layout.display = None if controls else "none"
        self.start_button.disabled = r.running
        self.pause_button.disabled = not r.running
        if r.stopped or not controls:
            self.confirm.layout.display = "none"
        self.board.layout.display = None if role == "observator" and not r.stopped else "none"
        self.debrief.layout.display = None if r.stopped else "none"
        self._render_clock()
        self._render_tally()
        self._render_history()

    def _stored(self, name: str) -> object:
        t = self.round.tally
        return {
            "listening": t.listening,
            "notes": t.notes,
            "agreement": t.agreement,
            "followup": t.followup,
            "debrief": t.debrief,
        }[name]

    def _render_clock(self) -> None:
        r = self.round
        seconds = r.clock()
        left = self.scenario.minuten * 60 - seconds
        if r.stopped:
            status = tekst("rollenspel.klok_gestopt")
        elif r.running:
            status = tekst("rollenspel.klok_loopt")
        elif r.started:
            status = tekst("rollenspel.klok_gepauzeerd")
        else:
            status = tekst("rollenspel.klok_niet_gestart")
        shown = tekst("rollenspel.tijd_om") if left <= 0 else f"Nog {format_seconds(left)}"
        hint = EMPTY if self.role in CLOCK_ROLES or r.started else html(" · {}", tekst("rollenspel.klok_wie"))
        value = html(
            '<span class="wb-score wb-rp-time" data-seconds="{}">{}</span> <span class="wb-muted">({}){}</span>',
            seconds,
            shown,
            status,
            hint,
        )
        if self.clock.value != value:
            self.clock.value = value

    def _render_tally(self) -> None:
        t = self.round.tally
        per = t.per_element()
        for e, b in self.element_buttons.items():
            b.description = f"{self.names.get(e, e)} ({per[e]})"
        for c, b in self.counter_buttons.items():
            b.description = f"{COUNTER_LABELS[c]} ({t.counters[c]})"
        rows = join(html("<li>{} · {}</li>", at, self.names.get(e, e)) for at, e in t.timeline()) or html(
            "<li class='wb-muted'>{}</li>", tekst("rollenspel.niets_genoteerd")
        )
        counted = tekst(
            "rollenspel.vragen_geteld",
            rood=t.counters["rood"],
            groen=t.counters["groen"],
            open=t.counters["open"],
            gesloten=t.counters["gesloten"],
            niveau=t.listening or tekst("rollenspel.niet_gekozen"),
        )
        self.tally_view.value = html(
            '<div class="wb-card"><strong>{}</strong><ol>{}</ol><p>{}</p></div>',
            tekst("rollenspel.tijdlijn_mentor"),
            rows,
            counted,
        )
        if self.round.stopped:
            self.debrief_view.value = self._debrief_html(rows, counted)
            roles = rotate(self.round.roles)
            nobody = tekst("rollenspel.iemand")
            self.next_hint.value = html(
                "<p>{}</p>",
                tekst(
                    "rollenspel.volgende",
                    mentor=roles["mentor"] or nobody,
                    leerling=roles["leerling"] or nobody,
                    observator=roles["observator"] or nobody,
                ),
            )

    def _debrief_html(self, rows: Markup, counted: str) -> Markup:
        t = self.round.tally
        per = t.per_element()
        unused = [self.names.get(e, e) for e in ELEMENT_IDS if per[e] == 0]
        used = html(
            "<p>{}</p>",
            tekst("rollenspel.niet_gebruikt", elementen=", ".join(unused))
            if unused
            else tekst("rollenspel.alles_gebruikt"),
        )
        notes = (
            html("<p><strong>{}</strong> {}</p>", tekst("rollenspel.notities_observator"), t.notes[:MAX_NOTES])
            if t.notes
            else EMPTY
        )
        return html(
            '<div class="wb-card"><h3>Nabespreking</h3><p><strong>{}</strong></p><ol>{}</ol>'
            "<p>{}</p>{}{}<p><strong>Bespreek samen:</strong></p>{}</div>",
            tekst("rollenspel.tijdlijn_mentor"),
            rows,
            counted,
            used,
            notes,
            bullets(self.scenario.nabespreking),
        )

    def _render_history(self) -> None:
        if self.store is None or not self.group or self.record is None or self.record.number < 2:
            self.history_view.value = ""
            return
        try:
            rounds = self.store.rounds(self.workshop, self.group)
        except Exception:  # noqa: BLE001 - the list is a courtesy; the round itself is shown
            return
        lines = []
        for rec in rounds:
            r = Round.from_state(rec.state)
            scenario = self.scenarios.get(r.scenario)
            outcome = (
                tekst("rollenspel.ronde_afspraak" if r.tally.agreement else "rollenspel.ronde_geen_afspraak")
                if r.stopped
                else tekst("rollenspel.ronde_bezig")
            )
            lines.append(
                tekst(
                    "rollenspel.ronde_regel",
                    nummer=rec.number,
                    scenario=scenario.titel if scenario else r.scenario,
                    mentor=r.roles.get("mentor") or tekst("rollenspel.iemand"),
                    elementen=len(r.tally.events),
                    afspraak=outcome,
                )
            )
        self.history_view.value = html(
            '<div class="wb-card"><strong>{}</strong>{}</div>', tekst("rollenspel.eerdere_rondes"), bullets(lines)
        )
