"""What the facilitator dashboard computes from a workshop's answers (pure pandas).

Exercise ids come from :mod:`workbook.registry`; stored answers are read through the typed
models of :mod:`workbook.answers` (migrated, damaged fields dropped), never by string key.
Later modules add their panels to :data:`PANELS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pandas as pd

from workbook import answers, content, registry
from workbook.answers import (
    Answer,
    ConversationAnswer,
    FormAnswer,
    GoalCardAnswer,
    QuizAnswer,
    RewriteAnswer,
    SelfAssessmentAnswer,
    TallyAnswer,
)
from workbook.roleplay import Tally
from workbook.shared_round import Round

A = TypeVar("A", bound=Answer)
ELEMENT_QUIZ = registry.exercise_id("elementen", "quiz")

__all__ = ["module_of", "progress", "per_participant", "quiz_scores", "quiz_mistakes", "Panel", "PANELS"]


def module_of(exercise: str) -> int | None:
    """Return the module number an exercise id belongs to (from :mod:`workbook.registry`), or ``None``."""
    spec = registry.module_of_exercise(exercise)
    return spec.number if spec is not None else None


def _finished(answer: object) -> bool:
    return answers.is_finished(answer)


def _parsed(frame: pd.DataFrame, exercise: str, model: type[A]) -> list[tuple[str, A]]:
    """Return ``(participant, answer)`` for every stored answer of ``exercise`` that can be read."""
    rows = []
    for participant, raw in zip(
        frame.loc[frame["exercise"] == exercise, "participant"],
        frame.loc[frame["exercise"] == exercise, "answer"],
        strict=True,
    ):
        answer = answers.parse(model, raw)
        if answer is not None:
            rows.append((str(participant), answer))
    return rows


def _of_kind(frame: pd.DataFrame, kind: str, model: type[A]) -> list[A]:
    """Return every readable stored answer of an exercise kind (all role-play rounds, for example)."""
    found = []
    for exercise, raw in zip(frame["exercise"], frame["answer"], strict=True):
        if registry.kind_of(str(exercise)) == kind:
            answer = answers.parse(model, raw)
            if answer is not None:
                found.append(answer)
    return found


def progress(frame: pd.DataFrame) -> pd.DataFrame:
    """Per module with answers: how many participants started and finished.

    Columns: ``Module``, ``Gestart``, ``Afgerond``.
    """
    if frame.empty:
        return pd.DataFrame(columns=["Module", "Gestart", "Afgerond"])
    titles = {number: title for number, (title, _text) in registry.titles().items()}
    work = frame.assign(module=frame["exercise"].map(module_of), finished=frame["answer"].map(_finished)).dropna(
        subset=["module"]
    )
    rows = []
    for number, group in work.groupby("module"):
        rows.append(
            {
                "Module": f"{int(number)}. {titles.get(int(number), '')}".strip(),
                "Gestart": group["participant"].nunique(),
                "Afgerond": group.loc[group["finished"], "participant"].nunique(),
            }
        )
    return pd.DataFrame(rows, columns=["Module", "Gestart", "Afgerond"])


def per_participant(frame: pd.DataFrame, aliases: list[str] | None = None) -> pd.DataFrame:
    """Per participant: modules worked on, exercises finished, last save (local time).

    Registered aliases without answers are listed too. Columns: ``Deelnemer``, ``Modules``,
    ``Afgerond``, ``Laatst bewaard``.
    """
    rows = {}
    for name in aliases or []:
        rows[name] = {"Deelnemer": name, "Modules": "", "Afgerond": 0, "Laatst bewaard": ""}
    for participant, group in frame.groupby("participant"):
        name = str(participant)
        modules = sorted({m for m in group["exercise"].map(module_of) if m is not None})
        last = pd.Timestamp(group["saved_at"].max())
        if last.tzinfo is None:
            last = last.tz_localize("UTC")
        rows[name] = {
            "Deelnemer": name,
            "Modules": ", ".join(str(m) for m in modules),
            "Afgerond": int(group["answer"].map(_finished).sum()),
            "Laatst bewaard": last.to_pydatetime().astimezone().strftime("%H:%M:%S"),
        }
    return pd.DataFrame(list(rows.values()), columns=["Deelnemer", "Modules", "Afgerond", "Laatst bewaard"])


def quiz_scores(frame: pd.DataFrame, exercise: str = ELEMENT_QUIZ) -> pd.DataFrame:
    """Scores of finished quizzes: one row per participant (``Deelnemer``, ``Score``, ``Van``)."""
    rows = [
        {"Deelnemer": who, "Score": a.score, "Van": a.total}
        for who, a in _parsed(frame, exercise, QuizAnswer)
        if a.finished and a.total
    ]
    return pd.DataFrame(rows, columns=["Deelnemer", "Score", "Van"])


def quiz_mistakes(
    frame: pd.DataFrame,
    exercise: str = ELEMENT_QUIZ,
    top: int = 8,
    names: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Return the items the group most often answered wrongly.

    Columns: ``Zin``, ``Juist antwoord``, ``Vaak gekozen``, ``Aantal fout`` (element names by default;
    ``names`` maps other choice ids to labels).
    """
    if names is None:
        names = content.element_names()
    wrong = [
        (question.text, question.answer, chosen)
        for _who, a in _parsed(frame, exercise, QuizAnswer)
        for question, chosen in a.mistakes()
    ]
    if not wrong:
        return pd.DataFrame(columns=["Zin", "Juist antwoord", "Vaak gekozen", "Aantal fout"])
    df = pd.DataFrame(wrong, columns=["text", "answer", "chosen"])
    rows = []
    for (text, answer), group in df.groupby(["text", "answer"]):
        chosen = group["chosen"].mode().iloc[0]
        rows.append(
            {
                "Zin": " · ".join(line.strip() for line in str(text).splitlines() if line.strip()),
                "Juist antwoord": names.get(answer, answer),
                "Vaak gekozen": names.get(chosen, chosen),
                "Aantal fout": len(group),
            }
        )
    out = pd.DataFrame(rows).sort_values(["Aantal fout", "Zin"], ascending=[False, True])
    shown = out.head(top).reset_index(drop=True)
    shown.attrs["meer"] = max(0, len(out) - top)  # said under the table: never cut without a word
    return shown


