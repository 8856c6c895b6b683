"""Module 11, the gesprekskaart: the card model, the follow-up cycle, due dates, downloads, privacy, deletion."""

from __future__ import annotations

import base64
import csv
import io
import re
from datetime import date, datetime, time, timedelta, timezone

import pytest
import sqlalchemy as sa
from docx import Document
from icalendar import Calendar

from tests.helpers import file_bytes, widget_html
from workbook import answers, cards, export, registry
from workbook.answers import CardAnswer
from workbook.cards import StoredCard
from workbook.privacy import full_names, initials
from workbook.session import Session
from workbook.store import Store
from workbook.store import answers as answers_table
from workbook.ui import gesprekskaart
from workbook.ui.common import PageContext
from workbook.ui.start import StartPage

TODAY = date(2026, 12, 3)  # a Thursday
PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://x")',
    "regel 1\nregel 2\r\n\tregel 3",
    "emoji 🙂 en \x07 een belteken",
    "lang " * 4000,
]


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'k.sqlite'}")


@pytest.fixture
def ctx(store) -> PageContext:
    return PageContext(store, Session("zelfstudie", "Sanne", "t"))


def _card(card_id: str, **values) -> StoredCard:
    return StoredCard(card_id, CardAnswer(**values))


# --- the model and the cycle -------------------------------------------------------------------


def test_the_card_is_a_registered_private_exercise_with_a_checked_time():
    assert registry.kind_of("11_gesprekskaart.k1") == "gesprekskaart"
    assert registry.is_private("11_gesprekskaart.k1") and not registry.is_private("10_mentorrol.quiz")
    card = answers.parse(CardAnswer, {"leerling": "S.", "vervolg_tijd": "25:99", "vervolg_datum": "2026-12-10"})
    assert card is not None and card.vervolg_tijd == "" and card.vervolg_datum == date(2026, 12, 10)
    assert answers.parse(CardAnswer, {"vervolg_tijd": "08:15"}).vervolg_tijd == "08:15"


def test_a_follow_up_links_to_the_card_before_it_and_the_history_shows_the_cycle():
    first = _card("k1", leerling="Sanne", datum=date(2026, 11, 2), stap="Planner invullen", vervolg_datum=TODAY)
    second = _card("k2", leerling="sanne ", datum=date(2026, 11, 9), vorige="k1", hoe_ging_het="3 van 4 dagen")
    other = _card("k3", leerling="Mo", datum=date(2026, 11, 5))
    all_cards = [second, other, first]
    assert cards.held(all_cards) == {"k1"}
    assert cards.status(first, all_cards, TODAY) == "gehouden"
    assert [c.id for c in cards.history(all_cards, "SANNE")] == ["k1", "k2"]
    assert cards.students(all_cards) == ["Mo", "sanne"]  # one entry per student, as first typed
    # a follow-up dated the same day as its card still comes after it
    same_day = _card("k0", leerling="Sanne", datum=date(2026, 11, 9), vorige="k2")
    assert [c.id for c in cards.history([same_day, *all_cards], "Sanne")] == ["k1", "k2", "k0"]


def test_due_and_overdue_follow_ups_come_first_and_the_reminder_counts_them():
    rows = [
        _card("a", leerling="A", datum=date(2026, 11, 1)),  # no follow-up planned
        _card("b", leerling="B", vervolg_datum=date(2026, 12, 20)),  # later
        _card("c", leerling="C", vervolg_datum=date(2026, 12, 6), vervolg_tijd="09:00"),  # Sunday: this week
        _card("d", leerling="D", vervolg_datum=date(2026, 11, 30)),  # overdue
        _card("e", leerling="E", vervolg_datum=TODAY, vervolg_tijd="12:15"),  # today
        _card("f", leerling="F", vervolg_datum=date(2026, 11, 20)),  # overdue, longer ago
        _card("g", leerling="F", vorige="f", datum=TODAY),  # the follow-up of f: f is held
        _card("h", leerling="H", vervolg_datum=date(2026, 12, 4), vervolg_tijd="08:00"),  # tomorrow
    ]
    order = cards.ordered(rows, TODAY)
    assert [(c.id, s) for c, s in order] == [
        ("d", "te_laat"),
        ("e", "vandaag"),
        ("h", "deze_week"),
        ("c", "deze_week"),
        ("b", "later"),
        ("g", "geen_vervolg"),
        ("a", "geen_vervolg"),
        ("f", "gehouden"),
    ]
    due = cards.reminder(rows, TODAY)
    assert (due.overdue, due.today, due.this_week) == (1, 1, 3)
    assert (
        cards.reminder_text(due) == "Je hebt 3 vervolggesprekken deze week (1 vandaag). 1 vervolggesprek is over datum."
    )
    assert cards.reminder_text(cards.reminder([], TODAY)).startswith("Je hebt deze week geen")


