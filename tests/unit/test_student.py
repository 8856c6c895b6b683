"""The simulated student of module 06: moves read from codes, an inner state, answers that fit, both ends."""

from __future__ import annotations

import random
import re

import pytest

from workbook import content, feedback
from workbook.feedback import elements
from workbook.student import GUARDED_TURNS, TEMPERAMENTS, TRIAL_CLUMSY, TRIAL_GOOD, Conversation, read_move


def _scripts() -> dict:
    talks, errors = content.load_folder("oefengesprekken")
    assert errors == []
    return {t.id: t for t in talks}


SCRIPTS = _scripts()

WARM = TRIAL_GOOD
COLD = TRIAL_CLUMSY
ANY_TURNS = (
    *WARM,
    *COLD,
    "Op een schaal van 1 tot 10, waar sta je nu?",
    "Wat deed je toen anders?",
    "Wie kan je hierbij helpen?",
    "Hoe zou het eruitzien als het goed gaat?",
    "Je moet gewoon eerder beginnen.",
    "Ja, maar dan moet je wel harder werken.",
    "Waarom heb je niet geleerd?",
    "Heb je wel genoeg geleerd?",
    "Heb je een wekker?",
    "Hm.",
    "Dat heb je knap gedaan.",
)


def test_there_are_six_scenarios_with_every_temperament():
    assert len(SCRIPTS) >= 6
    assert {s.temperament for s in SCRIPTS.values()} == set(TEMPERAMENTS)
    assert len({s.thema for s in SCRIPTS.values()}) >= 5


@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("Balen zeg.", "erkennen"),
        ("Dat klinkt echt heftig.", "erkennen"),
        ("Oké, dus je zag er de hele week tegenop.", "erkennen"),
        ("Komt echt heel vaak voor in de tweede klas, hoor.", "erkennen"),
        ("Ik hoor dat je straf verwacht, maar daar gaat het me nu niet om.", "erkennen"),
        ("Op een schaal van 1 tot 10, waar sta je nu?", "schaal"),
        ("Wanneer speelt het wat minder?", "uitzondering"),
        ("Wie kan je hierbij helpen?", "hulpbron"),
        ("Hoe zou het eruitzien als het goed gaat?", "toekomst"),
        ("Wat is een kleine stap die je morgen kunt proberen?", "stap"),
        ("Ik schrijf het op en maandag kijken we hoe het ging.", "afspraak"),
        ("Heb je je woordjes wel geleerd?", "verwijt"),
        ("Als je nog een keer te laat bent, moet je nablijven.", "dreigement"),
        ("Je moet gewoon eerder opstaan.", "advies"),
        ("Dat snap ik, maar zo kan het niet langer.", "ja_maar"),
        ("Waarom ben je nou weer te laat?", "verwijt"),
        ("Waarom ging het mis bij die toets?", "rode_vraag"),
        ("Heb je een wekker?", "gesloten"),
        ("Hoe laat ga je naar bed?", "open"),
    ],
)
def test_a_turn_is_read_as_the_move_it_makes(text, move):
    assert read_move(text)[0] == move


@pytest.mark.parametrize("text", ["Je moet gewoon harder werken.", "Als je weer te laat komt, bel ik je ouders."])
def test_moves_come_from_reason_codes_not_from_the_wording_of_a_message(text, monkeypatch):
    expected = read_move(text)[0]
    reworded = tuple(cue._replace(reason="iets heel anders") for cue in elements.BLOCKERS)
    monkeypatch.setattr(elements, "BLOCKERS", reworded)
    assert feedback.judge_elements(text).reasons == {} and read_move(text)[0] == expected


def test_acknowledgement_raises_trust_and_reproach_lowers_it():
    script = SCRIPTS["te_laat_daan"]
    c = Conversation(script)
    start = c.student.trust
    warm = c.say("Ik hoor dat je straf verwacht, maar daar gaat het me nu niet om.")
    assert warm["move"] == "erkennen" and warm["trust"] > start
    assert warm["student"] in script.antwoorden["vertellen"]
    cold = c.say("Dat is toch niet zo moeilijk.")
    assert cold["trust"] < warm["trust"] and cold["student"] in script.antwoorden["verdedigen"]


def test_a_threat_is_remembered_and_the_student_stays_guarded():
    script = SCRIPTS["toets_engels"]
    c = Conversation(script)
    c.say("Dat klinkt echt vervelend, na al dat leren.")
    c.say("Als je nog een keer zo'n cijfer haalt, moet je nablijven.")
    assert c.student.guarded == GUARDED_TURNS and c.student.threatened
    answers = [c.say(text) for text in ("Wanneer ging het wel goed?", "Wie kan je helpen?")]
    assert all(a["student"] in script.antwoorden["dicht"] + script.antwoorden["weet_niet"] for a in answers)
    assert c.review()["threat"]


