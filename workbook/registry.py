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
    "ModuleSpec",
    "MODULES",
    "by_id",
    "by_number",
    "by_notebook",
    "module_of_exercise",
    "builder",
    "titles",
    "title",
]


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
        ``"package.module:function"``; the function takes ``ctx`` and returns the module's widget.
    exercise_prefix : str
        Every exercise id of this module starts with it (``"01_elementen."``).
    exercises : tuple of str
        The fixed exercise ids (folder modules add one per scenario under the prefix).
    """

    id: str
    number: int
    notebook: str
    builder: str
    exercise_prefix: str
    exercises: tuple[str, ...] = ()


MODULES: tuple[ModuleSpec, ...] = (
    ModuleSpec(
        "elementen",
        1,
        "01_zeven_gesprekselementen.ipynb",
        "workbook.ui.elementen:module",
        "01_elementen.",
        ("01_elementen.quiz", "01_elementen.vrij"),
    ),
    ModuleSpec(
        "luisteren",
        2,
        "02_luisteren.ipynb",
        "workbook.ui.luisteren:module",
        "02_luisteren.",
        ("02_luisteren.quiz", "02_luisteren.zelfevaluatie"),
    ),
    ModuleSpec(
        "brillen",
        3,
        "03_rode_en_groene_bril.ipynb",
        "workbook.ui.brillen:module",
        "03_brillen.",
        ("03_brillen.sorteren", "03_brillen.rood_groen", "03_brillen.open_vragen", "03_brillen.lab"),
    ),
    ModuleSpec(
        "doelen",
        4,
        "04_doelen_smarti.ipynb",
        "workbook.ui.doelen:module",
        "04_doelen.",
        ("04_doelen.herschrijven", "04_doelen.doelenkaart"),
    ),
    ModuleSpec("rollenspel", 5, "05_rollenspel.ipynb", "workbook.ui.rollenspel:module", "05_rollenspel."),
    ModuleSpec("oefengesprek", 6, "06_oefengesprek.ipynb", "workbook.ui.oefengesprek:module", "06_oefengesprek."),
    ModuleSpec(
        "formulieren",
        7,
        "07_gespreksformulieren.ipynb",
        "workbook.ui.formulieren:module",
        "07_formulieren.",
        ("07_formulieren.voorbereiding", "07_formulieren.gesprek"),
    ),
    ModuleSpec(
        "leerlingbespreking",
        8,
        "08_leerlingbespreking.ipynb",
        "workbook.ui.leerlingbespreking:module",
        "08_leerlingbespreking.",
        ("08_leerlingbespreking.sorteren", "08_leerlingbespreking.herschrijven"),
    ),
    ModuleSpec(
        "ouders",
        9,
        "09_ouders.ipynb",
        "workbook.ui.ouders:module",
        "09_ouders.",
        ("09_ouders.positieve_aspecten",),
    ),
    ModuleSpec(
        "mentorrol",
        10,
        "10_mentorrol.ipynb",
        "workbook.ui.mentorrol:module",
        "10_mentorrol.",
        ("10_mentorrol.quiz", "10_mentorrol.gesprek"),
    ),
)


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
