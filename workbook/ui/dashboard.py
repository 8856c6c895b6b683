"""The facilitator dashboard (``notebooks/begeleider/dashboard.ipynb``).

Locked until the facilitator key is typed. Then: choose a workshop and see who joined,
progress per module, quiz scores (table and plot) and the panels of :mod:`workbook.aggregates`;
refresh on a button or every N seconds; download the answers as CSV (plain and for Excel);
delete a workshop's data. All participant text is escaped (``DataFrame.to_html(escape=True)``).
"""

from __future__ import annotations

import asyncio
import base64
import io
import re
import secrets
from datetime import datetime
from typing import Any

import ipywidgets as widgets
import pandas as pd

from workbook import aggregates, export, registry, session
from workbook.session import SessionError
from workbook.store import Store
from workbook.ui.common import Shows, card, close_tree, get_store, style
from workbook.ui.html import Markup, html, join, notice
from workbook.ui.lock import MAX_ATTEMPTS, KeyLock
from workbook.ui.texts import tekst, tekst_html
from workbook.ui.views.downloads import DOCX_MIME, download_link

__all__ = ["dashboard", "Dashboard", "MAX_ATTEMPTS"]


def _table(df: pd.DataFrame) -> Markup:
    return Markup(df.to_html(index=False, escape=True, border=0, classes="wb-table"))  # pandas escapes every cell


