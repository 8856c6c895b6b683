"""The shared autosave helper: debounced, immediate, failure-tolerant."""

from __future__ import annotations

import time

import pytest

from workbook.autosave import Autosaver
from workbook.session import Session
from workbook.store import Store, StoreError


def wait_until(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'a.sqlite'}")


SESSION = Session("ABC", "Sanne", "t")


def test_debounced_changes_save_once_with_the_last_state(store):
    statuses = []
    saver = Autosaver(store, SESSION, "ex", delay=0.2, on_status=lambda k, t: statuses.append(k))
    for i in range(5):
        saver.change({"v": i})
    wait_until(lambda: saver.saves == 1)
    assert store.history("ABC", "Sanne", "ex")[-1]["answer"] == {"v": 4}
    assert store.count() == 1 and statuses[-1] == "ok"


def test_immediate_and_flush(store):
    saver = Autosaver(store, SESSION, "ex", delay=30)
    saver.change({"v": 1}, immediate=True)
    assert store.load("ABC", "Sanne", "ex") == {"v": 1}
    saver.change({"v": 2})
    assert store.load("ABC", "Sanne", "ex") == {"v": 1}
    assert saver.flush()
    assert store.load("ABC", "Sanne", "ex") == {"v": 2}
    assert saver.load() == {"v": 2}


def test_without_session_nothing_is_saved(store):
    statuses = []
    saver = Autosaver(store, None, "ex", on_status=lambda k, t: statuses.append((k, t)))
    saver.change({"v": 1}, immediate=True)
    assert store.count() == 0 and saver.load() is None
    assert statuses[0][0] == "off" and "niet bewaard" in statuses[0][1]


def test_refused_answer_reports_dutch_message(store):
    statuses = []
    saver = Autosaver(store, SESSION, "ex", on_status=lambda k, t: statuses.append((k, t)))
    saver.change({"tekst": "x" * 1_000_000}, immediate=True)
    assert statuses[-1][0] == "error" and "te lang" in statuses[-1][1]
    assert store.count() == 0


class FlakyStore:
    """Fails the first save like a database that is briefly unavailable."""

    def __init__(self, inner: Store):
        self.inner, self.failures = inner, 1

    def save(self, *args):
        if self.failures:
            self.failures -= 1
            raise OSError("database is locked")
        self.inner.save(*args)

    def load(self, *args):
        return self.inner.load(*args)


def test_a_failed_save_keeps_the_state_and_retries(store):
    statuses = []
    saver = Autosaver(FlakyStore(store), SESSION, "ex", on_status=lambda k, t: statuses.append(k))
    saver.change({"v": 1}, immediate=True)
    assert statuses[-1] == "error" and store.count() == 0
    assert saver.flush()  # the kept state goes through now
    assert store.load("ABC", "Sanne", "ex") == {"v": 1}


def test_store_errors_are_store_errors():
    assert issubclass(StoreError, ValueError)


def test_status_says_pending_until_the_store_confirms(store):
    statuses = []
    saver = Autosaver(store, SESSION, "ex", delay=0.3, on_status=lambda k, t: statuses.append((k, t)))
    saver.change({"v": 1})
    assert statuses[-1] == ("pending", "Nog niet bewaard…") and saver.unsaved
    wait_until(lambda: saver.saves == 1)
    assert statuses[-1][0] == "ok" and not saver.unsaved


def test_a_locked_database_is_reported_within_seconds_and_retried_on_a_timer(tmp_path, monkeypatch):
    """The fault: the status said 'Bewaard' for a minute, and the answer was lost if nothing more was typed."""
    import sqlite3

    from workbook import autosave

    monkeypatch.setattr(autosave, "RETRY_FIRST", 0.5)
    path = tmp_path / "locked.sqlite"
    store = Store(f"sqlite:///{path}")
    statuses = []
    saver = Autosaver(store, SESSION, "ex", delay=0.05, on_status=lambda k, t: statuses.append((k, t)))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the database
    started = time.monotonic()
    saver.change({"v": "getypt"})
    wait_until(lambda: statuses and statuses[-1][0] == "error", timeout=10)
    assert time.monotonic() - started < 5.0
    assert "Niet bewaard" in statuses[-1][1]
    other.execute("ROLLBACK")
    other.close()
    wait_until(lambda: saver.saves == 1, timeout=20)  # nothing more typed: the timer retried
    assert store.load("ABC", "Sanne", "ex") == {"v": "getypt"} and statuses[-1][0] == "ok"


def test_a_deleted_database_file_is_reported_and_nothing_claims_it_was_saved(tmp_path):
    path = tmp_path / "gone" / "x.sqlite"
    store = Store(f"sqlite:///{path}")
    statuses = []
    saver = Autosaver(store, SESSION, "ex", delay=0, on_status=lambda k, t: statuses.append(k))
    store.engine.dispose()
    path.unlink()
    path.parent.rmdir()
    saver.change({"v": 1}, immediate=True)
    assert statuses[-1] == "error" and saver.unsaved
    saver.close()


def test_pending_changes_are_saved_when_the_kernel_exits(tmp_path):
    """A tab closed or reloaded within the debounce pause: the kernel's exit saves the change."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'exit.sqlite'}"
    code = (
        "from workbook.autosave import Autosaver\n"
        "from workbook.session import Session\n"
        "from workbook.store import Store\n"
        f"s = Autosaver(Store({url!r}), Session('ABC', 'Sanne', 't'), 'ex', delay=60)\n"
        "s.change({'v': 'net getypt'})\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert Store(url).load("ABC", "Sanne", "ex") == {"v": "net getypt"}
