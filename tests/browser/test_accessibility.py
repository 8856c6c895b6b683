"""Accessibility (WCAG 2.1 AA with axe-core) and the layout on a phone and a tablet, on every page.

axe-core is injected by Playwright (the build shipped in ``axe-playwright-python``); a page passes
when axe reports no critical or serious violation in the states a participant or facilitator sees:
joined, every tab of every module, the facilitator's pages unlocked. On a 360 px wide phone no
page may scroll sideways, and buttons, inputs and tabs are at least 44 px high (WCAG 2.5.5).
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import (
    ARTIFACTS,
    FACILITATOR_KEY,
    SERVER_DB,
    WIDGET_TIMEOUT_MS,
    close_context,
    join_workshop,
    open_page,
    open_training,
)
from workbook import registry
from workbook.store import Store

AXE = Axe()
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def serious_violations(page) -> list[str]:
    """Run axe on the page as it is now; return the critical and serious violations, readable."""
    found = AXE.run(page, options={**WCAG_AA, "resultTypes": ["violations"]}).response["violations"]
    out = []
    for v in found:
        if v["impact"] not in ("critical", "serious"):
            continue
        targets = [n.get("html", "")[:140] + " :: " + n.get("failureSummary", "")[:120] for n in v["nodes"][:4]]
        out.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): " + " | ".join(targets))
    return out


def _tabs(page) -> list[str]:
    return [t.strip() for t in page.locator(".lm-TabBar-tab:visible, .p-TabBar-tab:visible").all_inner_texts()]


def _check_every_tab(page, where: str, problems: dict[str, list[str]]) -> None:
    found = serious_violations(page)
    if found:
        problems[where] = found
    for name in _tabs(page):
        page.get_by_role("tab", name=name, exact=True).first.click()
        page.wait_for_function(
            "name => [...document.querySelectorAll('[role=tab][aria-selected=true]')]"
            ".some(t => t.innerText.trim() === name)",
            arg=name,
        )
        found = serious_violations(page)
        if found:
            problems[f"{where} / {name}"] = found


def test_no_serious_axe_violations_on_any_participant_page(page, voila_url):
    problems: dict[str, list[str]] = {}
    open_page(page, voila_url, "00_start.ipynb", ".wb-join-code input")
    problems_before = serious_violations(page)
    if problems_before:
        problems["start (niet aangemeld)"] = problems_before
    join_workshop(page, voila_url, "AXE1", "Nora")
    found = serious_violations(page)
    if found:
        problems["start (aangemeld)"] = found
    titles = registry.titles()
    for spec in registry.MODULES:
        page.locator(".wb-nav-menu select").select_option(label=registry.title(spec, titles))
        page.locator(".wb-module-title", has_text=titles[spec.number][0]).wait_for()
        _check_every_tab(page, f"module {spec.number}", problems)
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_no_serious_axe_violations_on_the_facilitator_pages(page, voila_url):
    problems: dict[str, list[str]] = {}
    code = open_training("AXE2")
    store = Store(SERVER_DB[0])
    store.claim_alias(code, "Sam")
    store.save(code, "Sam", registry.exercise_id("elementen", "quiz"), {"score": 3, "total": 5, "finished": True})
    store.save(code, "Sam", registry.exercise_id("brillen", "lab"), {"history": ["Wat ging er goed?"]})
    open_page(page, voila_url, "begeleider/dashboard.ipynb", ".wb-key input")
    page.fill(".wb-key input", FACILITATOR_KEY)
    page.click("button.wb-unlock")
    page.wait_for_selector(".wb-overview", state="visible")
    page.locator(".wb-workshop select").select_option(code)
    page.locator(".wb-overview").get_by_text("Sam").first.wait_for()
    _check_every_tab(page, "dashboard", problems)
    for notebook, ready in (
        ("begeleider/aanmelden.ipynb", ".wb-key input"),
        ("begeleider/bespreken.ipynb", ".wb-key input"),
        ("begeleider/scenario_maken.ipynb", ".wb-key input"),
    ):
        open_page(page, voila_url, notebook, ready)
        page.fill(".wb-key input", FACILITATOR_KEY)
        page.click("button.wb-unlock")
        page.wait_for_selector(".wb-key input", state="detached")
        _check_every_tab(page, notebook, problems)
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed') {
      wide.push((el.className && el.className.toString ? el.className.toString() : el.tagName).slice(0, 80));
    }
  }
  return {scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 8)};
}"""
SMALL_TARGETS_JS = """() => [...document.querySelectorAll(
    'button, select, input:not([type=checkbox]):not([type=radio]), [role=tab]')]
  .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.height < 43.5; })
  .map(el => (el.innerText || el.className || el.tagName).toString().slice(0, 40))"""


