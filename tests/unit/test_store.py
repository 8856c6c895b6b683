"""The answer store on SQLite: history, latest, frame, schema versions, bad input, aliases."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.helpers import file_bytes
from workbook import store as store_mod
from workbook.store import MAX_ANSWER_CHARS, SCHEMA_VERSION, Store, StoreError


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'w.sqlite'}")


def test_save_keeps_history_and_load_returns_latest(store):
    store.save("ABC", "Sanne", "01_elementen.quiz", {"score": 1})
    store.save("ABC", "Sanne", "01_elementen.quiz", {"score": 2})
    store.save("ABC", "Ali", "01_elementen.quiz", {"score": 5})
    assert store.load("ABC", "Sanne", "01_elementen.quiz") == {"score": 2}
    assert store.load("ABC", "Sanne", "bestaat_niet") is None
    assert store.load("XYZ", "Sanne", "01_elementen.quiz") is None
    history = store.history("ABC", "Sanne", "01_elementen.quiz")
    assert [h["answer"] for h in history] == [{"score": 1}, {"score": 2}]
    assert history[0]["saved_at"] <= history[1]["saved_at"]
    assert store.count() == 3 and store.count("ABC") == 3


def test_frame_has_one_row_per_latest_answer(store):
    store.save("ABC", "Sanne", "01_a", {"v": 1})
    store.save("ABC", "Sanne", "01_a", {"v": 2})
    store.save("ABC", "Sanne", "02_b", {"v": 3})
    store.save("ABC", "Ali", "01_a", {"v": 4})
    store.save("OTHER", "Bo", "01_a", {"v": 5})
    frame = store.frame("ABC")
    assert list(frame.columns) == ["workshop", "participant", "exercise", "saved_at", "answer"]
    got = {(r.participant, r.exercise): r.answer["v"] for r in frame.itertuples()}
    assert got == {("Sanne", "01_a"): 2, ("Sanne", "02_b"): 3, ("Ali", "01_a"): 4}
    assert store.frame("NIEMAND").empty
    assert store.workshops() == ["ABC", "OTHER"]


def test_unicode_and_html_are_stored_verbatim(store):
    answer = {"tekst": "Één <img src=x onerror=alert(1)> 😀", "lijst": [1, 2.5, None, True]}
    store.save("ABC", "Zoë", "x", answer)
    assert store.load("ABC", "Zoë", "x") == answer


def test_schema_is_versioned_and_sqlite_uses_wal(store):
    assert store.schema_version() == SCHEMA_VERSION == 5
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        # long enough for many writers, short enough that a participant hears of a failure at once
        assert 1_000 <= conn.exec_driver_sql("PRAGMA busy_timeout").scalar() <= 5_000


def test_migration_from_version_1_keeps_answers(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # a database as version 1 left it
        store_mod.meta_table.create(conn)
        store_mod._migration_1(conn)
        conn.execute(store_mod.meta_table.insert().values(key="schema_version", value="1"))
        conn.execute(
            store_mod.answers.insert().values(
                workshop="ABC",
                participant="Sanne",
                exercise="01_a",
                answer='{"v": 1}',
                saved_at=sa.func.current_timestamp(),
            )
        )
    engine.dispose()
    upgraded = Store(url)
    assert upgraded.schema_version() == 5
    assert upgraded.load("ABC", "Sanne", "01_a") == {"v": 1}
    assert upgraded.claim_alias("ABC", "Sanne") is not None  # the v2 table exists
    assert upgraded.training_exists("ABC")  # v3: a training that was in use goes on
    assert upgraded.round_version("ABC", "groep") is None  # v4: the rounds table exists


def test_a_newer_schema_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    s = Store(url)
    with s.engine.begin() as conn:
        conn.execute(store_mod.meta_table.update().values(value="99"))
    store_mod._ENGINES.pop(url).dispose()
    with pytest.raises(RuntimeError, match="newer"):
        Store(url)


@pytest.mark.parametrize(
    "answer",
    [{"x": {1, 2}}, {"x": object()}, {"x": float("nan")}, ["geen", "dict"], "tekst", None],
    ids=["set", "object", "nan", "list", "str", "none"],
)
def test_answers_that_are_not_json_are_refused_and_nothing_is_lost(store, answer):
    store.save("ABC", "Sanne", "x", {"ok": 1})
    with pytest.raises(StoreError) as info:
        store.save("ABC", "Sanne", "x", answer)
    assert "kan niet worden opgeslagen" in str(info.value)
    assert store.load("ABC", "Sanne", "x") == {"ok": 1}
    assert store.count() == 1


def test_a_one_megabyte_text_gets_a_clear_error(store):
    store.save("ABC", "Sanne", "x", {"tekst": "kort"})
    with pytest.raises(StoreError) as info:
        store.save("ABC", "Sanne", "x", {"tekst": "a" * 1_000_000})
    assert "te lang" in str(info.value) and "Maak je tekst korter" in str(info.value)
    assert store.load("ABC", "Sanne", "x") == {"tekst": "kort"}
    store.save("ABC", "Sanne", "x", {"tekst": "b" * (MAX_ANSWER_CHARS - 100)})  # large but allowed


@pytest.mark.parametrize(
    "workshop, participant",
    [
        ("", "Sanne"),
        ("   ", "Sanne"),
        ("ABC", ""),
        ("ABC", " \t "),
        ("ABC", None),
        ("A" * 65, "Sanne"),
        ("ABC", "a\x00b"),
    ],
)
def test_empty_or_odd_names_are_refused(store, workshop, participant):
    with pytest.raises(StoreError):
        store.save(workshop, participant, "x", {"v": 1})
    assert store.count() == 0


def test_aliases_are_unique_per_workshop_ignoring_case_and_spaces(store):
    token = store.claim_alias("ABC", "Sanne")
    assert token
    assert store.claim_alias("ABC", "sanne ") is None
    assert store.claim_alias("ABC", "SANNE") is None
    assert store.claim_alias("XYZ", "Sanne")  # another workshop is fine
    assert store.verify_alias("ABC", "Sanne", token)
    assert store.verify_alias("ABC", "sanne", token)
    assert not store.verify_alias("ABC", "Sanne", "wrong")
    assert not store.verify_alias("ABC", "Sanne", "")
    assert store.aliases("ABC") == ["Sanne"]


def test_delete_workshop_removes_answers_and_aliases(store):
    store.claim_alias("ABC", "Sanne")
    store.save("ABC", "Sanne", "x", {"v": 1})
    store.save("XYZ", "Bo", "x", {"v": 1})
    assert store.delete_workshop("ABC") == 1
    assert store.load("ABC", "Sanne", "x") is None and store.aliases("ABC") == []
    assert store.load("XYZ", "Bo", "x") == {"v": 1}
    assert store.workshops() == ["XYZ"]


def test_default_url_lives_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("WERKBOEK_DATA", str(tmp_path / "d"))
    monkeypatch.delenv("WERKBOEK_DB", raising=False)
    assert store_mod.default_url() == f"sqlite:///{tmp_path / 'd' / 'werkboek.sqlite'}"
    monkeypatch.setenv("WERKBOEK_DB", "postgresql+psycopg://x@/y")
    assert store_mod.default_url() == "postgresql+psycopg://x@/y"


def test_deleted_text_is_gone_from_the_database_file(tmp_path):
    """The fault: deleted answers stayed readable in the SQLite file and its WAL."""
    path = tmp_path / "gone.sqlite"
    store = Store(f"sqlite:///{path}")
    store.create_training("ABC")
    store.claim_alias("ABC", "Geheimenaam")
    store.save("ABC", "Geheimenaam", "x", {"tekst": "Leerling Pietje Puk uit 3B"})
    assert b"Pietje Puk" in file_bytes(path)
    store.delete_workshop("ABC")
    assert b"Pietje Puk" not in file_bytes(path) and b"Geheimenaam" not in file_bytes(path)
    assert not store.training_exists("ABC")


def test_participants_remove_their_own_history(tmp_path):
    path = tmp_path / "hist.sqlite"
    store = Store(f"sqlite:///{path}")
    store.save("ABC", "Sanne", "x", {"tekst": "over Jan de Vries"})
    store.save("ABC", "Sanne", "x", {"tekst": "over J."})
    store.save("ABC", "Sanne", "y", {"tekst": "iets anders"})
    store.save("ABC", "Ali", "x", {"tekst": "van Ali"})
    assert store.prune_history("ABC", "Sanne") == 1
    assert store.load("ABC", "Sanne", "x") == {"tekst": "over J."} and store.load("ABC", "Sanne", "y")
    assert b"Jan de Vries" not in file_bytes(path)
    store.claim_alias("ABC", "Sanne")
    assert store.delete_participant("ABC", "Sanne") == 2
    assert store.load("ABC", "Sanne", "x") is None and store.aliases("ABC") == []
    assert store.load("ABC", "Ali", "x") == {"tekst": "van Ali"}


def test_attempts_are_counted_per_client_and_kind(store):
    from datetime import datetime, timedelta, timezone

    since = datetime.now(timezone.utc) - timedelta(minutes=1)
    for _ in range(3):
        store.record_attempt("sleutel", "10.0.0.1")
    store.record_attempt("sleutel", "10.0.0.2")
    store.record_attempt("aanmelden", "10.0.0.1")
    assert len(store.attempts_since("sleutel", "10.0.0.1", since)) == 3
    store.clear_attempts("sleutel", "10.0.0.1")
    assert store.attempts_since("sleutel", "10.0.0.1", since) == []
    assert len(store.attempts_since("sleutel", "10.0.0.2", since)) == 1


def test_self_study_is_never_listed_as_a_training(store):
    store.save("zelfstudie", "ik", "x", {"v": 1})
    assert "zelfstudie" not in store.workshops()
