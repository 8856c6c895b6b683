"""The plenary debrief ("Bespreken"): the group's own answers to one exercise, grouped the way the workbook judges them.

Pure logic, no widgets: :func:`collect` turns a training's stored answers into
:class:`Item` objects (the text a participant wrote, who wrote it, and the group it falls
in), and :func:`grouped` orders them by group with counts. Names are never part of what is
shown unless the facilitator reveals them one by one (:class:`Board`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbook import answers, content, feedback, registry
from workbook.answers import ConversationAnswer, GoalCardAnswer, LabAnswer, RewriteAnswer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Item", "SOURCES", "Source", "collect", "grouped", "Board"]

MAX_SHOWN_CHARS = 400  # a projected answer longer than this is cut with an ellipsis (the store keeps it whole)


@dataclass(frozen=True)
class Item:
    """One answer to discuss: a stable id, the text, who wrote it, and its group (a Dutch label)."""

    id: str
    text: str
    participant: str
    group: str


@dataclass(frozen=True)
class Source:
    """An exercise whose answers can be discussed: its Dutch title and how its answers become items."""

    title: str
    items: Callable[[pd.DataFrame], Iterator[tuple[str, str, str]]]  # (participant, text, group)
    order: tuple[str, ...] = ()  # groups in this order first


def _rows(frame: pd.DataFrame, exercise: str) -> Iterator[tuple[str, object]]:
    for who, ex, raw in zip(frame["participant"], frame["exercise"], frame["answer"], strict=True):
        if str(ex) == exercise:
            yield str(who), raw


def _lens_group(text: str) -> str:
    q = feedback.analyse_question(text)
    if not q.is_question:
        return "Geen vraag"
    lens = {"groen": "Groen", "rood": "Rood", "twijfel": "Twijfel", "neutraal": "Neutraal"}[q.lens]
    return f"{lens}, {'open' if q.open else 'gesloten'}"


def _rewrites(exercise: str, judge: Callable[[str], str]) -> Callable[[pd.DataFrame], Iterator[tuple[str, str, str]]]:
    def items(frame: pd.DataFrame) -> Iterator[tuple[str, str, str]]:
        for who, raw in _rows(frame, exercise):
            answer = answers.parse(RewriteAnswer, raw)
            for entry in answer.answers.values() if answer else ():
                if entry.text.strip():
                    yield who, entry.text, judge(entry.text)

    return items


def _goal_group(text: str) -> str:
    check = feedback.check_goal(text)
    met = sum(1 for k in ("specifiek", "meetbaar", "tijdgebonden", "positief") if check.criteria[k])
    return f"{met} van 4 criteria"


def _lab(exercise: str, judge: Callable[[str], str]) -> Callable[[pd.DataFrame], Iterator[tuple[str, str, str]]]:
    def items(frame: pd.DataFrame) -> Iterator[tuple[str, str, str]]:
        for who, raw in _rows(frame, exercise):
            answer = answers.parse(LabAnswer, raw)
            for text in answer.history if answer else ():
                if text.strip():
                    yield who, text, judge(text)

    return items


def _element_group(text: str) -> str:
    ranked = feedback.judge_elements(text).ranked
    return content.element_names().get(ranked[0], ranked[0]) if ranked else "Geen element"


def _goal_cards(frame: pd.DataFrame) -> Iterator[tuple[str, str, str]]:
    for who, raw in _rows(frame, registry.exercise_id("doelen", "doelenkaart")):
        card = answers.parse(GoalCardAnswer, raw)
        for goal in card.goals if card else ():
            check = feedback.check_goal(goal)
            small = check.criteria["specifiek"] and check.criteria["positief"]
            yield who, goal, "Concreet en positief" if small else "Nog vaag of negatief"


MOVE_NAMES = {
    "erkennen": "Erkennen",
    "compliment": "Compliment",
    "schaal": "Schaalvraag",
    "uitzondering": "Uitzondering",
    "actie": "Wat werkte",
    "toekomst": "Gewenste toekomst",
    "hulpbron": "Hulp",
    "stap": "Kleine stap",
    "afspraak": "Afspraak",
    "open": "Open vraag",
    "gesloten": "Gesloten vraag",
    "rode_vraag": "Rode vraag",
    "verwijt": "Verwijt",
    "advies": "Advies",
    "ja_maar": "Ja, maar",
    "dreigement": "Dreigement",
    "anders": "Anders",
}


def _turns(frame: pd.DataFrame) -> Iterator[tuple[str, str, str]]:
    spec = registry.by_id("oefengesprek")
    assert spec is not None
    for who, ex, raw in zip(frame["participant"], frame["exercise"], frame["answer"], strict=True):
        if registry.module_of_exercise(str(ex)) is spec and registry.kind_of(str(ex)) == "conversation":
            talk = answers.parse(ConversationAnswer, raw)
            for turn in talk.turns if talk else ():
                text, move = str(turn.get("mentor", "")), str(turn.get("move", "anders"))
                if text.strip():
                    yield str(who), text, MOVE_NAMES.get(move, "Anders")


def _rounds(frame: pd.DataFrame) -> Iterator[tuple[str, str, str]]:
    from workbook.shared_round import Round

    names = content.element_names()
    for rec in frame.attrs.get("rounds", []):
        r = Round.from_state(rec.state)
        if not r.stopped:
            continue
        used = [names.get(e, e) for e, n in r.tally.per_element().items() if n]
        agreed = "stap afgesproken" if r.tally.agreement else "geen stap afgesproken"
        followup = ", vervolgafspraak" if r.tally.followup else ""
        text = f"Groep {rec.group}, ronde {rec.number}: {', '.join(used) or 'geen elementen geturfd'}"
        mentor = r.roles.get("mentor") or ""
        yield mentor, text + (f". {r.tally.debrief}" if r.tally.debrief else ""), agreed + followup


SOURCES: dict[str, Source] = {
    "rood_groen": Source(
        "Rood → groen (module 3)",
        _rewrites(registry.exercise_id("brillen", "rood_groen"), _lens_group),
        ("Groen, open", "Groen, gesloten", "Twijfel, open", "Rood, open"),
    ),
    "open_vragen": Source(
        "Gesloten → open (module 3)",
        _rewrites(registry.exercise_id("brillen", "open_vragen"), _lens_group),
    ),
    "vragenlab": Source("Vragenlab (module 3)", _lab(registry.exercise_id("brillen", "lab"), _lens_group)),
    "smarti": Source(
        "SMARTI-doelen herschrijven (module 4)",
        _rewrites(registry.exercise_id("doelen", "herschrijven"), _goal_group),
        ("4 van 4 criteria", "3 van 4 criteria", "2 van 4 criteria", "1 van 4 criteria", "0 van 4 criteria"),
    ),
    "doelenkaart": Source("Doelenkaarten (module 4)", _goal_cards),
    "zelf_formuleren": Source(
        "Zelf formuleren (module 1)", _lab(registry.exercise_id("elementen", "vrij"), _element_group)
    ),
    "oefengesprek": Source("Beurten in het oefengesprek (module 6)", _turns),
    "rollenspel": Source("Rollenspel: rondes van de groepen (module 5)", _rounds),
}


def collect(frame: pd.DataFrame, source: str) -> list[Item]:
    """Return the items of one source in a training's answers (latest version of each answer)."""
    found = []
    for who, text, group in SOURCES[source].items(frame):
        digest = hashlib.sha256(f"{source}\0{who}\0{text}".encode()).hexdigest()[:10]
        shown = text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 1] + "…"
        found.append(Item(digest, shown, who, group))
    return found


def grouped(items: list[Item], order: tuple[str, ...] = ()) -> list[tuple[str, list[Item]]]:
    """Return the items by group: the groups of ``order`` first, then the largest; each group keeps its order."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    rank = {g: i for i, g in enumerate(order)}
    return sorted(groups.items(), key=lambda kv: (rank.get(kv[0], len(rank)), -len(kv[1]), kv[0]))


@dataclass
class Board:
    """What the facilitator did with the answers: names revealed, examples marked, answers hidden, one shown large."""

    revealed: set[str] = field(default_factory=set)
    examples: set[str] = field(default_factory=set)
    hidden: set[str] = field(default_factory=set)
    large: str | None = None

    def toggle(self, which: set[str], item_id: str) -> None:
        """Switch ``item_id`` in or out of one of the sets (reveal, example, hide)."""
        if item_id in which:
            which.discard(item_id)
        else:
            which.add(item_id)

    def author(self, item: Item) -> str | None:
        """Return the name to show with an item: only when the facilitator revealed it."""
        return item.participant if item.id in self.revealed else None
