"""Helpers for the browser tests and the workshop benchmark: the server, Chromium, the page.

Fixtures live in ``conftest.py``; everything a test (or ``benchmarks/``) calls by name is here.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("WERKBOEK_CHROMIUM", "/usr/bin/chromium")
# Flags for a closed network: no background traffic, no first-run work.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
FACILITATOR_KEY = "browser-test-sleutel"
NOTEBOOKS = sorted(
    str(p.relative_to(ROOT / "notebooks"))
    for p in (ROOT / "notebooks").rglob("*.ipynb")
    if ".ipynb_checkpoints" not in p.parts
)
WIDGET_TIMEOUT_MS = 90_000  # a cold kernel on a busy two-core machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, proc: subprocess.Popen, timeout: float = 90.0) -> None:
    """Poll until the server answers (the condition is the server, not a fixed delay)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Voilà stopped with exit code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"Voilà did not answer on {url} within {timeout} s")


SERVER_DB: list[str] = []  # the database of the session's server, for join_workshop()


def make_server_env(data: Path) -> dict[str, str]:
    """Environment for a workbook server under test: its own data folder and key."""
    env = os.environ.copy()
    env["WERKBOEK_DATA"] = str(data)
    env["WERKBOEK_DB"] = f"sqlite:///{data / 'werkboek.sqlite'}"
    env["WERKBOEK_BEGELEIDER_KEY"] = FACILITATOR_KEY
    env.pop("WERKBOEK_MODUS", None)
    env.pop("WERKBOEK_BEGELEIDER_VIA_NETWERK", None)
    return env


def start_server(env: dict[str, str], port: int, log_name: str, *extra: str) -> subprocess.Popen:
    """Start the workbook's own guarded server (``python -m workbook.serve``), as ``make workshop`` does."""
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / log_name, "a")  # noqa: SIM115 - the child keeps it; closed with the process
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbook.serve", "--quiet", "--host", "127.0.0.1", f"--port={port}", *extra],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    return proc


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)


def close_context(context) -> None:
    """Close a browser context as a person closes their tabs: each page runs its unload handlers.

    Voilà's page asks the server to shut its kernel down when the tab closes; Playwright's
    ``context.close()`` alone skips that, so the test server would keep every kernel until
    the idle cull and serve later tests from a crowded machine.
    """
    for pg in list(context.pages):
        try:
            pg.close(run_before_unload=True)
        except Exception:  # noqa: BLE001 - a crashed or closed page still lets the context close
            pass
    context.close()


def open_training(code: str, db: str | None = None) -> str:
    """Open a training as the facilitator does on the dashboard (participants cannot create one)."""
    from workbook.session import normalise_code
    from workbook.store import Store

    value = normalise_code(code)
    Store(db or SERVER_DB[0]).create_training(value)
    return value


def join_workshop(page, base: str, code: str, alias: str) -> None:
    """Join a training on the start page, as a participant does (the facilitator opened it first)."""
    open_training(code)
    open_page(page, base, "00_start.ipynb", ".wb-join-code input")
    page.fill(".wb-join-code input", code)
    page.fill(".wb-join-alias input", alias)
    page.click(".wb-join button, button.wb-join")
    page.wait_for_selector(".wb-joined", state="visible")


_SAVES_JS = "Array.from(document.querySelectorAll('.wb-status')).reduce((n, e) => n + (+e.dataset.saves || 0), 0)"


def saves(page) -> int:
    """How many saves the page's exercises have confirmed so far (all exercises together)."""
    return int(page.evaluate(_SAVES_JS))


def wait_for_new_save(page, before: int) -> None:
    """Wait until the store confirmed a save made after ``before`` was read (a condition, not a sleep)."""
    page.wait_for_function(f"({_SAVES_JS}) > {int(before)}")


def open_module(page, title: str) -> None:
    """Open a module inside the participants' app, as a participant does, and wait until it shows."""
    page.locator("button.wb-module-open", has_text=title).click()
    page.locator(".wb-module-title", has_text=title).wait_for()


def open_page(page, base: str, notebook: str, wait_for: str, query: str = "") -> None:
    """Open a notebook in Voilà and wait until a widget matching ``wait_for`` is visible."""
    page.goto(f"{base}/voila/render/{notebook}{('?' + query) if query else ''}")
    page.wait_for_selector(wait_for, state="visible")


def assert_clean(page) -> None:
    """No error output, no traceback, no visible source code on the page."""
    body = page.inner_text("body")
    for marker in ("Traceback", "There was an error", "Error:", "from workbook"):
        assert marker not in body, f"{marker!r} visible on the page"
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    code = page.locator(".jp-CodeCell .jp-InputArea, .cm-editor, .CodeMirror, .jp-InputPrompt")
    assert code.count() == 0, "source code is visible"


def wait_until(condition, timeout: float = 30.0, what: str = "condition") -> None:
    """Poll a condition (a server state, not a page) until it holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} did not happen within {timeout} s")


def kernel_alive(base: str, kernel_id: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/api/kernels/{kernel_id}", timeout=5) as resp:
            return resp.status == 200
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return False
        raise


def page_kernel_id(page) -> str:
    config = json.loads(page.locator("#jupyter-config-data").first.text_content())
    return config["kernelId"]
