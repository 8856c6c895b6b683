"""Role-play in threes, as plain data and rules: :class:`Tally` is what the observer records.

The practice conversation with a simulated student is :mod:`workbook.student`; the round the
three share is :mod:`workbook.shared_round`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from workbook.content import ELEMENT_IDS

__all__ = ["Tally", "COUNTERS", "format_seconds", "MAX_NOTES"]

COUNTERS = ("rood", "groen", "open", "gesloten")
MAX_NOTES = 5000


def format_seconds(seconds: int) -> str:
    """Format a duration as ``mm:ss`` (``75`` -> ``"01:15"``); negative counts as zero."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


@dataclass
class Tally:
    """The observer's record of one round: elements in order with their time, counters, rating."""

    events: list[dict[str, Any]] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    listening: int | None = None
    notes: str = ""
    agreement: bool = False
    followup: bool = False
    debrief: str = ""

    def mark(self, element: str, seconds: int) -> None:
        """Record that the mentor used ``element`` at ``seconds`` into the round."""
        if element not in ELEMENT_IDS:
            raise ValueError(f"onbekend element: {element!r}")
        self.events.append({"element": element, "t": max(0, int(seconds))})

    def count(self, counter: str) -> None:
        """Add one to ``counter``, one of :data:`COUNTERS`.

        Raises
        ------
        ValueError
            For a counter that does not exist (Dutch message).
        """
        if counter not in COUNTERS:
            raise ValueError(f"onbekende teller: {counter!r}")
        self.counters[counter] += 1

    def undo(self) -> None:
        """Remove the last element marked (a mis-click)."""
        if self.events:
            self.events.pop()

    def per_element(self) -> dict[str, int]:
        """Count how often each of the seven elements was marked, in element order (zeros included)."""
        counts = Counter(e["element"] for e in self.events)
        return {e: counts.get(e, 0) for e in ELEMENT_IDS}

    def timeline(self) -> list[tuple[str, str]]:
        """List ``(mm:ss, element id)`` in the order the elements were marked."""
        return [(format_seconds(e["t"]), e["element"]) for e in self.events]

    def state(self) -> dict[str, Any]:
        """Return a JSON-able snapshot of the round for :meth:`from_state` and the dashboard."""
        return {
            "events": list(self.events),
            "counters": dict(self.counters),
            "listening": self.listening,
            "notes": self.notes,
            "agreement": self.agreement,
            "followup": self.followup,
            "debrief": self.debrief,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any] | None) -> Tally:
        """Rebuild a tally from :meth:`state`, keeping only values that fit.

        Unknown elements, negative counters, a listening rating outside 1-4 and text
        beyond :data:`MAX_NOTES` characters are dropped; anything that is not a saved
        state gives an empty tally.
        """
        tally = cls()
        if not isinstance(state, dict):
            return tally
        for e in state.get("events") or []:
            if isinstance(e, dict) and e.get("element") in ELEMENT_IDS and isinstance(e.get("t"), int):
                tally.events.append({"element": e["element"], "t": max(0, e["t"])})
        for key in COUNTERS:
            value = (state.get("counters") or {}).get(key)
            tally.counters[key] = value if isinstance(value, int) and value >= 0 else 0
        tally.listening = state.get("listening") if state.get("listening") in (1, 2, 3, 4) else None
        tally.notes = str(state.get("notes") or "")[:MAX_NOTES]
        tally.debrief = str(state.get("debrief") or "")[:MAX_NOTES]
        tally.agreement = bool(state.get("agreement"))
        tally.followup = bool(state.get("followup"))
        return tally
