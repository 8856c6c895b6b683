"""Exports of saved work: CSV (plain and for Excel), and the goal card as a printable page and Word."""

from __future__ import annotations

import html
import io
import json
import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from workbook import answers

if TYPE_CHECKING:  # pandas loads only when a CSV is made, not on a participant's page
    import pandas as pd

    from workbook.answers import CardAnswer
    from workbook.practice import GoalCard

__all__ = [
    "answers_table",
    "answers_csv",
    "readable_table",
    "readable_csv",
    "describe_answer",
    "xml_safe",
    "goal_card_html",
    "goal_card_docx",
    "form_html",
    "form_docx",
    "training_docx",
    "card_ics",
    "card_html",
    "card_docx",
    "cards_csv",
    "CARD_FIELDS",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def answers_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a workshop's latest answers with Dutch column names and the answer as JSON text.

    Every answer is written in the current version of its model (see :mod:`workbook.answers`),
    so a file never mixes answer formats.
    """
    import pandas as pd

    out = pd.DataFrame(
        {
            "training": frame["workshop"],
            "deelnemer": frame["participant"],
            "oefening": frame["exercise"],
            "opgeslagen_op": [_local_time(t) for t in frame["saved_at"]],
            "antwoord": [
                json.dumps(_current(ex, a), ensure_ascii=False, sort_keys=True)
                for ex, a in zip(frame["exercise"], frame["answer"], strict=True)
            ],
        }
    )
    return out


def _current(exercise: str, answer: object) -> object:
    """Return the answer in the current version of its model (as stored when no model knows it)."""
    typed = answers.for_exercise(exercise, answer)
    return typed.dump() if typed is not None else answer


def _local_time(value: object) -> str:
    """Return a saved time (UTC; SQLite returns it without zone) in the machine's local time."""
    import pandas as pd

    ts = pd.Timestamp(value if isinstance(value, str | datetime) else str(value))
    if ts.tzinfo is None:
        ts = ts.tz_localize("UTC")
    return ts.to_pydatetime().astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _defuse(value: object) -> object:
    """Stop a spreadsheet from running participant text as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def answers_csv(frame: pd.DataFrame, excel: bool = False) -> bytes:
    """CSV bytes of :func:`answers_table`.

    Parameters
    ----------
    excel : bool
        ``False``: comma separated UTF-8, for analysis tools. ``True``: semicolon separated,
        UTF-8 with a byte order mark, so it opens cleanly in Excel with Dutch settings.
        In both, cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``)
        are defused with a leading apostrophe: any CSV may end up in a spreadsheet.
    """
    table = answers_table(frame).map(_defuse)
    if excel:
        return table.to_csv(index=False, sep=";", lineterminator="\r\n").encode("utf-8-sig")
    return table.to_csv(index=False).encode("utf-8")


def _lines(items: list[str]) -> str:
    return "\n".join(f"{i}. {t.strip()}" for i, t in enumerate(items, 1) if str(t).strip())


def describe_answer(exercise: str, answer: object) -> tuple[str, str, str]:
    """Return an answer as a person reads it: ``(status, score, text)``.

    ``status`` is ``"afgerond"`` or ``"bezig"``; ``score`` is ``"3 van 5"`` where the exercise has
    one (else empty); ``text`` is what the participant wrote or chose, in lines of plain text.
    """
    typed = answers.for_exercise(exercise, answer)
    status = "afgerond" if answers.is_finished(answer) else "bezig"
    if typed is None:
        return status, "", json.dumps(answer, ensure_ascii=False, sort_keys=True)
    score, text = "", ""
    if isinstance(typed, answers.QuizAnswer):
        score = f"{typed.score} van {typed.total}" if typed.total else ""
        wrong = [f"{q.text} (gekozen: {chosen}; juist: {q.answer})" for q, chosen in typed.mistakes()]
        text = f"{len(typed.answers)} vragen beantwoord" + ("\nFout:\n" + _lines(wrong) if wrong else "")
    elif isinstance(typed, answers.RewriteAnswer):
        score = f"{typed.good} van {typed.total} goed" if typed.total else ""
        entries = [typed.answers[k] for k in sorted(typed.answers, key=lambda k: int(k) if k.isdigit() else 0)]
        text = _lines([e.text for e in entries])
    elif isinstance(typed, answers.LabAnswer):
        text = _lines(typed.history)
    elif isinstance(typed, answers.SelfAssessmentAnswer):
        parts = [f"Luisterniveau {typed.niveau}" if typed.niveau else "", typed.lastig, typed.anders]
        text = "\n".join(
            p
            for p in (parts[0], f"Lastig: {parts[1]}" if parts[1] else "", f"Anders: {parts[2]}" if parts[2] else "")
            if p
        )
    elif isinstance(typed, answers.GoalCardAnswer):
        when = f"\nTerugkijken op {typed.evaluation:%d-%m-%Y}" if typed.evaluation else ""
        text = f"Leerling: {typed.student}\nIn plaats van: {typed.instruction}\n{_lines(typed.goals)}{when}"
    elif isinstance(typed, answers.FormAnswer):
        head = "\n".join(
            p
            for p in (
                f"Leerling: {typed.student}" if typed.student else "",
                f"Datum: {typed.date}" if typed.date else "",
            )
            if p
        )
        text = "\n".join(p for p in (head, _lines(typed.answers)) if p)
    elif isinstance(typed, answers.TallyAnswer):
        text = ", ".join(
            p
            for p in (
                f"groep {typed.group}" if typed.group else "",
                f"ronde {typed.round}" if typed.round else "",
                f"rol {typed.role}" if typed.role else "",
            )
            if p
        )
    elif isinstance(typed, answers.ConversationAnswer):
        ends = {
            "bezig": "nog bezig",
            "afspraak": "afspraak gemaakt",
            "dicht": "leerling klapte dicht",
            "tijd_op": "tijd op",
        }
        said = [str(t.get("mentor", "")) for t in typed.turns if isinstance(t, dict) and t.get("mentor")]
        text = (
            f"Uitkomst: {ends[typed.outcome]}; {len(typed.turns)} {'beurt' if len(typed.turns) == 1 else 'beurten'}"
            + ("\n" + _lines(said) if said else "")
        )
    return status, score, text


def readable_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Return one row per participant and exercise, in words: module, exercise, status, score, answer."""
    import pandas as pd

    from workbook import registry

    known = registry.titles()
    rows = []
    for participant, exercise, saved_at, answer in zip(
        frame["participant"], frame["exercise"], frame["saved_at"], frame["answer"], strict=True
    ):
        spec = registry.module_of_exercise(exercise)
        module = registry.title(spec, known) if spec else ""
        name = str(exercise)[len(spec.exercise_prefix) :] if spec else str(exercise)
        status, score, text = describe_answer(exercise, answer)
        rows.append((participant, module, name.replace("_", " "), status, score, text, _local_time(saved_at)))
    columns = ["deelnemer", "module", "oefening", "status", "score", "antwoord", "opgeslagen op"]
    return pd.DataFrame(rows, columns=columns)


