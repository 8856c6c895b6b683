"""Load and validate the learner-facing content in ``exercises/*.yaml``.

Every YAML file maps to one pydantic model. Unknown keys are errors, and every
error is reported in plain Dutch with the file, the entry and the field, so a
trainer who edits a file can fix it without reading Python. A broken file only
affects the module that uses it: :func:`load` raises :class:`ContentError` for
that file alone and :func:`load_all` never raises.

Run ``python -m workbook.content`` (or ``make check-content``) to validate all files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

__all__ = [
    "ELEMENT_IDS",
    "ContentError",
    "exercises_dir",
    "load",
    "load_all",
    "MODELS",
]

ELEMENT_IDS: tuple[str, ...] = (
    "erkennen",
    "normaliseren",
    "positieve_verwachting",
    "zichtbaar_maken",
    "kleine_stap",
    "vastleggen",
    "vervolggesprek",
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ElementId = Literal[
    "erkennen",
    "normaliseren",
    "positieve_verwachting",
    "zichtbaar_maken",
    "kleine_stap",
    "vastleggen",
    "vervolggesprek",
]


class _Strict(BaseModel):
    """Base for all content models: unknown keys are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- modules (start page) -------------------------------------------------------------


class Module(_Strict):
    nummer: int = Field(ge=0)
    titel: Text
    beschrijving: Text
    notebook: Text  # file name in notebooks/; a module whose file is not there yet shows as coming


class ModulesFile(_Strict):
    inleiding: Text
    hoe_verder: list[Text] = Field(min_length=1)
    modules: list[Module] = Field(min_length=2)


# --- the seven conversation elements ----------------------------------------------------


class Element(_Strict):
    id: ElementId
    naam: Text
    kort: Text
    wat: Text
    waarom: Text
    herkennen: Text
    voorbeelden: list[Text] = Field(min_length=4)
    valkuilen: list[Text] = Field(min_length=2)


class ElementenFile(_Strict):
    inleiding: Text
    elementen: list[Element] = Field(min_length=7, max_length=7)

    @model_validator(mode="after")
    def _in_order(self) -> ElementenFile:
        ids = tuple(e.id for e in self.elementen)
        if ids != ELEMENT_IDS:
            raise ValueError(
                "de zeven elementen moeten elk één keer voorkomen, in deze volgorde: " + ", ".join(ELEMENT_IDS)
            )
        all_phrases = [p for e in self.elementen for p in e.voorbeelden]
        dupes = {p for p in all_phrases if all_phrases.count(p) > 1}
        if dupes:
            raise ValueError("een voorbeeldzin staat bij meer dan één element: " + "; ".join(sorted(dupes)))
        return self


# --- listening --------------------------------------------------------------------------


class Luisterniveau(_Strict):
    niveau: int = Field(ge=1, le=4)
    naam: Text
    beschrijving: Text
    signalen: list[Text] = Field(min_length=2)
    effect: Text


class LuisterOefening(_Strict):
    leerling: Text
    mentor: Text
    niveau: int = Field(ge=1, le=4)
    uitleg: Text


class LuisterenFile(_Strict):
    inleiding: Text
    niveaus: list[Luisterniveau] = Field(min_length=4, max_length=4)
    oefeningen: list[LuisterOefening] = Field(min_length=8)
    zelfevaluatie: list[Text] = Field(min_length=3, max_length=3)

    @model_validator(mode="after")
    def _numbered(self) -> LuisterenFile:
        if [n.niveau for n in self.niveaus] != [1, 2, 3, 4]:
            raise ValueError("de niveaus moeten 1, 2, 3 en 4 zijn, in die volgorde")
        return self


# --- red and green lens, open and closed questions ---------------------------------------


class Bril(_Strict):
    kleur: Literal["rood", "groen"]
    naam: Text
    kijkt_naar: Text
    kenmerken: list[Text] = Field(min_length=3)
    effect: Text


class VraagPaar(_Strict):
    rood: Text
    groen: Text
    toelichting: Text