@pytest.mark.parametrize("script_id", sorted(SCRIPTS))
def test_questions_get_answers_that_fit_them(script_id):
    script = SCRIPTS[script_id]
    c = Conversation(script)
    c.say("Dat klinkt echt lastig voor je.")
    c.say("Heel begrijpelijk, dat hebben veel leerlingen.")
    scale = c.say("Op een schaal van 1 tot 10, waar sta je nu?")
    assert scale["student"] in script.antwoorden["schaal"] and re.search(r"\d", scale["student"])
    exception = c.say("Wanneer gaat het wel een beetje beter?")
    assert exception["student"] in script.antwoorden["uitzondering"]
    action = c.say("Wat deed je toen anders dan anders?")
    assert action["answer"] == "actie" and action["student"] in script.antwoorden["actie"]


@pytest.mark.parametrize("script_id", sorted(SCRIPTS))
def test_every_scenario_can_end_well(script_id):
    script = SCRIPTS[script_id]
    c = Conversation(script)
    for text in WARM:
        turn = c.say(text)
    assert c.outcome == "afspraak" and c.step_made and turn["student"] == script.slot_goed
    review = c.review()
    assert review["step"] and review["agreement"] and review["arc"][-1] > review["arc"][0]
    assert "stap_leerling" not in review["tips"] and "erkennen" not in review["tips"]


@pytest.mark.parametrize("script_id", sorted(SCRIPTS))
def test_every_scenario_can_end_badly_in_two_ways(script_id):
    script = SCRIPTS[script_id]
    closed = Conversation(script)
    for text in COLD:
        if closed.finished:
            break
        closed.say(text)
    assert closed.outcome == "dicht" and closed.turns[-1]["student"] == script.slot_dicht
    review = closed.review()
    assert not review["step"] and review["threat"] and review["weakest"] is not None
    assert closed.turns[review["weakest"]]["move"] in ("dreigement", "verwijt")
    idle = Conversation(script)
    while not idle.finished:
        idle.say("Hm.")
    assert idle.outcome == "tijd_op" and idle.turns[-1]["student"] == script.slot_tijd
    assert len(idle.turns) <= script.max_beurten


@pytest.mark.parametrize("script_id", sorted(SCRIPTS))
def test_no_line_is_said_twice_in_one_conversation(script_id):
    script = SCRIPTS[script_id]
    rng = random.Random(script_id)
    for _ in range(15):
        c = Conversation(script)
        while not c.finished:
            c.say(rng.choice(ANY_TURNS))
        lines = [script.opening, *(t["student"] for t in c.turns)]
        assert len(lines) == len(set(lines)), lines


def test_a_step_handed_by_the_mentor_is_not_the_students_step():
    script = SCRIPTS["te_laat_daan"]
    c = Conversation(script)
    c.say("Dat klinkt als een drukke ochtend voor je.")
    advice = c.say("Je moet gewoon je fiets de avond ervoor klaarzetten.")
    assert advice["move"] == "advies" and advice["student"] in script.antwoorden["ja_maar"]
    c.say("Ik schrijf het op en maandag kijken we hoe het ging.")
    assert not c.finished and not c.step_made


def test_asking_for_a_step_too_early_gets_no_step():
    script = SCRIPTS["weet_ik_niet_mo"]
    c = Conversation(script)
    early = c.say("Wat is een kleine stap die je morgen kunt proberen?")
    assert early["answer"] == "geen_stap" and not c.step_made


def test_the_conversation_replays_from_its_saved_state_and_refuses_bad_turns():
    script = SCRIPTS["te_laat_daan"]
    c = Conversation(script)
    with pytest.raises(ValueError, match="Typ eerst"):
        c.say("   ")
    with pytest.raises(ValueError, match="te lang"):
        c.say("a" * 700)
    for text in WARM[:3]:
        c.say(text)
    again = Conversation.from_state(script, c.state())
    assert again.turns == c.turns and again.student.trust == c.student.trust
    for text in WARM[3:]:
        again.say(text)
    with pytest.raises(ValueError, match="afgelopen"):
        again.say("Nog iets?")


def test_a_broken_practice_conversation_gets_a_dutch_error_naming_what_is_wrong(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    import yaml

    target = tmp_path / "exercises"
    shutil.copytree(Path(__file__).resolve().parents[2] / "exercises", target)
    monkeypatch.setenv("WERKBOEK_EXERCISES", str(target))
    path = target / "oefengesprekken" / "te_laat_daan.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for lines, message in (
        (None, "ontbreken zinnen voor: schaal"),
        (["Een 4."], "minstens twee zinnen nodig voor: schaal"),
        (["Een 4.", "Ja."], "staat er twee keer in"),
    ):
        data["antwoorden"].pop("schaal", None)
        if lines:
            data["antwoorden"]["schaal"] = lines
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        talks, errors = content.load_folder("oefengesprekken")
        assert len(talks) == len(SCRIPTS) - 1 and message in str(errors[0]) and "te_laat_daan.yaml" in str(errors[0])
