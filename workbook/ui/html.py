"""HTML that escapes by default.

Every fragment of HTML in the interface is a :class:`Markup` (from MarkupSafe, which comes
with Jupyter). A fragment is built from a trusted template written in this package with
:func:`html`, and every value put into it is escaped, unless that value is itself
``Markup`` (a fragment built the same way). Text from content files or participants can
therefore only reach a widget escaped; forgetting an ``escape()`` is no longer possible.

Voilà executes scripts inside ``widgets.HTML``, so this matters: the interface functions
take ``Markup`` where they take HTML, and the type checker rejects a plain ``str``.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

__all__ = ["Markup", "escape", "html", "join", "bullets", "notice", "EMPTY"]

EMPTY = Markup("")


def html(template: str, *args: object, **kwargs: object) -> Markup:
    """Fill a trusted template; every argument is escaped unless it is ``Markup``.

    Parameters
    ----------
    template : str
        HTML written in this package, with ``{}`` / ``{name}`` fields (``str.format``).
    *args, **kwargs : object
        The values; text is escaped (quotes too), ``Markup`` is inserted as it is.

    Returns
    -------
    Markup
        The fragment.

    Examples
    --------
    >>> html("<p>{}</p>", "<script>")
    Markup('<p>&lt;script&gt;</p>')
    """
    return Markup(template).format(*args, **kwargs)


def join(parts: Iterable[object], sep: str = "") -> Markup:
    """Join fragments and texts (texts escaped) with a trusted separator."""
    return Markup(sep).join(escape(p) for p in parts)


def bullets(items: Iterable[object], css: str = "") -> Markup:
    """Return an escaped ``<ul>`` list."""
    rows = join(html("<li>{}</li>", i) for i in items)
    return html('<ul class="{}">{}</ul>', css, rows) if css else html("<ul>{}</ul>", rows)


def notice(text: object, kind: str = "wb-info") -> Markup:
    """Return text (escaped unless Markup) as a coloured card."""
    return html('<div class="wb-card {}">{}</div>', kind, text)
