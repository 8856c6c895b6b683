"""Pure renderers: content and feedback in, escaped HTML (:class:`~markupsafe.Markup`) out.

No widgets and no state here: the views and module pages call these. Colour is never the
only signal: lenses show an icon and a word, checks show ✔/✘ and text.
"""

from __future__ import annotations

from workbook import content, feedback
from workbook.content import (
    ELEMENT_IDS,
    HgwFile,
    LeerlingbesprekingFile,
    LuisterenFile,
    MentorrolFile,
    OudersFile,
    Rollenspel,
    SmartiFile,
)
from workbook.practice import Judgement
from workbook.ui.html import EMPTY, Markup, bullets, html, join
from workbook.ui.texts import tekst

__all__ = [
    "lens_badge",
    "lens_dot",
    "question_html",
    "goal_html",
    "elements_html",
    "quoted",
    "judged_question_html",
    "judged_goal_html",
    "role_card",
    "levels_html",
    "smarti_html",
    "meeting_html",
    "hgw_html",
    "parents_html",
    "mentor_role_html",
]

# Symbols every font has (no emoji): the word carries the meaning, the colour only supports it.
LENS = {
    "rood": ("●", "Rode bril", "wb-lens-rood"),
    "groen": ("●", "Groene bril", "wb-lens-groen"),
    "neutraal": ("○", "Neutraal", "wb-lens-neutraal"),
    "twijfel": ("◐", "Twijfel", "wb-lens-twijfel"),
}
CRITERIA_LABELS = {
    "specifiek": "Specifiek",
    "meetbaar": "Meetbaar",
    "tijdgebonden": "Tijdgebonden",
    "positief": "Positief geformuleerd",
}


def lens_badge(lens: str) -> Markup:
    """Return a badge for a lens: icon, word and colour."""
    icon, word, cls = LENS.get(lens, LENS["neutraal"])
    return html('<span class="wb-badge {}"><span class="wb-dot">{}</span> {}</span>', cls, icon, word)


def lens_dot(lens: str) -> Markup:
    """Return only the coloured icon of a lens, for a heading that names the lens itself."""
    icon, _word, cls = LENS.get(lens, LENS["neutraal"])
    return html('<span class="{}"><span class="wb-dot" aria-hidden="true">{}</span></span>', cls, icon)


def question_html(q: feedback.QuestionAnalysis) -> Markup:
    """Badges (question or not, open or closed, lens) and the reasons."""
    if q.is_question:
        kind = "Open vraag" if q.open else "Gesloten vraag"
        badges = html('<span class="wb-badge">{} {}</span> {}', "?" if q.open else "✓✗", kind, lens_badge(q.lens))
    else:
        badges = Markup('<span class="wb-badge">✎ Geen vraag</span>')
    tip = html('<p class="wb-tip"><strong>Tip:</strong> {}</p>', q.suggestion) if q.suggestion else EMPTY
    reasons = join(html("<li>{}</li>", r) for r in q.reasons)
    return html('<div class="wb-card wb-live"><div>{}</div><ul>{}</ul>{}</div>', badges, reasons, tip)


def goal_html(g: feedback.GoalCheck) -> Markup:
    """Return a ✔/✘ line per criterion the text shows, then the tips."""
    rows = join(
        html('<li class="{}">{} {}</li>', "wb-ok-line" if ok else "wb-bad-line", "✔" if ok else "✘", label)
        for key, label in CRITERIA_LABELS.items()
        for ok in (g.criteria[key],)
    )
    if g.tips:
        tips = html("<p><strong>Tips</strong></p>{}", bullets(g.tips))
    else:
        tips = html("<p>✔ {}</p>", tekst("doelen.alles_in_orde"))
    return html('<div class="wb-card wb-live"><ul class="wb-checklist">{}</ul>{}</div>', rows, tips)


