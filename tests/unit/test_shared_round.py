"""One role-play round shared by three pages through the store: roles, clock, marks, debrief, rotation."""

from __future__ import annotations

import threading

import pytest

from workbook import aggregates
from workbook.session import Session
from workbook.shared_round import Round, RoundError, apply, normalise_group, rotate
from workbook.store import Store
from workbook.ui import rollenspel
from workbook.ui.common import PageContext

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'rounds.sqlite'}")


def _page(store: Store, alias: str, code: str = "TRAIN"):
    return rollenspel.module(PageContext(store, Session(code, alias, "t")))["ronde"]


# --- the round as data ----------------------------------------------------------------------


def test_the_clock_runs_pauses_and_stops_the_same_for_everyone():
    r = Round("te_laat")
    assert r.clock(100.0) == 0 and not r.started
    r.start(100.0)
    assert r.clock(175.5) == 75
    r.pause(180.0)
    assert r.clock(500.0) == 80 and r.started
    r.start(600.0)
    r.mark("erkennen", 610.0)
    assert r.tally.timeline() == [("01:30", "erkennen")]
    r.stop(620.0)
    assert r.stopped and r.clock(9999.0) == 100
    with pytest.raises(RoundError, match="gestopt"):
        r.start(700.0)
    with pytest.raises(RoundError, match="scenario ligt vast"):
        r.choose("iets_anders")
    again = Round.from_state(r.state())
    assert again == r


def test_roles_are_free_or_taken_and_rotate():
    r = Round("x")
    r.claim("Mira", "mentor")
    r.claim("Olaf", "observator")
    with pytest.raises(RoundError, match="al gekozen door Mira"):
        r.claim("Olaf", "mentor")
    r.claim("Mira", "leerling")  # changing role frees the old one
    assert r.roles == {"mentor": None, "leerling": "Mira", "observator": "Olaf"}
    r.claim("Sem", "mentor")
    assert rotate(r.roles) == {"mentor": "Mira", "observator": "Sem", "leerling": "Olaf"}
    r.leave("Sem")
    assert r.role_of("Sem") is None


def test_damaged_state_gives_a_fresh_round_and_group_codes_are_checked():
    junk = Round.from_state({"roles": "x", "running": True, "started_at": "nu", "before": -5, "tally": 3}, "s")
    assert junk.roles == {"mentor": None, "leerling": None, "observator": None}
    assert not junk.running and junk.before == 0.0 and junk.scenario == "s"
    assert normalise_group("  Groep   3 ") == "groep 3"
    for bad in ("", "   ", None, "x" * 31, "a\x00b"):
        with pytest.raises(RoundError):
            normalise_group(bad)


