"""Modules 05 and 06 in Chromium: a role-play round (timer, tally, debrief) and a practice conversation."""

from __future__ import annotations

from tests.browser.helpers import assert_clean, close_context, join_workshop, open_module


def _open(page, voila_url, code, alias, title):
    join_workshop(page, voila_url, code, alias)
    open_module(page, title)
    page.wait_for_selector(".wb-session-bar", state="visible")


def _member(browser, voila_url, alias):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    _open(page, voila_url, "RONDE3", alias, "Rollenspel in drietallen")
    page.locator(".wb-rp-group input").fill("groep 7")
    page.locator("button.wb-rp-join").click()
    page.locator(".wb-rp-where").get_by_text("Groep groep 7").wait_for()
    return page


def test_three_screens_play_one_round(browser, voila_url):
    mentor, student, observer = (_member(browser, voila_url, a) for a in ("Mira", "Lars", "Olaf"))
    try:
        mentor.locator("button.wb-rp-role-mentor").click()
        mentor.locator(".wb-rp-card").get_by_text("Jij bent de mentor").wait_for()
        student.locator("button.wb-rp-role-leerling").click()
        # the observer's screen learns by itself that the mentor role is taken
        observer.locator("button.wb-rp-role-mentor", has_text="Mira").wait_for()
        observer.wait_for_function("document.querySelector('button.wb-rp-role-mentor').disabled")
        observer.locator("button.wb-rp-role-observator").click()
        observer.locator(".wb-rp-card").get_by_text("Jij bent de observator").wait_for()
        assert student.locator("button.wb-rp-el-erkennen:visible").count() == 0
        # one clock: the mentor starts it, it runs on the observer's and the student's screen
        mentor.locator("button.wb-rp-start").click()
        for page in (observer, student):
            page.wait_for_function("+document.querySelector('.wb-rp-time').dataset.seconds >= 1", timeout=15_000)
        observer.locator("button.wb-rp-el-erkennen").click()
        observer.locator("button.wb-rp-count-groen").click()
        observer.locator(".wb-rp-notes textarea").fill("Mira vatte goed samen. <b>vet</b>")
        # the marks appear on the mentor's screen, stamped with the shared clock (not 00:00)
        mentor.locator(".wb-rp-tally").get_by_text("Erkennen").wait_for()
        stamp = mentor.locator(".wb-rp-tally li").first.inner_text()
        minutes, seconds = stamp.split(" ")[0].split(":")
        assert 1 <= int(minutes) * 60 + int(seconds) < 600, stamp  # the shared clock's time, not 00:00
        # stop asks for confirmation first
        mentor.locator("button.wb-rp-stop").click()
        mentor.locator(".wb-rp-confirm").get_by_text("Weet je zeker").wait_for()
        mentor.locator("button.wb-rp-stop-yes").click()
        for page in (mentor, student, observer):
            page.locator(".wb-rp-timeline").get_by_text("Nabespreking").wait_for()
        debrief = mentor.locator(".wb-rp-timeline").inner_text()
        assert "Erkennen" in debrief and "1 groen" in debrief and "Mira vatte goed samen. <b>vet</b>" in debrief
        # one shared record: the student ticks, the mentor sees it
        student.locator(".wb-rp-agreement input").check()
        mentor.wait_for_function("document.querySelector('.wb-rp-agreement input').checked", timeout=15_000)
        mentor.locator(".wb-rp-next-hint").get_by_text("Lars is mentor").wait_for()
        mentor.screenshot(path="artifacts/screenshots/module05_debrief_mentor.png", full_page=True)
        observer.screenshot(path="artifacts/screenshots/module05_debrief_observer.png", full_page=True)
        # a reload puts the observer back in the group, role and round
        observer.reload()
        observer.wait_for_selector(".wb-session-bar", state="visible")
        observer.locator(".wb-rp-where").get_by_text("Groep groep 7").wait_for()
        observer.locator("button.wb-rp-role-observator", has_text="jij").wait_for()
        assert observer.locator(".wb-rp-agreement input").is_checked()
        # next round with rotated roles, on every screen
        student.locator("button.wb-rp-next").click()
        for page, role in ((mentor, "observator"), (student, "mentor"), (observer, "leerling")):
            page.locator(".wb-rp-where").get_by_text("ronde 2").wait_for()
            page.locator(f"button.wb-rp-role-{role}", has_text="jij").wait_for()
        for page in (mentor, student, observer):
            assert_clean(page)
            assert page.dialogs == []
    finally:
        for name, page in (("mentor", mentor), ("student", student), ("observer", observer)):
            page.screenshot(path=f"artifacts/screenshots/module05_{name}_end.png", full_page=True)
            close_context(page.context)


