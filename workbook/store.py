"""Persistence of participants' answers (SQLAlchemy Core).

Every save is a new row with a timestamp, so history is kept; :meth:`Store.load`
returns the latest. By default the data is an SQLite file under ``data/`` (WAL mode, a
busy timeout, immediate write transactions, so many kernels can save at once); any
SQLAlchemy URL can be given through ``WERKBOEK_DB`` (PostgreSQL is supported and tested).

The schema is versioned in the ``werkboek_meta`` table and upgraded on first use by the
ordered steps in :data:`MIGRATIONS`.

Nothing here imports ipywidgets.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

__all__ = ["Store", "StoreError", "data_dir", "default_url", "SCHEMA_VERSION", "MAX_ANSWER_CHARS"]

MAX_NAME_CHARS = 64
MAX_EXERCISE_CHARS = 100
MAX_ANSWER_CHARS = 200_000  # JSON characters; ample for any exercise, refuses pasted books


class StoreError(ValueError):
    """An answer or name that cannot be stored; the message is Dutch and meant for the participant."""


def data_dir() -> Path:
    """Where local data lives: ``WERKBOEK_DATA`` or ``data/`` in the project (git-ignored)."""
    env = os.environ.get("WERKBOEK_DATA")
    path = Path(env) if env else Path(__file__).resolve().parent.parent / "data"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url() -> str:
    """``WERKBOEK_DB`` or the SQLite file ``data/werkboek.sqlite``."""
    return os.environ.get("WERKBOEK_DB") or f"sqlite:///{data_dir() / 'werkboek.sqlite'}"


metadata = sa.MetaData()

meta_table = sa.Table(
    "werkboek_meta",
    metadata,
    sa.Column("key", sa.String(50), primary_key=True),
    sa.Column("value", sa.String(200), nullable=False),
)

answers = sa.Table(
    "answers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("workshop", sa.String(MAX_NAME_CHARS), nullable=False),
    sa.Column("participant", sa.String(MAX_NAME_CHARS), nullable=False),
    sa.Column("exercise", sa.String(MAX_EXERCISE_CHARS), nullable=False),
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_answers_lookup", "workshop", "participant", "exercise", "id"),
)

participants_table = sa.Table(
    "participants",
    metadata,
    sa.Column("workshop", sa.String(MAX_NAME_CHARS), primary_key=True),
    sa.Column("alias_key", sa.String(MAX_NAME_CHARS), primary_key=True),
    sa.Column("alias", sa.String(MAX_NAME_CHARS), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False),
    sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
)


def _migration_1(conn: Connection) -> None:
    """Version 1: the answers table (one row per save)."""
    answers.create(conn, checkfirst=True)


def _migration_2(conn: Connection) -> None:
    """Version 2: registered aliases per workshop, so two participants cannot share one."""
    participants_table.create(conn, checkfirst=True)


MIGRATIONS: list[Callable[[Connection], None]] = [_migration_1, _migration_2]
SCHEMA_VERSION = len(MIGRATIONS)

_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _sqlite_engine(url: str) -> Engine:
    engine = sa.create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised via every test
        # Let SQLAlchemy, not the driver, decide when transactions begin (see "begin").
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 60000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn):  # pragma: no cover - exercised via every test
        # Writers take the write lock up front, so the busy timeout applies instead of
        # a deadlock error when a reader would upgrade.
        write = conn.get_execution_options().get("werkboek_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _engine(url: str) -> Engine:
    with _ENGINES_LOCK:
        if url not in _ENGINES:
            if url.startswith("sqlite"):
                db_path = sa.engine.make_url(url).database
                if db_path and db_path != ":memory:":
                    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
                _ENGINES[url] = _sqlite_engine(url)
            else:
                _ENGINES[url] = sa.create_engine(url, pool_pre_ping=True)
        return _ENGINES[url]


def _clean_name(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise StoreError(f"De {what} ontbreekt.")
    text = " ".join(value.split())
    if not text:
        raise StoreError(f"De {what} is leeg. Vul een {what} in.")
    if len(text) > MAX_NAME_CHARS:
        raise StoreError(f"De {what} is te lang (hoogstens {MAX_NAME_CHARS} tekens).")
    if any(ord(c) < 32 for c in text):
        raise StoreError(f"De {what} bevat tekens die niet zijn toegestaan.")
    return text


def _encode_answer(answer: Any) -> str:
    if not isinstance(answer, dict):
        raise StoreError("Dit antwoord kan niet worden opgeslagen: het heeft niet de juiste vorm.")
    try:
        text = json.dumps(answer, ensure_ascii=False, allow_nan=False, sort_keys=True)
    except (TypeError, ValueError):
        raise StoreError(
            "Dit antwoord kan niet worden opgeslagen: het bevat iets anders dan tekst, getallen of lijsten."
        ) from None
    if len(text) > MAX_ANSWER_CHARS:
        raise StoreError(
            f"Dit antwoord is te lang om op te slaan ({len(text):,} tekens; hoogstens "
            f"{MAX_ANSWER_CHARS:,}). Maak je tekst korter; wat je eerder opsloeg blijft bewaard.".replace(",", ".")
        )
    return text


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def alias_key(alias: str) -> str:
    """Aliases that differ only in case or spacing count as the same name."""
    return re.sub(r"\s+", " ", alias).strip().casefold()


class Store:
    """Saved answers, per workshop, participant and exercise.

    Parameters
    ----------
    url : str, optional
        An SQLAlchemy URL; defaults to :func:`default_url`.
    """

    def __init__(self, url: str | None = None):
        self.url = url or default_url()
        self.engine = _engine(self.url)
        self._migrate()

    # --- schema -------------------------------------------------------------------

    def _write(self) -> Connection:
        return self.engine.connect().execution_options(werkboek_write=True)

    def _migrate(self) -> None:
        with self._write() as conn, conn.begin():
            if conn.dialect.name == "postgresql":
                # Serialise concurrent first use by many kernels.
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7419034)")
            meta_table.create(conn, checkfirst=True)
            row = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "schema_version")).first()
            current = int(row[0]) if row else 0
            if current > SCHEMA_VERSION:
                raise RuntimeError(
                    f"database schema {current} is newer than this workbook ({SCHEMA_VERSION}); update the code"
                )
            for version in range(current + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[version - 1](conn)
            if current == 0:
                conn.execute(meta_table.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
            elif current < SCHEMA_VERSION:
                conn.execute(
                    meta_table.update().where(meta_table.c.key == "schema_version").values(value=str(SCHEMA_VERSION))
                )

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "schema_version")).scalar_one()
        return int(value)

    # --- answers ----------------------------------------------------------------------

    def save(self, workshop: str, participant: str, exercise: str, answer: dict[str, Any]) -> None:
        """Store a new version of an answer.

        Raises
        ------
        StoreError
            For an empty or too long name, an answer that is not a JSON-able dict, or an
            answer over :data:`MAX_ANSWER_CHARS`. Nothing is written then.
        """
        row = {
            "workshop": _clean_name(workshop, "trainingscode"),
            "participant": _clean_name(participant, "naam"),
            "exercise": _clean_name(exercise, "oefening")[:MAX_EXERCISE_CHARS],
            "answer": _encode_answer(answer),
            "saved_at": datetime.now(timezone.utc),
        }
        with self._write() as conn, conn.begin():
            conn.execute(answers.insert().values(**row))

    def load(self, workshop: str, participant: str, exercise: str) -> dict[str, Any] | None:
        """The latest saved answer, or ``None``."""
        query = (
            sa.select(answers.c.answer)
            .where(
                answers.c.workshop == workshop,
                answers.c.participant == participant,
                answers.c.exercise == exercise,
            )
            .order_by(answers.c.id.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            text = conn.execute(query).scalar()
        return json.loads(text) if text is not None else None

    def history(self, workshop: str, participant: str, exercise: str) -> list[dict[str, Any]]:
        """Every saved version, oldest first, each as ``{"saved_at": ..., "answer": ...}``."""
        query = (
            sa.select(answers.c.answer, answers.c.saved_at)
            .where(
                answers.c.workshop == workshop,
                answers.c.participant == participant,
                answers.c.exercise == exercise,
            )
            .order_by(answers.c.id)
        )
        with self.engine.connect() as conn:
            return [{"saved_at": r.saved_at, "answer": json.loads(r.answer)} for r in conn.execute(query)]

    def count(self, workshop: str | None = None) -> int:
        """Number of saved rows (all versions), optionally for one workshop."""
        query = sa.select(sa.func.count()).select_from(answers)
        if workshop is not None:
            query = query.where(answers.c.workshop == workshop)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def frame(self, workshop: str) -> pd.DataFrame:
        """One row per latest answer in a workshop.

        Columns: ``workshop``, ``participant``, ``exercise``, ``saved_at``, ``answer`` (dict).
        """
        latest = (
            sa.select(sa.func.max(answers.c.id).label("id"))
            .where(answers.c.workshop == workshop)
            .group_by(answers.c.participant, answers.c.exercise)
            .subquery()
        )
        query = (
            sa.select(
                answers.c.workshop,
                answers.c.participant,
                answers.c.exercise,
                answers.c.saved_at,
                answers.c.answer,
            )
            .join(latest, answers.c.id == latest.c.id)
            .order_by(answers.c.participant, answers.c.exercise)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        columns = ["workshop", "participant", "exercise", "saved_at", "answer"]
        frame = pd.DataFrame([tuple(r) for r in rows], columns=columns)
        frame["answer"] = [json.loads(a) for a in frame["answer"]]
        return frame

    def workshops(self) -> list[str]:
        """Workshop codes with saved answers or joined participants, sorted."""
        with self.engine.connect() as conn:
            codes = set(conn.execute(sa.select(answers.c.workshop).distinct()).scalars())
            codes |= set(conn.execute(sa.select(participants_table.c.workshop).distinct()).scalars())
        return sorted(codes)

    def delete_workshop(self, workshop: str) -> int:
        """Delete every answer and alias of a workshop; returns the number of answers deleted."""
        with self._write() as conn, conn.begin():
            n = conn.execute(answers.delete().where(answers.c.workshop == workshop)).rowcount
            conn.execute(participants_table.delete().where(participants_table.c.workshop == workshop))
        return int(n or 0)

    # --- participants ---------------------------------------------------------------

    def claim_alias(self, workshop: str, alias: str) -> str | None:
        """Register an alias in a workshop.

        Returns
        -------
        str or None
            A secret token that proves the alias is yours (put it in your links), or
            ``None`` when somebody else already uses this alias (case and spaces ignored).
        """
        workshop = _clean_name(workshop, "trainingscode")
        alias = _clean_name(alias, "naam")
        token = secrets.token_urlsafe(12)
        try:
            with self._write() as conn, conn.begin():
                conn.execute(
                    participants_table.insert().values(
                        workshop=workshop,
                        alias_key=alias_key(alias),
                        alias=alias,
                        token_hash=_token_hash(token),
                        joined_at=datetime.now(timezone.utc),
                    )
                )
        except sa.exc.IntegrityError:
            return None
        return token

    def verify_alias(self, workshop: str, alias: str, token: str) -> bool:
        """Whether ``token`` is the one handed out for this alias."""
        if not all(isinstance(x, str) and x for x in (workshop, alias, token)):
            return False
        with self.engine.connect() as conn:
            stored = conn.execute(
                sa.select(participants_table.c.token_hash).where(
                    participants_table.c.workshop == workshop,
                    participants_table.c.alias_key == alias_key(alias),
                )
            ).scalar()
        return stored is not None and secrets.compare_digest(stored, _token_hash(token))

    def aliases(self, workshop: str) -> list[str]:
        """Aliases that joined a workshop, in order of joining."""
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    sa.select(participants_table.c.alias)
                    .where(participants_table.c.workshop == workshop)
                    .order_by(participants_table.c.joined_at)
                ).scalars()
            )
