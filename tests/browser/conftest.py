"""Browser fixtures: Voilà on a free port, Playwright driving Debian's Chromium.

A missing Chromium is a failure with instructions, never a silent skip. Every test
saves a screenshot under ``artifacts/screenshots/`` (git-ignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.helpers import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    SERVER_DB,
    WIDGET_TIMEOUT_MS,
    close_context,
    free_port,
    make_server_env,
    start_server,
    stop_server,
    wait_for_http,
)


@pytest.fixture(scope="session")
def server_env(tmp_path_factory) -> dict[str, str]:
    """Environment for the Voilà server under test: its own data folder."""
    env = make_server_env(tmp_path_factory.mktemp("data"))
    SERVER_DB[:] = [env["WERKBOEK_DB"]]
    return env


@pytest.fixture(scope="session")
def voila_url(server_env) -> Iterator[str]:
    port = free_port()
    (ARTIFACTS / "voila.log").unlink(missing_ok=True)
    # a small pool of warm start-page kernels, so the tests run the preheated path as a room does
    proc = start_server(server_env, port, "voila.log", "--pool=2")
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/", proc)
        yield base
    finally:
        stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Install Debian's package: "
            "sudo apt-get install chromium (or set WERKBOEK_CHROMIUM).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser tab; collects page errors and dialogs, saves a screenshot at the end."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    pg = context.new_page()
    pg.set_default_timeout(WIDGET_TIMEOUT_MS)
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    name = request.node.name.replace("/", "_").replace("[", "_").replace("]", "")
    try:
        pg.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    finally:
        close_context(context)
