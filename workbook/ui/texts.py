"""The interface's own Dutch texts, from ``exercises/teksten.yaml``.

Instructions and introductions a participant reads live in that file, next to the rest
of the content, so a trainer can change the wording without touching Python. A key that
is missing, or a file that does not validate, raises :class:`~workbook.content.ContentError`
with a Dutch message: the module page then shows that message instead of crashing.
"""

from __future__ import annotations

from workbook import content

__all__ = ["tekst"]


def tekst(key: str) -> str:
    """Return the text stored under ``key`` (for example ``"elementen.vrij.uitleg"``).

    Raises
    ------
    ContentError
        If ``teksten.yaml`` is broken or has no such key.
    """
    texts = content.load("teksten").teksten
    try:
        return str(texts[key])
    except KeyError:
        raise content.ContentError(
            "exercises/teksten.yaml",
            [f"De tekst '{key}' ontbreekt. Voeg die toe (kijk naar de andere teksten in dit bestand)."],
        ) from None
