"""Typed, versioned answers: the models, the migration of answers stored before, and mount()."""

from __future__ import annotations

import pytest

from workbook import aggregates, answers, export, registry
from workbook.answers import (
    CardAnswer,
    ConversationAnswer,
    FormAnswer,
    GoalCardAnswer,
    LabAnswer,
    QuizAnswer,
    RewriteAnswer,
    SelfAssessmentAnswer,
    TallyAnswer,
)
from workbook.session import Session
from workbook.store import Store
from workbook.ui import elementen, luisteren
from workbook.ui.common import PageContext

pytestmark = pytest.mark.unit


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'a.sqlite'}")


# Answers exactly as the version before typed answers stored them (no "version" key).
LEGACY = {
    "01_elementen.quiz": {
        "questions": [
            {"text": "Dat klinkt lastig.", "answer": "erkennen", "explanation": "..."},
            {"text": "Dat hebben veel leerlingen.", "answer": "normaliseren", "explanation": "..."},
        ],
        "answers": {"0": "erkennen", "1": "erkennen"},
        "score": 1,
        "total": 2,
        "finished": True,
    },
    "01_elementen.vrij": {"history": ["Wat werkt al?"], "draft": "Hoe", "finished": False},
    "02_luisteren.zelfevaluatie": {"niveau": 3, "lastig": "Tips geven.", "anders": "Samenvatten.", "finished": True},
    "03_brillen.rood_groen": {
        "current": 1,
        "answers": {"0": {"text": "Wat wil je?", "ok": True, "score": 2, "model_shown": False, "original": "Waarom?"}},
        "done": 1,
        "good": 1,
        "total": 5,
        "finished": False,
    },
    "04_doelen.doelenkaart": {
        "student": "J.",
        "instruction": "doe normaal",
        "goals": ["Ik hang mijn jas op."],
        "evaluation": "2026-12-15",
        "specific": 1,
        "finished": True,
    },
    "05_rollenspel.moe": {
        "events": [{"element": "erkennen", "t": 12}],
        "counters": {"rood": 1, "groen": 2, "open": 2, "gesloten": 1},
        "listening": 3,
        "notes": "",
        "agreement": True,
        "followup": False,
        "debrief": "",
        "role": "observator",
        "elapsed": 300,
        "scenario": "moe",
        "debrief_open": True,
        "finished": True,
    },
    "06_oefengesprek.toets": {"script": "toets", "turns": [], "finished": False, "agreement": False},
    "07_formulieren.gesprek": {"student": "S.", "date": "3 dec", "answers": ["a", ""], "finished": False},
}
MODELS = {
    "quiz": QuizAnswer,
    "lab": LabAnswer,
    "self_assessment": SelfAssessmentAnswer,
    "rewrite": RewriteAnswer,
    "goal_card": GoalCardAnswer,
    "tally": TallyAnswer,
    "conversation": ConversationAnswer,
    "form": FormAnswer,
    "gesprekskaart": CardAnswer,
}


def _contains(new: object, old: object) -> bool:
    """Whether ``new`` holds everything ``old`` held (it may add fields with their default)."""
    if isinstance(old, dict):
        return isinstance(new, dict) and all(k in new and _contains(new[k], v) for k, v in old.items())
    if isinstance(old, list):
        return isinstance(new, list) and len(new) == len(old) and all(map(_contains, new, old))
    return new == old


@pytest.mark.parametrize("exercise", sorted(LEGACY))
def test_answers_stored_before_versions_are_migrated_and_read(exercise):
    kind = registry.kind_of(exercise)
    typed = answers.for_exercise(exercise, LEGACY[exercise])
    assert isinstance(typed, MODELS[kind]) and typed.version == answers.CURRENT_VERSION
    dumped = typed.dump()
    assert _contains(dumped, LEGACY[exercise])  # nothing that was stored is lost in the migration
    assert answers.parse(MODELS[kind], dumped) == typed  # the current version reads back unchanged


