"""The landing page (``notebooks/00_start.ipynb``): what the workbook is and where to go."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from workbook.ui.common import bullets, card, esc, load_content, style

__all__ = ["start_page", "notebooks_dir"]


def notebooks_dir() -> Path:
    """The folder with the participants' notebooks."""
    return Path(__file__).resolve().parents[2] / "notebooks"


def _module_list(modules, query: str = "") -> str:
    rows = []
    for m in modules:
        title = f"{m.nummer}. {esc(m.titel)}"
        if (notebooks_dir() / m.notebook).exists():
            href = esc(m.notebook + (f"?{query}" if query else ""))
            rows.append(
                f'<li class="wb-module"><a href="{href}" target="_self">{title}</a><br>'
                f'<span class="wb-muted">{esc(m.beschrijving)}</span></li>'
            )
        else:
            rows.append(
                f'<li class="wb-module wb-soon">{title} (binnenkort)<br>'
                f'<span class="wb-muted">{esc(m.beschrijving)}</span></li>'
            )
    return '<ul style="list-style:none;padding-left:0">' + "".join(rows) + "</ul>"


def start_page() -> widgets.Widget:
    """Build the start page: introduction, the modules with links, how to continue."""
    data, error = load_content("modules")
    if error is not None:
        return widgets.VBox([style(), error])
    intro = card(f"<p>{esc(data.inleiding)}</p>", title="Welkom")
    modules = card(_module_list(data.modules), title="De modules")
    modules.add_class("wb-modules")
    how = card(bullets(data.hoe_verder), title="Hoe ga je verder?")
    return widgets.VBox([style(), intro, modules, how])
