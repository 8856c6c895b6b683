"""Module 11 in Chromium: a self-study mentor fills a gesprekskaart, downloads it, is reminded, and deletes it."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from icalendar import Calendar

from tests.browser.helpers import assert_clean, open_module, open_page, saves, wait_for_new_save

XSS = "<img src=x onerror=alert(1)>"
TITLE = "Mijn gesprekskaarten"


def _self_study(page, base: str, alias: str) -> None:
    open_page(page, base, "00_start.ipynb", ".wb-solo-alias input")
    page.fill(".wb-solo-alias input", alias)
    page.click("button.wb-solo")
    page.wait_for_selector(".wb-joined", state="visible")


def _saved(page, before: int) -> None:
    wait_for_new_save(page, before)
    page.wait_for_function("document.querySelectorAll('.wb-status-pending').length === 0")


def test_a_card_is_filled_downloaded_remembered_and_deleted(page, voila_url):
    _self_study(page, voila_url, "Mentor Elf")
    open_module(page, TITLE)
    page.locator(".wb-kaart-herinnering").get_by_text("nog geen gesprekskaarten").wait_for()
    page.locator("button.wb-kaart-nieuw").click()
    page.locator(".wb-kaart-leerling input").wait_for(state="visible")
    before = saves(page)
    page.locator(".wb-kaart-leerling input").fill("Sanne de Vries")
    page.locator(".wb-kaart-privacytip").get_by_text("S.d.V.").wait_for()  # a gentle hint, nothing blocked
    page.locator(".wb-kaart-leerling input").fill("S.")
    page.locator(".wb-kaart-privacytip").wait_for(state="detached")
    page.locator(".wb-kaart-erkend textarea").fill(XSS)
    page.locator(".wb-kaart-stap textarea").fill("Beter je best doen")
    page.locator(".wb-kaart-stapcheck").get_by_text("✘ Met een wanneer").wait_for()
    page.locator(".wb-kaart-stap textarea").fill("Maandag na het 6e uur tien Duitse woordjes leren met de app")
    page.locator(".wb-kaart-stapcheck").get_by_text("✔ Met een wanneer").wait_for()
    page.locator(".wb-kaart-wie-wat textarea").fill("S. leert de woordjes; ik mail de docent Duits.")
    today = date.today()
    page.locator(".wb-kaart-vervolgdatum input").fill(today.isoformat())
    page.locator(".wb-kaart-vervolgtijd select").select_option("15:30")
    _saved(page, before)

    # the follow-up in the calendar
    page.locator("button.wb-kaart-agenda-ics-make:not([disabled])").click()
    with page.expect_download() as info:
        page.locator(".wb-kaart-agenda-ics").click()
    assert info.value.suggested_filename == "vervolggesprek_S_.ics"
    event = Calendar.from_ical(open(info.value.path(), "rb").read()).walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert (start.date(), start.hour, start.minute) == (today, 15, 30)
    assert event["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert str(event["summary"]) == "Vervolggesprek S."
    # the card as a Word document
    page.locator("button.wb-kaart-bestand-word-make").click()
    with page.expect_download() as info:
        page.locator(".wb-kaart-bestand-word").click()
    doc = Document(io.BytesIO(open(info.value.path(), "rb").read()))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "tien Duitse woordjes" in text and XSS in text
    page.screenshot(path="artifacts/screenshots/module11_card.png", full_page=True)

    # back to the list: the follow-up of today is first, and survives a reload
    page.locator("button.wb-kaart-klaar").click()
    page.locator(".wb-kaart-item").get_by_text("vervolg vandaag").wait_for()
    page.reload()
    page.locator(".wb-kaart-item").get_by_text("vervolg vandaag").wait_for()
    page.screenshot(path="artifacts/screenshots/module11_list.png", full_page=True)

    # the start page reminds the mentor
    page.locator("button.wb-nav-home").click()
    page.locator(".wb-reminder").get_by_text("Je hebt 1 vervolggesprek deze week (1 vandaag).").wait_for()
    page.locator("button.wb-reminder-open").click()
    page.locator(".wb-kaart-item").first.wait_for()

    # deleting needs the tick, then the card is gone
    page.locator("button.wb-kaart-open").first.click()
    page.locator("button.wb-kaart-verwijder").click()
    page.locator(".wb-kaart-message").get_by_text("Zet eerst het vinkje").wait_for()
    page.locator(".wb-kaart-verwijder-vinkje input").check()
    page.locator("button.wb-kaart-verwijder").click()
    page.locator(".wb-kaart-lijstmelding").get_by_text("De kaart is verwijderd").wait_for()
    page.locator(".wb-kaart-herinnering").get_by_text("nog geen gesprekskaarten").wait_for()
    assert page.locator(".wb-kaart-item").count() == 0
    assert_clean(page)
    assert page.dialogs == []
