"""Exercise logic for the practice modules (02 listening, 03 lenses, 04 goals), without widgets.

Quizzes are :class:`workbook.quiz.Quiz` objects built from the content; rewrite exercises
keep their progress in :class:`RewriteProgress`; the goal card is a :class:`GoalCard`.
Every state is a JSON-able dict for :class:`workbook.autosave.Autosaver`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workbook import feedback
from workbook.content import (
    BrillenFile,
    LeerlingbesprekingFile,
    LuisterenFile,
    MentorrolFile,
    OpenGeslotenFile,
    SmartiFile,
)
from workbook.quiz import Question, Quiz

__all__ = [
    "listening_quiz",
    "lens_quiz",
    "RewriteTask",
    "Judgement",
    "red_to_green_tasks",
    "meeting_quiz",
    "meeting_tasks",
    "role_quiz",
    "closed_to_open_tasks",
    "goal_tasks",
    "judge_green",
    "judge_open",
    "judge_goal",
    "RewriteProgress",
    "GoalCard",
    "MAX_TEXT",
]

MAX_TEXT = 2000  # characters kept of a typed answer; more is refused with a message

LENS_CHOICES = {"rood": "Rode bril", "groen": "Groene bril"}


def listening_quiz(data: LuisterenFile, seed: int | None = None) -> Quiz:
    """Build a quiz of every listening item once, in random order; the choices are the four levels."""
    rng = random.Random(seed)
    items = list(data.oefeningen)
    rng.shuffle(items)
    questions = [Question(f"Leerling: {o.leerling}\nMentor: {o.mentor}", str(o.niveau), o.uitleg) for o in items]
    choices = {str(n.niveau): f"Niveau {n.niveau}: {n.naam.lower()}" for n in data.niveaus}
    explanations = {str(n.niveau): n.beschrijving for n in data.niveaus}
    return Quiz(questions, choices, explanations)


def lens_quiz(data: BrillenFile, n: int = 10, seed: int | None = None) -> Quiz:
    """Build ``n`` questions, half red and half green, from different pairs, in random order."""
    rng = random.Random(seed)
    pairs = list(data.paren)
    rng.shuffle(pairs)
    questions = []
    for i, pair in enumerate(pairs[:n]):
        if i % 2 == 0:
            questions.append(Question(pair.rood, "rood", f"{pair.toelichting} De groene versie: '{pair.groen}'"))
        else:
            questions.append(Question(pair.groen, "groen", f"{pair.toelichting} De rode versie was: '{pair.rood}'"))
    rng.shuffle(questions)
    explanations: dict[str, str] = {b.kleur: b.kijkt_naar for b in data.brillen}
    return Quiz(questions, dict(LENS_CHOICES), explanations)


MEETING_CHOICES = {"rood": "Probleemgericht", "groen": "Oplossingsgericht"}


def meeting_quiz(data: LeerlingbesprekingFile, seed: int | None = None) -> Quiz:
    """Build a quiz of one question per leerlingbespreking pair: problem- or solution-oriented.

    Half the pairs give their problem-oriented question, half their solution-oriented one; the
    feedback shows the other half, which therefore never comes up later in the same quiz.
    """
    rng = random.Random(seed)
    pairs = list(data.vraagparen)
    rng.shuffle(pairs)
    questions = []
    for i, pair in enumerate(pairs):
        if i % 2 == 0:
            questions.append(
                Question(pair.probleemgericht, "rood", f"Oplossingsgericht zou zijn: '{pair.oplossingsgericht}'")
            )
        else:
            questions.append(
                Question(pair.oplossingsgericht, "groen", f"Probleemgericht zou zijn: '{pair.probleemgericht}'")
            )
    rng.shuffle(questions)
    explanations = {
        "rood": "Deze vraag zoekt naar oorzaken en tekorten.",
        "groen": "Deze vraag zoekt naar wat de leerling wil, kan en nodig heeft.",
    }
    return Quiz(questions, dict(MEETING_CHOICES), explanations)


def role_quiz(data: MentorrolFile, seed: int | None = None) -> Quiz:
    """Build a quiz of realistic cases: the mentor handles each one, or passes it on to the care team.

    The cases (``casussen``) are situations, not the bullets of the explanation, so the quiz asks
    the participant to apply the distinction rather than recall it.
    """
    rng = random.Random(seed)
    questions = [Question(c.situatie, c.antwoord, c.uitleg) for c in data.casussen]
    rng.shuffle(questions)
    choices = {"wel": "Hoort bij de mentor", "niet": "Geef het door"}
    explanations = {"wel": "De mentor doet dit zelf.", "niet": "Dit hoort bij de zorg, niet bij de mentor."}
    return Quiz(questions, choices, explanations)


@dataclass(frozen=True)
class RewriteTask:
    """One thing to rewrite: what is shown, the original text, and a model answer."""

    prompt: str
    original: str
    model: str
    note: str = ""


@dataclass(frozen=True)
class Judgement:
    """Whether a rewrite does what was asked, and the analysis behind it."""

    ok: bool
    summary: str
    analysis: feedback.QuestionAnalysis | feedback.GoalCheck


def red_to_green_tasks(data: BrillenFile) -> list[RewriteTask]:
    """List the red questions of the lens pairs to rewrite as green ones."""
    return [RewriteTask("Maak deze rode vraag groen:", p.rood, p.groen, p.toelichting) for p in data.paren]


def closed_to_open_tasks(data: OpenGeslotenFile) -> list[RewriteTask]:
    """List the closed questions of the open/closed pairs to rewrite as open ones."""
    return [RewriteTask("Maak deze gesloten vraag open:", p.gesloten, p.open, p.toelichting) for p in data.paren]


def goal_tasks(data: SmartiFile) -> list[RewriteTask]:
    """List the poorly written goals of the SMARTI examples to rewrite, each with the student's request."""
    return [
        RewriteTask(
            f"Hulpvraag van de leerling: '{v.hulpvraag}' Herschrijf dit doel:",
            v.fout_doel,
            v.goed_doel,
            v.waarom_goed,
        )
        for v in data.voorbeelden
    ]


