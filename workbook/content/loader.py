"""Reading the content files: YAML in, validated models out, Dutch errors for what is wrong.

A broken file only affects the module that uses it: :func:`load` raises
:class:`~workbook.content.errors.ContentError` for that file alone and :func:`load_all`
never raises. Files are cached until they change on disk.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar, overload

import yaml
from pydantic import BaseModel, ValidationError

from workbook.content.errors import ContentError, dutch_problem
from workbook.content.models import (
    ELEMENT_IDS,
    FOLDERS,
    MODELS,
    BrillenFile,
    ElementenFile,
    FormulierenFile,
    GesprekskaartFile,
    HgwFile,
    LeerlingbesprekingFile,
    LuisterenFile,
    MentorrolFile,
    ModulesFile,
    Oefengesprek,
    OpenGeslotenFile,
    OudersFile,
    Rollenspel,
    SmartiFile,
    TekstenFile,
    _Strict,
    fixed_keys,
)

_CACHE: dict[tuple[str, float], BaseModel] = {}
# libyaml's parser when PyYAML was built with it (the wheels are); same safe semantics.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Model = TypeVar("_Model", bound=BaseModel)


def exercises_dir() -> Path:
    """Return the folder with the content files: ``WERKBOEK_EXERCISES`` or ``exercises/`` in the project."""
    env = os.environ.get("WERKBOEK_EXERCISES")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "exercises"


def _display_name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


# One overload per file, so that type checkers know the model ``load("elementen")`` returns;
# a file added to MODELS gets a line here too (else its callers see a plain BaseModel).
@overload
def load(name: Literal["modules"], directory: Path | None = None) -> ModulesFile: ...
@overload
def load(name: Literal["elementen"], directory: Path | None = None) -> ElementenFile: ...
@overload
def load(name: Literal["luisteren"], directory: Path | None = None) -> LuisterenFile: ...
@overload
def load(name: Literal["brillen"], directory: Path | None = None) -> BrillenFile: ...
@overload
def load(name: Literal["open_gesloten"], directory: Path | None = None) -> OpenGeslotenFile: ...
@overload
def load(name: Literal["smarti"], directory: Path | None = None) -> SmartiFile: ...
@overload
def load(name: Literal["formulieren"], directory: Path | None = None) -> FormulierenFile: ...
@overload
def load(name: Literal["leerlingbespreking"], directory: Path | None = None) -> LeerlingbesprekingFile: ...
@overload
def load(name: Literal["ouders"], directory: Path | None = None) -> OudersFile: ...
@overload
def load(name: Literal["hgw"], directory: Path | None = None) -> HgwFile: ...
@overload
def load(name: Literal["mentorrol"], directory: Path | None = None) -> MentorrolFile: ...
@overload
def load(name: Literal["gesprekskaart"], directory: Path | None = None) -> GesprekskaartFile: ...
@overload
def load(name: Literal["teksten"], directory: Path | None = None) -> TekstenFile: ...
@overload
def load(name: str, directory: Path | None = None) -> BaseModel: ...
def load(name: str, directory: Path | None = None) -> BaseModel:
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


def _load_path(path: Path, model: type[_Model]) -> _Model:
    """Load ``path`` as ``model``, from the cache while the file is unchanged (see :func:`load`)."""
    shown = _display_name(path)
    try:
        stamp = path.stat().st_mtime
    except OSError:
        raise ContentError(shown, ["het bestand bestaat niet of kan niet worden gelezen"]) from None
    key = (str(path), stamp)
    cached = _CACHE.get(key)
    if isinstance(cached, model):
        return cached
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
        problems = [dutch_problem(data, e) for e in exc.errors()]
        raise ContentError(shown, problems) from None
    _CACHE[key] = result
    return result


def load_all(directory: Path | None = None) -> dict[str, BaseModel | ContentError]:
    """Load every content file; never raises.

    Returns
    -------
    dict
        File key to validated model, or to the :class:`ContentError` that file gave.
    """
    out: dict[str, BaseModel | ContentError] = {}
    for name in MODELS:
        try:
            out[name] = load(name, directory)
        except ContentError as exc:
            out[name] = exc
    return out


def element_names() -> dict[str, str]:
    """Map each element id to its Dutch name; to the id itself when the elements file is broken."""
    try:
        return {e.id: e.naam for e in load("elementen").elementen}
    except ContentError:
        return {e: e.replace("_", " ") for e in ELEMENT_IDS}


def json_schemas() -> dict[str, dict[str, Any]]:
    """Return a JSON Schema per content file and per folder item, for a trainer's editor (``make content-schema``)."""
    out = {name: model.model_json_schema() for name, model in MODELS.items()}
    out.update({folder: model.model_json_schema() for folder, model in FOLDERS.items()})
    for schema in out.values():
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        _require_fixed_keys(schema)
    return out


