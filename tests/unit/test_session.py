"""Joining a workshop, self-study, and how the choice travels between pages."""

from __future__ import annotations

import time

import pytest

from workbook import session
from workbook.session import Session, SessionError
from workbook.store import Store


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 's.sqlite'}")
    for code in ("MENTOR24", "ABC"):
        s.create_training(code)
    return s


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


# --- issue 9: name tricks, squatting, unknown trainings, self-study on a training server -----


@pytest.mark.parametrize(
    "alias",
    [
        "San\u200bne",  # zero-width space
        "Sanne\u202e",  # right-to-left override
        "\u2066Sanne",  # bidi isolate
        "S\u0430nne",  # Cyrillic a
        "\u0421\u0430\u043d\u043d\u0435",  # all Cyrillic
        "Sa\u0301\u0301nne",  # stacked combining marks that no letter absorbs
        "=cmd|x",
        "123",
    ],
)
def test_lookalike_and_invisible_names_are_refused(alias):
    with pytest.raises(SessionError) as info:
        session.clean_alias(alias)
    assert "naam" in str(info.value).lower() or "alfabet" in str(info.value)


def test_full_width_and_composed_names_become_plain_names(store):
    assert session.clean_alias("\uff33\uff41\uff4e\uff4e\uff45") == "Sanne"  # full-width
    assert session.clean_alias("Zoe\u0308") == "Zoë"  # e + combining diaeresis, composed
    assert session.clean_alias("Anne-Fleur d'Hondt") == "Anne-Fleur d'Hondt"
    session.join_workshop(store, "ABC", "Sanne")
    with pytest.raises(SessionError, match="al gebruikt"):
        session.join_workshop(store, "ABC", "\uff33\uff41\uff4e\uff4e\uff45")


def test_only_trainings_a_facilitator_opened_can_be_joined(store):
    with pytest.raises(SessionError, match="geen training met de code NIEUW1"):
        session.join_workshop(store, "nieuw1", "Sanne")
    assert "NIEUW1" not in store.workshops()
    store.create_training("NIEUW1")
    assert session.join_workshop(store, "nieuw1", "Sanne").workshop == "NIEUW1"


def test_one_device_cannot_reserve_the_groups_names(store):
    names = ["Emma", "Noah", "Julia", "Liam", "Mila", "Lucas"]
    joined = []
    with pytest.raises(SessionError, match="afgelopen minuut"):
        for name in names:
            joined.append(session.join_workshop(store, "ABC", name, client="10.0.0.66"))
    assert len(joined) == session.JOINS_PER_MINUTE
    # the real Emma, on her own device, is not affected by the attacker's limit ...
    assert session.join_workshop(store, "ABC", "Mila", client="10.0.0.7").participant == "Mila"
    # ... and a facilitator can let a participant whose name was taken in again
    assert store.release_alias("ABC", "Emma")
    assert session.join_workshop(store, "ABC", "Emma", client="10.0.0.8").participant == "Emma"


def test_readmitted_participant_gets_their_answers_back_with_a_new_token(store):
    first = session.join_workshop(store, "ABC", "Sanne")
    store.save("ABC", "Sanne", "x", {"v": 1})
    store.release_alias("ABC", "Sanne")
    again = session.join_workshop(store, "ABC", "Sanne")
    assert again.token != first.token
    assert session.from_query(first.query(), store)[0] is None  # the lost link no longer works
    assert store.load("ABC", "Sanne", "x") == {"v": 1}


def test_self_study_is_refused_on_a_training_server_on_every_page(store, monkeypatch):
    monkeypatch.setenv("WERKBOEK_MODUS", "training")
    monkeypatch.setenv("VOILA_REQUEST_URL", "http://10.0.0.2:8866/voila/render/03_rode_en_groene_bril.ipynb")
    monkeypatch.setenv("QUERY_STRING", "zelfstudie=1&naam=ik")
    found, problem = session.current(store)
    assert found is None and "Zelfstudie kan niet" in problem
    with pytest.raises(SessionError):
        session.start_self_study("ik")


def test_client_id_comes_from_the_server_not_the_query(monkeypatch):
    monkeypatch.delenv(session.CLIENT_ENV, raising=False)
    assert session.client_id() == "lokaal" and session.from_this_computer()
    monkeypatch.setenv(session.CLIENT_ENV, "10.0.0.9")
    assert session.client_id() == "10.0.0.9" and not session.from_this_computer()


def test_a_pooled_kernel_gets_its_request_even_when_voila_lost_its_connection(monkeypatch):
    """Voilà's server can drop a waiting kernel from its table; the kernel connects anew and gets it."""
    import asyncio
    import socket
    import threading

    import tornado.web
    from voila.request_info_handler import RequestInfoSocketHandler

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    kernel = "k-test-1"
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        tornado.web.Application([(r"/voila/query/(.*)", RequestInfoSocketHandler)]).listen(port, "127.0.0.1")
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    started.wait(10)

    def lose_then_send() -> None:
        # the kernel is connected; its entry disappears (as after another socket's close) ...
        deadline = time.monotonic() + 10
        while kernel not in RequestInfoSocketHandler._waiters and time.monotonic() < deadline:
            time.sleep(0.05)
        loop.call_soon_threadsafe(RequestInfoSocketHandler._waiters.pop, kernel, None)
        time.sleep(0.2)
        # ... so the participant's request is kept in Voilà's cache, not delivered
        payload = '{"QUERY_STRING": "training=ABC"}'
        loop.call_soon_threadsafe(RequestInfoSocketHandler.send_updates, {"kernel_id": kernel, "payload": payload})

    monkeypatch.setenv("VOILA_APP_PORT", str(port))
    monkeypatch.setenv("VOILA_KERNEL_ID", kernel)
    monkeypatch.delenv("VOILA_WS_BASE_URL", raising=False)
    monkeypatch.delenv("VOILA_SERVER_URL", raising=False)
    sender = threading.Thread(target=lose_then_send)
    sender.start()
    try:
        info = session._receive_request_info(wait=0.5, give_up_after=20)
    finally:
        sender.join(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        RequestInfoSocketHandler._cache.pop(kernel, None)
    assert info == {"QUERY_STRING": "training=ABC"}
