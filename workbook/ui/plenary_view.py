"""Facilitator page (``notebooks/begeleider/bespreken.ipynb``): the plenary debrief, made to be projected.

After the facilitator key: choose a training and an exercise; the group's answers appear
grouped the way the workbook judges them, with counts, anonymised (numbers, no names). The
facilitator picks an answer to show large, marks it as an example, hides it, or reveals the
name of one answer. The view refreshes by itself every few seconds.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

import ipywidgets as widgets

from workbook import plenary
from workbook.plenary import Board, Item
from workbook.store import Store
from workbook.ui.html import EMPTY, Markup, html, join, notice
from workbook.ui.lock import LockedPage
from workbook.ui.texts import tekst

__all__ = ["PlenaryView", "plenary_view", "REFRESH_S"]

REFRESH_S = 5


class PlenaryView(LockedPage):
    """The locked "Bespreken" page."""

    texts = "bespreken"

    def __init__(self, store: Store | None = None) -> None:
        self.board = Board()
        self.items: list[Item] = []
        self._task: asyncio.Task[None] | None = None
        super().__init__(store)
        self.widget.add_class("wb-plenary")

    def opened(self, store: Store) -> None:
        """Show the choices and the answers of the newest training; start refreshing by itself."""
        self.training = widgets.Dropdown(description="Training", options=store.trainings())
        self.training.add_class("wb-plenary-training")
        self.source = widgets.Dropdown(
            description="Oefening", options=[(s.title, key) for key, s in plenary.SOURCES.items()]
        )
        self.source.add_class("wb-plenary-source")
        self.pick = widgets.Dropdown(description="Antwoord", options=[])
        self.pick.add_class("wb-plenary-pick")
        buttons = {
            "groot": ("Groot tonen", "search-plus", self._large),
            "voorbeeld": ("Voorbeeld", "star", lambda: self._toggle(self.board.examples)),
            "verbergen": ("Verbergen", "eye-slash", lambda: self._toggle(self.board.hidden)),
            "naam": ("Naam tonen", "user", lambda: self._toggle(self.board.revealed)),
        }
        self.buttons = {}
        for key, (label, icon, action) in buttons.items():
            b = widgets.Button(description=label, icon=icon, layout=widgets.Layout(width="auto"))
            b.add_class(f"wb-plenary-{key}")
            b.on_click(lambda _b, act=action: act())
            self.buttons[key] = b
        self.refresh_button = widgets.Button(
            description="Vernieuwen", icon="refresh", layout=widgets.Layout(width="auto")
        )
        self.refresh_button.add_class("wb-plenary-refresh")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.stamp = widgets.HTML()
        self.large = widgets.HTML()
        self.large.add_class("wb-plenary-large")
        self.groups = widgets.HTML()
        self.groups.add_class("wb-plenary-groups")
        self.training.observe(lambda _c: self._reset(), names="value")
        self.source.observe(lambda _c: self._reset(), names="value")
        row = widgets.Layout(flex_flow="row wrap", align_items="center")
        self.body.children = [
            widgets.HBox([self.training, self.source, self.refresh_button, self.stamp], layout=row),
            widgets.HBox([self.pick, *self.buttons.values()], layout=row),
            self.large,
            self.groups,
        ]
        if self.training.options:
            self.training.value = self.training.options[-1]
        self.refresh()
        self._start_auto()

    # --- data ---------------------------------------------------------------------------

    def _reset(self) -> None:
        self.board = Board()
        self.refresh()

    def refresh(self) -> None:
        """Read the training's answers again and redraw (the facilitator's marks stay)."""
        if self.store is None:
            return
        code = self.training.value
        if not code:
            self.items = []
        else:
            frame = self.store.frame(code)
            frame.attrs["rounds"] = self.store.rounds(code)
            self.items = plenary.collect(frame, self.source.value)
        self.stamp.value = html('<span class="wb-muted">{:%H:%M:%S}</span>', datetime.now())
        self._render()

    def _start_auto(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a test in plain Python): refresh by hand
            return
        self._task = loop.create_task(self._auto())

    async def _auto(self) -> None:
        while True:
            await asyncio.sleep(REFRESH_S)
            self.refresh()

    # --- the facilitator's actions -----------------------------------------------------------

    def _chosen(self) -> Item | None:
        return next((i for i in self.items if i.id == self.pick.value), None)

    def _large(self) -> None:
        item = self._chosen()
        self.board.large = None if item is None or self.board.large == item.id else item.id
        self._render()

    def _toggle(self, which: set[str]) -> None:
        item = self._chosen()
        if item is not None:
            self.board.toggle(which, item.id)
            self._render()

    # --- rendering ------------------------------------------------------------------------

    def _label(self, number: int, item: Item) -> str:
        short = item.text if len(item.text) <= 50 else item.text[:49] + "…"
        hidden = " (verborgen)" if item.id in self.board.hidden else ""
        return f"#{number} · {short}{hidden}"

    def _card(self, number: int, item: Item) -> Markup:
        name = self.board.author(item)
        return html(
            '<div class="wb-plenary-item{}"><span class="wb-plenary-nr">#{}</span> {}{}{}</div>',
            " wb-plenary-example" if item.id in self.board.examples else "",
            number,
            item.text,
            html(' <span class="wb-plenary-star">★ {}</span>', tekst("bespreken.voorbeeld"))
            if item.id in self.board.examples
            else EMPTY,
            html(' <span class="wb-plenary-name">({})</span>', name) if name else EMPTY,
        )

    def _render(self) -> None:
        numbers = {item.id: n for n, item in enumerate(self.items, start=1)}
        current = self.pick.value
        self.pick.options = [(self._label(numbers[i.id], i), i.id) for i in self.items]
        if current in numbers:
            self.pick.value = current
        chosen = self._chosen()
        self.buttons["naam"].description = (
            "Naam verbergen" if chosen is not None and chosen.id in self.board.revealed else "Naam tonen"
        )
        self.buttons["verbergen"].description = (
            "Terugzetten" if chosen is not None and chosen.id in self.board.hidden else "Verbergen"
        )
        big = next((i for i in self.items if i.id == self.board.large and i.id not in self.board.hidden), None)
        self.large.value = (
            html('<div class="wb-plenary-big">{}</div>', self._card(numbers[big.id], big)) if big else EMPTY
        )
        visible = [i for i in self.items if i.id not in self.board.hidden]
        if not self.items:
            self.groups.value = notice(tekst("bespreken.leeg"), "wb-info")
            return
        order = plenary.SOURCES[self.source.value].order
        sections = [
            html(
                '<section class="wb-plenary-group"><h3>{} <span class="wb-plenary-count">({})</span></h3>{}</section>',
                group,
                len(members),
                join(self._card(numbers[i.id], i) for i in members),
            )
            for group, members in plenary.grouped(visible, order)
        ]
        hidden = len(self.items) - len(visible)
        note = html('<p class="wb-muted">{}</p>', tekst("bespreken.verborgen", aantal=hidden)) if hidden else EMPTY
        self.groups.value = html(
            '<p class="wb-plenary-total">{}</p>{}{}',
            tekst("bespreken.totaal", aantal=len(visible)),
            join(sections),
            note,
        )


def plenary_view(store: Store | None = None) -> PlenaryView:
    """Build the facilitator's plenary debrief page (it displays as its widget)."""
    return PlenaryView(store)
