"""The landing page (``notebooks/00_start.ipynb``).

What the workbook is, joining a workshop (code + alias) or choosing self-study, and the
modules with links that carry the choice (see :mod:`workbook.session`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML, display

from workbook import registry, session
from workbook.content import ModulesFile
from workbook.session import Session, SessionError
from workbook.ui.common import PageContext, Shows, card, load_content, page_context, style
from workbook.ui.html import Markup, bullets, html, join, notice
from workbook.ui.texts import tekst, tekst_html

__all__ = ["start_page", "notebooks_dir", "StartPage"]


def notebooks_dir() -> Path:
    """Return the folder with the participants' notebooks."""
    return Path(__file__).resolve().parents[2] / "notebooks"


def module_list(modules: ModulesFile, query: str = "") -> Markup:
    """Return the modules as a list; built ones link (keeping ``query``), others say 'binnenkort'."""
    rows = []
    for m in modules.modules:
        title = f"{m.nummer}. {m.titel}"
        if (notebooks_dir() / m.notebook).exists():
            href = m.notebook + (f"?{query}" if query else "")
            rows.append(
                html(
                    '<li class="wb-module"><a href="{}" target="_self">{}</a><br><span class="wb-muted">{}</span></li>',
                    href,
                    title,
                    m.beschrijving,
                )
            )
        else:
            rows.append(
                html(
                    '<li class="wb-module wb-soon">{} (binnenkort)<br><span class="wb-muted">{}</span></li>',
                    title,
                    m.beschrijving,
                )
            )
    return html('<ul style="list-style:none;padding-left:0">{}</ul>', join(rows))


