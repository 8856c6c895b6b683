"""The shape of every saved answer: one pydantic model per exercise kind, versioned.

A view produces its answer as one of these models (``view.state()``) and gets one back
to restore (``view.restore(answer)``); the dashboard (:mod:`workbook.aggregates`) and the
exports read stored answers through :func:`parse` as well, so the keys of an answer are
written down once, here.

Versions
--------
Every answer carries ``version``. Answers saved before this field existed have none and
are version 0; :func:`parse` migrates them step by step (``MIGRATIONS``) to the current
version before validating. A stored answer is never rewritten in place: the migrated
model is what the page shows, and the next save stores the current version.

Damaged answers
---------------
A field that does not validate falls back to its default (the rest of the answer is
kept); an answer that is not a mapping at all gives ``None``. A page therefore always
opens, and shows as much of the earlier work as can be trusted.

Adding an exercise kind: write a subclass of :class:`Answer` with a unique ``kind`` and
decorate it with :func:`register`. Nothing here imports ipywidgets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, ClassVar, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

__all__ = [
    "Answer",
    "QuizAnswer",
    "QuizQuestion",
    "RewriteAnswer",
    "RewriteEntry",
    "LabAnswer",
    "SelfAssessmentAnswer",
    "GoalCardAnswer",
    "FormAnswer",
    "TallyAnswer",
    "TallyEvent",
    "ConversationAnswer",
    "CardAnswer",
    "KINDS",
    "CURRENT_VERSION",
    "register",
    "parse",
    "for_exercise",
    "is_finished",
]

CURRENT_VERSION = 1
A = TypeVar("A", bound="Answer")
KINDS: dict[str, type[Answer]] = {}
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _from_v0(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (no ``version`` key, saved before answers were typed) has the same keys as 1."""
    return {**data, "version": 1}


# MIGRATIONS[n] turns an answer of version n into one of version n + 1.
MIGRATIONS: dict[int, Migration] = {0: _from_v0}


class Answer(BaseModel):
    """The fields every saved answer has.

    Attributes
    ----------
    version : int
        The answer format (:data:`CURRENT_VERSION` for everything written now).
    finished : bool
        Whether the participant completed the exercise (the dashboard counts these).
    """

    model_config = ConfigDict(extra="ignore", validate_assignment=False)
    kind: ClassVar[str] = ""
    version: int = CURRENT_VERSION
    finished: bool = False

    def dump(self) -> dict[str, Any]:
        """Return the JSON-able dict that is stored."""
        return self.model_dump(mode="json")


def register(cls: type[A]) -> type[A]:
    """Class decorator: make an answer model known under its ``kind``."""
    if not cls.kind or cls.kind in KINDS:
        raise ValueError(f"answer kind {cls.kind!r} is empty or registered twice")
    KINDS[cls.kind] = cls
    return cls


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("version", 0)
    if not isinstance(version, int) or version > CURRENT_VERSION:
        version = CURRENT_VERSION  # unknown future or damaged: read what fits
    while version < CURRENT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return {**data, "version": CURRENT_VERSION}


def parse(model: type[A], data: object) -> A | None:
    """Read a stored answer as ``model``: migrated, validated, damaged fields set to their default.

    Parameters
    ----------
    model : type
        The :class:`Answer` subclass expected for this exercise.
    data : object
        What the store returned (normally a dict; anything else gives ``None``).

    Returns
    -------
    Answer or None
        The answer, or ``None`` when there is nothing usable.
    """
    if not isinstance(data, Mapping):
        return None
    values = _migrate(dict(data))
    for _attempt in range(len(values) + 1):
        try:
            return model.model_validate(values)
        except ValidationError as err:
            bad = {e["loc"][0] for e in err.errors() if e["loc"]}
            if not bad & values.keys():
                return None
            values = {k: v for k, v in values.items() if k not in bad}
    return None


def for_exercise(exercise: str, data: object) -> Answer | None:
    """Read a stored answer with the model of its exercise (from :mod:`workbook.registry`).

    Returns ``None`` for an exercise no module knows, or an answer that is not a mapping.
    """
    from workbook import registry

    kind = registry.kind_of(exercise)
    return parse(KINDS[kind], data) if kind in KINDS else None


def is_finished(data: object) -> bool:
    """Whether a stored answer of any kind says the exercise was completed."""
    answer = parse(Answer, data)
    return answer is not None and answer.finished


# --- the kinds ------------------------------------------------------------------------------


class QuizQuestion(BaseModel):
    """One question as it was asked (the order is random, so it is stored with the answer)."""

    text: str
    answer: str
    explanation: str = ""
    also: list[str] = Field(default_factory=list)  # other answers that count as right


