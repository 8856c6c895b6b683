"""The mentor's own conversation record (module 11): gesprekskaarten, follow-ups and their order.

A card (:class:`workbook.answers.CardAnswer`) is one real, short conversation: the student (a
first name or initials), what was acknowledged, what already works, the small step, who does
what, and the follow-up date and time. Each card is its own exercise in the store
(``11_gesprekskaart.<card id>``), so it is saved, versioned and deleted like every answer. A
follow-up conversation is a new card whose ``vorige`` is the card before it: the cards of one
student form a history, and a card whose follow-up has been held is no longer due.

Everything here is plain functions on stored cards; the page is :mod:`workbook.ui.gesprekskaart`
and the downloads (calendar, Word, printable page, CSV) are in :mod:`workbook.export`.
Nothing here imports ipywidgets.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from workbook import registry
from workbook.answers import CardAnswer, parse

if TYPE_CHECKING:
    from workbook.session import Session
    from workbook.store import Store

__all__ = [
    "TIMEZONE",
    "STATUS_TEXT",
    "RETENTION_ENV",
    "StoredCard",
    "Reminder",
    "new_card_id",
    "exercise_of",
    "load_cards",
    "status",
    "ordered",
    "reminder",
    "reminder_text",
    "student_key",
    "students",
    "history",
    "held",
    "follow_up_at",
    "retention_days",
    "cards_of_student",
    "apply_retention",
    "StepCheck",
    "check_step",
    "date_nl",
]

TIMEZONE = ZoneInfo("Europe/Amsterdam")
MODULE = "gesprekskaart"
RETENTION_ENV = "WERKBOEK_BEWAARTERMIJN_DAGEN"

# The order of the list: what needs the mentor first comes first.
STATUS_ORDER = ("te_laat", "vandaag", "deze_week", "later", "geen_vervolg", "gehouden")
STATUS_TEXT = {
    "te_laat": "vervolg over datum",
    "vandaag": "vervolg vandaag",
    "deze_week": "vervolg deze week",
    "later": "vervolg gepland",
    "geen_vervolg": "geen vervolg gepland",
    "gehouden": "vervolg gehouden",
}


@dataclass(frozen=True)
class StoredCard:
    """A card as stored: its id (the part after ``11_gesprekskaart.``), the card and when it was saved."""

    id: str
    card: CardAnswer
    saved_at: datetime | None = None


@dataclass(frozen=True)
class Reminder:
    """Follow-ups that need the mentor: overdue, today, and later this week (Monday to Sunday)."""

    overdue: int
    today: int
    this_week: int  # today included

    @property
    def any(self) -> bool:
        """Whether there is anything to mention."""
        return bool(self.overdue or self.this_week)


def new_card_id(now: datetime | None = None) -> str:
    """Return a new card id: the moment it was made plus a little randomness (``k20261203-1530-a1b2``)."""
    now = now or datetime.now(TIMEZONE)
    return f"k{now:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def exercise_of(card_id: str) -> str:
    """Return the exercise id a card is stored under."""
    return registry.exercise_id(MODULE, "kaart", card_id)


def load_cards(store: Store, session: Session) -> list[StoredCard]:
    """Return the participant's cards (latest version of each), in the order they were made."""
    prefix = registry.by_id(MODULE).exercise_prefix  # type: ignore[union-attr]
    found = []
    for exercise, (answer, saved_at) in store.latest_answers(session.workshop, session.participant, prefix).items():
        card = parse(CardAnswer, answer)
        if card is not None:
            found.append(StoredCard(exercise[len(prefix) :], card, saved_at))
    return sorted(found, key=lambda c: c.id)


def held(cards: list[StoredCard]) -> set[str]:
    """Return the ids of the cards whose follow-up conversation has a card of its own."""
    ids = {c.id for c in cards}
    return {c.card.vorige for c in cards if c.card.vorige in ids}


def status(card: StoredCard, cards: list[StoredCard], today: date) -> str:
    """Return the card's state: a key of :data:`STATUS_TEXT`."""
    if card.id in held(cards):
        return "gehouden"
    when = card.card.vervolg_datum
    if when is None:
        return "geen_vervolg"
    if when < today:
        return "te_laat"
    if when == today:
        return "vandaag"
    if when <= _sunday(today):
        return "deze_week"
    return "later"