class StartPage(Shows):
    """The start page; ``widget`` is what the notebook shows."""

    def __init__(
        self,
        ctx: PageContext,
        open_module: Callable[[str], object] | None = None,
        on_session: Callable[[], None] | None = None,
    ) -> None:
        """Build the page.

        ``open_module(id)`` switches to a module inside the app (then the module list is
        buttons, not links); ``on_session()`` is called after joining or logging out.
        """
        self.ctx = ctx
        self._open_module = open_module
        self._on_session = on_session
        # Joining never depends on the module list: a broken modules.yaml shows its error where
        # the modules would be, and the join form stays.
        data, error = load_content("modules")
        self._modules = data
        self._modules_html = widgets.HTML(self._modules_card(""))
        self._modules_html.add_class("wb-modules")
        self._who = widgets.VBox()
        self._script = widgets.Output(layout=widgets.Layout(height="0px"))
        intro = data.inleiding if data is not None else tekst("start.welkom")
        parts = [style(), card(html("<p>{}</p>", intro), title="Welkom"), self._who]
        if error is not None:
            parts.append(error)
        elif open_module is not None:
            parts.append(self._module_buttons(data))
        else:
            parts.append(self._modules_html)
        if data is not None:
            parts.append(card(bullets(data.hoe_verder), title=tekst("start.hoe_verder_titel")))
        self.widget = widgets.VBox([*parts, self._script])
        if ctx.store is not None and not session.in_voila():
            # JupyterLab (self-study) has no server start: the retention period is applied here;
            # in Voila, `make workshop` applies it once when the server starts.
            from workbook import cards

            cards.apply_retention(ctx.store)
        if ctx.session is not None:
            self._show_joined(ctx.session)
        else:
            self._show_forms(ctx.problem)

    def _module_buttons(self, data: ModulesFile) -> widgets.Widget:
        """Return the modules as buttons that open them inside this page (the app)."""
        described = {m.nummer: m.beschrijving for m in data.modules}
        known = {m.nummer: (m.titel, m.beschrijving) for m in data.modules}
        rows = [widgets.HTML("<h3>De modules</h3>")]
        for spec in registry.MODULES:
            button = widgets.Button(
                description=registry.title(spec, known),
                tooltip=described.get(spec.number, ""),
                layout=widgets.Layout(width="auto", max_width="100%"),
            )
            button.add_class("wb-module-open")
            button.add_class(f"wb-open-{spec.id}")
            open_module = self._open_module
            if open_module is not None:
                button.on_click(lambda _b, m=spec.id, go=open_module: go(m))
            rows.append(button)
            rows.append(widgets.HTML(html("<p class='wb-muted wb-module-text'>{}</p>", described.get(spec.number, ""))))
        box = widgets.VBox(rows, layout=widgets.Layout(max_width="860px"))
        box.add_class("wb-card")
        box.add_class("wb-modules")
        return box

    def _modules_card(self, query: str) -> Markup:
        if self._modules is None:
            return Markup("")
        return html('<div class="wb-card"><h3>De modules</h3>{}</div>', module_list(self._modules, query))

    # --- not logged in ----------------------------------------------------------------

    def _show_forms(self, problem: str | None) -> None:
        self.code = widgets.Text(placeholder="bijvoorbeeld MENTOR24", description="Trainingscode")
        self.alias = widgets.Text(placeholder=tekst("start.naam_voorbeeld"), description="Naam")
        for w in (self.code, self.alias):
            w.style.description_width = "110px"
            w.layout.width = "420px"
        self.code.add_class("wb-join-code")
        self.alias.add_class("wb-join-alias")
        if session.in_voila():  # a join link (the QR code) carries the code: only the name is left to type
            self.code.value = session.code_from_query(session.request_query())
        self.join_button = widgets.Button(description="Meedoen", button_style="primary", icon="sign-in")
        self.join_button.add_class("wb-join")
        self.join_button.on_click(lambda _b: self.join())
        self.message = widgets.HTML(notice(problem, "wb-error") if problem else "")
        self.message.add_class("wb-join-message")
        workshop_box = widgets.VBox(
            [
                card(html("<p>{}</p>", tekst("start.meedoen")), title=tekst("start.meedoen_titel")),
                self.code,
                self.alias,
                self.join_button,
            ]
        )
        parts = [workshop_box]
        if not session.training_mode():
            self.solo_alias = widgets.Text(placeholder=tekst("start.zelfstudie_naam_voorbeeld"), description="Naam")
            self.solo_alias.style.description_width = "110px"
            self.solo_alias.layout.width = "420px"
            self.solo_alias.add_class("wb-solo-alias")
            self.solo_button = widgets.Button(
                description="Start zelfstudie", icon="book", layout=widgets.Layout(width="auto")
            )
            self.solo_button.add_class("wb-solo")
            self.solo_button.on_click(lambda _b: self.self_study())
            parts.append(
                widgets.VBox(
                    [
                        card(html("<p>{}</p>", tekst("start.zelfstudie")), title="Zelfstudie"),
                        self.solo_alias,
                        self.solo_button,
                    ]
                )
            )
        self._who.children = [self.message, *parts]

    def join(self) -> None:
        """Join a workshop with the code and alias typed in."""
        if self.ctx.store is None:
            self._error(tekst("start.opslag_onbereikbaar"))
            return
        try:
            found = session.join_workshop(self.ctx.store, self.code.value, self.alias.value)
        except SessionError as exc:
            self._error(str(exc))
            return
        self._logged_in(found)

    def self_study(self) -> None:
        """Start self-study under the name typed in (or 'ik')."""
        try:
            found = session.start_self_study(self.solo_alias.value)
        except SessionError as exc:
            self._error(str(exc))
            return
        self._logged_in(found)

    def _error(self, text: str) -> None:
        self.message.value = notice(text, "wb-error")

    def _logged_in(self, found: Session) -> None:
        self.ctx.session = found
        session.remember(found)
        self._show_joined(found)
        if self._on_session is not None:
            self._on_session()
        elif session.in_voila():
            # Put the session in the address bar, so a reload keeps it. Only our own
            # URL-encoded query goes into the script, JSON-quoted.
            with self._script:
                display(HTML(f"<script>history.replaceState(null, '', {json.dumps('?' + found.query())});</script>"))

    # --- logged in ----------------------------------------------------------------------

    def _show_joined(self, found: Session) -> None:
        where = tekst("start.in_zelfstudie") if found.self_study else tekst("start.in_training", code=found.workshop)
        link = f"{session.page_address()}?{found.query()}"
        body = html(
            "<p>{}</p><p class='wb-muted'>{}<br><code class='wb-personal-link'>{}</code></p>",
            tekst_html("start.aangemeld", naam=html("<strong>{}</strong>", found.participant), waar=where),
            tekst("start.persoonlijke_link"),
            link,
        )
        joined = card(body, kind="wb-ok", title="Aangemeld")
        joined.add_class("wb-joined")
        logout = widgets.Button(
            description=tekst("start.afmelden"),
            icon="sign-out",
            layout=widgets.Layout(width="auto", align_self="flex-start"),
        )
        logout.add_class("wb-logout")
        logout.on_click(lambda _b: self.logout())
        self._who.children = [joined, *self._reminder(found), logout, self._my_data_box()]
        self._modules_html.value = self._modules_card(found.query())

    def _reminder(self, found: Session) -> list[widgets.Widget]:
        """For a self-study mentor: the follow-up conversations due this week or overdue (module 11)."""
        if not found.self_study or self.ctx.store is None:
            return []
        from workbook import cards

        try:
            due = cards.reminder(cards.load_cards(self.ctx.store, found), date.today())
        except Exception:  # noqa: BLE001 - a reminder must never stop the start page
            logging.getLogger(__name__).exception("reading the gesprekskaarten for the reminder failed")
            return []
        if not due.any:
            return []
        text = html("<p>🗓 {}</p>", cards.reminder_text(due))
        if self._open_module is None:
            link = html(
                ' <a href="{}" target="_self">{}</a>',
                "11_gesprekskaart.ipynb?" + found.query(),
                tekst("start.naar_kaarten"),
            )
            box = card(html("{}{}", text, link), kind="wb-info")
            box.add_class("wb-reminder")
            return [box]
        box = card(text, kind="wb-info")
        box.add_class("wb-reminder")
        button = widgets.Button(
            description=tekst("start.naar_kaarten"), icon="calendar", layout=widgets.Layout(width="auto")
        )
        button.add_class("wb-reminder-open")
        go = self._open_module
        button.on_click(lambda _b: go("gesprekskaart"))
        return [box, button]

    def _my_data_box(self) -> widgets.Widget:
        """Let a participant remove their own history, or everything they saved."""
        self.prune_confirm = widgets.Checkbox(description=tekst("start.versies_wissen_vinkje"), indent=False)
        self.prune_button = widgets.Button(description=tekst("start.versies_wissen"), icon="eraser")
        self.prune_button.add_class("wb-prune")
        self.erase_confirm = widgets.Checkbox(description=tekst("start.alles_wissen_vinkje"), indent=False)
        self.erase_button = widgets.Button(description="Alles wissen", icon="trash", button_style="danger")
        self.erase_button.add_class("wb-erase")
        for w in (self.prune_confirm, self.erase_confirm, self.prune_button, self.erase_button):
            w.layout.width = "auto"
        self.data_message = widgets.HTML()
        self.data_message.add_class("wb-data-message")
        self.prune_button.on_click(lambda _b: self.prune_history())
        self.erase_button.on_click(lambda _b: self.erase_everything())
        body = widgets.VBox(
            [
                widgets.HTML(html("<p>{}</p>", tekst("start.mijn_gegevens"))),
                widgets.HBox([self.prune_confirm, self.prune_button], layout=widgets.Layout(flex_flow="row wrap")),
                widgets.HBox([self.erase_confirm, self.erase_button], layout=widgets.Layout(flex_flow="row wrap")),
                self.data_message,
            ]
        )
        box = widgets.Accordion(
            children=[body], titles=("Mijn gegevens",), selected_index=None, layout=widgets.Layout(max_width="900px")
        )
        box.add_class("wb-my-data")
        return box

    def prune_history(self) -> None:
        """Delete earlier versions of this participant's answers (after the confirmation tick)."""
        found = self.ctx.session
        if found is None or self.ctx.store is None:
            return
        if not self.prune_confirm.value:
            self.data_message.value = notice(tekst("algemeen.eerst_vinkje"), "wb-error")
            return
        n = self.ctx.store.prune_history(found.workshop, found.participant)
        self.prune_confirm.value = False
        self.data_message.value = notice(tekst("start.versies_gewist", aantal=n), "wb-ok")

    def erase_everything(self) -> None:
        """Delete everything this participant saved, free the name, and log out."""
        found = self.ctx.session
        if found is None or self.ctx.store is None:
            return
        if not self.erase_confirm.value:
            self.data_message.value = notice(tekst("algemeen.eerst_vinkje"), "wb-error")
            return
        n = self.ctx.store.delete_participant(found.workshop, found.participant)
        self.logout()
        self.message.value = notice(tekst("start.alles_gewist", aantal=n), "wb-ok")

    def logout(self) -> None:
        """Forget the session on this page (and in JupyterLab, on this machine)."""
        self.ctx.session = None
        session.remember(None)
        self._modules_html.value = self._modules_card("")
        self._show_forms(None)
        if self._on_session is not None:
            self._on_session()
        elif session.in_voila():
            with self._script:
                display(HTML("<script>history.replaceState(null, '', location.pathname);</script>"))


def start_page(ctx: PageContext | None = None) -> StartPage:
    """Build the start page on its own (module links open the module notebooks); it displays as its widget."""
    return StartPage(ctx or page_context())
