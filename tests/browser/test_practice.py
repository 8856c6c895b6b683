"""Modules 01-04 in Chromium: typing gives live feedback, answers survive a reload, no script runs."""

from __future__ import annotations

import re

from tests.browser.helpers import (
    FACILITATOR_KEY,
    assert_clean,
    join_workshop,
    open_module,
    open_page,
    saves,
    wait_for_new_save,
)

XSS = "<img src=x onerror=alert(1)>"


def _open_module(page, voila_url, code: str, alias: str, title: str, ready: str) -> None:
    join_workshop(page, voila_url, code, alias)
    open_module(page, title)
    page.wait_for_selector(ready, state="visible")


def _tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def _saved(page, before: int) -> None:
    """Wait until a save made after ``before = saves(page)`` is confirmed, and nothing is pending."""
    wait_for_new_save(page, before)
    page.wait_for_function("document.querySelectorAll('.wb-status-pending').length === 0")


def test_module_03_live_feedback_model_answer_and_reload(page, voila_url):
    _open_module(page, voila_url, "PRAC3", "Ilse", "De rode en de groene bril", ".wb-session-bar")
    _tab(page, "Sorteren")
    page.locator(".wb-quiz-choice:visible").first.click()
    page.locator(".wb-quiz-feedback:visible").get_by_text(re.compile("Goed|Niet helemaal")).wait_for()
    _tab(page, "Rood → groen")
    before = saves(page)
    area = page.locator(".wb-green-text textarea")
    area.press_sequentially("Waarom lukt het niet?")
    page.locator(".wb-green-feedback .wb-lens-rood").wait_for()
    area.fill("")
    area.press_sequentially("Wanneer lukt het wel?")
    feedback = page.locator(".wb-green-feedback")
    feedback.locator(".wb-lens-groen").wait_for()
    assert "Dit is een groene vraag" in feedback.inner_text()
    page.locator("button.wb-green-show-model").click()
    page.locator(".wb-green-model").get_by_text("Voorbeeld").wait_for()
    _saved(page, before)
    _tab(page, "Vragenlab")
    lab = page.locator(".wb-lab-text textarea")
    lab.press_sequentially("Heb je je huiswerk gemaakt")
    page.locator(".wb-lab-feedback").get_by_text("Gesloten vraag").wait_for()
    page.screenshot(path="artifacts/screenshots/module03_lab.png", full_page=True)
    page.reload()
    page.wait_for_selector(".wb-session-bar", state="visible")
    _tab(page, "Rood → groen")
    page.wait_for_function("document.querySelector('.wb-green-text textarea').value === 'Wanneer lukt het wel?'")
    page.locator(".wb-green-model").get_by_text("Voorbeeld").wait_for()
    assert_clean(page)
    assert page.dialogs == []


