"""Trainer page (``notebooks/begeleider/scenario_maken.ipynb``): write a role-play or a practice conversation in a form.

Locked with the facilitator key. Two tabs, one per kind: a role-play scenario (module 05) and
a practice conversation with a simulated student (module 06). Preview validates the form and
shows the role cards, or plays a new student through a good and a clumsy try-out
conversation; saving writes ``exercises/<folder>/<id>.yaml``. Problems are explained in Dutch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import ipywidgets as widgets

from workbook import authoring, content, student
from workbook.content import ELEMENT_IDS, THEMES, ContentError, Oefengesprek, Rollenspel
from workbook.ui.common import Shows, card, get_store, style
from workbook.ui.html import Markup, html, join, notice
from workbook.ui.lock import KeyLock
from workbook.ui.render import role_card
from workbook.ui.texts import tekst

__all__ = ["scenario_form", "ScenarioForm", "KindForm", "FormSpec", "ROLEPLAY", "PRACTICE", "FIELDS", "field_label"]

# (field key, kind): kind is "text", "area" or "lines" (one item per line); the label is the
# text "<prefix>.veld.<field key>" in teksten.yaml (see field_label)
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
PRACTICE_FIELDS: list[tuple[str, str]] = [
    ("id", "text"),
    ("titel", "text"),
    ("leerling", "text"),
    ("situatie", "area"),
    ("opening", "text"),
    *[(f"antwoorden.{k}", "lines") for k in authoring.ANSWER_KINDS],
    ("slot_goed", "text"),
    ("slot_dicht", "text"),
    ("slot_tijd", "text"),
]
TEMPERAMENT_CHOICES = ("teruggetrokken", "defensief", "spraakzaam", "weet_ik_niet")


def field_label(key: str, prefix: str = "scenario_maken") -> str:
    """Return the Dutch label of a form field; the seven example-phrasing fields share one text."""
    group, _, element = key.partition(".")
    if group == "formuleringen":
        return tekst("scenario_maken.veld.formuleringen", element=element.replace("_", " "))
    return tekst(f"{prefix}.veld.{key}")


def _role_cards(scenario: Rollenspel | Oefengesprek) -> Markup:
    assert isinstance(scenario, Rollenspel)
    return join(
        html('<div class="wb-card">{}</div>', role_card(scenario, role))
        for role in ("mentor", "leerling", "observator")
    )


def _try_out(script: Rollenspel | Oefengesprek) -> Markup:
    """Play the new student through a good and a clumsy conversation, so the trainer sees both ends."""
    assert isinstance(script, Oefengesprek)
    parts = []
    for key, turns in (
        ("oefengesprek_maken.proef_goed", student.TRIAL_GOOD),
        ("oefengesprek_maken.proef_onhandig", student.TRIAL_CLUMSY),
    ):
        talk = student.trial(script, turns)
        rows = [html("<li><em>{}:</em> {}</li>", script.leerling, script.opening)]
        for turn in talk.turns:
            rows.append(html("<li><strong>Mentor:</strong> {}</li>", turn["mentor"]))
            rows.append(
                html(
                    "<li><em>{}:</em> {} <span class='wb-muted'>({})</span></li>",
                    script.leerling,
                    turn["student"],
                    turn["trust"],
                )
            )
        ending = tekst(f"oefengesprek.uitkomst.{talk.outcome}", naam=script.leerling)
        parts.append(
            html(
                '<div class="wb-card"><h4>{}</h4><ul>{}</ul><p><strong>{}</strong></p></div>',
                tekst(key),
                join(rows),
                ending,
            )
        )
    return join(parts)


@dataclass(frozen=True)
class FormSpec:
    """One kind of file the trainer can write: its folder, fields, choices and preview."""

    folder: str
    prefix: str  # texts "<prefix>.titel", "<prefix>.uitleg", "<prefix>.veld.<field>", "<prefix>.opgeslagen"
    fields: list[tuple[str, str]]
    preview: Callable[[Rollenspel | Oefengesprek], Markup]
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    numbers: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # name: (value, min, max)


ROLEPLAY = FormSpec("rollenspellen", "scenario_maken", FIELDS, _role_cards, {"thema": THEMES}, {"minuten": (10, 3, 30)})
PRACTICE = FormSpec(
    "oefengesprekken",
    "oefengesprek_maken",
    PRACTICE_FIELDS,
    _try_out,
    {"thema": THEMES, "temperament": TEMPERAMENT_CHOICES},
    {"max_beurten": (10, 4, 20)},
)


class KindForm:
    """The fields, preview and save of one :class:`FormSpec`."""

    def __init__(self, spec: FormSpec) -> None:
        self.spec = spec
        self.inputs: dict[str, widgets.Widget] = {}
        rows: list[widgets.Widget] = []
        for key, kind in spec.fields:
            if kind == "text":
                w = widgets.Text(layout=widgets.Layout(width="720px", max_width="100%"))
            else:
                w = widgets.Textarea(layout=widgets.Layout(width="720px", max_width="100%", height="70px"))
            w.add_class("wb-form-" + key.replace(".", "-"))
            self.inputs[key] = w
            rows.append(widgets.HTML(html("<strong>{}</strong>", field_label(key, spec.prefix))))
            rows.append(w)
        for name, options in spec.choices.items():
            self.inputs[name] = widgets.Dropdown(options=options, description=name.capitalize())
            self.inputs[name].add_class(f"wb-form-{name}")
        for name, (value, low, high) in spec.numbers.items():
            self.inputs[name] = widgets.BoundedIntText(
                value=value, min=low, max=high, description=name.replace("_", " ").capitalize()
            )
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
        extra = [self.inputs[n] for n in (*spec.choices, *spec.numbers)]
        self.widget = widgets.VBox(
            [
                card(html("<p>{}</p>", tekst(f"{spec.prefix}.uitleg")), title=tekst(f"{spec.prefix}.titel")),
                *extra,
                *rows,
                self.overwrite,
                widgets.HBox([self.preview_button, self.save_button]),
                self.message,
                self.preview,
            ]
        )
        self.widget.add_class(f"wb-form-{spec.folder}")

    def fields(self) -> dict[str, object]:
        """Return the form's values by field key."""
        return {k: w.value for k, w in self.inputs.items()}

    def show_preview(self) -> None:
        """Validate the form and show the preview (or the Dutch problems)."""
        data = authoring.form_to_data(self.fields())
        try:
            item = content.validate_item(self.spec.folder, data, "het formulier")
        except ContentError as err:
            self._error(err.message)
            return
        self.message.value = ""
        self.preview.value = self.spec.preview(item)

    def save(self) -> None:
        """Validate the form and write the file (or show the Dutch problems)."""
        try:
            path = authoring.save_scenario(self.fields(), overwrite=bool(self.overwrite.value), folder=self.spec.folder)
        except (ContentError, FileExistsError) as err:
            self._error(err.message if isinstance(err, ContentError) else str(err))
            return
        self.message.value = notice(
            tekst(f"{self.spec.prefix}.opgeslagen", bestand=f"{path.parent.name}/{path.name}"), "wb-ok"
        )

    def _error(self, text: str) -> None:
        self.message.value = notice(text, "wb-error")


class ScenarioForm(Shows):
    """The locked page; after the key, one tab per kind of file."""

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
        self.roleplay = KindForm(ROLEPLAY)
        self.practice = KindForm(PRACTICE)
        tabs = widgets.Tab(children=[self.roleplay.widget, self.practice.widget])
        tabs.titles = ("Rollenspel (module 5)", "Oefengesprek (module 6)")
        tabs.add_class("wb-form-tabs")
        self.body.children = [tabs]

    # the role-play form's parts, as before there were two kinds
    @property
    def inputs(self) -> dict[str, widgets.Widget]:
        """Return the role-play form's inputs."""
        return self.roleplay.inputs

    @property
    def preview(self) -> widgets.HTML:
        """Return the role-play form's preview."""
        return self.roleplay.preview

    @property
    def message(self) -> widgets.HTML:
        """Return the role-play form's message line."""
        return self.roleplay.message

    def show_preview(self) -> None:
        """Preview the role-play form."""
        self.roleplay.show_preview()

    def save(self) -> None:
        """Save the role-play form."""
        self.roleplay.save()


def scenario_form() -> ScenarioForm:
    """Build the trainer's form page (it displays as its widget)."""
    return ScenarioForm()
