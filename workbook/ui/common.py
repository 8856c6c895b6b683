"""Shared widget pieces: the stylesheet, cards, the page context, content errors.

HTML is built with :mod:`workbook.ui.html`, which escapes every value unless it is
``Markup`` already: Voilà executes scripts in ``widgets.HTML``, so neither content nor
participant text may be put there raw.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from workbook import content, session
from workbook.autosave import Autosaver
from workbook.session import Session
from workbook.store import Store, default_url
from workbook.ui.html import EMPTY, Markup, html, notice
from workbook.ui.texts import tekst, tekst_html

__all__ = [
    "Shows",
    "style",
    "card",
    "error_box",
    "load_content",
    "get_store",
    "PageContext",
    "page_context",
    "session_bar",
    "who_html",
    "close_tree",
    "textarea",
    "save_status",
]

CSS_FILE = Path(__file__).with_name("werkboek.css")


class Shows:
    """Mixin: an object with a ``widget`` displays as that widget in a notebook (and in Voilà)."""

    widget: widgets.Widget

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def close_tree(widget: widgets.Widget) -> None:
    """Close a widget and everything inside it, so replaced views do not stay alive in the kernel."""
    for child in getattr(widget, "children", ()) or ():
        close_tree(child)
    for part in ("layout", "style"):  # each is a widget of its own in the kernel
        sub = getattr(widget, part, None)
        if isinstance(sub, widgets.Widget):
            sub.close()
    widget.close()


@cache
def _stylesheet() -> Markup:
    return html("<style>{}</style>", Markup(CSS_FILE.read_text(encoding="utf-8")))  # our own file: trusted


def style() -> widgets.HTML:
    """Return the workbook's stylesheet (``werkboek.css``) as a widget to put at the top of a page."""
    return widgets.HTML(_stylesheet(), layout=widgets.Layout(height="0px", overflow="hidden"))


def card(body: Markup, kind: str = "", title: str | None = None) -> widgets.HTML:
    """Return a bordered card around ``body`` (HTML built with :func:`~workbook.ui.html.html`)."""
    head = html("<h3>{}</h3>", title) if title else EMPTY
    return widgets.HTML(html('<div class="wb-card {}">{}{}</div>', kind, head, body))


def error_box(err: content.ContentError) -> widgets.HTML:
    """Explain a content error in Dutch, in the place where the module would be.

    Its words are in Python, not in ``teksten.yaml``: that file may be the one that is broken.
    """
    text = (
        "Dit onderdeel kan nu niet worden getoond, omdat een inhoudsbestand een fout bevat. "
        "De rest van het werkboek werkt gewoon. Geef deze melding door aan je begeleider:\n\n" + err.message
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


# --- who is working, and saving -------------------------------------------------------

_STORE: Store | None = None


def get_store() -> Store | None:
    """Return the page's store, or ``None`` when the database cannot be opened (the page still works)."""
    global _STORE
    if _STORE is None or _STORE.url != default_url():
        try:
            _STORE = Store()
        except Exception:  # noqa: BLE001 - any database failure: work on without saving
            logging.getLogger(__name__).exception("opening the store failed")
            return None
    return _STORE


@dataclass
class PageContext:
    """What every module page needs: the store, the session and a problem to show."""

    store: Store | None
    session: Session | None
    problem: str | None = None
    embedded: bool = False  # inside the participants' app, which shows who is working itself

    def autosaver(self, exercise: str, status: widgets.HTML | None = None, delay: float = 0.6) -> Autosaver:
        """Return an :class:`Autosaver` for ``exercise`` that reports into ``status``."""
        saver: Autosaver | None = None

        def report(kind: str, text: str) -> None:
            # data-saves counts confirmed saves, so a test (or a person) can tell a new save from an old one
            if status is not None:
                saves = saver.saves if saver is not None else 0
                status.value = html('<span class="wb-status wb-status-{}" data-saves="{}">{}</span>', kind, saves, text)

        saver = Autosaver(self.store, self.session, exercise, delay=delay, on_status=report)
        return saver

    def link(self, notebook: str) -> str:
        """Return a relative link to another notebook that keeps the session."""
        return notebook + (f"?{self.session.query()}" if self.session else "")


def textarea(css: str, placeholder: str = "", height: str = "70px", label: str = "") -> widgets.Textarea:
    """Return a full-width text area (up to 820 px) with a class for styling and tests; sends every keystroke.

    ``label`` names the field for screen readers (as its title) when the heading above it is a
    separate widget; without it the placeholder names the field.
    """
    area = widgets.Textarea(
        tooltip=label or placeholder or None,
        placeholder=placeholder,
        continuous_update=True,
        layout=widgets.Layout(width="100%", max_width="820px", height=height),
    )
    area.add_class(css)
    return area


def save_status() -> widgets.HTML:
    """Return the small line under an exercise that says whether (and when) it was saved."""
    status = widgets.HTML()
    status.add_class("wb-save-status")
    return status


def page_context(store: Store | None = None, sess: Session | None = None) -> PageContext:
    """Find the store and the session of this page (arguments override, for tests)."""
    store = store if store is not None else get_store()
    if sess is not None:
        return PageContext(store, sess)
    if store is None:
        return PageContext(None, None, tekst("sessie.opslag_onbereikbaar"))
    found, problem = session.current(store)
    return PageContext(store, found, problem)


def who_html(ctx: PageContext, extra: Markup = EMPTY) -> Markup:
    """Return who is working (or why nothing is saved) as a coloured line, with ``extra`` at the end."""
    if ctx.session is not None:
        where = "zelfstudie" if ctx.session.self_study else "training " + ctx.session.workshop
        text = tekst_html("sessie.werkt_als", naam=html("<strong>{}</strong>", ctx.session.participant), waar=where)
        kind = "wb-info"
    else:
        text = html("{}", ctx.problem or tekst("sessie.niet_aangemeld"))
        kind = "wb-warn"
    return html('<div class="wb-card wb-session {}">{}{}</div>', kind, text, extra)


def session_bar(ctx: PageContext, home: str = "00_start.ipynb") -> widgets.HTML:
    """Return a line at the top of a module: who is working, and the way back to the start page.

    Inside the participants' app (``ctx.embedded``) the app shows this itself: empty here.
    """
    if ctx.embedded:
        return widgets.HTML()
    back = html(' <a href="{}" target="_self">← Startpagina</a>', ctx.link(home))
    bar = widgets.HTML(who_html(ctx, back))
    bar.add_class("wb-session-bar")
    return bar