def test_module_04_goal_rewrite_and_goal_card(page, voila_url):
    _open_module(page, voila_url, "PRAC4", "Joost", "Doelen volgens SMARTI", ".wb-session-bar")
    _tab(page, "Doelen herschrijven")
    area = page.locator(".wb-goal-text textarea")
    area.press_sequentially("M. werkt de komende 6 weken in elke les 15 minuten zelfstandig aan zijn opdracht.")
    page.locator(".wb-goal-feedback").get_by_text("4 van de 4 criteria").wait_for()
    page.locator(".wb-goal-reflect-acceptabel input").check()
    _tab(page, "Doelenkaart")
    page.locator(".wb-card-student input").fill("Jordi")
    new = page.locator(".wb-card-new input")
    # One input event: the feedback then proves the kernel has the whole text before the click
    # (ipywidgets buffers key-by-key updates while a message is pending, and a click can overtake them).
    new.fill("Ik hang mijn jas aan de kapstok.")
    page.locator(".wb-card-new-feedback").get_by_text("Specifiek").wait_for()
    page.locator("button.wb-card-add").click()
    page.locator(".wb-card-goals").get_by_text("Ik hang mijn jas aan de kapstok.").wait_for()
    new.fill("Ik ga op mijn stoel zitten.")
    page.locator("button.wb-card-add").click()
    page.locator(".wb-card-goals").get_by_text("2. Ik ga op mijn stoel zitten.").wait_for()
    before = saves(page)
    page.locator(".wb-card-date input").fill("2026-12-15")
    page.locator("button.wb-card-word-make:not([disabled])").wait_for()
    page.locator("button.wb-card-word-make").click()
    with page.expect_download() as info:
        page.locator(".wb-card-word").click()
    assert info.value.suggested_filename == "doelenkaart_Jordi.docx"
    assert open(info.value.path(), "rb").read(2) == b"PK"  # a .docx is a zip file
    page.locator("button.wb-card-print-make").click()
    with page.expect_download() as info:
        page.locator(".wb-card-print").click()
    assert "Doelenkaart van Jordi" in open(info.value.path(), encoding="utf-8").read()
    page.screenshot(path="artifacts/screenshots/module04_card.png", full_page=True)
    _saved(page, before)
    page.reload()
    page.wait_for_selector(".wb-session-bar", state="visible")
    _tab(page, "Doelenkaart")
    page.locator(".wb-card-goals").get_by_text("Ik ga op mijn stoel zitten.").wait_for()
    _tab(page, "Doelen herschrijven")
    page.wait_for_function("document.querySelector('.wb-goal-text textarea').value.startsWith('M. werkt')")
    assert page.locator(".wb-goal-reflect-acceptabel input").is_checked()
    assert page.dialogs == []


def test_module_02_quiz_and_self_assessment_survive_reload(page, voila_url):
    _open_module(page, voila_url, "PRAC2", "Mila", "Luisteren op vier niveaus", ".wb-session-bar")
    _tab(page, "Quiz")
    page.locator(".wb-quiz-choice:visible").nth(2).click()
    page.locator(".wb-quiz-feedback:visible").get_by_text(re.compile("Goed|Niet helemaal")).wait_for()
    _tab(page, "Terugkijken")
    before = saves(page)
    page.locator(".wb-self-level label", has_text="Niveau 3").click()
    page.locator(".wb-self-hard textarea").press_sequentially("Ik wilde meteen een oplossing geven.")
    page.locator(".wb-self-next textarea").press_sequentially("Eerst samenvatten.")
    _saved(page, before)
    page.reload()
    page.wait_for_selector(".wb-session-bar", state="visible")
    _tab(page, "Terugkijken")
    page.wait_for_function("document.querySelector('.wb-self-next textarea').value === 'Eerst samenvatten.'")
    assert page.locator(".wb-self-level input[type=radio]").nth(2).is_checked()
    _tab(page, "Quiz")
    page.get_by_text("Vraag 2 van").first.wait_for()
    assert page.dialogs == []


def test_module_01_free_typing(page, voila_url):
    _open_module(page, voila_url, "PRAC1", "Sem", "De zeven gesprekselementen", ".wb-session-bar")
    _tab(page, "Zelf formuleren")
    # fill(): one input event, so the feedback below reflects the whole text before the click.
    page.locator(".wb-free-text textarea").fill("Veel leerlingen vinden dit lastig.")
    page.locator(".wb-free-feedback").get_by_text("Normaliseren").wait_for()
    page.locator("button.wb-free-keep").click()
    page.locator(".wb-free-list").get_by_text("Veel leerlingen vinden dit lastig.").wait_for()
    assert page.dialogs == []


def _fill_every_field(page) -> int:
    """Type the payload into every visible free-text field of every tab; returns how many."""
    filled = 0
    tabs = page.get_by_role("tab")
    for i in range(max(1, tabs.count())):
        if tabs.count():
            tabs.nth(i).click()
        fields = page.locator("textarea:visible, .widget-text input[type=text]:visible")
        for j in range(fields.count()):
            fields.nth(j).fill(XSS)
            filled += 1
        for button in ("button.wb-card-add", "button.wb-lab-keep", "button.wb-free-keep"):
            if page.locator(f"{button}:visible").count():
                page.locator(f"{button}:visible").click()
    return filled