def test_the_small_step_is_checked_for_concrete_small_and_a_when():
    good = cards.check_step("Maandag na het laatste uur tien minuten Duitse woordjes leren met de app.")
    assert good is not None and (good.concreet, good.klein, good.wanneer) == (True, True, True) and not good.tips
    vague = cards.check_step("Beter zijn best doen")
    assert vague is not None and not vague.concreet and not vague.wanneer and len(vague.tips) == 2
    big = cards.check_step("Voortaan altijd al zijn huiswerk maken voor alle vakken")
    assert big is not None and not big.klein
    assert cards.check_step("   ") is None


def test_full_names_get_a_suggestion_and_other_capitals_do_not():
    assert full_names("Gesprek met Sanne de Vries over Engels; Sanne komt vrijdag.") == ["Sanne de Vries"]
    assert full_names("Mo El Amrani en Daan Jansen") == ["Mo El Amrani", "Daan Jansen"]
    assert full_names("Anne-Fleur van den Heuvel") == ["Anne-Fleur van den Heuvel"]
    for text in ("Op maandag heeft S. Engels en Frans.", "Daarna Sanne", "Sanne", "S.d.V.", "", None):
        assert full_names(text) == []
    assert initials("Sanne de Vries") == "S.d.V."


# --- downloads ------------------------------------------------------------------------------------