def readable_csv(frame: pd.DataFrame) -> bytes:
    """Return the readable table as a CSV for Excel (semicolons, UTF-8 with BOM, formulas defused)."""
    table = readable_table(frame).map(lambda v: _defuse(xml_safe(v)) if isinstance(v, str) else v)
    return table.to_csv(index=False, sep=";", lineterminator="\r\n").encode("utf-8-sig")


# Characters that XML 1.0, and so a Word file, cannot hold (python-docx raises on them).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: object) -> str:
    """``text`` without the control characters a Word document cannot contain."""
    return _XML_ILLEGAL.sub("", str(text))


def _date_nl(card: GoalCard) -> str:
    months = ("januari februari maart april mei juni juli augustus september oktober november december").split()
    d = card.evaluation
    return f"{d.day} {months[d.month - 1]} {d.year}" if d else "nog niet gekozen"


def goal_card_html(card: GoalCard) -> str:
    """Return a self-contained, printable HTML page of the goal card (all text escaped)."""
    e = html.escape
    goals = "".join(f"<li><span class='box'></span>{e(g)}</li>" for g in card.goals)
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Doelenkaart {e(card.student)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 640px; margin: 2em auto; color: #1f2328; }}
h1 {{ font-size: 1.6em; margin-bottom: 0.2em; }}
.sub {{ color: #57606a; margin-top: 0; }}
ol {{ padding-left: 1.4em; font-size: 1.15em; line-height: 1.9; }}
.box {{ display: inline-block; width: 0.9em; height: 0.9em; border: 2px solid #57606a; margin-right: 0.6em;
        vertical-align: -0.1em; }}
.foot {{ margin-top: 2em; border-top: 1px solid #d0d7de; padding-top: 0.6em; }}
@media print {{ body {{ margin: 1cm; }} }}
</style></head><body>
<h1>Doelenkaart van {e(card.student)}</h1>
<p class="sub">In plaats van: &ldquo;{e(card.instruction)}&rdquo;</p>
<ol>{goals}</ol>
<p class="foot">We kijken samen hoe het gaat op: <strong>{e(_date_nl(card))}</strong></p>
</body></html>
"""


def goal_card_docx(card: GoalCard) -> bytes:
    """Return the goal card as a Word document (python-docx)."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    _a4_dutch(doc, "Doelenkaart")
    doc.add_heading(xml_safe(f"Doelenkaart van {card.student}"), level=1)
    intro = doc.add_paragraph()
    intro.add_run(xml_safe(f"In plaats van: \u201c{card.instruction}\u201d")).italic = True
    for goal in card.goals:
        p = doc.add_paragraph(xml_safe(f"\u2610  {goal}"), style="List Number")
        p.runs[0].font.size = Pt(13)
    end = doc.add_paragraph()
    end.add_run("We kijken samen hoe het gaat op: ")
    end.add_run(_date_nl(card)).bold = True
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def form_html(title: str, header: dict[str, str], sections: list[tuple[str, list[str], str]]) -> str:
    """Return a printable page of a filled (or blank) conversation form; all text escaped.

    ``sections`` holds (title, prompts, answer) per part of the form.
    """
    e = html.escape
    head = "".join(f"<p><strong>{e(k)}:</strong> {e(v) or '&nbsp;' * 30}</p>" for k, v in header.items())
    parts = []
    for name, prompts, answer in sections:
        questions = " ".join(e(p) for p in prompts)
        body = e(answer).replace("\n", "<br>") if answer.strip() else "<br>" * 4
        parts.append(f"<h2>{e(name)}</h2><p class='q'>{questions}</p><div class='a'>{body}</div>")
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 720px; margin: 2em auto; color: #1f2328; }}
h1 {{ font-size: 1.5em; }} h2 {{ font-size: 1.1em; margin-bottom: 0.2em; }}
.q {{ color: #57606a; margin-top: 0; }} .a {{ border-bottom: 1px solid #8c959f; min-height: 3em; padding: 4px 0; }}
@media print {{ body {{ margin: 1cm; }} }}
</style></head><body><h1>{e(title)}</h1>{head}{"".join(parts)}</body></html>
"""


def form_docx(title: str, header: dict[str, str], sections: list[tuple[str, list[str], str]]) -> bytes:
    """Return the same form as a Word document (python-docx), with room to write when an answer is empty."""
    from docx import Document

    doc = Document()
    _a4_dutch(doc, title)
    doc.add_heading(xml_safe(title), level=1)
    for key, value in header.items():
        p = doc.add_paragraph()
        p.add_run(xml_safe(f"{key}: ")).bold = True
        p.add_run(xml_safe(value) or "." * 40)
    for name, prompts, answer in sections:
        doc.add_heading(xml_safe(name), level=2)
        doc.add_paragraph(xml_safe(" ".join(prompts))).runs[0].italic = True
        answer = xml_safe(answer)
        for line in answer.splitlines() if answer.strip() else ["." * 80] * 3:
            doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _a4_dutch(doc: Any, title: str) -> None:  # noqa: ANN401 - a python-docx Document
    """Give a Word document A4 pages and Dutch document properties."""
    from docx.shared import Mm

    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
    props = doc.core_properties
    props.title = xml_safe(title)
    props.language = "nl-NL"
    props.author = "Mentorgesprekken-werkboek"


def training_docx(code: str, frame: pd.DataFrame, participants: list[str]) -> bytes:
    """Return the report of one training as a Word document: who took part, then every dashboard panel.

    ``frame`` is the training's latest answers (``Store.frame``), with the role-play rounds in
    ``frame.attrs["rounds"]``; each panel of :data:`workbook.aggregates.PANELS` becomes a table.
    """
    from docx import Document

    from workbook import aggregates

    doc = Document()
    title = f"Training {code}"
    _a4_dutch(doc, title)
    doc.add_heading(xml_safe(title), level=1)
    doc.add_paragraph(
        xml_safe(f"Verslag van {date.today():%d-%m-%Y}. Deelnemers ({len(participants)}): " + ", ".join(participants))
    )
    for panel in aggregates.PANELS:
        table = panel.compute(frame)
        doc.add_heading(xml_safe(f"Module {panel.module} · {panel.title}"), level=2)
        if table.empty:
            doc.add_paragraph(xml_safe(panel.empty_text)).runs[0].italic = True
            continue
        grid = doc.add_table(rows=1, cols=len(table.columns))
        grid.style = "Table Grid"
        for cell, name in zip(grid.rows[0].cells, table.columns, strict=True):
            cell.text = xml_safe(str(name))
            cell.paragraphs[0].runs[0].bold = True
        for row in table.itertuples(index=False):
            cells = grid.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = xml_safe("" if value is None else str(value))
        if table.attrs.get("meer"):
            doc.add_paragraph(f"... en nog {table.attrs['meer']} (in de CSV-download staat alles).")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# The parts of a gesprekskaart as a reader sees them, in order: (field, Dutch heading).
CARD_FIELDS = (
    ("hoe_ging_het", "Hoe ging het sinds de vorige keer?"),
    ("erkend", "Wat ik heb erkend"),
    ("werkt_al", "Wat al werkt"),
    ("stap", "De kleine stap"),
    ("wie_wat", "Wie doet wat"),
)


def _card_header(card: CardAnswer) -> list[tuple[str, str]]:
    from workbook.cards import date_nl

    rows = [("Leerling", card.leerling.strip() or "(geen naam)"), ("Gesprek op", date_nl(card.datum, weekday=True))]
    if card.vervolg_datum is not None:
        when = date_nl(card.vervolg_datum, weekday=True) + (f" om {card.vervolg_tijd}" if card.vervolg_tijd else "")
        rows.append(("Vervolggesprek", when))
    else:
        rows.append(("Vervolggesprek", "nog niet gepland"))
    return rows


def _card_parts(card: CardAnswer) -> list[tuple[str, str]]:
    parts = []
    for field, heading in CARD_FIELDS:
        value = getattr(card, field).strip()
        if field == "hoe_ging_het" and not card.vorige and not value:
            continue  # only a follow-up conversation looks back
        parts.append((heading, value))
    return parts


def card_ics(card: CardAnswer, card_id: str, now: datetime | None = None) -> bytes:
    """Return the follow-up conversation as a calendar invitation (iCalendar, Europe/Amsterdam).

    The event lasts 15 minutes and has a reminder 30 minutes before. The summary names the
    student only as the mentor typed it (a first name or initials); the description holds the
    small step and who does what. Opens in Outlook, Google Calendar and Apple Calendar.

    Raises
    ------
    ValueError
        When the card has no follow-up date (the page does not offer the file then).
    """
    from datetime import timedelta, timezone

    from icalendar import Alarm, Calendar, Event

    from workbook.cards import follow_up_at

    start = follow_up_at(card)
    if start is None:
        raise ValueError("card has no follow-up date")
    cal = Calendar()
    cal.add("prodid", "-//Mentorgesprekken-werkboek//gesprekskaart//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{card_id}@mentorgesprekken-werkboek")
    event.add("dtstamp", (now or datetime.now(timezone.utc)).astimezone(timezone.utc))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=15))
    who = card.leerling.strip() or "leerling"
    event.add("summary", xml_safe(f"Vervolggesprek {who}"))
    lines = []
    if card.stap.strip():
        lines.append(f"Afgesproken stap: {card.stap.strip()}")
    if card.wie_wat.strip():
        lines.append(f"Wie doet wat: {card.wie_wat.strip()}")
    lines.append("Vraag eerst: wat is er beter gegaan sinds ons vorige gesprek?")
    event.add("description", xml_safe("\n".join(lines)))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", xml_safe(f"Vervolggesprek {who} over 30 minuten"))
    alarm.add("trigger", timedelta(minutes=-30))
    event.add_component(alarm)
    cal.add_component(event)
    cal.add_missing_timezones(
        first_date=start.date().replace(month=1, day=1),
        last_date=start.date().replace(year=start.year + 2, month=1, day=1),
    )
    return cal.to_ical()


def card_html(card: CardAnswer) -> str:
    """Return a printable page of one gesprekskaart (all text escaped)."""
    e = html.escape
    head = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in _card_header(card))
    parts = "".join(
        f"<h2>{e(name)}</h2><div class='a'>{e(value).replace(chr(10), '<br>') if value else '&nbsp;'}</div>"
        for name, value in _card_parts(card)
    )
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Gesprekskaart {e(card.leerling.strip())}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 720px; margin: 2em auto; color: #1f2328; }}
h1 {{ font-size: 1.5em; }} h2 {{ font-size: 1.05em; margin: 1.2em 0 0.2em; }}
th {{ text-align: left; padding-right: 1em; }}
.a {{ border-bottom: 1px solid #8c959f; min-height: 2em; padding: 4px 0; }}
@media print {{ body {{ margin: 1cm; }} }}
</style></head><body><h1>Gesprekskaart</h1><table>{head}</table>{parts}</body></html>
"""


def card_docx(card: CardAnswer) -> bytes:
    """Return one gesprekskaart as a Word document (A4, Dutch properties)."""
    from docx import Document

    doc = Document()
    _a4_dutch(doc, "Gesprekskaart")
    doc.add_heading("Gesprekskaart", level=1)
    for key, value in _card_header(card):
        p = doc.add_paragraph()
        p.add_run(xml_safe(f"{key}: ")).bold = True
        p.add_run(xml_safe(value))
    for name, value in _card_parts(card):
        doc.add_heading(xml_safe(name), level=2)
        value = xml_safe(value)
        for line in value.splitlines() if value.strip() else ["." * 80]:
            doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def cards_csv(rows: list[tuple[CardAnswer, str]]) -> bytes:
    """Return all cards as a CSV for Excel (semicolons, UTF-8 with BOM): one row per card, text a person reads.

    ``rows`` holds each card with its state in words (``"vervolg deze week"``). Cells a
    spreadsheet would run as a formula are defused.
    """
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "leerling",
            "gesprek op",
            "hoe ging het",
            "erkend",
            "wat al werkt",
            "kleine stap",
            "wie doet wat",
            "vervolg op",
            "vervolg om",
            "status",
        ]
    )
    for card, state in rows:
        writer.writerow(
            [
                _defuse(xml_safe(v))
                for v in (
                    card.leerling.strip(),
                    card.datum.strftime("%d-%m-%Y") if card.datum else "",
                    card.hoe_ging_het.strip(),
                    card.erkend.strip(),
                    card.werkt_al.strip(),
                    card.stap.strip(),
                    card.wie_wat.strip(),
                    card.vervolg_datum.strftime("%d-%m-%Y") if card.vervolg_datum else "",
                    card.vervolg_tijd,
                    state,
                )
            ]
        )
    return buf.getvalue().encode("utf-8-sig")