def rewrite_summary(frame: pd.DataFrame, exercise: str) -> pd.DataFrame:
    """Per participant: how many rewrites made and how many judged right.

    Columns: ``Deelnemer``, ``Gemaakt``, ``Goed``, ``Van``.
    """
    rows = [
        {"Deelnemer": who, "Gemaakt": a.done, "Goed": a.good, "Van": a.total}
        for who, a in _parsed(frame, exercise, RewriteAnswer)
    ]
    return pd.DataFrame(rows, columns=["Deelnemer", "Gemaakt", "Goed", "Van"])


def rewrite_examples(frame: pd.DataFrame, exercise: str, top: int = 10) -> pd.DataFrame:
    """Recent rewrites by the group, next to the original (participant text; escape when showing).

    Columns: ``Deelnemer``, ``Oorspronkelijk``, ``Herschreven``, ``Oordeel``.
    """
    rows = [
        {
            "Deelnemer": who,
            "Oorspronkelijk": entry.original,
            "Herschreven": entry.text.strip()[:300],
            "Oordeel": "✔" if entry.ok else "✘",
        }
        for who, a in _parsed(frame, exercise, RewriteAnswer)
        for entry in a.answers.values()
        if entry.text.strip()
    ]
    shown = pd.DataFrame(rows[-top:], columns=["Deelnemer", "Oorspronkelijk", "Herschreven", "Oordeel"])
    shown.attrs["meer"] = max(0, len(rows) - top)  # the latest are shown; the rest is counted
    return shown


def smarti_before_after(
    frame: pd.DataFrame, exercise: str = registry.exercise_id("doelen", "herschrijven")
) -> pd.DataFrame:
    """Per goal: SMARTI score (0-4, what the text shows) of the original and the group's rewrites.

    Columns: ``Oorspronkelijk doel``, ``Score voor``, ``Gemiddeld na``, ``Herschrijvingen``.
    """
    from workbook import feedback

    scores: dict[str, list[int]] = {}
    for _who, a in _parsed(frame, exercise, RewriteAnswer):
        for entry in a.answers.values():
            if entry.text.strip():
                scores.setdefault(entry.original, []).append(feedback.check_goal(entry.text).score)
    rows = [
        {
            "Oorspronkelijk doel": original,
            "Score voor": feedback.check_goal(original).score,
            "Gemiddeld na": round(sum(v) / len(v), 1),
            "Herschrijvingen": len(v),
        }
        for original, v in scores.items()
    ]
    return pd.DataFrame(rows, columns=["Oorspronkelijk doel", "Score voor", "Gemiddeld na", "Herschrijvingen"])


