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
