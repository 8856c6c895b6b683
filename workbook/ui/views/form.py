"""A form: a header (student, date) and a text field per part; saved, and downloadable."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

import ipywidgets as widgets

from workbook import export
from workbook.answers import FormAnswer
from workbook.practice import MAX_TEXT
from workbook.ui.common import card, textarea
from workbook.ui.exercise import Exercise
from workbook.ui.html import Markup, html, notice
from workbook.ui.texts import tekst
from workbook.ui.views.downloads import DOCX_MIME, HTML_MIME, DownloadPanel

__all__ = ["FormView", "FormPart"]


class FormPart(Protocol):
    """One part of a form: a heading and the questions it asks."""

    @property
    def titel(self) -> str:
        """The heading."""
        ...

    @property
    def vragen(self) -> Sequence[str]:
        """The questions."""
        ...


class FormView(Exercise[FormAnswer]):
    """A form with a field per part, downloadable as Word or a printable page.

    Parameters
    ----------
    key : str
        Short name (class prefix ``wb-form-{key}``, file name of the download).
    title : str
        The form's title (on screen and in the file).
    intro : Markup
        The explanation above the form.
    parts : sequence of FormPart
        The parts, each with ``titel`` and ``vragen``.
    """

    model = FormAnswer

    def __init__(self, key: str, title: str, intro: Markup, parts: Sequence[FormPart]) -> None:
        self.key = key
        self.title = title
        self.parts = list(parts)
        self.student = widgets.Text(description="Leerling", placeholder=tekst("algemeen.schuilnaam_voorbeeld"))
        self.date = widgets.Text(description="Datum", placeholder=tekst("formulier.datum_voorbeeld"))
        for w in (self.student, self.date):
            w.style.description_width = "90px"
            w.layout.width = "420px"
        self.student.add_class(f"wb-form-{key}-student")
        self.fields: list[widgets.Textarea] = []
        rows: list[widgets.Widget] = []
        for i, part in enumerate(self.parts):
            area = textarea(f"wb-form-{key}-{i}", label=part.titel)
            self.fields.append(area)
            heading = html("<h4>{}</h4><p class='wb-muted'>{}</p>", part.titel, " ".join(part.vragen))
            rows += [widgets.HTML(heading), area]
        self.message = widgets.HTML()
        self.downloads = DownloadPanel(
            f"wb-form-{key}",
            [("word", "Word-bestand", self._word), ("print", "Afdrukbare pagina", self._page)],
            note=tekst("formulier.leeg_downloaden"),
        )
        for w in (self.student, self.date, *self.fields):
            w.observe(lambda _c: self._changed(), names="value")
        self.widget = widgets.VBox(
            [card(intro, title=title), self.student, self.date, *rows, self.message, self.downloads.widget]
        )

    def state(self) -> FormAnswer:
        """Return the header and the text per part."""
        texts = [f.value for f in self.fields]
        return FormAnswer(
            student=self.student.value,
            date=self.date.value,
            answers=texts,
            finished=all(a.strip() for a in texts),
        )

    def restore(self, state: FormAnswer) -> None:
        """Show a saved form (texts cut to the maximum length)."""
        self.student.value = state.student[:80]
        self.date.value = state.date[:40]
        for area, value in zip(self.fields, state.answers, strict=False):
            area.value = value[:MAX_TEXT]
        self.downloads.invalidate()

    def _changed(self) -> None:
        if self.loading:
            return
        self.downloads.invalidate()
        if any(len(f.value) > MAX_TEXT for f in self.fields):
            self.message.value = notice(tekst("formulier.te_lang", max=MAX_TEXT), "wb-error")
            return
        self.message.value = ""
        self.changed()

    def _export_parts(self) -> tuple[dict[str, str], list[tuple[str, list[str], str]], str]:
        header = {"Leerling": self.student.value, "Datum": self.date.value}
        sections = [(p.titel, list(p.vragen), f.value) for p, f in zip(self.parts, self.fields, strict=True)]
        safe = re.sub(r"[^A-Za-z0-9]+", "_", self.student.value).strip("_")[:40]
        return header, sections, self.key + (f"_{safe}" if safe else "")

    def _word(self) -> tuple[bytes, str, str]:
        self.flush()  # save first, always: a download never comes before the answer is stored
        header, sections, name = self._export_parts()
        return export.form_docx(self.title, header, sections), f"{name}.docx", DOCX_MIME

    def _page(self) -> tuple[bytes, str, str]:
        self.flush()
        header, sections, name = self._export_parts()
        return export.form_html(self.title, header, sections).encode("utf-8"), f"{name}.html", HTML_MIME
