"""Small helpers shared by the unit tests."""

from __future__ import annotations

import ipywidgets as widgets


def widget_html(widget) -> str:
    """All HTML text below a widget, or a page object with a ``widget`` (what a participant would see)."""
    if not isinstance(widget, widgets.Widget) and hasattr(widget, "widget"):
        widget = widget.widget
    out: list[str] = []
    if isinstance(widget, widgets.HTML):
        out.append(widget.value)
    for child in getattr(widget, "children", ()):
        out.append(widget_html(child))
    return "\n".join(out)


def file_bytes(path) -> bytes:  # noqa: ANN001 - a pathlib.Path
    """Return an SQLite database file with its write-ahead log and shared memory, as stored on disk."""
    data = b""
    for suffix in ("", "-wal", "-shm"):
        p = path.parent / (path.name + suffix)
        if p.exists():
            data += p.read_bytes()
    return data