def elements_html(text: str, names: dict[str, str]) -> Markup:
    """Which elements an utterance realises and why."""
    ranked, reasons, why_not = feedback.explain_elements(text)
    if not ranked:
        return html('<div class="wb-card wb-live"><p>✘ {}</p></div>', why_not or "")
    items = join(
        html("<li><strong>{}</strong>{}: {}</li>", names.get(e, e), " (vooral)" if i == 0 else "", " ".join(reasons[e]))
        for i, e in enumerate(ranked)
    )
    return html('<div class="wb-card wb-live"><p>✔ {}</p><ul>{}</ul></div>', tekst("elementen.herken_ik"), items)


def quoted(text: str) -> Markup:
    r"""Return text in quotes; a dialogue ("Leerling: ...\\nMentor: ...") goes on separate lines."""
    if "\n" in text:
        return join(text.splitlines(), "<br>")
    return html('"{}"', text)


def judged_question_html(result: Judgement) -> Markup:
    """Return the verdict on a rewritten question, then its analysis."""
    css = "wb-ok-line" if result.ok else "wb-bad-line"
    verdict = html('<p class="{}">{} {}</p>', css, "✔" if result.ok else "✘", result.summary)
    if not isinstance(result.analysis, feedback.QuestionAnalysis):
        raise TypeError("a question rewrite is judged with a question analysis")
    return verdict + question_html(result.analysis)


def judged_goal_html(result: Judgement) -> Markup:
    """Return the verdict on a rewritten goal, then its checklist."""
    if not isinstance(result.analysis, feedback.GoalCheck):
        raise TypeError("a goal rewrite is judged with a goal check")
    return html("<p>{}</p>", result.summary) + goal_html(result.analysis)


def role_card(scenario: Rollenspel, role: str) -> Markup:
    """Return the card one role of a role-play sees; the others stay hidden."""
    if role == "mentor":
        m = scenario.mentor
        return html(
            "<h3>{}</h3><p>{}</p><p><strong>Je doel:</strong> {}</p><p class='wb-muted'>{}</p>",
            tekst("rollenspel.kaart_mentor"),
            m.situatie,
            m.doel,
            tekst("rollenspel.minuten", minuten=scenario.minuten),
        )
    if role == "leerling":
        s = scenario.leerling
        return html(
            "<h3>{}</h3><p>{}</p><p><strong>{}</strong> {}</p><p><strong>{}</strong> {}</p>"
            "<p><strong>{}</strong> {}</p><p><strong>{}</strong></p>{}",
            tekst("rollenspel.kaart_leerling"),
            s.achtergrond,
            tekst("rollenspel.leerling_gevoel"),
            s.gevoel,
            tekst("rollenspel.leerling_erkenning"),
            s.bij_erkenning,
            tekst("rollenspel.leerling_advies"),
            s.bij_advies,
            tekst("rollenspel.leerling_zinnen"),
            bullets(s.zinnen),
        )
    names = content.element_names()
    phrasings = join(
        html("<li><strong>{}:</strong> {}</li>", names.get(e, e), " / ".join(scenario.formuleringen[e]))
        for e in ELEMENT_IDS
    )
    return html(
        "<h3>{}</h3><p>{}</p><p><strong>Let op:</strong></p>{}<details><summary>{}</summary><ul>{}</ul></details>",
        tekst("rollenspel.kaart_observator"),
        tekst("rollenspel.observator"),
        bullets(scenario.observator.let_op),
        tekst("rollenspel.voorbeeldzinnen"),
        phrasings,
    )


def levels_html(data: LuisterenFile) -> Markup:
    """Return the four levels of listening, each with its signals and effect."""
    levels = join(
        html(
            "<h4>Niveau {}: {}</h4><p>{}</p><p class='wb-muted'>{}</p>{}<p><em>{}</em></p>",
            n.niveau,
            n.naam,
            n.beschrijving,
            tekst("luisteren.herkennen"),
            bullets(n.signalen),
            n.effect,
        )
        for n in data.niveaus
    )
    return html('<div class="wb-card"><p>{}</p>{}</div>', data.inleiding, levels)


