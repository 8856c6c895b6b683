"""The feedback rules as data: cue tables in ``workbook/feedback/regels/*.yaml``.

A trainer reads and adjusts the rules there; this module validates them (pydantic, unknown
keys are errors), compiles the patterns once, and checks each cue's example sentences. An error
names the file and the cue, in Dutch. The combination logic stays in Python
(:mod:`~workbook.feedback.questions`, :mod:`~workbook.feedback.elements`).

A cue has an ``id``, a reason ``code`` (what a program branches on), a ``gewicht`` (weight), a
``reden`` (the Dutch reason a participant sees), and either a ``patroon`` (a regular expression
over the normalised text, or a list of them: one must match) or ``woorden`` (words or short
phrases, matched as whole words). ``voorbeelden.wel`` must match, ``voorbeelden.niet`` must not.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from workbook.content.models import ELEMENT_IDS  # the one list of the seven elements

__all__ = [
    "RULES_DIR",
    "Cue",
    "RuleError",
    "CueRule",
    "LensRules",
    "ElementRules",
    "lens_rules",
    "element_rules",
    "check_examples",
    "check_all",
    "write_json_schemas",
]

RULES_DIR = Path(__file__).resolve().parent / "regels"


class Cue(NamedTuple):
    """A compiled cue: what the combination logic scores."""

    pattern: re.Pattern[str]
    weight: float
    reason: str
    code: str


class RuleError(ValueError):
    """A rules file that cannot be used; the message is Dutch and names the file and the cue."""

    def __init__(self, file: str, problems: list[str]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(f"Fout in {file}:\n" + "\n".join(f"- {p}" for p in problems))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Examples(_Strict):
    """Sentences a cue must (``wel``) and must not (``niet``) match."""

    wel: list[str] = Field(default_factory=list)
    niet: list[str] = Field(default_factory=list)


def _source(patroon: str | list[str] | None, woorden: list[str] | None) -> str:
    if woorden:
        return r"\b(" + "|".join(woorden) + r")\b"
    if isinstance(patroon, list):
        return "|".join(patroon)
    return patroon or ""


class _Source(_Strict):
    """What a pattern or a cue matches: a ``patroon`` or ``woorden``, with examples."""

    patroon: str | list[str] | None = None
    woorden: list[str] | None = None
    voorbeelden: Examples = Field(default_factory=Examples)

    @model_validator(mode="after")
    def _one_source(self) -> _Source:
        _check_source(self.patroon, self.woorden)
        return self

    @property
    def source(self) -> str:
        """The regular expression this pattern or cue stands for."""
        return _source(self.patroon, self.woorden)


class Pattern(_Source):
    """A named pattern the combination logic uses (no weight of its own)."""

    uitleg: str = Field(min_length=1)


def _check_source(patroon: str | list[str] | None, woorden: list[str] | None) -> None:
    if (patroon is None) == (woorden is None):
        raise ValueError("geef precies één van 'patroon' en 'woorden'")
    source = _source(patroon, woorden)
    if not source.strip():
        raise ValueError("het patroon is leeg")
    if source != source.lower():
        raise ValueError("schrijf het patroon in kleine letters (de tekst wordt eerst in kleine letters gezet)")
    try:
        re.compile(source)
    except re.error as err:
        raise ValueError(f"het patroon is geen geldige reguliere expressie ({err})") from None


class CueRule(_Source):
    """One cue of a table."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    code: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    gewicht: float = Field(gt=0, le=5)
    reden: str = Field(min_length=1)

    def compiled(self, default_code: str) -> Cue:
        """Return the cue compiled, with ``default_code`` when it names no code of its own."""
        return Cue(re.compile(self.source), self.gewicht, self.reden, self.code or default_code)


def _unique_ids(cues: list[CueRule]) -> list[CueRule]:
    seen: set[str] = set()
    for cue in cues:
        if cue.id in seen:
            raise ValueError(f"het id '{cue.id}' komt twee keer voor")
        seen.add(cue.id)
    return cues


NAMED_PATTERNS = (
    "probleem",
    "succes",
    "sterk_succes",
    "verwijt_met_wel",
    "vooruit",
    "ontkend_probleem",
    "afwezig_in_bijzin",
    "bijzin",
)