def listening_levels(
    frame: pd.DataFrame, exercise: str = registry.exercise_id("luisteren", "zelfevaluatie")
) -> pd.DataFrame:
    """How many participants said they listened at each level. Columns: ``Niveau``, ``Deelnemers``."""
    levels = [a.niveau for _who, a in _parsed(frame, exercise, SelfAssessmentAnswer) if a.niveau is not None]
    return pd.DataFrame({"Niveau": [1, 2, 3, 4], "Deelnemers": [levels.count(i) for i in (1, 2, 3, 4)]})


def goal_cards(frame: pd.DataFrame, exercise: str = registry.exercise_id("doelen", "doelenkaart")) -> pd.DataFrame:
    """Goal cards: per participant the number of goals and how many are concrete and positive."""
    rows = [
        {
            "Deelnemer": who,
            "Doelen": len(a.goals),
            "Concreet en positief": a.specific,
            "Klaar": "✔" if a.finished else "",
        }
        for who, a in _parsed(frame, exercise, GoalCardAnswer)
    ]
    return pd.DataFrame(rows, columns=["Deelnemer", "Doelen", "Concreet en positief", "Klaar"])


def _rounds(frame: pd.DataFrame) -> list[Round]:
    """Return the workshop's role-play rounds: one per group and round (``frame.attrs["rounds"]``)."""
    shared = [Round.from_state(rec.state) for rec in frame.attrs.get("rounds", [])]
    # rounds saved per participant and scenario before the round was shared (one per observer)
    legacy = [
        Round(a.scenario, tally=Tally.from_state(a.dump()), stopped=a.finished)
        for a in _of_kind(frame, "tally", TallyAnswer)
        if not a.group and (a.events or a.finished)
    ]
    return shared + legacy


def roleplay_groups(frame: pd.DataFrame) -> pd.DataFrame:
    """Per role-play group its latest round: who has which role, the clock's state and how much was tallied."""
    latest: dict[str, tuple[int, Round]] = {}
    for rec in frame.attrs.get("rounds", []):
        if rec.group not in latest or rec.number > latest[rec.group][0]:
            latest[rec.group] = (rec.number, Round.from_state(rec.state))
    titles = {s.id: s.titel for s in content.load_folder("rollenspellen")[0]}
    rows = []
    for group, (number, r) in sorted(latest.items()):
        status = (
            "nabespreking"
            if r.stopped
            else "speelt"
            if r.running
            else "gepauzeerd"
            if r.started
            else "klaar om te starten"
        )
        rows.append(
            {
                "Groep": group,
                "Ronde": number,
                "Scenario": titles.get(r.scenario, r.scenario),
                "Mentor": r.roles.get("mentor") or "",
                "Leerling": r.roles.get("leerling") or "",
                "Observator": r.roles.get("observator") or "",
                "Stand": status,
                "Geturfd": len(r.tally.events),
            }
        )
    columns = ["Groep", "Ronde", "Scenario", "Mentor", "Leerling", "Observator", "Stand", "Geturfd"]
    return pd.DataFrame(rows, columns=columns)


def roleplay_elements(frame: pd.DataFrame) -> pd.DataFrame:
    """Over all role-play rounds the observers tallied: in how many rounds each element was used.

    Columns: ``Element``, ``Rondes``, ``Keer``.
    """
    names = content.element_names()
    tallies = [r.tally for r in _rounds(frame) if r.tally.events]
    if not tallies:
        return pd.DataFrame(columns=["Element", "Rondes", "Keer"])
    rows = []
    for element in content.ELEMENT_IDS:
        used = [t.per_element()[element] for t in tallies]
        rows.append({"Element": names.get(element, element), "Rondes": sum(1 for n in used if n), "Keer": sum(used)})
    return pd.DataFrame(rows, columns=["Element", "Rondes", "Keer"])


