"""The simulated student of the practice conversation (module 06): a small inner state, not a script.

Each mentor turn is read by :mod:`workbook.feedback` into a *move* (:func:`read_move`,
branching on reason codes only, never on the wording of a message). The move changes the
student's :class:`StudentState` (trust, guardedness after a threat, what was said, which
topics came up) and picks the kind of answer (:data:`ANSWER_FOR`); the scenario
(:class:`workbook.content.Oefengesprek`) holds the lines per kind, and no line is said twice.

The conversation ends well when the student names a small step of their own and the mentor
then fixes a follow-up; it ends badly when trust stays gone for three turns, or when the turns run out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from workbook import feedback
from workbook.content import ELEMENT_IDS, Oefengesprek

__all__ = [
    "Move",
    "MOVES",
    "read_move",
    "Temperament",
    "TEMPERAMENTS",
    "StudentState",
    "Conversation",
    "MAX_TURN_CHARS",
    "TRUST_MAX",
    "TRIAL_GOOD",
    "TRIAL_CLUMSY",
    "trial",
]

MAX_TURN_CHARS = 600
TRUST_MAX = 10

Move = Literal[
    "erkennen",
    "compliment",
    "schaal",
    "uitzondering",
    "actie",
    "toekomst",
    "hulpbron",
    "stap",
    "afspraak",
    "open",
    "gesloten",
    "rode_vraag",
    "verwijt",
    "advies",
    "ja_maar",
    "dreigement",
    "anders",
]
MOVES: tuple[Move, ...] = get_args(Move)

# Question cue codes (bril.yaml) that say what a green question asks for.
_SCALE = frozenset({"schaalvraag"})
_EXCEPTION = frozenset({"uitzondering", "wat_wel_lukt"})
_STEP = frozenset({"kleine_stap", "volgende_stap", "plan", "proberen"})
_RESOURCE = frozenset({"hulpbronnen"})
_FUTURE = frozenset({"gewenste_toekomst", "gewenste_situatie", "doel", "behoefte"})
_ACTION = frozenset({"wat_werkt", "succes", "sterke_kanten", "verbetering", "vooruitgang", "volhouden", "opbrengst"})
_BLAME = frozenset({"verwijt", "verwijt_met_wel", "schuld"})
_LISTENING = ("erkennen", "normaliseren")
_AGREEING = ("vastleggen", "vervolggesprek")
_ENCOURAGING = ("zichtbaar_maken", "positieve_verwachting")


def read_move(text: str) -> tuple[Move, feedback.ElementJudgement, feedback.QuestionAnalysis]:
    """Read what a mentor turn does to the student, from the feedback engine's codes.

    Returns
    -------
    tuple
        The move, the element judgement and the question analysis behind it.
    """
    judged = feedback.judge_elements(text)
    q = feedback.analyse_question(text)
    codes = set(q.codes)
    first = judged.ranked[0] if judged.ranked else None
    if judged.code in ("dreigement", "ja_maar"):
        return judged.code, judged, q  # type: ignore[return-value]
    if judged.code == "verwijt" or codes & _BLAME:
        return "verwijt", judged, q
    if judged.code in ("opdracht", "advies"):
        return "advies", judged, q
    if judged.blocked or (q.is_question and q.lens == "rood"):
        return "rode_vraag", judged, q
    if first in _AGREEING:
        return "afspraak", judged, q
    if q.is_question:
        return _question_move(q, codes, first), judged, q
    if first in _LISTENING:
        return "erkennen", judged, q
    if first in _ENCOURAGING:
        return "compliment", judged, q
    if first == "kleine_stap":
        return "stap", judged, q
    return "anders", judged, q


def _question_move(q: feedback.QuestionAnalysis, codes: set[str], first: str | None) -> Move:
    """Tell what a question asks for: a number, an exception, an action, a step ... (codes first)."""
    table: tuple[tuple[frozenset[str], Move], ...] = (
        (_SCALE, "schaal"),
        (_EXCEPTION, "uitzondering"),
        (_STEP, "stap"),
        (_RESOURCE, "hulpbron"),
        (_FUTURE, "toekomst"),
        (_ACTION, "actie"),
    )
    for wanted, move in table:
        if codes & wanted:
            return move
    if "informatie" in codes:  # a question for facts ("Hoe laat ga je naar bed?"), whatever its words
        return "open" if q.open else "gesloten"
    if first == "kleine_stap":
        return "stap"
    if first in _LISTENING:
        return "erkennen"  # "Klopt het dat je er flink van baalt?"
    if first == "zichtbaar_maken":
        return "actie"
    if first == "positieve_verwachting":
        return "toekomst"
    return "open" if q.open else "gesloten"


@dataclass(frozen=True)
class Temperament:
    """How a kind of student reacts: where trust starts, from which trust they answer, how hard blows land."""

    start: int
    answers_from: int  # trust needed to answer an exploring question with content
    step_from: int  # trust needed to name a step of their own
    hurt: float  # multiplies every loss of trust
    warms: float  # multiplies every gain of trust


TEMPERAMENTS: dict[str, Temperament] = {
    "teruggetrokken": Temperament(start=3, answers_from=4, step_from=6, hurt=1.0, warms=1.0),
    "defensief": Temperament(start=2, answers_from=3, step_from=5, hurt=1.5, warms=1.0),
    "spraakzaam": Temperament(start=5, answers_from=2, step_from=6, hurt=1.0, warms=1.0),
    "weet_ik_niet": Temperament(start=3, answers_from=5, step_from=6, hurt=1.0, warms=1.0),
}

# What each move does to trust, before the temperament weighs it.
TRUST_EFFECT: dict[Move, int] = {
    "erkennen": 2,
    "compliment": 1,
    "schaal": 1,
    "uitzondering": 1,
    "actie": 1,
    "toekomst": 1,
    "hulpbron": 1,
    "stap": 0,
    "afspraak": 0,
    "open": 0,
    "gesloten": 0,
    "anders": 0,
    "rode_vraag": -1,
    "advies": -1,
    "ja_maar": -1,
    "verwijt": -2,
    "dreigement": -3,
}
GUARDED_TURNS = 3  # after a threat the student stays guarded this many turns
CLOSES_AFTER = 3  # the student walks out after this many turns in a row without any trust
EXPLORING: tuple[Move, ...] = ("schaal", "uitzondering", "actie", "toekomst", "hulpbron")
HURTFUL: tuple[Move, ...] = ("dreigement", "verwijt", "advies", "ja_maar", "rode_vraag")
# the look-back names the worst turn: a threat before a reproach before advice or a red question
SEVERITY: dict[str, int] = {"dreigement": 3, "verwijt": 2, "advies": 1, "ja_maar": 1, "rode_vraag": 1}

# The kind of answer each move asks for (when trust allows), and where to go when those lines are used up.
ANSWER_FOR: dict[Move, str] = {
    "erkennen": "vertellen",
    "compliment": "compliment",
    "schaal": "schaal",
    "uitzondering": "uitzondering",
    "actie": "actie",
    "toekomst": "toekomst",
    "hulpbron": "hulpbron",
    "stap": "stap",
    "afspraak": "kort",
    "open": "vertellen",
    "gesloten": "kort",
    "anders": "kort",
    "rode_vraag": "verdedigen",
    "verwijt": "verdedigen",
    "advies": "ja_maar",
    "ja_maar": "ja_maar",
    "dreigement": "dicht",
}
FALLBACK: dict[str, tuple[str, ...]] = {
    "vertellen": ("kort",),
    "compliment": ("kort",),
    "schaal": ("vertellen", "kort"),
    "uitzondering": ("vertellen", "kort"),
    "actie": ("vertellen", "kort"),
    "toekomst": ("vertellen", "kort"),
    "hulpbron": ("vertellen", "kort"),
    "stap": ("kort",),
    "geen_stap": ("weet_niet", "kort"),
    "verdedigen": ("dicht", "weet_niet"),
    "ja_maar": ("verdedigen", "dicht"),
    "dicht": ("weet_niet", "kort"),
    "weet_niet": ("kort", "dicht"),
    "kort": ("weet_niet", "dicht"),
}


@dataclass
class StudentState:
    """What the student feels and remembers: trust, guardedness, lines said, topics that came up."""

    trust: int
    guarded: int = 0
    threatened: bool = False
    said: set[str] = field(default_factory=set)
    topics: list[str] = field(default_factory=list)
    own_step: bool = False
    closed_turns: int = 0  # turns in a row that ended with no trust left


Outcome = Literal["bezig", "afspraak", "dicht", "tijd_op"]

# Two try-out conversations a trainer's new scenario is played with (preview of the authoring
# form, and the tests): every scenario must reach its good end with the first and walk out
# with the second.
TRIAL_GOOD = (
    "Dat klinkt als een lastige situatie voor je.",
    "Veel leerlingen hebben dat in deze periode, hoor.",
    "Wanneer gaat het wel een beetje beter?",
    "Wat is een kleine stap die je morgen kunt proberen?",
    "Ik schrijf het op en volgende week maandag kijken we samen hoe het ging.",
)
TRIAL_CLUMSY = (
    "Als je zo doorgaat, bel ik je ouders.",
    "Dat is toch niet zo moeilijk.",
    "Je bent ook altijd te laat.",
    "Hoe vaak moet ik het je nou nog zeggen?",
    "Je doet ook nooit wat je moet doen.",
)


@dataclass
class Conversation:
    """A practice conversation with the simulated student of ``script``.

    ``turns`` holds, per mentor turn: what was said, the move, elements, question analysis,
    trust before and after, the kind of answer and the student's line.
    """

    script: Oefengesprek
    turns: list[dict[str, Any]] = field(default_factory=list)
    student: StudentState = field(init=False)
    outcome: Outcome = "bezig"

    def __post_init__(self) -> None:
        self.student = StudentState(trust=self.temperament.start)
        self.student.said.add(self.script.opening)

    @property
    def temperament(self) -> Temperament:
        """Return how this student reacts."""
        return TEMPERAMENTS[self.script.temperament]

    @property
    def finished(self) -> bool:
        """Whether the conversation has ended (well or badly)."""
        return self.outcome != "bezig"

    @property
    def step_made(self) -> bool:
        """Whether the student named a small step of their own (not one the mentor handed them)."""
        return self.student.own_step

    @property
    def agreement_made(self) -> bool:
        """Whether the conversation ended with the student's own step and a follow-up."""
        return self.outcome == "afspraak"

    def say(self, text: str) -> dict[str, Any]:
        """Let the mentor say ``text``; the student's state changes and they answer.

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
        move, judged, q = read_move(text)
        before = self.student.trust
        self._feel(move)
        kind = self._answer_kind(move)
        if kind == "stap":
            self.student.own_step = True
        if move in EXPLORING or move == "erkennen":
            self.student.topics.append(move)
        turn: dict[str, Any] = {
            "mentor": text,
            "move": move,
            "code": judged.code,
            "elements": list(judged.ranked),
            "question": {"is_question": q.is_question, "open": q.open, "lens": q.lens},
            "trust_before": before,
            "trust": self.student.trust,
            "answer": kind,
            "student": "",
        }
        self.turns.append(turn)
        turn["student"] = self._end_line(move) or self._line(kind)
        return turn

    def _feel(self, move: Move) -> None:
        s, t = self.student, self.temperament
        effect = TRUST_EFFECT[move]
        if effect > 0 and move in EXPLORING and s.trust < t.answers_from:
            effect = 0  # a question the student cannot answer yet does not warm them
        if effect > 0 and s.guarded:
            effect = max(1, effect // 2) if move == "erkennen" else 0
        if effect < 0:
            effect = round(effect * t.hurt)
        else:
            effect = round(effect * t.warms)
        s.trust = max(0, min(TRUST_MAX, s.trust + effect))
        s.closed_turns = s.closed_turns + 1 if s.trust == 0 else 0
        if s.guarded:
            s.guarded -= 1
        if move == "dreigement":
            s.guarded = GUARDED_TURNS
            s.threatened = True

    def _answer_kind(self, move: Move) -> str:
        s, t = self.student, self.temperament
        kind = ANSWER_FOR[move]
        if move in HURTFUL:
            return kind if s.trust > 0 or move == "dreigement" else "dicht"
        if s.guarded and move != "erkennen":
            return "dicht"
        if move == "stap":
            explored = any(topic in EXPLORING for topic in s.topics)
            return "stap" if s.trust >= t.step_from and explored else "geen_stap"
        if move in EXPLORING and s.trust < t.answers_from:
            return "weet_niet"
        if move == "open" and s.trust < t.answers_from:
            return "weet_niet" if self.script.temperament == "weet_ik_niet" else "kort"
        return kind

    def _end_line(self, move: Move) -> str | None:
        """Close the conversation when it has reached an end; returns the closing line."""
        if move == "afspraak" and self.student.own_step and self.student.trust > 0:
            self.outcome = "afspraak"
            return self.script.slot_goed
        if self.student.closed_turns >= CLOSES_AFTER:
            self.outcome = "dicht"
            return self.script.slot_dicht
        if len(self.turns) >= self.script.max_beurten:
            self.outcome = "tijd_op"
            return self.script.slot_tijd
        return None

    def _line(self, kind: str) -> str:
        """Return the next unsaid line of ``kind``, else of its fallbacks; no line is said twice."""
        for option in (kind, *FALLBACK.get(kind, ())):
            for line in self.script.antwoorden[option]:  # type: ignore[index]
                if line not in self.student.said:
                    self.student.said.add(line)
                    return line
        # every line is used: the student has nothing left to say
        self.outcome = "tijd_op"
        return self.script.slot_tijd

    # --- the look-back ---------------------------------------------------------------------

    def review(self) -> dict[str, Any]:
        """Summarise the conversation for the look-back.

        Returns
        -------
        dict
            ``outcome``, the trust ``arc`` (start and after each turn), counts of questions,
            elements used in element order, ``step`` (the student's own) and ``agreement``,
            ``threat`` (whether one was made), ``weakest`` (the index of the turn that cost most
            trust, or ``None``) and ``tips`` as codes for the view to word.
        """
        used = [e for t in self.turns for e in t["elements"]]
        questions = [t["question"] for t in self.turns if t["question"]["is_question"]]
        red = sum(1 for t in self.turns if t["move"] == "rode_vraag")
        open_count = sum(1 for q in questions if q["open"])
        hurtful = [i for i, t in enumerate(self.turns) if t["move"] in HURTFUL]
        weak = hurtful or [i for i, t in enumerate(self.turns) if t["move"] in ("gesloten", "anders")]
        weakest = min(
            weak,
            key=lambda i: (
                -SEVERITY.get(self.turns[i]["move"], 0),
                self.turns[i]["trust"] - self.turns[i]["trust_before"],
                i,
            ),
            default=None,
        )
        tips = []
        if not any(t["move"] == "erkennen" for t in self.turns):
            tips.append("erkennen")
        if not any(t["move"] in EXPLORING for t in self.turns):
            tips.append("verkennen")
        if not self.step_made:
            tips.append("stap_leerling")
        elif not self.agreement_made:
            tips.append("afspraak")
        if red:
            tips.append("rood")
        if questions and open_count < len(questions) / 2:
            tips.append("open")
        return {
            "outcome": self.outcome,
            "turns": len(self.turns),
            "arc": [self.temperament.start, *(t["trust"] for t in self.turns)],
            "elements": sorted(set(used), key=ELEMENT_IDS.index),
            "questions": len(questions),
            "open_questions": open_count,
            "red_questions": red,
            "step": self.step_made,
            "agreement": self.agreement_made,
            "threat": self.student.threatened,
            "weakest": weakest,
            "tips": tips,
        }

    # --- saving ----------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """Return a JSON-able snapshot; :meth:`from_state` replays its mentor turns."""
        return {
            "script": self.script.id,
            "turns": list(self.turns),
            "finished": self.finished,
            "agreement": self.agreement_made,
            "outcome": self.outcome,
        }

    @classmethod
    def from_state(cls, script: Oefengesprek, state: dict[str, Any] | None) -> Conversation:
        """Replay the saved mentor turns against the current script (the student is deterministic)."""
        conversation = cls(script)
        if isinstance(state, dict) and state.get("script") == script.id:
            for turn in state.get("turns") or []:
                if isinstance(turn, dict) and isinstance(turn.get("mentor"), str) and not conversation.finished:
                    try:
                        conversation.say(turn["mentor"])
                    except ValueError:
                        break
        return conversation


def trial(script: Oefengesprek, turns: tuple[str, ...]) -> Conversation:
    """Play ``turns`` (until the conversation ends) with the student of ``script``."""
    conversation = Conversation(script)
    for text in turns:
        if conversation.finished:
            break
        conversation.say(text)
    return conversation
