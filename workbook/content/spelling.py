"""Spelling and style of the Dutch text in ``exercises/`` (``make check-content``).

Spelling is checked against the OpenTaal dictionary that Debian ships as ``hunspell-nl``
(``/usr/share/hunspell/nl.dic``), read with spylls, a Hunspell implementation in pure Python;
nothing goes online. Words the dictionary does not know but the workbook uses on purpose
(names in the scenarios, abbreviations such as SMARTI and HGW, school words) are in
``exercises/woordenlijst.txt``, one per line. Style: no double spaces, no space before a
punctuation mark, no guillemets, no word typed twice in a row, and a few fixed mistakes
(``omhoog gaat`` is one word, ``aan het lukken`` is an anglicism).

Nothing here imports ipywidgets.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Finding", "check_spelling", "dictionary_path", "ALLOWLIST"]

ALLOWLIST = "woordenlijst.txt"
# Keys whose values are ids, file names, patterns or references, not text a person reads.
SKIP_KEYS = frozenset({"id", "notebook", "schema_version", "element", "elementen", "thema", "temperament", "kleur"})
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ]+)*")
STYLE = (
    (re.compile(r"\S  +\S"), "twee spaties achter elkaar"),
    (re.compile(r"\s[,.;:!?](?!\.)"), "een spatie vóór een leesteken"),
    (re.compile(r"[«»]"), "Franse aanhalingstekens (« »); gebruik ‘ ’ of “ ”"),
    (
        re.compile(r"\b(?!(?:je|ja|nee|zo|heel|hoor) )(\w{2,}) \1\b", re.IGNORECASE),
        "een woord dat twee keer achter elkaar staat",
    ),
    (re.compile(r"\bomhoog (gaat|gaan|ging|gegaan)\b", re.IGNORECASE), "‘omhooggaan’ is één woord"),
    (re.compile(r"\baan het lukken\b", re.IGNORECASE), "‘aan het lukken’ is een anglicisme; schrijf ‘lukt het’"),
)


@dataclass(frozen=True)
class Finding:
    """One problem: the file, where in it (the YAML keys), and what is wrong, in Dutch."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file} ({self.where}): {self.message}"


def dictionary_path() -> Path | None:
    """Return the Dutch Hunspell dictionary (without extension), or ``None`` when it is not installed.

    ``WERKBOEK_WOORDENBOEK`` may point elsewhere (a path without ``.dic``/``.aff``).
    """
    candidates = [os.environ.get("WERKBOEK_WOORDENBOEK", ""), "/usr/share/hunspell/nl", "/usr/share/hunspell/nl_NL"]
    for name in candidates:
        if name and Path(name + ".dic").exists() and Path(name + ".aff").exists():
            return Path(name)
    return None


@functools.lru_cache(maxsize=2)
def _dictionary(path: str) -> Any:  # noqa: ANN401 - a spylls Dictionary (spylls has no type hints)
    from spylls.hunspell import Dictionary  # type: ignore[import-untyped]

    return Dictionary.from_files(path)


def _texts(node: object, where: str = "") -> Iterator[tuple[str, str]]:
    """Yield every string in a YAML tree with the keys that lead to it."""
    if isinstance(node, dict):
        for key, value in node.items():
            if str(key) in SKIP_KEYS:
                continue
            yield from _texts(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, f"{where}[{i}]")
    elif isinstance(node, str):
        yield where, node


def _allowed(directory: Path) -> set[str]:
    path = directory / ALLOWLIST
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")}


def _known(word: str, lookup: Callable[[str], bool], allowed: set[str]) -> bool:
    if word in allowed or word.lower() in allowed or word.isupper() or len(word) < 2:
        return True
    if lookup(word) or lookup(word.lower()) or lookup(word.capitalize()):
        return True
    # a compound with a hyphen (leerling-mentor) is right when its parts are
    return "-" in word and all(_known(part, lookup, allowed) for part in word.split("-") if part)


def check_spelling(directory: Path | None = None) -> list[Finding]:
    """Check every YAML file in ``directory`` (default ``exercises/``) for spelling and style.

    Raises
    ------
    FileNotFoundError
        When the Dutch dictionary is not installed (``apt-get install hunspell-nl``).
    """
    from workbook.content.loader import exercises_dir

    directory = directory or exercises_dir()
    path = dictionary_path()
    if path is None:
        raise FileNotFoundError(
            "Het Nederlandse woordenboek ontbreekt. Installeer het met: sudo apt-get install hunspell-nl"
        )
    lookup = _dictionary(str(path)).lookup
    allowed = _allowed(directory)
    findings: list[Finding] = []
    for file in sorted(directory.rglob("*.yaml")):
        name = str(file.relative_to(directory.parent))
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue  # the content check reports a broken file
        for where, text in _texts(data):
            for pattern, message in STYLE:
                for match in pattern.finditer(text):
                    findings.append(Finding(name, where, f"{message}: ‘{match.group(0).strip()}’"))
            unknown = sorted({w for w in _WORD.findall(text) if not _known(w.strip("'’-"), lookup, allowed)})
            if unknown:
                findings.append(Finding(name, where, "onbekend woord: " + ", ".join(f"‘{w}’" for w in unknown)))
    return findings
