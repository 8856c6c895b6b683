"""The plenary debrief (issue 14): answers grouped as the workbook judges them, anonymised, facilitator marks."""

from __future__ import annotations

import pytest

from tests.helpers import widget_html as _html
from workbook import plenary, registry
from workbook.answers import LabAnswer, RewriteAnswer
from workbook.store import Store
from workbook.ui.plenary_view import plenary_view

KEY = "geheim-sleutel-123"
XSS = "<img src=x onerror=alert(1)>"


def _rewrite(*texts: str) -> dict:
    entries = {str(i): {"text": t, "ok": False, "score": 0, "original": "x"} for i, t in enumerate(texts)}
    return RewriteAnswer(answers=entries, done=len(texts), total=len(texts)).dump()


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    monkeypatch.setenv("WERKBOEK_BEGELEIDER_KEY", KEY)
    s = Store(f"sqlite:///{tmp_path / 'p.sqlite'}")
    s.create_training("ABC")
    red_green = registry.exercise_id("brillen", "rood_groen")
    s.save("ABC", "Sanne", red_green, _rewrite("Wanneer lukt het wel?", "Waarom was je weer te laat?"))
    s.save("ABC", "Ali", red_green, _rewrite("Wat zou je morgen willen proberen?"))
    s.save("ABC", "Mo", red_green, _rewrite(XSS + " Wanneer gaat het beter?"))
    lab = registry.exercise_id("elementen", "vrij")
    s.save("ABC", "Sanne", lab, LabAnswer(history=["Balen zeg.", "Wat is een kleine stap voor morgen?"]).dump())
    return s


def test_items_are_grouped_as_the_workbook_judges_them_and_counted(store):
    frame = store.frame("ABC")
    items = plenary.collect(frame, "rood_groen")
    assert len(items) == 4 and len({i.id for i in items}) == 4
    groups = dict(plenary.grouped(items, plenary.SOURCES["rood_groen"].order))
    assert len(groups["Groen, open"]) == 3 and [i.text for i in groups["Rood, open"]] == ["Waarom was je weer te laat?"]
    assert list(dict(plenary.grouped(items, plenary.SOURCES["rood_groen"].order)))[0] == "Groen, open"
    elements = {i.text: i.group for i in plenary.collect(frame, "zelf_formuleren")}
    assert elements == {"Balen zeg.": "Erkennen", "Wat is een kleine stap voor morgen?": "Kleine stap kiezen"}
    # ids are stable: the same answer gets the same id on the next refresh
    assert [i.id for i in plenary.collect(store.frame("ABC"), "rood_groen")] == [i.id for i in items]


def test_names_stay_hidden_until_revealed_one_by_one():
    item = plenary.Item("a1", "Wanneer lukt het wel?", "Sanne", "Groen, open")
    board = plenary.Board()
    assert board.author(item) is None
    board.toggle(board.revealed, "a1")
    assert board.author(item) == "Sanne"
    board.toggle(board.revealed, "a1")
    assert board.author(item) is None


def test_the_view_is_locked_anonymous_and_the_facilitator_marks_reveals_and_hides(store):
    view = plenary_view(store)
    assert not hasattr(view, "groups")
    view.lock.key.value = KEY
    view.lock.unlock()
    view.training.value = "ABC"
    shown = view.groups.value
    assert "Groen, open" in shown and "(3)" in shown and "4 antwoorden" in shown
    assert "Sanne" not in shown and "Ali" not in shown  # anonymous by default
    assert "<img" not in shown and "&lt;img" in shown  # a payload is text
    sanne = next(i for i in view.items if i.participant == "Sanne" and "Wanneer" in i.text)
    view.pick.value = sanne.id
    view.buttons["naam"].click()
    assert "(Sanne)" in view.groups.value and "Ali" not in view.groups.value
    view.buttons["voorbeeld"].click()
    view.buttons["groot"].click()
    assert "wb-plenary-big" in view.large.value and "voorbeeld" in view.large.value
    view.buttons["verbergen"].click()
    assert "Wanneer lukt het wel?" not in view.groups.value and "1 verborgen" in view.groups.value
    assert view.large.value == ""  # a hidden answer is not shown large either
    # a new answer arrives: the marks stay
    store.save("ABC", "Bo", registry.exercise_id("brillen", "rood_groen"), _rewrite("Wie kan je helpen?"))
    view.refresh()
    assert "Wie kan je helpen?" in view.groups.value and "1 verborgen" in view.groups.value
    view.source.value = "zelf_formuleren"
    assert "Erkennen" in view.groups.value and "verborgen" not in view.groups.value
    assert "Sanne" not in _html(view.widget)