class BrillenFile(_Strict):
    inleiding: Text
    opdrachten: dict[Literal["sorteren", "herschrijven", "lab"], Text]
    brillen: list[Bril] = Field(min_length=2, max_length=2)
    paren: list[VraagPaar] = Field(min_length=12)

    @model_validator(mode="after")
    def _both_colours(self) -> BrillenFile:
        if sorted(b.kleur for b in self.brillen) != ["groen", "rood"]:
            raise ValueError("er moet precies één rode en één groene bril zijn")
        return self


class OpenGeslotenPaar(_Strict):
    gesloten: Text
    open: Text
    toelichting: Text


class OpenGeslotenFile(_Strict):
    inleiding: Text
    opdracht: Text
    open_uitleg: Text
    gesloten_uitleg: Text
    vraagwoorden: list[Text] = Field(min_length=5)
    paren: list[OpenGeslotenPaar] = Field(min_length=10)


# --- SMARTI goals ---------------------------------------------------------------------


class Criterium(_Strict):
    letter: Literal["S", "M", "A", "R", "T", "I"]
    id: Literal["specifiek", "meetbaar", "acceptabel", "realistisch", "tijdgebonden", "inspirerend"]
    naam: Text
    uitleg: Text
    controlevraag: Text
    beoordeeld_door_mensen: bool


class DoelVoorbeeld(_Strict):
    hulpvraag: Text
    fout_doel: Text
    waarom_fout: Text
    goed_doel: Text
    waarom_goed: Text


class Doelenkaart(_Strict):
    vage_opdracht: Text
    situatie: Text
    doelen: list[Text] = Field(min_length=3)
    evaluatie: Text


class SmartiFile(_Strict):
    inleiding: Text
    opdrachten: dict[Literal["herschrijven", "doelenkaart"], Text]
    criteria: list[Criterium] = Field(min_length=6, max_length=6)
    voorbeelden: list[DoelVoorbeeld] = Field(min_length=2)
    doelenkaart: Doelenkaart

    @model_validator(mode="after")
    def _smarti_order(self) -> SmartiFile:
        if "".join(c.letter for c in self.criteria) != "SMARTI":
            raise ValueError("de criteria moeten S, M, A, R, T en I zijn, in die volgorde")
        return self


# --- conversation forms ---------------------------------------------------------------


class FormulierOnderdeel(_Strict):
    titel: Text
    vragen: list[Text] = Field(min_length=1)


class Formulier(_Strict):
    id: Literal["voorbereiding", "gesprek"]
    naam: Text
    wie: Text
    wanneer: Text
    onderdelen: list[FormulierOnderdeel] = Field(min_length=4)


class FormulierenFile(_Strict):
    inleiding: Text
    formulieren: list[Formulier] = Field(min_length=2, max_length=2)

    @model_validator(mode="after")
    def _both_forms(self) -> FormulierenFile:
        if sorted(f.id for f in self.formulieren) != ["gesprek", "voorbereiding"]:
            raise ValueError("er moeten twee formulieren zijn: 'voorbereiding' en 'gesprek'")
        return self


# --- leerlingbespreking ---------------------------------------------------------------


class Kenmerk(_Strict):
    naam: Text
    vraag: Text
    uitleg: Text


class Vergaderonderdeel(_Strict):
    naam: Text
    uitleg: Text
    vragen: list[Text] = Field(min_length=1)


class BesprekingVraagPaar(_Strict):
    probleemgericht: Text
    oplossingsgericht: Text


class LeerlingbesprekingFile(_Strict):
    inleiding: Text
    doelen: list[Text] = Field(min_length=1)
    kenmerken: list[Kenmerk] = Field(min_length=5, max_length=5)
    onderdelen: list[Vergaderonderdeel] = Field(min_length=3, max_length=3)
    vraagparen: list[BesprekingVraagPaar] = Field(min_length=3)


# --- parents --------------------------------------------------------------------------


class Gebied(_Strict):
    naam: Text
    voorbeelden: Text