def meeting_tasks(data: LeerlingbesprekingFile) -> list[RewriteTask]:
    """List the problem-oriented questions of the leerlingbespreking to rewrite as solution-oriented ones."""
    return [
        RewriteTask(
            "Maak van deze probleemgerichte vraag een oplossingsgerichte:", p.probleemgericht, p.oplossingsgericht
        )
        for p in data.vraagparen
    ]


def judge_green(text: str) -> Judgement:
    """Judge a rewrite that should be a green question (looking at what works or is wanted).

    Parameters
    ----------
    text : str
        What the participant typed.

    Returns
    -------
    Judgement
        ``ok`` when the text reads as a question through the green lens; the summary says
        so in Dutch (and whether it is also open), else what is still red, neutral or not a
        question. ``analysis`` is the :class:`~workbook.feedback.QuestionAnalysis`.
    """
    q = feedback.analyse_question(text)
    ok = q.is_question and q.lens == "groen"
    if ok:
        summary = "Dit is een groene vraag." + (" Hij is ook open." if q.open else " Kun je hem nog open maken?")
    elif not q.is_question:
        summary = "Dit leest nog niet als een vraag."
    elif q.lens == "rood":
        summary = "Deze vraag kijkt nog door de rode bril."
    elif q.lens == "twijfel":
        summary = "Ik twijfel: deze vraag heeft iets van allebei de brillen. Maak duidelijker waar hij naar kijkt."
    else:
        summary = "Deze vraag is neutraal: hij vraagt naar informatie, niet naar een oplossing."
    return Judgement(ok, summary, q)


def judge_open(text: str) -> Judgement:
    """Judge a rewrite that should be an open question.

    Parameters
    ----------
    text : str
        What the participant typed.

    Returns
    -------
    Judgement
        ``ok`` when the text reads as an open question, with a Dutch summary;
        ``analysis`` is the :class:`~workbook.feedback.QuestionAnalysis`.
    """
    q = feedback.analyse_question(text)
    ok = q.is_question and q.open
    if ok:
        summary = "Dit is een open vraag."
    elif not q.is_question:
        summary = "Dit leest nog niet als een vraag."
    else:
        summary = "Deze vraag is nog gesloten: de leerling kan met ja, nee of een keuze antwoorden."
    return Judgement(ok, summary, q)


