"""Issue 9 in a real browser and against the real server: the attacks no longer work.

- a ``?theme=`` / ``?template=`` payload does nothing on any page;
- a closed page gives its kernel back (Voilà's shutdown request now carries the XSRF cookie),
  while a forged shutdown without it is still refused;
- facilitator pages and extra kernels are refused to another device;
- a locked database and a stopped server are told to the participant at once, and nothing
  saved before is lost.
"""

from __future__ import annotations

import http.client
import re
import sqlite3
import time
import urllib.error
import urllib.request

import pytest

from tests.browser.helpers import (
    ARTIFACTS,
    NOTEBOOKS,
    assert_clean,
    close_context,
    free_port,
    join_workshop,
    kernel_alive,
    make_server_env,
    open_module,
    open_page,
    open_training,
    page_kernel_id,
    saves,
    start_server,
    stop_server,
    wait_for_http,
    wait_for_new_save,
    wait_until,
)

PAYLOAD = '"><img src=x onerror=alert(1)>'


def get_from(base: str, path: str, source: str) -> tuple[int, str]:
    """A GET from another address on this machine: a participant's device as the server sees it."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=120, source_address=(source, 0))
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_theme_and_template_in_the_url_do_nothing(page, voila_url, notebook):
    query = f"theme={PAYLOAD}&template={PAYLOAD}"
    open_page(page, voila_url, notebook, ".wb-card", query=query)
    assert page.dialogs == []
    assert page.locator("img[src='x']").count() == 0
    assert "onerror" not in page.content()
    assert page.locator("body.theme-light").count() == 1
    assert_clean(page)


def test_a_closed_page_gives_its_kernel_back(browser, voila_url):
    context = browser.new_context()
    tab = context.new_page()
    open_page(tab, voila_url, "02_luisteren.ipynb", ".wb-card")
    kernel = page_kernel_id(tab)
    assert kernel_alive(voila_url, kernel)
    tab.close(run_before_unload=True)
    wait_until(lambda: not kernel_alive(voila_url, kernel), what="kernel shutdown after closing the tab")
    close_context(context)


def test_a_reloaded_page_gives_its_old_kernel_back(page, voila_url):
    open_page(page, voila_url, "02_luisteren.ipynb", ".wb-card")
    first = page_kernel_id(page)
    page.reload()
    page.wait_for_selector(".wb-card", state="visible")
    assert page_kernel_id(page) != first
    wait_until(lambda: not kernel_alive(voila_url, first), what="old kernel shutdown after reload")


def test_a_forged_shutdown_without_the_cookie_is_refused(page, voila_url):
    open_page(page, voila_url, "02_luisteren.ipynb", ".wb-card")
    kernel = page_kernel_id(page)
    request = urllib.request.Request(f"{voila_url}/voila/api/shutdown/{kernel}", data=b"", method="POST")
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 403 and kernel_alive(voila_url, kernel)


def test_facilitator_pages_are_refused_to_another_device(voila_url):
    for notebook in (
        "begeleider/dashboard.ipynb",
        "begeleider/scenario_maken.ipynb",
        "begeleider/aanmelden.ipynb",
        "begeleider/bespreken.ipynb",
    ):
        status, body = get_from(voila_url, f"/voila/render/{notebook}", "127.0.0.2")
        assert status == 403 and "alleen voor de begeleider" in body and "kernelId" not in body
    status, body = get_from(voila_url, "/voila/render/02_luisteren.ipynb", "127.0.0.2")
    assert status == 200 and "kernelId" in body


def test_one_device_cannot_fill_the_laptop_with_kernels(tmp_path):
    """A page-load loop from one device keeps at most --max-per-client kernels alive."""
    port = free_port()
    proc = start_server(make_server_env(tmp_path), port, "voila-kernel-cap.log", "--max-per-client=2")
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/", proc)
        kernels = []
        for _ in range(4):
            status, body = get_from(base, "/voila/render/02_luisteren.ipynb", "127.0.0.3")
            assert status == 200
            kernels.append(re.search(r'"kernelId": *"([^"]+)"', body).group(1))
        alive = [k for k in kernels if kernel_alive(base, k)]
        assert alive == kernels[-2:]
        # another device is not affected by the first one's limit
        status, body = get_from(base, "/voila/render/02_luisteren.ipynb", "127.0.0.4")
        assert status == 200 and kernel_alive(base, re.search(r'"kernelId": *"([^"]+)"', body).group(1))
    finally:
        stop_server(proc)


def test_a_locked_database_is_reported_within_seconds_and_retried(page, voila_url, server_env):
    join_workshop(page, voila_url, "SLOT1", "Lotte")
    open_module(page, "De zeven gesprekselementen")
    page.get_by_role("tab", name=re.compile("Zelf formuleren")).click()
    area = page.locator(".wb-free-text textarea").first
    before = saves(page)
    area.fill("Dat lijkt me lastig.")
    wait_for_new_save(page, before)
    db = sqlite3.connect(server_env["WERKBOEK_DB"].removeprefix("sqlite:///"), timeout=1, isolation_level=None)
    try:
        db.execute("BEGIN EXCLUSIVE")  # another program holds the database
        area.fill("Dat lijkt me lastig. Hoe gaat het nu?")
        started = time.monotonic()
        page.locator(".wb-save-status").get_by_text("Niet bewaard").wait_for(timeout=8_000)
        assert time.monotonic() - started <= 7.0  # debounce (0.6 s) + busy timeout (4 s) + rendering
    finally:
        db.execute("ROLLBACK")
        db.close()
    # nothing more is typed: the retry timer saves it
    page.locator(".wb-save-status").get_by_text("Bewaard om").wait_for(timeout=40_000)
    page.wait_for_function("document.querySelectorAll('.wb-status-pending, .wb-status-error').length === 0")
    page.reload()
    page.get_by_role("tab", name=re.compile("Zelf formuleren")).click()
    assert page.locator(".wb-free-text textarea").first.input_value().endswith("nu?")


def test_a_stopped_server_is_told_and_nothing_saved_is_lost(browser, tmp_path):
    env = make_server_env(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(env, port, "voila-restart.log")
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        wait_for_http(base + "/", proc)
        open_training("HERSTART", env["WERKBOEK_DB"])
        open_page(page, base, "00_start.ipynb", ".wb-join-code input")
        page.fill(".wb-join-code input", "HERSTART")
        page.fill(".wb-join-alias input", "Ruben")
        page.click("button.wb-join")
        page.wait_for_selector(".wb-joined", state="visible")
        open_module(page, "De zeven gesprekselementen")
        page.get_by_role("tab", name=re.compile("Zelf formuleren")).click()
        area = page.locator(".wb-free-text textarea").first
        before = saves(page)
        area.fill("Fijn dat je het vertelt.")
        wait_for_new_save(page, before)
        assert page.locator("#wb-connection").is_hidden()
        stop_server(proc)
        notice = page.locator("#wb-connection")
        notice.wait_for(state="visible", timeout=30_000)
        assert "Verbinding verbroken" in notice.inner_text() and "niet bewaard" in notice.inner_text()
        page.screenshot(path=str(ARTIFACTS / "screenshots" / "verbinding_verbroken.png"))
        proc = start_server(env, port, "voila-restart.log")
        wait_for_http(base + "/", proc)
        page.reload()
        page.get_by_role("tab", name=re.compile("Zelf formuleren")).click()
        area = page.locator(".wb-free-text textarea").first
        assert area.input_value() == "Fijn dat je het vertelt."
        assert page.locator("#wb-connection").is_hidden()
    finally:
        close_context(context)
        stop_server(proc)


def test_a_page_whose_widgets_never_appear_reloads_once_then_offers_a_reload(browser, voila_url):
    """If the widgets never show (here: their script does not load), the page retries once, then says so."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.clock.install()
        page.route(re.compile(r".*widgets-manager.*\.js.*"), lambda route: route.abort())
        page.goto(f"{voila_url}/voila/render/02_luisteren.ipynb")
        notice = page.locator("#wb-connection")
        assert notice.is_hidden() and page.locator(".jupyter-widgets").count() == 0
        with page.expect_navigation():  # first: one reload by itself (a fresh kernel)
            page.clock.fast_forward("00:35")
        assert notice.is_hidden()
        page.clock.fast_forward("00:35")  # still nothing: say so, and offer the reload
        notice.wait_for(state="visible")
        assert "komt niet op gang" in notice.inner_text() and "Verbinding verbroken" not in notice.inner_text()
        page.screenshot(path=str(ARTIFACTS / "screenshots" / "pagina_komt_niet_op_gang.png"))
    finally:
        close_context(context)
