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
import logging
import os
import re
import secrets
import sqlite3
import threading
import unicodedata
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import ConnectionPoolEntry

if TYPE_CHECKING:  # pandas loads only when a dashboard or an export asks for a frame
    import pandas as pd

__all__ = ["Store", "StoreError", "RoundRecord", "data_dir", "default_url", "SCHEMA_VERSION", "MAX_ANSWER_CHARS"]

MAX_NAME_CHARS = 64
MAX_EXERCISE_CHARS = 100
MAX_ANSWER_CHARS = 200_000  # JSON characters; ample for any exercise, refuses pasted books
# How long a save waits for a database that another program holds, before it reports failure
# (the participant's status must be true within seconds; the autosaver retries on a timer).
BUSY_TIMEOUT_S = 4.0


class StoreError(ValueError):
    """An answer or name that cannot be stored; the message is Dutch and meant for the participant."""


def data_dir() -> Path:
    """Return the folder for local data, created if needed: ``WERKBOEK_DATA`` or ``data/`` (git-ignored)."""
    env = os.environ.get("WERKBOEK_DATA")
    path = Path(env) if env else Path(__file__).resolve().parent.parent / "data"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url() -> str:
    """Return the database URL: ``WERKBOEK_DB``, else the SQLite file ``data/werkboek.sqlite``."""
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


