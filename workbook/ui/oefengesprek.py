"""Module 06: a practice conversation for self-study; the student reacts to what the mentor does."""

from __future__ import annotations

from workbook import content
from workbook.ui.exercise import ModulePage, Page, module_page
from workbook.ui.views.conversation import ConversationView

__all__ = ["module"]


@module_page("oefengesprek")
def module(page: ModulePage) -> Page:
    """Build module 06; a broken script file is reported, the others stay usable."""
    scripts = page.folder("oefengesprekken")
    if not scripts:
        return page.done()
    view = ConversationView(scripts, content.element_names(), page.exercise_for("gesprek"))
    return page.done(page.mount("gesprek", view, view.script.id, key="gesprek"))
