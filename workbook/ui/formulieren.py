"""Module 07: the two conversation forms, to fill in on screen and download (Word or printable)."""

from __future__ import annotations

import re
from typing import Any

import ipywidgets as widgets

from workbook import export
from workbook.content import Formulier
from workbook.practice import MAX_TEXT
from workbook.ui.common import (
    DOCX_MIME,
    PageContext,
    card,
    esc,
    module_start,
    save_status,
    style,
    textarea,
)
from workbook.ui.components import DownloadPanel

__all__ = ["module", "FormView", "EXERCISE_PREFIX"]

EXERCISE_PREFIX = "07_formulieren."


def form_intro(form: Formulier) -> str:
    return (
        f"<p><strong>Wie vult het in:</strong> {esc(form.wie)}</p><p><strong>Wanneer:</strong> {esc(form.wanneer)}</p>"
    )


class FormView:
    """A form: a header (student, date) and a text field per part (``titel``, ``vragen``); saved and downloadable."""

    def __init__(self, key: str, title: str, intro_html: str, parts, saver):
        self.key = key
        self.title = title
        self.parts = list(parts)
        self.saver = saver
        self.student = widgets.Text(description="Leerling", placeholder="naam of schuilnaam")
        self.date = widgets.Text(description="Datum", placeholder="bijvoorbeeld 3 december")
        for w in (self.student, self.date):
            w.style.description_width = "90px"
            w.layout.width = "420px"
        self.student.add_class(f"wb-form-{key}-student")
        self.fields = []
        rows = []
        for i, part in enumerate(self.parts):
            area = textarea(f"wb-form-{key}-{i}")
            self.fields.append(area)
            rows += [
                widgets.HTML(f"<h4>{esc(part.titel)}</h4><p class='wb-muted'>{esc(' '.join(part.vragen))}</p>"),
                area,
            ]
        self.message = widgets.HTML()
        self.downloads = DownloadPanel(
            f"wb-form-{key}",
            [("word", "Word-bestand", self._word), ("print", "Afdrukbare pagina", self._page)],
            note="Leeg laten en downloaden geeft een leeg formulier om uit te delen.",
        )
        for w in (self.student, self.date, *self.fields):
            w.observe(lambda _c: self._changed(), names="value")
        self.widget = widgets.VBox(
            [
                card(intro_html, title=title),
                self.student,
                self.date,
                *rows,
                self.message,
                self.downloads.widget,
            ]
        )

    def state(self) -> dict[str, Any]:
        answers = [f.value for f in self.fields]
        return {
            "student": self.student.value,
            "date": self.date.value,
            "answers": answers,
            "finished": all(a.strip() for a in answers),
        }

    def restore(self, state: dict[str, Any] | None) -> None:
        if not isinstance(state, dict):
            return
        self._loading = True
        self.student.value = str(state.get("student") or "")[:80]
        self.date.value = str(state.get("date") or "")[:40]
        for field, value in zip(self.fields, state.get("answers") or [], strict=False):
            field.value = str(value or "")[:MAX_TEXT]
        self._loading = False
        self.downloads.invalidate()

    def _changed(self) -> None:
        if getattr(self, "_loading", False):
            return
        self.downloads.invalidate()
        if any(len(f.value) > MAX_TEXT for f in self.fields):
            self.message.value = (
                f'<div class="wb-card wb-error">Een antwoord is te lang (hoogstens {MAX_TEXT} '
                "tekens). Maak het korter; wat je eerder bewaarde, blijft bewaard.</div>"
            )
            return
        self.message.value = ""
        self.saver.change(self.state())

    def _export_parts(self) -> tuple[dict[str, str], list[tuple[str, list[str], str]], str]:
        header = {"Leerling": self.student.value, "Datum": self.date.value}
        sections = [(p.titel, list(p.vragen), f.value) for p, f in zip(self.parts, self.fields, strict=True)]
        safe = re.sub(r"[^A-Za-z0-9]+", "_", self.student.value).strip("_")[:40]
        return header, sections, self.key + (f"_{safe}" if safe else "")

    def _word(self) -> tuple[bytes, str, str]:
        self.saver.flush()  # save first, always: a download never comes before the answer is stored
        header, sections, name = self._export_parts()
        return export.form_docx(self.title, header, sections), f"{name}.docx", DOCX_MIME

    def _page(self) -> tuple[bytes, str, str]:
        self.saver.flush()
        header, sections, name = self._export_parts()
        return export.form_html(self.title, header, sections).encode("utf-8"), f"{name}.html", "text/html;charset=utf-8"


def module(ctx: PageContext | None = None) -> widgets.Widget:
    """Build module 07: one tab per form, each saved and restored."""
    ctx, bar, data, failed = module_start("formulieren", ctx)
    if failed is not None:
        return failed
    views = []
    for form in data.formulieren:
        status = save_status()
        saver = ctx.autosaver(EXERCISE_PREFIX + form.id, status)
        view = FormView(form.id, form.naam, form_intro(form), form.onderdelen, saver)
        view.restore(saver.load())
        view.widget.children = (*view.widget.children, status)
        views.append(view)
    tabs = widgets.Tab(
        children=[
            widgets.HTML(f'<div class="wb-card"><p>{esc(data.inleiding)}</p></div>'),
            *(v.widget for v in views),
        ]
    )
    tabs.titles = (
        "Uitleg",
        *(("Voorbereiding (leerling)" if v.key == "voorbereiding" else "Gesprek (mentor)") for v in views),
    )
    box = widgets.VBox([style(), bar, tabs])
    box.views = {v.key: v for v in views}
    return box