def _sunday(today: date) -> date:
    return today + timedelta(days=6 - today.weekday())


def ordered(cards: list[StoredCard], today: date) -> list[tuple[StoredCard, str]]:
    """Return the cards with their state, the follow-ups that are due or overdue first.

    Overdue first (the oldest first), then today, this week and later (soonest first), then
    cards without a follow-up and cards whose follow-up was held (newest first).
    """
    done = held(cards)

    def state(c: StoredCard) -> str:
        return "gehouden" if c.id in done else status(c, [], today)

    def key(c: StoredCard) -> tuple[int, int, str]:
        s = state(c)
        rank = STATUS_ORDER.index(s)
        if s in ("te_laat", "vandaag", "deze_week", "later"):
            moment = c.card.vervolg_datum.toordinal() * 1440 + _minutes(c.card.vervolg_tijd)  # type: ignore[union-attr]
            return rank, moment, c.id
        newest = -(c.card.datum or date.min).toordinal()
        return rank, newest, c.id

    return [(c, state(c)) for c in sorted(cards, key=key)]


def _minutes(hhmm: str) -> int:
    if re.fullmatch(r"\d\d:\d\d", hhmm or ""):
        return int(hhmm[:2]) * 60 + int(hhmm[3:])
    return 0


def reminder(cards: list[StoredCard], today: date) -> Reminder:
    """Count the follow-ups that are overdue, today, and this week (today to Sunday)."""
    states = [s for _c, s in ordered(cards, today)]
    return Reminder(
        overdue=states.count("te_laat"),
        today=states.count("vandaag"),
        this_week=states.count("vandaag") + states.count("deze_week"),
    )


def reminder_text(found: Reminder) -> str:
    """Return the reminder in plain Dutch, e.g. ``"Je hebt 2 vervolggesprekken deze week (1 vandaag)."``."""
    parts = []
    if found.this_week:
        noun = "vervolggesprek" if found.this_week == 1 else "vervolggesprekken"
        line = f"Je hebt {found.this_week} {noun} deze week"
        if found.today:
            line += f" ({found.today} vandaag)"
        parts.append(line + ".")
    if found.overdue:
        noun = "vervolggesprek is" if found.overdue == 1 else "vervolggesprekken zijn"
        parts.append(f"{found.overdue} {noun} over datum.")
    return " ".join(parts) if parts else "Je hebt deze week geen vervolggesprekken gepland."


def student_key(name: str) -> str:
    """Return the form of a student's name that groups cards: case, spaces and dots do not count."""
    return re.sub(r"[\s.]+", "", (name or "").casefold())


def students(cards: list[StoredCard]) -> list[str]:
    """Return the students of the cards (as first typed), sorted, each once."""
    seen: dict[str, str] = {}
    for c in cards:
        key = student_key(c.card.leerling)
        if key and key not in seen:
            seen[key] = c.card.leerling.strip()
    return sorted(seen.values(), key=str.casefold)


def cards_of_student(cards: list[StoredCard], name: str) -> list[StoredCard]:
    """Return the cards of one student (any spelling :func:`student_key` treats as the same)."""
    key = student_key(name)
    return [c for c in cards if key and student_key(c.card.leerling) == key]


def history(cards: list[StoredCard], name: str) -> list[StoredCard]:
    """Return one student's cards as a cycle: by conversation date, a follow-up after the card it continues."""
    mine = cards_of_student(cards, name)
    by_id = {c.id: c for c in mine}

    def depth(c: StoredCard) -> int:
        n, seen = 0, {c.id}
        while c.card.vorige in by_id and c.card.vorige not in seen:
            c = by_id[c.card.vorige]
            seen.add(c.id)
            n += 1
        return n

    return sorted(mine, key=lambda c: ((c.card.datum or date.min), depth(c), c.id))