def _score_plot(scores: pd.DataFrame) -> bytes:
    """Return a PNG bar chart of how many participants had each score."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    total = int(scores["Van"].max())
    counts = scores["Score"].value_counts().reindex(range(total + 1), fill_value=0)
    fig = Figure(figsize=(6, 2.6), dpi=100)
    ax = fig.subplots()
    ax.bar(list(counts.index), counts.to_list(), color="#0969da")
    ax.set_xlabel(f"Score (van {total})")
    ax.set_ylabel("Deelnemers")
    ax.set_xticks(range(total + 1))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


class Dashboard(Shows):
    """Key form, then the workshop overview."""

    def __init__(self, store: Store | None) -> None:
        self.store = store
        self._auto_task: asyncio.Task | None = None
        self.lock = KeyLock(
            "Begeleidersdashboard",
            html("<p>{}</p>", tekst("dashboard.slot")),
            self._opened,
            store=store,
        )
        self.key, self.message = self.lock.key, self.lock.message
        self.body = widgets.VBox([self.lock.widget])
        self.widget = widgets.VBox([style(), self.body])

    @property
    def db(self) -> Store:
        """Return the store; the overview is only built after checking that there is one."""
        if self.store is None:
            raise RuntimeError("the dashboard has no store")
        return self.store

    def unlock(self) -> None:
        """Check the key typed into the lock (the button does the same)."""
        self.lock.unlock()

    def _opened(self) -> None:
        if self.store is None:
            self.message.value = notice(tekst("dashboard.opslag_onbereikbaar"), "wb-error")
            return
        self._build_overview()

    # --- the overview ---------------------------------------------------------------

    def _build_overview(self) -> None:
        self.workshop = widgets.Dropdown(description="Training", options=[])
        self.workshop.add_class("wb-workshop")
        self.refresh_button = widgets.Button(description="Vernieuwen", icon="refresh")
        self.refresh_button.add_class("wb-refresh")
        self.auto = widgets.Checkbox(description=tekst("dashboard.automatisch"), value=False, indent=False)
        self.interval = widgets.BoundedIntText(
            value=15, min=5, max=600, description=tekst("dashboard.interval"), layout=widgets.Layout(width="190px")
        )
        self.interval.style.description_width = "110px"
        self.stamp = widgets.HTML()
        self.out = widgets.VBox()
        self.out.add_class("wb-overview")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self._quiet = False
        self._generation = 0  # which overview the buttons on screen belong to
        self._open_panel: int | None = 0  # the module whose tables are unfolded (kept across refreshes)
        self.workshop.observe(lambda _c: None if self._quiet else self.refresh(), names="value")
        self.auto.observe(self._on_auto, names="value")
        controls = widgets.HBox(
            [
                self.workshop,
                self.refresh_button,
                self.auto,
                self.interval,
                widgets.Label("seconden"),
                self.stamp,
            ],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        self.body.children = [self._new_training_box(), controls, self.out]
        self._load_workshops()
        self.refresh()

    def _new_training_box(self) -> widgets.VBox:
        """Open a training: only the facilitator creates codes; participants then type just their name."""
        self.new_code = widgets.Text(
            value=suggest_code(), description="Nieuwe code", layout=widgets.Layout(width="320px")
        )
        self.new_code.style.description_width = "100px"
        self.new_code.add_class("wb-new-code")
        create = widgets.Button(description="Training aanmaken", icon="plus", layout=widgets.Layout(width="auto"))
        create.add_class("wb-create-training")
        self.create_message = widgets.HTML()
        self.create_message.add_class("wb-create-message")
        create.on_click(lambda _b: self.create_training())
        return widgets.VBox(
            [
                card(html("<p>{}</p>", tekst("dashboard.aanmaken")), title="Training aanmaken"),
                widgets.HBox([self.new_code, create], layout=widgets.Layout(flex_flow="row wrap")),
                self.create_message,
            ]
        )

    def create_training(self) -> None:
        """Create the training typed in the code field and show it."""
        try:
            code = session.normalise_code(self.new_code.value)
        except SessionError as exc:
            self.create_message.value = notice(str(exc), "wb-error")
            return
        if not self.db.create_training(code):
            self.create_message.value = notice(tekst("dashboard.bestaat_al", code=code), "wb-info")
        else:
            self.create_message.value = notice(tekst("dashboard.aangemaakt", code=code), "wb-ok")
        self.new_code.value = suggest_code()
        self._load_workshops()
        self.workshop.value = code

    def _load_workshops(self) -> None:
        """Update the workshop list, keeping the choice (or taking the first), without redrawing."""
        codes = self.db.workshops()
        current = self.workshop.value
        self._quiet = True
        try:
            self.workshop.options = codes
            self.workshop.value = current if current in codes else (codes[0] if codes else None)
        finally:
            self._quiet = False

    def _on_auto(self, change: dict[str, Any]) -> None:
        if change["new"]:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                self.auto.value = False
                return
            self._auto_task = loop.create_task(self._auto_loop())
        elif self._auto_task is not None:
            self._auto_task.cancel()
            self._auto_task = None

    async def _auto_loop(self) -> None:
        while self.auto.value:
            await asyncio.sleep(max(5, int(self.interval.value or 15)))
            self.refresh()

    def refresh(self) -> None:
        """Reload the workshop list and redraw the overview of the chosen workshop."""
        self._load_workshops()
        self.stamp.value = html('<span class="wb-muted">Bijgewerkt om {:%H:%M:%S}</span>', datetime.now())
        code = self.workshop.value
        if not code:
            self._generation += 1
            self._show([card(html("<p>{}</p>", tekst("dashboard.geen_training")))])
            return
        frame = self.db.frame(code)
        frame.attrs["rounds"] = self.db.rounds(code)  # role-play rounds are one record per group
        aliases = self.db.aliases(code)
        self._generation += 1
        parts = [
            self._summary(code, aliases, frame),
            self._joining_box(code),
            self._readmit_box(code, aliases),
            self._remove_box(code, aliases),
        ]
        parts.append(card(_table(aggregates.progress(frame)), title=tekst("dashboard.voortgang_titel")))
        parts.append(card(_table(aggregates.per_participant(frame, aliases)), title="Per deelnemer"))
        scores = aggregates.quiz_scores(frame)
        if not scores.empty:
            png = base64.b64encode(_score_plot(scores)).decode("ascii")
            total = int(scores["Van"].max())
            counts = scores["Score"].value_counts()
            alt = tekst(
                "dashboard.grafiek_alt",
                verdeling=", ".join(f"{counts.get(n, 0)} × {n}" for n in range(total, -1, -1) if counts.get(n, 0)),
                van=total,
            )
            plot = widgets.HTML(
                html('<img src="data:image/png;base64,{}" alt="{}" style="max-width:620px;width:100%">', png, alt)
            )
            plot.add_class("wb-score-plot")
            parts.append(widgets.VBox([card(Markup(""), title=tekst("dashboard.scores_titel")), plot]))
        parts.append(self._panels(frame))
        parts.append(self._exports(code, frame))
        parts.append(self._delete_box(code))
        self._show(parts)

    def _panels(self, frame: pd.DataFrame) -> widgets.Accordion:
        """Return the dashboard tables folded per module; the module a facilitator opened stays open."""
        by_module: dict[int, list[Markup]] = {}
        for panel in aggregates.PANELS:
            table = panel.compute(frame)
            body = _table(table) if not table.empty else html("<p class='wb-muted'>{}</p>", panel.empty_text)
            if table.attrs.get("meer"):
                body = body + html(
                    "<p class='wb-muted wb-more'>{}</p>", tekst("dashboard.en_nog", aantal=table.attrs["meer"])
                )
            by_module.setdefault(panel.module, []).append(
                html('<div class="wb-card wb-panel"><h3>{}</h3>{}</div>', panel.title, body)
            )
        known = registry.titles()
        numbers = sorted(by_module)
        children = [widgets.HTML(join(by_module[n])) for n in numbers]
        titles = tuple(
            registry.title(spec, known) if (spec := registry.by_number(n)) else f"Module {n}" for n in numbers
        )
        opened = self._open_panel if self._open_panel is not None and self._open_panel < len(children) else None
        panels = widgets.Accordion(children=children, titles=titles, selected_index=opened)
        panels.add_class("wb-panels")
        panels.observe(lambda change: setattr(self, "_open_panel", change["new"]), names="selected_index")
        return panels

    def _show(self, parts: list[widgets.Widget]) -> None:
        """Replace the overview, closing the widgets it replaces (else every refresh leaks them)."""
        old = self.out.children
        self.out.children = parts
        for widget in old:
            if widget not in parts:
                close_tree(widget)

    def _summary(self, code: str, aliases: list[str], frame: pd.DataFrame) -> widgets.HTML:
        return card(
            html(
                "<p>{}</p><p class='wb-muted'>{}</p>",
                tekst_html(
                    "dashboard.aangemeld",
                    aantal=html("<strong>{}</strong>", len(aliases)),
                    namen=", ".join(aliases) or tekst("dashboard.nog_niemand"),
                ),
                tekst("dashboard.opgeslagen", aantal=len(frame)),
            ),
            title=f"Training {code}",
        )

    def _exports(self, code: str, frame: pd.DataFrame) -> widgets.HTML:
        if frame.empty:
            return card(html("<p class='wb-muted'>{}</p>", tekst("dashboard.niets_te_downloaden")), title="Downloaden")
        safe = re.sub(r"[^A-Za-z0-9-]", "_", code)
        links = (
            download_link(
                export.readable_csv(frame),
                f"antwoorden_{safe}_excel.csv",
                tekst("dashboard.voor_excel"),
                "text/csv",
            )
            + Markup("&nbsp;&nbsp;&nbsp;")
            + download_link(
                export.answers_csv(frame), f"antwoorden_{safe}_technisch.csv", tekst("dashboard.csv"), "text/csv"
            )
            + Markup("&nbsp;&nbsp;&nbsp;")
            + download_link(
                export.training_docx(code, frame, self.db.aliases(code)),
                f"verslag_{safe}.docx",
                tekst("dashboard.verslag"),
                DOCX_MIME,
            )
        )
        return card(html("<p>{}</p><p class='wb-muted'>{}</p>", links, tekst("dashboard.download")), title="Downloaden")

    def _readmit_box(self, code: str, aliases: list[str]) -> widgets.VBox:
        """Let a participant who lost their personal link join again under the same name."""
        generation = self._generation
        who = widgets.Dropdown(options=aliases, value=None, description="Deelnemer")
        who.add_class("wb-readmit-who")
        button = widgets.Button(description="Opnieuw toelaten", icon="user", layout=widgets.Layout(width="auto"))
        button.add_class("wb-readmit")
        message = widgets.HTML()

        def readmit(_b: widgets.Button) -> None:
            name = who.value
            if generation != self._generation or self.workshop.value != code or name not in aliases:
                message.value = notice(tekst("dashboard.verouderd"), "wb-error")
                return
            self.db.release_alias(code, name)
            message.value = notice(tekst("dashboard.toegelaten", naam=name), "wb-ok")

        button.on_click(readmit)
        return widgets.VBox(
            [
                card(html("<p>{}</p>", tekst("dashboard.opnieuw_toelaten")), title="Opnieuw toelaten"),
                widgets.HBox([who, button], layout=widgets.Layout(flex_flow="row wrap")),
                message,
            ]
        )

    def _joining_box(self, code: str) -> widgets.VBox:
        """Close the training for joining (who joined goes on), or open it again; the join screen's address."""
        generation = self._generation
        state = widgets.HTML()
        button = widgets.Button(layout=widgets.Layout(width="auto"))
        button.add_class("wb-joining-toggle")

        def show() -> None:
            is_open = self.db.training_open(code)
            state.value = html(
                "<p><strong>{}</strong></p>", tekst("aanmelden.open" if is_open else "aanmelden.gesloten")
            )
            button.description = tekst("aanmelden.sluiten" if is_open else "aanmelden.openen")
            button.icon = "lock" if is_open else "unlock"

        def toggle(_b: widgets.Button) -> None:
            if generation != self._generation or self.workshop.value != code:
                state.value = notice(tekst("dashboard.verouderd"), "wb-error")
                return
            self.db.set_training_open(code, not self.db.training_open(code))
            show()

        button.on_click(toggle)
        show()
        return widgets.VBox(
            [
                card(html("<p>{}</p>", tekst("dashboard.aanmelden")), title="Aanmelden"),
                widgets.HBox([state, button], layout=widgets.Layout(flex_flow="row wrap", align_items="center")),
            ]
        )

    def _remove_box(self, code: str, aliases: list[str]) -> widgets.VBox:
        """Remove everything one participant saved in this training (they asked), after a tick."""
        generation = self._generation
        who = widgets.Dropdown(options=aliases, value=None, description="Deelnemer")
        who.add_class("wb-remove-who")
        confirm = widgets.Checkbox(description=tekst("dashboard.deelnemer_vinkje"), indent=False)
        confirm.add_class("wb-remove-confirm")
        button = widgets.Button(description="Antwoorden verwijderen", button_style="danger", icon="user-times")
        button.add_class("wb-remove")
        button.layout.width = "auto"
        message = widgets.HTML()
        message.add_class("wb-remove-message")

        def remove(_b: widgets.Button) -> None:
            name = who.value
            if not confirm.value:
                message.value = notice(tekst("algemeen.eerst_vinkje"), "wb-error")
                return
            if generation != self._generation or self.workshop.value != code or name not in aliases:
                message.value = notice(tekst("dashboard.verouderd"), "wb-error")
                return
            n = self.db.delete_participant(code, name)
            self.refresh()
            done = card(html("<p>{}</p>", tekst("dashboard.deelnemer_verwijderd", naam=name, aantal=n)), kind="wb-ok")
            done.add_class("wb-removed")
            self.out.children = [done, *self.out.children]

        button.on_click(remove)
        return widgets.VBox(
            [
                card(html("<p>{}</p>", tekst("dashboard.deelnemer_verwijderen")), title="Eén deelnemer verwijderen"),
                widgets.HBox([who, confirm, button], layout=widgets.Layout(flex_flow="row wrap")),
                message,
            ]
        )

    def _delete_box(self, code: str) -> widgets.VBox:
        generation = self._generation
        confirm = widgets.Checkbox(description=tekst("dashboard.verwijderen_vinkje", code=code), indent=False)
        button = widgets.Button(
            description="Verwijderen",
            button_style="danger",
            icon="trash",
            disabled=True,
            layout=widgets.Layout(width="auto"),
        )
        button.add_class("wb-delete")
        confirm.observe(lambda c: setattr(button, "disabled", not c["new"]), names="value")
        message = widgets.HTML()

        def delete(_b: widgets.Button) -> None:
            # The browser's disabled state proves nothing: check the tick and the overview here.
            if not confirm.value:
                message.value = notice(tekst("algemeen.eerst_vinkje"), "wb-error")
                return
            if generation != self._generation or self.workshop.value != code:
                message.value = notice(tekst("dashboard.verouderd"), "wb-error")
                return
            n = self.db.delete_workshop(code)
            self.refresh()
            done = card(html("<p>{}</p>", tekst("dashboard.verwijderd", code=code, aantal=n)), kind="wb-ok")
            done.add_class("wb-deleted")
            self.out.children = [done, *self.out.children]

        button.on_click(delete)
        return widgets.VBox(
            [
                card(html("<p>{}</p>", tekst("dashboard.verwijderen")), title="Gegevens verwijderen"),
                widgets.HBox([confirm, button], layout=widgets.Layout(flex_flow="row wrap")),
                message,
            ]
        )


def suggest_code() -> str:
    """Return a fresh, easy-to-type training code such as ``MENTOR-K7Q``."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I
    return "MENTOR-" + "".join(secrets.choice(alphabet) for _ in range(3))


def dashboard(store: Store | None = None) -> Dashboard:
    """Build the dashboard page (it displays as its widget)."""
    return Dashboard(store if store is not None else get_store())