def roleplay_outcomes(frame: pd.DataFrame) -> pd.DataFrame:
    """How often role-play rounds and practice conversations reached a concrete agreement.

    A round counts once for its group; a practice conversation counts its step only when the
    student named one and the follow-up was made (``agreement``), never just because it ended.
    """
    plays = [r.tally for r in _rounds(frame) if r.stopped]
    talks = [a for a in _of_kind(frame, "conversation", ConversationAnswer) if a.finished]
    rows = []
    if plays:
        rows.append(
            {
                "Oefening": "Rollenspel (afgeronde rondes)",
                "Aantal": len(plays),
                "Kleine stap afgesproken": sum(1 for t in plays if t.agreement),
                "Vervolgafspraak": sum(1 for t in plays if t.followup),
            }
        )
    if talks:
        agreed = sum(1 for a in talks if a.agreement)  # the student's own step, then the follow-up
        rows.append(
            {
                "Oefening": "Oefengesprek (afgerond)",
                "Aantal": len(talks),
                "Kleine stap afgesproken": agreed,
                "Vervolgafspraak": agreed,
            }
        )
    return pd.DataFrame(rows, columns=["Oefening", "Aantal", "Kleine stap afgesproken", "Vervolgafspraak"])


def _answers_of(frame: pd.DataFrame, module_id: str, kind: str, model: type[A]) -> list[tuple[str, str, A]]:
    """Return ``(participant, item, answer)`` for each readable answer of one kind in one module (by the registry)."""
    spec = registry.by_id(module_id)
    rows: list[tuple[str, str, A]] = []
    if spec is None:
        return rows
    for who, exercise, raw in zip(frame["participant"], frame["exercise"], frame["answer"], strict=True):
        exercise = str(exercise)
        if registry.module_of_exercise(exercise) is spec and registry.kind_of(exercise) == kind:
            answer = answers.parse(model, raw)
            if answer is not None:
                rows.append((str(who), exercise[len(spec.exercise_prefix) :], answer))
    return rows


OUTCOME_NAMES = {
    "afspraak": "eigen stap en vervolgafspraak",
    "dicht": "leerling klapte dicht",
    "tijd_op": "tijd op",
    "bezig": "nog bezig",
}


def conversation_outcomes(frame: pd.DataFrame) -> pd.DataFrame:
    """List per participant and practice conversation (module 06) the turns, how it ended and the lowest trust."""
    titles = {t.id: t.titel for t in content.load_folder("oefengesprekken")[0]}
    rows = []
    for who, item, a in _answers_of(frame, "oefengesprek", "conversation", ConversationAnswer):
        if not a.turns:
            continue
        trust = [int(t["trust"]) for t in a.turns if isinstance(t.get("trust"), int)]
        rows.append(
            {
                "Deelnemer": who,
                "Gesprek": titles.get(a.script or item, a.script or item),
                "Beurten": len(a.turns),
                "Einde": OUTCOME_NAMES.get(a.outcome, a.outcome),
                "Laagste vertrouwen": min(trust) if trust else "",
            }
        )
    return pd.DataFrame(rows, columns=["Deelnemer", "Gesprek", "Beurten", "Einde", "Laagste vertrouwen"])


def form_progress(frame: pd.DataFrame, module_id: str) -> pd.DataFrame:
    """List for the forms of one module (07, 09, 10) per participant and form how many questions are filled in."""
    rows = [
        {
            "Deelnemer": who,
            "Formulier": item.replace("_", " "),
            "Ingevuld": sum(1 for text in a.answers if str(text).strip()),
            "Vragen": len(a.answers),
            "Klaar": "✔" if a.finished else "",
        }
        for who, item, a in _answers_of(frame, module_id, "form", FormAnswer)
    ]
    return pd.DataFrame(rows, columns=["Deelnemer", "Formulier", "Ingevuld", "Vragen", "Klaar"])


LEVEL_NAMES = {"1": "Niveau 1", "2": "Niveau 2", "3": "Niveau 3", "4": "Niveau 4"}
LENS_NAMES = {"rood": "Rode bril", "groen": "Groene bril"}
ROLE_NAMES = {"wel": "Hoort bij de mentor", "niet": "Geef het door"}


@dataclass(frozen=True)
class Panel:
    """One table on the dashboard: a module number, a Dutch title and how to compute it."""

    module: int
    title: str
    compute: Callable[[pd.DataFrame], pd.DataFrame]
    empty_text: str = "Nog geen antwoorden."