def test_html_payload_in_every_field_never_runs(page, voila_url):
    join_workshop(page, voila_url, "XSS5", "Xander")
    query = page.evaluate("location.search")
    total = 0
    for notebook in (
        "01_zeven_gesprekselementen.ipynb",
        "02_luisteren.ipynb",
        "03_rode_en_groene_bril.ipynb",
        "04_doelen_smarti.ipynb",
        "07_gespreksformulieren.ipynb",
        "08_leerlingbespreking.ipynb",
        "09_ouders.ipynb",
        "10_mentorrol.ipynb",
    ):
        open_page(page, voila_url, notebook, ".wb-session-bar", query=query.lstrip("?"))
        before = saves(page)
        total += _fill_every_field(page)
        _saved(page, before)
        assert page.locator("img[src='x']").count() == 0
    assert total >= 10
    open_page(page, voila_url, "begeleider/dashboard.ipynb", ".wb-key input")
    page.fill(".wb-key input", FACILITATOR_KEY)
    page.click("button.wb-unlock")
    page.wait_for_selector(".wb-overview", state="visible")
    page.locator(".wb-workshop select").select_option("XSS5")
    page.locator(".wb-overview").get_by_role("heading", name="Training XSS5").wait_for()
    assert XSS in page.locator(".wb-overview").text_content()  # as text (also in the folded module panels)
    assert page.locator("img[src='x']").count() == 0
    page.screenshot(path="artifacts/screenshots/dashboard_modules.png", full_page=True)
    assert page.dialogs == []


def test_modules_07_to_10(page, voila_url):
    _open_module(page, voila_url, "PRAC7", "Roos", "Gespreksformulieren", ".wb-session-bar")
    _tab(page, "Gesprek (mentor)")
    before = saves(page)
    page.locator(".wb-form-gesprek-student input").fill("Jip")
    page.locator(".wb-form-gesprek-0 textarea").press_sequentially("Plannen voor de toetsweek.")
    _saved(page, before)
    page.locator("button.wb-form-gesprek-word-make").click()
    with page.expect_download() as info:
        page.locator(".wb-form-gesprek-word").click()
    assert info.value.suggested_filename == "gesprek_Jip.docx"
    page.reload()
    page.wait_for_selector(".wb-session-bar", state="visible")
    _tab(page, "Gesprek (mentor)")
    page.wait_for_function(
        "document.querySelector('.wb-form-gesprek-0 textarea').value === 'Plannen voor de toetsweek.'"
    )
    query = page.evaluate("location.search").lstrip("?")
    open_page(page, voila_url, "08_leerlingbespreking.ipynb", ".wb-session-bar", query=query)
    _tab(page, "Herschrijven")
    page.locator(".wb-meeting-text textarea").press_sequentially("Wat wil hij in plaats van deze situatie?")
    page.locator(".wb-meeting-feedback .wb-lens-groen").wait_for()
    open_page(page, voila_url, "10_mentorrol.ipynb", ".wb-session-bar", query=query)
    _tab(page, "Wel of niet?")
    page.locator(".wb-quiz-choice:visible").first.click()
    page.locator(".wb-quiz-feedback:visible").get_by_text(re.compile("Goed|Niet helemaal")).wait_for()
    open_page(page, voila_url, "09_ouders.ipynb", ".wb-session-bar", query=query)
    _tab(page, "Positieve aspecten")
    before = saves(page)
    page.locator(".wb-form-positieve_aspecten-0 textarea").fill("Goed in rekenen.")
    _saved(page, before)
    page.screenshot(path="artifacts/screenshots/module09_aspects.png", full_page=True)
    assert_clean(page)
    assert page.dialogs == []