def test_a_damaged_field_falls_back_to_its_default_and_keeps_the_rest():
    stored = {**LEGACY["02_luisteren.zelfevaluatie"], "niveau": "<script>", "lastig": 12}
    typed = answers.parse(SelfAssessmentAnswer, stored)
    assert typed is not None and typed.niveau is None and typed.lastig == "" and typed.anders == "Samenvatten."
    assert answers.parse(SelfAssessmentAnswer, ["not", "a", "dict"]) is None
    assert answers.parse(SelfAssessmentAnswer, None) is None


def test_an_answer_from_a_newer_version_is_read_as_far_as_it_fits():
    typed = answers.parse(LabAnswer, {"version": 7, "history": ["a"], "something_new": 1})
    assert typed is not None and typed.history == ["a"] and typed.version == answers.CURRENT_VERSION


def test_every_kind_is_registered_once_with_a_version():
    assert set(answers.KINDS) == set(MODELS)
    for kind, model in answers.KINDS.items():
        assert model.kind == kind and model().version == answers.CURRENT_VERSION
    with pytest.raises(ValueError):
        answers.register(LabAnswer)


def test_exercise_ids_come_from_the_registry_only():
    assert registry.exercise_id("elementen", "quiz") == "01_elementen.quiz"
    assert registry.exercise_id("rollenspel", "ronde") == "05_rollenspel.ronde"  # one shared round per group
    # rounds saved per scenario before rounds were shared are still known
    assert registry.exercise_id("rollenspel", "ronde_per_scenario", "moe") == "05_rollenspel.moe"
    with pytest.raises(KeyError):
        registry.exercise_id("elementen", "bestaat_niet")
    with pytest.raises(KeyError):
        registry.exercise_id("rollenspel", "ronde_per_scenario")  # a per-item exercise needs its item
    assert registry.kind_of("99_onbekend.x") is None


def test_legacy_answers_feed_the_dashboard_and_the_export(store):
    for exercise, answer in LEGACY.items():
        store.save("ABC", "Sanne", exercise, answer)
    frame = store.frame("ABC")
    assert aggregates.quiz_scores(frame).iloc[0].to_dict() == {"Deelnemer": "Sanne", "Score": 1, "Van": 2}
    assert aggregates.quiz_mistakes(frame).iloc[0]["Aantal fout"] == 1
    assert aggregates.listening_levels(frame).set_index("Niveau").loc[3, "Deelnemers"] == 1
    assert aggregates.rewrite_summary(frame, "03_brillen.rood_groen").iloc[0]["Goed"] == 1
    assert aggregates.goal_cards(frame).iloc[0]["Doelen"] == 1
    assert aggregates.roleplay_elements(frame).set_index("Element").iloc[0]["Keer"] == 1
    table = export.answers_table(frame)
    assert all('"version": 1' in text for text in table["antwoord"])


def test_a_page_restores_an_answer_stored_before_versions(store):
    ctx = PageContext(store, Session("ABC", "Sanne", "t"))
    store.save("ABC", "Sanne", "02_luisteren.zelfevaluatie", LEGACY["02_luisteren.zelfevaluatie"])
    store.save("ABC", "Sanne", "01_elementen.vrij", LEGACY["01_elementen.vrij"])
    page = luisteren.module(ctx)
    assert page["zelfevaluatie"].level.value == 3 and page["zelfevaluatie"].hard.value == "Tips geven."
    lab = elementen.module(ctx)["vrij"]
    assert lab.history == ["Wat werkt al?"] and lab.text.value == "Hoe"
    # restoring wrote nothing: the stored answer is still the old one until the participant changes something
    assert "version" not in store.load("ABC", "Sanne", "01_elementen.vrij")
    lab.text.value = "Hoe gaat het?"
    lab.flush()
    assert store.load("ABC", "Sanne", "01_elementen.vrij")["version"] == answers.CURRENT_VERSION


def test_mount_refuses_a_view_of_the_wrong_kind(store):
    from workbook.ui.exercise import mount
    from workbook.ui.views.lab import LabView

    ctx = PageContext(store, Session("ABC", "Sanne", "t"))
    with pytest.raises(TypeError):
        mount(ctx, "01_elementen.quiz", LabView(str, "wb-x", "intro", ""))
