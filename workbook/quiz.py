"""A multiple-choice quiz as plain data, e.g. which element a phrasing realises.

The quiz is independent of widgets so it can be tested and saved: :meth:`Quiz.state`
returns a JSON-able dict and :meth:`Quiz.from_state` restores it, so a participant who
reloads the page finds their answers back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from workbook.content import ElementenFile

__all__ = ["Question", "Feedback", "Quiz", "element_quiz", "element_choices"]


@dataclass(frozen=True)
class Question:
    """One item and the choice id that is right; ``explanation`` overrides the choice's own."""

    text: str
    answer: str
    explanation: str = ""
    also: tuple[str, ...] = ()  # other choices that are defensible too: they count as right

    def accepts(self, choice: str) -> bool:
        """Whether ``choice`` counts as right for this question."""
        return choice == self.answer or choice in self.also


@dataclass(frozen=True)
class Feedback:
    """What a participant sees right after answering."""

    correct: bool
    chosen: str
    answer: str
    explanation: str


@dataclass
class Quiz:
    """Questions in a fixed (shuffled) order and the answers given so far.

    Parameters
    ----------
    questions : list[Question]
        The questions in the order they are asked.
    choices : dict[str, str]
        Choice id to the label shown on its button.
    explanations : dict[str, str]
        Choice id to the sentence that explains how to recognise it.
    """

    questions: list[Question]
    choices: dict[str, str]
    explanations: dict[str, str]
    answers: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Refuse an empty quiz.

        Raises
        ------
        ValueError
            If there are no questions.
        """
        if not self.questions:
            raise ValueError("a quiz needs at least one question")

    @property
    def current(self) -> int:
        """Index of the first unanswered question, or ``len(questions)`` when finished."""
        for i in range(len(self.questions)):
            if i not in self.answers:
                return i
        return len(self.questions)

    @property
    def finished(self) -> bool:
        """Whether every question has been answered."""
        return len(self.answers) == len(self.questions)

    @property
    def score(self) -> int:
        """Number of questions answered with the right choice."""
        return sum(1 for i, a in self.answers.items() if self.questions[i].accepts(a))

    def answer(self, index: int, choice: str) -> Feedback:
        """Record an answer and explain it.

        Raises
        ------
        ValueError
            For an unknown choice, an index out of range, or a question already answered
            (values can come from a browser, so they are checked).
        """
        if choice not in self.choices:
            raise ValueError(f"unknown choice: {choice!r}")
        if not isinstance(index, int) or not 0 <= index < len(self.questions):
            raise ValueError(f"no question {index!r}")
        if index in self.answers:
            raise ValueError(f"question {index} was already answered")
        self.answers[index] = choice
        return self.feedback(index)

    def feedback(self, index: int) -> Feedback:
        """Explain the answer given to one question.

        Parameters
        ----------
        index : int
            A question that has been answered.

        Returns
        -------
        Feedback
            Whether the choice was right, and a Dutch sentence naming the right choice, the
            wrong one if any, and how to recognise the right one.
        """
        q = self.questions[index]
        chosen = self.answers[index]
        right = self.choices[q.answer]
        why = q.explanation or self.explanations.get(q.answer, "")
        if chosen == q.answer:
            others = " of ".join(f"'{self.choices[c]}'" for c in q.also if c in self.choices)
            text = f"Dit is inderdaad '{right}'. {why}" + (f" Ook {others} is goed te verdedigen." if others else "")
        elif chosen in q.also:
            text = (
                f"Goed te verdedigen: dit kan '{self.choices[chosen]}' zijn. "
                f"Het werkboek zet de zin bij '{right}'. {why}"
            )
        else:
            text = f"Dit is '{right}', niet '{self.choices[chosen]}'. {why}"
        return Feedback(q.accepts(chosen), chosen, q.answer, text)

    def mistakes(self) -> list[tuple[Question, str]]:
        """List the questions answered wrongly, in question order, with the choice that was made."""
        return [(self.questions[i], a) for i, a in sorted(self.answers.items()) if not self.questions[i].accepts(a)]

    # --- persistence ------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """Return a JSON-able snapshot: the questions in order, the answers, the score.

        ``answers`` has string keys (JSON objects do); :meth:`from_state` reads them back.
        """
        return {
            "questions": [
                {"text": q.text, "answer": q.answer, "explanation": q.explanation, "also": list(q.also)}
                for q in self.questions
            ],
            "answers": {str(i): a for i, a in self.answers.items()},
            "score": self.score,
            "total": len(self.questions),
            "finished": self.finished,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], choices: dict[str, str], explanations: dict[str, str]) -> Quiz:
        """Rebuild a quiz from :meth:`state`; answers that no longer fit are dropped.

        Raises
        ------
        ValueError
            If the state does not describe any valid question.
        """
        questions = [
            Question(
                str(q["text"]),
                str(q["answer"]),
                str(q.get("explanation") or ""),
                tuple(str(c) for c in (q.get("also") or []) if c in choices),
            )
            for q in state.get("questions", [])
            if isinstance(q, dict) and q.get("answer") in choices and q.get("text")
        ]
        quiz = cls(questions, choices, explanations)
        for key, value in dict(state.get("answers", {})).items():
            try:
                idx = int(key)
            except (TypeError, ValueError):
                continue
            if 0 <= idx < len(questions) and value in choices:
                quiz.answers[idx] = value
        return quiz


def element_quiz(content: ElementenFile, n: int = 10, seed: int | None = None) -> Quiz:
    """Build a quiz of ``n`` phrasings drawn from the seven elements, in random order.

    Every element occurs at least once when ``n >= 7``.
    """
    rng = random.Random(seed)
    per_element = {e.id: list(e.voorbeelden) for e in content.elementen}
    picked: list[Question] = []
    if n >= len(per_element):
        for eid, phrases in per_element.items():
            text = rng.choice(phrases)
            phrases.remove(text)
            picked.append(Question(text, eid, also=content.also_right(text)))
    rest = [Question(t, eid, also=content.also_right(t)) for eid, phrases in per_element.items() for t in phrases]
    rng.shuffle(rest)
    picked.extend(rest[: max(0, n - len(picked))])
    rng.shuffle(picked)
    choices, explanations = element_choices(content)
    return Quiz(picked[:n], choices, explanations)


def element_choices(content: ElementenFile) -> tuple[dict[str, str], dict[str, str]]:
    """Return the quiz's choices (element id to name) and how to recognise each element."""
    choices: dict[str, str] = {e.id: e.naam for e in content.elementen}
    explanations: dict[str, str] = {e.id: f"Je herkent het zo: {e.herkennen}" for e in content.elementen}
    return choices, explanations
