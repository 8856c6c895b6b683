"""Joining a workshop, saving, reloading and the facilitator dashboard, in Chromium."""

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
        close_context(other.context)


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
        page.get_by_text("Antwoorden voor Excel (CSV, leesbaar)").click()
    data = open(info.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf") and b"deelnemer;module;oefening;status;score;antwoord" in data
    assert b'{"' not in data  # words for people, no JSON
    assert info.value.suggested_filename == "antwoorden_DASH1_excel.csv"
    # automatic refresh picks up a participant who joins later, without a click
    page.locator(".wb-overview").get_by_role("heading", name="Per deelnemer", exact=True).wait_for()
    page.get_by_text("Automatisch vernieuwen").click()
    store.claim_alias("DASH1", "Laatkomer")
    page.locator(".wb-overview").get_by_text("Laatkomer").first.wait_for(timeout=60_000)
    assert page.dialogs == []
    assert_clean(page)


def test_a_phone_joins_by_scanning_the_join_screen(browser, page, voila_url, server_env):
    """The facilitator projects the join screen; the QR code on it decodes to a link that needs only a name."""
    import io

    import zxingcpp
    from PIL import Image

    page.set_viewport_size({"width": 1920, "height": 1080})
    open_page(page, voila_url, "begeleider/aanmelden.ipynb", ".wb-key input")
    page.fill(".wb-key input", FACILITATOR_KEY)
    page.click("button.wb-unlock")
    page.locator(".wb-join-training select").wait_for()
    before = set(page.locator(".wb-join-training option").all_text_contents())
    page.locator("button.wb-join-new").click()
    # wait for the new training's card (another test may have made a training shown before)
    page.wait_for_function(
        "(known) => { const c = document.querySelector('.wb-join-code-big');"
        " return c !== null && !known.includes(c.innerText.trim()); }",
        arg=sorted(before),
    )
    qr = page.locator(".wb-join-qr svg")
    code = page.locator(".wb-join-code-big").inner_text()
    page.screenshot(path="artifacts/screenshots/join_screen_1920.png")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.screenshot(path="artifacts/screenshots/join_screen_1280.png")
    found = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))]
    assert len(found) == 1 and found[0].endswith(f"/voila/render/00_start.ipynb?code={code}")
    assert found[0] in page.locator(".wb-join-link").inner_text()
    # a phone opens the link: the code is filled in, only the name is left
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True).new_page()
    try:
        phone.set_default_timeout(90_000)
        phone.goto(found[0])
        phone.wait_for_selector(".wb-join-code input", state="visible")
        assert phone.locator(".wb-join-code input").input_value() == code
        phone.fill(".wb-join-alias input", "Telefoon")
        phone.click("button.wb-join")
        phone.wait_for_selector(".wb-joined", state="visible")
        phone.screenshot(path="artifacts/screenshots/join_phone.png")
    finally:
        close_context(phone.context)
    # closing the training for joining shows on the screen, and a new name is refused
    page.locator("button.wb-join-toggle").click()
    page.locator(".wb-join-closed").wait_for()
    assert not Store(server_env["WERKBOEK_DB"]).training_open(code)
    assert_clean(page)
    assert page.dialogs == []
