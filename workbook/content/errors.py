"""Content errors in plain Dutch: the file, the entry and the field, for a trainer who edits YAML."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

__all__ = ["ContentError", "dutch_problem"]


class ContentError(Exception):
    """A content file that cannot be used, explained in Dutch.

    Attributes
    ----------
    file : str
        The file, relative to the project (``exercises/elementen.yaml``).
    problems : list[str]
        One sentence per problem, each naming the entry and the field.
    """

    def __init__(self, file: str, problems: list[str]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The whole explanation in Dutch: the file, then one line per problem."""
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


def _entry_label(value: object) -> str:
    """Name a list entry by its id or name field, if it has one (`` (normaliseren)``)."""
    if isinstance(value, dict):
        for key in ("id", "naam", "titel", "letter", "nummer", "niveau"):
            if key in value and isinstance(value[key], str | int):
                return f" ({value[key]})"
    return ""


def _describe(data: object, loc: tuple[int | str, ...]) -> str:
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


def dutch_problem(data: object, err: ErrorDetails) -> str:
    """Explain one pydantic validation error in Dutch, for a trainer who edits the YAML.

    Parameters
    ----------
    data : object
        The data that was validated (the file as read from YAML), to name list entries by
        their id or name rather than by number alone.
    err : pydantic_core.ErrorDetails
        One item of ``ValidationError.errors()``.

    Returns
    -------
    str
        Where the problem is (``bij 'elementen' nummer 2 (normaliseren), veld 'naam'``) and
        what is wrong with it.
    """
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
