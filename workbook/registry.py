"""The workbook's modules in one place: id, number, notebook, builder and exercise ids.

The start page, the in-page navigation of the participants' app, the per-module notebooks
and the facilitator dashboard all read this list, so a new module is added here (plus its
builder in ``workbook/ui/``, its notebook and its entry in ``exercises/modules.yaml``, which
holds the Dutch title and description a participant reads).

Nothing here imports ipywidgets or the builders themselves: a builder is named as
``"package.module:function"`` and imported only when a participant opens that module, so
a participant's kernel loads only what its pages need.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ExerciseSpec",
    "ModuleSpec",
    "exercise_id",
    "exercise_spec",
    "kind_of",
    "MODULES",
    "by_id",
    "by_number",
    "by_notebook",
    "module_of_exercise",
    "builder",
    "is_private",
    "private_prefixes",
    "titles",
    "title",
]


@dataclass(frozen=True)
class ExerciseSpec:
    """One exercise of a module: its short name and the kind of answer it saves.

    Attributes
    ----------
    name : str
        Short name inside the module (``"quiz"``); the exercise id is the module's prefix plus
        this name (``"01_elementen.quiz"``). For ``per_item`` exercises the name is the id of
        the content item (a scenario, a form), filled in at run time.
    kind : str
        The answer kind, a key of :data:`workbook.answers.KINDS`.
    per_item : bool
        One exercise per content item (``exercises/<folder>/*.yaml`` or a list in a file).
    """

    name: str
    kind: str
    per_item: bool = False


@dataclass(frozen=True)
class ModuleSpec:
    """One module of the workbook.

    Attributes
    ----------
    id : str
        Short stable id, also used in the address bar (``?module=brillen``).
    number : int
        The module's number as participants see it (``1`` to ``10``).
    notebook : str
        The stand-alone notebook in ``notebooks/`` (JupyterLab, direct links).
    builder : str
        ``"package.module:function"``; the function takes ``ctx`` and returns the module's page.
    exercises : tuple of ExerciseSpec
        The module's exercises: every saved answer of this module belongs to one of them.
    private : bool
        The answers are the mentor's own record of real students: no facilitator page, panel
        or training export ever reads them (:func:`is_private`).
    """

    id: str
    number: int
    notebook: str
    builder: str
    exercises: tuple[ExerciseSpec, ...] = ()
    private: bool = False

    @property
    def exercise_prefix(self) -> str:
        """Return the start every exercise id of this module shares (``"01_elementen."``)."""
        return f"{self.number:02d}_{self.id}."

    def exercise_id(self, name: str, item: str | None = None) -> str:
        """Return the id of the exercise ``name`` (for a ``per_item`` exercise: of ``item``).

        Raises
        ------
        KeyError
            If the module has no such exercise: ids are never made up outside this registry.
        """
        spec = next((e for e in self.exercises if e.name == name), None)
        if spec is None:
            raise KeyError(f"module {self.id} has no exercise {name!r}")
        if spec.per_item:
            if not item:
                raise KeyError(f"exercise {name!r} of module {self.id} needs an item id")
            return self.exercise_prefix + item
        return self.exercise_prefix + name

    def fixed_exercise_ids(self) -> tuple[str, ...]:
        """Return the ids of the exercises that are not per item."""
        return tuple(self.exercise_prefix + e.name for e in self.exercises if not e.per_item)


def _ex(*specs: tuple[str, str] | tuple[str, str, bool]) -> tuple[ExerciseSpec, ...]:
    return tuple(ExerciseSpec(*s) for s in specs)


MODULES: tuple[ModuleSpec, ...] = (
    ModuleSpec(
        "elementen",
        1,
        "01_zeven_gesprekselementen.ipynb",
        "workbook.ui.elementen:module",
        _ex(("quiz", "quiz"), ("vrij", "lab")),
    ),
    ModuleSpec(
        "luisteren",
        2,
        "02_luisteren.ipynb",
        "workbook.ui.luisteren:module",
        _ex(("quiz", "quiz"), ("zelfevaluatie", "self_assessment")),
    ),
    ModuleSpec(
        "brillen",
        3,
        "03_rode_en_groene_bril.ipynb",
        "workbook.ui.brillen:module",
        _ex(("sorteren", "quiz"), ("rood_groen", "rewrite"), ("open_vragen", "rewrite"), ("lab", "lab")),
    ),
    ModuleSpec(
        "doelen",
        4,
        "04_doelen_smarti.ipynb",
        "workbook.ui.doelen:module",
        _ex(("herschrijven", "rewrite"), ("doelenkaart", "goal_card")),
    ),
    ModuleSpec(
        "rollenspel",
        5,
        "05_rollenspel.ipynb",
        "workbook.ui.rollenspel:module",
        _ex(("ronde", "tally"), ("ronde_per_scenario", "tally", True)),
    ),
    ModuleSpec(
        "oefengesprek",
        6,
        "06_oefengesprek.ipynb",
        "workbook.ui.oefengesprek:module",
        _ex(("gesprek", "conversation", True)),
    ),
    ModuleSpec(
        "formulieren",
        7,
        "07_gespreksformulieren.ipynb",
        "workbook.ui.formulieren:module",
        _ex(("formulier", "form", True)),
    ),
    ModuleSpec(
        "leerlingbespreking",
        8,
        "08_leerlingbespreking.ipynb",
        "workbook.ui.leerlingbespreking:module",
        _ex(("sorteren", "quiz"), ("herschrijven", "rewrite")),
    ),
    ModuleSpec(
        "ouders",
        9,
        "09_ouders.ipynb",
        "workbook.ui.ouders:module",
        _ex(("positieve_aspecten", "form")),
    ),
    ModuleSpec(
        "mentorrol",
        10,
        "10_mentorrol.ipynb",
        "workbook.ui.mentorrol:module",
        _ex(("quiz", "quiz"), ("gesprek", "form")),
    ),
    ModuleSpec(
        "gesprekskaart",
        11,
        "11_gesprekskaart.ipynb",
        "workbook.ui.gesprekskaart:module",
        _ex(("kaart", "gesprekskaart", True)),
        private=True,
    ),
)


def is_private(exercise: object) -> bool:
    """Whether a stored exercise id belongs to a private module (a mentor's own gesprekskaarten)."""
    spec = module_of_exercise(str(exercise))
    return spec is not None and spec.private


def private_prefixes() -> tuple[str, ...]:
    """Return the exercise id prefixes of the private modules."""
    return tuple(m.exercise_prefix for m in MODULES if m.private)


def exercise_id(module_id: str, name: str, item: str | None = None) -> str:
    """Return the exercise id of ``name`` in module ``module_id`` (``KeyError`` if unknown)."""
    spec = by_id(module_id)
    if spec is None:
        raise KeyError(f"no module {module_id!r}")
    return spec.exercise_id(name, item)


def exercise_spec(exercise: str) -> ExerciseSpec | None:
    """Return the spec of a stored exercise id, or ``None`` when no module has it."""
    spec = module_of_exercise(exercise)
    if spec is None:
        return None
    name = str(exercise)[len(spec.exercise_prefix) :]
    fixed = next((e for e in spec.exercises if e.name == name and not e.per_item), None)
    return fixed or next((e for e in spec.exercises if e.per_item), None)


def kind_of(exercise: str) -> str | None:
    """Return the answer kind of a stored exercise id, or ``None`` when it is unknown."""
    spec = exercise_spec(exercise)
    return spec.kind if spec is not None else None


def by_id(module_id: object) -> ModuleSpec | None:
    """Return the module with this id, or ``None`` (values may come from a URL: anything is checked)."""
    return next((m for m in MODULES if isinstance(module_id, str) and m.id == module_id), None)


def by_number(number: int) -> ModuleSpec | None:
    """Return the module with this number (``1`` for ``01_...``), or ``None``."""
    return next((m for m in MODULES if m.number == number), None)


def by_notebook(notebook: str) -> ModuleSpec | None:
    """Return the module whose stand-alone notebook has this file name, or ``None``."""
    return next((m for m in MODULES if m.notebook == notebook), None)


def module_of_exercise(exercise: str) -> ModuleSpec | None:
    """Return the module an exercise id belongs to, by its prefix, or ``None``."""
    return next((m for m in MODULES if str(exercise).startswith(m.exercise_prefix)), None)


def builder(spec: ModuleSpec) -> Callable[..., Any]:
    """Import the module's builder (only now: the first time a participant opens it)."""
    package, _, function = spec.builder.partition(":")
    return getattr(importlib.import_module(package), function)


def titles() -> dict[int, tuple[str, str]]:
    """Return the Dutch title and description per module number, from ``exercises/modules.yaml``.

    A broken file gives an empty dict: callers then show ``Module N``.
    """
    from workbook import content

    try:
        data = content.load("modules")
    except content.ContentError:
        return {}
    return {m.nummer: (m.titel, m.beschrijving) for m in data.modules}


def title(spec: ModuleSpec, known: dict[int, tuple[str, str]] | None = None) -> str:
    """Return the numbered title, ``"3. De rode en de groene bril"`` (``"Module 3"`` when unknown)."""
    found = (known if known is not None else titles()).get(spec.number)
    return f"{spec.number}. {found[0]}" if found else f"Module {spec.number}"
