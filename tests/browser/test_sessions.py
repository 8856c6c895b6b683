"""Joining a workshop, saving, reloading and the facilitator dashboard, in Chromium."""

from __future__ import annotations

from tests.browser.helpers import (
    FACILITATOR_KEY,
    assert_clean,
    join_workshop,
    open_module,
    open_page,
    saves,
    wait_for_new_save,
)
from workbook.store import Store

XSS = "<img src=x onerror=alert(1)>"


def _quiz_tab(page) -> None:
    page.get_by_role("tab", name="Quiz").click()
    page.wait_for_selector(".wb-quiz-choice", state="visible")


def test_join_answer_reload_and_find_the_answers_back(page, voila_url):
    join_workshop(page, voila_url, "reload1", "Sanne")
    page.wait_for_function("location.search.includes('training=RELOAD1')")
    assert "Welkom, Sanne!" in page.inner_text(".wb-joined")
    open_module(page, "De zeven gesprekselementen")
    page.wait_for_selector(".wb-session-bar", state="visible")
    assert "Je werkt als Sanne" in page.inner_text(".wb-session-bar")
    _quiz_tab(page)
    for i in range(3):
        before = saves(page)
        page.locator(".wb-quiz-choice").nth(i).click()
        wait_for_new_save(page, before)
        page.locator("button.wb-quiz-next").click()
        page.get_by_text(f"Vraag {i + 2} van 10").wait_for()
    phrase = page.inner_text(".wb-quiz-phrase")
    page.reload()
    page.get_by_text("Vraag 4 van 10").wait_for()  # the quiz tab opens by itself after a reload
    assert page.inner_text(".wb-quiz-phrase") == phrase
    assert "Je werkt als Sanne" in page.inner_text(".wb-session-bar")
    assert_clean(page)
    page.locator("button.wb-nav-home").click()
    page.wait_for_selector(".wb-joined", state="visible")  # still logged in on the start page
    assert page.dialogs == []


def test_second_participant_with_the_same_alias_is_refused(browser, page, voila_url):
    join_workshop(page, voila_url, "DUBBEL", "Mo")
    other = browser.new_context().new_page()
    try:
        open_page(other, voila_url, "00_start.ipynb", ".wb-join-code input")
        other.fill(".wb-join-code input", "dubbel")
        other.fill(".wb-join-alias input", " mo ")
        other.click("button.wb-join")
        other.locator(".wb-join-message").get_by_text("al gebruikt").wait_for()
        assert other.locator(".wb-joined").count() == 0
        other.fill(".wb-join-alias input", "Mo B")
        other.click("button.wb-join")
        other.wait_for_selector(".wb-joined", state="visible")
    finally:
        other.context.close()


def test_html_typed_as_name_is_refused_and_never_runs(page, voila_url):
    open_page(page, voila_url, "00_start.ipynb", ".wb-join-code input")
    page.fill(".wb-join-code input", XSS)
    page.fill(".wb-join-alias input", XSS)
    page.click("button.wb-join")
    page.locator(".wb-join-message").get_by_text("trainingscode klopt niet").wait_for()
    page.fill(".wb-join-code input", "XSS1")
    page.click("button.wb-join")
    page.locator(".wb-join-message").get_by_text("geen < of >").wait_for()
    page.fill(".wb-solo-alias input", XSS)
    page.click("button.wb-solo")
    page.locator(".wb-join-message").get_by_text("geen < of >").wait_for()
    assert page.dialogs == []


def test_dashboard_key_overview_escaping_and_export(page, voila_url, server_env):
    join_workshop(page, voila_url, "DASH1", "Fatima")
    store = Store(server_env["WERKBOEK_DB"])  # a name only a crafted request could store
    store.save("DASH1", XSS, "01_elementen.quiz", {"questions": [], "answers": {}, "finished": False})
    open_page(page, voila_url, "begeleider/dashboard.ipynb", ".wb-key input")
    assert page.locator(".wb-overview").count() == 0
    page.fill(".wb-key input", "fout")
    page.click("button.wb-unlock")
    page.locator(".wb-key-message").get_by_text("klopt niet").wait_for()
    assert page.locator(".wb-overview").count() == 0
    page.fill(".wb-key input", FACILITATOR_KEY)
    page.click("button.wb-unlock")
    page.wait_for_selector(".wb-overview", state="visible")
    page.locator(".wb-workshop select").select_option("DASH1")
    overview = page.locator(".wb-overview")
    overview.get_by_role("heading", name="Training DASH1").wait_for()
    assert "Fatima" in overview.inner_text() and XSS in overview.inner_text()  # shown as text
    assert page.locator(".wb-overview img[src='x']").count() == 0
    with page.expect_download() as info:
        page.get_by_text("Voor Excel (CSV)").click()
    data = open(info.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf") and b"training;deelnemer;oefening" in data
    assert info.value.suggested_filename == "antwoorden_DASH1_excel.csv"
    # automatic refresh picks up a participant who joins later, without a click
    page.locator(".wb-overview").get_by_role("heading", name="Per deelnemer", exact=True).wait_for()
    page.get_by_text("Automatisch vernieuwen").click()
    store.claim_alias("DASH1", "Laatkomer")
    page.locator(".wb-overview").get_by_text("Laatkomer").first.wait_for(timeout=60_000)
    assert page.dialogs == []
    assert_clean(page)
