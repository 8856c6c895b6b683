"""Module 01: explore the seven conversation elements, then recognise them in a quiz."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbook.content import ElementenFile
from workbook.quiz import Quiz, element_choices, element_quiz
from workbook.ui.common import PageContext, bullets, card, esc, load_content, page_context, session_bar, style

__all__ = ["module", "Explorer", "QuizView"]


class Explorer:
    """Choose an element and read what it is, why it helps, phrasings and pitfalls."""

    def __init__(self, data: ElementenFile):
        self._elements = {e.id: e for e in data.elementen}
        self._choice = widgets.ToggleButtons(
            options=[(e.naam, e.id) for e in data.elementen],
            value=data.elementen[0].id,
            style={"button_width": "auto"},
            layout=widgets.Layout(margin="4px 0"),
        )
        self._choice.add_class("wb-element-choice")
        self._card = widgets.HTML()
        self._card.add_class("wb-element-card")
        self._choice.observe(self._on_choice, names="value")
        self._render(self._choice.value)
        intro = card(f"<p>{esc(data.inleiding)}</p>")
        self.widget = widgets.VBox([intro, self._choice, self._card])

    def _on_choice(self, change: dict[str, Any]) -> None:
        if change["new"] in self._elements:
            self._render(change["new"])

    def _render(self, element_id: str) -> None:
        e = self._elements[element_id]
        phrasings = "".join(f'<li>"{esc(p)}"</li>' for p in e.voorbeelden)
        self._card.value = (
            f'<div class="wb-card"><h3>{esc(e.naam)}</h3>'
            f'<p class="wb-muted">{esc(e.kort)}</p>'
            f"<h4>Wat is het?</h4><p>{esc(e.wat)}</p>"
            f"<h4>Waarom helpt het?</h4><p>{esc(e.waarom)}</p>"
            f"<h4>Zo herken je het</h4><p>{esc(e.herkennen)}</p>"
            f"<h4>Zo kun je het zeggen</h4><ul>{phrasings}</ul>"
            f"<h4>Let op</h4>{bullets(e.valkuilen)}</div>"
        )


class QuizView:
    """Show one phrasing at a time; the participant clicks the element it realises.

    Parameters
    ----------
    make_quiz : callable
        Returns a fresh :class:`Quiz` (used at start and for "Opnieuw").
    quiz : Quiz, optional
        A quiz to continue (restored from a saved state).
    on_change : callable, optional
        Called with :meth:`Quiz.state` after every answer and restart, to save it.
    """

    def __init__(
        self,
        make_quiz: Callable[[], Quiz],
        quiz: Quiz | None = None,
        on_change: Callable[[dict[str, Any]], None] | None = None,
    ):
        self._make_quiz = make_quiz
        self._on_change = on_change
        self.quiz = quiz or make_quiz()
        self._progress = widgets.HTML()
        self._progress.add_class("wb-quiz-progress")
        self._phrase = widgets.HTML()
        self._phrase.add_class("wb-quiz-phrase")
        self._buttons = [
            widgets.Button(
                description=label,
                tooltip=label,
                layout=widgets.Layout(width="auto", margin="2px 6px 2px 0"),
            )
            for label in self.quiz.choices.values()
        ]
        for button, choice in zip(self._buttons, self.quiz.choices, strict=True):
            button.add_class("wb-quiz-choice")
            button.on_click(lambda _b, c=choice: self._on_answer(c))
        self._choices_box = widgets.HBox(self._buttons, layout=widgets.Layout(flex_flow="row wrap"))
        self._feedback = widgets.HTML()
        self._feedback.add_class("wb-quiz-feedback")
        self._next = widgets.Button(description="Volgende vraag", button_style="primary")
        self._next.add_class("wb-quiz-next")
        self._next.on_click(lambda _b: self._render())
        self._restart = widgets.Button(description="Opnieuw beginnen", icon="refresh")
        self._restart.add_class("wb-quiz-restart")
        self._restart.on_click(lambda _b: self.restart())
        self.widget = widgets.VBox(
            [
                card(
                    "<p>Je ziet steeds een zin die een mentor zegt. Welk gesprekselement "
                    "hoort erbij? Klik op je antwoord; je krijgt meteen uitleg.</p>"
                ),
                self._progress,
                self._phrase,
                self._choices_box,
                self._feedback,
                widgets.HBox([self._next, self._restart]),
            ]
        )
        self._render()

    # --- callbacks ------------------------------------------------------------------

    def _on_answer(self, choice: str) -> None:
        index = self.quiz.current
        if self.quiz.finished:
            return
        try:
            fb = self.quiz.answer(index, choice)
        except ValueError:
            return
        self._show_feedback(fb.correct, fb.explanation)
        for b in self._buttons:
            b.disabled = True
        self._next.layout.display = None
        self._next.description = "Bekijk je score" if self.quiz.finished else "Volgende vraag"
        self._save()

    def restart(self) -> None:
        """Start a fresh quiz with a new random order."""
        self.quiz = self._make_quiz()
        self._save()
        self._render()

    def _save(self) -> None:
        if self._on_change is not None:
            self._on_change(self.quiz.state())

    # --- rendering ------------------------------------------------------------------

    def _show_feedback(self, correct: bool, text: str) -> None:
        label = "✔ Goed" if correct else "✘ Niet helemaal"
        kind = "wb-ok" if correct else "wb-bad"
        self._feedback.value = f'<div class="wb-card {kind}"><strong>{label}</strong><br>{esc(text)}</div>'

    def _render(self) -> None:
        q = self.quiz
        total = len(q.questions)
        if q.finished:
            self._progress.value = ""
            self._phrase.value = self._summary()
            self._choices_box.layout.display = "none"
            self._feedback.value = ""
            self._next.layout.display = "none"
            return
        i = q.current
        self._choices_box.layout.display = None
        self._progress.value = (
            f'<span class="wb-muted">Vraag {i + 1} van {total} · tot nu toe {q.score} goed</span>'
        )
        self._phrase.value = f'<div class="wb-quote">"{esc(q.questions[i].text)}"</div>'
        self._feedback.value = ""
        for b in self._buttons:
            b.disabled = False
        self._next.layout.display = "none"

    def _summary(self) -> str:
        q = self.quiz
        total = len(q.questions)
        mistakes = q.mistakes()
        if not mistakes:
            extra = "<p>Alles goed. Je herkent de zeven elementen al heel goed.</p>"
        else:
            rows = "".join(
                f'<li>"{esc(m.text)}": dit is <strong>{esc(q.choices[m.answer])}</strong>'
                f" (jij koos {esc(q.choices[chosen])})</li>"
                for m, chosen in mistakes
            )
            extra = f"<h4>Kijk nog eens naar deze zinnen</h4><ul>{rows}</ul>"
        return (
            f'<div class="wb-card wb-info wb-quiz-summary"><div class="wb-score">'
            f"Je score: {q.score} van de {total} goed</div>{extra}"
            "<p>Klik op <em>Opnieuw beginnen</em> voor een nieuwe reeks zinnen.</p></div>"
        )


QUIZ_EXERCISE = "01_elementen.quiz"


def module(ctx: PageContext | None = None, seed: int | None = None) -> widgets.Widget:
    """Build module 01: a tab to explore the elements and a tab with the quiz.

    The quiz is saved after every answer and restored when the page is opened again.
    """
    ctx = ctx or page_context()
    bar = session_bar(ctx)
    data, error = load_content("elementen")
    if error is not None:
        return widgets.VBox([style(), bar, error])
    explorer = Explorer(data)
    status = widgets.HTML()
    status.add_class("wb-save-status")
    saver = ctx.autosaver(QUIZ_EXERCISE, status)
    choices, explanations = element_choices(data)
    restored = None
    saved = saver.load()
    if saved:
        try:
            restored = Quiz.from_state(saved, choices, explanations)
        except (ValueError, TypeError, AttributeError):
            restored = None  # an old or damaged state: start afresh, the history stays in the store
    quiz_view = QuizView(
        lambda: element_quiz(data, n=10, seed=seed),
        quiz=restored,
        on_change=lambda state: saver.change(state, immediate=True),
    )
    quiz_view.widget.children = (*quiz_view.widget.children, status)
    tabs = widgets.Tab(children=[explorer.widget, quiz_view.widget])
    tabs.titles = ("Verkennen", "Quiz")
    if restored is not None and restored.answers:
        tabs.selected_index = 1
    box = widgets.VBox([style(), bar, tabs])
    box.explorer = explorer
    box.quiz_view = quiz_view
    box.saver = saver
    return box
