"""Joining a workshop, self-study, and how the choice travels between pages."""

from __future__ import annotations

import pytest

from workbook import session
from workbook.session import Session, SessionError
from workbook.store import Store


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(f"sqlite:///{tmp_path / 's.sqlite'}")


@pytest.mark.parametrize("code, expected", [("mentor24", "MENTOR24"), ("  ab-12 ", "AB-12")])
def test_codes_are_normalised(code, expected):
    assert session.normalise_code(code) == expected


@pytest.mark.parametrize("code", ["", "   ", None, "A", "met spatie", "<b>X</b>", "X" * 21, "-AB"])
def test_bad_codes_get_a_dutch_message(code):
    with pytest.raises(SessionError) as info:
        session.normalise_code(code)
    assert "code" in str(info.value)


@pytest.mark.parametrize("alias", ["", "   ", None, "x" * 41, "<img src=x>", "a\x00b"])
def test_bad_aliases_get_a_dutch_message(alias):
    with pytest.raises(SessionError) as info:
        session.clean_alias(alias)
    assert "naam" in str(info.value).lower()


def test_join_and_duplicate_alias(store):
    first = session.join_workshop(store, "mentor24", "  Sanne  ")
    assert first == Session("MENTOR24", "Sanne", first.token) and first.token
    with pytest.raises(SessionError) as info:
        session.join_workshop(store, "MENTOR24", "sanne")
    assert "al gebruikt" in str(info.value) and "andere naam" in str(info.value)
    other = session.join_workshop(store, "MENTOR24", "Sanne B")
    assert other.participant == "Sanne B"


def test_query_roundtrip_and_token_check(store):
    joined = session.join_workshop(store, "ABC", "Zoë van Dijk")
    found, problem = session.from_query(joined.query(), store)
    assert found == joined and problem is None
    forged = joined.query().replace(joined.token, "geraden")
    found, problem = session.from_query(forged, store)
    assert found is None and "niet bij een geldige aanmelding" in problem
    no_token = "training=ABC&naam=Zo%C3%AB+van+Dijk"
    assert session.from_query(no_token, store)[0] is None
    assert session.from_query("", store) == (None, None)
    assert session.from_query("training=&naam=x", store)[1]


def test_self_study(store):
    s = session.start_self_study("")
    assert s.self_study and s.participant == "ik"
    found, problem = session.from_query(session.start_self_study("Mo").query(), store)
    assert found == Session(session.SELF_STUDY, "Mo") and problem is None
    assert "zelfstudie" in found.describe()


def test_in_voila_the_query_string_decides(store, monkeypatch):
    joined = session.join_workshop(store, "ABC", "Sanne")
    monkeypatch.setenv("VOILA_REQUEST_URL", "http://localhost:8866/voila/render/01.ipynb")
    monkeypatch.setenv("QUERY_STRING", joined.query())
    assert session.current(store) == (joined, None)
    monkeypatch.setenv("QUERY_STRING", "")
    assert session.current(store) == (None, None)


def test_outside_voila_the_choice_is_kept_on_this_machine(store, monkeypatch):
    monkeypatch.delenv("VOILA_REQUEST_URL", raising=False)
    monkeypatch.delenv("VOILA_KERNEL_ID", raising=False)
    s = session.start_self_study("Mo")
    session.remember(s)
    assert session.current(store) == (s, None)
    session.remember(None)
    assert session.current(store) == (None, None)
