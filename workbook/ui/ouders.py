"""Module 09: conversations with parents: the four guidelines, metacommunication, and positive aspects."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from workbook.content import OudersFile
from workbook.ui.common import (
    PageContext,
    bullets,
    esc,
    module_start,
    save_status,
    style,
)
from workbook.ui.formulieren import FormView

__all__ = ["module", "ASPECTS_EXERCISE"]

ASPECTS_EXERCISE = "09_ouders.positieve_aspecten"


@dataclass(frozen=True)
class _Part:
    titel: str
    vragen: list[str]


def explain_html(data: OudersFile) -> str:
    guidelines = "".join(
        f"<h4>{i}. {esc(r.naam)}</h4><p>{esc(r.uitleg)}</p><p class='wb-muted'>Bijvoorbeeld: {esc(r.voorbeeld)}</p>"
        for i, r in enumerate(data.richtlijnen, 1)
    )
    meta = data.metacommunicatie
    return (
        f'<div class="wb-card"><p>{esc(data.inleiding)}</p><h3>Vier richtlijnen</h3>{guidelines}'
        "<h3>Metacommunicatie: zeg waarom je iets vraagt</h3>"
        f"<p>{esc(meta.uitleg)}</p>{bullets(meta.voorbeelden)}</div>"
    )


def module(ctx: PageContext | None = None) -> widgets.Widget:
    """Build module 09: explanation, and a saved preparation of positive aspects per area."""
    ctx, bar, data, failed = module_start("ouders", ctx)
    if failed is not None:
        return failed
    status = save_status()
    saver = ctx.autosaver(ASPECTS_EXERCISE, status)
    parts = [_Part(g.naam, [f"Bijvoorbeeld: {g.voorbeelden}."]) for g in data.positieve_gebieden]
    aspects = FormView(
        "positieve_aspecten",
        "Positieve aspecten voor het gesprek met ouders",
        "<p>Bereid het gesprek voor: wat gaat er goed bij deze leerling, per gebied? Positieve kanten zijn vaak "
        "de sleutel tot een oplossing. Gebruik een schuilnaam als je dit niet op je eigen computer doet.</p>",
        parts,
        saver,
    )
    aspects.restore(saver.load())
    aspects.widget.children = (*aspects.widget.children, status)
    tabs = widgets.Tab(children=[widgets.HTML(explain_html(data)), aspects.widget])
    tabs.titles = ("Richtlijnen", "Positieve aspecten")
    box = widgets.VBox([style(), bar, tabs])
    box.aspects = aspects
    return box
