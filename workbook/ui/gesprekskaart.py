"""Module 11: the mentor's own gesprekskaarten, their follow-ups, downloads and deletion.

Four tabs: the list of cards (follow-ups that are due or overdue first), the card being
written (with the small step checked live, downloads for the calendar, Word and print),
the history per student, and privacy (what is stored where, deleting everything). The logic
is in :mod:`workbook.cards`; each card is saved as its own exercise like any other answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as widgets

from workbook import cards, export
from workbook.answers import CardAnswer
from workbook.cards import STATUS_TEXT, StoredCard, date_nl
from workbook.content import GesprekskaartFile
from workbook.privacy import full_names, initials
from workbook.ui.common import PageContext, card, close_tree, textarea
from workbook.ui.exercise import Exercise, ModulePage, Page, module_page
from workbook.ui.html import EMPTY, Markup, bullets, html, join, notice
from workbook.ui.texts import tekst
from workbook.ui.views.downloads import DOCX_MIME, HTML_MIME, DownloadPanel

__all__ = ["module", "CardView", "CardBook"]

log = logging.getLogger(__name__)
ICS_MIME = "text/calendar;charset=utf-8"
CSV_MIME = "text/csv;charset=utf-8"
TIMES = [f"{h:02d}:{m:02d}" for h in range(7, 19) for m in range(0, 60, 5) if (h, m) <= (18, 0)]
TEXT_FIELDS = ("hoe_ging_het", "erkend", "werkt_al", "stap", "wie_wat")
SHORT = 90  # characters of a step shown in the list


def _short(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _file_part(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name.strip())[:30] or "leerling"


def step_html(check: cards.StepCheck | None) -> Markup:
    """Return the live check of the small step: concrete, small, with a when, and the tips."""
    if check is None:
        return EMPTY
    rows = join(
        html('<li class="{}">{} {}</li>', "wb-ok-line" if ok else "wb-bad-line", "✔" if ok else "✘", label)
        for label, ok in (
            ("Concreet", check.concreet),
            ("Klein", check.klein),
            (tekst("kaart.met_wanneer"), check.wanneer),
        )
    )
    tips = bullets(check.tips) if check.tips else html("<p>✔ {}</p>", tekst("kaart.stap_goed"))
    return html('<div class="wb-card wb-live wb-kaart-stapcheck"><ul class="wb-checklist">{}</ul>{}</div>', rows, tips)


def privacy_hint(texts: list[str]) -> Markup:
    """Return a gentle suggestion to use initials when a text holds what looks like a full name."""
    names: list[str] = []
    for text in texts:
        names += [n for n in full_names(text) if n not in names]
    if not names:
        return EMPTY
    examples = ", ".join(f"‘{n}’ → ‘{initials(n)}’" for n in names[:3])
    return notice(
        tekst("kaart.privacytip", namen=examples),
        "wb-info wb-kaart-privacytip",
    )


class CardView(Exercise[CardAnswer]):
    """Write one gesprekskaart; a follow-up shows what was agreed on the card before it.

    Parameters
    ----------
    data : GesprekskaartFile
        The module's texts (headings, questions, examples).
    lookup : callable
        ``lookup(card_id)`` returns a stored card (the previous one of a follow-up) or ``None``.
    """

    model = CardAnswer

    def __init__(self, data: GesprekskaartFile, lookup: Callable[[str], StoredCard | None]) -> None:
        self.data = data
        self._lookup = lookup
        self.card_id = ""
        self.vorige = ""
        self.heading = widgets.HTML()
        self.previous = widgets.HTML()
        self.previous.add_class("wb-kaart-vorige")
        self.leerling = widgets.Text(
            description="Leerling", placeholder=tekst("kaart.leerling_voorbeeld"), tooltip="Leerling"
        )
        self.leerling.add_class("wb-kaart-leerling")
        self.datum = widgets.DatePicker(description="Gesprek op")
        self.datum.add_class("wb-kaart-datum")
        self.areas: dict[str, widgets.Textarea] = {}
        self.labels: dict[str, widgets.HTML] = {}
        for name in TEXT_FIELDS:
            field = getattr(data.velden, name)
            area = textarea(f"wb-kaart-{name.replace('_', '-')}", f"bijvoorbeeld: {field.voorbeeld}", height="64px")
            area.tooltip = field.titel
            self.areas[name] = area
            self.labels[name] = widgets.HTML(
                html(
                    "<p class='wb-kaart-label'><strong>{}</strong><br><span class='wb-muted'>{}</span></p>",
                    field.titel,
                    field.vraag,
                )
            )
        self.step_feedback = widgets.HTML()
        self.step_feedback.add_class("wb-kaart-stapfeedback")
        self.vervolg_datum = widgets.DatePicker(description="Vervolg op")
        self.vervolg_datum.add_class("wb-kaart-vervolgdatum")
        self.vervolg_tijd = widgets.Dropdown(options=[("geen tijd", ""), *[(t, t) for t in TIMES]], description="om")
        self.vervolg_tijd.add_class("wb-kaart-vervolgtijd")
        for w in (self.leerling, self.datum, self.vervolg_datum, self.vervolg_tijd):
            w.style.description_width = "100px"
            w.layout.width = "100%"
            w.layout.max_width = "420px"
        self.vervolg_tijd.layout.max_width = "240px"
        self.privacy = widgets.HTML()
        self.privacy.add_class("wb-kaart-privacy")
        self.message = widgets.HTML()
        self.message.add_class("wb-kaart-message")
        self.calendar = DownloadPanel("wb-kaart-agenda", [("ics", "Agenda-uitnodiging (.ics)", self._ics)])
        self.files = DownloadPanel(
            "wb-kaart-bestand", [("word", "Word-bestand", self._word), ("print", "Afdrukbare pagina", self._page)]
        )
        self.done_button = widgets.Button(description=tekst("kaart.klaar"), icon="check", button_style="primary")
        self.done_button.add_class("wb-kaart-klaar")
        self.delete_confirm = widgets.Checkbox(description=tekst("kaart.verwijder_vinkje"), indent=False)
        self.delete_confirm.add_class("wb-kaart-verwijder-vinkje")
        self.delete_button = widgets.Button(description="Kaart verwijderen", icon="trash", button_style="danger")
        self.delete_button.add_class("wb-kaart-verwijder")
        for b in (self.done_button, self.delete_button, self.delete_confirm):
            b.layout.width = "auto"
        for w in (self.leerling, self.datum, self.vervolg_datum, self.vervolg_tijd, *self.areas.values()):
            w.observe(lambda _c: self._on_change(), names="value")
        self.follow_up_part = widgets.VBox([self.previous, self.labels["hoe_ging_het"], self.areas["hoe_ging_het"]])
        parts: list[widgets.Widget] = [self.heading, self.follow_up_part, self.leerling, self.datum]
        for name in ("erkend", "werkt_al", "stap"):
            parts += [self.labels[name], self.areas[name]]
        parts += [self.step_feedback, self.labels["wie_wat"], self.areas["wie_wat"]]
        parts += [
            widgets.HTML("<p class='wb-kaart-label'><strong>Vervolggesprek</strong></p>"),
            widgets.HBox([self.vervolg_datum, self.vervolg_tijd], layout=widgets.Layout(flex_flow="row wrap")),
            self.privacy,
            self.message,
            self.calendar.widget,
            self.files.widget,
            widgets.HBox([self.done_button], layout=widgets.Layout(margin="8px 0")),
            widgets.HBox([self.delete_confirm, self.delete_button], layout=widgets.Layout(flex_flow="row wrap")),
        ]
        self.widget = widgets.VBox(parts, layout=widgets.Layout(max_width="860px"))
        self.widget.add_class("wb-kaart")
        self._render()

    # --- answer -------------------------------------------------------------------------

    def state(self) -> CardAnswer:
        """Return the card as it is on screen."""
        when = self.vervolg_tijd.value if self.vervolg_tijd.value in TIMES else ""
        values: dict[str, Any] = {
            "leerling": str(self.leerling.value or "").strip(),
            "datum": self.datum.value if isinstance(self.datum.value, date) else None,
            "vervolg_datum": self.vervolg_datum.value if isinstance(self.vervolg_datum.value, date) else None,
            "vervolg_tijd": when,
            "vorige": self.vorige,
        }
        for name, area in self.areas.items():
            values[name] = area.value if isinstance(area.value, str) else ""
        values["finished"] = bool(values["stap"].strip() and values["vervolg_datum"])
        return CardAnswer.model_validate(values)

    def restore(self, state: CardAnswer) -> None:
        """Show a saved card (or an empty one)."""
        self.vorige = state.vorige
        self.leerling.value = state.leerling
        self.datum.value = state.datum
        self.vervolg_datum.value = state.vervolg_datum
        self.vervolg_tijd.value = state.vervolg_tijd if state.vervolg_tijd in TIMES else ""
        for name, area in self.areas.items():
            area.value = getattr(state, name)
        self._render()

    def prefill(self, card: CardAnswer) -> None:
        """Put values on a new card without saving them yet (saved with the mentor's first change)."""
        with self.quietly():
            self.restore(card)

    # --- callbacks ------------------------------------------------------------------------

    def _on_change(self) -> None:
        if self.loading:
            return
        self.changed()  # save first: nothing on screen may come between typing and storing
        self._render()

    def _render(self) -> None:
        state = self.state()
        previous = self._lookup(self.vorige) if self.vorige else None
        self.follow_up_part.layout.display = "" if self.vorige else "none"
        title = "Vervolggesprek" if self.vorige else "Gesprekskaart"
        who = state.leerling or "nieuwe leerling"
        self.heading.value = html("<h3 class='wb-kaart-kop'>{} · {}</h3>", title, _short(who, 60))
        if previous is not None:
            p = previous.card
            agreed = [
                ("Gesprek op", date_nl(p.datum)),
                ("Kleine stap", p.stap or "—"),
                (tekst("kaart.wie_doet_wat"), p.wie_wat or "—"),
            ]
            self.previous.value = html(
                '<div class="wb-card wb-info"><strong>{}</strong>{}</div>',
                tekst("kaart.vorige_afspraak"),
                bullets(html("{}: {}", k, v) for k, v in agreed),
            )
        elif self.vorige:
            self.previous.value = notice(tekst("kaart.vorige_verwijderd"), "wb-muted")
        else:
            self.previous.value = ""
        self.step_feedback.value = step_html(cards.check_step(state.stap))
        self.privacy.value = privacy_hint([state.leerling, *(getattr(state, n) for n in TEXT_FIELDS)])
        problems = []
        if not state.leerling:
            problems.append(tekst("kaart.leerling_leeg"))
        self.message.value = notice(" ".join(problems), "wb-muted") if problems else ""
        self.calendar.block(None if state.vervolg_datum else tekst("kaart.eerst_datum"))
        self.calendar.invalidate()
        self.files.invalidate()

    # --- downloads ----------------------------------------------------------------------------

    def _name(self) -> str:
        return _file_part(str(self.leerling.value or ""))

    def _ics(self) -> tuple[bytes, str, str]:
        self.flush()  # save first, always
        return export.card_ics(self.state(), self.card_id), f"vervolggesprek_{self._name()}.ics", ICS_MIME

    def _word(self) -> tuple[bytes, str, str]:
        self.flush()
        return export.card_docx(self.state()), f"gesprekskaart_{self._name()}.docx", DOCX_MIME

    def _page(self) -> tuple[bytes, str, str]:
        self.flush()
        return export.card_html(self.state()).encode("utf-8"), f"gesprekskaart_{self._name()}.html", HTML_MIME


class CardBook:
    """The module page: list, card, history per student and privacy, wired together.

    Parameters
    ----------
    page : ModulePage
        The module page being built (store, session, mounting).
    data : GesprekskaartFile
        The module's texts.
    today : date, optional
        The day the due dates are measured against (tests pass one).
    """

    def __init__(self, page: ModulePage, data: GesprekskaartFile, today: date | None = None) -> None:
        self.ctx: PageContext = page.ctx
        self.data = data
        self._today = today
        self._cards: list[StoredCard] = []
        self.editor = CardView(data, self.find)
        first = cards.new_card_id()
        self.editor.card_id = first
        editor_widget = page.mount("kaart", self.editor, item=first, key="kaart")
        self.editor.prefill(CardAnswer(datum=self.today))
        self.editor.done_button.on_click(lambda _b: self.done())
        self.editor.delete_button.on_click(lambda _b: self.delete_current())

        # list
        self.reminder = widgets.HTML()
        self.reminder.add_class("wb-kaart-herinnering")
        self.new_button = widgets.Button(description="Nieuwe kaart", icon="plus", button_style="primary")
        self.new_button.add_class("wb-kaart-nieuw")
        self.new_button.on_click(lambda _b: self.new_card())
        self.list_message = widgets.HTML()
        self.list_message.add_class("wb-kaart-lijstmelding")
        self.rows = widgets.VBox()
        self.rows.add_class("wb-kaart-lijst")
        self.csv = DownloadPanel("wb-kaart-csv", [("csv", tekst("kaart.csv"), self._csv)])
        list_tab = widgets.VBox([self.reminder, self.new_button, self.list_message, self.rows, self.csv.widget])

        # per student
        self.student = widgets.Dropdown(description="Leerling", options=[])
        self.student.add_class("wb-kaart-student")
        self.student.style.description_width = "100px"
        self.student.observe(lambda _c: self._show_history(), names="value")
        self.timeline = widgets.HTML()
        self.timeline.add_class("wb-kaart-geschiedenis")
        self.student_confirm = widgets.Checkbox(description=tekst("kaart.leerling_vinkje"), indent=False)
        self.student_confirm.add_class("wb-kaart-leerling-vinkje")
        self.student_delete = widgets.Button(
            description=tekst("kaart.leerling_verwijderen"), icon="trash", button_style="danger"
        )
        self.student_delete.add_class("wb-kaart-leerling-verwijder")
        self.student_delete.on_click(lambda _b: self.delete_student())
        self.student_message = widgets.HTML()
        self.student_message.add_class("wb-kaart-leerlingmelding")
        for w in (self.student_confirm, self.student_delete):
            w.layout.width = "auto"
        student_tab = widgets.VBox(
            [
                self.student,
                self.timeline,
                widgets.HBox([self.student_confirm, self.student_delete], layout=widgets.Layout(flex_flow="row wrap")),
                self.student_message,
            ]
        )

        # privacy
        days = cards.retention_days()
        kept = tekst("kaart.bewaartermijn", dagen=days) if days else tekst("kaart.geen_bewaartermijn")
        self.all_confirm = widgets.Checkbox(description=tekst("kaart.alles_vinkje"), indent=False)
        self.all_confirm.add_class("wb-kaart-alles-vinkje")
        self.all_delete = widgets.Button(
            description=tekst("kaart.alles_verwijderen"), icon="trash", button_style="danger"
        )
        self.all_delete.add_class("wb-kaart-alles-verwijder")
        self.all_delete.on_click(lambda _b: self.delete_all())
        self.all_message = widgets.HTML()
        self.all_message.add_class("wb-kaart-allesmelding")
        for w in (self.all_confirm, self.all_delete):
            w.layout.width = "auto"
        privacy_tab = widgets.VBox(
            [
                widgets.HTML(
                    html(
                        "<p>{}</p><p class='wb-muted'>{}</p>",
                        kept,
                        tekst("kaart.alles_startpagina"),
                    )
                ),
                widgets.HBox([self.all_confirm, self.all_delete], layout=widgets.Layout(flex_flow="row wrap")),
                self.all_message,
            ]
        )

        self.tabs = page.tabs(
            ("Mijn kaarten", list_tab),
            ("Kaart", editor_widget),
            ("Per leerling", student_tab),
            ("Privacy", privacy_tab),
        )
        self.tabs.add_class("wb-kaart-tabs")
        self.tabs.observe(lambda _c: self.refresh(), names="selected_index")
        privacy = card(html("<p><strong>Privacy.</strong> {} {}</p>", *data.privacy), kind="wb-muted")
        privacy.add_class("wb-kaart-privacyuitleg")
        intro = [card(html("<p>{}</p>", data.inleiding)), privacy]
        sess = self.ctx.session
        if sess is not None and not sess.self_study:
            intro.append(card(html("<p>{}</p>", data.na_de_training), kind="wb-info"))
        self.widget = widgets.VBox([*intro, self.tabs])
        page.parts["kaarten"] = self
        self.refresh()

    # --- data -----------------------------------------------------------------------------

    @property
    def today(self) -> date:
        """The day due dates are measured against."""
        return self._today or date.today()

    def load(self) -> list[StoredCard]:
        """Read the participant's cards from the store (none without a session; a Dutch message on failure)."""
        store, sess = self.ctx.store, self.ctx.session
        if store is None or sess is None:
            self._cards = []
            return self._cards
        try:
            self._cards = cards.load_cards(store, sess)
        except Exception:  # a broken database must not break the page
            log.exception("loading the cards failed")
            self.list_message.value = notice(tekst("kaart.laden_mislukt"), "wb-error")
        return self._cards

    def find(self, card_id: str) -> StoredCard | None:
        """Return a stored card by id (from the last load)."""
        return next((c for c in self._cards if c.id == card_id), None)

    # --- list -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the cards and redraw the list, the reminder and the students."""
        self.editor.flush()
        found = self.load()
        today = self.today
        listed = cards.ordered(found, today)
        if self.ctx.session is None:
            self.reminder.value = notice(tekst("kaart.niet_aangemeld"), "wb-muted")
        elif not found:
            self.reminder.value = notice(tekst("kaart.nog_geen_kaarten"), "wb-muted")
        else:
            due = cards.reminder(found, today)
            self.reminder.value = notice(cards.reminder_text(due), "wb-info" if due.any else "wb-muted")
        old, self.rows.children = self.rows.children, [self._row(c, s) for c, s in listed]
        for row in old:
            close_tree(row)
        self.csv.block(None if found else tekst("kaart.niets_te_downloaden"))
        self.csv.invalidate()
        names = cards.students(found)
        current = self.student.value
        self.student.options = names
        self.student.value = current if current in names else (names[0] if names else None)
        self._show_history()

    def _row(self, stored: StoredCard, state: str) -> widgets.Widget:
        c = stored.card
        follow = (
            f"{STATUS_TEXT[state]}: {date_nl(c.vervolg_datum, weekday=True)}"
            + (f" om {c.vervolg_tijd}" if c.vervolg_tijd else "")
            if c.vervolg_datum and state != "gehouden"
            else STATUS_TEXT[state]
        )
        text = widgets.HTML(
            html(
                '<div class="wb-kaart-rij"><strong>{}</strong> · gesprek van {}{}<br>{}<br>'
                '<span class="wb-kaart-status wb-kaart-{}">{}</span></div>',
                _short(c.leerling or "(geen naam)", 40),
                date_nl(c.datum),
                " (vervolg)" if c.vorige else "",
                _short(c.stap) if c.stap.strip() else tekst("kaart.geen_stap"),
                state.replace("_", "-"),
                follow,
            ),
            layout=widgets.Layout(flex="1 1 320px"),
        )
        open_button = widgets.Button(description="Openen", icon="folder-open", layout=widgets.Layout(width="auto"))
        open_button.add_class("wb-kaart-open")
        open_button.on_click(lambda _b, i=stored.id: self.open(i))
        buttons = [open_button]
        if state != "gehouden":
            follow_button = widgets.Button(
                description="Vervolggesprek", icon="repeat", layout=widgets.Layout(width="auto")
            )
            follow_button.add_class("wb-kaart-vervolg")
            follow_button.on_click(lambda _b, i=stored.id: self.follow_up(i))
            buttons.append(follow_button)
        row = widgets.HBox([text, *buttons], layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        row.add_class("wb-card")
        row.add_class("wb-kaart-item")
        return row

    # --- actions ----------------------------------------------------------------------------

    def _go(self, card_id: str, prefill: CardAnswer | None = None) -> None:
        self.editor.card_id = card_id
        self.editor.switch(cards.exercise_of(card_id))
        if prefill is not None:
            self.editor.prefill(prefill)
        self.editor._render()
        self.tabs.selected_index = 1

    def new_card(self) -> None:
        """Start a new, empty card dated today."""
        self._go(cards.new_card_id(), CardAnswer(datum=self.today))

    def open(self, card_id: str) -> None:
        """Open a saved card in the card tab."""
        self.load()
        if self.find(card_id) is None:
            self.list_message.value = notice(tekst("kaart.bestaat_niet"), "wb-error")
            return
        self._go(card_id)

    def follow_up(self, card_id: str) -> None:
        """Start the follow-up conversation of a card: a new card that shows what was agreed."""
        self.load()
        previous = self.find(card_id)
        if previous is None:
            self.list_message.value = notice(tekst("kaart.bestaat_niet"), "wb-error")
            return
        self._go(cards.new_card_id(), CardAnswer(leerling=previous.card.leerling, datum=self.today, vorige=card_id))

    def done(self) -> None:
        """Save the card and go back to the list."""
        if not self.editor.flush():
            self.editor.message.value = notice(tekst("kaart.niet_bewaard"), "wb-error")
            return
        self.tabs.selected_index = 0
        self.refresh()

    def _delete(self, ids: list[str]) -> int:
        store, sess = self.ctx.store, self.ctx.session
        if store is None or sess is None:
            return 0
        if self.editor.card_id in ids:
            mounted = self.editor._mounted
            if mounted is not None:
                mounted.discard()
        n = store.delete_answers(sess.workshop, sess.participant, [cards.exercise_of(i) for i in ids])
        if self.editor.card_id in ids:
            self._go(cards.new_card_id(), CardAnswer(datum=self.today))
            self.tabs.selected_index = 0
        self.refresh()
        return n

    def delete_current(self) -> None:
        """Delete the card in the editor, every version, after the confirmation tick."""
        if not self.editor.delete_confirm.value:
            self.editor.message.value = notice(tekst("kaart.eerst_vinkje"), "wb-error")
            return
        self.editor.delete_confirm.value = False
        card_id = self.editor.card_id
        self._delete([card_id])
        self.tabs.selected_index = 0
        self.list_message.value = notice(tekst("kaart.verwijderd"), "wb-ok")

    def delete_student(self) -> None:
        """Delete every card of the student chosen, after the confirmation tick."""
        name = self.student.value
        if not name:
            return
        if not self.student_confirm.value:
            self.student_message.value = notice(tekst("algemeen.eerst_vinkje"), "wb-error")
            return
        self.student_confirm.value = False
        ids = [c.id for c in cards.cards_of_student(self.load(), name)]
        self._delete(ids)
        self.student_message.value = notice(tekst("kaart.leerling_verwijderd", aantal=len(ids), naam=name), "wb-ok")

    def delete_all(self) -> None:
        """Delete all of the participant's cards, after the confirmation tick."""
        if not self.all_confirm.value:
            self.all_message.value = notice(tekst("algemeen.eerst_vinkje"), "wb-error")
            return
        self.all_confirm.value = False
        ids = [c.id for c in self.load()]
        self._delete(ids)
        self.all_message.value = notice(tekst("kaart.alles_verwijderd", aantal=len(ids)), "wb-ok")

    # --- per student ------------------------------------------------------------------------

    def _show_history(self) -> None:
        name = self.student.value
        if not name:
            self.timeline.value = notice(tekst("kaart.geen_leerlingen"), "wb-muted")
            self.student_delete.disabled = True
            return
        self.student_delete.disabled = False
        items = []
        for stored in cards.history(self._cards, name):
            c = stored.card
            lines = []
            if c.vorige:
                lines.append(html("<li><em>{}:</em> {}</li>", tekst("kaart.hoe_ging_het"), c.hoe_ging_het or "—"))
            lines.append(html("<li><em>Kleine stap:</em> {}</li>", c.stap or "—"))
            if c.wie_wat:
                lines.append(html("<li><em>{}:</em> {}</li>", tekst("kaart.wie_doet_wat"), c.wie_wat))
            when = (
                date_nl(c.vervolg_datum) + (f" om {c.vervolg_tijd}" if c.vervolg_tijd else "")
                if c.vervolg_datum
                else "niet gepland"
            )
            lines.append(html("<li><em>Vervolg:</em> {}</li>", when))
            items.append(
                html(
                    "<li><strong>{}</strong>{}<ul>{}</ul></li>",
                    date_nl(c.datum, weekday=True),
                    " · vervolggesprek" if c.vorige else " · eerste gesprek",
                    join(lines),
                )
            )
        self.timeline.value = html('<ol class="wb-kaart-tijdlijn">{}</ol>', join(items))

    # --- downloads --------------------------------------------------------------------------

    def _csv(self) -> tuple[bytes, str, str]:
        self.editor.flush()
        found = self.load()
        rows = [(c.card, STATUS_TEXT[s]) for c, s in cards.ordered(found, self.today)]
        return export.cards_csv(rows), f"gesprekskaarten_{self.today:%Y-%m-%d}.csv", CSV_MIME


@module_page("gesprekskaart")
def module(page: ModulePage, today: date | None = None) -> Page:
    """Build module 11: the mentor's gesprekskaarten."""
    data = page_content()
    book = CardBook(page, data, today=today)
    return page.done(book.widget)


def page_content() -> GesprekskaartFile:
    """Load the module's texts (a broken file gives the page's Dutch error through :func:`module_page`)."""
    from workbook import content

    return content.load("gesprekskaart")
