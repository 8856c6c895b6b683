"""Shared widget pieces: styling, escaped HTML cards, content errors.

Every string that ends up in an HTML widget goes through :func:`esc` first: Voilà
executes scripts in ``widgets.HTML``, so neither content nor participant text may be
put there raw.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

import ipywidgets as widgets

from workbook import content

__all__ = ["esc", "style", "card", "bullets", "error_box", "load_content", "notice"]

_CSS = """
<style>
.wb-card { background:#fff; border:1px solid #d0d7de; border-radius:8px; padding:14px 18px;
           margin:6px 0; max-width:860px; line-height:1.5; font-size:15px; color:#1f2328; }
.wb-card h3 { margin:0 0 6px 0; font-size:18px; }
.wb-card p:first-child { margin-top:0; }
.wb-card p:last-child { margin-bottom:0; }
.wb-card h4 { margin:12px 0 4px 0; font-size:15px; }
.wb-card ul { margin:4px 0 4px 0; padding-left:22px; }
.wb-muted { color:#57606a; }
.wb-quote { font-size:19px; font-style:italic; border-left:4px solid #8c959f;
            padding:6px 14px; margin:8px 0; background:#f6f8fa; max-width:820px; }
.wb-ok { border-left:6px solid #1a7f37; background:#e6f4ea; }
.wb-bad { border-left:6px solid #cf222e; background:#fdecea; }
.wb-info { border-left:6px solid #0969da; background:#eef5fd; }
.wb-error { border-left:6px solid #bf8700; background:#fff8c5; white-space:pre-line; }
.wb-score { font-size:22px; font-weight:600; }
.wb-module { margin:0 0 10px 0; }
.wb-module a { font-weight:600; color:#0969da; text-decoration:underline; font-size:16px; }
.wb-soon { color:#57606a; font-style:italic; }
</style>
"""


def esc(text: Any) -> str:
    """HTML-escape any value (quotes included)."""
    return html.escape(str(text), quote=True)


def style() -> widgets.HTML:
    """The workbook's stylesheet, as a widget to put at the top of a page."""
    return widgets.HTML(_CSS, layout=widgets.Layout(height="0px", overflow="hidden"))


def bullets(items: Iterable[Any]) -> str:
    """An escaped ``<ul>`` list."""
    return "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def card(body_html: str, kind: str = "", title: str | None = None) -> widgets.HTML:
    """A bordered card. ``body_html`` must already be escaped; ``title`` is escaped here."""
    head = f"<h3>{esc(title)}</h3>" if title else ""
    return widgets.HTML(f'<div class="wb-card {esc(kind)}">{head}{body_html}</div>')


def notice(text: str, kind: str = "wb-info") -> str:
    """Escaped text as the inner HTML of a coloured card."""
    return f'<div class="wb-card {esc(kind)}">{esc(text)}</div>'


def error_box(err: content.ContentError) -> widgets.HTML:
    """A Dutch explanation of a content error, for the place where the module would be."""
    text = (
        "Dit onderdeel kan nu niet worden getoond, omdat een inhoudsbestand een fout bevat. "
        "De rest van het werkboek werkt gewoon. Geef deze melding door aan je begeleider:\n\n"
        + err.message
    )
    return widgets.HTML(notice(text, "wb-error"))


def load_content(name: str) -> tuple[Any, widgets.Widget | None]:
    """Load a content file for a module.

    Returns
    -------
    tuple
        ``(model, None)`` when the file is valid, ``(None, error_widget)`` when it is not.
    """
    try:
        return content.load(name), None
    except content.ContentError as err:
        return None, error_box(err)