def _require_fixed_keys(schema: dict[str, Any]) -> None:
    """Make a mapping over a fixed set of keys require all of them, in the schema as in the models."""
    models = {m.__name__: m for m in _all_models()}
    for title, part in [(schema.get("title"), schema), *schema.get("$defs", {}).items()]:
        model = models.get(title)
        for name, field in model.model_fields.items() if model else ():
            keys = fixed_keys(field.annotation)
            if keys and name in part.get("properties", {}):
                part["properties"][name]["required"] = list(keys)


def _all_models() -> list[type[BaseModel]]:
    todo: list[type[BaseModel]] = [_Strict]
    seen: list[type[BaseModel]] = []
    while todo:
        for sub in todo.pop().__subclasses__():
            seen.append(sub)
            todo.append(sub)
    return seen


def write_json_schemas(target: Path) -> list[Path]:
    """Write :func:`json_schemas` as ``<name>.schema.json`` files into ``target``; returns the paths."""
    import json

    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in json_schemas().items():
        path = target / f"{name}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Validate all content files and print what is wrong, in Dutch (``--schema DIR``: write the schemas)."""
    args = argv or []
    if args[:1] == ["--schema"]:
        target = Path(args[1]) if len(args) > 1 else exercises_dir() / "schema"
        for path in write_json_schemas(target):
            print(f"Geschreven: {path}")
        from workbook.feedback.rules import write_json_schemas as write_rule_schemas  # noqa: PLC0415

        for path in write_rule_schemas():
            print(f"Geschreven: {path}")
        return 0
    results = load_all()
    errors = [r for r in results.values() if isinstance(r, ContentError)]
    for err in errors:
        print(err.message, file=sys.stderr)
    if not errors:
        print(f"Alle {len(results)} inhoudsbestanden in {exercises_dir()} zijn in orde.")
    from workbook.feedback.rules import check_all  # noqa: PLC0415 (only this command needs the rules)

    rule_problems = {name: problems for name, problems in check_all().items() if problems}
    for name, problems in rule_problems.items():
        print(f"Fout in workbook/feedback/regels/{name}:", *(f"- {p}" for p in problems), sep="\n", file=sys.stderr)
    if not rule_problems:
        print("De feedbackregels en al hun voorbeelden zijn in orde.")
    spelling = _report_spelling()
    return 1 if errors or rule_problems or spelling else 0


def _report_spelling() -> list[str]:
    """Print the spelling and style findings in ``exercises/``; return them."""
    from workbook.content.spelling import check_spelling  # noqa: PLC0415 (only this command checks spelling)

    try:
        spelling = [str(f) for f in check_spelling()]
    except FileNotFoundError as exc:
        spelling = [str(exc)]
    for finding in spelling:
        print(f"Spelling en stijl: {finding}", file=sys.stderr)
    if not spelling:
        print("Spelling en stijl van de teksten in exercises/ zijn in orde (woordenboek: hunspell-nl).")
    return spelling


FolderItem = Rollenspel | Oefengesprek


@overload
def load_folder(
    folder: Literal["rollenspellen"], directory: Path | None = None
) -> tuple[list[Rollenspel], list[ContentError]]: ...
@overload
def load_folder(
    folder: Literal["oefengesprekken"], directory: Path | None = None
) -> tuple[list[Oefengesprek], list[ContentError]]: ...
@overload
def load_folder(folder: str, directory: Path | None = None) -> tuple[Sequence[FolderItem], list[ContentError]]: ...
def load_folder(folder: str, directory: Path | None = None) -> tuple[Sequence[FolderItem], list[ContentError]]:
    """Load every ``*.yaml`` in a subfolder of the exercises (one item per file); never raises.

    Returns
    -------
    tuple
        The valid items sorted by ``titel``, and a :class:`ContentError` per broken file.
    """
    model = FOLDERS[folder]
    base = (directory or exercises_dir()) / folder
    items: list[FolderItem] = []
    errors: list[ContentError] = []
    for path in sorted(base.glob("*.yaml")):
        try:
            items.append(_load_path(path, model))
        except ContentError as err:
            errors.append(err)
    ids = [i.id for i in items]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        errors.append(ContentError(f"{folder}/", [f"het id '{dup}' komt in meer dan één bestand voor"]))
    return sorted(items, key=lambda i: i.titel), errors


@overload
def validate_item(folder: Literal["rollenspellen"], data: dict[str, Any], shown: str = "formulier") -> Rollenspel: ...
@overload
def validate_item(
    folder: Literal["oefengesprekken"], data: dict[str, Any], shown: str = "formulier"
) -> Oefengesprek: ...
@overload
def validate_item(folder: str, data: dict[str, Any], shown: str = "formulier") -> FolderItem: ...
def validate_item(folder: str, data: dict[str, Any], shown: str = "formulier") -> FolderItem:
    """Validate a dict as one item of ``folder``; raises :class:`ContentError` in Dutch."""
    try:
        return FOLDERS[folder].model_validate(data)
    except ValidationError as exc:
        raise ContentError(shown, [dutch_problem(data, e) for e in exc.errors()]) from None
