"""Widgets built and driven without a browser."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from tests.helpers import widget_html as _html
from workbook import content, registry
from workbook.quiz import element_quiz
from workbook.ui import elementen, start
from workbook.ui.views.quiz import QuizView

EXERCISES = Path(__file__).resolve().parents[2] / "exercises"


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
    explorer = box["explorer"]
    explorer._choice.value = "normaliseren"
    text = explorer._card.value
    assert "Normaliseren" in text and "Waarom helpt het?" in text and "Let op" in text
    assert "Je bent echt niet de enige" in text


def _button(view, choice_id):
    labels = list(view.quiz.choices)
    return view._buttons[labels.index(choice_id)]


def test_quiz_click_gives_feedback_and_finishes_with_score():
    box = elementen.module(seed=5)
    view = box["quiz"]
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
    view = QuizView(lambda: element_quiz(data, n=7, seed=1), "Kies")
    _button(view, view.quiz.questions[0].answer).click()
    states.append(view.state())
    assert states[-1].answers == {"0": view.quiz.questions[0].answer}
    assert states[-1].score == 1 and states[-1].version == 1


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
        path.read_text(encoding="utf-8").replace("      - Ik snap het.\n", "      - <img src=x onerror=alert(1)>\n", 1),
        encoding="utf-8",
    )
    monkeypatch.setenv("WERKBOEK_EXERCISES", str(target))
    box = elementen.module(seed=1)
    text = box["explorer"]._card.value
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text


@pytest.mark.parametrize("bad", ["<script>", "", None, 12])
def test_quiz_ignores_values_that_are_not_choices(bad):
    view = elementen.module(seed=1)["quiz"]
    view._on_answer(bad)
    assert view.quiz.answers == {}


# --- sessions, saving and restoring ------------------------------------------------

from workbook.session import Session  # noqa: E402
from workbook.store import Store  # noqa: E402
from workbook.ui.common import PageContext  # noqa: E402


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'w.sqlite'}")
    s.create_training("MENTOR24")
    return s


def test_join_workshop_on_the_start_page(store, monkeypatch):
    monkeypatch.delenv("VOILA_REQUEST_URL", raising=False)
    page = start.start_page(PageContext(store, None))
    page.code.value = " mentor24 "
    page.alias.value = "Sanne"
    page.join_button.click()
    joined = page.ctx.session
    assert joined.workshop == "MENTOR24" and joined.participant == "Sanne"
    text = _html(page.widget)
    assert "Welkom, <strong>Sanne</strong>" in text
    assert f'href="01_zeven_gesprekselementen.ipynb?{joined.query()}"'.replace("&", "&amp;") in text
    # a second participant with the same alias is told so, and nothing else changes
    other = start.start_page(PageContext(store, None))
    other.code.value, other.alias.value = "MENTOR24", "sanne"
    other.join_button.click()
    assert other.ctx.session is None
    assert "al gebruikt" in other.message.value and "andere naam" in other.message.value
    assert store.aliases("MENTOR24") == ["Sanne"]


@pytest.mark.parametrize(
    "code, alias, expected",
    [
        ("", "Sanne", "trainingscode"),
        ("ABC", "", "voornaam"),
        ("ABC", "x" * 300, "te lang"),
        ("ABC", "<script>alert(1)</script>", "geen &lt; of &gt;"),
    ],
)
def test_bad_join_input_gets_dutch_message(store, code, alias, expected):
    page = start.start_page(PageContext(store, None))
    page.code.value, page.alias.value = code, alias
    page.join_button.click()
    assert page.ctx.session is None
    assert expected in page.message.value
    assert "<script>" not in page.message.value


def test_self_study_and_logout(store, monkeypatch):
    monkeypatch.delenv("VOILA_REQUEST_URL", raising=False)
    page = start.start_page(PageContext(store, None))
    page.solo_alias.value = ""
    page.solo_button.click()
    assert page.ctx.session == Session("zelfstudie", "ik")
    assert "zelfstudie=1" in _html(page.widget)
    page.logout()
    assert page.ctx.session is None and "Meedoen aan een training" in _html(page.widget)


def test_training_mode_offers_no_self_study(store, monkeypatch):
    monkeypatch.setenv("WERKBOEK_MODUS", "training")
    page = start.start_page(PageContext(store, None))
    assert "Zelfstudie" not in _html(page.widget) and not hasattr(page, "solo_button")


def test_quiz_answers_are_saved_and_restored(store):
    ctx = PageContext(store, Session("ABC", "Sanne", "t"))
    page = elementen.module(ctx, seed=3)
    view = page["quiz"]
    answered = []
    for i in range(3):
        q = view.quiz.questions[i]
        _button(view, q.answer).click()
        answered.append(q.answer)
        view._next.click()
    assert "Bewaard om" in _html(page.exercises["quiz"].widget)
    saved = store.load("ABC", "Sanne", registry.exercise_id("elementen", "quiz"))
    assert saved["answers"] == {str(i): a for i, a in enumerate(answered)} and saved["score"] == 3
    again = elementen.module(ctx, seed=99)  # a reload: another seed must not matter
    assert again.widget.children[2].selected_index == 1
    assert again["quiz"].quiz.questions == view.quiz.questions
    assert "Vraag 4 van 10" in again["quiz"]._progress.value
    assert "tot nu toe 3 goed" in again["quiz"]._progress.value


def test_module_without_session_says_work_is_not_saved(store):
    box = elementen.module(PageContext(store, None), seed=1)
    assert "niet aangemeld" in _html(box).lower()
    _button(box["quiz"], box["quiz"].quiz.questions[0].answer).click()
    assert store.count() == 0


def test_session_bar_escapes_names(store):
    ctx = PageContext(store, Session("zelfstudie", "A&B"))
    text = _html(elementen.module(ctx, seed=1))
    assert "A&amp;B" in text and "00_start.ipynb?zelfstudie=1&amp;naam=A%26B" in text


def test_a_broken_module_list_keeps_the_join_form(store, tmp_path, monkeypatch):
    """The fault: a broken modules.yaml removed the join form, so nobody could join."""
    target = tmp_path / "exercises"
    shutil.copytree(EXERCISES, target)
    (target / "modules.yaml").write_text("modules: [\n", encoding="utf-8")
    monkeypatch.setenv("WERKBOEK_EXERCISES", str(target))
    monkeypatch.delenv("VOILA_REQUEST_URL", raising=False)
    page = start.start_page(PageContext(store, None))
    assert "exercises/modules.yaml" in _html(page.widget)
    page.code.value, page.alias.value = "MENTOR24", "Sanne"
    page.join_button.click()
    assert page.ctx.session is not None and "Welkom, <strong>Sanne</strong>" in _html(page.widget)


def test_participant_erases_history_or_everything_only_after_confirming(store, monkeypatch):
    monkeypatch.delenv("VOILA_REQUEST_URL", raising=False)
    page = start.start_page(PageContext(store, None))
    page.code.value, page.alias.value = "MENTOR24", "Sanne"
    page.join_button.click()
    store.save("MENTOR24", "Sanne", "x", {"t": "Jan de Vries"})
    store.save("MENTOR24", "Sanne", "x", {"t": "J."})
    page.prune_button.click()  # no tick: a crafted click does nothing
    assert len(store.history("MENTOR24", "Sanne", "x")) == 2 and "vinkje" in page.data_message.value
    page.prune_confirm.value = True
    page.prune_button.click()
    assert [h["answer"] for h in store.history("MENTOR24", "Sanne", "x")] == [{"t": "J."}]
    page.erase_button.click()
    assert store.load("MENTOR24", "Sanne", "x") is not None
    page.erase_confirm.value = True
    page.erase_button.click()
    assert store.load("MENTOR24", "Sanne", "x") is None and page.ctx.session is None
    assert "gewist" in page.message.value and store.aliases("MENTOR24") == []


def test_a_disabled_quiz_choice_cannot_answer_the_next_question():
    """The attack: after an answer the buttons are disabled in the browser only."""
    view = QuizView(lambda: element_quiz(content.load("elementen"), n=3, seed=1), "Kies")
    view._buttons[0].click()
    assert list(view.quiz.answers) == [0]
    view._buttons[1].click()  # a crafted click on a disabled button
    assert list(view.quiz.answers) == [0] and view.quiz.current == 1
    view._next.click()
    view._buttons[1].click()
    assert list(view.quiz.answers) == [0, 1]