class Richtlijn(_Strict):
    naam: Text
    uitleg: Text
    voorbeeld: Text


class Metacommunicatie(_Strict):
    uitleg: Text
    voorbeelden: list[Text] = Field(min_length=2)


class OudersFile(_Strict):
    inleiding: Text
    positieve_gebieden: list[Gebied] = Field(min_length=7, max_length=7)
    richtlijnen: list[Richtlijn] = Field(min_length=4, max_length=4)
    metacommunicatie: Metacommunicatie


# --- HGW and the mentor role ------------------------------------------------------------


class Principe(_Strict):
    nummer: int = Field(ge=1, le=7)
    naam: Text
    uitleg: Text
    voor_de_mentor: Text


class HgwFile(_Strict):
    inleiding: Text
    principes: list[Principe] = Field(min_length=7, max_length=7)


class Gespreksonderwerp(_Strict):
    titel: Text
    vragen: list[Text] = Field(min_length=1)


class MentorrolFile(_Strict):
    inleiding: Text
    wel_mentortaak: list[Text] = Field(min_length=3)
    niet_mentortaak: list[Text] = Field(min_length=3)
    doorverwijzen: Text
    onderwerpen: list[Gespreksonderwerp] = Field(min_length=5)
    aandachtspunten: list[Gespreksonderwerp] = Field(min_length=3)


# --- role-play scenarios and practice conversations (one YAML file each, in subfolders) ---------

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]{1,60}$")]
THEMES = (
    "tegenvallende resultaten",
    "huiswerk en planning",
    "concentratie",
    "te laat komen",
    "gedrag in de klas",
    "vermoeidheid",
    "weinig zelfvertrouwen",
    "vervolggesprek",
    "ouder erbij",
    "weet ik niet",
)


class Leerlingkaart(_Strict):
    achtergrond: Text
    gevoel: Text
    bij_erkenning: Text
    bij_advies: Text
    zinnen: list[Text] = Field(min_length=2)


class Mentorkaart(_Strict):
    situatie: Text
    doel: Text


class Observatorkaart(_Strict):
    let_op: list[Text] = Field(min_length=2)


class Rollenspel(_Strict):
    id: Slug
    titel: Text
    thema: Literal[THEMES]  # type: ignore[valid-type]
    minuten: int = Field(default=10, ge=3, le=30)
    leerling: Leerlingkaart
    mentor: Mentorkaart
    observator: Observatorkaart
    formuleringen: dict[ElementId, list[Text]]
    nabespreking: list[Text] = Field(min_length=3)

    @model_validator(mode="after")
    def _every_element(self) -> Rollenspel:
        missing = [e for e in ELEMENT_IDS if not self.formuleringen.get(e)]
        if missing:
            raise ValueError("bij 'formuleringen' ontbreken voorbeeldzinnen voor: " + ", ".join(missing))
        return self


Reactie = Literal["erkennen", "verkennen", "stap", "afspraak", "rood", "anders"]


class Oefengesprek(_Strict):
    id: Slug
    titel: Text
    leerling: Text
    situatie: Text
    opening: Text
    max_beurten: int = Field(default=8, ge=3, le=20)
    reacties: dict[Reactie, list[Text]]
    slot: Text

    @model_validator(mode="after")
    def _branches(self) -> Oefengesprek:
        missing = [
            r for r in ("erkennen", "verkennen", "stap", "afspraak", "rood", "anders") if not self.reacties.get(r)
        ]
        if missing:
            raise ValueError("bij 'reacties' ontbreken zinnen voor: " + ", ".join(missing))
        return self


FOLDERS: dict[str, type[_Strict]] = {"rollenspellen": Rollenspel, "oefengesprekken": Oefengesprek}


