"""Module 08: the leerlingbespreking, with a green lens: characteristics, parts, question practice, HGW."""

from __future__ import annotations

import ipywidgets as widgets

from workbook.content import HgwFile, LeerlingbesprekingFile
from workbook.practice import RewriteProgress, judge_green, meeting_quiz, meeting_tasks
from workbook.ui.common import (
    PageContext,
    bullets,
    esc,
    load_content,
    module_start,
    save_status,
    style,
)
from workbook.ui.components import RewriteView, question_html, saved_quiz

__all__ = ["module", "QUIZ_EXERCISE", "REWRITE_EXERCISE"]

QUIZ_EXERCISE = "08_leerlingbespreking.sorteren"
REWRITE_EXERCISE = "08_leerlingbespreking.herschrijven"


def explain_html(data: LeerlingbesprekingFile) -> str:
    kenmerken = "".join(
        f"<tr><td><strong>{esc(k.naam)}</strong></td><td><em>{esc(k.vraag)}</em><br>{esc(k.uitleg)}</td></tr>"
        for k in data.kenmerken
    )
    onderdelen = "".join(
        f"<h4>{i}. {esc(o.naam)}</h4><p>{esc(o.uitleg)}</p>{bullets(o.vragen)}"
        for i, o in enumerate(data.onderdelen, 1)
    )
    return (
        f'<div class="wb-card"><p>{esc(data.inleiding)}</p><h4>Het doel</h4>{bullets(data.doelen)}'
        f'<h4>Vijf kenmerken</h4><table class="wb-table">{kenmerken}</table>'
        f"<h3>Drie onderdelen</h3>{onderdelen}</div>"
    )


def hgw_html(data: HgwFile) -> str:
    """The seven principles of handelingsgericht werken (HGW), each with what it asks of a mentor."""
    rows = "".join(
        f"<tr><td><strong>{p.nummer}. {esc(p.naam)}</strong></td><td>{esc(p.uitleg)}"
        f"<br><em>Als mentor: {esc(p.voor_de_mentor)}</em></td></tr>"
        for p in data.principes
    )
    return f'<div class="wb-card wb-hgw"><p>{esc(data.inleiding)}</p><table class="wb-table">{rows}</table></div>'


def _hgw_tab() -> widgets.Widget:
    data, error = load_content("hgw")  # a broken hgw.yaml costs this tab only
    return error if error is not None else widgets.HTML(hgw_html(data))


def _judged_html(result) -> str:
    mark = "✔" if result.ok else "✘"
    css = "wb-ok-line" if result.ok else "wb-bad-line"
    return f'<p class="{css}">{mark} {esc(result.summary)}</p>' + question_html(result.analysis)


def module(ctx: PageContext | None = None, seed: int | None = None) -> widgets.Widget:
    """Build module 08: explanation, sorting questions, and rewriting them solution-oriented."""
    ctx, bar, data, failed = module_start("leerlingbespreking", ctx)
    if failed is not None:
        return failed
    quiz = saved_quiz(
        ctx,
        QUIZ_EXERCISE,
        lambda: meeting_quiz(data, seed=seed),
        intro="Zo klinken vragen in een leerlingbespreking. Is de vraag probleemgericht of oplossingsgericht?",
    )
    status = save_status()
    saver = ctx.autosaver(REWRITE_EXERCISE, status)
    progress = RewriteProgress(meeting_tasks(data), judge_green)
    progress.restore(saver.load())
    rewrite = RewriteView(
        progress,
        _judged_html,
        saver,
        "wb-meeting",
        "Herschrijf de vraag zo dat het team gaat kijken naar wat de leerling wil, kan en nodig heeft.",
        "Typ hier je oplossingsgerichte vraag...",
    )
    rewrite.widget.children = (*rewrite.widget.children, status)
    tabs = widgets.Tab(children=[widgets.HTML(explain_html(data)), quiz.widget, rewrite.widget, _hgw_tab()])
    tabs.titles = ("De bespreking", "Sorteren", "Herschrijven", "HGW-principes")
    box = widgets.VBox([style(), bar, tabs])
    box.quiz_view, box.rewrite = quiz, rewrite
    return box