@register
class QuizAnswer(Answer):
    """A quiz: the questions in the order asked, the choice per question index, the score."""

    kind: ClassVar[str] = "quiz"
    questions: list[QuizQuestion] = Field(default_factory=list)
    answers: dict[str, str] = Field(default_factory=dict)
    score: int = 0
    total: int = 0

    def mistakes(self) -> list[tuple[QuizQuestion, str]]:
        """Return each answered question whose choice was wrong, with that choice."""
        wrong = []
        for key, chosen in self.answers.items():
            try:
                question = self.questions[int(key)]
            except (ValueError, IndexError):
                continue
            if question.answer != chosen and chosen not in question.also:
                wrong.append((question, chosen))
        return wrong


class RewriteEntry(BaseModel):
    """One rewritten text, with the judgement it got and what the participant ticked."""

    text: str = ""
    ok: bool = False
    score: int = 0
    model_shown: bool = False
    original: str = ""
    reflectie: dict[str, bool] = Field(default_factory=dict)


@register
class RewriteAnswer(Answer):
    """Rewriting tasks one after another: the entry per task index and the totals."""

    kind: ClassVar[str] = "rewrite"
    current: int = 0
    answers: dict[str, RewriteEntry] = Field(default_factory=dict)
    done: int = 0
    good: int = 0
    total: int = 0


@register
class LabAnswer(Answer):
    """A lab: the texts kept in the personal list and the text being typed."""

    kind: ClassVar[str] = "lab"
    history: list[str] = Field(default_factory=list)
    draft: str = ""


@register
class SelfAssessmentAnswer(Answer):
    """Looking back on a practice conversation: the listening level and two reflections."""

    kind: ClassVar[str] = "self_assessment"
    niveau: int | None = Field(default=None, ge=1, le=4)
    lastig: str = ""
    anders: str = ""


@register
class GoalCardAnswer(Answer):
    """A goal card: student, vague instruction, small goals, evaluation date."""

    kind: ClassVar[str] = "goal_card"
    student: str = ""
    instruction: str = ""
    goals: list[str] = Field(default_factory=list)
    evaluation: date | None = None
    specific: int = 0


@register
class FormAnswer(Answer):
    """A form: student, date and one text per part of the form."""

    kind: ClassVar[str] = "form"
    student: str = ""
    date: str = ""
    answers: list[str] = Field(default_factory=list)


class TallyEvent(BaseModel):
    """The observer saw the mentor use an element at ``t`` seconds."""

    element: str
    t: int = Field(ge=0)


@register
class TallyAnswer(Answer):
    """Where a participant is in the role-play: group, round and role.

    The round (clock, tally, debrief) is shared by the group and stored once
    (:meth:`workbook.store.Store.round_update`); the tally fields below are those of answers
    saved before rounds were shared.
    """

    kind: ClassVar[str] = "tally"
    group: str = ""  # the group code: the round itself is one shared record in the store
    round: int = Field(default=0, ge=0)
    scenario: str = ""
    role: str | None = None
    elapsed: int = Field(default=0, ge=0)
    events: list[TallyEvent] = Field(default_factory=list)
    counters: dict[str, int] = Field(default_factory=dict)
    listening: int | None = Field(default=None, ge=1, le=4)
    notes: str = ""
    agreement: bool = False
    followup: bool = False
    debrief: str = ""
    debrief_open: bool = False


@register
class ConversationAnswer(Answer):
    """A practice conversation: the turns so far (replayed on restore) and the turn being typed."""

    kind: ClassVar[str] = "conversation"
    script: str = ""
    turns: list[dict[str, Any]] = Field(default_factory=list)
    agreement: bool = False  # the student named a step of their own and a follow-up was made
    outcome: Literal["bezig", "afspraak", "dicht", "tijd_op"] = "bezig"
    draft: str = ""


@register
class CardAnswer(Answer):
    """A gesprekskaart: one real conversation of a mentor with a student (module 11).

    ``vorige`` links a follow-up conversation to the card of the conversation before it, so
    the cards of one student form a history. Times are local (Europe/Amsterdam).
    """

    kind: ClassVar[str] = "gesprekskaart"
    leerling: str = ""  # a first name or initials, as the mentor typed it
    datum: date | None = None
    erkend: str = ""
    werkt_al: str = ""
    stap: str = ""
    wie_wat: str = ""
    vervolg_datum: date | None = None
    vervolg_tijd: str = Field(default="", pattern=r"^$|^([01][0-9]|2[0-3]):[0-5][0-9]$")
    vorige: str = ""  # id of the previous card of this student, for a follow-up conversation
    hoe_ging_het: str = ""  # a follow-up: how the step agreed last time went


def kind_model(kind: str) -> type[Answer]:
    """Return the model registered for ``kind`` (``KeyError`` for an unknown kind)."""
    return KINDS[kind]
