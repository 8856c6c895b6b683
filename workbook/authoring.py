"""Create a role-play scenario or a practice conversation without code: form fields -> validated model -> YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import yaml

from workbook import content
from workbook.content import ELEMENT_IDS, ContentError, Oefengesprek, Rollenspel
from workbook.content.models import Antwoordsoort

__all__ = ["LIST_FIELDS", "ANSWER_KINDS", "form_to_data", "save_scenario", "scenario_yaml"]

ANSWER_KINDS: tuple[str, ...] = get_args(Antwoordsoort)
# fields typed one item per line
LIST_FIELDS = (
    ("leerling.zinnen", "observator.let_op", "nabespreking")
    + tuple(f"formuleringen.{e}" for e in ELEMENT_IDS)
    + tuple(f"antwoorden.{k}" for k in ANSWER_KINDS)
)


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in str(text or "").splitlines() if line.strip(" -•\t")]


def form_to_data(fields: dict[str, Any]) -> dict[str, Any]:
    """Turn flat form fields (``"leerling.gevoel"`` -> text) into the nested scenario structure."""
    data: dict[str, Any] = {}
    for key, value in fields.items():
        if key in LIST_FIELDS:
            value = _lines(value)
        elif isinstance(value, str):
            value = value.strip()
        node = data
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return data


def scenario_yaml(scenario: Rollenspel | Oefengesprek, folder: str = "rollenspellen") -> str:
    """Render the scenario as YAML in the same shape as the hand-written files.

    The first line points the YAML extension of an editor at the JSON Schema, so a trainer
    who edits the file later gets the same checks.
    """
    body = yaml.safe_dump(scenario.model_dump(), allow_unicode=True, sort_keys=False, width=100)
    return f"# yaml-language-server: $schema=../schema/{folder}.schema.json\n" + body


def save_scenario(
    fields: dict[str, Any], directory: Path | None = None, overwrite: bool = False, folder: str = "rollenspellen"
) -> Path:
    """Validate the form and write ``<folder>/<id>.yaml``: a role-play, or a practice conversation.

    Raises
    ------
    ContentError
        When a field is missing or wrong (Dutch, naming the field).
    FileExistsError
        When a scenario with this id exists and ``overwrite`` is false (Dutch message).
    """
    scenario = content.validate_item(folder, form_to_data(fields), shown="het formulier")
    target = (directory or content.exercises_dir()) / folder
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{scenario.id}.yaml"
    if path.exists() and not overwrite:
        raise FileExistsError(
            f"Er bestaat al een bestand met id '{scenario.id}'. Kies een ander id, of vink 'overschrijven' aan."
        )
    path.write_text(scenario_yaml(scenario, folder), encoding="utf-8")
    _items, errors = content.load_folder(folder, directory)
    mine = [e for e in errors if e.file.endswith(f"{scenario.id}.yaml")]
    if mine:  # cannot happen for a validated model; guard the round trip anyway
        path.unlink()
        raise ContentError(mine[0].file, mine[0].problems)
    return path
