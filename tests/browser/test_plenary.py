"""The plenary debrief in Chromium: three participants answer, the projected view groups them without names."""

from __future__ import annotations

from tests.browser.helpers import (
    FACILITATOR_KEY,
    assert_clean,
    close_context,
    join_workshop,
    open_module,
    open_page,
    saves,
    wait_for_new_save,
)

XSS = "<img src=x onerror=alert(1)>"


def _answer(browser, voila_url, alias: str, text: str) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    page.set_default_timeout(90_000)
    try:
        join_workshop(page, voila_url, "PLENAIR", alias)
        open_module(page, "De rode en de groene bril")
        page.wait_for_selector(".wb-session-bar", state="visible")
        page.get_by_role("tab", name="Rood → groen").click()
        before = saves(page)
        page.locator(".wb-green-text textarea").fill(text)
        wait_for_new_save(page, before)
        page.wait_for_function("document.querySelectorAll('.wb-status-pending').length === 0")
    finally:
        close_context(page.context)


def _pick(page, needle: str) -> None:
    options = [t.replace("\xa0", " ") for t in page.locator(".wb-plenary-pick option").all_text_contents()]
    page.locator(".wb-plenary-pick select").select_option(index=next(i for i, t in enumerate(options) if needle in t))


def test_the_group_s_answers_projected_grouped_and_anonymous(browser, page, voila_url):
    for alias, text in (
        ("Sanne", "Wanneer lukt het je wel om op tijd te zijn?"),
        ("Ali", "Waarom ben je zo vaak te laat?"),
        ("Mo", XSS + " Wat gaat er al goed?"),
    ):
        _answer(browser, voila_url, alias, text)
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_page(page, voila_url, "begeleider/bespreken.ipynb", ".wb-key input")
    page.fill(".wb-key input", FACILITATOR_KEY)
    page.click("button.wb-unlock")
    page.locator(".wb-plenary-training select").select_option("PLENAIR")
    groups = page.locator(".wb-plenary-groups")
    groups.get_by_text("3 antwoorden").wait_for()
    text = groups.inner_text()
    assert "Groen, open (2)" in text and "Rood, open (1)" in text
    assert "Sanne" not in text and "Ali" not in text and "Mo" not in text  # anonymous by default
    assert XSS in text and page.locator(".wb-plenary-groups img").count() == 0  # the payload is text
    page.screenshot(path="artifacts/screenshots/plenary_1920.png")
    # reveal one name, show it large as an example, then hide another answer
    _pick(page, "Wanneer lukt het je wel")
    page.locator("button.wb-plenary-naam").click()
    groups.get_by_text("(Sanne)").wait_for()
    page.locator("button.wb-plenary-voorbeeld").click()
    page.locator("button.wb-plenary-groot").click()
    page.locator(".wb-plenary-big").get_by_text("voorbeeld").wait_for()
    page.set_viewport_size({"width": 1280, "height": 720})
    page.screenshot(path="artifacts/screenshots/plenary_1280.png")
    _pick(page, "Waarom ben je zo vaak")
    page.locator("button.wb-plenary-verbergen").click()
    groups.get_by_text("1 verborgen").wait_for()
    assert "Waarom ben je zo vaak te laat?" not in groups.inner_text()
    assert "Ali" not in groups.inner_text() and "Mo" not in groups.inner_text()
    assert_clean(page)
    assert page.dialogs == []
