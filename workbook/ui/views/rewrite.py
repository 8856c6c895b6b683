"""Rewriting texts one after another, with live feedback and a model answer after an attempt."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbook.answers import RewriteAnswer
from workbook.practice import Judgement, RewriteProgress
from workbook.ui.common import card, textarea
from workbook.ui.exercise import Exercise
from workbook.ui.html import EMPTY, Markup, html, notice
from workbook.ui.texts import tekst

__all__ = ["RewriteView"]


class RewriteView(Exercise[RewriteAnswer]):
    """Rewrite one text after another with live feedback, a model answer after an attempt.

    Parameters
    ----------
    progress : RewriteProgress
        The tasks and the judge.
    render : callable
        Turns a :class:`Judgement` into HTML.
    css : str
        Class prefix for the widgets (tests find them by it).
    intro, placeholder : str
        The instruction above the task and the hint in the empty text box.
    reflections : dict, optional
        Key to question: checkboxes the participant ticks per task (saved with the answer).
    """

    model = RewriteAnswer

    def __init__(
        self,
        progress: RewriteProgress,
        render: Callable[[Judgement], Markup],
        css: str,
        intro: str,
        placeholder: str,
        reflections: dict[str, str] | None = None,
    ) -> None:
        self.progress = progress
        self.render = render
        self._counter = widgets.HTML()
        self._prompt = widgets.HTML()
        self.text = textarea(f"{css}-text", placeholder)
        self.feedback = widgets.HTML()
        self.feedback.add_class(f"{css}-feedback")
        self.model_answer = widgets.HTML()
        self.model_answer.add_class(f"{css}-model")
        self.model_button = widgets.Button(
            description=tekst("herschrijven.voorbeeld_tonen"), icon="lightbulb-o", layout=widgets.Layout(width="auto")
        )
        self.model_button.add_class(f"{css}-show-model")
        self.prev_button = widgets.Button(description="Vorige", icon="arrow-left")
        self.next_button = widgets.Button(description="Volgende", icon="arrow-right", button_style="primary")
        self.next_button.add_class(f"{css}-next")
        self.reflections = {
            key: widgets.Checkbox(description=label, indent=False, layout=widgets.Layout(width="auto"))
            for key, label in (reflections or {}).items()
        }
        for key, box in self.reflections.items():
            box.add_class(f"{css}-reflect-{key}")
            box.observe(lambda change, k=key: self._on_reflect(k, change["new"]), names="value")
        self.text.observe(self._on_text, names="value")
        self.model_button.on_click(lambda _b: self._show_model())
        self.prev_button.on_click(lambda _b: self._go(self.progress.current - 1))
        self.next_button.on_click(lambda _b: self._go(self.progress.current + 1))
        reflect_box: list[widgets.Widget] = []
        if self.reflections:
            reflect_box = [
                widgets.HTML(html("<p class='wb-muted'>{}</p>", tekst("herschrijven.bespreken"))),
                *self.reflections.values(),
            ]
        self.widget = widgets.VBox(
            [
                card(html("<p>{}</p>", intro)),
                self._counter,
                self._prompt,
                self.text,
                self.feedback,
                *reflect_box,
                widgets.HBox([self.prev_button, self.next_button, self.model_button]),
                self.model_answer,
            ]
        )
        self._render_task()

    # --- answer -------------------------------------------------------------------------

    def state(self) -> RewriteAnswer:
        """Return every task's text, judgement and ticks, and the totals."""
        return RewriteAnswer.model_validate(self.progress.state())

    def restore(self, state: RewriteAnswer) -> None:
        """Take over saved rewrites (judged again with today's rules)."""
        self.progress.restore(state.dump())
        self._render_task()

    # --- rendering ------------------------------------------------------------------------

    def _entry(self) -> dict[str, Any]:
        return self.progress.answers.get(self.progress.current, {})

    def _render_task(self) -> None:
        p = self.progress
        task = p.tasks[p.current]
        done = sum(1 for i in range(len(p.tasks)) if p.attempted(i))
        self._counter.value = html(
            '<span class="wb-muted">{}</span>',
            tekst("herschrijven.voortgang", nummer=p.current + 1, aantal=len(p.tasks), gemaakt=done),
        )
        self._prompt.value = html('<p>{}</p><div class="wb-quote">"{}"</div>', task.prompt, task.original)
        entry = self._entry()
        with self.quietly():
            self.text.value = entry.get("text", "")
            for key, box in self.reflections.items():
                box.value = bool(entry.get("reflectie", {}).get(key, False))
        self.feedback.value = self.render(p.judge(self.text.value)) if self.text.value.strip() else EMPTY
        self.model_answer.value = self._model_html() if entry.get("model_shown") else EMPTY
        self.model_button.disabled = not p.attempted()
        self.prev_button.disabled = p.current == 0
        self.next_button.disabled = p.current >= len(p.tasks) - 1

    def _model_html(self) -> Markup:
        task = self.progress.tasks[self.progress.current]
        note = html("<br><span class='wb-muted'>{}</span>", task.note) if task.note else EMPTY
        return html('<div class="wb-card wb-info"><strong>Voorbeeld:</strong> "{}"{}</div>', task.model, note)

    # --- callbacks ------------------------------------------------------------------------

    def _on_text(self, change: dict[str, Any]) -> None:
        if self.loading:
            return
        text = change["new"] if isinstance(change["new"], str) else ""
        try:
            result = self.progress.write(text)
        except ValueError as exc:
            self.feedback.value = notice(str(exc), "wb-error")
            return
        self.feedback.value = self.render(result) if text.strip() else EMPTY
        self.model_button.disabled = not self.progress.attempted()
        self.changed()

    def _on_reflect(self, key: str, value: bool) -> None:
        if self.loading or not self.progress.attempted():
            return
        entry = self.progress.answers.setdefault(self.progress.current, {"model_shown": False})
        entry.setdefault("reflectie", {})[key] = bool(value)
        self.changed()

    def _show_model(self) -> None:
        if self.progress.show_model() is not None:
            self.model_answer.value = self._model_html()
            self.changed(immediate=True)

    def _go(self, index: int) -> None:
        self.flush()
        self.progress.go(index)
        self._render_task()
        self.changed()
