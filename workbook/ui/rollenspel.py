"""Module 05: role-play in threes (mentor, student, observer) with timer, tally board and debrief."""

from __future__ import annotations

from workbook import content
from workbook.ui.exercise import ModulePage, Page, module_page
from workbook.ui.views.roleplay import RoleplayView

__all__ = ["module"]


@module_page("rollenspel")
def module(page: ModulePage) -> Page:
    """Build module 05; a broken scenario file is reported, the others stay usable."""
    scenarios = page.folder("rollenspellen")
    if not scenarios:
        return page.done()
    view = RoleplayView(scenarios, content.element_names(), page.ctx)
    return page.done(page.mount("ronde", view))
