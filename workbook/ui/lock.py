"""The facilitator key lock shared by the facilitator pages, and :class:`LockedPage`, their common frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import ipywidgets as widgets

from workbook import begeleider, session
from workbook.store import Store
from workbook.ui.common import Shows, card, get_store, style
from workbook.ui.html import Markup, html, notice
from workbook.ui.texts import tekst

__all__ = ["KeyLock", "LockedPage", "MAX_ATTEMPTS"]

MAX_ATTEMPTS = begeleider.FREE_ATTEMPTS


class KeyLock:
    """A key field that calls ``on_unlock`` once the facilitator key is typed.

    Wrong keys are counted per device in the store (:func:`workbook.begeleider.try_key`), so
    reloading the page gives no new attempts. On a device other than the facilitator's own
    computer the lock does not open at all, unless the facilitator allowed the network.
    """

    def __init__(
        self, intro_title: str, intro_html: Markup, on_unlock: Callable[[], None], store: Store | None = None
    ) -> None:
        self.on_unlock = on_unlock
        self.store = store
        self.opened = False
        self.key = widgets.Password(description="Sleutel", placeholder="begeleiderssleutel")
        self.key.add_class("wb-key")
        self.button = widgets.Button(description="Openen", button_style="primary", icon="unlock")
        self.button.add_class("wb-unlock")
        self.button.on_click(lambda _b: self.unlock())
        self.message = widgets.HTML()
        self.message.add_class("wb-key-message")
        if begeleider.configured_key() is None:
            self.message.value = notice(tekst("sleutel.niet_ingesteld"), "wb-error")
        self.widget = widgets.VBox(
            [card(intro_html, title=intro_title), widgets.HBox([self.key, self.button]), self.message]
        )

    def unlock(self) -> bool:
        """Check the typed key; on success call ``on_unlock``. Returns whether it opened."""
        if self.opened:
            return True
        typed, self.key.value = self.key.value, ""
        if not (session.from_this_computer() or begeleider.network_allowed()):
            self.message.value = notice(tekst("sleutel.niet_deze_computer"), "wb-error")
            return False
        ok, problem = begeleider.try_key(self.store, session.client_id(), typed)
        if not ok:
            self.message.value = notice(problem or tekst("sleutel.klopt_niet"), "wb-error")
            return False
        self.message.value = ""
        self.opened = True
        self.on_unlock()
        return True


class LockedPage(Shows):
    """A facilitator page behind the key: the texts ``<texts>.titel`` and ``<texts>.slot``, then :meth:`opened`.

    Without a reachable store the page says so in Dutch instead of opening.
    """

    texts: ClassVar[str] = ""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store if store is not None else get_store()
        intro = html("<p>{}</p>", tekst(f"{self.texts}.slot"))
        self.lock = KeyLock(tekst(f"{self.texts}.titel"), intro, self._unlocked, self.store)
        self.body = widgets.VBox([self.lock.widget])
        self.widget = widgets.VBox([style(), self.body])

    def _unlocked(self) -> None:
        if self.store is None:
            self.body.children = [card(html("<p>{}</p>", tekst("dashboard.opslag_onbereikbaar")), "wb-error")]
            return
        self.opened(self.store)

    def opened(self, store: Store) -> None:
        """Build the page once the key was right (``store`` is reachable)."""
        raise NotImplementedError