def _talk(page, turns):
    transcript = page.locator(".wb-conv-transcript")
    for said in turns:
        count = transcript.locator(".wb-conv-student").count()
        page.locator(".wb-conv-text textarea").fill(said)
        page.locator("button.wb-conv-send").click()
        page.wait_for_function(
            f"document.querySelectorAll('.wb-conv-transcript .wb-conv-student').length > {count}", timeout=30_000
        )


def test_a_good_practice_conversation_and_its_look_back(page, voila_url):
    _open(page, voila_url, "GESPREK1", "Pien", "Oefengesprek")
    page.locator(".wb-conv-choice select").select_option(label="Daan komt te laat")
    transcript = page.locator(".wb-conv-transcript")
    transcript.get_by_text("Krijg ik nu strafwerk?").wait_for()
    _talk(
        page,
        [
            "Ik hoor dat je straf verwacht, maar daar gaat het me nu niet om.",
            "Veel leerlingen hebben 's ochtends zoveel te regelen, dat snap ik wel.",
            "Op dinsdag lukt het wel. Wat is er dan anders?",
            "Wat is een kleine stap die je morgen kunt proberen?",
            "Ik schrijf het op en volgende week maandag kijken we samen hoe het ging.",
        ],
    )
    text = transcript.inner_text()
    assert "broertje" in text and "Daan ontspant" in text and "dinsdag brengt mijn moeder" in text
    review = page.locator(".wb-conv-review")
    review.get_by_text("Terugblik").wait_for()
    looked = review.inner_text()
    assert "Daan noemde zelf een kleine stap en jullie maakten een vervolgafspraak" in looked
    assert "✔ Daan noemde zelf een kleine stap" in looked and "Zwakste beurt" not in looked
    assert page.locator(".wb-arc-bar").count() == 6  # the start and five turns
    review.screenshot(path="artifacts/screenshots/module06_review.png")
    page.reload()
    page.wait_for_selector(".wb-session-bar", state="visible")
    page.locator(".wb-conv-choice select").select_option(label="Daan komt te laat")
    page.locator(".wb-conv-review").get_by_text("Terugblik").wait_for()
    assert page.locator(".wb-conv-transcript").get_by_text("daar gaat het me nu niet om").count() == 1
    assert_clean(page)
    assert page.dialogs == []


def test_a_clumsy_practice_conversation_is_named_in_the_look_back(page, voila_url):
    _open(page, voila_url, "GESPREK2", "Rik", "Oefengesprek")
    page.locator(".wb-conv-choice select").select_option(label="Daan komt te laat")
    page.locator(".wb-conv-transcript").get_by_text("Krijg ik nu strafwerk?").wait_for()
    _talk(
        page,
        [
            "Je bent ook altijd te laat.",
            "Je moet gewoon eerder opstaan.",
            "Als je nog een keer te laat komt, moet je nablijven.",
        ],
    )
    review = page.locator(".wb-conv-review")
    review.get_by_text("Terugblik").wait_for()
    looked = review.inner_text()
    assert "Daan klapte dicht" in looked and "Je dreigde met een straf" in looked
    assert "✘ Daan noemde geen eigen kleine stap" in looked
    assert "Zwakste beurt" in looked and "Zeg wat je ziet zonder straf" in looked
    lines = [t.inner_text() for t in page.locator(".wb-conv-student").all()]
    assert len(lines) == len(set(lines))  # the student never says the same line twice
    review.screenshot(path="artifacts/screenshots/module06_review_clumsy.png")
    assert_clean(page)
    assert page.dialogs == []