def load_folder(folder: str, directory: Path | None = None) -> tuple[list[Any], list[ContentError]]:
    """Load every ``*.yaml`` in a subfolder of the exercises (one item per file); never raises.

    Returns
    -------
    tuple
        The valid items sorted by ``titel``, and a :class:`ContentError` per broken file.
    """
    model = FOLDERS[folder]
    base = (directory or exercises_dir()) / folder
    items, errors = [], []
    for path in sorted(base.glob("*.yaml")):
        try:
            items.append(_load_path(path, model))
        except ContentError as err:
            errors.append(err)
    ids = [i.id for i in items]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        errors.append(ContentError(f"{folder}/", [f"het id '{dup}' komt in meer dan één bestand voor"]))
    return sorted(items, key=lambda i: i.titel), errors


def validate_item(folder: str, data: dict[str, Any], shown: str = "formulier") -> Any:
    """Validate a dict as one item of ``folder``; raises :class:`ContentError` in Dutch."""
    try:
        return FOLDERS[folder].model_validate(data)
    except ValidationError as exc:
        raise ContentError(shown, [_dutch_problem(data, e) for e in exc.errors()]) from None


MODELS: dict[str, type[_Strict]] = {
    "modules": ModulesFile,
    "elementen": ElementenFile,
    "luisteren": LuisterenFile,
    "brillen": BrillenFile,
    "open_gesloten": OpenGeslotenFile,
    "smarti": SmartiFile,
    "formulieren": FormulierenFile,
    "leerlingbespreking": LeerlingbesprekingFile,
    "ouders": OudersFile,
    "hgw": HgwFile,
    "mentorrol": MentorrolFile,
}


# --- errors in plain Dutch ----------------------------------------------------------------


class ContentError(Exception):
    """A content file that cannot be used, explained in Dutch.

    Attributes
    ----------
    file : str
        The file, relative to the project (``exercises/elementen.yaml``).
    problems : list[str]
        One sentence per problem, each naming the entry and the field.
    """

    def __init__(self, file: str, problems: list[str]):
        self.file = file
        self.problems = problems
        super().__init__(self.message)

    @property
    def message(self) -> str:
        head = f"Het bestand {self.file} bevat " + ("fouten" if len(self.problems) > 1 else "een fout")
        return head + ":\n" + "\n".join(f"- {p}" for p in self.problems)


_MESSAGES = {
    "missing": "dit veld ontbreekt",
    "extra_forbidden": "dit veld is onbekend (een tikfout in de naam?)",
    "string_type": "hier hoort tekst te staan",
    "string_too_short": "deze tekst is leeg",
    "int_type": "hier hoort een geheel getal te staan",
    "int_parsing": "hier hoort een geheel getal te staan",
    "bool_type": "hier hoort ja (true) of nee (false) te staan",
    "bool_parsing": "hier hoort ja (true) of nee (false) te staan",
    "list_type": "hier hoort een lijst te staan (regels die met '- ' beginnen)",
    "dict_type": "hier horen velden te staan (naam: waarde)",
    "model_type": "hier horen velden te staan (naam: waarde)",
    "literal_error": "deze waarde is niet toegestaan",
}


def _entry_label(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("id", "naam", "titel", "letter", "nummer", "niveau"):
            if key in value and isinstance(value[key], str | int):
                return f" ({value[key]})"
    return ""


def _describe(data: Any, loc: tuple[Any, ...]) -> str:
    """Turn a pydantic location into Dutch words: 'bij elementen nummer 2 (normaliseren), veld …'."""
    parts: list[str] = []
    node = data
    for i, key in enumerate(loc):
        is_last = i == len(loc) - 1
        if isinstance(key, int):
            label = _entry_label(node[key]) if isinstance(node, list) and key < len(node) else ""
            parts[-1:] = [f"{parts[-1] if parts else 'lijst'} nummer {key + 1}{label}"]
            node = node[key] if isinstance(node, list) and key < len(node) else None
        else:
            parts.append(f"veld '{key}'" if is_last else f"'{key}'")
            node = node.get(key) if isinstance(node, dict) else None
    if not parts:
        return "in het bestand als geheel"
    return "bij " + ", ".join(parts)


def _dutch_problem(data: Any, err: dict[str, Any]) -> str:
    loc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x.startswith("function-")))
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "too_short":
        what = f"er zijn er minstens {ctx.get('min_length')} nodig, er staan er {ctx.get('actual_length')}"
    elif kind == "too_long":
        what = f"er mogen er hoogstens {ctx.get('max_length')} zijn, er staan er {ctx.get('actual_length')}"
    elif kind == "literal_error":
        what = f"deze waarde is niet toegestaan; kies uit: {ctx.get('expected')}"
    elif kind in ("greater_than_equal", "less_than_equal"):
        what = "dit getal valt buiten het toegestane bereik"
    elif kind == "value_error":
        what = str(ctx.get("error", err["msg"]))
    else:
        what = _MESSAGES.get(kind, err["msg"])
    return f"{_describe(data, loc)}: {what}"


