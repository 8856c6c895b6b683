"""The module registry and the participants' app navigation, without a browser."""

from __future__ import annotations

import sys

import pytest

from tests.helpers import widget_html as _html
from workbook import answers, registry
from workbook.store import Store
from workbook.ui.app import HOME, WorkbookApp, requested_module
from workbook.ui.common import PageContext


@pytest.fixture
def ctx(tmp_path) -> PageContext:
    store = Store(f"sqlite:///{tmp_path / 'app.sqlite'}")
    store.create_training("ABC")
    return PageContext(store, None)


def test_registry_is_complete_and_consistent():
    from pathlib import Path

    from workbook import content

    notebooks = Path(__file__).resolve().parents[2] / "notebooks"
    numbers = [m.number for m in registry.MODULES]
    assert numbers == sorted(numbers) == list(range(1, len(numbers) + 1))
    assert len({m.id for m in registry.MODULES}) == len(registry.MODULES)
    titles = registry.titles()
    listed = {m.nummer: m.notebook for m in content.load("modules").modules}
    for spec in registry.MODULES:
        assert (notebooks / spec.notebook).exists(), spec.notebook
        assert listed[spec.number] == spec.notebook  # modules.yaml and the registry agree
        assert spec.number in titles
        assert callable(registry.builder(spec))
        for exercise in spec.exercises:
            assert exercise.kind in answers.KINDS  # every exercise saves a typed answer
            exercise_id = spec.exercise_id(exercise.name, "x")
            assert registry.module_of_exercise(exercise_id) is spec
            assert registry.kind_of(exercise_id) == exercise.kind
        assert len({e.name for e in spec.exercises}) == len(spec.exercises)
    assert registry.by_id("nope") is None and registry.by_id(None) is None and registry.by_id(["x"]) is None


def test_requested_module_accepts_only_known_ids():
    assert requested_module("training=A&module=brillen") == "brillen"
    assert requested_module("module=%3Cscript%3E") == HOME
    assert requested_module("") == HOME


def test_navigation_state_next_previous_menu_and_back(ctx):
    app = WorkbookApp(ctx)
    assert app.current == HOME and app.prev_button.disabled and app.home_button.disabled
    app.step(1)
    assert app.current == "elementen" and "1. De zeven gesprekselementen" in app.heading.value
    app.step(-1)
    assert app.current == HOME
    app.menu.value = "gesprekskaart"
    assert app.current == "gesprekskaart" and app.next_button.disabled
    app.step(1)
    assert app.current == "gesprekskaart"
    app.target.value = "brillen|1"  # what the page writes when the browser's back button is used
    assert app.current == "brillen" and app.menu.value == "brillen"
    app.target.value = "<img src=x>|2"  # anything else is ignored
    assert app.current == "brillen"
    assert not app.show("onbekend")


def test_modules_are_built_once_and_kept_with_their_answers(ctx):
    app = WorkbookApp(ctx)
    app.home.code.value, app.home.alias.value = "ABC", "Sanne"
    app.home.join_button.click()
    app.show("elementen")
    first = app.page("elementen")
    first["vrij"].text.value = "Dat lijkt me lastig."
    first["vrij"].flush()
    app.show(HOME)
    app.show("elementen")
    assert app.content.children[0] is first.widget and app.page("elementen") is first  # kept, not rebuilt
    assert "training=ABC" in app.query() and app.query().endswith("module=elementen")
    assert 'data-mode="push"' in app.address.value
    # a new page (a reload) with the module in the address opens it with the saved answer
    again = WorkbookApp(PageContext(ctx.store, ctx.session), first="elementen")
    assert again.current == "elementen"
    assert again.page("elementen")["vrij"].text.value == "Dat lijkt me lastig."


def test_logging_out_rebuilds_modules_for_the_next_person(ctx):
    app = WorkbookApp(ctx)
    app.home.code.value, app.home.alias.value = "ABC", "Sanne"
    app.home.join_button.click()
    app.show("elementen")
    built = app.content.children[0]
    app.home.logout()
    assert app.content.children[0] is not built  # no widget keeps saving under Sanne's name
    assert "niet aangemeld" in app.who.value


def test_a_module_that_fails_to_build_shows_a_dutch_message(ctx, monkeypatch):
    app = WorkbookApp(ctx)
    spec = registry.by_id("luisteren")
    monkeypatch.setattr(registry, "builder", lambda s: (_ for _ in ()).throw(RuntimeError("kapot")))
    app.show(spec.id)
    assert "kan nu niet worden geopend" in _html(app.content)
    app.show("elementen")  # the others still open once the builder works again
    monkeypatch.undo()
    app.show("brillen")
    assert app.current == "brillen"


def test_the_start_page_kernel_loads_no_heavy_libraries():
    """A participant's kernel imports only what its page needs (pandas etc. on demand)."""
    import subprocess

    code = (
        "import sys, os\n"
        "from workbook.store import Store\n"
        "from workbook.session import Session\n"
        "from workbook.ui.common import PageContext\n"
        "from workbook.ui.app import WorkbookApp\n"
        "from workbook import registry\n"
        "app = WorkbookApp(PageContext(Store(os.environ['DB']), Session('A', 'B', 't')))\n"
        "[app.show(m.id) for m in registry.MODULES]\n"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'docx', 'numpy') if m in sys.modules))\n"
    )
    import os
    import tempfile

    env = dict(os.environ, DB=f"sqlite:///{tempfile.mkdtemp()}/x.sqlite")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_next_module_is_built_in_the_background_inside_a_kernel_loop(ctx):
    import asyncio

    async def scenario():
        app = WorkbookApp(ctx)
        app.home.code.value, app.home.alias.value = "ABC", "Sanne"
        app.home.join_button.click()  # after joining, module 1 is prepared while the start page is read
        await asyncio.sleep(1.3)
        assert "elementen" in app._views
        app.show("elementen")
        await asyncio.sleep(1.3)
        assert "luisteren" in app._views and app.current == "elementen"

    # a thread of its own: an earlier test (Playwright) may leave an event loop in this one
    import threading

    errors = []
    thread = threading.Thread(target=lambda: errors.extend(_run(scenario)))
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive() and errors == []


def _run(scenario) -> list:
    import asyncio

    try:
        asyncio.run(scenario())
    except Exception as exc:  # noqa: BLE001 - reported to the test's thread
        return [exc]
    return []


def test_an_app_that_cannot_be_built_says_so_instead_of_a_blank_page(ctx, monkeypatch, caplog):
    from workbook.ui import app as app_module

    def broken(*args, **kwargs):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(app_module, "WorkbookApp", broken)
    page = app_module.app(ctx)
    assert "kon deze pagina nu niet opbouwen" in page.value and "location.reload()" in page.value
    assert "database is locked" not in page.value  # the cause goes to the log, not to the participant
    assert "building the participants' app failed" in caplog.text
