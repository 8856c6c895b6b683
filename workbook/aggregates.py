"""What the facilitator dashboard computes from a workshop's answers (pure pandas).

Exercise ids start with the module number (``"01_elementen.quiz"``); an answer with
``"finished": true`` counts as finished. Later modules add their panels to :data:`PANELS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from workbook import content, registry

__all__ = ["module_of", "progress", "per_participant", "quiz_scores", "quiz_mistakes", "Panel", "PANELS"]


def module_of(exercise: str) -> int | None:
    """The module number an exercise id belongs to (from :mod:`workbook.registry`), or ``None``."""
    spec = registry.module_of_exercise(exercise)
    return spec.number if spec is not None else None


def _finished(answer: object) -> bool:
    return isinstance(answer, dict) and answer.get("finished") is True


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
    for name, group in frame.groupby("participant"):
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


def _quiz_answers(frame: pd.DataFrame, exercise: str) -> pd.DataFrame:
    return frame[frame["exercise"] == exercise]


def quiz_scores(frame: pd.DataFrame, exercise: str = "01_elementen.quiz") -> pd.DataFrame:
    """Scores of finished quizzes: one row per participant (``Deelnemer``, ``Score``, ``Van``)."""
    rows = []
    for _, r in _quiz_answers(frame, exercise).iterrows():
        a = r["answer"]
        if _finished(a) and isinstance(a.get("score"), int) and isinstance(a.get("total"), int):
            rows.append({"Deelnemer": r["participant"], "Score": a["score"], "Van": a["total"]})
    return pd.DataFrame(rows, columns=["Deelnemer", "Score", "Van"])


def quiz_mistakes(
    frame: pd.DataFrame,
    exercise: str = "01_elementen.quiz",
    top: int = 8,
    names: dict[str, str] | None = None,
) -> pd.DataFrame:
    """The items the group most often answered wrongly.

    Columns: ``Zin``, ``Juist element``, ``Vaak gekozen``, ``Aantal fout`` (element names by default;
    ``names`` maps other choice ids to labels).
    """
    if names is None:
        try:
            names = {e.id: e.naam for e in content.load("elementen").elementen}
        except content.ContentError:
            names = {}
    wrong = []
    for a in _quiz_answers(frame, exercise)["answer"]:
        if not isinstance(a, dict):
            continue
        questions = a.get("questions") or []
        for key, chosen in dict(a.get("answers") or {}).items():
            try:
                q = questions[int(key)]
            except (ValueError, IndexError, TypeError):
                continue
            if isinstance(q, dict) and q.get("answer") != chosen:
                wrong.append((q.get("text", ""), q.get("answer"), chosen))
    if not wrong:
        return pd.DataFrame(columns=["Zin", "Juist element", "Vaak gekozen", "Aantal fout"])
    df = pd.DataFrame(wrong, columns=["text", "answer", "chosen"])
    rows = []
    for (text, answer), group in df.groupby(["text", "answer"]):
        rows.append(
            {
                "Zin": text,
                "Juist element": names.get(answer, answer),
                "Vaak gekozen": names.get(group["chosen"].mode().iloc[0], group["chosen"].mode().iloc[0]),
                "Aantal fout": len(group),
            }
        )
    out = pd.DataFrame(rows).sort_values(["Aantal fout", "Zin"], ascending=[False, True])
    return out.head(top).reset_index(drop=True)


def rewrite_summary(frame: pd.DataFrame, exercise: str) -> pd.DataFrame:
    """Per participant: how many rewrites made and how many judged right.

    Columns: ``Deelnemer``, ``Gemaakt``, ``Goed``, ``Van``.
    """
    rows = []
    for _, r in frame[frame["exercise"] == exercise].iterrows():
        a = r["answer"] if isinstance(r["answer"], dict) else {}
        rows.append(
            {
                "Deelnemer": r["participant"],
                "Gemaakt": int(a.get("done") or 0),
                "Goed": int(a.get("good") or 0),
                "Van": int(a.get("total") or 0),
            }
        )
    return pd.DataFrame(rows, columns=["Deelnemer", "Gemaakt", "Goed", "Van"])


def rewrite_examples(frame: pd.DataFrame, exercise: str, top: int = 10) -> pd.DataFrame:
    """Recent rewrites by the group, next to the original (participant text; escape when showing).

    Columns: ``Deelnemer``, ``Oorspronkelijk``, ``Herschreven``, ``Oordeel``.
    """
    rows = []
    for _, r in frame[frame["exercise"] == exercise].iterrows():
        a = r["answer"] if isinstance(r["answer"], dict) else {}
        for entry in dict(a.get("answers") or {}).values():
            text = str(entry.get("text") or "").strip() if isinstance(entry, dict) else ""
            if text:
                rows.append(
                    {
                        "Deelnemer": r["participant"],
                        "Oorspronkelijk": str(entry.get("original") or ""),
                        "Herschreven": text[:300],
                        "Oordeel": "✔" if entry.get("ok") else "✘",
                    }
                )
    return pd.DataFrame(rows[-top:], columns=["Deelnemer", "Oorspronkelijk", "Herschreven", "Oordeel"])


def smarti_before_after(frame: pd.DataFrame, exercise: str = "04_doelen.herschrijven") -> pd.DataFrame:
    """Per goal: SMARTI score (0-4, what the text shows) of the original and the group's rewrites.

    Columns: ``Oorspronkelijk doel``, ``Score voor``, ``Gemiddeld na``, ``Herschrijvingen``.
    """
    from workbook import feedback

    scores: dict[str, list[int]] = {}
    for a in frame[frame["exercise"] == exercise]["answer"]:
        for entry in dict((a or {}).get("answers") or {}).values() if isinstance(a, dict) else []:
            if isinstance(entry, dict) and str(entry.get("text") or "").strip():
                scores.setdefault(str(entry.get("original") or ""), []).append(
                    feedback.check_goal(str(entry["text"])).score
                )
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


def listening_levels(frame: pd.DataFrame, exercise: str = "02_luisteren.zelfevaluatie") -> pd.DataFrame:
    """How many participants said they listened at each level. Columns: ``Niveau``, ``Deelnemers``."""
    levels = [a.get("niveau") for a in frame[frame["exercise"] == exercise]["answer"] if isinstance(a, dict)]
    counts = pd.Series([lv for lv in levels if lv in (1, 2, 3, 4)], dtype="int64").value_counts()
    return pd.DataFrame({"Niveau": [1, 2, 3, 4], "Deelnemers": [int(counts.get(i, 0)) for i in (1, 2, 3, 4)]})


def goal_cards(frame: pd.DataFrame, exercise: str = "04_doelen.doelenkaart") -> pd.DataFrame:
    """Goal cards: per participant the number of goals and how many are concrete and positive."""
    rows = []
    for _, r in frame[frame["exercise"] == exercise].iterrows():
        a = r["answer"] if isinstance(r["answer"], dict) else {}
        goals = [g for g in a.get("goals") or [] if isinstance(g, str)]
        rows.append(
            {
                "Deelnemer": r["participant"],
                "Doelen": len(goals),
                "Concreet en positief": int(a.get("specific") or 0),
                "Klaar": "✔" if a.get("finished") else "",
            }
        )
    return pd.DataFrame(rows, columns=["Deelnemer", "Doelen", "Concreet en positief", "Klaar"])


def roleplay_elements(frame: pd.DataFrame) -> pd.DataFrame:
    """Over all role-play rounds the observers tallied: in how many rounds each element was used.

    Columns: ``Element``, ``Rondes``, ``Keer``.
    """
    from workbook.content import ELEMENT_IDS

    names = {}
    try:
        names = {e.id: e.naam for e in content.load("elementen").elementen}
    except content.ContentError:
        pass
    rounds = [
        a
        for ex, a in zip(frame["exercise"], frame["answer"], strict=True)
        if str(ex).startswith("05_rollenspel.") and isinstance(a, dict) and a.get("events")
    ]
    rows = []
    for element in ELEMENT_IDS:
        used = [sum(1 for e in a["events"] if isinstance(e, dict) and e.get("element") == element) for a in rounds]
        rows.append({"Element": names.get(element, element), "Rondes": sum(1 for n in used if n), "Keer": sum(used)})
    return (
        pd.DataFrame(rows, columns=["Element", "Rondes", "Keer"])
        if rounds
        else pd.DataFrame(columns=["Element", "Rondes", "Keer"])
    )


def roleplay_outcomes(frame: pd.DataFrame) -> pd.DataFrame:
    """How often role-play rounds and practice conversations reached a concrete agreement."""
    plays = [
        a
        for ex, a in zip(frame["exercise"], frame["answer"], strict=True)
        if str(ex).startswith("05_rollenspel.") and isinstance(a, dict) and a.get("finished")
    ]
    talks = [
        a
        for ex, a in zip(frame["exercise"], frame["answer"], strict=True)
        if str(ex).startswith("06_oefengesprek.") and isinstance(a, dict) and a.get("finished")
    ]
    rows = []
    if plays:
        rows.append(
            {
                "Oefening": "Rollenspel (afgeronde rondes)",
                "Aantal": len(plays),
                "Kleine stap afgesproken": sum(1 for a in plays if a.get("agreement")),
                "Vervolgafspraak": sum(1 for a in plays if a.get("followup")),
            }
        )
    if talks:
        rows.append(
            {
                "Oefening": "Oefengesprek (afgerond)",
                "Aantal": len(talks),
                "Kleine stap afgesproken": sum(1 for a in talks if a.get("agreement")),
                "Vervolgafspraak": sum(1 for a in talks if a.get("agreement")),
            }
        )
    return pd.DataFrame(rows, columns=["Oefening", "Aantal", "Kleine stap afgesproken", "Vervolgafspraak"])


LEVEL_NAMES = {"1": "Niveau 1", "2": "Niveau 2", "3": "Niveau 3", "4": "Niveau 4"}
LENS_NAMES = {"rood": "Rode bril", "groen": "Groene bril"}


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
        lambda f: quiz_scores(f, "02_luisteren.quiz"),
        "Nog niemand heeft de quiz afgemaakt.",
    ),
    Panel(
        2,
        "Quiz luisterniveaus: vaak fout",
        lambda f: quiz_mistakes(f, "02_luisteren.quiz", names=LEVEL_NAMES),
        "Nog geen fouten gemaakt.",
    ),
    Panel(2, "Terugkijken: op welk niveau luisterde je?", listening_levels),
    Panel(
        3,
        "Sorteren rood/groen: scores",
        lambda f: quiz_scores(f, "03_brillen.sorteren"),
        "Nog niemand heeft het sorteren afgemaakt.",
    ),
    Panel(
        3,
        "Sorteren rood/groen: vaak fout",
        lambda f: quiz_mistakes(f, "03_brillen.sorteren", names=LENS_NAMES),
        "Nog geen fouten gemaakt.",
    ),
    Panel(3, "Rood → groen: per deelnemer", lambda f: rewrite_summary(f, "03_brillen.rood_groen")),
    Panel(3, "Rood → groen: herschrijvingen", lambda f: rewrite_examples(f, "03_brillen.rood_groen")),
    Panel(3, "Gesloten → open: per deelnemer", lambda f: rewrite_summary(f, "03_brillen.open_vragen")),
    Panel(3, "Gesloten → open: herschrijvingen", lambda f: rewrite_examples(f, "03_brillen.open_vragen")),
    Panel(4, "SMARTI-score voor en na het herschrijven", smarti_before_after),
    Panel(4, "Herschreven doelen", lambda f: rewrite_examples(f, "04_doelen.herschrijven")),
    Panel(4, "Doelenkaarten", goal_cards),
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
]
