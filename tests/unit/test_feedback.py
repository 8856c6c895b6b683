"""workbook.feedback: accuracy on the development set, seed examples, robustness, contract."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.feedback_eval import HOLDOUT_SETS, development_set, evaluate, evaluate_holdout
from workbook import content, feedback
from workbook.content import ELEMENT_IDS

ENGINE = Path(feedback.__file__).resolve().parent

# Accuracy on the development set (rounds 1-17: 3904 questions, 1760 goals, 2685 utterances). Rounds
# 5-17 were written blind to the rules and the word model learns from them, so these figures are
# not evidence of generalisation: the held-out sets below are. Round 17 counts a period ("in 4 havo",
# "dit jaar") as a deadline where older rounds do not, so the tijdgebonden floor went from 0.97 to 0.96.
THRESHOLDS = {
    "open/gesloten": 0.97,
    "bril": 0.92,
    "doel specifiek": 0.86,
    "doel meetbaar": 0.88,
    "doel tijdgebonden": 0.96,
    "doel positief": 0.95,
    "element top-1": 0.91,
}


# Floors on the held-out sets, a few points under what the engine scores today. They are never
# tuned on and never trained on (look at `make bench`, not at their misses): a drop means a rule
# or the word model stopped generalising. holdout_2.yaml, holdout_3.yaml and holdout_4.yaml were
# written blind to the rules; their figures are the honest ones.
HOLDOUT_FLOORS = {
    "holdout.yaml": {"open/gesloten": 0.90, "bril": 0.86, "doel specifiek": 0.93, "element top-1": 0.90},
    "holdout_2.yaml": {
        "open/gesloten": 0.96,
        "bril": 0.91,
        "doel specifiek": 0.92,
        "doel meetbaar": 0.94,
        "doel tijdgebonden": 0.94,
        "element top-1": 0.88,
    },
    "holdout_3.yaml": {
        "open/gesloten": 0.96,
        "bril": 0.88,
        "doel specifiek": 0.85,
        "doel meetbaar": 0.93,
        "doel tijdgebonden": 0.90,
        "element top-1": 0.83,
    },
    # written blind on 2026-12-03 and measured once before any change that followed
    "holdout_4.yaml": {
        "open/gesloten": 0.97,
        "bril": 0.90,
        "doel specifiek": 0.85,
        "doel meetbaar": 0.76,
        "doel tijdgebonden": 0.90,
        "element top-1": 0.81,
    },
}
# Error rates that may not rise ("groen als rood": green questions called red; "twijfel":
# questions the engine says it doubts). Green judged red is the error that costs trust.
HOLDOUT_CEILINGS = {
    "holdout.yaml": {"groen als rood": 0.02, "twijfel": 0.08},  # 28 questions: one is 3.6 %
    "holdout_2.yaml": {"groen als rood": 0.025, "twijfel": 0.05},
    "holdout_3.yaml": {"groen als rood": 0.035, "twijfel": 0.05},
    "holdout_4.yaml": {"groen als rood": 0.02, "twijfel": 0.03},
}
# Development round 5 is also measured apart, with its own floors.
# Round 5 calls a single concrete act without a number ("Deze week maakt Lisa een afspraak met de
# decaan") not measurable; rounds 15 and later call it measurable (done or not). The engine follows the
# whole development set, where the second reading wins, so round 5's meetbaar floor went from 0.93 to 0.88.
ROUND_5_FLOORS = {
    "open/gesloten": 0.97,
    "bril": 0.94,
    "doel specifiek": 0.86,
    "doel meetbaar": 0.88,
    "doel tijdgebonden": 0.95,
    "element top-1": 0.93,
}


@pytest.mark.parametrize("name", HOLDOUT_SETS)
def test_held_out_accuracy_stays_above_its_floor(name):
    figures = evaluate_holdout(name)
    below = {k: round(figures[k], 3) for k, floor in HOLDOUT_FLOORS[name].items() if figures[k] < floor}
    above = {k: round(figures[k], 3) for k, top in HOLDOUT_CEILINGS[name].items() if figures[k] > top}
    assert below == {} and above == {}


def test_development_round_5_stays_above_its_floor():
    figures = evaluate_holdout("ontwikkelset_5.yaml")
    below = {k: round(figures[k], 3) for k, floor in ROUND_5_FLOORS.items() if figures[k] < floor}
    assert below == {} and figures["groen als rood"] <= 0.03


@pytest.mark.parametrize(
    ("text", "lens"),
    [
        # one problem word in a question that looks forward: too weak to call red
        ("Wat ga je doen zodat het minder lastig wordt in de les?", ("groen", "twijfel")),
        ("Hoe hou je het ondanks de stress toch vol?", ("groen", "twijfel")),
        # implicit blame, with words between the subject and 'wel'
        ("Heb je je huiswerk wel gemaakt?", "rood"),
        ("Luister je eigenlijk wel naar de uitleg?", "rood"),
        # 'wel eens' asks for an exception, not blame
        ("Heb je wel eens een les gehad waarin het rustig bleef?", ("groen", "twijfel")),
    ],
)
def test_doubt_instead_of_red_and_implicit_blame(text, lens):
    got = feedback.analyse_question(text)
    assert got.lens in ((lens,) if isinstance(lens, str) else lens)
    if got.lens == "twijfel":
        assert got.reasons[-1] and any("Twijfel" in r for r in got.reasons)


def _engine_text() -> str:
    """The engine's code and rules files (the word model holds words and word pairs, no sentences)."""
    files = [*ENGINE.glob("*.py"), *ENGINE.glob("regels/*.yaml")]
    return _norm(" ".join(p.read_text(encoding="utf-8") for p in files))