def judge_goal(text: str) -> Judgement:
    """Judge a rewritten goal against the four criteria the workbook can check.

    Parameters
    ----------
    text : str
        What the participant typed.

    Returns
    -------
    Judgement
        ``ok`` when all four criteria are met, a Dutch summary with the count, and the
        :class:`~workbook.feedback.GoalCheck` as ``analysis``.
    """
    g = feedback.check_goal(text)
    ok = g.score == 4
    summary = f"{g.score} van de 4 criteria die het werkboek kan zien, zijn in orde."
    return Judgement(ok, summary, g)


@dataclass
class RewriteProgress:
    """Where a participant is in a rewrite exercise, and what they wrote.

    ``answers`` maps the task index to ``{"text", "ok", "model_shown", "score"}``.
    """

    tasks: list[RewriteTask]
    judge: Callable[[str], Judgement]
    current: int = 0
    answers: dict[int, dict[str, Any]] = field(default_factory=dict)

    def write(self, text: str) -> Judgement:
        """Record the text typed for the current task and judge it.

        Raises
        ------
        ValueError
            For text over :data:`MAX_TEXT` characters (nothing is recorded then).
        """
        if not isinstance(text, str):
            raise ValueError("geen tekst")
        if len(text) > MAX_TEXT:
            raise ValueError(f"Je tekst is te lang (hoogstens {MAX_TEXT} tekens). Maak hem korter.")
        result = self.judge(text)
        entry = self.answers.setdefault(self.current, {"model_shown": False})
        entry.update(text=text, ok=result.ok, score=_score(result))
        return result

    def attempted(self, index: int | None = None) -> bool:
        """Return whether text was written for task ``index`` (default: the current task)."""
        entry = self.answers.get(self.current if index is None else index, {})
        return bool(str(entry.get("text", "")).strip())

    def show_model(self) -> str | None:
        """Reveal the model answer of the current task, once the participant has tried.

        Returns
        -------
        str or None
            The model answer (and the task is marked as having shown it), or ``None`` when
            nothing was written for the task yet.
        """
        if not self.attempted():
            return None
        self.answers[self.current]["model_shown"] = True
        return self.tasks[self.current].model

    def go(self, index: int) -> None:
        """Make task ``index`` the current one; an index out of range is ignored."""
        if isinstance(index, int) and 0 <= index < len(self.tasks):
            self.current = index

    @property
    def finished(self) -> bool:
        """Whether something was written for every task."""
        return all(self.attempted(i) for i in range(len(self.tasks)))

    def state(self) -> dict[str, Any]:
        """Return a JSON-able snapshot for :meth:`restore` and the dashboard.

        Each answer also carries the task's original text, so the dashboard can show what
        was rewritten; ``done``, ``good`` and ``total`` count tasks.
        """
        return {
            "current": self.current,
            "answers": {str(i): {**a, "original": self.tasks[i].original} for i, a in sorted(self.answers.items())},
            "done": sum(1 for i in range(len(self.tasks)) if self.attempted(i)),
            "good": sum(1 for a in self.answers.values() if a.get("ok")),
            "total": len(self.tasks),
            "finished": self.finished,
        }

    def restore(self, state: dict[str, Any] | None) -> None:
        """Take over a saved state; entries that no longer fit the tasks are dropped."""
        if not isinstance(state, dict):
            return
        for key, entry in dict(state.get("answers") or {}).items():
            try:
                i = int(key)
            except (TypeError, ValueError):
                continue
            if 0 <= i < len(self.tasks) and isinstance(entry, dict) and isinstance(entry.get("text", ""), str):
                text = entry.get("text", "")[:MAX_TEXT]
                result = self.judge(text)
                self.answers[i] = {
                    "text": text,
                    "ok": result.ok,
                    "score": _score(result),
                    "model_shown": bool(entry.get("model_shown")),
                }
                reflections = entry.get("reflectie")
                if isinstance(reflections, dict):
                    self.answers[i]["reflectie"] = {str(k): bool(v) for k, v in reflections.items()}
        current = state.get("current")
        if isinstance(current, int):
            self.go(current)


