"""The facilitator key lock shared by the facilitator pages (dashboard, scenario form)."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from workbook import begeleider
from workbook.ui.common import card, notice

__all__ = ["KeyLock", "MAX_ATTEMPTS"]

MAX_ATTEMPTS = 5


class KeyLock:
    """A key field that calls ``on_unlock`` once the facilitator key is typed."""

    def __init__(self, intro_title: str, intro_html: str, on_unlock: Callable[[], None]):
        self.on_unlock = on_unlock
        self.attempts = 0
        self.key = widgets.Password(description="Sleutel", placeholder="begeleiderssleutel")
        self.key.add_class("wb-key")
        self.button = widgets.Button(description="Openen", button_style="primary", icon="unlock")
        self.button.add_class("wb-unlock")
        self.button.on_click(lambda _b: self.unlock())
        self.message = widgets.HTML()
        self.message.add_class("wb-key-message")
        if begeleider.configured_key() is None:
            self.message.value = notice(
                "Er is nog geen begeleiderssleutel ingesteld. Start het werkboek met 'make workshop' "
                "(die maakt een sleutel aan), of zet WERKBOEK_BEGELEIDER_KEY.",
                "wb-error",
            )
        self.widget = widgets.VBox(
            [card(intro_html, title=intro_title), widgets.HBox([self.key, self.button]), self.message]
        )

    def unlock(self) -> bool:
        """Check the typed key; on success call ``on_unlock``. Returns whether it opened."""
        if self.attempts >= MAX_ATTEMPTS:
            self.message.value = notice("Te veel pogingen. Laad de pagina opnieuw.", "wb-error")
            return False
        if not begeleider.check_key(self.key.value):
            self.attempts += 1
            self.key.value = ""
            self.message.value = notice("Deze sleutel klopt niet. Probeer het opnieuw.", "wb-error")
            return False
        self.key.value = ""
        self.on_unlock()
        return True
