"""The participants' app (issue 10): one page and one kernel for the whole training."""

from __future__ import annotations

import re
import time

from tests.browser.helpers import (
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
from workbook import registry

KERNEL_JS = "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"


def _heading(page, title: str) -> None:
    page.locator(".wb-module-title", has_text=title).wait_for()


def test_join_switch_through_every_module_reload_and_go_back(page, voila_url):
    join_workshop(page, voila_url, "APP10", "Noor")
    kernel = page.evaluate(KERNEL_JS)
    titles = registry.titles()
    switch_times = []
    # next, next, ...: every module opens in the same page
    page.locator("button.wb-nav-next").click()
    for spec in registry.MODULES:
        title = titles[spec.number][0]
        _heading(page, title)
        page.wait_for_function(f"location.search.includes('module={spec.id}')")
        assert_clean(page)
        if spec is not registry.MODULES[-1]:
            started = time.monotonic()
            page.locator("button.wb-nav-next").click()
            _heading(page, titles[spec.number + 1][0])
            switch_times.append(time.monotonic() - started)
    assert page.locator("button.wb-nav-next").is_disabled()
    assert page.evaluate(KERNEL_JS) == kernel, "a module switch must not load a new page"
    # the menu jumps straight to a module; answers typed there survive a reload
    page.locator(".wb-nav-menu select").select_option(label=registry.title(registry.by_id("elementen"), titles))
    _heading(page, titles[1][0])
    page.get_by_role("tab", name=re.compile("Zelf formuleren")).click()
    before = saves(page)
    page.locator(".wb-free-text textarea").fill("Dat lijkt me lastig.")
    wait_for_new_save(page, before)
    page.reload()
    _heading(page, titles[1][0])  # the reload lands on the same module ...
    assert "Je werkt als Noor" in page.inner_text(".wb-session-bar")
    page.get_by_role("tab", name=re.compile("Zelf formuleren")).click()
    assert page.locator(".wb-free-text textarea").input_value() == "Dat lijkt me lastig."  # ... with its answers
    # the browser's back button goes to the module before, the in-page button to the start
    page.go_back()
    _heading(page, titles[registry.MODULES[-1].number][0])  # the last module visited before the menu
    page.go_forward()
    _heading(page, titles[1][0])
    page.locator("button.wb-nav-home").click()
    page.wait_for_selector(".wb-joined", state="visible")
    page.wait_for_function("!location.search.includes('module=') && location.search.includes('training=APP10')")
    assert page.dialogs == []
    print("in-page module switch times (s):", [round(t, 2) for t in switch_times])


def test_a_shared_link_to_a_module_opens_that_module(page, voila_url):
    join_workshop(page, voila_url, "APP11", "Sem")
    open_module(page, "Doelen volgens SMARTI")
    link = page.evaluate("location.href")
    other = page.context.browser.new_context().new_page()
    try:
        other.goto(link)
        other.locator(".wb-module-title", has_text="Doelen volgens SMARTI").wait_for()
        assert "Je werkt als Sem" in other.inner_text(".wb-session-bar")
    finally:
        close_context(other.context)


def test_a_culled_kernel_loses_nothing(browser, tmp_path):
    """A phone that sleeps never sends the shutdown; the culler ends its kernel; the answers stay."""
    env = make_server_env(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(env, port, "voila-cull.log", "--cull-idle-timeout=4", "--pool=0")
    context = browser.new_context()
    try:
        wait_for_http(base + "/", proc)
        open_training("CULL", env["WERKBOEK_DB"])
        page = context.new_page()
        page.set_default_timeout(90_000)
        open_page(page, base, "00_start.ipynb", ".wb-join-code input")
        page.fill(".wb-join-code input", "CULL")
        page.fill(".wb-join-alias input", "Yara")
        page.click("button.wb-join")
        page.wait_for_selector(".wb-joined", state="visible")
        open_module(page, "Gespreksformulieren")
        page.get_by_role("tab", name="Gesprek (mentor)").click()
        before = saves(page)
        page.locator(".wb-form-gesprek-0 textarea").fill("Plannen voor de toetsweek.")
        wait_for_new_save(page, before)
        link = page.evaluate("location.href")
        kernel = page_kernel_id(page)
        page.close(run_before_unload=False)  # no shutdown request: the connection just drops
        wait_until(lambda: not kernel_alive(base, kernel), timeout=60, what="culling the idle kernel")
        again = context.new_page()
        again.set_default_timeout(90_000)
        again.goto(link)
        again.locator(".wb-module-title", has_text="Gespreksformulieren").wait_for()
        again.get_by_role("tab", name="Gesprek (mentor)").click()
        assert again.locator(".wb-form-gesprek-0 textarea").input_value() == "Plannen voor de toetsweek."
    finally:
        close_context(context)
        stop_server(proc)


def test_closing_the_app_after_moving_between_modules_gives_its_kernel_back(browser, voila_url):
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(90_000)
    join_workshop(tab, voila_url, "APPCLOSE", "Ilse")
    kernel = page_kernel_id(tab)
    titles = registry.titles()
    for number in (1, 2):
        tab.locator("button.wb-nav-next").click()
        _heading(tab, titles[number][0])
    assert kernel_alive(voila_url, kernel)
    tab.close(run_before_unload=True)
    wait_until(lambda: not kernel_alive(voila_url, kernel), what="kernel shutdown after closing the app")
    close_context(context)
