"""Module 07: the two conversation forms, to fill in on screen and download (Word or printable)."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import content
from workbook.content import Formulier
from workbook.ui.exercise import ModulePage, Page, module_page
from workbook.ui.html import Markup, html
from workbook.ui.texts import tekst
from workbook.ui.views.form import FormView

__all__ = ["module", "TAB_TITLES"]

TAB_TITLES = {"voorbereiding": "Voorbereiding (leerling)", "gesprek": "Gesprek (mentor)"}


def form_intro(form: Formulier) -> Markup:
    """Return who fills in the form, and when."""
    return html(
        "<p><strong>{}</strong> {}</p><p><strong>Wanneer:</strong> {}</p>",
        tekst("formulieren.wie"),
        form.wie,
        form.wanneer,
    )


@module_page("formulieren")
def module(page: ModulePage) -> Page:
    """Build module 07: one tab per form, each saved and restored."""
    data = content.load("formulieren")
    forms = [
        (
            TAB_TITLES.get(f.id, f.naam),
            page.mount("formulier", FormView(f.id, f.naam, form_intro(f), f.onderdelen), f.id),
        )
        for f in data.formulieren
    ]
    explain = widgets.HTML(html('<div class="wb-card"><p>{}</p></div>', data.inleiding))
    return page.done(page.tabs(("Uitleg", explain), *forms))