class LensRules(_Strict):
    """``bril.yaml``: the patterns and cue tables that decide a question's lens."""

    schema_version: Literal[1]
    patronen: dict[str, Pattern]
    families: list[CueRule]
    rood: list[CueRule] = Field(min_length=1)
    groen: list[CueRule] = Field(min_length=1)

    @field_validator("patronen")
    @classmethod
    def _all_patterns(cls, value: dict[str, Pattern]) -> dict[str, Pattern]:
        missing = [n for n in NAMED_PATTERNS if n not in value]
        unknown = [n for n in value if n not in NAMED_PATTERNS]
        if missing or unknown:
            raise ValueError(
                "de patronen moeten precies deze zijn: "
                + ", ".join(NAMED_PATTERNS)
                + (f" (ontbreekt: {', '.join(missing)})" if missing else "")
                + (f" (onbekend: {', '.join(unknown)})" if unknown else "")
            )
        return value

    @model_validator(mode="after")
    def _ids(self) -> LensRules:
        _unique_ids([*self.families, *self.rood, *self.groen])
        return self

    def pattern(self, name: str) -> re.Pattern[str]:
        """Return a named pattern compiled."""
        return re.compile(self.patronen[name].source)

    def table(self, name: Literal["families", "rood", "groen"]) -> tuple[Cue, ...]:
        """Return a cue table compiled; a cue without a code gets its id as code."""
        return tuple(c.compiled(c.id) for c in getattr(self, name))


BLOCKER_CODES = ("opdracht", "advies", "dreigement", "verwijt", "ja_maar")


