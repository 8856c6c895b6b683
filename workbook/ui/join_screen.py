"""Facilitator page (``notebooks/begeleider/aanmelden.ipynb``): the join screen for the projector.

After the facilitator key: choose or create a training; the page shows the participants'
link as a large QR code, the link and the training code in large type, and whether the
training is open for joining (with a button to close or reopen it).
"""

from __future__ import annotations

import ipywidgets as widgets

from workbook import join, session
from workbook.session import SessionError
from workbook.store import Store
from workbook.ui.dashboard import suggest_code
from workbook.ui.html import Markup, html, notice
from workbook.ui.html import join as join_html
from workbook.ui.lock import LockedPage
from workbook.ui.texts import tekst

__all__ = ["JoinScreen", "join_screen"]


class JoinScreen(LockedPage):
    """The locked join screen; after the key, a training chooser and the large join card."""

    texts = "aanmelden"

    def opened(self, store: Store) -> None:
        """Show the training chooser and the join card of the newest training."""
        self.training = widgets.Dropdown(description="Training", options=store.trainings())
        self.training.add_class("wb-join-training")
        self.new_button = widgets.Button(
            description="Nieuwe training", icon="plus", layout=widgets.Layout(width="auto")
        )
        self.new_button.add_class("wb-join-new")
        self.toggle = widgets.Button(layout=widgets.Layout(width="auto"))
        self.toggle.add_class("wb-join-toggle")
        self.message = widgets.HTML()
        self.screen = widgets.HTML()
        self.screen.add_class("wb-join-screen")
        self.training.observe(lambda _c: self.render(), names="value")
        self.new_button.on_click(lambda _b: self.new_training())
        self.toggle.on_click(lambda _b: self.toggle_open())
        controls = widgets.HBox(
            [self.training, self.new_button, self.toggle], layout=widgets.Layout(flex_flow="row wrap")
        )
        self.body.children = [controls, self.message, self.screen]
        if self.training.options:
            self.training.value = self.training.options[-1]  # the newest training
        self.render()

    def new_training(self) -> None:
        """Create a training with a fresh code and show it."""
        assert self.store is not None
        code = suggest_code()
        while not self.store.create_training(code):
            code = suggest_code()
        self.training.options = self.store.trainings()
        self.training.value = code

    def toggle_open(self) -> None:
        """Close the chosen training for joining, or open it again."""
        code = self.training.value
        if self.store is None or not code:
            return
        self.store.set_training_open(code, not self.store.training_open(code))
        self.render()

    def render(self) -> None:
        """Show the join card of the chosen training (or how to make one)."""
        code = self.training.value
        if self.store is None or not code:
            self.toggle.layout.display = "none"
            self.screen.value = notice(tekst("aanmelden.geen_training"), "wb-info")
            return
        try:
            code = session.normalise_code(code)
        except SessionError as exc:
            self.message.value = notice(str(exc), "wb-error")
            return
        is_open = self.store.training_open(code)
        self.toggle.layout.display = None
        self.toggle.description = tekst("aanmelden.sluiten" if is_open else "aanmelden.openen")
        self.toggle.icon = "lock" if is_open else "unlock"
        links = join.join_links(code)
        local_only = not session.training_mode()
        self.screen.value = html(
            '<div class="wb-join-card">'
            '<div class="wb-join-qr" role="img" aria-label="{label}">{qr}</div>'
            '<div class="wb-join-text"><p class="wb-join-how">{how}</p>'
            '<p class="wb-join-link">{links}</p>'
            '<p class="wb-join-code-label">{code_label} <strong class="wb-join-code-big">{code}</strong></p>'
            '<p class="wb-join-state {state_class}">{state}</p>{warning}</div></div>',
            label=tekst("aanmelden.qr_alt", link=links[0]),
            qr=Markup(join.qr_svg(links[0])),
            how=tekst("aanmelden.hoe"),
            links=join_html((html("<span>{}</span>", link) for link in links), Markup("<br>")),
            code_label=tekst("aanmelden.code"),
            code=code,
            state_class="wb-join-open" if is_open else "wb-join-closed",
            state=tekst("aanmelden.open" if is_open else "aanmelden.gesloten"),
            warning=html('<p class="wb-join-warning">{}</p>', tekst("aanmelden.alleen_lokaal")) if local_only else "",
        )


def join_screen(store: Store | None = None) -> JoinScreen:
    """Build the facilitator's join screen (it displays as its widget)."""
    return JoinScreen(store)
