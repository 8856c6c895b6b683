"""A quiz: one item at a time, the participant clicks an answer and gets an explanation."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from workbook.answers import QuizAnswer
from workbook.quiz import Quiz
from workbook.ui.common import card
from workbook.ui.exercise import Exercise
from workbook.ui.html import EMPTY, Markup, html, join
from workbook.ui.render import quoted
from workbook.ui.texts import tekst, tekst_html

__all__ = ["QuizView"]


class QuizView(Exercise[QuizAnswer]):
    """Show one phrasing at a time; the participant clicks the choice it belongs to.

    Parameters
    ----------
    make_quiz : callable
        Returns a fresh :class:`Quiz` (used at start and for "Opnieuw beginnen").
    intro : str
        The instruction above the quiz.
    """

    model = QuizAnswer

    def __init__(self, make_quiz: Callable[[], Quiz], intro: str) -> None:
        self._make_quiz = make_quiz
        self.quiz = make_quiz()
        self._shown: int | None = None
        self._progress = widgets.HTML()
        self._progress.add_class("wb-quiz-progress")
        self._phrase = widgets.HTML()
        self._phrase.add_class("wb-quiz-phrase")
        self._buttons = [
            widgets.Button(
                description=label, tooltip=label, layout=widgets.Layout(width="auto", margin="2px 6px 2px 0")
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
                card(html("<p>{}</p>", intro)),
                self._progress,
                self._phrase,
                self._choices_box,
                self._feedback,
                widgets.HBox([self._next, self._restart]),
            ]
        )
        self._render()

    # --- answer -----------------------------------------------------------------------

    def state(self) -> QuizAnswer:
        """Return the questions in their order, the answers and the score."""
        return QuizAnswer.model_validate(self.quiz.state())

    def restore(self, state: QuizAnswer) -> None:
        """Continue a saved quiz; a quiz that no longer fits the content starts afresh."""
        template = self._make_quiz()
        try:
            self.quiz = Quiz.from_state(state.dump(), template.choices, template.explanations)
        except (ValueError, TypeError):
            self.quiz = template
        self._render()

    # --- callbacks ----------------------------------------------------------------------

    def _on_answer(self, choice: str) -> None:
        index = self.quiz.current
        # The buttons are disabled in the browser after an answer, but a crafted message can
        # still click them: only the question on screen, not yet answered, takes an answer.
        if self.quiz.finished or index != self._shown or choice not in self.quiz.choices:
            return
        try:
            fb = self.quiz.answer(index, choice)
        except ValueError:
            return
        self._show_feedback(fb.correct, fb.explanation)
        for b in self._buttons:
            b.disabled = True
        self._next.layout.display = None
        self._next.description = tekst("quiz.score_bekijken") if self.quiz.finished else "Volgende vraag"
        self.changed(immediate=True)

    def restart(self) -> None:
        """Start a fresh quiz with a new random order."""
        self.quiz = self._make_quiz()
        self.changed(immediate=True)
        self._render()

    # --- rendering ------------------------------------------------------------------------

    def _show_feedback(self, correct: bool, text: str) -> None:
        label = "✔ Goed" if correct else "✘ Niet helemaal"
        kind = "wb-ok" if correct else "wb-bad"
        self._feedback.value = html('<div class="wb-card {}"><strong>{}</strong><br>{}</div>', kind, label, text)

    def _render(self) -> None:
        q = self.quiz
        self._shown = None if q.finished else q.current
        if q.finished:
            self._progress.value = ""
            self._phrase.value = self._summary()
            self._choices_box.layout.display = "none"
            self._feedback.value = ""
            self._next.layout.display = "none"
            return
        i = q.current
        self._choices_box.layout.display = None
        self._progress.value = html(
            '<span class="wb-muted">{}</span>',
            tekst("quiz.voortgang", nummer=i + 1, aantal=len(q.questions), goed=q.score),
        )
        self._phrase.value = html('<div class="wb-quote">{}</div>', quoted(q.questions[i].text))
        self._feedback.value = ""
        for b in self._buttons:
            b.disabled = False
        self._next.layout.display = "none"

    def _summary(self) -> Markup:
        q = self.quiz
        mistakes = q.mistakes()
        if not mistakes:
            extra = html("<p>{}</p>", tekst("quiz.alles_goed"))
        else:
            rows = join(
                html(
                    "<li>{}</li>",
                    tekst_html(
                        "quiz.fout",
                        zin=quoted(m.text),
                        goed=html("<strong>{}</strong>", q.choices[m.answer]),
                        gekozen=q.choices[chosen],
                    ),
                )
                for m, chosen in mistakes
            )
            extra = html("<h4>{}</h4><ul>{}</ul>", tekst("quiz.nog_eens_titel"), rows)
        return html(
            '<div class="wb-card wb-info wb-quiz-summary"><div class="wb-score">{}</div>{}<p>{}</p></div>',
            tekst("quiz.score", goed=q.score, aantal=len(q.questions)),
            extra or EMPTY,
            tekst_html("quiz.opnieuw", knop=html("<em>{}</em>", self._restart.description)),
        )
