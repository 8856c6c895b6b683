"""Every notebook renders in Voilà in Chromium like a participant sees it."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import NOTEBOOKS, ROOT, assert_clean, open_module, open_page
from workbook import content


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_page_renders_without_errors_or_code(page, voila_url, notebook):
    open_page(page, voila_url, notebook, ".wb-card")
    assert_clean(page)
    assert page.locator(".wb-error").count() == 0, "a content error is shown"
    # Dutch, with a Dutch tab title from the notebook's heading, not the file name (issue 16)
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.title().endswith("Mentorgesprekken-werkboek") and ".ipynb" not in page.title()
    assert "_" not in page.title(), page.title()
    assert page.dialogs == []


def test_start_page_lists_every_module_and_opens_module_01_in_the_same_page(page, voila_url):
    open_page(page, voila_url, "00_start.ipynb", ".wb-modules")
    for module in content.load("modules").modules:
        assert page.locator("button.wb-module-open", has_text=module.titel).count() == 1, module.titel
    kernel = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    open_module(page, "De zeven gesprekselementen")
    page.wait_for_selector(".wb-element-choice", state="visible")
    assert re.search(r"/voila/render/00_start\.ipynb\?module=elementen$", page.evaluate("location.href"))
    # no new page, so no new kernel: the module was built in the start page's kernel
    assert page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId") == kernel
    assert_clean(page)


def test_explorer_switches_element(page, voila_url):
    open_page(page, voila_url, "01_zeven_gesprekselementen.ipynb", ".wb-element-choice")
    page.locator(".wb-element-choice button", has_text="Kleine stap kiezen").click()
    card = page.locator(".wb-element-card")
    card.locator("h3", has_text="Kleine stap kiezen").wait_for()
    text = card.inner_text()
    assert "Waarom helpt het?" in text and "Wat is een kleine stap" in text
    assert "Erkennen" not in card.locator("h3").inner_text()


def test_quiz_can_be_answered_by_clicking(page, voila_url):
    open_page(page, voila_url, "01_zeven_gesprekselementen.ipynb", ".wb-element-choice")
    page.get_by_role("tab", name=re.compile("Quiz")).click()
    page.wait_for_selector(".wb-quiz-choice", state="visible")
    assert "Vraag 1 van 10" in page.locator(".wb-quiz-progress").inner_text()
    for i in range(10):
        page.locator(".wb-quiz-choice").first.click()
        feedback = page.locator(".wb-quiz-feedback")
        feedback.get_by_text(re.compile("Goed|Niet helemaal")).wait_for()
        assert "Je herkent het zo" in feedback.inner_text()
        if i == 0:
            page.screenshot(path=str(ROOT / "artifacts" / "screenshots" / "quiz_feedback.png"))
        page.locator(".wb-quiz-next button, button.wb-quiz-next").first.click()
        if i < 9:
            page.get_by_text(f"Vraag {i + 2} van 10").wait_for()
    summary = page.locator(".wb-quiz-summary")
    summary.wait_for()
    assert re.search(r"Je score: \d+ van de 10 goed", summary.inner_text())
    assert_clean(page)
