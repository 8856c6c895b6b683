"""Store backends for the load tests: an SQLite file, and a real PostgreSQL server.

The PostgreSQL server is Debian's ``postgresql`` package (``.ci/run`` installs it); this
fixture creates a throw-away cluster on a free port with a Unix socket in a temporary
folder, and removes it afterwards. A missing server is a failure with instructions.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator

import pytest

from tests.browser.helpers import free_port


def _pg_bin() -> str:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail(
            "PostgreSQL server not found. Install Debian's package: sudo apt-get install postgresql",
            pytrace=False,
        )
    return os.path.dirname(found[-1])


def _as_postgres(cmd: list[str]) -> list[str]:
    """Run as the 'postgres' user when we are root (the server refuses to run as root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    bindir = _pg_bin()
    root = tempfile.mkdtemp(prefix="werkboek-pg-")
    data = os.path.join(root, "data")
    if os.geteuid() == 0:
        pg = pwd.getpwnam("postgres")
        os.chown(root, pg.pw_uid, pg.pw_gid)
    port = free_port()
    subprocess.run(
        _as_postgres([f"{bindir}/initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8"]),
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {root} -c listen_addresses='' -c max_connections=200 -c fsync=on"
    subprocess.run(
        _as_postgres([f"{bindir}/pg_ctl", "-D", data, "-l", os.path.join(root, "log"), "-o", opts, "-w", "start"]),
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            _as_postgres([f"{bindir}/createdb", "-h", root, "-p", str(port), "-U", "postgres", "werkboek"]),
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://postgres@/werkboek?host={root}&port={port}"
    finally:
        subprocess.run(_as_postgres([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """A fresh, empty database for each test, on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'load.sqlite'}"
    base = request.getfixturevalue("postgres_url")
    import sqlalchemy as sa

    schema = f"t_{tmp_path.name.replace('-', '_').lower()}"[:60]
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {schema}")
        conn.exec_driver_sql(f"CREATE DATABASE {schema}")
    engine.dispose()
    return base.replace("/werkboek?", f"/{schema}?")
