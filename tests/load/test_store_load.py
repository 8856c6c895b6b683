"""Reliability of the answer store under concurrency, crashes and bad input, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from workbook.store import _ENGINES, SCHEMA_VERSION, Store, StoreError

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 30
PER_WRITER = 100


def _spawn(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.load.writers", *args], cwd=ROOT, **kwargs)


def _fresh(url: str) -> Store:
    """A store on a new engine, as a newly started kernel would open it."""
    engine = _ENGINES.pop(url, None)
    if engine is not None:
        engine.dispose()
    return Store(url)


def test_thirty_processes_saving_at_once_lose_nothing(store_url, tmp_path):
    Store(store_url)  # the schema exists before the stampede, as after the first page load
    gate = tmp_path / "go"
    procs = [
        _spawn("many", store_url, str(w), str(PER_WRITER), str(gate), stderr=subprocess.PIPE) for w in range(WRITERS)
    ]
    gate.touch()
    failures = []
    for p in procs:
        _, err = p.communicate(timeout=600)
        if p.returncode != 0:
            failures.append(err.decode()[-2000:])
    assert failures == []
    store = _fresh(store_url)
    assert store.count("LOAD") == WRITERS * PER_WRITER
    frame = store.frame("LOAD")
    assert len(frame) == WRITERS * PER_WRITER
    for w in (0, WRITERS // 2, WRITERS - 1):
        assert store.load("LOAD", f"w{w}", f"01_ex{PER_WRITER - 1}")["i"] == PER_WRITER - 1


def test_group_members_in_separate_kernels_marking_at_once_all_count(store_url, tmp_path):
    """Module 05: three kernels change one shared round at the same moment; no mark is lost."""
    store = _fresh(store_url)
    gate = tmp_path / "go-round"
    counters = ("rood", "groen", "open")
    procs = [_spawn("marks", store_url, c, "40", str(gate), stderr=subprocess.PIPE) for c in counters]
    gate.touch()
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()[-2000:]
    record = _fresh(store_url).round_load("LOAD", "groep")
    assert record is not None and record.version == 3 * 40
    assert all(record.state["tally"]["counters"][c] == 40 for c in counters)
    assert store.round_version("LOAD", "groep") == (1, 120)


def test_first_use_by_many_processes_at_once_creates_the_schema_once(store_url, tmp_path):
    gate = tmp_path / "go"
    procs = [_spawn("many", store_url, str(w), "3", str(gate), stderr=subprocess.PIPE) for w in range(8)]
    gate.touch()
    errors = [p.communicate(timeout=300)[1].decode() for p in procs if p.wait() != 0]
    assert errors == []
    assert _fresh(store_url).count("LOAD") == 24


def _read_log(path: Path) -> list[int]:
    return [int(x) for x in path.read_text().split()] if path.exists() else []


def test_sigkill_inside_a_transaction_keeps_every_committed_answer(store_url, tmp_path):
    log = tmp_path / "committed.log"
    proc = _spawn("crash", store_url, str(log), "40", stdout=subprocess.PIPE)
    line = proc.stdout.readline().decode().strip()  # blocks until the writer is inside its transaction
    assert line == "IN_TRANSACTION"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    store = _fresh(store_url)
    assert _read_log(log) == list(range(40))
    assert store.count("CRASH") == 40, "committed answers lost or uncommitted ones visible"
    for i in range(40):
        assert store.load("CRASH", "writer", f"01_ex{i}") == {"i": i}
    if store_url.startswith("sqlite"):
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    store.save("CRASH", "writer", "na", {"ok": True})  # the database still takes writes
    assert store.load("CRASH", "writer", "na") == {"ok": True}


def test_sigkill_at_an_arbitrary_moment_while_saving(store_url, tmp_path):
    log = tmp_path / "committed.log"
    proc = _spawn("endless", store_url, str(log), stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(_read_log(log)) < 150:  # wait on progress, not on a fixed delay
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
        assert time.monotonic() < deadline, "writer made no progress"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    logged = _read_log(log)
    store = _fresh(store_url)
    saved = store.count("KILL")
    assert saved >= len(logged)  # every logged save was committed first
    assert saved <= len(logged) + 1  # at most the one in flight when killed
    seen = {h["answer"]["i"] for k in range(7) for h in store.history("KILL", "writer", f"01_ex{k}")}
    assert set(logged) <= seen


# --- the same contract on both backends ---------------------------------------------------


def test_contract_on_each_backend(store_url):
    store = _fresh(store_url)
    assert store.schema_version() == SCHEMA_VERSION == 5
    store.save("ABC", "Zoë", "01_a", {"v": 1, "tekst": "<b>één</b>"})
    store.save("ABC", "Zoë", "01_a", {"v": 2})
    store.save("ABC", "Ali", "01_a", {"v": 3})
    assert store.load("ABC", "Zoë", "01_a") == {"v": 2}
    assert [h["answer"]["v"] for h in store.history("ABC", "Zoë", "01_a")] == [1, 2]
    frame = store.frame("ABC")
    assert sorted(frame["participant"]) == ["Ali", "Zoë"]
    token = store.claim_alias("ABC", "Zoë")
    assert token and store.claim_alias("ABC", "zoë") is None
    assert store.verify_alias("ABC", "Zoë", token) and not store.verify_alias("ABC", "Zoë", "x")
    assert store.workshops() == ["ABC"]
    # trainings, per-device attempts, re-admitting and a participant's own deletes (issue 9)
    assert store.create_training("ABC") and not store.create_training("ABC") and store.training_exists("ABC")
    since = datetime.now(timezone.utc) - timedelta(minutes=1)
    store.record_attempt("sleutel", "10.0.0.1")
    assert len(store.attempts_since("sleutel", "10.0.0.1", since)) == 1
    assert store.release_alias("ABC", "zoë") and store.claim_alias("ABC", "Zoë")
    assert store.prune_history("ABC", "Zoë") == 1 and store.load("ABC", "Zoë", "01_a") == {"v": 2}
    assert store.delete_participant("ABC", "Ali") == 1 and store.aliases("ABC") == ["Zoë"]
    assert store.delete_workshop("ABC") == 1 and store.count() == 0 and not store.training_exists("ABC")


def test_bad_input_on_each_backend_loses_nothing(store_url):
    store = _fresh(store_url)
    store.save("ABC", "Sanne", "x", {"ok": 1})
    for bad in ({"x": {1}}, {"x": float("inf")}, {"tekst": "a" * 1_000_000}, "geen dict"):
        with pytest.raises(StoreError):
            store.save("ABC", "Sanne", "x", bad)
    for workshop, alias in (("", "Sanne"), ("ABC", ""), ("ABC", "  ")):
        with pytest.raises(StoreError):
            store.save(workshop, alias, "x", {"v": 1})
        with pytest.raises(StoreError):
            store.claim_alias(workshop, alias)
    assert store.load("ABC", "Sanne", "x") == {"ok": 1} and store.count() == 1


def test_schema_upgrade_on_each_backend(store_url):
    store = _fresh(store_url)
    with store.engine.begin() as conn:  # pretend the database was left at version 1
        for table in ("participants", "trainings", "attempts", "rounds", "closed_trainings"):
            conn.execute(sa.text(f"DROP TABLE {table}"))
        conn.execute(sa.text("UPDATE werkboek_meta SET value = '1' WHERE key = 'schema_version'"))
    store.save("ABC", "Sanne", "x", {"v": 1})
    upgraded = _fresh(store_url)
    assert upgraded.schema_version() == 5 and upgraded.load("ABC", "Sanne", "x") == {"v": 1}
    assert upgraded.claim_alias("ABC", "Sanne")
    assert upgraded.training_exists("ABC")  # a training in use before the upgrade goes on