def test_two_writers_at_once_both_count(store):
    store.round_update("W", "g", 1, apply(lambda r: None, "s"))
    barrier = threading.Barrier(2)

    def marks(element: str) -> None:
        barrier.wait()
        for _ in range(20):
            store.round_update("W", "g", 1, apply(lambda r: r.tally.count(element)))

    threads = [threading.Thread(target=marks, args=(c,)) for c in ("rood", "groen")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    record = store.round_load("W", "g")
    assert record.state["tally"]["counters"]["rood"] == 20 and record.state["tally"]["counters"]["groen"] == 20
    assert record.version == 41 and store.round_version("W", "g") == (1, 41)


def test_a_refused_change_writes_nothing(store):
    store.round_update("W", "g", 1, apply(lambda r: r.claim("Mira", "mentor"), "s"))
    with pytest.raises(RoundError):
        store.round_update("W", "g", 1, apply(lambda r: r.claim("Olaf", "mentor")))
    assert store.round_version("W", "g") == (1, 1)


# --- three pages, one round ------------------------------------------------------------------


def test_three_pages_play_one_round(store):
    mentor, student, observer = (_page(store, a) for a in ("Mira", "Lars", "Olaf"))
    assert mentor.join("Groep 1") and student.join("groep 1") and observer.join("GROEP 1 ")
    mentor.role_buttons["mentor"].click()
    student.role_buttons["leerling"].click()
    observer.poll()
    assert observer.role_buttons["mentor"].disabled and "Mira" in observer.role_buttons["mentor"].description
    observer.role_buttons["mentor"].click()  # taken: refused with a message, nothing changes
    assert "al gekozen door Mira" in observer.message.value and observer.role is None
    observer.role_buttons["observator"].click()
    assert "Jij bent de observator" in observer.card.value and observer.board.layout.display is None
    assert student.board.layout.display == "none" and "Jij bent de leerling" in student.card.value
    assert student.clock_buttons.layout.display == "none" and mentor.clock_buttons.layout.display is None
    # one clock: the mentor starts it, every page shows it running
    mentor.start_button.click()
    observer.poll()
    student.poll()
    assert observer.round.running and student.round.running
    observer.element_buttons["erkennen"].click()
    observer.counter_buttons["groen"].click()
    observer.notes.value = XSS
    mentor.poll()
    assert mentor.round.tally.per_element()["erkennen"] == 1 and mentor.round.tally.counters["groen"] == 1
    assert "Erkennen" in mentor.tally_view.value and "<img" not in mentor.tally_view.value
    # stop asks first; then the debrief is one record for all three
    mentor.stop_button.click()
    assert mentor.confirm.layout.display is None and mentor.round.running
    mentor.stop_yes.click()
    for page in (student, observer):
        page.poll()
        assert page.round.stopped and page.debrief.layout.display is None
    student.agreement.value = True
    student.debrief_notes.value = "Samen: eerst erkennen. " + XSS
    mentor.poll()
    assert mentor.agreement.value is True and mentor.debrief_notes.value.startswith("Samen")
    assert "&lt;img" in mentor.debrief_view.value and "<img" not in mentor.debrief_view.value
    assert "Lars is mentor" in mentor.next_hint.value
    # too long is refused with a message, not cut: the text stays on the screen, nothing is stored
    student.debrief_notes.value = "x" * 6000
    assert "te lang" in student.message.value and len(student.debrief_notes.value) == 6000
    student.poll()
    assert len(student.debrief_notes.value) == 6000 and store.round_load("TRAIN", "groep 1").state["tally"][
        "debrief"
    ].startswith("Samen")
    # the dashboard counts one round for the group, not one per member
    frame = store.frame("TRAIN")
    frame.attrs["rounds"] = store.rounds("TRAIN")
    assert aggregates.roleplay_outcomes(frame).iloc[0]["Aantal"] == 1
    assert aggregates.roleplay_elements(frame).set_index("Element").loc["Erkennen", "Rondes"] == 1
    groups = aggregates.roleplay_groups(frame).set_index("Groep")
    assert groups.loc["groep 1", "Mentor"] == "Mira" and groups.loc["groep 1", "Stand"] == "nabespreking"


def test_a_reload_puts_each_member_back_and_rounds_rotate(store):
    mentor, student, observer = (_page(store, a) for a in ("Mira", "Lars", "Olaf"))
    for page, role in ((mentor, "mentor"), (student, "leerling"), (observer, "observator")):
        page.join("g2")
        page.role_buttons[role].click()
    mentor.start_button.click()
    observer.poll()
    observer.element_buttons["kleine_stap"].click()
    for page in (mentor, student, observer):
        page.flush()
    again = _page(store, "Olaf")  # a reload
    assert again.group == "g2" and again.role == "observator" and again.round.tally.per_element()["kleine_stap"] == 1
    assert again.round.running and again.board.layout.display is None
    mentor.stop_button.click()
    mentor.stop_yes.click()
    student.poll()
    first = mentor.round.scenario
    assert student.next_round() and mentor.next_round()  # both click: one new round
    assert store.round_version("TRAIN", "g2")[0] == 2
    observer.poll()
    assert observer.record.number == 2 and observer.role == "leerling" and mentor.role == "observator"
    assert student.role == "mentor" and mentor.round.scenario != first and not mentor.round.started
    assert "Ronde 1" in mentor.history_view.value and len(store.rounds("TRAIN", "g2")) == 2
    observer.flush()
    assert _page(store, "Olaf").record.number == 2


def test_without_a_session_the_page_explains_instead_of_playing(store):
    view = rollenspel.module(PageContext(store, None))["ronde"]
    assert view.store is None and not view.join("g")


def test_deleting_a_participant_removes_their_name_from_the_rounds(store):
    page = _page(store, "Mira")
    page.join("g")
    page.role_buttons["mentor"].click()
    store.delete_participant("TRAIN", "Mira")
    assert "Mira" not in str(store.round_load("TRAIN", "g").state)
