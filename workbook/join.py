"""Joining a training in seconds: the participants' link with the code in it, and its QR code.

The QR code is made on this machine with ``segno`` (no network); a phone camera opens the
link, the start page fills in the training code, and the participant only types a name.
"""

from __future__ import annotations

import os
from urllib.parse import quote

import segno

from workbook import session

__all__ = ["join_links", "qr_svg", "START_PATH"]

START_PATH = "voila/render/00_start.ipynb"


def join_links(code: str, port: str | int | None = None) -> list[str]:
    """Return the participants' links for training ``code``: one per network address of this machine.

    On a workshop server (``make workshop HOST=0.0.0.0``) these are the machine's addresses on
    the local network; otherwise the server only listens on this computer and the one link is
    ``localhost`` (the page says phones cannot reach it then).
    """
    from workbook.serve import lan_addresses  # light: no Voilà import

    port = port or os.environ.get("SERVER_PORT") or "8866"
    hosts = (lan_addresses() or ["localhost"]) if session.training_mode() else ["localhost"]
    return [f"http://{host}:{port}/{START_PATH}?code={quote(code)}" for host in hosts]


def qr_svg(link: str, scale: int = 10) -> str:
    """Return the QR code of ``link`` as inline SVG (black on white, quiet zone included)."""
    return segno.make(link, error="m").svg_inline(scale=scale, dark="#000000", light="#ffffff", border=4)