def follow_up_at(card: CardAnswer) -> datetime | None:
    """Return the follow-up moment in Dutch time, or ``None`` without a date (no time: 08:30)."""
    if card.vervolg_datum is None:
        return None
    minutes = _minutes(card.vervolg_tijd) if card.vervolg_tijd else 8 * 60 + 30
    return datetime.combine(card.vervolg_datum, time(minutes // 60, minutes % 60), tzinfo=TIMEZONE)


def retention_days(environ: dict[str, str] | None = None) -> int | None:
    """Return ``WERKBOEK_BEWAARTERMIJN_DAGEN`` as a number of days, or ``None`` when it is not set.

    A value that is not a whole number of at least 1 is ignored with a warning in the log
    (nothing is deleted because of a typo).
    """
    value = (environ if environ is not None else os.environ).get(RETENTION_ENV, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        logging.getLogger(__name__).warning(
            "%s=%r is geen geldig aantal dagen; er wordt niets verwijderd", RETENTION_ENV, value
        )
        return None
    return int(value)


def apply_retention(store: Store, environ: dict[str, str] | None = None) -> str | None:
    """Apply ``WERKBOEK_BEWAARTERMIJN_DAGEN`` to the store; returns what was removed, in Dutch, or ``None``."""
    days = retention_days(environ)
    if days is None:
        return None
    trainings, cards = store.apply_retention(days)
    return f"Bewaartermijn {days} dagen: {trainings} oude training(en) en {cards} oude gesprekskaart(en) verwijderd."


_MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
_DAYS = "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split()


def date_nl(day: date | None, weekday: bool = False) -> str:
    """Return a date in Dutch words: ``"3 december 2026"`` (``"donderdag 3 december 2026"``)."""
    if day is None:
        return "geen datum"
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_DAYS[day.weekday()]} {text}" if weekday else text


@dataclass(frozen=True)
class StepCheck:
    """Whether a small step is concrete, small and has a when, with a Dutch tip for each that is missing."""

    concreet: bool
    klein: bool
    wanneer: bool
    tips: tuple[str, ...]


_TOO_BIG = re.compile(
    r"\b(altijd|nooit|alles|alle vakken|elk vak|ieder vak|voortaan|helemaal|perfect|de hele dag|elke les van)\b",
    re.IGNORECASE,
)
MAX_STEP_WORDS = 30
_DAY = r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(en|avond|middag|ochtend)?"
_MOMENT = re.compile(
    rf"\b({_DAY}|morgen|overmorgen|vanavond|vanmiddag|vannacht|vandaag|straks|deze week|volgende week"
    r"|(elke|iedere) (dag|ochtend|middag|avond|les|pauze|week|schooldag)|dagelijks|wekelijks"
    r"|na (school|de les|het \d+e uur|het (eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|laatste) uur)"
    r"|in de (pauze|kleine pauze|grote pauze|mentorles|mentoruur)|voor (de les|school)"
    r"|om \d{1,2}([:.]\d\d)?( uur)?|\d{1,2}[:.]\d\d)\b",
    re.IGNORECASE,
)


def check_step(text: str) -> StepCheck | None:
    """Check a small step with the goal feedback (:func:`workbook.feedback.check_goal`); ``None`` for empty text.

    Concrete is the goal check's *specifiek*, a when its *tijdgebonden*. Small means at most
    :data:`MAX_STEP_WORDS` words and no sweeping words (altijd, nooit, alles, voortaan...).
    """
    if not isinstance(text, str) or not text.strip():
        return None
    from workbook import feedback

    goal = feedback.check_goal(text)
    concreet = bool(goal.criteria.get("specifiek"))
    wanneer = bool(goal.criteria.get("tijdgebonden")) or _MOMENT.search(text) is not None
    klein = len(text.split()) <= MAX_STEP_WORDS and _TOO_BIG.search(text) is None
    tips = []
    if not concreet:
        tips.append("Maak de stap concreet: wat doet de leerling precies, bij welk vak of op welk moment?")
    if not klein:
        tips.append(
            "Maak de stap kleiner: iets wat de leerling deze week zeker kan. Met 'altijd', 'alles' of "
            "'voortaan' wordt het snel te groot."
        )
    if not wanneer:
        tips.append("Zet er een wanneer bij: welke dag, welk moment of hoe vaak?")
    return StepCheck(concreet, klein, wanneer, tuple(tips))
