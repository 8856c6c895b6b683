"""Widgets built and driven without a browser."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import ipywidgets as widgets
import pytest

from workbook import content
from workbook.quiz import element_quiz
from workbook.ui import elementen, start

EXERCISES = Path(__file__).resolve().parents[2] / "exercises"


def _html(widget) -> str:
    """All HTML text below a widget."""
    out: list[str] = []
    if isinstance(widget, widgets.HTML):
        out.append(widget.value)
    for child in getattr(widget, "children", ()):
        out.append(_html(child))
    return "\n".join(out)


def test_start_page_links_built_modules_and_announces_the_rest():
    page = start.start_page()
    text = _html(page)
    assert 'href="01_zeven_gesprekselementen.ipynb"' in text
    assert "Luisteren op vier niveaus" in text
    built = {p.name for p in start.notebooks_dir().glob("*.ipynb")}
    if "10_mentorrol.ipynb" not in built:
        assert "(binnenkort)" in text
        assert 'href="10_mentorrol.ipynb"' not in text


def test_explorer_shows_the_chosen_element():
    box = elementen.module(seed=1)
    explorer = box.explorer
    explorer._choice.value = "normaliseren"
    text = explorer._card.value
    assert "Normaliseren" in text and "Waarom helpt het?" in text and "Let op" in text
    assert "Je bent echt niet de enige" in text


def _button(view, choice_id):
    labels = list(view.quiz.choices)
    return view._buttons[labels.index(choice_id)]


def test_quiz_click_gives_feedback_and_finishes_with_score():
    box = elementen.module(seed=5)
    view = box.quiz_view
    q0 = view.quiz.questions[0]
    assert html.escape(q0.text) in view._phrase.value
    _button(view, q0.answer).click()
    assert "✔ Goed" in view._feedback.value
    assert all(b.disabled for b in view._buttons)
    view._next.click()
    q1 = view.quiz.questions[1]
    wrong = "erkennen" if q1.answer != "erkennen" else "vastleggen"
    _button(view, wrong).click()
    assert "✘ Niet helemaal" in view._feedback.value
    for i in range(2, len(view.quiz.questions)):
        view._next.click()
        _button(view, view.quiz.questions[i].answer).click()
    view._next.click()
    assert "Je score: 9 van de 10 goed" in view._phrase.value
    assert "Kijk nog eens" in view._phrase.value
    view._restart.click()
    assert view.quiz.answers == {} and "Vraag 1 van 10" in view._progress.value


def test_quiz_reports_state_changes():
    states = []
    data = content.load("elementen")
    view = elementen.QuizView(lambda: element_quiz(data, n=7, seed=1), on_change=states.append)
    _button(view, view.quiz.questions[0].answer).click()
    assert states[-1]["answers"] == {"0": view.quiz.questions[0].answer}
    assert states[-1]["score"] == 1


def test_broken_content_shows_dutch_error_and_leaves_other_pages_working(tmp_path, monkeypatch):
    target = tmp_path / "exercises"
    shutil.copytree(EXERCISES, target)
    (target / "elementen.yaml").write_text("elementen: [\n", encoding="utf-8")
    monkeypatch.setenv("WERKBOEK_EXERCISES", str(target))
    text = _html(elementen.module())
    assert "kan nu niet worden getoond" in text and "exercises/elementen.yaml" in text
    assert "Welkom" in _html(start.start_page())


def test_content_is_escaped(tmp_path, monkeypatch):
    target = tmp_path / "exercises"
    shutil.copytree(EXERCISES, target)
    path = target / "elementen.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "      - Ik snap het.\n", "      - <img src=x onerror=alert(1)>\n", 1
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("WERKBOEK_EXERCISES", str(target))
    box = elementen.module(seed=1)
    text = box.explorer._card.value
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text


@pytest.mark.parametrize("bad", ["<script>", "", None, 12])
def test_quiz_ignores_values_that_are_not_choices(bad):
    view = elementen.module(seed=1).quiz_view
    view._on_answer(bad)
    assert view.quiz.answers == {}
