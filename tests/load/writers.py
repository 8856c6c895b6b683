"""Writer processes for the load tests (run as ``python -m tests.load.writers ...``)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from workbook.store import Store, answers


def many(url: str, worker: int, n: int, gate: str) -> None:
    """Wait for the start gate, then save ``n`` answers as participant ``w<worker>``."""
    store = Store(url)
    deadline = time.monotonic() + 120
    while not Path(gate).exists():  # all writers start together
        if time.monotonic() > deadline:
            raise SystemExit("gate never opened")
        time.sleep(0.005)
    for i in range(n):
        store.save("LOAD", f"w{worker}", f"01_ex{i}", {"worker": worker, "i": i, "tekst": "x" * 200})


def marks(url: str, counter: str, n: int, gate: str) -> None:
    """Wait for the start gate, then add ``n`` to ``counter`` of one shared role-play round (a group member)."""
    from workbook.shared_round import apply

    store = Store(url)
    deadline = time.monotonic() + 120
    while not Path(gate).exists():
        if time.monotonic() > deadline:
            raise SystemExit("gate never opened")
        time.sleep(0.005)
    for _ in range(n):
        store.round_update("LOAD", "groep", 1, apply(lambda r: r.tally.count(counter), "te_laat"))


def crash(url: str, log: str, committed: int) -> None:
    """Save ``committed`` answers (logging each after its commit), then hang inside a transaction."""
    store = Store(url)
    with open(log, "a", encoding="utf-8") as fh:
        for i in range(committed):
            store.save("CRASH", "writer", f"01_ex{i}", {"i": i})
            fh.write(f"{i}\n")
            fh.flush()
    with store._write() as conn, conn.begin():
        for i in range(committed, committed + 50):
            conn.execute(
                answers.insert().values(
                    workshop="CRASH",
                    participant="writer",
                    exercise=f"01_ex{i}",
                    answer='{"i": -1}',
                    saved_at=sa.func.current_timestamp(),
                )
            )
        print("IN_TRANSACTION", flush=True)
        time.sleep(600)  # held open until the test kills this process


def endless(url: str, log: str) -> None:
    """Save as fast as possible, logging each committed index, until killed."""
    store = Store(url)
    with open(log, "a", encoding="utf-8") as fh:
        i = 0
        while True:
            store.save("KILL", "writer", f"01_ex{i % 7}", {"i": i, "pid": os.getpid()})
            fh.write(f"{i}\n")
            fh.flush()
            i += 1


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "many":
        many(args[0], int(args[1]), int(args[2]), args[3])
    elif mode == "marks":
        marks(args[0], args[1], int(args[2]), args[3])
    elif mode == "crash":
        crash(args[0], args[1], int(args[2]))
    elif mode == "endless":
        endless(args[0], args[1])
    else:
        raise SystemExit(f"unknown mode {mode}")