def test_no_held_out_sentence_is_written_into_the_engine():
    engine_text = _engine_text()
    from tests.feedback_eval import load

    for name in HOLDOUT_SETS:
        data = load(name)
        rows = data["vragen"] + data["doelen"] + data["uitingen"]
        # six words or more: a short everyday question ("Waar ben je goed in?") may be a suggestion
        leaked = [r[0] for r in rows if len(_norm(r[0]).split()) >= 6 and _norm(r[0]) in engine_text]
        assert leaked == [], name


def test_development_set_is_large_enough():
    questions, goals, utterances = development_set()
    assert len(questions) >= 1000 and len(goals) >= 300 and len(utterances) >= 600


def test_the_word_model_is_trained_on_the_development_rounds_only_and_is_current():
    import json

    from tests.feedback_eval import DATA, DEV_FILES
    from workbook.feedback.model import MODEL_PATH, build

    makefile = (ENGINE.parents[1] / "Makefile").read_text(encoding="utf-8")
    listed = re.search(r"FEEDBACK_DEV := \$\(addprefix tests/data/,(.*?)\)\n", makefile, re.S)
    assert listed and listed.group(1).replace("\\", " ").split() == list(DEV_FILES)
    assert not set(DEV_FILES) & set(HOLDOUT_SETS)
    fresh = {k: m.to_json() for k, m in build([DATA / name for name in DEV_FILES]).items()}
    assert json.loads(MODEL_PATH.read_text(encoding="utf-8")) == fresh, "run: make feedback-model"


def test_a_verdict_of_the_word_model_names_the_words_it_rests_on():
    from workbook.feedback.model import lens_model

    text = "Wat doet je goed op een schooldag?"  # no rule knows it; the word model decides
    guess = lens_model().guess(text)
    assert guess is not None and guess.label == "groen" and guess.evidence
    judged = feedback.analyse_question(text)
    assert judged.lens == "groen" and "woordmodel" in judged.codes
    assert any(w in " ".join(judged.reasons) for w in guess.evidence)


def test_accuracy_on_the_development_set():
    figures, misses = evaluate()
    below = {k: v for k, v in figures.items() if k in THRESHOLDS and v < THRESHOLDS[k]}
    assert below == {}, "\n".join(misses)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9à-ÿ]+", " ", text.lower()).strip()


def test_no_development_sentence_is_written_into_the_engine():
    engine_text = _engine_text()
    questions, goals, utterances = development_set()
    sentences = [r[0] for r in questions + goals + utterances]
    leaked = [s for s in sentences if len(_norm(s).split()) >= 4 and _norm(s) in engine_text]
    assert leaked == []