PANELS: list[Panel] = [
    Panel(1, "Quiz zeven elementen: scores", quiz_scores, "Nog niemand heeft de quiz afgemaakt."),
    Panel(1, "Quiz zeven elementen: zinnen die vaak fout gingen", quiz_mistakes, "Nog geen fouten gemaakt."),
    Panel(
        2,
        "Quiz luisterniveaus: scores",
        lambda f: quiz_scores(f, registry.exercise_id("luisteren", "quiz")),
        "Nog niemand heeft de quiz afgemaakt.",
    ),
    Panel(
        2,
        "Quiz luisterniveaus: vaak fout",
        lambda f: quiz_mistakes(f, registry.exercise_id("luisteren", "quiz"), names=LEVEL_NAMES),
        "Nog geen fouten gemaakt.",
    ),
    Panel(2, "Terugkijken: op welk niveau luisterde je?", listening_levels),
    Panel(
        3,
        "Sorteren rood/groen: scores",
        lambda f: quiz_scores(f, registry.exercise_id("brillen", "sorteren")),
        "Nog niemand heeft het sorteren afgemaakt.",
    ),
    Panel(
        3,
        "Sorteren rood/groen: vaak fout",
        lambda f: quiz_mistakes(f, registry.exercise_id("brillen", "sorteren"), names=LENS_NAMES),
        "Nog geen fouten gemaakt.",
    ),
    Panel(
        3, "Rood → groen: per deelnemer", lambda f: rewrite_summary(f, registry.exercise_id("brillen", "rood_groen"))
    ),
    Panel(
        3, "Rood → groen: herschrijvingen", lambda f: rewrite_examples(f, registry.exercise_id("brillen", "rood_groen"))
    ),
    Panel(
        3,
        "Gesloten → open: per deelnemer",
        lambda f: rewrite_summary(f, registry.exercise_id("brillen", "open_vragen")),
    ),
    Panel(
        3,
        "Gesloten → open: herschrijvingen",
        lambda f: rewrite_examples(f, registry.exercise_id("brillen", "open_vragen")),
    ),
    Panel(4, "SMARTI-score voor en na het herschrijven", smarti_before_after),
    Panel(4, "Herschreven doelen", lambda f: rewrite_examples(f, registry.exercise_id("doelen", "herschrijven"))),
    Panel(4, "Doelenkaarten", goal_cards),
    Panel(5, "Rollenspel: de groepen en hun laatste ronde", roleplay_groups, "Nog geen groepen."),
    Panel(
        5,
        "Rollenspel: welke elementen gebruikten de mentoren?",
        roleplay_elements,
        "Nog geen rondes geturfd.",
    ),
    Panel(
        5,
        "Rollenspel en oefengesprek: concrete afspraak bereikt?",
        roleplay_outcomes,
        "Nog geen afgeronde rondes of gesprekken.",
    ),
    Panel(6, "Oefengesprekken: hoe liepen ze af?", conversation_outcomes, "Nog geen oefengesprekken."),
    Panel(7, "Gespreksformulieren: begonnen en klaar", lambda f: form_progress(f, "formulieren")),
    Panel(
        8,
        "Leerlingbespreking, sorteren: scores",
        lambda f: quiz_scores(f, registry.exercise_id("leerlingbespreking", "sorteren")),
        "Nog niemand heeft het sorteren afgemaakt.",
    ),
    Panel(
        8,
        "Leerlingbespreking, herschrijven: per deelnemer",
        lambda f: rewrite_summary(f, registry.exercise_id("leerlingbespreking", "herschrijven")),
    ),
    Panel(
        8,
        "Leerlingbespreking: herschreven vragen",
        lambda f: rewrite_examples(f, registry.exercise_id("leerlingbespreking", "herschrijven")),
    ),
    Panel(9, "Ouders: positieve aspecten voorbereid", lambda f: form_progress(f, "ouders")),
    Panel(
        10,
        "Mentorrol, quiz: scores",
        lambda f: quiz_scores(f, registry.exercise_id("mentorrol", "quiz")),
        "Nog niemand heeft de quiz afgemaakt.",
    ),
    Panel(
        10,
        "Mentorrol, quiz: vaak fout",
        lambda f: quiz_mistakes(f, registry.exercise_id("mentorrol", "quiz"), names=ROLE_NAMES),
        "Nog geen fouten gemaakt.",
    ),
    Panel(10, "Mentorrol: aantekeningen voor het gesprek op school", lambda f: form_progress(f, "mentorrol")),
]
