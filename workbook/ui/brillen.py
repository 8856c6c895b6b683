"""Module 03: the red and the green lens, open and closed questions.

(a) sort questions into red and green; (b) rewrite red into green and (c) closed into open,
with live feedback and a model answer after an attempt; (d) a question lab.
"""

from __future__ import annotations

import ipywidgets as widgets

from workbook import feedback
from workbook.practice import (
    RewriteProgress,
    closed_to_open_tasks,
    judge_green,
    judge_open,
    lens_quiz,
    red_to_green_tasks,
)
from workbook.ui.common import (
    PageContext,
    bullets,
    esc,
    load_content,
    page_context,
    save_status,
    session_bar,
    style,
)
from workbook.ui.components import LabView, RewriteView, lens_badge, question_html, saved_quiz

__all__ = ["module", "SORT_EXERCISE", "GREEN_EXERCISE", "OPEN_EXERCISE", "LAB_EXERCISE"]

SORT_EXERCISE = "03_brillen.sorteren"
GREEN_EXERCISE = "03_brillen.rood_groen"
OPEN_EXERCISE = "03_brillen.open_vragen"
LAB_EXERCISE = "03_brillen.lab"


def _judged_html(result) -> str:
    mark = "✔" if result.ok else "✘"
    return (
        f'<p class="{"wb-ok-line" if result.ok else "wb-bad-line"}">{mark} {esc(result.summary)}</p>'
        + question_html(result.analysis)
    )


def module(ctx: PageContext | None = None, seed: int | None = None) -> widgets.Widget:
    """Build module 03 with its four exercises, each saved and restored."""
    ctx = ctx or page_context()
    bar = session_bar(ctx)
    lenses, error = load_content("brillen")
    questions, error2 = load_content("open_gesloten")
    if error is not None or error2 is not None:
        return widgets.VBox([style(), bar, *(e for e in (error, error2) if e is not None)])

    explain_parts = [f"<p>{esc(lenses.inleiding)}</p>"]
    for b in lenses.brillen:
        explain_parts.append(
            f"<h4>{lens_badge(b.kleur)} {esc(b.naam)}</h4><p>{esc(b.kijkt_naar)}</p>"
            f"{bullets(b.kenmerken)}<p><em>{esc(b.effect)}</em></p>"
        )
    explain_parts.append(
        f"<h4>Open en gesloten vragen</h4><p>{esc(questions.inleiding)}</p>"
        f"<p>{esc(questions.open_uitleg)}</p><p>{esc(questions.gesloten_uitleg)}</p>"
    )
    explain = widgets.HTML(f'<div class="wb-card">{"".join(explain_parts)}</div>')

    sort_view = saved_quiz(
        ctx, SORT_EXERCISE, lambda: lens_quiz(lenses, n=10, seed=seed), intro=lenses.opdrachten["sorteren"]
    )

    def rewrite(tasks, judge, exercise, css, intro, placeholder):
        status = save_status()
        saver = ctx.autosaver(exercise, status)
        progress = RewriteProgress(tasks, judge)
        progress.restore(saver.load())
        view = RewriteView(progress, _judged_html, saver, css, intro, placeholder)
        view.widget.children = (*view.widget.children, status)
        return view

    green_view = rewrite(
        red_to_green_tasks(lenses),
        judge_green,
        GREEN_EXERCISE,
        "wb-green",
        lenses.opdrachten["herschrijven"],
        "Typ hier je groene vraag...",
    )
    open_view = rewrite(
        closed_to_open_tasks(questions),
        judge_open,
        OPEN_EXERCISE,
        "wb-open",
        questions.opdracht,
        "Typ hier je open vraag...",
    )

    lab_status = save_status()
    lab_saver = ctx.autosaver(LAB_EXERCISE, lab_status)
    lab = LabView(
        lambda text: question_html(feedback.analyse_question(text)),
        lab_saver,
        "wb-lab",
        lenses.opdrachten["lab"],
        "Typ een vraag, bijvoorbeeld: Wanneer lukt het wel?",
    )
    lab.restore(lab_saver.load())
    lab.widget.children = (*lab.widget.children, lab_status)

    tabs = widgets.Tab(children=[explain, sort_view.widget, green_view.widget, open_view.widget, lab.widget])
    tabs.titles = ("Uitleg", "Sorteren", "Rood → groen", "Gesloten → open", "Vragenlab")
    box = widgets.VBox([style(), bar, tabs])
    box.sort_view, box.green_view, box.open_view, box.lab = sort_view, green_view, open_view, lab
    return box
