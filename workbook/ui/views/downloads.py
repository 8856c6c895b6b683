"""Files made on request (Word, a printable page) and offered as a download link."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable

import ipywidgets as widgets

from workbook.ui.html import Markup, html, notice
from workbook.ui.texts import tekst

__all__ = ["DownloadPanel", "download_link", "FileBuilder", "DOCX_MIME", "HTML_MIME"]

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML_MIME = "text/html;charset=utf-8"
FileBuilder = Callable[[], tuple[bytes, str, str]]  # () -> (data, filename, mime)


def download_link(data: bytes, filename: str, label: str, mime: str, css: str = "") -> Markup:
    """Return an ``<a download>`` with the file inlined as a data URI (works in Voilà without a server route)."""
    b64 = base64.b64encode(data).decode("ascii")
    return html(
        '<a class="wb-download {}" download="{}" href="data:{};base64,{}">⬇ {}</a>', css, filename, mime, b64, label
    )


class DownloadPanel:
    """Buttons that make a file only when asked, then offer it as a download link.

    Nothing is built while a participant types (a Word file takes about 0.1 s), and a file
    that cannot be made only shows a Dutch message here: saving the answers is separate and
    has already happened.

    Parameters
    ----------
    css : str
        Class prefix; a file's button gets ``{css}-{key}-make`` and its link ``{css}-{key}``.
    files : list of (key, label, builder)
        ``builder()`` returns ``(data, filename, mime)`` from the current answers.
    note : str
        A muted line under the buttons.
    """

    def __init__(self, css: str, files: list[tuple[str, str, FileBuilder]], note: str = "") -> None:
        self.css = css
        self._files = files
        self._blocked: str | None = None
        self.buttons = []
        for key, label, _builder in files:
            button = widgets.Button(description=f"{label} maken", icon="download", layout=widgets.Layout(width="auto"))
            button.add_class(f"{css}-{key}-make")
            button.on_click(lambda _b, k=key: self.make(k))
            self.buttons.append(button)
        self.links = widgets.HTML()
        self.links.add_class(f"{css}-links")
        self.reason = widgets.HTML()
        self.note = widgets.HTML(html("<p class='wb-muted'>{}</p>", note) if note else "")
        self.widget = widgets.VBox(
            [
                self.reason,
                widgets.HBox(self.buttons, layout=widgets.Layout(flex_flow="row wrap")),
                self.links,
                self.note,
            ]
        )
        self.widget.add_class(css)

    def block(self, reason: str | None) -> None:
        """Disable the buttons with a reason (e.g. a field is missing), or enable them (``None``)."""
        self._blocked = reason
        for button in self.buttons:
            button.disabled = reason is not None
        self.reason.value = notice(reason, "wb-muted") if reason else ""
        if reason:
            self.links.value = ""

    def invalidate(self) -> None:
        """Remove an earlier link: the answers changed, and it would hand out old text."""
        if self.links.value:
            self.links.value = ""

    def make(self, key: str) -> bool:
        """Build one file and show its link; returns whether it worked."""
        if self._blocked is not None:  # a crafted click on a disabled button
            self.reason.value = notice(self._blocked, "wb-error")
            return False
        found = [(label, builder) for k, label, builder in self._files if k == key]
        if not found:
            return False
        label, builder = found[0]
        try:
            data, filename, mime = builder()
        except Exception:  # noqa: BLE001 - a broken export must never take the page down
            logging.getLogger(__name__).exception("building the %s download failed", key)
            self.links.value = notice(tekst("downloads.mislukt"), "wb-error")
            return False
        link = download_link(data, filename, f"{label} downloaden", mime, f"{self.css}-{key}")
        self.links.value = html('<div class="wb-card wb-ok">Klaar: {}</div>', link)
        return True