class ElementRules(_Strict):
    """``elementen.yaml``: the cues per conversation element, and what blocks them."""

    schema_version: Literal[1]
    elementen: dict[str, list[CueRule]]
    blokkades: list[CueRule] = Field(min_length=1)
    # A green question that no element cue recognises: which lens codes (bril.yaml) serve which element.
    uit_vragen: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("uit_vragen")
    @classmethod
    def _question_elements(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = [e for e in value if e not in ELEMENT_IDS]
        if unknown:
            raise ValueError(f"onbekend element: {', '.join(unknown)}")
        codes = [c for cs in value.values() for c in cs]
        double = sorted({c for c in codes if codes.count(c) > 1})
        if double:
            raise ValueError(f"een code hoort bij één element: {', '.join(double)}")
        return value

    @field_validator("elementen")
    @classmethod
    def _seven(cls, value: dict[str, list[CueRule]]) -> dict[str, list[CueRule]]:
        missing = [e for e in ELEMENT_IDS if not value.get(e)]
        unknown = [e for e in value if e not in ELEMENT_IDS]
        if missing or unknown:
            raise ValueError(
                "elk van de zeven elementen heeft regels nodig"
                + (f" (ontbreekt of leeg: {', '.join(missing)})" if missing else "")
                + (f" (onbekend: {', '.join(unknown)})" if unknown else "")
            )
        return {e: value[e] for e in ELEMENT_IDS}

    @field_validator("blokkades")
    @classmethod
    def _codes(cls, value: list[CueRule]) -> list[CueRule]:
        for cue in value:
            if cue.code not in BLOCKER_CODES:
                raise ValueError(f"blokkade '{cue.id}': de code moet een van {', '.join(BLOCKER_CODES)} zijn")
        return value

    @model_validator(mode="after")
    def _ids(self) -> ElementRules:
        _unique_ids([c for cues in self.elementen.values() for c in cues] + list(self.blokkades))
        return self

    def tables(self) -> dict[str, tuple[Cue, ...]]:
        """Return the cues per element, compiled; their code is the element id."""
        return {e: tuple(c.compiled(e) for c in cues) for e, cues in self.elementen.items()}

    def blockers(self) -> tuple[Cue, ...]:
        """Return the blockers compiled, in file order."""
        return tuple(c.compiled(c.id) for c in self.blokkades)


def _describe(data: object, loc: tuple[int | str, ...]) -> str:
    """Name the place of a validation error: the cue id when there is one, else the path."""
    where: list[str] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            label = node.get("id") if isinstance(node, dict) else None
            where.append(f"regel '{label}'" if label else f"nr. {part + 1}")
            continue
        else:
            node = None
        where.append(str(part))
    return ", ".join(where) or "het hele bestand"


# pydantic's error types in the Dutch a trainer reads (validators of our own already speak Dutch).
_DUTCH = {
    "extra_forbidden": "dit veld is onbekend (tikfout?)",
    "missing": "dit veld ontbreekt",
    "greater_than": "dit getal moet groter zijn dan {gt}",
    "less_than_equal": "dit getal mag hoogstens {le} zijn",
    "float_parsing": "hier hoort een getal",
    "float_type": "hier hoort een getal",
    "string_type": "hier hoort tekst",
    "string_too_short": "dit mag niet leeg zijn",
    "string_pattern_mismatch": "gebruik alleen kleine letters, cijfers en _ (en begin met een letter)",
    "list_type": "hier hoort een lijst",
    "dict_type": "hier hoort een lijst met namen en waarden",
    "literal_error": "deze waarde kan niet; toegestaan: {expected}",
    "model_type": "hier horen velden met waarden",
    "too_short": "deze lijst mag niet leeg zijn",
}


def _load(name: str, model: type[BaseModel], folder: Path | None = None) -> BaseModel:
    path = (folder or RULES_DIR) / name
    shown = f"workbook/feedback/regels/{name}" if folder is None else str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError:
        raise RuleError(shown, ["het bestand ontbreekt of kan niet worden gelezen."]) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" (rond regel {mark.line + 1})" if mark is not None else ""
        raise RuleError(shown, [f"dit is geen geldige YAML{line}: {getattr(err, 'problem', err)}"]) from None
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems = []
        for e in err.errors():
            msg = _DUTCH.get(e["type"], str(e["msg"]).removeprefix("Value error, "))
            if "{" in msg:
                msg = msg.format(**(e.get("ctx") or {}))
            problems.append(f"{_describe(data, tuple(e['loc']))}: {msg}")
        raise RuleError(shown, problems) from None


@cache
def lens_rules(folder: Path | None = None) -> LensRules:
    """Return the validated rules of ``bril.yaml`` (loaded once)."""
    rules = _load("bril.yaml", LensRules, folder)
    assert isinstance(rules, LensRules)
    return rules


@cache
def element_rules(folder: Path | None = None) -> ElementRules:
    """Return the validated rules of ``elementen.yaml`` (loaded once)."""
    rules = _load("elementen.yaml", ElementRules, folder)
    assert isinstance(rules, ElementRules)
    return rules


def _example_problems(label: str, source: str, examples: Examples) -> list[str]:
    from workbook.feedback.text import normalise  # noqa: PLC0415 (text imports nothing of ours)

    pattern = re.compile(source)
    problems = []
    for sentence in examples.wel:
        if not pattern.search(normalise(sentence)[0]):
            problems.append(f"{label}: het voorbeeld '{sentence}' hoort te passen, maar past niet.")
    for sentence in examples.niet:
        if pattern.search(normalise(sentence)[0]):
            problems.append(f"{label}: het voorbeeld '{sentence}' hoort niet te passen, maar past wel.")
    return problems


def check_examples(rules: LensRules | ElementRules) -> list[str]:
    """Check every cue's examples against its pattern; return the problems in Dutch (empty: all right)."""
    problems: list[str] = []
    if isinstance(rules, LensRules):
        for name, pattern in rules.patronen.items():
            problems += _example_problems(f"patroon '{name}'", pattern.source, pattern.voorbeelden)
        cues = [*rules.families, *rules.rood, *rules.groen]
    else:
        cues = [c for table in rules.elementen.values() for c in table] + list(rules.blokkades)
    for cue in cues:
        problems += _example_problems(f"regel '{cue.id}'", cue.source, cue.voorbeelden)
    return problems


def check_all(folder: Path | None = None) -> dict[str, list[str]]:
    """Validate both rules files and their examples; return the problems per file (empty lists: all right)."""
    result: dict[str, list[str]] = {}
    for name, loader in (("bril.yaml", lens_rules), ("elementen.yaml", element_rules)):
        try:
            result[name] = check_examples(loader(folder))
        except RuleError as err:
            result[name] = err.problems
    return result


def write_json_schemas(folder: Path | None = None) -> list[Path]:
    """Write the JSON Schemas of both rules files (for an editor that validates YAML); return the paths."""
    target = folder or RULES_DIR / "schema"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in (("bril", LensRules), ("elementen", ElementRules)):
        path = target / f"{name}.schema.json"
        schema = model.model_json_schema()
        schema["title"] = f"Feedbackregels: {name}.yaml"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
