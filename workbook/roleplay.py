"""Role-play in threes and the self-study practice conversation, as plain data and rules.

:class:`Tally` is what the observer records during a round; :class:`Conversation` runs a
branching practice conversation (:class:`workbook.content.Oefengesprek`): each mentor turn is
read by :mod:`workbook.feedback` and decides which line the student says next.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from workbook import feedback
from workbook.content import ELEMENT_IDS, Oefengesprek
from workbook.content.models import Reactie

__all__ = ["Tally", "COUNTERS", "classify_turn", "Conversation", "MAX_TURN_CHARS", "format_seconds"]

COUNTERS = ("rood", "groen", "open", "gesloten")
MAX_TURN_CHARS = 600
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


# --- the practice conversation --------------------------------------------------------------

_ELEMENT_TO_REACTION: dict[str, Reactie] = {
    "erkennen": "erkennen",
    "normaliseren": "erkennen",
    "positieve_verwachting": "verkennen",
    "zichtbaar_maken": "verkennen",
    "kleine_stap": "stap",
    "vastleggen": "afspraak",
    "vervolggesprek": "afspraak",
}


def classify_turn(text: str) -> tuple[Reactie, list[str], feedback.QuestionAnalysis]:
    """Decide which branch a mentor turn takes: erkennen, verkennen, stap, afspraak, rood or anders.

    Returns the branch, the elements found (best first) and the question analysis.
    """
    judged = feedback.judge_elements(text)
    elements = judged.ranked
    question = feedback.analyse_question(text)
    if elements:
        return _ELEMENT_TO_REACTION[elements[0]], elements, question
    # Branch on the codes, never on the wording of a message (trainers may reword those).
    if judged.blocked or (question.is_question and question.lens == "rood"):
        return "rood", elements, question
    if question.is_question and question.lens == "groen":
        return "verkennen", elements, question
    return "anders", elements, question


@dataclass
class Conversation:
    """A running practice conversation; ``turns`` holds mentor and student lines with analysis."""

    script: Oefengesprek
    turns: list[dict[str, Any]] = field(default_factory=list)

    @property
    def step_made(self) -> bool:
        """Whether a mentor turn has led to a small step."""
        return any(t["branch"] == "stap" for t in self.turns)

    @property
    def agreement_made(self) -> bool:
        """Whether an agreement was recorded after the first small step."""
        return self.step_made and any(
            t["branch"] == "afspraak" and i > self._first("stap") for i, t in enumerate(self.turns)
        )

    def _first(self, branch: str) -> int:
        return next((i for i, t in enumerate(self.turns) if t["branch"] == branch), len(self.turns))

    @property
    def finished(self) -> bool:
        """Whether the conversation has ended: an agreement, or the script's maximum of turns."""
        return self.agreement_made or len(self.turns) >= self.script.max_beurten

    def say(self, text: str) -> dict[str, Any]:
        """Let the mentor say ``text`` and return the turn with the student's answer.

        The turn's branch picks the student's next line from the script (each line of a
        branch once, then the last one again); an agreement before any step counts as
        ``anders``, unless it plans the follow-up conversation. When the turn completes the
        agreement, the student answers with the script's closing line.

        Raises
        ------
        ValueError
            For an empty or too long turn, or when the conversation has ended (Dutch message).
        """
        if self.finished:
            raise ValueError("Het gesprek is afgelopen. Begin opnieuw om nog eens te oefenen.")
        if not isinstance(text, str) or not text.strip():
            raise ValueError("Typ eerst wat je tegen de leerling zegt.")
        if len(text) > MAX_TURN_CHARS:
            raise ValueError(f"Dat is te lang voor één beurt (hoogstens {MAX_TURN_CHARS} tekens). Houd het kort.")
        text = " ".join(text.split())
        branch, elements, question = classify_turn(text)
        if branch == "afspraak" and not self.step_made:
            branch = "anders" if not elements or elements[0] != "vervolggesprek" else "afspraak"
        used = sum(1 for t in self.turns if t["branch"] == branch)
        lines = self.script.reacties[branch]
        turn = {
            "mentor": text,
            "branch": branch,
            "elements": elements,
            "question": {"is_question": question.is_question, "open": question.open, "lens": question.lens},
            "student": lines[min(used, len(lines) - 1)],
        }
        self.turns.append(turn)
        if self.agreement_made:
            turn["student"] = self.script.slot
        return turn

    def review(self) -> dict[str, Any]:
        """Summarise the conversation: what went well and what to try next time.

        Returns
        -------
        dict
            Counts of turns and (red, open) questions, the elements used in element order,
            whether a step and an agreement were made, and Dutch ``tips``.
        """
        used = [e for t in self.turns for e in t["elements"]]
        questions = [t["question"] for t in self.turns if t["question"]["is_question"]]
        red = sum(1 for q in questions if q["lens"] == "rood")
        open_count = sum(1 for q in questions if q["open"])
        tips = []
        if "erkennen" not in used and "normaliseren" not in used:
            tips.append("Begin met erkennen: laat merken dat je hoort hoe het voor de leerling is.")
        if "zichtbaar_maken" not in used:
            tips.append("Vraag naar wat al werkt of wanneer het wel lukt: daar zit de oplossing vaak al in.")
        if not self.step_made:
            tips.append("Help de leerling een kleine, concrete stap te kiezen: wat, wanneer, hoe vaak?")
        if not self.agreement_made:
            tips.append("Leg de afspraak vast en noem een moment om terug te kijken.")
        if red:
            tips.append(f"{red} vraag/vragen keken door de rode bril; probeer ze groen te stellen.")
        if questions and open_count < len(questions) / 2:
            tips.append("Stel meer open vragen (wat, hoe, wanneer), zodat de leerling zelf vertelt.")
        return {
            "turns": len(self.turns),
            "elements": sorted(set(used), key=ELEMENT_IDS.index),
            "red_questions": red,
            "open_questions": open_count,
            "questions": len(questions),
            "step": self.step_made,
            "agreement": self.agreement_made,
            "tips": tips,
        }

    def state(self) -> dict[str, Any]:
        """Return a JSON-able snapshot; :meth:`from_state` replays its mentor turns."""
        return {
            "script": self.script.id,
            "turns": list(self.turns),
            "finished": self.finished,
            "agreement": self.agreement_made,
        }

    @classmethod
    def from_state(cls, script: Oefengesprek, state: dict[str, Any] | None) -> Conversation:
        """Replay the saved mentor turns against the current script."""
        conversation = cls(script)
        if isinstance(state, dict) and state.get("script") == script.id:
            for turn in state.get("turns") or []:
                if isinstance(turn, dict) and isinstance(turn.get("mentor"), str) and not conversation.finished:
                    try:
                        conversation.say(turn["mentor"])
                    except ValueError:
                        break
        return conversation
