"""Exercise widgets shared by the modules: quiz, live rewrite, live lab, and feedback renderers.

Colour is never the only signal: lenses show an icon and a word, checks show ✔/✘ and text.
All participant text is escaped before it reaches an HTML widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbook import feedback
from workbook.autosave import Autosaver
from workbook.practice import MAX_TEXT, Judgement, RewriteProgress
from workbook.quiz import Quiz
from workbook.ui.common import card, download_link, esc, save_status, textarea

__all__ = [
    "QuizView",
    "saved_quiz",
    "RewriteView",
    "LabView",
    "quoted",
    "lens_badge",
    "question_html",
    "goal_html",
    "elements_html",
    "DownloadPanel",
]

# Symbols every font has (no emoji): the word carries the meaning, the colour only supports it.
LENS = {
    "rood": ("●", "Rode bril", "wb-lens-rood"),
    "groen": ("●", "Groene bril", "wb-lens-groen"),
    "neutraal": ("○", "Neutraal", "wb-lens-neutraal"),
}


def lens_badge(lens: str) -> str:
    icon, word, cls = LENS.get(lens, LENS["neutraal"])
    return f'<span class="wb-badge {cls}"><span class="wb-dot">{icon}</span> {word}</span>'


def question_html(q: feedback.QuestionAnalysis) -> str:
    """Badges (question or not, open or closed, lens) and the reasons, escaped."""
    if q.is_question:
        kind = "Open vraag" if q.open else "Gesloten vraag"
        badges = f'<span class="wb-badge">{"?" if q.open else "✓✗"} {kind}</span> {lens_badge(q.lens)}'
    else:
        badges = '<span class="wb-badge">✎ Geen vraag</span>'
    reasons = "".join(f"<li>{esc(r)}</li>" for r in q.reasons)
    tip = f'<p class="wb-tip"><strong>Tip:</strong> {esc(q.suggestion)}</p>' if q.suggestion else ""
    return f'<div class="wb-card wb-live"><div>{badges}</div><ul>{reasons}</ul>{tip}</div>'


CRITERIA_LABELS = {
    "specifiek": "Specifiek",
    "meetbaar": "Meetbaar",
    "tijdgebonden": "Tijdgebonden",
    "positief": "Positief geformuleerd",
}


def goal_html(g: feedback.GoalCheck) -> str:
    """A ✔/✘ line per criterion the text shows, then the tips, escaped."""
    rows = []
    for key, label in CRITERIA_LABELS.items():
        ok = g.criteria[key]
        rows.append(f'<li class="{"wb-ok-line" if ok else "wb-bad-line"}">{"✔" if ok else "✘"} {label}</li>')
    tips = "".join(f"<li>{esc(t)}</li>" for t in g.tips)
    tips_html = (
        f"<p><strong>Tips</strong></p><ul>{tips}</ul>"
        if tips
        else "<p>✔ Alles wat het werkboek kan zien, is in orde.</p>"
    )
    return f'<div class="wb-card wb-live"><ul class="wb-checklist">{"".join(rows)}</ul>{tips_html}</div>'


def elements_html(text: str, names: dict[str, str]) -> str:
    """Which elements an utterance realises and why, escaped."""
    ranked, reasons, why_not = feedback.explain_elements(text)
    if not ranked:
        return f'<div class="wb-card wb-live"><p>✘ {esc(why_not or "")}</p></div>'
    items = "".join(
        f"<li><strong>{esc(names.get(e, e))}</strong>{' (vooral)' if i == 0 else ''}: {esc(' '.join(reasons[e]))}</li>"
        for i, e in enumerate(ranked)
    )
    return f'<div class="wb-card wb-live"><p>✔ Hierin herken ik:</p><ul>{items}</ul></div>'


def quoted(text: str) -> str:
    """Escaped text in quotes; a dialogue ("Leerling: ...\\nMentor: ...") goes on separate lines."""
    if "\n" in text:
        return "<br>".join(esc(line) for line in text.splitlines())
    return f'"{esc(text)}"'


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
        intro: str = "Je ziet steeds een zin die een mentor zegt. Welk gesprekselement hoort erbij? "
        "Klik op je antwoord; je krijgt meteen uitleg.",
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
                card(f"<p>{esc(intro)}</p>"),
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
        self._progress.value = f'<span class="wb-muted">Vraag {i + 1} van {total} · tot nu toe {q.score} goed</span>'
        self._phrase.value = f'<div class="wb-quote">{quoted(q.questions[i].text)}</div>'
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
                f"<li>{quoted(m.text)}: dit is <strong>{esc(q.choices[m.answer])}</strong>"
                f" (jij koos {esc(q.choices[chosen])})</li>"
                for m, chosen in mistakes
            )
            extra = f"<h4>Kijk nog eens naar deze zinnen</h4><ul>{rows}</ul>"
        return (
            f'<div class="wb-card wb-info wb-quiz-summary"><div class="wb-score">'
            f"Je score: {q.score} van de {total} goed</div>{extra}"
            "<p>Klik op <em>Opnieuw beginnen</em> voor een nieuwe reeks zinnen.</p></div>"
        )


def saved_quiz(ctx, exercise: str, make: Callable[[], Quiz], intro: str | None = None) -> QuizView:
    """A :class:`QuizView` saved after every answer and restored on reload, with its save status.

    ``ctx`` is the page's :class:`workbook.ui.common.PageContext`.
    """
    status = save_status()
    saver = ctx.autosaver(exercise, status)
    restored = None
    saved = saver.load()
    if saved:
        template = make()
        try:
            restored = Quiz.from_state(saved, template.choices, template.explanations)
        except (ValueError, TypeError, AttributeError):
            restored = None  # an old or damaged state: start afresh; the history stays in the store
    options = {"intro": intro} if intro else {}
    view = QuizView(make, quiz=restored, on_change=lambda state: saver.change(state, immediate=True), **options)
    view.widget.children = (*view.widget.children, status)
    view.saver = saver
    return view


class RewriteView:
    """Rewrite one text after another with live feedback, a model answer after an attempt.

    Parameters
    ----------
    progress : RewriteProgress
        Tasks, judge and (restored) answers.
    render : callable
        Turns a :class:`Judgement` into HTML (escaped).
    saver : Autosaver
        Saves :meth:`RewriteProgress.state` (debounced while typing).
    css : str
        Class prefix for the widgets (tests find them by it).
    reflections : dict, optional
        Key to question: checkboxes the participant ticks per task (saved with the answer).
    """

    def __init__(
        self,
        progress: RewriteProgress,
        render: Callable[[Judgement], str],
        saver: Autosaver,
        css: str,
        intro: str,
        placeholder: str,
        reflections: dict[str, str] | None = None,
    ):
        self.progress = progress
        self.render = render
        self.saver = saver
        self._counter = widgets.HTML()
        self._prompt = widgets.HTML()
        self.text = textarea(f"{css}-text", placeholder)
        self.feedback = widgets.HTML()
        self.feedback.add_class(f"{css}-feedback")
        self.model = widgets.HTML()
        self.model.add_class(f"{css}-model")
        self.model_button = widgets.Button(
            description="Toon een voorbeeld", icon="lightbulb-o", layout=widgets.Layout(width="auto")
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
        reflect_box = []
        if self.reflections:
            reflect_box = [
                widgets.HTML(
                    "<p class='wb-muted'>Bespreek met de leerling (dit kan het werkboek niet voor je zien):</p>"
                ),
                *self.reflections.values(),
            ]
        self.widget = widgets.VBox(
            [
                card(f"<p>{esc(intro)}</p>"),
                self._counter,
                self._prompt,
                self.text,
                self.feedback,
                *reflect_box,
                widgets.HBox([self.prev_button, self.next_button, self.model_button]),
                self.model,
            ]
        )
        self._render_task()

    def _entry(self) -> dict[str, Any]:
        return self.progress.answers.get(self.progress.current, {})

    def _render_task(self) -> None:
        p = self.progress
        task = p.tasks[p.current]
        done = sum(1 for i in range(len(p.tasks)) if p.attempted(i))
        self._counter.value = (
            f'<span class="wb-muted">Opdracht {p.current + 1} van {len(p.tasks)} · {done} gemaakt</span>'
        )
        self._prompt.value = f'<p>{esc(task.prompt)}</p><div class="wb-quote">"{esc(task.original)}"</div>'
        entry = self._entry()
        self._loading = True
        self.text.value = entry.get("text", "")
        for key, box in self.reflections.items():
            box.value = bool(entry.get("reflectie", {}).get(key, False))
        self._loading = False
        self.feedback.value = self.render(p.judge(self.text.value)) if self.text.value.strip() else ""
        self.model.value = self._model_html() if entry.get("model_shown") else ""
        self.model_button.disabled = not p.attempted()
        self.prev_button.disabled = p.current == 0
        self.next_button.disabled = p.current >= len(p.tasks) - 1

    def _model_html(self) -> str:
        task = self.progress.tasks[self.progress.current]
        note = f"<br><span class='wb-muted'>{esc(task.note)}</span>" if task.note else ""
        return f'<div class="wb-card wb-info"><strong>Voorbeeld:</strong> "{esc(task.model)}"{note}</div>'

    def _on_text(self, change: dict[str, Any]) -> None:
        if getattr(self, "_loading", False):
            return
        text = change["new"] if isinstance(change["new"], str) else ""
        try:
            result = self.progress.write(text)
        except ValueError as exc:
            self.feedback.value = f'<div class="wb-card wb-error">{esc(exc)}</div>'
            return
        self.feedback.value = self.render(result) if text.strip() else ""
        self.model_button.disabled = not self.progress.attempted()
        self.saver.change(self.progress.state())

    def _on_reflect(self, key: str, value: bool) -> None:
        if getattr(self, "_loading", False) or not self.progress.attempted():
            return
        entry = self.progress.answers.setdefault(self.progress.current, {"model_shown": False})
        entry.setdefault("reflectie", {})[key] = bool(value)
        self.saver.change(self.progress.state())

    def _show_model(self) -> None:
        if self.progress.show_model() is not None:
            self.model.value = self._model_html()
            self.saver.change(self.progress.state(), immediate=True)

    def _go(self, index: int) -> None:
        self.saver.flush()
        self.progress.go(index)
        self._render_task()
        self.saver.change(self.progress.state())


class LabView:
    """Type anything and see the analysis live; keep a personal list of what you tried."""

    def __init__(
        self,
        render: Callable[[str], str],
        saver: Autosaver,
        css: str,
        intro: str,
        placeholder: str,
        keep_label: str = "Bewaar in mijn lijst",
    ):
        self.render = render
        self.saver = saver
        self.history: list[str] = []
        self.text = textarea(f"{css}-text", placeholder)
        self.feedback = widgets.HTML()
        self.feedback.add_class(f"{css}-feedback")
        self.keep = widgets.Button(
            description=keep_label, icon="plus", layout=widgets.Layout(width="auto", align_self="flex-start")
        )
        self.keep.add_class(f"{css}-keep")
        self.list = widgets.HTML()
        self.list.add_class(f"{css}-list")
        self.text.observe(self._on_text, names="value")
        self.keep.on_click(lambda _b: self._keep())
        self.widget = widgets.VBox([card(f"<p>{esc(intro)}</p>"), self.text, self.feedback, self.keep, self.list])

    def restore(self, state: dict[str, Any] | None) -> None:
        if isinstance(state, dict):
            self.history = [h[:MAX_TEXT] for h in state.get("history", []) if isinstance(h, str)][-20:]
            draft = state.get("draft")
            if isinstance(draft, str) and draft:
                self._restoring = True
                self.text.value = draft[:MAX_TEXT]
                self._restoring = False
            self._render_list()

    def state(self) -> dict[str, Any]:
        """The list kept so far and the text being typed (a reload keeps both)."""
        return {"history": self.history, "draft": self.text.value[:MAX_TEXT], "finished": len(self.history) >= 3}

    def _on_text(self, change: dict[str, Any]) -> None:
        text = change["new"] if isinstance(change["new"], str) else ""
        if len(text) > MAX_TEXT:
            self.feedback.value = (
                f'<div class="wb-card wb-error">Je tekst is te lang (hoogstens {MAX_TEXT} '
                "tekens). Maak hem korter.</div>"
            )
            return
        if not getattr(self, "_restoring", False):
            self.saver.change(self.state())
        self.feedback.value = self.render(text) if text.strip() else ""

    def _keep(self) -> None:
        text = " ".join(self.text.value.split())
        if not text or len(text) > MAX_TEXT or text in self.history:
            return
        self.history = (self.history + [text])[-20:]
        self._render_list()
        self.saver.change(self.state(), immediate=True)

    def _render_list(self) -> None:
        if not self.history:
            self.list.value = ""
            return
        rows = "".join(f"<li>{esc(h)}</li>" for h in self.history)
        self.list.value = f'<div class="wb-card"><strong>Mijn lijst</strong><ul>{rows}</ul></div>'


FileBuilder = Callable[[], tuple[bytes, str, str]]  # () -> (data, filename, mime)


class DownloadPanel:
    """Buttons that make a file only when asked, then offer it as a download link.

    Nothing is built while a participant types (a Word file takes about 0.1 s), and a file
    that cannot be made only shows a Dutch message here: saving the answers is separate and
    has already happened.

    Parameters
    ----------
    css : str
        Class prefix; a file's button gets ``{css}-{key}-make`` and its link ``{css}-{key}``.
    files : list of (key, label, builder)
        ``builder()`` returns ``(data, filename, mime)`` from the current answers.
    note : str
        A muted line under the buttons (escaped here).
    """

    def __init__(self, css: str, files: list[tuple[str, str, FileBuilder]], note: str = ""):
        self.css = css
        self._files = files
        self._blocked: str | None = None
        self.buttons = []
        for key, label, _builder in files:
            button = widgets.Button(description=f"{label} maken", icon="download", layout=widgets.Layout(width="auto"))
            button.add_class(f"{css}-{key}-make")
            button.on_click(lambda _b, k=key: self.make(k))
            self.buttons.append(button)
        self.links = widgets.HTML()
        self.links.add_class(f"{css}-links")
        self.reason = widgets.HTML()
        self.note = widgets.HTML(f"<p class='wb-muted'>{esc(note)}</p>" if note else "")
        self.widget = widgets.VBox(
            [
                self.reason,
                widgets.HBox(self.buttons, layout=widgets.Layout(flex_flow="row wrap")),
                self.links,
                self.note,
            ]
        )
        self.widget.add_class(css)

    def block(self, reason: str | None) -> None:
        """Disable the buttons with a reason (e.g. a field is missing), or enable them (``None``)."""
        self._blocked = reason
        for button in self.buttons:
            button.disabled = reason is not None
        self.reason.value = f'<div class="wb-card wb-muted">{esc(reason)}</div>' if reason else ""
        if reason:
            self.links.value = ""

    def invalidate(self) -> None:
        """The answers changed: an earlier link would hand out old text, so remove it."""
        if self.links.value:
            self.links.value = ""

    def make(self, key: str) -> bool:
        """Build one file and show its link; returns whether it worked."""
        if self._blocked is not None:  # a crafted click on a disabled button
            self.reason.value = f'<div class="wb-card wb-error">{esc(self._blocked)}</div>'
            return False
        found = [(label, builder) for k, label, builder in self._files if k == key]
        if not found:
            return False
        label, builder = found[0]
        try:
            data, filename, mime = builder()
        except Exception:  # noqa: BLE001 - a broken export must never take the page down
            logging.getLogger(__name__).exception("building the %s download failed", key)
            self.links.value = (
                '<div class="wb-card wb-error">Dit bestand kon niet worden gemaakt. Je antwoorden zelf zijn '
                "gewoon bewaard (zie de regel eronder). Probeer het opnieuw of meld het je begeleider.</div>"
            )
            return False
        self.links.value = (
            '<div class="wb-card wb-ok">Klaar: '
            + download_link(data, filename, f"{label} downloaden", mime, f"{self.css}-{key}")
            + "</div>"
        )
        return True
