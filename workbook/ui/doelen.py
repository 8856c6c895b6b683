"""Module 04: SMARTI goals.

(a) rewrite vague goals with a live SMARTI checklist and reflection checkboxes;
(b) the goal card: turn "doe normaal" into small, fast goals; download it printable or as Word.
"""

from __future__ import annotations

import ipywidgets as widgets

from workbook import content
from workbook.practice import RewriteProgress, goal_tasks, judge_goal
from workbook.ui.exercise import ModulePage, Page, module_page
from workbook.ui.render import judged_goal_html, smarti_html
from workbook.ui.texts import tekst
from workbook.ui.views.goal_card import GoalCardView
from workbook.ui.views.rewrite import RewriteView

__all__ = ["module"]


@module_page("doelen")
def module(page: ModulePage) -> Page:
    """Build module 04: explanation, goal rewriting and the goal card, each saved and restored."""
    data = content.load("smarti")
    people: dict[str, str] = {c.id: c.controlevraag for c in data.criteria if c.beoordeeld_door_mensen}
    rewrite = RewriteView(
        RewriteProgress(goal_tasks(data), judge_goal),
        judged_goal_html,
        "wb-goal",
        data.opdrachten["herschrijven"],
        tekst("doelen.herschrijven_voorbeeld"),
        reflections=people,
    )
    tabs = page.tabs(
        ("SMARTI", widgets.HTML(smarti_html(data))),
        ("Doelen herschrijven", page.mount("herschrijven", rewrite)),
        ("Doelenkaart", page.mount("doelenkaart", GoalCardView(data))),
    )
    return page.done(tabs)