def test_the_follow_up_is_a_calendar_invitation_in_dutch_time_with_a_reminder():
    card = CardAnswer(
        leerling="S.",
        datum=TODAY,
        stap="Elke dag tien minuten woordjes",
        wie_wat="Ik mail de docent",
        vervolg_datum=date(2026, 12, 10),
        vervolg_tijd="12:15",
    )
    cal = Calendar.from_ical(export.card_ics(card, "k1"))
    event = cal.walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert start == datetime(2026, 12, 10, 12, 15, tzinfo=cards.TIMEZONE)
    assert event["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert start.utcoffset() == timedelta(hours=1)  # winter time
    assert event.decoded("dtend") - start == timedelta(minutes=15)
    assert str(event["summary"]) == "Vervolggesprek S."
    assert "Elke dag tien minuten woordjes" in str(event["description"])
    assert cal.walk("VTIMEZONE")[0]["tzid"] == "Europe/Amsterdam"
    alarm = event.walk("VALARM")[0]
    assert alarm.decoded("trigger") == timedelta(minutes=-30)
    # summer time, and no time chosen: half past eight
    summer = Calendar.from_ical(export.card_ics(CardAnswer(leerling="M", vervolg_datum=date(2027, 6, 1)), "k2"))
    start = summer.walk("VEVENT")[0].decoded("dtstart")
    assert start.time() == time(8, 30) and start.utcoffset() == timedelta(hours=2)
    with pytest.raises(ValueError):
        export.card_ics(CardAnswer(leerling="S."), "k3")


def test_the_calendar_summary_has_only_the_name_the_mentor_typed():
    card = CardAnswer(leerling="Sanne", stap="Sanne de Vries leert woordjes", vervolg_datum=TODAY)
    event = Calendar.from_ical(export.card_ics(card, "k1")).walk("VEVENT")[0]
    assert str(event["summary"]) == "Vervolggesprek Sanne"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_field_go_into_every_download_intact_or_escaped(payload):
    card = CardAnswer(
        leerling=payload[:60],
        datum=TODAY,
        vervolg_datum=TODAY,
        vervolg_tijd="10:00",
        vorige="k0",
        **{f: payload for f in ("hoe_ging_het", "erkend", "werkt_al", "stap", "wie_wat")},
    )
    event = Calendar.from_ical(export.card_ics(card, "k1")).walk("VEVENT")[0]
    assert str(event["summary"]).startswith("Vervolggesprek")
    page = export.card_html(card)
    assert "<script>alert" not in page and "<img src=x" not in page
    doc = Document(io.BytesIO(export.card_docx(card)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert export.xml_safe(payload).splitlines()[0].strip()[:20] in text
    assert abs(doc.sections[0].page_width - docx_mm(210)) < 1000  # A4 (Word stores twentieths of a point)
    rows = list(
        csv.reader(io.StringIO(export.cards_csv([(card, "vervolg vandaag")]).decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0][0] == "leerling" and len(rows) == 2
    assert not any(cell.startswith(("=", "+", "@")) for cell in rows[1])


def docx_mm(mm: int) -> int:
    from docx.shared import Mm

    return Mm(mm)


def test_the_csv_has_one_readable_row_per_card():
    rows = [
        (CardAnswer(leerling="S.", datum=TODAY, stap="Planner", vervolg_datum=date(2026, 12, 10)), "vervolg gepland"),
        (CardAnswer(leerling="Mo", stap="-1 punt is ook goed"), "geen vervolg gepland"),
    ]
    data = export.cards_csv(rows)
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert table[1][:2] == ["S.", "03-12-2026"] and table[1][7] == "10-12-2026" and table[1][9] == "vervolg gepland"
    assert table[2][5] == "'-1 punt is ook goed"  # a spreadsheet would run it as a formula


# --- store: private, deletion, retention ---------------------------------------------------------------


def test_deleting_a_card_removes_every_stored_version_from_the_file(tmp_path):
    path = tmp_path / "del.sqlite"
    store = Store(f"sqlite:///{path}")
    for text in ("Pietje Puk versie een", "Pietje Puk versie twee"):
        store.save("zelfstudie", "Sanne", cards.exercise_of("k1"), CardAnswer(leerling="P.", stap=text).dump())
    store.save("zelfstudie", "Sanne", cards.exercise_of("k2"), CardAnswer(leerling="Q.", stap="blijft").dump())
    assert len(store.history("zelfstudie", "Sanne", cards.exercise_of("k1"))) == 2
    assert store.delete_answers("zelfstudie", "Sanne", [cards.exercise_of("k1")]) == 2
    assert store.history("zelfstudie", "Sanne", cards.exercise_of("k1")) == []
    assert b"Pietje Puk" not in file_bytes(path)
    left = cards.load_cards(store, Session("zelfstudie", "Sanne", "t"))
    assert [c.id for c in left] == ["k2"] and left[0].card.stap == "blijft"
    assert store.delete_answers("zelfstudie", "Sanne", []) == 0


def test_a_facilitator_never_sees_cards(store):
    store.create_training("ABC")
    store.save("ABC", "Sanne", "01_elementen.quiz", {"score": 3})
    store.save("ABC", "Sanne", cards.exercise_of("k1"), CardAnswer(leerling="S.", stap="geheim").dump())
    store.save("zelfstudie", "Mo", cards.exercise_of("k2"), CardAnswer(leerling="T.", stap="geheim").dump())
    frame = store.frame("ABC")
    assert list(frame["exercise"]) == ["01_elementen.quiz"]
    assert b"geheim" not in export.answers_csv(frame, excel=True)
    assert "zelfstudie" not in store.workshops()
    assert store.frame("zelfstudie").empty  # not even when asked for self-study by name
    assert list(store.frame("ABC", include_private=True)["exercise"]) == ["01_elementen.quiz", "11_gesprekskaart.k1"]
    # the participant's own list still has the card
    assert [c.id for c in cards.load_cards(store, Session("ABC", "Sanne", "t"))] == ["k1"]


def test_exercise_prefixes_are_matched_literally(store):
    # '_' is a wildcard in SQL LIKE: "11_gesprekskaart." must not match "11Xgesprekskaart."
    store.save("ABC", "Sanne", "11Xgesprekskaart.k1", {"a": 1})
    assert store.latest_answers("ABC", "Sanne", "11_gesprekskaart.") == {}


def _age(store: Store, days: int) -> None:
    old = datetime.now(timezone.utc) - timedelta(days=days)
    with store.engine.begin() as conn:
        conn.execute(sa.update(answers_table).values(saved_at=old))
        conn.exec_driver_sql("UPDATE participants SET joined_at = ?", (old,))
        conn.exec_driver_sql("UPDATE trainings SET created_at = ?", (old,))


def test_retention_removes_old_trainings_and_old_cards_only(store):
    store.create_training("OUD")
    store.claim_alias("OUD", "Sanne")
    store.save("OUD", "Sanne", "01_elementen.quiz", {"score": 1})
    store.save("zelfstudie", "Mo", cards.exercise_of("k1"), CardAnswer(leerling="T.").dump())
    store.save("zelfstudie", "Mo", "01_elementen.quiz", {"score": 2})
    _age(store, 400)
    store.create_training("NIEUW")
    store.save("NIEUW", "Ali", "01_elementen.quiz", {"score": 4})
    store.save("zelfstudie", "Mo", cards.exercise_of("k2"), CardAnswer(leerling="U.").dump())
    assert cards.apply_retention(store, {}) is None  # not set: nothing happens
    assert cards.apply_retention(store, {cards.RETENTION_ENV: "veel"}) is None  # a typo deletes nothing
    assert store.workshops() == ["NIEUW", "OUD"]
    message = cards.apply_retention(store, {cards.RETENTION_ENV: "365"})
    assert message == "Bewaartermijn 365 dagen: 1 oude training(en) en 1 oude gesprekskaart(en) verwijderd."
    assert store.workshops() == ["NIEUW"] and store.aliases("OUD") == []
    assert [c.id for c in cards.load_cards(store, Session("zelfstudie", "Mo", "t"))] == ["k2"]
    assert store.load("zelfstudie", "Mo", "01_elementen.quiz") == {"score": 2}  # self-study answers stay
    assert cards.retention_days({cards.RETENTION_ENV: "0"}) is None
    assert cards.retention_days({cards.RETENTION_ENV: " 30 "}) == 30


# --- the page -----------------------------------------------------------------------------------------


def _book(ctx: PageContext):
    page = gesprekskaart.module(ctx, today=TODAY)
    return page, page["kaarten"]


def _fill(view, **values) -> None:
    for name, value in values.items():
        if name in view.areas:
            view.areas[name].value = value
        else:
            getattr(view, name).value = value
    view.flush()


def test_a_card_is_written_saved_listed_and_followed_up(ctx):
    page, book = _book(ctx)
    view = book.editor
    assert "Privacy." in widget_html(page) and view.datum.value == TODAY
    assert ctx.store.latest_answers("zelfstudie", "Sanne", "11_gesprekskaart.") == {}  # nothing typed, nothing saved
    _fill(
        view,
        leerling="S.",
        erkend="Baalt van de 4",
        stap="Maandag na het 6e uur tien woordjes leren",
        wie_wat="S. leert, ik mail de docent",
        vervolg_datum=date(2026, 12, 4),
        vervolg_tijd="12:15",
    )
    assert "✔ Concreet" in view.step_feedback.value and "✔ Met een wanneer" in view.step_feedback.value
    book.done()
    assert book.tabs.selected_index == 0
    assert "Je hebt 1 vervolggesprek deze week." in book.reminder.value
    listed = widget_html(book.rows)
    assert "S." in listed and "vervolg deze week: vrijdag 4 december 2026 om 12:15" in listed
    first_id = view.card_id
    # the follow-up: a new card that shows what was agreed
    book.follow_up(first_id)
    assert book.tabs.selected_index == 1 and view.card_id != first_id and view.vorige == first_id
    assert "Maandag na het 6e uur tien woordjes leren" in view.previous.value and view.leerling.value == "S."
    _fill(view, hoe_ging_het="Drie van de vier dagen gelukt", stap="Ook op vrijdag woordjes leren")
    book.done()
    stored = {c.id: c for c in cards.load_cards(ctx.store, ctx.session)}
    assert stored[view.card_id].card.vorige == first_id
    assert cards.status(stored[first_id], list(stored.values()), TODAY) == "gehouden"
    book.student.value = "S."
    timeline = book.timeline.value
    assert timeline.index("tien woordjes leren") < timeline.index("Drie van de vier dagen gelukt")


def test_reopening_a_card_restores_it_and_a_reload_loses_nothing(ctx):
    _page, book = _book(ctx)
    _fill(book.editor, leerling="Mo", stap="Vrijdag de agenda laten zien")
    card_id = book.editor.card_id
    _page2, again = _book(ctx)  # a reload: a new page in a new kernel
    assert [c.id for c in again._cards] == [card_id]
    again.open(card_id)
    assert again.editor.leerling.value == "Mo" and again.editor.areas["stap"].value == "Vrijdag de agenda laten zien"


@pytest.mark.parametrize("payload", PAYLOADS[:3])
def test_payloads_are_saved_as_typed_and_never_rendered_as_html(ctx, payload):
    page, book = _book(ctx)
    _fill(book.editor, leerling=payload[:50], stap=payload, vervolg_datum=TODAY)
    book.done()
    shown = widget_html(page)
    assert "<script>alert" not in shown and "<img src=x" not in shown
    saved = cards.load_cards(ctx.store, ctx.session)[0].card
    assert saved.stap == payload and saved.leerling == payload[:50]


def test_a_full_name_gets_a_gentle_suggestion(ctx):
    _page, book = _book(ctx)
    _fill(book.editor, leerling="Sanne de Vries")
    assert "S.d.V." in book.editor.privacy.value
    _fill(book.editor, leerling="Sanne")
    assert book.editor.privacy.value == ""


def test_downloads_save_first_and_the_calendar_waits_for_a_date(ctx):
    _page, book = _book(ctx)
    view = book.editor
    view.leerling.value = "S."
    assert view.calendar.buttons[0].disabled  # no follow-up date yet
    view.vervolg_datum.value = date(2026, 12, 10)
    assert view.calendar.make("ics")
    link = re.search(r'href="data:text/calendar;charset=utf-8;base64,([^"]+)"', view.calendar.links.value)
    assert link and b"Vervolggesprek S." in base64.b64decode(link.group(1))
    assert view.files.make("word") and view.files.make("print")
    assert cards.load_cards(ctx.store, ctx.session)[0].card.vervolg_datum == date(2026, 12, 10)  # saved first
    book.done()  # back to the list, which offers all cards as a CSV
    assert book.csv.make("csv")


def test_deleting_one_card_one_student_or_everything_needs_a_tick_and_is_real(ctx):
    _page, book = _book(ctx)
    ids = []
    for name in ("S.", "S.", "Mo"):
        book.new_card()
        _fill(book.editor, leerling=name, stap=f"stap van {name}")
        ids.append(book.editor.card_id)
    book.refresh()
    # one card: the one open in the editor; without the tick nothing happens
    book.delete_current()
    assert "vinkje" in book.editor.message.value and len(book.load()) == 3
    book.editor.delete_confirm.value = True
    book.delete_current()
    assert sorted(c.id for c in book.load()) == sorted(ids[:2]) and book.editor.card_id not in ids
    assert ctx.store.history("zelfstudie", "Sanne", cards.exercise_of(ids[2])) == []
    # an unsaved change on a deleted card never comes back
    book.open(ids[0])
    book.editor.areas["stap"].value = "nog niet bewaard"
    book.student.value = "S."
    book.student_confirm.value = True
    book.delete_student()
    assert book.load() == [] and "2 kaart(en) van S. verwijderd" in book.student_message.value
    book.editor.flush()
    assert ctx.store.latest_answers("zelfstudie", "Sanne", "11_gesprekskaart.") == {}
    # everything
    book.new_card()
    _fill(book.editor, leerling="Noor")
    book.delete_all()
    assert len(book.load()) == 1
    book.all_confirm.value = True
    book.delete_all()
    assert book.load() == [] and "(1)" in book.all_message.value


def test_the_start_page_reminds_a_self_study_mentor_of_follow_ups(ctx, monkeypatch):
    today = date.today()
    ctx.store.save(
        "zelfstudie", "Sanne", cards.exercise_of("k1"), CardAnswer(leerling="S.", vervolg_datum=today).dump()
    )
    page = StartPage(ctx, open_module=lambda m: opened.append(m))
    opened: list[str] = []
    assert "Je hebt 1 vervolggesprek deze week (1 vandaag)." in widget_html(page)
    button = next(w for w in page._who.children if "wb-reminder-open" in getattr(w, "_dom_classes", ()))
    button.click()
    assert opened == ["gesprekskaart"]
    # a training participant is not reminded on the start page (their cards live on the facilitator's laptop)
    ctx.store.save("ABC", "Sanne", cards.exercise_of("k2"), CardAnswer(leerling="T.", vervolg_datum=today).dump())
    other = StartPage(PageContext(ctx.store, Session("ABC", "Sanne", "t")))
    assert not any("wb-reminder" in getattr(w, "_dom_classes", ()) for w in other._who.children)
