"""Modules 05 and 06 in Chromium: a role-play round (timer, tally, debrief) and a practice conversation."""

from __future__ import annotations

import re

from tests.browser.helpers import assert_clean, join_workshop, open_module, saves, wait_for_new_save


def _open(page, voila_url, code, alias, title):
    join_workshop(page, voila_url, code, alias)
    open_module(page, title)
    page.wait_for_selector(".wb-session-bar", state="visible")


def test_role_play_round_in_threes(browser, page, voila_url):
    _open(page, voila_url, "RONDE1", "Olaf", "Rollenspel in drietallen")
    page.locator(".wb-rp-scenario select").select_option(label="Elke ochtend net te laat (te laat komen)")
    page.locator(".wb-rp-role button", has_text="Observator").click()
    page.locator(".wb-rp-card").get_by_text("Jij bent de observator").wait_for()
    assert page.locator(".wb-rp-card").get_by_text("Jij bent de mentor").count() == 0
    clock = page.locator(".wb-rp-clock")
    assert "Nog 10:00" in clock.inner_text()
    page.locator(".wb-rp-timer button").first.click()  # play
    page.wait_for_function("!document.querySelector('.wb-rp-clock').innerText.includes('10:00')", timeout=15_000)
    page.locator("button.wb-rp-el-erkennen").click()
    page.locator("button.wb-rp-el-zichtbaar_maken").click()
    page.locator("button.wb-rp-count-groen").click()
    page.locator(".wb-rp-listening button", has_text="3").click()
    page.locator(".wb-rp-tally").get_by_text("Zichtbaar maken wat werkt").wait_for()
    page.locator("button.wb-rp-to-debrief").click()
    debrief = page.locator(".wb-rp-timeline")
    debrief.get_by_text("Nabespreking").wait_for()
    assert "Erkennen" in debrief.inner_text() and "1 groen" in debrief.inner_text()
    before = saves(page)
    page.locator(".wb-rp-agreement input").check()
    wait_for_new_save(page, before)
    page.screenshot(path="artifacts/screenshots/module05_debrief.png", full_page=True)
    page.reload()
    page.wait_for_selector(".wb-session-bar", state="visible")
    page.locator(".wb-rp-scenario select").select_option(label="Elke ochtend net te laat (te laat komen)")
    page.locator("button.wb-rp-el-erkennen", has_text="(1)").wait_for()
    assert page.locator(".wb-rp-agreement input").is_checked()
    # the mentor in the same three sees only the mentor card and no tally board
    mentor = browser.new_context().new_page()
    try:
        _open(mentor, voila_url, "RONDE1", "Mira", "Rollenspel in drietallen")
        mentor.locator(".wb-rp-scenario select").select_option(label="Elke ochtend net te laat (te laat komen)")
        mentor.locator(".wb-rp-role button", has_text="Mentor").click()
        mentor.locator(".wb-rp-card").get_by_text("Jij bent de mentor").wait_for()
        assert mentor.locator("button.wb-rp-el-erkennen:visible").count() == 0
        assert mentor.locator(".wb-rp-card").get_by_text("Hoe je je voelt").count() == 0
    finally:
        mentor.context.close()
    assert_clean(page)
    assert page.dialogs == []


def test_practice_conversation_to_its_end(page, voila_url):
    _open(page, voila_url, "GESPREK1", "Pien", "Oefengesprek")
    page.locator(".wb-conv-choice select").select_option(label="Daan komt te laat")
    transcript = page.locator(".wb-conv-transcript")
    transcript.get_by_text("Krijg ik nu strafwerk?").wait_for()
    turns = [
        ("Dat klinkt als een drukke ochtend voor je.", "broertje"),
        ("Op dinsdag lukt het wel. Wat is er dan anders?", "dinsdag brengt mijn moeder"),
        ("Wat is een kleine stap die je morgen kunt proberen?", "fiets al de avond ervoor"),
        ("Ik schrijf het op en volgende week maandag kijken we samen hoe het ging.", "fiets klaar"),
    ]
    for said, answer in turns:
        page.locator(".wb-conv-text textarea").fill(said)
        page.locator("button.wb-conv-send").click()
        transcript.get_by_text(re.compile(answer)).last.wait_for()
    review = page.locator(".wb-conv-review")
    review.get_by_text("Terugblik").wait_for()
    assert "kleine stap en een vervolgafspraak" in review.inner_text()
    page.screenshot(path="artifacts/screenshots/module06_review.png", full_page=True)
    page.reload()
    page.wait_for_selector(".wb-session-bar", state="visible")
    page.locator(".wb-conv-choice select").select_option(label="Daan komt te laat")
    page.locator(".wb-conv-review").get_by_text("Terugblik").wait_for()
    assert page.locator(".wb-conv-transcript").get_by_text("Dat klinkt als een drukke ochtend").count() == 1
    assert_clean(page)
    assert page.dialogs == []
