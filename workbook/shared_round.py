"""One role-play round shared by a group of three (module 05), as plain data and rules.

The three pages of a group share nothing but the store: the round is one record
(:meth:`workbook.store.Store.round_update`), and every change is a small function of the
stored state (:func:`apply`), so two members who click at the same moment both count. A page
polls :meth:`~workbook.store.Store.round_version` and redraws when the version moves.

The clock is a start time plus the seconds before it, so every screen shows the same time
without ticking through the store; a mark is stamped with the shared clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workbook.roleplay import MAX_NOTES, Tally

__all__ = ["ROLES", "Round", "RoundError", "apply", "rotate", "normalise_group", "MAX_GROUP_CHARS"]

ROLES = ("mentor", "leerling", "observator")
CLOCK_ROLES = ("mentor", "observator")  # who may start, pause and stop the clock
MAX_GROUP_CHARS = 30
DEBRIEF_FIELDS = ("agreement", "followup", "debrief", "listening", "notes")


class RoundError(ValueError):
    """A change the round refuses; the message is Dutch and meant for the participant."""


def normalise_group(code: object) -> str:
    """Return a group code as stored: spaces collapsed, lower case; a Dutch error when unusable."""
    if not isinstance(code, str) or not " ".join(code.split()):
        raise RoundError("Vul een groepscode in, bijvoorbeeld 'groep 3'. Spreek hem af met je groepje.")
    text = " ".join(code.split()).casefold()
    if len(text) > MAX_GROUP_CHARS:
        raise RoundError(f"Die groepscode is te lang (hoogstens {MAX_GROUP_CHARS} tekens).")
    if any(ord(c) < 32 for c in text):
        raise RoundError("De groepscode bevat tekens die niet zijn toegestaan.")
    return text


def rotate(roles: dict[str, str | None]) -> dict[str, str | None]:
    """Return the roles of the next round: the student becomes mentor, the mentor observer, the observer student."""
    return {"mentor": roles.get("leerling"), "observator": roles.get("mentor"), "leerling": roles.get("observator")}


@dataclass
class Round:
    """The shared state of one round: scenario, who has which role, the clock, the tally, the debrief."""

    scenario: str
    roles: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(ROLES))
    running: bool = False
    started_at: float | None = None
    before: float = 0.0  # seconds on the clock before ``started_at``
    stopped: bool = False
    tally: Tally = field(default_factory=Tally)

    # --- reading ----------------------------------------------------------------------------

    def clock(self, now: float | None = None) -> int:
        """Return the whole seconds the round has run, on every screen the same."""
        now = time.time() if now is None else now
        extra = max(0.0, now - self.started_at) if self.running and self.started_at is not None else 0.0
        return int(self.before + extra)

    def role_of(self, alias: str) -> str | None:
        """Return the role ``alias`` has in this round, or ``None``."""
        return next((r for r, who in self.roles.items() if who == alias), None)

    @property
    def started(self) -> bool:
        """Whether the clock has ever run (the scenario is fixed from then on)."""
        return self.running or self.before > 0 or self.stopped

    # --- changes (each one checked; a refused change raises RoundError) ----------------------

    def claim(self, alias: str, role: str) -> None:
        """Give ``alias`` the role ``role`` (and free the role they had)."""
        if role not in ROLES:
            raise RoundError("Die rol bestaat niet.")
        holder = self.roles.get(role)
        if holder not in (None, alias):
            raise RoundError(f"De rol {role} is al gekozen door {holder}. Kies een vrije rol.")
        for r, who in self.roles.items():
            if who == alias:
                self.roles[r] = None
        self.roles[role] = alias

    def leave(self, alias: str) -> None:
        """Free every role ``alias`` has."""
        for r, who in self.roles.items():
            if who == alias:
                self.roles[r] = None

    def choose(self, scenario: str) -> None:
        """Choose another scenario; only before the clock has run."""
        if self.started:
            raise RoundError("De ronde is al begonnen; het scenario ligt vast. Begin een nieuwe ronde.")
        self.scenario = scenario

    def start(self, now: float) -> None:
        """Start (or resume) the clock."""
        if self.stopped:
            raise RoundError("Deze ronde is gestopt. Begin een nieuwe ronde om opnieuw te spelen.")
        if not self.running:
            self.running, self.started_at = True, now

    def pause(self, now: float) -> None:
        """Pause the clock, keeping the time."""
        if self.running:
            self.before, self.running, self.started_at = float(self.clock(now)), False, None

    def stop(self, now: float) -> None:
        """Stop the round: the clock halts for good and the debrief opens."""
        self.pause(now)
        self.stopped = True

    def mark(self, element: str, now: float) -> None:
        """Record an element at the shared clock's time."""
        self.tally.mark(element, self.clock(now))

    def set_field(self, name: str, value: object) -> None:
        """Set one field of the observer's notes or the shared debrief."""
        t = self.tally
        if name == "agreement":
            t.agreement = bool(value)
        elif name == "followup":
            t.followup = bool(value)
        elif name == "listening":
            t.listening = value if isinstance(value, int) and value in (1, 2, 3, 4) else None
        elif name in ("debrief", "notes"):
            setattr(t, name, str(value or "")[:MAX_NOTES])
        else:
            raise RoundError(f"onbekend veld: {name}")

    # --- storage ----------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """Return the JSON-able record stored for the round."""
        return {
            "scenario": self.scenario,
            "roles": dict(self.roles),
            "running": self.running,
            "started_at": self.started_at,
            "before": self.before,
            "stopped": self.stopped,
            "tally": self.tally.state(),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any] | None, scenario: str = "") -> Round:
        """Rebuild a round from :meth:`state`, keeping only values that fit (else a fresh round)."""
        if not isinstance(state, dict):
            return cls(scenario)
        stored = state.get("roles")
        roles: dict[str, Any] = stored if isinstance(stored, dict) else {}
        started_at = state.get("started_at")
        before = state.get("before")
        return cls(
            scenario=str(state.get("scenario") or scenario),
            roles={r: (roles.get(r) if isinstance(roles.get(r), str) else None) for r in ROLES},
            running=bool(state.get("running")) and isinstance(started_at, (int, float)),
            started_at=float(started_at) if isinstance(started_at, (int, float)) else None,
            before=max(0.0, float(before)) if isinstance(before, (int, float)) else 0.0,
            stopped=bool(state.get("stopped")),
            tally=Tally.from_state(state.get("tally")),
        )


def apply(change: Callable[[Round], None], scenario: str = "") -> Callable[[dict[str, Any] | None], dict[str, Any]]:
    """Turn a change of a :class:`Round` into a change of its stored state (for ``Store.round_update``)."""

    def on_state(state: dict[str, Any] | None) -> dict[str, Any]:
        r = Round.from_state(state, scenario)
        change(r)
        return r.state()

    return on_state
