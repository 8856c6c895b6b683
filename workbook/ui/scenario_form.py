"""Trainer page (``notebooks/begeleider/scenario_maken.ipynb``): write a role-play scenario in a form.

Locked with the facilitator key. Preview shows the three role cards; saving validates the
scenario and writes ``exercises/rollenspellen/<id>.yaml``. Problems are explained in Dutch.
"""

from __future__ import annotations

import ipywidgets as widgets

from workbook import authoring, content
from workbook.content import ELEMENT_IDS, THEMES, ContentError
from workbook.ui.common import Shows, card, get_store, style
from workbook.ui.html import html, join, notice
from workbook.ui.lock import KeyLock
from workbook.ui.render import role_card
from workbook.ui.texts import tekst

__all__ = ["scenario_form", "ScenarioForm", "FIELDS", "field_label"]

# (field key, kind): kind is "text", "area" or "lines" (one item per line); the label is the
# text "scenario_maken.veld.<field key>" in teksten.yaml (see field_label)
FIELDS: list[tuple[str, str]] = [
    ("id", "text"),
    ("titel", "text"),
    ("leerling.achtergrond", "area"),
    ("leerling.gevoel", "text"),
    ("leerling.bij_erkenning", "area"),
    ("leerling.bij_advies", "area"),
    ("leerling.zinnen", "lines"),
    ("mentor.situatie", "area"),
    ("mentor.doel", "text"),
    ("observator.let_op", "lines"),
    *[(f"formuleringen.{e}", "lines") for e in ELEMENT_IDS],
    ("nabespreking", "lines"),
]


def field_label(key: str) -> str:
    """Return the Dutch label of a form field; the seven example-phrasing fields share one text."""
    group, _, element = key.partition(".")
    if group == "formuleringen":
        return tekst("scenario_maken.veld.formuleringen", element=element.replace("_", " "))
    return tekst(f"scenario_maken.veld.{key}")


class ScenarioForm(Shows):
    """The locked form; after the key, the fields, preview and save."""

    def __init__(self) -> None:
        self.lock = KeyLock(
            tekst("scenario_maken.titel"),
            html("<p>{}</p>", tekst("scenario_maken.slot")),
            self._opened,
            store=get_store(),
        )
        self.body = widgets.VBox([self.lock.widget])
        self.widget = widgets.VBox([style(), self.body])

    def _opened(self) -> None:
        self.inputs: dict[str, widgets.Widget] = {}
        rows = []
        for key, kind in FIELDS:
            if kind == "text":
                w = widgets.Text(layout=widgets.Layout(width="720px"))
            else:
                w = widgets.Textarea(layout=widgets.Layout(width="720px", height="70px"))
            w.add_class("wb-form-" + key.replace(".", "-"))
            self.inputs[key] = w
            rows.append(widgets.HTML(html("<strong>{}</strong>", field_label(key))))
            rows.append(w)
        self.theme = widgets.Dropdown(options=THEMES, description="Thema")
        self.minutes = widgets.BoundedIntText(value=10, min=3, max=30, description="Minuten")
        self.overwrite = widgets.Checkbox(description=tekst("scenario_maken.overschrijven"), indent=False)
        self.preview_button = widgets.Button(description="Voorbeeld bekijken", icon="eye")
        self.preview_button.add_class("wb-form-preview")
        self.save_button = widgets.Button(description="Opslaan", icon="save", button_style="primary")
        self.save_button.add_class("wb-form-save")
        self.message = widgets.HTML()
        self.message.add_class("wb-form-message")
        self.preview = widgets.HTML()
        self.preview.add_class("wb-form-preview-cards")
        self.preview_button.on_click(lambda _b: self.show_preview())
        self.save_button.on_click(lambda _b: self.save())
        self.body.children = [
            card(html("<p>{}</p>", tekst("scenario_maken.uitleg")), title=tekst("scenario_maken.titel")),
            self.theme,
            self.minutes,
            *rows,
            self.overwrite,
            widgets.HBox([self.preview_button, self.save_button]),
            self.message,
            self.preview,
        ]

    def fields(self) -> dict[str, object]:
        """Return the form's values by field key, plus theme and minutes."""
        values: dict[str, object] = {k: w.value for k, w in self.inputs.items()}
        values["thema"] = self.theme.value
        values["minuten"] = self.minutes.value
        return values

    def show_preview(self) -> None:
        """Validate the form and show the three role cards (or the Dutch problems)."""
        try:
            scenario = content.validate_item("rollenspellen", authoring.form_to_data(self.fields()), "het formulier")
        except ContentError as err:
            self._error(err.message)
            return
        self.message.value = ""
        self.preview.value = join(
            html('<div class="wb-card">{}</div>', role_card(scenario, role))
            for role in ("mentor", "leerling", "observator")
        )

    def save(self) -> None:
        """Validate the form and write the scenario file (or show the Dutch problems)."""
        try:
            path = authoring.save_scenario(self.fields(), overwrite=bool(self.overwrite.value))
        except (ContentError, FileExistsError) as err:
            self._error(err.message if isinstance(err, ContentError) else str(err))
            return
        self.message.value = notice(
            tekst("scenario_maken.opgeslagen", bestand=f"{path.parent.name}/{path.name}"), "wb-ok"
        )

    def _error(self, text: str) -> None:
        self.message.value = notice(text, "wb-error")


def scenario_form() -> ScenarioForm:
    """Build the trainer's scenario form (it displays as its widget)."""
    return ScenarioForm()
