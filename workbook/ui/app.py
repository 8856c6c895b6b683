"""The participants' app (``notebooks/00_start.ipynb``): the start page and every module in one page.

Voilà starts a kernel for every page load, so a participant who opened each module as its
own page used a new kernel (and waited 4-5 s) per click. Here a participant joins once and
moves between modules inside the same page and kernel:

- a navigation bar (start, a module menu, previous/next) on top of every view;
- a module is built on its first visit (its builder is imported only then, see
  :mod:`workbook.registry`) and kept, so going back shows it as it was;
- the current module is in the address bar (``?...&module=brillen``): a reload or a shared
  link opens the same module, and the browser's back and forward buttons move between the
  modules visited (the page tells the kernel through a hidden field, ``wb-nav-target``).

The per-module notebooks keep working on their own (JupyterLab, direct links); they call the
same builders.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import parse_qs, urlencode

import ipywidgets as widgets
from IPython.display import HTML, display

from workbook import registry, session
from workbook.registry import ModuleSpec
from workbook.ui.common import PageContext, Shows, close_tree, page_context, style, who_html
from workbook.ui.exercise import Page
from workbook.ui.html import html, notice
from workbook.ui.start import StartPage
from workbook.ui.texts import tekst

__all__ = ["WorkbookApp", "app", "HOME"]

HOME = "start"
PREFETCH_DELAY = 1.0  # seconds after a switch before the next module is built in the background
log = logging.getLogger(__name__)

# Installed once per page. The kernel writes the wanted address into a hidden widget
# (``wb-nav-address``); the page copies it into the address bar, in the order the kernel
# wrote it. The browser's back and forward buttons write the wanted view into another hidden
# widget (``wb-nav-target``), which the kernel observes.
_NAVIGATION_JS = """
<script>
(function () {
  if (window.__wbNavigation) { return; }
  window.__wbNavigation = true;
  var last = null;
  function follow() {
    var marker = document.querySelector('.wb-nav-address [data-url]');
    if (!marker) { return; }
    var stamp = marker.getAttribute('data-stamp');
    if (stamp === last) { return; }
    last = stamp;
    var url = marker.getAttribute('data-url');
    if (url === location.search || (url === '?' && !location.search)) { return; }
    if (marker.getAttribute('data-mode') === 'push') {
      history.pushState(null, '', url);
    } else {
      history.replaceState(null, '', url);
    }
  }
  new MutationObserver(follow).observe(document.body, { childList: true, subtree: true, characterData: true });
  follow();
  window.addEventListener('popstate', function () {
    var target = new URLSearchParams(location.search).get('module') || 'start';
    var field = document.querySelector('.wb-nav-target input');
    if (!field) { return; }
    field.value = target + '|' + Date.now();
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
})();
</script>
"""


def requested_module(query: str) -> str:
    """Return the module named in a query string (``module=...``), or ``"start"``."""
    value = parse_qs(query or "").get("module", [HOME])[0]
    return value if registry.by_id(value) is not None else HOME


class WorkbookApp(Shows):
    """Start page plus in-page navigation between all modules, in one kernel."""

    def __init__(self, ctx: PageContext, first: str = HOME) -> None:
        self.ctx = ctx
        ctx.embedded = True
        self.current = HOME
        self._views: dict[str, Page] = {}
        self._titles = registry.titles()
        self.home = StartPage(ctx, open_module=self.show, on_session=self._session_changed)

        options = [("Startpagina", HOME)] + [(registry.title(m, self._titles), m.id) for m in registry.MODULES]
        self.menu = widgets.Dropdown(options=options, value=HOME, description="Ga naar")
        self.menu.style.description_width = "60px"
        self.menu.layout = widgets.Layout(width="auto", max_width="440px", flex="1 1 260px")
        self.menu.add_class("wb-nav-menu")
        self.menu.observe(self._on_menu, names="value")
        self.home_button = widgets.Button(description="Start", icon="home", tooltip=tekst("app.naar_start"))
        self.prev_button = widgets.Button(description="Vorige", icon="arrow-left", tooltip=tekst("app.vorige"))
        self.next_button = widgets.Button(description="Volgende", icon="arrow-right", tooltip=tekst("app.volgende"))
        for button, css in (
            (self.home_button, "wb-nav-home"),
            (self.prev_button, "wb-nav-prev"),
            (self.next_button, "wb-nav-next"),
        ):
            button.layout = widgets.Layout(width="auto")
            button.add_class(css)
        self.home_button.on_click(lambda _b: self.show(HOME))
        self.prev_button.on_click(lambda _b: self.step(-1))
        self.next_button.on_click(lambda _b: self.step(1))
        self.heading = widgets.HTML()
        self.heading.add_class("wb-nav-heading")
        self.who = widgets.HTML()
        self.who.add_class("wb-nav-who")
        self.who.add_class("wb-session-bar")
        nav = widgets.HBox(
            [self.home_button, self.prev_button, self.menu, self.next_button],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center", max_width="900px"),
        )
        nav.add_class("wb-nav")
        self.content = widgets.VBox([self.home.widget])
        self.content.add_class("wb-app-content")
        # The browser's back button writes the wanted view here (see _POPSTATE_JS).
        self.target = widgets.Text(layout=widgets.Layout(display="none"))
        self.target.add_class("wb-nav-target")
        self.target.observe(self._on_target, names="value")
        self.address = widgets.HTML(layout=widgets.Layout(display="none"))
        self.address.add_class("wb-nav-address")
        self._stamp = 0
        installer = widgets.Output(layout=widgets.Layout(height="0px", overflow="hidden"))
        self.widget = widgets.VBox(
            [style(), nav, self.who, self.heading, self.content, self.target, self.address, installer]
        )
        self.widget.add_class("wb-app")
        if session.in_voila():  # never cleared, so the page script is installed once
            with installer:
                display(HTML(_NAVIGATION_JS))
        self._update_nav()
        self._session_changed()
        if first != HOME:
            self.show(first, push=False)
            self._set_address(push=False)  # keep the module in the address bar of this entry

    # --- navigation ----------------------------------------------------------------------

    def show(self, module_id: object, push: bool = True) -> bool:
        """Show the start page (``"start"``) or a module; returns whether the view changed."""
        if module_id == HOME:
            spec = None
        else:
            spec = registry.by_id(module_id)
            if spec is None:  # a value from the browser that is not a module
                return False
        target = HOME if spec is None else spec.id
        view = self.home.widget if spec is None else self._view(spec)
        changed = target != self.current
        self.current = target
        self.content.children = [view]
        self._update_nav()
        if push and changed:
            self._set_address(push=True)
        self._prefetch_next()
        return changed

    def _prefetch_next(self) -> None:
        """Build the next module while the participant reads this one, so 'Volgende' is instant.

        Runs on the kernel's event loop a moment later (never inside the click that is being
        answered); outside a running kernel loop (tests, scripts) nothing is prefetched.
        """
        ids = [m.id for m in registry.MODULES]
        index = 0 if self.current == HOME else ids.index(self.current) + 1
        if index >= len(ids) or ids[index] in self._views or self.ctx.session is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        loop.call_later(PREFETCH_DELAY, self._prefetch, ids[index])

    def _prefetch(self, module_id: str) -> None:
        spec = registry.by_id(module_id)
        if spec is not None and module_id not in self._views and self.ctx.session is not None:
            self._view(spec)

    def step(self, delta: int) -> None:
        """Go to the previous (``-1``) or next (``1``) module; from the start page, next is module 1."""
        ids = [m.id for m in registry.MODULES]
        if self.current == HOME:
            index = 0 if delta > 0 else None
        else:
            index = ids.index(self.current) + delta
            if index < 0:
                index = None  # before module 1 comes the start page
        if index is None:
            self.show(HOME)
        elif index < len(ids):
            self.show(ids[index])

    def _view(self, spec: ModuleSpec) -> widgets.Widget:
        if spec.id not in self._views:
            try:
                self._views[spec.id] = registry.builder(spec)(self.ctx)
            except Exception:  # noqa: BLE001 - one broken module must not take the app down
                log.exception("building module %s failed", spec.id)
                # In Python, not in teksten.yaml: a broken content file may be what failed here.
                return widgets.HTML(
                    notice(
                        "Deze module kan nu niet worden geopend. De andere modules werken gewoon. "
                        "Meld het je begeleider.",
                        "wb-error",
                    )
                )
        return self._views[spec.id].widget

    def page(self, module_id: str) -> Page | None:
        """Return the module's page if it was built (tests and the facilitator's tools use this)."""
        return self._views.get(module_id)

    def _on_menu(self, change: dict[str, Any]) -> None:
        if getattr(self, "_quiet", False):
            return
        self.show(change["new"])

    def _on_target(self, change: dict[str, Any]) -> None:
        value = change["new"] if isinstance(change["new"], str) else ""
        wanted = value.split("|", 1)[0][:40]
        if wanted == HOME or registry.by_id(wanted) is not None:
            self.show(wanted, push=False)

    def _update_nav(self) -> None:
        ids = [m.id for m in registry.MODULES]
        self._quiet = True
        try:
            self.menu.value = self.current
        finally:
            self._quiet = False
        self.prev_button.disabled = self.current == HOME
        self.next_button.disabled = self.current == ids[-1]
        self.home_button.disabled = self.current == HOME
        if self.current == HOME:
            self.heading.value = ""
        else:
            spec = registry.by_id(self.current)
            title = registry.title(spec, self._titles) if spec is not None else ""
            self.heading.value = html('<h2 class="wb-module-title">{}</h2>', title)

    # --- the address bar and the session -------------------------------------------------

    def query(self) -> str:
        """Return the query string of the current view: the session, plus the module if one is open."""
        parts = parse_qs(self.ctx.session.query()) if self.ctx.session else {}
        params = {k: v[0] for k, v in parts.items()}
        if self.current != HOME:
            params["module"] = self.current
        return urlencode(params)

    def _set_address(self, push: bool) -> None:
        """Ask the page to show the current view in the address bar (see ``_NAVIGATION_JS``)."""
        self._stamp += 1
        url = "?" + self.query()
        mode = "push" if push else "replace"
        self.address.value = html('<span data-url="{}" data-mode="{}" data-stamp="{}"></span>', url, mode, self._stamp)

    def _session_changed(self) -> None:
        """After joining or logging out: who is working, shown above every module."""
        self.who.value = who_html(self.ctx)
        # Modules built before the session changed would save under the old one: build anew.
        for view in self._views.values():
            close_tree(view.widget)
        self._views.clear()
        if self.current != HOME:
            self.show(self.current, push=False)
        else:
            self._prefetch_next()
        self._set_address(push=False)


def app(ctx: PageContext | None = None) -> WorkbookApp | widgets.HTML:
    """Build the participants' app; the module in the address bar (``?module=``) opens first.

    If that fails (Voilà hides a cell's error, which would leave a blank page), the page says
    so in Dutch with a way to reload, and the cause goes to the server's log.
    """
    try:
        ctx = ctx or page_context()
        first = requested_module(session.request_query()) if session.in_voila() else HOME
        return WorkbookApp(ctx, first)
    except Exception:  # noqa: BLE001 - a participant must never get a blank page
        log.exception("building the participants' app failed")
        # In Python, not in teksten.yaml: the last resort, also when that file is what failed.
        return widgets.HTML(
            html(
                '<div class="wb-card wb-error">{} <button type="button" class="wb-reload" '
                'onclick="location.reload()">Herlaad de pagina</button></div>',
                "Het werkboek kon deze pagina nu niet opbouwen. Herlaad de pagina over een paar seconden; "
                "wat je al had bewaard, komt terug.",
            )
        )
