"""Recognise which of the seven conversation elements a mentor's utterance realises."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbook.feedback.model import element_model
from workbook.feedback.questions import QuestionAnalysis, analyse_question
from workbook.feedback.rules import BLOCKER_CODES, Cue, element_rules
from workbook.feedback.text import normalise, words

__all__ = ["detect_elements", "explain_elements", "judge_elements", "ElementJudgement", "ELEMENT_CUES", "BLOCKERS"]

# The cues per element and the blockers are data: workbook/feedback/regels/elementen.yaml.
_RULES = element_rules()
ELEMENT_CUES: dict[str, tuple[Cue, ...]] = _RULES.tables()
BLOCKERS: tuple[Cue, ...] = _RULES.blockers()
_BY_QUESTION: dict[str, str] = {code: e for e, codes in _RULES.uit_vragen.items() for code in codes}


def _score(norm: str) -> dict[str, tuple[float, list[str]]]:
    scores: dict[str, tuple[float, list[str]]] = {}
    for element, element_cues in ELEMENT_CUES.items():
        total, reasons = 0.0, []
        for cue in element_cues:
            if cue.pattern.search(norm):
                total += cue.weight
                reasons.append(cue.reason)
        if total:
            scores[element] = (total, reasons)
    return scores


# Reason codes: what a program (the simulated student) branches on; the Dutch text is for people.
NO_TEXT = "geen_tekst"
NO_ELEMENT = "geen_element"
RED_WHY = "rode_waarom"
BLOCKING = frozenset((*BLOCKER_CODES, RED_WHY))


@dataclass(frozen=True)
class ElementJudgement:
    """What an utterance does as a conversation element.

    Attributes
    ----------
    ranked : list of str
        The elements it realises, best first (empty when none).
    reasons : dict
        Per element, the Dutch reasons.
    why_not : str or None
        Why none applies, in Dutch (``None`` when one does).
    code : str or None
        Why none applies, as a code: ``"geen_tekst"``, ``"geen_element"``, a blocker
        (``"opdracht"``, ``"advies"``, ``"dreigement"``, ``"verwijt"``) or ``"rode_waarom"``.
    """

    ranked: list[str]
    reasons: dict[str, list[str]]
    why_not: str | None = None
    code: str | None = None

    @property
    def blocked(self) -> bool:
        """Whether the utterance works against the conversation (advice, blame, a red 'waarom')."""
        return self.code in BLOCKING


def _blocked(norm: str, q: QuestionAnalysis) -> tuple[str, str] | None:
    for cue in BLOCKERS:
        if cue.pattern.search(norm):
            return cue.code, cue.reason
    if q.is_question and q.lens == "rood" and re.search(r"\bwaarom\b", norm):
        return RED_WHY, "Een rode 'waarom'-vraag: de leerling gaat zich verantwoorden."
    return None


def judge_elements(text: object) -> ElementJudgement:
    """Judge which conversation elements an utterance realises, with reasons and a reason code."""
    if not isinstance(text, str):
        return ElementJudgement([], {}, "Er is geen tekst.", NO_TEXT)
    norm, _cut = normalise(text)
    if not words(norm):
        return ElementJudgement([], {}, "Er is geen tekst.", NO_TEXT)
    q = analyse_question(norm)
    blocked = _blocked(norm, q)
    if blocked:
        code, reason = blocked
        return ElementJudgement([], {}, reason, code)
    scores = _score(norm)
    ranked = sorted((e for e, (s, _r) in scores.items() if s >= 1.0), key=lambda e: (-scores[e][0], _ORDER[e]))
    if not ranked:
        return (
            _from_question(q)
            or _from_model(norm, q)
            or ElementJudgement([], {}, "Hierin herken ik geen van de zeven gesprekselementen.", NO_ELEMENT)
        )
    return ElementJudgement(ranked, {e: scores[e][1] for e in ranked})


MODEL_ELEMENT = 0.6  # the word model names an element from this probability on


def _from_model(norm: str, q: QuestionAnalysis) -> ElementJudgement | None:
    """Let the word model name an element where no cue does, with the words that weighed most."""
    if q.lens == "rood":
        return None  # a problem-oriented question realises no element, whatever its words
    guess = element_model().guess(norm)
    if guess is None or guess.label not in _ORDER or guess.probability < MODEL_ELEMENT or not guess.evidence:
        return None
    named = ", ".join(f"'{w}'" for w in guess.evidence)
    return ElementJudgement([guess.label], {guess.label: [f"Woorden als {named} horen vaak bij dit element."]})


def _from_question(q: QuestionAnalysis) -> ElementJudgement | None:
    """Read a green question no element cue knows by what it asks (``uit_vragen`` in the rules).

    "Wanneer speelt het minder?" has no words of an element, yet asking for an exception makes
    visible what works: the lens cue's code says which element the question serves.
    """
    if q.lens != "groen" or not q.is_question:
        return None
    for code in q.codes[1:]:
        element = _BY_QUESTION.get(code)
        if element:
            reasons = [r for r in q.reasons[1:] if not r.startswith("Let op")] or [q.reasons[-1]]
            return ElementJudgement([element], {element: reasons[:1]})
    return None


def explain_elements(text: object) -> tuple[list[str], dict[str, list[str]], str | None]:
    """Return the elements (best first), the reasons per element, and why none applies (or ``None``)."""
    judged = judge_elements(text)
    return judged.ranked, judged.reasons, judged.why_not


_ORDER = {e: i for i, e in enumerate(ELEMENT_CUES)}


def detect_elements(text: object) -> list[str]:
    """Which conversation elements an utterance realises, best first; ``[]`` for none.

    Lecturing, threats, blame, unasked advice and a red 'waarom' give ``[]``.
    """
    return explain_elements(text)[0]
