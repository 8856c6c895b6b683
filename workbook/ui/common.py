"""Shared widget pieces: styling, escaped HTML cards, content errors.

Every string that ends up in an HTML widget goes through :func:`esc` first: Voilà
executes scripts in ``widgets.HTML``, so neither content nor participant text may be
put there raw.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from workbook import content, session
from workbook.autosave import Autosaver
from workbook.session import Session
from workbook.store import Store, default_url

__all__ = [
    "esc",
    "style",
    "card",
    "bullets",
    "error_box",
    "load_content",
    "notice",
    "get_store",
    "PageContext",
    "page_context",
    "session_bar",
    "close_tree",
]

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
.wb-warn { border-left:6px solid #bf8700; background:#fff8c5; }
.wb-score { font-size:22px; font-weight:600; }
.wb-module { margin:0 0 10px 0; }
.wb-module a { font-weight:600; color:#0969da; text-decoration:underline; font-size:16px; }
.wb-soon { color:#57606a; font-style:italic; }
.wb-session { padding:8px 14px; font-size:14px; }
.wb-session a { margin-left:8px; color:#0969da; }
.wb-status { font-size:13px; color:#57606a; }
.wb-table { border-collapse:collapse; font-size:14px; }
.wb-table th, .wb-table td { padding:4px 12px 4px 0; border-bottom:1px solid #d0d7de; text-align:left; }
.wb-download { font-weight:600; color:#0969da; }
.wb-badge { display:inline-block; border:1px solid #d0d7de; border-radius:12px; padding:1px 10px;
            margin-right:6px; font-size:14px; background:#f6f8fa; }
.wb-lens-rood { border-color:#cf222e; background:#fdecea; }
.wb-lens-rood .wb-dot { color:#cf222e; }
.wb-lens-groen { border-color:#1a7f37; background:#e6f4ea; }
.wb-lens-groen .wb-dot { color:#1a7f37; }
.wb-live ul { margin:6px 0; }
.wb-tip { margin:6px 0 0 0; }
.wb-checklist { list-style:none; padding-left:0; }
.wb-ok-line { color:#1a7f37; font-weight:600; }
.wb-bad-line { color:#cf222e; font-weight:600; }
.wb-goal-row { border-bottom:1px solid #d0d7de; padding:4px 0; }
.wb-status-error { color:#cf222e; font-weight:600; }
.wb-status-off { color:#9a6700; }
</style>
"""


def esc(text: Any) -> str:
    """HTML-escape any value (quotes included)."""
    return html.escape(str(text), quote=True)


def close_tree(widget: widgets.Widget) -> None:
    """Close a widget and everything inside it, so replaced views do not stay alive in the kernel."""
    for child in getattr(widget, "children", ()) or ():
        close_tree(child)
    for part in ("layout", "style"):  # each is a widget of its own in the kernel
        sub = getattr(widget, part, None)
        if isinstance(sub, widgets.Widget):
            sub.close()
    widget.close()


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
    """The page's store, or ``None`` when the database cannot be opened (the page still works)."""
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
        """An :class:`Autosaver` for ``exercise`` that reports into ``status``."""

        saver: Autosaver | None = None

        def report(kind: str, text: str) -> None:
            # data-saves counts confirmed saves, so a test (or a person) can tell a new save from an old one
            if status is not None:
                saves = saver.saves if saver is not None else 0
                status.value = (
                    f'<span class="wb-status wb-status-{esc(kind)}" data-saves="{saves}">{esc(text)}</span>'
                )

        saver = Autosaver(self.store, self.session, exercise, delay=delay, on_status=report)
        return saver

    def link(self, notebook: str) -> str:
        """A relative link to another notebook that keeps the session."""
        return notebook + (f"?{self.session.query()}" if self.session else "")


def download_link(data: bytes, filename: str, label: str, mime: str, css: str = "") -> str:
    """An ``<a download>`` with the file inlined as a data URI (works in Voilà without a server route)."""
    import base64

    b64 = base64.b64encode(data).decode("ascii")
    return (
        f'<a class="wb-download {esc(css)}" download="{esc(filename)}" '
        f'href="data:{esc(mime)};base64,{b64}">⬇ {esc(label)}</a>'
    )


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def textarea(css: str, placeholder: str = "", height: str = "70px") -> widgets.Textarea:
    """A full-width text area (up to 820 px) with a class for styling and tests; sends every keystroke."""
    area = widgets.Textarea(
        placeholder=placeholder,
        continuous_update=True,
        layout=widgets.Layout(width="100%", max_width="820px", height=height),
    )
    area.add_class(css)
    return area


def save_status() -> widgets.HTML:
    """The small line under an exercise that says whether (and when) it was saved."""
    status = widgets.HTML()
    status.add_class("wb-save-status")
    return status


def page_context(store: Store | None = None, sess: Session | None = None) -> PageContext:
    """Find the store and the session of this page (arguments override, for tests)."""
    store = store if store is not None else get_store()
    if sess is not None:
        return PageContext(store, sess)
    if store is None:
        return PageContext(
            None, None, "De opslag is nu niet bereikbaar. Je kunt oefenen, maar je werk wordt niet bewaard."
        )
    found, problem = session.current(store)
    return PageContext(store, found, problem)


def module_start(name: str, ctx: PageContext | None = None) -> tuple[PageContext, widgets.HTML, Any, Any]:
    """The start of every module page: context, session bar, content, and a ready error page or ``None``."""
    ctx = ctx or page_context()
    bar = session_bar(ctx)
    data, error = load_content(name)
    failed = widgets.VBox([style(), bar, error]) if error is not None else None
    return ctx, bar, data, failed


def folder_page(folder: str, make_view, ctx: PageContext | None = None) -> widgets.Widget:
    """A module page over one item per file (``exercises/<folder>/*.yaml``).

    Broken files are reported in Dutch above the view; the valid ones stay usable.
    ``make_view(items, ctx, element_names)`` returns an object with a ``widget``.
    """
    ctx = ctx or page_context()
    bar = session_bar(ctx)
    items, errors = content.load_folder(folder)
    problems = [error_box(e) for e in errors]
    if not items:
        return widgets.VBox([style(), bar, *problems])
    view = make_view(items, ctx, content.element_names())
    box = widgets.VBox([style(), bar, *problems, view.widget])
    box.view = view
    return box


def session_bar(ctx: PageContext, home: str = "00_start.ipynb") -> widgets.HTML:
    """A line at the top of a module: who is working, and the way back to the start page.

    Inside the participants' app (``ctx.embedded``) the app shows this itself: empty here.
    """
    if ctx.embedded:
        return widgets.HTML()
    back = f'<a href="{esc(ctx.link(home))}" target="_self">← Startpagina</a>'
    if ctx.session is not None:
        text = (
            f"Je werkt als <strong>{esc(ctx.session.participant)}</strong> "
            f"({'zelfstudie' if ctx.session.self_study else 'training ' + esc(ctx.session.workshop)}). "
            "Je antwoorden worden automatisch bewaard."
        )
        kind = "wb-info"
    else:
        text = (
            esc(ctx.problem)
            if ctx.problem
            else ("Je bent niet aangemeld: wat je hier doet, wordt niet bewaard. Meld je aan op de startpagina.")
        )
        kind = "wb-warn"
    bar = widgets.HTML(f'<div class="wb-card wb-session {kind}">{text} {back}</div>')
    bar.add_class("wb-session-bar")
    return bar