trainings_table = sa.Table(
    "trainings",
    metadata,
    sa.Column("code", sa.String(MAX_NAME_CHARS), primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

attempts_table = sa.Table(
    "attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("client", sa.String(MAX_NAME_CHARS), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_attempts_lookup", "kind", "client", "at"),
)


def _migration_2(conn: Connection) -> None:
    """Version 2: registered aliases per workshop, so two participants cannot share one."""
    participants_table.create(conn, checkfirst=True)


def _migration_3(conn: Connection) -> None:
    """Version 3: trainings exist only when a facilitator creates them; attempts per client.

    Workshops that already have answers or participants become trainings, so they go on.
    """
    trainings_table.create(conn, checkfirst=True)
    attempts_table.create(conn, checkfirst=True)
    codes = set(conn.execute(sa.select(answers.c.workshop).distinct()).scalars())
    codes |= set(conn.execute(sa.select(participants_table.c.workshop).distinct()).scalars())
    now = datetime.now(timezone.utc)
    for code in sorted(codes - {"zelfstudie"}):
        conn.execute(trainings_table.insert().values(code=code, created_at=now))


rounds_table = sa.Table(
    "rounds",
    metadata,
    sa.Column("workshop", sa.String(MAX_NAME_CHARS), primary_key=True),
    sa.Column("grp", sa.String(MAX_NAME_CHARS), primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True),
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)


closed_table = sa.Table(
    "closed_trainings",
    metadata,
    sa.Column("code", sa.String(MAX_NAME_CHARS), primary_key=True),
    sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
)


def _migration_5(conn: Connection) -> None:
    """Version 5: a facilitator can close a training for joining (and open it again)."""
    closed_table.create(conn, checkfirst=True)


def _migration_4(conn: Connection) -> None:
    """Version 4: role-play rounds, one shared record per group and round (module 05)."""
    rounds_table.create(conn, checkfirst=True)


MIGRATIONS: list[Callable[[Connection], None]] = [_migration_1, _migration_2, _migration_3, _migration_4, _migration_5]
SCHEMA_VERSION = len(MIGRATIONS)

_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _sqlite_engine(url: str) -> Engine:
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(  # pragma: no cover - exercised via every test
        dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry
    ) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (see "begin").
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:  # pragma: no cover - exercised via every test
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
                _ENGINES[url] = sa.create_engine(
                    url,
                    pool_pre_ping=True,
                    connect_args={"connect_timeout": int(BUSY_TIMEOUT_S) + 1} if url.startswith("postgresql") else {},
                )
        return _ENGINES[url]


def _clean_name(value: object, what: str) -> str:
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


def _encode_answer(answer: object) -> str:
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


def _aware(value: object) -> datetime:
    """Return a stored time as an aware UTC datetime (SQLite hands it back without a zone)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return datetime.min.replace(tzinfo=timezone.utc)
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def alias_key(alias: str) -> str:
    """Return the key under which an alias is unique.

    Aliases that differ only in case, spacing or Unicode form (NFKC) count as the same name.
    """
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", alias)).strip().casefold()


class RoundRecord(NamedTuple):
    """One stored role-play round: its group, number, version (one up per change) and state."""

    group: str
    number: int
    version: int
    state: dict[str, Any]


class Store:
    """Saved answers, per workshop, participant and exercise.

    Parameters
    ----------
    url : str, optional
        An SQLAlchemy URL; defaults to :func:`default_url`.
    """

    def __init__(self, url: str | None = None) -> None:
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
        """Return the schema version the database is at (after :data:`MIGRATIONS` ran)."""
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
        """Return the latest saved version of an answer, or ``None`` when there is none."""
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
        """Return every saved version, oldest first, each as ``{"saved_at": ..., "answer": ...}``."""
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
        """Count the saved rows (all versions), optionally for one workshop."""
        query = sa.select(sa.func.count()).select_from(answers)
        if workshop is not None:
            query = query.where(answers.c.workshop == workshop)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def frame(self, workshop: str, include_private: bool = False) -> pd.DataFrame:
        """Return one row per latest answer in a workshop, for the facilitator's pages and exports.

        Columns: ``workshop``, ``participant``, ``exercise``, ``saved_at``, ``answer`` (dict).
        The answers of private modules (a mentor's own gesprekskaarten about real students,
        :func:`workbook.registry.is_private`) are left out unless ``include_private`` (for a
        check of the store itself, such as the workshop benchmark; never for a facilitator).
        """
        from workbook import registry

        hidden = () if include_private else registry.private_prefixes()
        latest = (
            sa.select(sa.func.max(answers.c.id).label("id"))
            .where(answers.c.workshop == workshop)
            .where(*(~answers.c.exercise.startswith(p, autoescape=True) for p in hidden))
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
        import pandas as pd

        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        columns = ["workshop", "participant", "exercise", "saved_at", "answer"]
        frame = pd.DataFrame([tuple(r) for r in rows], columns=columns)
        frame["answer"] = [json.loads(a) for a in frame["answer"]]
        return frame

    def latest_answers(
        self, workshop: str, participant: str, prefix: str
    ) -> dict[str, tuple[dict[str, Any], datetime]]:
        """Return one participant's latest answer and its save time per exercise whose id starts with ``prefix``."""
        mine = (answers.c.workshop == workshop, answers.c.participant == participant)
        latest = (
            sa.select(sa.func.max(answers.c.id).label("id"))
            .where(*mine, answers.c.exercise.startswith(prefix, autoescape=True))
            .group_by(answers.c.exercise)
            .subquery()
        )
        query = sa.select(answers.c.exercise, answers.c.answer, answers.c.saved_at).join(
            latest, answers.c.id == latest.c.id
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return {r.exercise: (json.loads(r.answer), _aware(r.saved_at)) for r in rows}

    def delete_answers(self, workshop: str, participant: str, exercises: list[str]) -> int:
        """Delete every stored version of some of one participant's exercises; returns the rows deleted.

        The text is also removed from the database file (see :meth:`_forget_deleted`).
        """
        if not exercises:
            return 0
        with self._write() as conn, conn.begin():
            n = conn.execute(
                answers.delete().where(
                    answers.c.workshop == workshop,
                    answers.c.participant == participant,
                    answers.c.exercise.in_(list(exercises)),
                )
            ).rowcount
        self._forget_deleted()
        return int(n or 0)

    def apply_retention(self, days: int, now: datetime | None = None) -> tuple[int, int]:
        """Remove trainings and private records (gesprekskaarten) untouched for more than ``days`` days.

        A training goes when nothing happened in it (no save, no one joining, no role-play
        change) since the cut-off: every answer, name and round with it. A card goes when its
        latest version is older than the cut-off, with all its versions.

        Returns
        -------
        tuple of int
            The number of trainings and of cards removed.
        """
        from workbook import registry

        cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=days)
        with self.engine.connect() as conn:
            last: dict[str, datetime] = {}
            for table, column, moment in (
                (answers, answers.c.workshop, answers.c.saved_at),
                (participants_table, participants_table.c.workshop, participants_table.c.joined_at),
                (trainings_table, trainings_table.c.code, trainings_table.c.created_at),
                (rounds_table, rounds_table.c.workshop, rounds_table.c.updated_at),
            ):
                for key, when in conn.execute(
                    sa.select(column, sa.func.max(moment)).select_from(table).group_by(column)
                ):
                    when = _aware(when)
                    if key not in last or when > last[key]:
                        last[key] = when
            private = sa.or_(*(answers.c.exercise.startswith(p, autoescape=True) for p in registry.private_prefixes()))
            cards = conn.execute(
                sa.select(
                    answers.c.workshop, answers.c.participant, answers.c.exercise, sa.func.max(answers.c.saved_at)
                )
                .where(private)
                .group_by(answers.c.workshop, answers.c.participant, answers.c.exercise)
            ).all()
        old_trainings = sorted(c for c, when in last.items() if c != "zelfstudie" and when < cutoff)
        old_cards = [(w, p, e) for w, p, e, when in cards if _aware(when) < cutoff and w not in old_trainings]
        with self._write() as conn, conn.begin():
            for code in old_trainings:
                conn.execute(answers.delete().where(answers.c.workshop == code))
                conn.execute(participants_table.delete().where(participants_table.c.workshop == code))
                conn.execute(trainings_table.delete().where(trainings_table.c.code == code))
                conn.execute(rounds_table.delete().where(rounds_table.c.workshop == code))
                conn.execute(closed_table.delete().where(closed_table.c.code == code))
            for workshop, participant, exercise in old_cards:
                conn.execute(
                    answers.delete().where(
                        answers.c.workshop == workshop,
                        answers.c.participant == participant,
                        answers.c.exercise == exercise,
                    )
                )
        if old_trainings or old_cards:
            self._forget_deleted()
        return len(old_trainings), len(old_cards)

    def workshops(self) -> list[str]:
        """List the training codes, sorted: opened by a facilitator, or with saved answers or participants.

        Self-study (``zelfstudie``) is not a training and is never listed.
        """
        with self.engine.connect() as conn:
            codes = set(conn.execute(sa.select(answers.c.workshop).distinct()).scalars())
            codes |= set(conn.execute(sa.select(participants_table.c.workshop).distinct()).scalars())
            codes |= set(conn.execute(sa.select(trainings_table.c.code)).scalars())
        return sorted(codes - {"zelfstudie"})

    def delete_workshop(self, workshop: str) -> int:
        """Delete every answer, alias and the training itself; returns the number of answers deleted.

        The deleted text is also removed from the database file (see :meth:`_forget_deleted`).
        """
        with self._write() as conn, conn.begin():
            n = conn.execute(answers.delete().where(answers.c.workshop == workshop)).rowcount
            conn.execute(participants_table.delete().where(participants_table.c.workshop == workshop))
            conn.execute(trainings_table.delete().where(trainings_table.c.code == workshop))
            conn.execute(rounds_table.delete().where(rounds_table.c.workshop == workshop))
            conn.execute(closed_table.delete().where(closed_table.c.code == workshop))
        self._forget_deleted()
        return int(n or 0)

    def delete_participant(self, workshop: str, participant: str) -> int:
        """Delete everything one participant saved (every version) and free their name."""
        with self._write() as conn, conn.begin():
            n = conn.execute(
                answers.delete().where(answers.c.workshop == workshop, answers.c.participant == participant)
            ).rowcount
            conn.execute(
                participants_table.delete().where(
                    participants_table.c.workshop == workshop,
                    participants_table.c.alias_key == alias_key(participant),
                )
            )
            # their name goes from the role-play rounds they played in (the group's round stays)
            rows = conn.execute(
                sa.select(rounds_table.c.grp, rounds_table.c.number, rounds_table.c.state).where(
                    rounds_table.c.workshop == workshop
                )
            ).all()
            for grp, number, text in rows:
                state = json.loads(text)
                roles = state.get("roles") if isinstance(state, dict) else None
                if isinstance(roles, dict) and participant in roles.values():
                    state["roles"] = {r: (None if who == participant else who) for r, who in roles.items()}
                    conn.execute(
                        rounds_table.update()
                        .where(
                            rounds_table.c.workshop == workshop,
                            rounds_table.c.grp == grp,
                            rounds_table.c.number == number,
                        )
                        .values(
                            state=json.dumps(state, ensure_ascii=False, sort_keys=True),
                            version=rounds_table.c.version + 1,
                        )
                    )
        self._forget_deleted()
        return int(n or 0)

    def prune_history(self, workshop: str, participant: str) -> int:
        """Delete the earlier versions of a participant's answers, keeping the latest of each."""
        latest = (
            sa.select(sa.func.max(answers.c.id))
            .where(answers.c.workshop == workshop, answers.c.participant == participant)
            .group_by(answers.c.exercise)
        )
        with self._write() as conn, conn.begin():
            keep = set(conn.execute(latest).scalars())
            n = conn.execute(
                answers.delete().where(
                    answers.c.workshop == workshop,
                    answers.c.participant == participant,
                    answers.c.id.not_in(keep) if keep else sa.true(),
                )
            ).rowcount
        self._forget_deleted()
        return int(n or 0)

    def _forget_deleted(self) -> None:
        """Make deleted text really gone from an SQLite file: checkpoint the WAL and vacuum.

        SQLite keeps deleted rows in free pages and in the write-ahead log until then. Another
        kernel reading at the same moment can postpone it; the next delete tries again.
        """
        if self.engine.dialect.name != "sqlite":
            return
        raw = self.engine.raw_connection()  # outside any transaction: VACUUM refuses to run in one
        try:
            cur = raw.cursor()
            cur.execute("VACUUM")
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cur.close()
        except Exception:  # noqa: BLE001 - the delete itself is done; the next one tries again
            logging.getLogger(__name__).warning("vacuum after delete postponed: database busy", exc_info=True)
        finally:
            raw.close()

    # --- role-play rounds (shared by a group of three) ---------------------------------

    def round_update(
        self, workshop: str, group: str, number: int, change: Callable[[dict[str, Any] | None], dict[str, Any]]
    ) -> RoundRecord:
        """Change one round in a single write transaction and return it as stored.

        ``change`` gets the stored state (``None`` for a new round) and returns the new one; it
        runs while the round is locked, so two group members who click at once both count.
        An exception from ``change`` (a Dutch ``ValueError``: "die rol is al gekozen") writes nothing.
        """
        workshop = _clean_name(workshop, "trainingscode")
        group = _clean_name(group, "groepscode")
        key = (
            rounds_table.c.workshop == workshop,
            rounds_table.c.grp == group,
            rounds_table.c.number == int(number),
        )
        with self._write() as conn, conn.begin():
            query = sa.select(rounds_table.c.state, rounds_table.c.version).where(*key)
            if conn.dialect.name == "postgresql":
                # a new round has no row to lock yet: serialise on the group instead
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(f"{workshop}/{group}"))))
                query = query.with_for_update()
            row = conn.execute(query).first()
            old = json.loads(row[0]) if row else None
            text = _encode_answer(change(old))
            state = json.loads(text)
            now = datetime.now(timezone.utc)
            if row is None:
                version = 1
                conn.execute(
                    rounds_table.insert().values(
                        workshop=workshop, grp=group, number=int(number), state=text, version=1, updated_at=now
                    )
                )
            else:
                version = int(row[1]) + 1
                conn.execute(rounds_table.update().where(*key).values(state=text, version=version, updated_at=now))
        return RoundRecord(group, int(number), version, state)

    def round_version(self, workshop: str, group: str) -> tuple[int, int] | None:
        """Return ``(number, version)`` of a group's latest round (cheap: what a page polls), or ``None``."""
        query = (
            sa.select(rounds_table.c.number, rounds_table.c.version)
            .where(rounds_table.c.workshop == workshop, rounds_table.c.grp == group)
            .order_by(rounds_table.c.number.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return (int(row[0]), int(row[1])) if row else None

    def round_load(self, workshop: str, group: str, number: int | None = None) -> RoundRecord | None:
        """Return round ``number`` of a group (default: its latest), or ``None``."""
        query = sa.select(rounds_table.c.number, rounds_table.c.version, rounds_table.c.state).where(
            rounds_table.c.workshop == workshop, rounds_table.c.grp == group
        )
        if number is not None:
            query = query.where(rounds_table.c.number == int(number))
        with self.engine.connect() as conn:
            row = conn.execute(query.order_by(rounds_table.c.number.desc()).limit(1)).first()
        return RoundRecord(group, int(row[0]), int(row[1]), json.loads(row[2])) if row else None

    def rounds(self, workshop: str, group: str | None = None) -> list[RoundRecord]:
        """Return every round of a workshop (or of one group), by group and number."""
        query = sa.select(rounds_table.c.grp, rounds_table.c.number, rounds_table.c.version, rounds_table.c.state)
        query = query.where(rounds_table.c.workshop == workshop)
        if group is not None:
            query = query.where(rounds_table.c.grp == group)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(rounds_table.c.grp, rounds_table.c.number)).all()
        return [RoundRecord(str(g), int(n), int(v), json.loads(st)) for g, n, v, st in rows]

    # --- trainings and attempts --------------------------------------------------------

    def create_training(self, code: str) -> bool:
        """Open a training under ``code``; ``False`` when it already exists."""
        code = _clean_name(code, "trainingscode")
        try:
            with self._write() as conn, conn.begin():
                conn.execute(trainings_table.insert().values(code=code, created_at=datetime.now(timezone.utc)))
        except sa.exc.IntegrityError:
            return False
        return True

    def training_exists(self, code: str) -> bool:
        """Return whether a facilitator opened a training under exactly this code."""
        with self.engine.connect() as conn:
            return (
                conn.execute(sa.select(trainings_table.c.code).where(trainings_table.c.code == code)).first()
                is not None
            )

    def set_training_open(self, code: str, is_open: bool) -> None:
        """Close a training for joining (participants who joined go on), or open it again."""
        with self._write() as conn, conn.begin():
            conn.execute(closed_table.delete().where(closed_table.c.code == code))
            if not is_open:
                conn.execute(closed_table.insert().values(code=code, closed_at=datetime.now(timezone.utc)))

    def training_open(self, code: str) -> bool:
        """Return whether new participants may join the training ``code``."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(closed_table.c.code).where(closed_table.c.code == code)).first() is None

    def trainings(self) -> list[str]:
        """List the codes of the trainings a facilitator opened, oldest first."""
        with self.engine.connect() as conn:
            return list(
                conn.execute(sa.select(trainings_table.c.code).order_by(trainings_table.c.created_at)).scalars()
            )

    def record_attempt(self, kind: str, client: str) -> None:
        """Note one attempt (a wrong key, a join) by a client, for rate limits."""
        with self._write() as conn, conn.begin():
            conn.execute(
                attempts_table.insert().values(
                    kind=kind[:40], client=(client or "?")[:MAX_NAME_CHARS], at=datetime.now(timezone.utc)
                )
            )

    def attempts_since(self, kind: str, client: str, since: datetime) -> list[datetime]:
        """Return the times of a client's attempts of one kind since ``since`` (UTC), oldest first."""
        query = (
            sa.select(attempts_table.c.at)
            .where(
                attempts_table.c.kind == kind,
                attempts_table.c.client == (client or "?")[:MAX_NAME_CHARS],
                attempts_table.c.at >= since,
            )
            .order_by(attempts_table.c.at)
        )
        with self.engine.connect() as conn:
            return [t if t.tzinfo else t.replace(tzinfo=timezone.utc) for t in conn.execute(query).scalars()]

    def clear_attempts(self, kind: str, client: str) -> None:
        """Forget a client's attempts of one kind (after a right key, the count starts again)."""
        with self._write() as conn, conn.begin():
            conn.execute(
                attempts_table.delete().where(
                    attempts_table.c.kind == kind, attempts_table.c.client == (client or "?")[:MAX_NAME_CHARS]
                )
            )

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
        """Return whether ``token`` is the one handed out for this alias."""
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

    def release_alias(self, workshop: str, alias: str) -> bool:
        """Free a name so its owner can join again (a participant who lost their link).

        Their answers stay; whoever joins next under this name gets them, with a new token.
        """
        with self._write() as conn, conn.begin():
            n = conn.execute(
                participants_table.delete().where(
                    participants_table.c.workshop == workshop, participants_table.c.alias_key == alias_key(alias)
                )
            ).rowcount
        return bool(n)

    def aliases(self, workshop: str) -> list[str]:
        """List the aliases that joined a workshop, in order of joining."""
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    sa.select(participants_table.c.alias)
                    .where(participants_table.c.workshop == workshop)
                    .order_by(participants_table.c.joined_at)
                ).scalars()
            )
