"""The interface's own Dutch texts, from ``exercises/teksten.yaml``.

Instructions, messages, placeholders and headings a participant or facilitator reads live
in that file, next to the rest of the content, so a trainer can change the wording without
touching Python. A text may carry named fields that the code fills in::

    tekst("lab.te_lang", max=MAX_TEXT)  # "Je tekst is te lang (hoogstens {max} tekens). ..."

:func:`tekst` returns plain text (a widget or :func:`~workbook.ui.html.html` escapes it);
:func:`tekst_html` returns the text escaped as :class:`~markupsafe.Markup`, with values that
are ``Markup`` themselves (``<strong>``, ``<em>``) put in as they are, for a sentence with
markup inside it.

A key that is missing, a field the code does not fill (a typo in ``{max}``), a brace that
does not close, or a file that does not validate raises :class:`~workbook.content.ContentError`
with a Dutch message: the module page then shows that message instead of crashing.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter

from workbook import content
from workbook.ui.html import Markup, escape

__all__ = ["tekst", "tekst_html"]

FILE = "exercises/teksten.yaml"


def _stored(key: str) -> str:
    texts = content.load("teksten").teksten
    try:
        return str(texts[key])
    except KeyError:
        raise content.ContentError(
            FILE, [f"De tekst '{key}' ontbreekt. Voeg die toe (kijk naar de andere teksten in dit bestand)."]
        ) from None


def _fill(key: str, text: str, values: Mapping[str, object], template: str) -> str:
    """Fill ``template`` (``text`` itself, or ``text`` escaped) with ``values``; problems in Dutch.

    Only plain names are fields: ``{max.real}``, ``{0}`` or ``{}`` are names the code does not
    give, so a text can never reach into a value's attributes.
    """
    fields = ", ".join("{" + name + "}" for name in sorted(values))
    try:
        names = [name for _text, name, _spec, _conversion in Formatter().parse(text) if name is not None]
        missing = next((name for name in names if name not in values), None)
        if missing is None:
            return template.format_map(values)
    except (ValueError, KeyError, IndexError, AttributeError, TypeError):
        raise content.ContentError(
            FILE,
            [
                f"De tekst '{key}' heeft accolades die niet kloppen. Een veld staat tussen twee accolades, "
                f"zoals {fields}; laat de rest van de tekst zonder accolades."
            ],
        ) from None
    raise content.ContentError(
        FILE,
        [
            f"De tekst '{key}' bevat het veld {{{missing}}}, maar dat vult het werkboek hier niet in. "
            f"Gebruik alleen {fields}, met precies die schrijfwijze."
        ],
    )


def tekst(key: str, **values: object) -> str:
    """Return the text stored under ``key`` (for example ``"elementen.vrij"``), its fields filled.

    Parameters
    ----------
    key : str
        The text's key in ``exercises/teksten.yaml``.
    **values : object
        Values for the named fields of the text, with :meth:`str.format_map`:
        ``tekst("lab.te_lang", max=4000)`` fills ``{max}``. Without values the text is
        returned as it is stored (braces and all).

    Returns
    -------
    str
        The text, not escaped.

    Raises
    ------
    ContentError
        If ``teksten.yaml`` is broken or has no such key, or (with values) if the text has a
        field that is not among ``values`` or braces that do not pair up.

    Examples
    --------
    >>> tekst("lab.te_lang", max=4000)
    'Je tekst is te lang (hoogstens 4000 tekens). Maak hem korter.'
    """
    text = _stored(key)
    return _fill(key, text, values, text) if values else text


def tekst_html(key: str, **values: object) -> Markup:
    """Return the text under ``key`` as HTML: the text escaped, values escaped unless ``Markup``.

    For a sentence with markup inside it: ``tekst_html("quiz.opnieuw", knop=html("<em>{}</em>", label))``.
    The fields and errors are those of :func:`tekst`.
    """
    text = _stored(key)
    return Markup(_fill(key, text, values, escape(text))) if values else escape(text)
