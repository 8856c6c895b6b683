"""Exports of saved work: CSV for analysis and a spreadsheet-friendly CSV for Excel."""

from __future__ import annotations

import json

import pandas as pd

__all__ = ["answers_table", "answers_csv"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def answers_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A workshop's latest answers with Dutch column names and the answer as JSON text."""
    out = pd.DataFrame(
        {
            "training": frame["workshop"],
            "deelnemer": frame["participant"],
            "oefening": frame["exercise"],
            "opgeslagen_op": [_local_time(t) for t in frame["saved_at"]],
            "antwoord": [json.dumps(a, ensure_ascii=False, sort_keys=True) for a in frame["answer"]],
        }
    )
    return out


def _local_time(value) -> str:
    """Saved times are UTC (SQLite returns them without zone); show the machine's local time."""
    ts = pd.Timestamp(value)
    if ts.tzinfo is None:
        ts = ts.tz_localize("UTC")
    return ts.to_pydatetime().astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _defuse(value: object) -> object:
    """Stop a spreadsheet from running participant text as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def answers_csv(frame: pd.DataFrame, excel: bool = False) -> bytes:
    """CSV bytes of :func:`answers_table`.

    Parameters
    ----------
    excel : bool
        ``False``: comma separated UTF-8, for analysis tools. ``True``: semicolon separated,
        UTF-8 with a byte order mark, cells that look like formulas defused, so it opens
        cleanly in Excel with Dutch settings.
    """
    table = answers_table(frame)
    if excel:
        table = table.map(_defuse)
        return table.to_csv(index=False, sep=";", lineterminator="\r\n").encode("utf-8-sig")
    return table.to_csv(index=False).encode("utf-8")
