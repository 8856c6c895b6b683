"""Module 09: conversations with parents: the four guidelines, metacommunication, and positive aspects."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from workbook import content
from workbook.ui.exercise import ModulePage, Page, module_page
from workbook.ui.html import html
from workbook.ui.render import parents_html
from workbook.ui.texts import tekst
from workbook.ui.views.form import FormView

__all__ = ["module"]


@dataclass(frozen=True)
class _Part:
    titel: str
    vragen: list[str]


@module_page("ouders")
def module(page: ModulePage) -> Page:
    """Build module 09: explanation, and a saved preparation of positive aspects per area."""
    data = content.load("ouders")
    parts = [_Part(g.naam, [f"Bijvoorbeeld: {g.voorbeelden}."]) for g in data.positieve_gebieden]
    aspects = FormView(
        "positieve_aspecten",
        tekst("ouders.positieve_aspecten_titel"),
        html("<p>{}</p>", tekst("ouders.positieve_aspecten")),
        parts,
    )
    tabs = page.tabs(
        ("Richtlijnen", widgets.HTML(parents_html(data))),
        ("Positieve aspecten", page.mount("positieve_aspecten", aspects)),
    )
    return page.done(tabs)
