"""Quiz logic for module 01, independent of widgets."""

from __future__ import annotations

import pytest

from workbook import content
from workbook.content import ELEMENT_IDS
from workbook.quiz import Question, Quiz, element_quiz


@pytest.fixture
def data():
    return content.load("elementen")


def test_quiz_draws_from_content_and_covers_every_element(data):
    quiz = element_quiz(data, n=10, seed=3)
    assert len(quiz.questions) == 10
    assert set(ELEMENT_IDS) <= {q.answer for q in quiz.questions}
    phrasings = {p: e.id for e in data.elementen for p in e.voorbeelden}
    for q in quiz.questions:
        assert phrasings[q.text] == q.answer
    assert len({q.text for q in quiz.questions}) == 10


def test_order_is_random(data):
    orders = {tuple(q.text for q in element_quiz(data, seed=s).questions) for s in range(5)}
    assert len(orders) > 1


def test_right_and_wrong_answers_get_explained_feedback(data):
    quiz = element_quiz(data, n=7, seed=1)
    first = quiz.questions[0]
    fb = quiz.answer(0, first.answer)
    assert fb.correct and fb.explanation.startswith("Dit is inderdaad")
    wrong = next(c for c in quiz.choices if c != quiz.questions[1].answer)
    fb = quiz.answer(1, wrong)
    assert not fb.correct
    assert quiz.choices[quiz.questions[1].answer] in fb.explanation
    assert quiz.choices[wrong] in fb.explanation
    assert quiz.score == 1 and quiz.current == 2 and not quiz.finished
    assert quiz.mistakes() == [(quiz.questions[1], wrong)]


def test_score_when_finished(data):
    quiz = element_quiz(data, n=7, seed=2)
    for i, q in enumerate(quiz.questions):
        quiz.answer(i, q.answer if i % 2 == 0 else "vastleggen" if q.answer != "vastleggen" else "erkennen")
    assert quiz.finished and quiz.current == 7
    assert quiz.score == 4


def test_invalid_answers_are_refused(data):
    quiz = element_quiz(data, n=7, seed=1)
    with pytest.raises(ValueError):
        quiz.answer(0, "<script>")
    with pytest.raises(ValueError):
        quiz.answer(99, "erkennen")
    quiz.answer(0, "erkennen")
    with pytest.raises(ValueError):
        quiz.answer(0, "normaliseren")
    assert quiz.answers == {0: "erkennen"}


def test_state_roundtrip(data):
    quiz = element_quiz(data, n=8, seed=4)
    quiz.answer(0, quiz.questions[0].answer)
    quiz.answer(1, "kleine_stap")
    state = quiz.state()
    again = Quiz.from_state(state, quiz.choices, quiz.explanations)
    assert again.questions == quiz.questions
    assert again.answers == quiz.answers
    assert again.score == quiz.score and state["total"] == 8


def test_from_state_drops_what_no_longer_fits(data):
    quiz = element_quiz(data, n=7, seed=4)
    state = {
        "questions": [
            {"text": "Ik snap het.", "answer": "erkennen"},
            {"text": "x", "answer": "bestaat_niet"},
        ],
        "answers": {"0": "normaliseren", "5": "erkennen", "x": "erkennen", "1": "<b>"},
    }
    again = Quiz.from_state(state, quiz.choices, quiz.explanations)
    assert again.questions == [Question("Ik snap het.", "erkennen")]
    assert again.answers == {0: "normaliseren"}
    with pytest.raises(ValueError):
        Quiz.from_state({"questions": []}, quiz.choices, quiz.explanations)


def test_a_phrase_that_fits_two_elements_accepts_both_and_says_so():
    from workbook import content
    from workbook.quiz import Question, Quiz, element_choices

    data = content.load("elementen")
    assert data.also_right("Wat is je volgende stap vooruit?") == ("kleine_stap",)
    choices, explanations = element_choices(data)
    quiz = Quiz(
        [Question("Wat is je volgende stap vooruit?", "vervolggesprek", also=("kleine_stap",))], choices, explanations
    )
    fb = quiz.answer(0, "kleine_stap")
    assert fb.correct and "Goed te verdedigen" in fb.explanation and quiz.score == 1 and quiz.mistakes() == []
    again = Quiz.from_state(quiz.state(), choices, explanations)
    assert again.questions[0].also == ("kleine_stap",) and again.score == 1
    wrong = Quiz(
        [Question("Wat is je volgende stap vooruit?", "vervolggesprek", also=("kleine_stap",))], choices, explanations
    )
    assert not wrong.answer(0, "erkennen").correct
    # the dashboard's "vaak fout" does not count a defensible answer as a mistake
    from workbook.answers import QuizAnswer

    stored = QuizAnswer.model_validate(quiz.state())
    assert stored.mistakes() == []
    # a phrase named under ook_goed must be an example of another element
    import pytest
    from pydantic import ValidationError

    raw = data.model_dump()
    raw["ook_goed"] = [{"zin": "Bestaat niet.", "elementen": ["erkennen"]}]
    with pytest.raises(ValidationError):
        type(data).model_validate(raw)