CUT_JS = """() => [...document.querySelectorAll('.lm-TabBar-tabLabel, .p-TabBar-tabLabel, button')]
  .filter(t => t.getBoundingClientRect().width > 0 && t.scrollWidth > t.clientWidth + 1).map(t => t.innerText)"""


def _layout_problems(page, where: str) -> dict[str, object]:
    """What does not fit the screen now: sideways scrolling, targets under 44 px, cut labels."""
    found: dict[str, object] = {}
    overflow = page.evaluate(OVERFLOW_JS)
    if overflow["scroll"] > 0:
        found[f"{where}: schuift {overflow['scroll']} px opzij"] = overflow["wide"]
    small = page.evaluate(SMALL_TARGETS_JS)
    if small:
        found[f"{where}: knoppen lager dan 44 px"] = small[:8]
    cut = page.evaluate(CUT_JS)
    if cut:
        found[f"{where}: afgekapte tabbladen of knoppen"] = cut
    return found


@pytest.mark.parametrize(
    ("device", "width", "height"), [("telefoon", 390, 844), ("smal", 360, 780), ("tablet", 820, 1180)]
)
def test_every_module_fits_a_phone_and_a_tablet(browser, voila_url, device, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL", has_touch=True)
    page = context.new_page()
    page.set_default_timeout(WIDGET_TIMEOUT_MS)
    problems: dict[str, object] = {}
    try:
        join_workshop(page, voila_url, f"MOB{width}", "Mo")
        titles = registry.titles()
        shots = ARTIFACTS / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        for spec in [None, *registry.MODULES]:
            if spec is not None:
                page.locator(".wb-nav-menu select").select_option(label=registry.title(spec, titles))
                page.locator(".wb-module-title", has_text=titles[spec.number][0]).wait_for()
            where = "start" if spec is None else f"module {spec.number}"
            problems.update(_layout_problems(page, where))
            name = re.sub(r"\W+", "_", where)
            if spec is not None:  # the screenshot shows the module's top: its heading and tabs
                page.locator(".wb-module-title").evaluate("el => el.scrollIntoView()")
            page.screenshot(path=str(shots / f"{device}_{name}.png"), full_page=True)
        # the facilitator's pages, unlocked (a facilitator may walk round the room with a tablet or phone)
        facilitator = ("begeleider/dashboard.ipynb", "begeleider/aanmelden.ipynb", "begeleider/bespreken.ipynb")
        for notebook in facilitator if width != 360 else ():
            open_page(page, voila_url, notebook, ".wb-key input")
            page.fill(".wb-key input", FACILITATOR_KEY)
            page.click("button.wb-unlock")
            page.wait_for_selector(".wb-key input", state="detached")
            if notebook.endswith("dashboard.ipynb"):
                page.locator(".wb-workshop select").select_option(f"MOB{width}")
                page.locator(".wb-overview").get_by_text("Mo").first.wait_for()
            problems.update(_layout_problems(page, notebook))
            page.screenshot(path=str(shots / f"{device}_{notebook.split('/')[-1][:-6]}.png"), full_page=True)
    finally:
        close_context(context)
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def _tab_until(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the focused element matches ``selector`` (as a keyboard user does)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


def test_a_participant_can_join_and_work_with_the_keyboard_only(page, voila_url):
    code = open_training("TOETS1")
    open_page(page, voila_url, "00_start.ipynb", ".wb-join-alias input")
    _tab_until(page, ".wb-join-code input")
    # one input event per field: key-by-key updates can be overtaken by the click (an ipywidgets race)
    page.keyboard.insert_text(code)
    _tab_until(page, ".wb-join-alias input")
    page.keyboard.insert_text("Kees")
    _tab_until(page, "button.wb-join")
    page.keyboard.press("Enter")
    page.wait_for_selector(".wb-joined", state="visible")
    # the module menu: a native select, opened and chosen with the keyboard
    _tab_until(page, ".wb-nav-menu select")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.locator(".wb-module-title", has_text="De rode en de groene bril").wait_for()
    # the tabs: arrow keys move, Enter opens; Tab goes into the tab's content
    _tab_until(page, "[role=tab][aria-selected=true]")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[role=tab][aria-selected=true]').innerText.trim() === 'Sorteren'")
    _tab_until(page, "button.wb-quiz-choice")
    ring = page.evaluate(
        "() => [getComputedStyle(document.activeElement).outlineStyle, "
        "getComputedStyle(document.activeElement).outlineWidth]"
    )
    assert ring == ["solid", "3px"], ring  # the focus is visible
    page.keyboard.press("Enter")
    page.locator(".wb-quiz-feedback:visible").get_by_text(re.compile("Goed|Niet helemaal")).wait_for()
    assert page.dialogs == []


def test_no_serious_axe_violations_in_a_debrief_and_a_look_back(page, voila_url):
    problems: dict[str, list[str]] = {}
    join_workshop(page, voila_url, "AXE3", "Ravi")
    titles = registry.titles()

    def go(module_id: str) -> None:
        spec = registry.by_id(module_id)
        page.locator(".wb-nav-menu select").select_option(label=registry.title(spec, titles))
        page.locator(".wb-module-title", has_text=titles[spec.number][0]).wait_for()

    # module 5: a group, a role, the clock, then the shared debrief
    go("rollenspel")
    page.locator(".wb-rp-group input").fill("groep axe")
    page.locator("button.wb-rp-join").click()
    page.locator("button.wb-rp-role-mentor").click()
    page.locator(".wb-rp-card").get_by_text("Jij bent de mentor").wait_for()
    problems["module 5, rol gekozen"] = serious_violations(page)
    page.locator("button.wb-rp-start").click()
    page.locator("button.wb-rp-stop").click()
    page.locator("button.wb-rp-stop-yes").click()
    page.locator(".wb-rp-timeline").get_by_text("Nabespreking").wait_for()
    problems["module 5, nabespreking"] = serious_violations(page)
    # module 6: a whole practice conversation and its look-back
    go("oefengesprek")
    page.locator(".wb-conv-choice select").select_option(label="Daan komt te laat")
    for said in (
        "Ik hoor dat je straf verwacht, maar daar gaat het me nu niet om.",
        "Wat is een kleine stap die je morgen kunt proberen?",
        "Ik schrijf het op en volgende week maandag kijken we samen hoe het ging.",
    ):
        count = page.locator(".wb-conv-transcript .wb-conv-student").count()
        page.locator(".wb-conv-text textarea").fill(said)
        page.locator("button.wb-conv-send").click()
        page.wait_for_function(f"document.querySelectorAll('.wb-conv-transcript .wb-conv-student').length > {count}")
    problems["module 6, gesprek"] = serious_violations(page)
    # module 11: a filled card
    go("gesprekskaart")
    page.locator("button.wb-kaart-nieuw").click()
    page.locator(".wb-kaart-leerling input").fill("Sanne de Vries")
    page.locator(".wb-kaart-stap textarea").fill("Beter je best doen")
    page.locator(".wb-kaart-stapcheck").wait_for()
    problems["module 11, kaart"] = serious_violations(page)
    problems = {k: v for k, v in problems.items() if v}
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
