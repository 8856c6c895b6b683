"""Module 10: the limits of the mentor role: what belongs to it, what you pass on, and the school's dialogue."""

from __future__ import annotations

import ipywidgets as widgets

from workbook.content import MentorrolFile
from workbook.practice import role_quiz
from workbook.ui.common import (
    PageContext,
    bullets,
    esc,
    module_start,
    save_status,
    style,
)
from workbook.ui.components import saved_quiz
from workbook.ui.formulieren import FormView

__all__ = ["module", "QUIZ_EXERCISE", "DIALOGUE_EXERCISE"]

QUIZ_EXERCISE = "10_mentorrol.quiz"
DIALOGUE_EXERCISE = "10_mentorrol.gesprek"


def explain_html(data: MentorrolFile) -> str:
    return (
        f'<div class="wb-card"><p>{esc(data.inleiding)}</p>'
        f"<h4>Dit hoort bij de mentor</h4>{bullets(data.wel_mentortaak)}"
        f"<h4>Dit geef je door</h4>{bullets(data.niet_mentortaak)}"
        f'<div class="wb-card wb-info">{esc(data.doorverwijzen)}</div>'
        "<h4>Thema's die extra aandacht verdienen</h4>"
        + "".join(f"<p><strong>{esc(a.titel)}.</strong> {esc(' '.join(a.vragen))}</p>" for a in data.aandachtspunten)
        + "</div>"
    )


def module(ctx: PageContext | None = None, seed: int | None = None) -> widgets.Widget:
    """Build module 10: explanation, a quiz on what belongs to the mentor, and notes for the school dialogue."""
    ctx, bar, data, failed = module_start("mentorrol", ctx)
    if failed is not None:
        return failed
    quiz = saved_quiz(
        ctx,
        QUIZ_EXERCISE,
        lambda: role_quiz(data, seed=seed),
        intro="Hoort deze taak bij de mentor, of geef je hem door?",
    )
    status = save_status()
    saver = ctx.autosaver(DIALOGUE_EXERCISE, status)
    dialogue = FormView(
        "mentorrol",
        "Voorbereiding professioneel gesprek over het mentoraat",
        "<p>Bereid het gesprek op jouw school voor. Schrijf per onderwerp op hoe het nu gaat en wat je zou "
        "willen. Download je aantekeningen om mee te nemen.</p>",
        data.onderwerpen,
        saver,
    )
    dialogue.restore(saver.load())
    dialogue.widget.children = (*dialogue.widget.children, status)
    tabs = widgets.Tab(children=[widgets.HTML(explain_html(data)), quiz.widget, dialogue.widget])
    tabs.titles = ("De mentorrol", "Wel of niet?", "Gesprek op school")
    box = widgets.VBox([style(), bar, tabs])
    box.quiz_view, box.dialogue = quiz, dialogue
    return box