# --- the seeds' own examples are judged right -----------------------------------------


@pytest.mark.parametrize(
    "question, lens",
    [
        ("Waarom heb jij dit probleem?", "rood"),
        ("Welke kwaliteiten/vaardigheden mis je waardoor je dit probleem hebt?", "rood"),
        ("Wat houdt jou tegen om dit probleem op te lossen?", "rood"),
        ("Wat wil je i.p.v. deze situatie?", "groen"),
        ("Welke vaardigheden bezit je al die je kunnen helpen?", "groen"),
        ("Wat kan een kleine stap zijn in de goede richting?", "groen"),
    ],
)
def test_seed_lens_examples(question, lens):
    got = feedback.analyse_question(question)
    assert got.is_question and got.open and got.lens == lens


def test_seed_goals_wrong_fail_and_right_pass():
    wrong = [
        "M. moet over 3 maanden de teksten beter begrijpen.",
        "M. laat zich minder afleiden door zijn klasgenoten.",
    ]
    right = [
        "M. haalt over 3 maanden bij Ne, Gs en Ak bij teksten van 1 A-4tje de hoofdzaken eruit.",
        "M. werkt over 10 weken tijdens de lessen 15 minuten zelfstandig aan een taak.",
    ]
    for goal in wrong:
        c = feedback.check_goal(goal).criteria
        assert not c["specifiek"] or not c["meetbaar"], goal
    for goal in right:
        c = feedback.check_goal(goal).criteria
        assert all(c[k] for k in ("specifiek", "meetbaar", "tijdgebonden", "positief")), goal


def test_content_examples_are_judged_as_the_workbook_presents_them():
    for pair in content.load("brillen").paren:
        assert feedback.analyse_question(pair.rood).lens == "rood", pair.rood
        assert feedback.analyse_question(pair.groen).lens == "groen", pair.groen
    for pair in content.load("open_gesloten").paren:
        assert not feedback.analyse_question(pair.gesloten).open, pair.gesloten
        assert feedback.analyse_question(pair.open).open, pair.open
    for element in content.load("elementen").elementen:
        for phrase in element.voorbeelden:
            assert feedback.detect_elements(phrase)[:1] == [element.id], phrase
    for example in content.load("smarti").voorbeelden:
        good = feedback.check_goal(example.goed_doel).criteria
        assert all(good[k] for k in ("specifiek", "meetbaar", "tijdgebonden", "positief")), example.goed_doel
        wrong = feedback.check_goal(example.fout_doel).criteria
        # a concrete goal that says what must stop is specific but not positive (docs/feedback.md)
        negative = any(w in example.waarom_fout.lower() for w in ("negatief", "niet meer", "minder moet"))
        assert not wrong["positief" if negative else "specifiek"], example.fout_doel


# --- the contract ---------------------------------------------------------------------


def test_question_contract_with_reasons_and_suggestions():
    q = feedback.analyse_question("Heb je weer niet geleerd?")
    assert (q.is_question, q.open, q.lens) == (True, False, "rood")
    assert any("werkwoord 'heb'" in r for r in q.reasons)
    assert "open vraag" in q.suggestion and "groene" in q.suggestion
    green = feedback.analyse_question("Wanneer lukt het wel?")
    assert green.lens == "groen" and green.open and green.suggestion is None
    tag = feedback.analyse_question("Dat ga je wel doen, hè?")
    assert not tag.open and any("suggestieve" in r for r in tag.reasons)
    assert feedback.analyse_question("Hoe laat ga je naar bed?").lens == "neutraal"


def test_goal_contract_and_tips_quote_the_goal():
    g = feedback.check_goal("M. moet over 3 maanden de teksten beter begrijpen.")
    assert set(g.criteria) == {
        "specifiek",
        "meetbaar",
        "acceptabel",
        "realistisch",
        "tijdgebonden",
        "inspirerend",
        "positief",
    }
    assert g.criteria["acceptabel"] is None and g.criteria["realistisch"] is None
    assert g.criteria["inspirerend"] is None and g.criteria["tijdgebonden"] is True
    assert any("'beter begrijpen'" in t for t in g.tips)
    assert any("maat" in t for t in g.tips)
    assert len(g.questions) == 3
    neg = feedback.check_goal("Kim komt niet meer te laat.")
    assert not neg.criteria["positief"] and any("'niet'" in t for t in neg.tips)


