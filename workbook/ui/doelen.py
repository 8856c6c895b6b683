"""Module 04: SMARTI goals.

(a) rewrite vague goals with a live SMARTI checklist and reflection checkboxes;
(b) the goal card: turn "doe normaal" into small, fast goals; download it printable or as Word.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as widgets

from workbook import export, feedback
from workbook.content import SmartiFile
from workbook.practice import GoalCard, RewriteProgress, goal_tasks, judge_goal
from workbook.ui.common import (
    DOCX_MIME,
    PageContext,
    card,
    close_tree,
    esc,
    module_start,
    save_status,
    style,
)
from workbook.ui.components import DownloadPanel, RewriteView, goal_html

__all__ = ["module", "GoalCardView", "REWRITE_EXERCISE", "CARD_EXERCISE"]

REWRITE_EXERCISE = "04_doelen.herschrijven"
CARD_EXERCISE = "04_doelen.doelenkaart"


def explain_html(data: SmartiFile) -> str:
    rows = "".join(
        f"<tr><td><strong>{esc(c.letter)}</strong></td><td><strong>{esc(c.naam)}</strong><br>{esc(c.uitleg)}</td>"
        f"<td><em>{esc(c.controlevraag)}</em></td></tr>"
        for c in data.criteria
    )
    examples = "".join(
        f"<li><strong>Hulpvraag:</strong> {esc(v.hulpvraag)}<br>✘ {esc(v.fout_doel)} "
        f"<span class='wb-muted'>({esc(v.waarom_fout)})</span><br>✔ {esc(v.goed_doel)}</li>"
        for v in data.voorbeelden[:2]
    )
    return (
        f'<div class="wb-card"><p>{esc(data.inleiding)}</p><table class="wb-table">'
        f"<tr><th></th><th>Criterium</th><th>Vraag om te stellen</th></tr>{rows}</table>"
        f"<h4>Van hulpvraag naar leerdoel</h4><ul>{examples}</ul></div>"
    )


def _judged_goal_html(result) -> str:
    return f"<p>{esc(result.summary)}</p>" + goal_html(result.analysis)


class GoalCardView:
    """Edit a goal card: student, vague instruction, small goals (each checked), evaluation date."""

    def __init__(self, data: SmartiFile, saver):
        self.saver = saver
        self.card = GoalCard(instruction=data.doelenkaart.vage_opdracht)
        self.student = widgets.Text(description="Leerling", placeholder="naam of schuilnaam")
        self.student.add_class("wb-card-student")
        self.instruction = widgets.Text(description="Vage opdracht", value=self.card.instruction)
        self.instruction.add_class("wb-card-instruction")
        self.evaluation = widgets.DatePicker(description="Terugkijken op")
        self.evaluation.add_class("wb-card-date")
        for w in (self.student, self.instruction, self.evaluation):
            w.style.description_width = "120px"
            w.layout.width = "460px"
        self.new_goal = widgets.Text(
            placeholder="Ik ... (wat doet de leerling precies?)", layout=widgets.Layout(width="520px")
        )
        self.new_goal.add_class("wb-card-new")
        self.new_feedback = widgets.HTML()
        self.new_feedback.add_class("wb-card-new-feedback")
        self.add_button = widgets.Button(description="Toevoegen", icon="plus", button_style="primary")
        self.add_button.add_class("wb-card-add")
        self.message = widgets.HTML()
        self.message.add_class("wb-card-message")
        self.goals_box = widgets.VBox()
        self.goals_box.add_class("wb-card-goals")
        self.downloads = DownloadPanel(
            "wb-card", [("print", "Afdrukbare pagina", self._page), ("word", "Word-bestand", self._word)]
        )
        self.student.observe(self._on_field, names="value")
        self.instruction.observe(self._on_field, names="value")
        self.evaluation.observe(self._on_field, names="value")
        self.new_goal.observe(self._on_new_goal, names="value")
        self.add_button.on_click(lambda _b: self.add())
        example = data.doelenkaart
        example_html = (
            f"<p><strong>Voorbeeld.</strong> {esc(example.situatie)}</p><ol>"
            + "".join(f"<li>{esc(g)}</li>" for g in example.doelen)
            + f"</ol><p class='wb-muted'>{esc(example.evaluatie)}</p>"
        )
        self.widget = widgets.VBox(
            [
                card(f"<p>{esc(data.opdrachten['doelenkaart'])}</p>"),
                widgets.HTML(
                    f'<details class="wb-card"><summary>Bekijk een voorbeeld</summary>{example_html}</details>'
                ),
                self.student,
                self.instruction,
                self.evaluation,
                widgets.HBox([self.new_goal, self.add_button]),
                self.new_feedback,
                self.message,
                self.goals_box,
                self.downloads.widget,
            ]
        )
        self._render()

    # --- state ------------------------------------------------------------------------

    def restore(self, state: dict[str, Any] | None) -> None:
        if not isinstance(state, dict):
            return
        self.card = GoalCard.from_state(state)
        self._loading = True
        self.student.value = self.card.student
        self.instruction.value = self.card.instruction
        self.evaluation.value = self.card.evaluation
        self._loading = False
        self._render()

    def _save(self, immediate: bool = False) -> None:
        self.saver.change(self.card.state(), immediate=immediate)

    # --- callbacks ----------------------------------------------------------------------

    def _on_field(self, _change) -> None:
        if getattr(self, "_loading", False):
            return
        self.card.student = " ".join(str(self.student.value or "").split())[:80]
        self.card.instruction = " ".join(str(self.instruction.value or "").split())[:200]
        value = self.evaluation.value
        self.card.evaluation = value if isinstance(value, date) else None
        self._save()  # save first: nothing on screen may come between typing and storing
        self._render()

    def _on_new_goal(self, change) -> None:
        text = change["new"] if isinstance(change["new"], str) else ""
        self.new_feedback.value = goal_html(feedback.check_goal(text)) if text.strip() else ""

    def add(self) -> None:
        problem = self.card.add(self.new_goal.value)
        if problem:
            self.message.value = f'<div class="wb-card wb-error">{esc(problem)}</div>'
            return
        self.message.value = ""
        self.new_goal.value = ""
        self._render()
        self._save(immediate=True)

    def _remove(self, index: int) -> None:
        self.card.remove(index)
        self._render()
        self._save(immediate=True)

    def _move(self, index: int, step: int) -> None:
        self.card.move(index, step)
        self._render()
        self._save(immediate=True)

    # --- rendering ------------------------------------------------------------------------

    def _render(self) -> None:
        rows = []
        for i, (goal, check) in enumerate(zip(self.card.goals, self.card.checks(), strict=True)):
            small = check.criteria["specifiek"] and check.criteria["positief"]
            mark = "✔ concreet en positief" if small else "✘ " + (check.tips[0] if check.tips else "")
            text = widgets.HTML(
                f'<div class="wb-goal-row"><strong>{i + 1}. {esc(goal)}</strong><br>'
                f'<span class="{"wb-ok-line" if small else "wb-bad-line"}">{esc(mark)}</span></div>',
                layout=widgets.Layout(width="620px"),
            )
            up = widgets.Button(icon="arrow-up", tooltip="Omhoog", layout=widgets.Layout(width="40px"), disabled=i == 0)
            down = widgets.Button(
                icon="arrow-down",
                tooltip="Omlaag",
                layout=widgets.Layout(width="40px"),
                disabled=i == len(self.card.goals) - 1,
            )
            remove = widgets.Button(icon="trash", tooltip="Verwijderen", layout=widgets.Layout(width="40px"))
            up.add_class("wb-goal-up")
            down.add_class("wb-goal-down")
            remove.add_class("wb-goal-remove")
            up.on_click(lambda _b, k=i: self._move(k, -1))
            down.on_click(lambda _b, k=i: self._move(k, 1))
            remove.on_click(lambda _b, k=i: self._remove(k))
            rows.append(widgets.HBox([text, up, down, remove]))
        old, self.goals_box.children = self.goals_box.children, rows
        for row in old:
            close_tree(row)
        problems = self.card.problems()
        self.downloads.block("Om de kaart te downloaden: " + " ".join(problems) if problems else None)
        self.downloads.invalidate()

    def _file_name(self) -> str:
        return "".join(c if c.isalnum() else "_" for c in self.card.student)[:40] or "leerling"

    def _page(self) -> tuple[bytes, str, str]:
        self.saver.flush()  # save first, always
        html_page = export.goal_card_html(self.card).encode("utf-8")
        return html_page, f"doelenkaart_{self._file_name()}.html", "text/html;charset=utf-8"

    def _word(self) -> tuple[bytes, str, str]:
        self.saver.flush()
        return export.goal_card_docx(self.card), f"doelenkaart_{self._file_name()}.docx", DOCX_MIME


def module(ctx: PageContext | None = None) -> widgets.Widget:
    """Build module 04: explanation, goal rewriting and the goal card, each saved and restored."""
    ctx, bar, data, failed = module_start("smarti", ctx)
    if failed is not None:
        return failed
    rewrite_status = save_status()
    rewrite_saver = ctx.autosaver(REWRITE_EXERCISE, rewrite_status)
    progress = RewriteProgress(goal_tasks(data), judge_goal)
    progress.restore(rewrite_saver.load())
    people = {c.id: c.controlevraag for c in data.criteria if c.beoordeeld_door_mensen}
    rewrite = RewriteView(
        progress,
        _judged_goal_html,
        rewrite_saver,
        "wb-goal",
        data.opdrachten["herschrijven"],
        "Typ hier het herschreven doel...",
        reflections=people,
    )
    rewrite.widget.children = (*rewrite.widget.children, rewrite_status)
    card_status = save_status()
    card_saver = ctx.autosaver(CARD_EXERCISE, card_status)
    card_view = GoalCardView(data, card_saver)
    card_view.restore(card_saver.load())
    card_view.widget.children = (*card_view.widget.children, card_status)
    tabs = widgets.Tab(children=[widgets.HTML(explain_html(data)), rewrite.widget, card_view.widget])
    tabs.titles = ("SMARTI", "Doelen herschrijven", "Doelenkaart")
    box = widgets.VBox([style(), bar, tabs])
    box.rewrite, box.card_view = rewrite, card_view
    return box