def smarti_html(data: SmartiFile) -> Markup:
    """Return the SMARTI criteria as a table, and two examples from help question to goal."""
    rows = join(
        html(
            "<tr><td><strong>{}</strong></td><td><strong>{}</strong><br>{}</td><td><em>{}</em></td></tr>",
            c.letter,
            c.naam,
            c.uitleg,
            c.controlevraag,
        )
        for c in data.criteria
    )
    examples = join(
        html(
            "<li><strong>Hulpvraag:</strong> {}<br>✘ {} <span class='wb-muted'>({})</span><br>✔ {}</li>",
            v.hulpvraag,
            v.fout_doel,
            v.waarom_fout,
            v.goed_doel,
        )
        for v in data.voorbeelden[:2]
    )
    return html(
        '<div class="wb-card"><p>{}</p><table class="wb-table">'
        "<tr><th></th><th>Criterium</th><th>{}</th></tr>{}</table><h4>{}</h4><ul>{}</ul></div>",
        data.inleiding,
        tekst("doelen.vraag_kolom"),
        rows,
        tekst("doelen.voorbeelden_titel"),
        examples,
    )


def meeting_html(data: LeerlingbesprekingFile) -> Markup:
    """Return the leerlingbespreking: goals, five characteristics and three parts."""
    kenmerken = join(
        html("<tr><td><strong>{}</strong></td><td><em>{}</em><br>{}</td></tr>", k.naam, k.vraag, k.uitleg)
        for k in data.kenmerken
    )
    onderdelen = join(
        html("<h4>{}. {}</h4><p>{}</p>{}", i, o.naam, o.uitleg, bullets(o.vragen))
        for i, o in enumerate(data.onderdelen, 1)
    )
    return html(
        '<div class="wb-card"><p>{}</p><h4>Het doel</h4>{}<h4>Vijf kenmerken</h4><table class="wb-table">{}</table>'
        "<h3>Drie onderdelen</h3>{}</div>",
        data.inleiding,
        bullets(data.doelen),
        kenmerken,
        onderdelen,
    )


def hgw_html(data: HgwFile) -> Markup:
    """Return the seven principles of handelingsgericht werken (HGW), each with what it asks of a mentor."""
    rows = join(
        html(
            "<tr><td><strong>{}. {}</strong></td><td>{}<br><em>Als mentor: {}</em></td></tr>",
            p.nummer,
            p.naam,
            p.uitleg,
            p.voor_de_mentor,
        )
        for p in data.principes
    )
    return html('<div class="wb-card wb-hgw"><p>{}</p><table class="wb-table">{}</table></div>', data.inleiding, rows)


def parents_html(data: OudersFile) -> Markup:
    """Return the four guidelines for talking with parents, and metacommunication."""
    guidelines = join(
        html("<h4>{}. {}</h4><p>{}</p><p class='wb-muted'>Bijvoorbeeld: {}</p>", i, r.naam, r.uitleg, r.voorbeeld)
        for i, r in enumerate(data.richtlijnen, 1)
    )
    meta = data.metacommunicatie
    return html(
        '<div class="wb-card"><p>{}</p><h3>Vier richtlijnen</h3>{}<h3>{}</h3><p>{}</p>{}</div>',
        data.inleiding,
        guidelines,
        tekst("ouders.metacommunicatie_titel"),
        meta.uitleg,
        bullets(meta.voorbeelden),
    )


def mentor_role_html(data: MentorrolFile) -> Markup:
    """Return what belongs to the mentor role, what is passed on, and themes that need attention."""
    themes = join(html("<p><strong>{}.</strong> {}</p>", a.titel, " ".join(a.vragen)) for a in data.aandachtspunten)
    return html(
        '<div class="wb-card"><p>{}</p><h4>{}</h4>{}<h4>{}</h4>{}'
        '<div class="wb-card wb-info">{}</div><h4>{}</h4>{}</div>',
        data.inleiding,
        tekst("mentorrol.wel_titel"),
        bullets(data.wel_mentortaak),
        tekst("mentorrol.niet_titel"),
        bullets(data.niet_mentortaak),
        data.doorverwijzen,
        tekst("mentorrol.aandacht_titel"),
        themes,
    )