def test_elements_contract():
    assert feedback.detect_elements("Dat lijkt me lastig.") == ["erkennen"]
    multi = feedback.detect_elements("Dat lijkt me lastig; je bent echt niet de enige. Wat werkt er al?")
    assert set(multi) == {"erkennen", "normaliseren", "zichtbaar_maken"}
    assert all(e in ELEMENT_IDS for e in multi)
    assert feedback.detect_elements("Je moet gewoon harder werken.") == []
    ranked, reasons, why_not = feedback.explain_elements("Je moet gewoon harder werken.")
    assert ranked == [] and "advies" in why_not


# --- robustness -------------------------------------------------------------------------


def _check_types(text) -> None:
    q = feedback.analyse_question(text)
    assert isinstance(q.is_question, bool) and isinstance(q.open, bool)
    assert q.lens in ("rood", "groen", "neutraal", "twijfel")
    assert isinstance(q.reasons, list) and q.reasons and all(isinstance(r, str) and r for r in q.reasons)
    assert q.suggestion is None or isinstance(q.suggestion, str)
    g = feedback.check_goal(text)
    for key in ("specifiek", "meetbaar", "tijdgebonden", "positief"):
        assert isinstance(g.criteria[key], bool)
    assert all(g.criteria[k] is None for k in ("acceptabel", "realistisch", "inspirerend"))
    assert isinstance(g.tips, list) and all(isinstance(t, str) for t in g.tips)
    elements = feedback.detect_elements(text)
    assert isinstance(elements, list) and all(e in ELEMENT_IDS for e in elements)
    assert len(set(elements)) == len(elements)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text):
    _check_types(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "wat",
                "waarom",
                "niet",
                "wel",
                "?",
                ",",
                "hè",
                "of",
                "je",
                "heb",
                "<b>",
                "😀",
                "lukt",
                "stap",
                "over",
                "3",
                "weken",
                "elke",
                "moet",
                "\n",
                "é",
                "...",
                "dus",
            ]
        ),
        max_size=30,
    )
)
def test_word_salad_never_raises(tokens):
    _check_types(" ".join(tokens))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\t",
        "?",
        "😀😀😀",
        "<script>alert(1)</script>",
        "What is your goal?",
        "¿Qué tal?",
        "a" * 5000,
        None,
        12,
        ["lijst"],
    ],
)
def test_odd_input_gets_a_sensible_result(text):
    _check_types(text)
    q = feedback.analyse_question(text)
    if not isinstance(text, str) or not text.strip() or text == "😀😀😀":
        assert not q.is_question and q.reasons


def test_a_100k_character_input_gets_a_result_without_runaway_matching():
    """The 50 ms target is measured by `make bench`; this guards against catastrophic backtracking."""
    for text in (
        ("Wat wil je bereiken met dit vak, en waarom lukt het niet? " * 2000)[:100_000],
        "wat " * 25_000,
        "," * 100_000,
        "wanneer lukt het wel " * 5000,
    ):
        for fn in (feedback.analyse_question, feedback.check_goal, feedback.detect_elements):
            start = time.perf_counter()
            fn(text)
            assert time.perf_counter() - start < 1.0, fn.__name__
    assert any("begin" in r for r in feedback.analyse_question("Hoe gaat het? " * 10_000).reasons)


@pytest.mark.parametrize(
    "question",
    [
        "Op welke dagen valt het wat mee, en wat doe je dan anders?",  # exception
        "Hoe hou je het vol met zoveel toetsen?",  # coping
        "Wat doe je als de ruzie met je broer voorbij is?",  # preferred future
        "Op een schaal van 1 tot 10, waar sta je nu?",  # scaling
        "Wie kan je helpen als het weer lastig wordt?",  # resources
        "Wat was voor jou nuttig aan dit gesprek?",  # evaluation
    ],
)
def test_solution_focused_families_are_green_despite_their_problem_words(question):
    assert feedback.analyse_question(question).lens == "groen"


