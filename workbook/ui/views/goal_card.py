"""The goal card: turn a vague instruction ("doe normaal") into small, fast goals."""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from workbook import export, feedback
from workbook.answers import GoalCardAnswer
from workbook.content import SmartiFile
from workbook.practice import GoalCard
from workbook.ui.common import card, close_tree
from workbook.ui.exercise import Exercise
from workbook.ui.html import EMPTY, html, join, notice
from workbook.ui.render import goal_html
from workbook.ui.texts import tekst
from workbook.ui.views.downloads import DOCX_MIME, HTML_MIME, DownloadPanel

__all__ = ["GoalCardView"]


class GoalCardView(Exercise[GoalCardAnswer]):
    """Edit a goal card: student, vague instruction, small goals (each checked), evaluation date.

    Parameters
    ----------
    data : SmartiFile
        The module's content (instruction, example card).
    """

    model = GoalCardAnswer

    def __init__(self, data: SmartiFile) -> None:
        self.card = GoalCard(instruction=data.doelenkaart.vage_opdracht)
        self.student = widgets.Text(description="Leerling", placeholder=tekst("algemeen.schuilnaam_voorbeeld"))
        self.student.add_class("wb-card-student")
        self.instruction = widgets.Text(description="Vage opdracht", value=self.card.instruction)
        self.instruction.add_class("wb-card-instruction")
        self.evaluation = widgets.DatePicker(description="Terugkijken op")
        self.evaluation.add_class("wb-card-date")
        for w in (self.student, self.instruction, self.evaluation):
            w.style.description_width = "120px"
            w.layout.width = "460px"
        self.new_goal = widgets.Text(
            placeholder=tekst("doelen.kaart_doel_voorbeeld"), layout=widgets.Layout(width="520px")
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
        self.accept_weak = widgets.Checkbox(description=tekst("doelen.kaart_toch"), indent=False)
        self.accept_weak.layout.width = "auto"
        self.accept_weak.add_class("wb-card-accept-weak")
        self.accept_weak.observe(lambda _c: self._render(), names="value")
        self.weak_warning = widgets.HTML()
        self.weak_warning.add_class("wb-card-weak-warning")
        self.downloads = DownloadPanel(
            "wb-card", [("print", "Afdrukbare pagina", self._page), ("word", "Word-bestand", self._word)]
        )
        for w in (self.student, self.instruction, self.evaluation):
            w.observe(lambda _c: self._on_field(), names="value")
        self.new_goal.observe(lambda _c: self._on_new_goal(), names="value")
        self.add_button.on_click(lambda _b: self.add())
        example = data.doelenkaart
        example_html = html(
            "<p><strong>Voorbeeld.</strong> {}</p><ol>{}</ol><p class='wb-muted'>{}</p>",
            example.situatie,
            join(html("<li>{}</li>", g) for g in example.doelen),
            example.evaluatie,
        )
        self.widget = widgets.VBox(
            [
                card(html("<p>{}</p>", data.opdrachten["doelenkaart"])),
                widgets.HTML(
                    html(
                        '<details class="wb-card"><summary>{}</summary>{}</details>',
                        tekst("doelen.kaart_voorbeeld_bekijken"),
                        example_html,
                    )
                ),
                self.student,
                self.instruction,
                self.evaluation,
                widgets.HBox([self.new_goal, self.add_button]),
                self.new_feedback,
                self.message,
                self.goals_box,
                self.weak_warning,
                self.accept_weak,
                self.downloads.widget,
            ]
        )
        self._render()

    # --- answer -------------------------------------------------------------------------

    def state(self) -> GoalCardAnswer:
        """Return the card as it is now."""
        return GoalCardAnswer.model_validate(self.card.state())

    def restore(self, state: GoalCardAnswer) -> None:
        """Show a saved card."""
        self.card = GoalCard.from_state(state.dump())
        self.student.value = self.card.student
        self.instruction.value = self.card.instruction
        self.evaluation.value = self.card.evaluation
        self._render()

    # --- callbacks ------------------------------------------------------------------------

    def _on_field(self) -> None:
        if self.loading:
            return
        self.card.student = " ".join(str(self.student.value or "").split())[:80]
        self.card.instruction = " ".join(str(self.instruction.value or "").split())[:200]
        value = self.evaluation.value
        self.card.evaluation = value if isinstance(value, date) else None
        self.changed()  # save first: nothing on screen may come between typing and storing
        self._render()

    def _on_new_goal(self) -> None:
        text = self.new_goal.value if isinstance(self.new_goal.value, str) else ""
        self.new_feedback.value = goal_html(feedback.check_goal(text)) if text.strip() else EMPTY

    def add(self) -> None:
        """Add the typed goal to the card (or say in Dutch why not)."""
        problem = self.card.add(self.new_goal.value)
        if problem:
            self.message.value = notice(problem, "wb-error")
            return
        self.message.value = ""
        self.new_goal.value = ""
        self._render()
        self.changed(immediate=True)

    def _remove(self, index: int) -> None:
        self.card.remove(index)
        self._render()
        self.changed(immediate=True)

    def _move(self, index: int, step: int) -> None:
        self.card.move(index, step)
        self._render()
        self.changed(immediate=True)

    # --- rendering ------------------------------------------------------------------------

    def _row(self, i: int, goal: str, check: feedback.GoalCheck) -> widgets.HBox:
        small = check.criteria["specifiek"] and check.criteria["positief"]
        mark = "✔ " + tekst("doelen.kaart_klein") if small else "✘ " + (check.tips[0] if check.tips else "")
        text = widgets.HTML(
            html(
                '<div class="wb-goal-row"><strong>{}. {}</strong><br><span class="{}">{}</span></div>',
                i + 1,
                goal,
                "wb-ok-line" if small else "wb-bad-line",
                mark,
            ),
            layout=widgets.Layout(width="620px"),
        )
        last = len(self.card.goals) - 1
        up = widgets.Button(icon="arrow-up", tooltip="Omhoog", layout=widgets.Layout(width="40px"), disabled=i == 0)
        down = widgets.Button(
            icon="arrow-down", tooltip="Omlaag", layout=widgets.Layout(width="40px"), disabled=i == last
        )
        remove = widgets.Button(icon="trash", tooltip="Verwijderen", layout=widgets.Layout(width="40px"))
        up.add_class("wb-goal-up")
        down.add_class("wb-goal-down")
        remove.add_class("wb-goal-remove")
        up.on_click(lambda _b: self._move(i, -1))
        down.on_click(lambda _b: self._move(i, 1))
        remove.on_click(lambda _b: self._remove(i))
        return widgets.HBox([text, up, down, remove])

    def _render(self) -> None:
        rows = [self._row(i, g, c) for i, (g, c) in enumerate(zip(self.card.goals, self.card.checks(), strict=True))]
        old, self.goals_box.children = self.goals_box.children, rows
        for row in old:
            close_tree(row)
        problems = self.card.problems()
        weak = self.card.weak_goals()
        numbers = ", ".join(str(i) for i in weak)
        self.weak_warning.value = notice(tekst("doelen.kaart_zwak", nummers=numbers), "wb-warn") if weak else ""
        self.accept_weak.layout.display = "" if weak else "none"
        if not weak and self.accept_weak.value:
            with self.quietly():
                self.accept_weak.value = False
        if weak and not self.accept_weak.value:
            problems = [*problems, tekst("doelen.kaart_zwak_kiezen")]
        self.downloads.block(tekst("doelen.kaart_niet_downloaden", problemen=" ".join(problems)) if problems else None)
        self.downloads.invalidate()

    def _file_name(self) -> str:
        return "".join(c if c.isalnum() else "_" for c in self.card.student)[:40] or "leerling"

    def _page(self) -> tuple[bytes, str, str]:
        self.flush()  # save first, always
        page = export.goal_card_html(self.card).encode("utf-8")
        return page, f"doelenkaart_{self._file_name()}.html", HTML_MIME

    def _word(self) -> tuple[bytes, str, str]:
        self.flush()
        return export.goal_card_docx(self.card), f"doelenkaart_{self._file_name()}.docx", DOCX_MIME