def _score(result: Judgement) -> int:
    analysis = result.analysis
    return analysis.score if isinstance(analysis, feedback.GoalCheck) else int(result.ok)


# --- the goal card ----------------------------------------------------------------------

MAX_GOALS = 12


@dataclass
class GoalCard:
    """A card of small, fast goals that replaces a vague instruction ("doe normaal")."""

    student: str = ""
    instruction: str = "Doe normaal!"
    goals: list[str] = field(default_factory=list)
    evaluation: date | None = None

    def add(self, text: str) -> str | None:
        """Add a goal; returns a Dutch problem instead when it cannot be added."""
        text = " ".join(str(text or "").split())
        if not text:
            return "Typ eerst een doel."
        if len(text) > 300:
            return "Dit doel is te lang (hoogstens 300 tekens). Kleine doelen zijn kort."
        if len(self.goals) >= MAX_GOALS:
            return f"Een kaart heeft hoogstens {MAX_GOALS} doelen. Kies de belangrijkste."
        if text in self.goals:
            return "Dit doel staat al op de kaart."
        self.goals.append(text)
        return None

    def remove(self, index: int) -> None:
        """Remove goal ``index``; an index out of range is ignored."""
        if 0 <= index < len(self.goals):
            del self.goals[index]

    def move(self, index: int, step: int) -> None:
        """Move a goal up (``step=-1``) or down (``step=1``)."""
        target = index + step
        if 0 <= index < len(self.goals) and 0 <= target < len(self.goals):
            self.goals[index], self.goals[target] = self.goals[target], self.goals[index]

    def checks(self) -> list[feedback.GoalCheck]:
        """Check every goal on the card, in card order."""
        return [feedback.check_goal(g) for g in self.goals]

    def problems(self) -> list[str]:
        """List what is missing before the card can be printed, in Dutch (empty when complete)."""
        out = []
        if not self.student.strip():
            out.append("Vul de naam of een schuilnaam van de leerling in.")
        if not self.goals:
            out.append("Zet minstens één doel op de kaart.")
        if self.evaluation is None:
            out.append("Kies een datum waarop jullie samen terugkijken.")
        return out

    def weak_goals(self) -> list[int]:
        """Return the numbers (1-based) of the goals the checker marks ✘: not concrete or not positive."""
        return [i for i, c in enumerate(self.checks(), 1) if not (c.criteria["specifiek"] and c.criteria["positief"])]

    def state(self) -> dict[str, Any]:
        """Return a JSON-able snapshot for :meth:`from_state` and the dashboard.

        ``specific`` counts the goals that are both specific and positively worded;
        ``finished`` says whether the card can be printed.
        """
        checks = self.checks()
        return {
            "student": self.student,
            "instruction": self.instruction,
            "goals": list(self.goals),
            "evaluation": self.evaluation.isoformat() if self.evaluation else None,
            "specific": sum(1 for c in checks if c.criteria["specifiek"] and c.criteria["positief"]),
            "finished": not self.problems(),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any] | None) -> GoalCard:
        """Rebuild a card from :meth:`state`, with the same limits as typing it.

        Anything that is not a saved card gives an empty one; goals go through :meth:`add`
        again, and a date that cannot be read is dropped.
        """
        card = cls()
        if not isinstance(state, dict):
            return card
        card.student = str(state.get("student") or "")[:80]
        card.instruction = str(state.get("instruction") or card.instruction)[:200]
        for goal in state.get("goals") or []:
            if isinstance(goal, str):
                card.add(goal)
        try:
            card.evaluation = date.fromisoformat(str(state.get("evaluation")))
        except ValueError:
            card.evaluation = None
        return card