# --- loading ------------------------------------------------------------------------------

_CACHE: dict[tuple[str, float], BaseModel] = {}
# libyaml's parser when PyYAML was built with it (the wheels are); same safe semantics.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def exercises_dir() -> Path:
    """The folder with the content files: ``WERKBOEK_EXERCISES`` or ``exercises/`` in the project."""
    env = os.environ.get("WERKBOEK_EXERCISES")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "exercises"


def _display_name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def load(name: str, directory: Path | None = None) -> Any:
    """Load and validate one content file.

    Parameters
    ----------
    name : str
        A key of :data:`MODELS`, e.g. ``"elementen"`` for ``exercises/elementen.yaml``.
    directory : Path, optional
        Where the files are; defaults to :func:`exercises_dir`.

    Returns
    -------
    pydantic.BaseModel
        The validated, immutable content model.

    Raises
    ------
    ContentError
        If the file is missing, is not valid YAML or does not match the schema.
    """
    return _load_path((directory or exercises_dir()) / f"{name}.yaml", MODELS[name])


def _load_path(path: Path, model: type[BaseModel]) -> Any:
    shown = _display_name(path)
    try:
        stamp = path.stat().st_mtime
    except OSError:
        raise ContentError(shown, ["het bestand bestaat niet of kan niet worden gelezen"]) from None
    key = (str(path), stamp)
    if key in _CACHE:
        return _CACHE[key]
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 - safe loader
    except UnicodeDecodeError:
        raise ContentError(shown, ["het bestand is geen UTF-8-tekst"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}, kolom {mark.column + 1}" if mark else "onbekende plek"
        problem = getattr(exc, "problem", None) or "ongeldige YAML"
        raise ContentError(
            shown,
            [f"{where}: het bestand is geen geldige YAML ({problem}); let op inspringing en dubbele punten"],
        ) from None
    if not isinstance(data, dict):
        raise ContentError(shown, ["het bestand is leeg of bevat geen velden (naam: waarde)"])
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        problems = [_dutch_problem(data, e) for e in exc.errors()]
        raise ContentError(shown, problems) from None
    _CACHE[key] = result
    return result


def load_all(directory: Path | None = None) -> dict[str, Any]:
    """Load every content file; never raises.

    Returns
    -------
    dict
        File key to validated model, or to the :class:`ContentError` that file gave.
    """
    out: dict[str, Any] = {}
    for name in MODELS:
        try:
            out[name] = load(name, directory)
        except ContentError as exc:
            out[name] = exc
    return out


def element_names() -> dict[str, str]:
    """Element id to its Dutch name; the ids themselves when the elements file is broken."""
    try:
        return {e.id: e.naam for e in load("elementen").elementen}
    except ContentError:
        return {e: e.replace("_", " ") for e in ELEMENT_IDS}


def main() -> int:
    """Validate all content files and print what is wrong, in Dutch."""
    results = load_all()
    errors = [r for r in results.values() if isinstance(r, ContentError)]
    for err in errors:
        print(err.message, file=sys.stderr)
    if not errors:
        print(f"Alle {len(results)} inhoudsbestanden in {exercises_dir()} zijn in orde.")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