def test_implicit_blame_is_red_and_the_simulated_student_hears_it():
    from workbook import student

    assert feedback.analyse_question("Heb je eigenlijk wel je best gedaan?").lens == "rood"
    assert student.read_move("Ben je wel op tijd begonnen?")[0] in ("verwijt", "rode_vraag")
    assert student.read_move("Balen hoor.")[0] == "erkennen"  # short spoken acknowledgement opens up


def test_reasons_name_what_was_found_for_every_development_question():
    """A reason never calls a preposition or a conjunction a question word or a verb."""
    from workbook.feedback import lexicon as lx

    questions, _goals, _utterances = development_set()
    named = re.compile(r"(?:vraagwoord|werkwoord) \(?'([^']+)'")
    wrong = []
    for row in questions:
        analysis = feedback.analyse_question(row[0])
        for reason in analysis.reasons:
            for word in named.findall(reason):
                if word in lx.PREPOSITIONS or word in lx.CONJUNCTIONS:
                    wrong.append((row[0], reason))
            if "vraagwoord '" in reason:
                assert named.search(reason).group(1) in lx.QUESTION_WORDS, reason
        if lx.INVITATION.match(row[0].lower()) and row[0].rstrip().endswith("."):
            assert "Let op: het vraagteken ontbreekt." not in analysis.reasons, row[0]
    assert wrong == []


def test_a_rewrite_tip_never_replaces_a_question_word_by_a_question_word():
    from workbook.feedback import lexicon as lx

    questions, _goals, _utterances = development_set()
    for row in questions:
        tip = feedback.analyse_question(row[0]).suggestion or ""
        found = re.search(r"in plaats van met '([^']+)'", tip)
        if found:
            word = found.group(1)
            assert word not in lx.QUESTION_WORDS and word not in lx.PREPOSITIONS and word not in lx.CONJUNCTIONS, row[0]
    choice = feedback.analyse_question("Welke wil je eerst doen, wiskunde of Frans?")
    assert not choice.open and "keuze" in choice.suggestion


def test_a_help_question_a_demand_and_a_bare_frequency_are_no_goal_yet():
    question = feedback.check_goal("Hoe kan ik zorgen dat ik mijn Duitse woordjes onthoud?")
    assert question.criteria["specifiek"] is False and question.criteria["meetbaar"] is False
    assert question.tips[0].startswith("Dit is nog een hulpvraag.")
    demand = feedback.check_goal("Mijn moeder zegt dat ik elke dag moet leren voor Frans.")
    assert demand.criteria["specifiek"] is False
    assert "is wat een ander vraagt" in demand.tips[0] and "'zegt dat ik" in demand.tips[0]
    frequency = feedback.check_goal("Elke week meer motivatie tonen.")
    assert frequency.criteria["meetbaar"] is False
    # the same frequency on something you can see is a measure
    assert feedback.check_goal("Ik maak elke week voor dinsdag mijn Engelse huiswerk.").criteria["meetbaar"] is True
    # a lesson hour is a moment, not an amount of time
    assert feedback.check_goal("Ik wil op tijd komen in het eerste uur.").found["meetbaar"] != "eerste uur"


@pytest.mark.parametrize(
    ("utterance", "element"),
    [
        ("Verdrietig ben je er nog van, merk ik aan alles.", "erkennen"),
        ("Ach, dat gebeurt de beste.", "normaliseren"),
        ("Dat proefwerk haal jij gewoon.", "positieve_verwachting"),
        ("Gaaf hoe je dat aan je groepje uitlegde.", "zichtbaar_maken"),
        ("Begin eens met alleen de eerste paragraaf.", "kleine_stap"),
        ("Dit komt in je leerlingdossier, goed?", "vastleggen"),
        ("Heb je je docent Engels nog gemaild?", "vervolggesprek"),
    ],
)
def test_elements_in_everyday_words(utterance, element):
    assert feedback.detect_elements(utterance)[:1] == [element]


def test_small_talk_in_the_perfect_tense_is_no_follow_up():
    assert "vervolggesprek" not in feedback.detect_elements("Heb je die serie gisteren nog gekeken?")
