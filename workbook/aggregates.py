"""What the facilitator dashboard computes from a workshop's answers (pure pandas).

Exercise ids start with the module number (``"01_elementen.quiz"``); an answer with
``"finished": true`` counts as finished. Later modules add their panels to :data:`PANELS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from workbook import content

__all__ = ["module_of", "progress", "per_participant", "quiz_scores", "quiz_mistakes", "Panel", "PANELS"]


def module_of(exercise: str) -> int | None:
    """The module number an exercise id belongs to, or ``None``."""
    head = str(exercise).split("_", 1)[0]
    return int(head) if head.isdigit() else None


def _finished(answer: object) -> bool:
    return isinstance(answer, dict) and answer.get("finished") is True


def progress(frame: pd.DataFrame) -> pd.DataFrame:
    """Per module with answers: how many participants started and finished.

    Columns: ``Module``, ``Gestart``, ``Afgerond``.
    """
    if frame.empty:
        return pd.DataFrame(columns=["Module", "Gestart", "Afgerond"])
    titles = {}
    try:
        titles = {m.nummer: m.titel for m in content.load("modules").modules}
    except content.ContentError:
        pass
    work = frame.assign(
        module=frame["exercise"].map(module_of), finished=frame["answer"].map(_finished)
    ).dropna(subset=["module"])
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


def quiz_mistakes(frame: pd.DataFrame, exercise: str = "01_elementen.quiz", top: int = 8) -> pd.DataFrame:
    """The phrasings the group most often placed under the wrong element.

    Columns: ``Zin``, ``Juist element``, ``Vaak gekozen``, ``Aantal fout``.
    """
    names = {}
    try:
        names = {e.id: e.naam for e in content.load("elementen").elementen}
    except content.ContentError:
        pass
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
]
