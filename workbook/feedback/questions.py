"""Judge a mentor's question: is it a question, is it open or closed, and which lens does it look through."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbook.feedback import lexicon as lx
from workbook.feedback.model import lens_model
from workbook.feedback.text import clauses, fix_first_word, normalise, sentences, words

__all__ = ["QuestionAnalysis", "analyse_question"]


@dataclass(frozen=True)
class QuestionAnalysis:
    """The judgement on one question (see DESIGN.md for the contract)."""

    is_question: bool
    open: bool
    lens: str  # "rood" | "groen" | "neutraal" | "twijfel" (signs of both, too close to call)
    reasons: list[str] = field(default_factory=list)
    suggestion: str | None = None
    # Reason codes, for programs: the form ("vraagwoord", "uitnodiging", "ja_nee", "keuze",
    # "staartje", "geen_vraag") and the codes of the lens cues that decided ("oorzaak", ...).
    codes: list[str] = field(default_factory=list)


def _pick_sentence(text: str) -> tuple[str, str]:
    """Return the sentence that carries the question, and the text the lens is judged on.

    The first question is taken, unless it is a two-word follow-up ("En toen?") and a longer one
    comes after. A short question that points back ("Hoe doe je dat?") is judged together with
    the sentence before it: "Mij valt op dat het soms wel lukt. Hoe doe je dat?" looks at what works.
    """
    parts = sentences(text)
    if not parts:
        return "", ""
    questions = [i for i, s in enumerate(parts) if s.endswith("?")]
    if len(questions) > 1 and len(words(parts[questions[0]])) <= 2:
        questions = questions[1:]
    i = questions[0] if questions else len(parts) - 1
    sentence = parts[i]
    if i > 0 and len(words(sentence)) <= 5:
        return sentence, f"{parts[i - 1]} {sentence}"
    return sentence, sentence


def _without_particles(chunk_words: list[str]) -> list[str]:
    """Drop spoken particles before the question itself ("En wat hielp toen?", "Hmm, oké, ...")."""
    while len(chunk_words) > 1 and chunk_words[0] in lx.PARTICLES:
        chunk_words = chunk_words[1:]
    return chunk_words


def _starts_question(chunk_words: list[str], chunk: str, has_mark: bool) -> str | None:
    """Tell how a clause opens a question: 'vraagwoord', 'uitnodiging', 'werkwoord', or None."""
    chunk_words = _without_particles(chunk_words)
    if not chunk_words:
        return None
    if lx.INVITATION.search(chunk):
        return "uitnodiging"
    if has_mark and len(chunk_words) <= 2 and chunk_words[0] in lx.FOLLOW_UP:
        return "vraagwoord"  # "En nu?", "En toen?", "En verder?", "Wat nog meer?"
    qw = fix_first_word(chunk_words, lx.QUESTION_WORDS)
    if qw is None and chunk_words[0] in lx.PREPOSITIONS and len(chunk_words) > 1:
        qw = fix_first_word(chunk_words[1:], lx.QUESTION_WORDS)  # "Op welke dagen...", "Met wie..."
    if qw is not None:
        if qw in ("wat", "hoe") and len(chunk_words) > 1 and chunk_words[1] in lx.EXCLAMATION_AFTER_WAT:
            if not has_mark or len(chunk_words) <= 3:
                return None  # "Wat fijn!", "Hoe leuk."
        return "vraagwoord"
    first = chunk_words[0]
    second = chunk_words[1] if len(chunk_words) > 1 else ""
    if first in lx.FINITE_VERBS and (second in lx.PRONOUNS_AFTER_VERB or has_mark):
        return "werkwoord"
    if has_mark and second in lx.PRONOUNS_AFTER_VERB and first not in lx.PRONOUNS_AFTER_VERB and len(first) > 2:
        return "werkwoord"  # an unlisted verb: "Oefen je thuis?"
    return None


@dataclass
class _Scores:
    """Red and green points for one sentence, with the reasons that earned them (in order)."""

    red: float = 0.0
    green: float = 0.0
    red_reasons: list[str] = field(default_factory=list)
    green_reasons: list[str] = field(default_factory=list)
    red_codes: list[str] = field(default_factory=list)
    green_codes: list[str] = field(default_factory=list)

    def add_red(self, weight: float, reason: str, code: str) -> None:
        self.red += weight
        self.red_reasons.append(reason)
        self.red_codes.append(code)

    def add_green(self, weight: float, reason: str, code: str) -> None:
        self.green += weight
        self.green_reasons.append(reason)
        self.green_codes.append(code)

    def add_cues(self, cues: tuple[lx.Cue, ...], sentence: str, *, green: bool) -> bool:
        """Score every cue that matches ``sentence``; return whether any did."""
        matched = False
        for cue in cues:
            if cue.pattern.search(sentence):
                matched = True
                (self.add_green if green else self.add_red)(cue.weight, cue.reason, cue.code)
        return matched


def _mood(sentence: str, scores: _Scores) -> tuple[bool, bool, bool]:
    """Read whether a sentence is about a problem, a success, and what does work ('wel').

    An implicit reproach ("heb je wel ...?") scores red and cancels the success signals.

    Returns
    -------
    tuple of bool
        ``(negative, success, wel)``.
    """
    negative = lx.NEG_RE.search(sentence) is not None
    success = lx.SUCCESS_RE.search(sentence) is not None
    wel = lx.WEL_RE.search(sentence) is not None
    if lx.IMPLICIT_BLAME.search(sentence):
        wel = success = False  # "heb je wel ...?" doubts the student; it is not about what works
        scores.add_red(2.5, "Een ja/nee-vraag met 'wel' klinkt als een verwijt ('Heb je wel...?').", "verwijt_met_wel")
    if re.search(r"\bweer\b", sentence) and not success:
        negative = True  # "weer" marks a problem that repeats
    return negative, success, wel


def _score_waarom(sentence: str, scores: _Scores, negative: bool, success: bool, wel: bool) -> None:
    """Score 'waarom': green about what went well, else red (asks the student to justify)."""
    if not re.search(r"\bwaarom\b", sentence):
        return
    choice = re.search(r"\b(kies|kiest|koos|gekozen|keuze|kiezen)\b", sentence) is not None
    if wel or (success and not negative):
        scores.add_green(
            1.6, "'Waarom' over iets wat goed ging: dat helpt de leerling zien wat werkt.", "waarom_succes"
        )
    else:
        # "waarom" about what the student did asks for justification; about a choice it is information
        scores.add_red(
            2.0 if negative else (0.6 if choice else 1.2),
            "'Waarom' vraagt de leerling zich te verantwoorden.",
            "rode_waarom",
        )


def _score_success_and_absence(
    sentence: str, scores: _Scores, negative: bool, success: bool, wel: bool, family: bool
) -> None:
    """Score asking after what works (green) and after what is absent or not done (red)."""
    if wel and success and not re.search(r"\bwaarom\b", sentence):
        scores.add_green(1.2, "Vraagt naar wat wel lukt.", "wat_wel_lukt")
    elif lx.STRONG_SUCCESS_RE.search(sentence) and not negative:
        scores.add_green(1.0, "Gaat over wat lukt.", "wat_lukt")
    if re.search(r"\b(niet|geen|nooit|niks|niets)\b", sentence) and not wel and not success and not family:
        scores.add_red(1.0, "Vraagt naar wat er niet is of niet gebeurt.", "afwezigheid")
    # "hoe komt het dat het goed ging" is green, not red
    if re.search(r"\bhoe (komt|kwam|kan|kon) het\b", sentence) and success and not negative:
        scores.red -= 1.0
        scores.green += 1.0
    if re.search(r"\b(niet|nooit|geen)\b", sentence) and not wel and not family:
        scores.green -= 0.6  # negated success words point at the problem ("wat lukt er niet")


def _focus(sentence: str) -> str:
    """Return the sentence without its context clauses ('ook al ...', 'terwijl ...', a leading 'als ...,').

    What such a clause names is the situation, not what the question asks the student to look at.
    """
    return lx.CONTEXT_CLAUSE.sub(" ", sentence)


_CAUSE_CODES = frozenset(
    {"oorzaak", "schuld", "verantwoording", "rode_waarom", "verwijt_met_wel", "verwijt", "incident"}
)


def _asks_about_absence(sentence: str, scores: _Scores) -> bool:
    """Tell whether a question looks at a moment without the problem (negation scope).

    A problem word right after a negation ("geen ruzie"), or a negation inside a clause that
    describes a moment or a wish ("als je niet meer...", "lessen waarin hij zich niet laat
    afleiden"), unless the question asks why or for a cause ("Hoe komt het dat je niet...").
    """
    if re.search(r"\bwaarom\b", sentence) or _CAUSE_CODES & set(scores.red_codes):
        return False
    return bool(lx.NEGATED_PROBLEM.search(sentence) or lx.ABSENCE_IN_CLAUSE.search(sentence))


def _lens_scores(sentence: str) -> tuple[_Scores, bool]:
    """Score a sentence red and green; also return whether it says what does work ('wel')."""
    scores = _Scores()
    negative, success, wel = _mood(sentence, scores)
    family = scores.add_cues(lx.SF_FAMILIES, sentence, green=True)
    _score_waarom(sentence, scores, negative, success, wel)
    scores.add_cues(lx.RED, _focus(sentence), green=False)  # not what a context clause names
    if _asks_about_absence(sentence, scores):
        # "Op welke dagen is er geen ruzie?", "Wat doe je als je niet meer opziet tegen zwemmen?":
        # a moment without the problem is an exception, or the future the student wants
        scores.add_green(1.5, "Vraagt naar een moment zonder het probleem: een uitzondering.", "uitzondering")
        family = True
    scores.add_cues(lx.GREEN, sentence, green=True)
    _score_success_and_absence(sentence, scores, negative, success, wel, family)
    return scores, wel


# A red verdict is only given with a lead of at least this many points over clear green
# evidence: calling a solution-focused question "probleemgericht" costs a trainer's trust more
# than an honest "twijfel" does. Set on development round 5 (see docs/feedback.md).
TWIJFEL_MARGIN = 1.0
WEAK_RED = 1.0  # one topic cue (a problem word), no cue about causes, blame or deficits
TWIJFEL_REASON = (
    "Twijfel: deze vraag heeft kenmerken van allebei de brillen. Kijk zelf: vraagt hij naar het probleem "
    "en de oorzaak (rood), of naar wat de leerling wil, wat al lukt of wat helpt (groen)?"
)


def _doubtful_red(sentence: str, red: float, green: float) -> bool:
    """Tell whether a red verdict is too weak to give.

    It is when clear green evidence comes close, or when it rests on one problem word in a
    question that looks forward (see :data:`~workbook.feedback.lexicon.ORIENTED_FORWARD`).
    """
    if green >= 1.0 and red - green < TWIJFEL_MARGIN:
        return True
    return red <= WEAK_RED and lx.ORIENTED_FORWARD.search(sentence) is not None


# The word model (see workbook.feedback.model) decides where the rules find nothing or doubt:
# green from this probability on, red only from a higher one (green judged red costs most).
MODEL_GREEN = 0.6
MODEL_RED = 0.9
MODEL_VETO = 0.8  # a red verdict of the rules becomes 'twijfel' when the words look this green


def _lens(sentence: str) -> tuple[str, list[str], list[str]]:
    """Decide the lens of a sentence (rood, groen, neutraal or twijfel), why in Dutch, and the reason codes.

    The rules decide; where they find no cue (neutraal) or doubt (twijfel), the word model may.
    """
    lens, reasons, codes = _lens_by_rules(sentence)
    if lens == "groen":
        return lens, reasons, codes
    guess = lens_model().guess(sentence)
    if guess is None or not guess.evidence:
        return lens, reasons, codes
    words_named = ", ".join(f"'{w}'" for w in guess.evidence)
    if lens == "rood":
        if guess.label == "groen" and guess.probability >= MODEL_VETO:
            # the rules saw a problem, the words look solution-focused: say so rather than call it red
            why = f"Woorden als {words_named} komen vooral voor in oplossingsgerichte vragen."
            return "twijfel", [TWIJFEL_REASON, why, *reasons], ["twijfel", "woordmodel", *codes]
        return lens, reasons, codes
    if guess.label == "groen" and guess.probability >= MODEL_GREEN:
        return "groen", [f"Woorden als {words_named} komen vooral voor in oplossingsgerichte vragen."], ["woordmodel"]
    if lens == "neutraal" and guess.label == "rood" and guess.probability >= MODEL_RED:
        return "rood", [f"Woorden als {words_named} komen vooral voor in probleemgerichte vragen."], ["woordmodel"]
    return lens, reasons, codes


def _lens_by_rules(sentence: str) -> tuple[str, list[str], list[str]]:
    """Decide the lens by the rules alone (see :func:`_lens`)."""
    scores, wel = _lens_scores(sentence)
    red, green = scores.red, scores.green
    if red < 1.0 and green < 1.0:
        return (
            "neutraal",
            ["Vraagt naar feitelijke informatie, niet naar het probleem of een oplossing."],
            ["informatie"],
        )
    green_side = (_dedupe(scores.green_reasons), _dedupe(scores.green_codes))
    red_side = (_dedupe(scores.red_reasons), _dedupe(scores.red_codes))
    if red >= green and not wel and _doubtful_red(sentence, red, green):
        return "twijfel", [TWIJFEL_REASON, *green_side[0], *red_side[0]], ["twijfel", *green_side[1], *red_side[1]]
    if red > green or (red == green and not wel):
        return "rood", *red_side
    return "groen", *green_side


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _question_clause(chunks: list[str], has_mark: bool) -> tuple[str | None, str]:
    """Find the clause that carries the question: the last one that opens like a question.

    Returns
    -------
    tuple
        How it opens (see :func:`_starts_question`) and the clause; ``(None, chunks[0])``
        when no clause opens like a question.
    """
    found = [(kind, chunk) for chunk in chunks if (kind := _starts_question(words(chunk), chunk, has_mark))]
    # a question word outranks a verb: in "Waar ben je sterk in, denk je?" the question is the first clause
    for kind, chunk in reversed(found):
        if kind != "werkwoord":
            return kind, chunk
    return found[-1] if found else (None, chunks[0])


def _question_word_in(sentence: str) -> str:
    """Return the first question word of a sentence ("in welke les ..." → "welke"), or ``""``."""
    return next((w for w in words(sentence) if w in lx.QUESTION_WORDS), "")


def _open_or_closed(
    kind: str | None, tag: str | None, first_word: str, choice_later: bool, sentence: str
) -> tuple[bool, str, str]:
    """Decide whether a question is open, with the Dutch reason and a code.

    Parameters
    ----------
    kind : str or None
        How the question clause opens (see :func:`_starts_question`).
    tag : str or None
        The tag the question ends with ("toch?"), which makes it suggestive and closed.
    first_word : str
        The first word of the question clause, named in the reason.
    choice_later : bool
        Whether a clause after the question word offers a choice ('... of ...').
    sentence : str
        The whole sentence.
    """
    if tag is not None:
        return (
            False,
            f"Eindigt met '{tag}?': een suggestieve vraag waarop de leerling ja zegt (gesloten).",
            "staartje",
        )
    if kind == "uitnodiging":
        return True, "Een uitnodiging om te vertellen: een open vraag.", "uitnodiging"
    if kind == "vraagwoord":
        if not choice_later:
            if first_word in lx.QUESTION_WORDS:
                return True, f"Begint met het vraagwoord '{first_word}': een open vraag.", "vraagwoord"
            found = _question_word_in(sentence)
            if found:
                return True, f"Een vraag met het vraagwoord '{found}': een open vraag.", "vraagwoord"
            return True, "Een vraag met een vraagwoord: een open vraag.", "vraagwoord"
        return False, "Eindigt met een keuze tussen opties ('... of ...'): een gesloten vraag.", "keuze"
    if lx.CHOICE.search(sentence):
        return False, "Een keuze tussen opties die jij noemt ('... of ...'): een gesloten vraag.", "keuze"
    if kind == "werkwoord" and first_word in lx.FINITE_VERBS:
        return False, f"Begint met het werkwoord '{first_word}': een ja/nee-vraag (gesloten).", "ja_nee"
    if kind == "werkwoord" and first_word not in lx.PREPOSITIONS and first_word not in lx.CONJUNCTIONS:
        return False, f"Begint met een werkwoord ('{first_word}'): een ja/nee-vraag (gesloten).", "ja_nee"
    return False, "Een vraag zonder vraagwoord: de leerling kan met ja of nee antwoorden (gesloten).", "ja_nee"


def analyse_question(text: object) -> QuestionAnalysis:
    """Judge a question a mentor could ask.

    Parameters
    ----------
    text : str
        Any text; other types give a non-question with a reason.

    Returns
    -------
    QuestionAnalysis
        ``is_question``, ``open``, ``lens`` ("rood", "groen", "neutraal", or "twijfel" when it
        shows signs of both lenses too close to call), Dutch ``reasons``
        and a rewrite ``suggestion`` (closed to open, red to green) or ``None``.
    """
    if not isinstance(text, str):
        return QuestionAnalysis(False, False, "neutraal", ["Er is geen tekst om te beoordelen."])
    norm, cut = normalise(text)
    if not words(norm):
        return QuestionAnalysis(False, False, "neutraal", ["Er staat (nog) geen vraag."])
    sentence, lens_text = _pick_sentence(norm)
    has_mark = sentence.endswith("?")
    chunks = clauses(sentence) or [sentence]
    reasons: list[str] = []

    kind, head = _question_clause(chunks, has_mark)
    tail = chunks[-1]
    tail_words = words(tail)
    tag = has_mark and len(chunks) > 1 and (tail in lx.TAG_WORDS or " ".join(tail_words) in lx.TAG_WORDS)

    is_question = (has_mark or kind is not None) and not (sentence.endswith("!") and kind != "uitnodiging")
    if not has_mark and kind == "vraagwoord" and head == chunks[0] and len(chunks) > 1 and sentence.endswith("."):
        is_question = False  # "Wanneer je zover bent, starten we.": a clause, not a question
    if not has_mark and kind == "werkwoord" and head != chunks[0]:
        is_question = False  # "Als ik het goed begrijp, lukt het op woensdag niet.": inversion after a clause
    if not is_question:
        lens, lens_reasons, lens_codes = _lens(lens_text)
        if sentence.endswith("!"):
            reasons.append("Dit is een uitroep, geen vraag.")
        elif words(sentence) and words(sentence)[0] in lx.QUESTION_WORDS:
            reasons.append("Dit is geen vraag maar een mededeling: er staat geen vraagteken.")
        else:
            reasons.append("Dit is geen vraag: er staat geen vraagteken en de zin begint niet met een vraagwoord.")
        return QuestionAnalysis(False, False, lens, reasons + lens_reasons, None, ["geen_vraag", *lens_codes])

    first_word = words(head)[0] if words(head) else ""
    after_head = chunks[chunks.index(head) + 1 :] if head in chunks else []
    choice_later = any(lx.CHOICE.search(c) and not fix_first_word(words(c), lx.QUESTION_WORDS) for c in after_head)
    is_open, why, form = _open_or_closed(kind, tail if tag else None, first_word, choice_later, sentence)
    reasons.append(why)
    if not has_mark and kind != "uitnodiging":  # "Vertel eens wat er gebeurde." needs no question mark
        reasons.append("Let op: het vraagteken ontbreekt.")
    if cut:
        reasons.append("Alleen het begin van deze lange tekst is bekeken.")

    lens, lens_reasons, lens_codes = _lens(lens_text)
    reasons.extend(lens_reasons)
    return QuestionAnalysis(
        True, is_open, lens, reasons, _suggest(is_open, lens, first_word, sentence), [form, *lens_codes]
    )


def _suggest(is_open: bool, lens: str, first_word: str, sentence: str) -> str | None:
    tips = []
    if not is_open and first_word in lx.QUESTION_WORDS:
        # closed by a choice ("Wil je wiskunde of Frans?"): the question word is fine, the options are not
        tips.append("Maak er een open vraag van: laat de keuze tussen opties weg en laat de leerling zelf antwoorden.")
    elif not is_open:
        named = first_word and first_word not in lx.PREPOSITIONS and first_word not in lx.CONJUNCTIONS
        verb = f" in plaats van met '{first_word}'" if named else ""
        tips.append(
            f"Maak er een open vraag van: begin met 'wat', 'hoe' of 'wanneer'{verb}, of nodig uit met 'Vertel eens...'."
        )
    if lens == "rood":
        if re.search(r"\bwaarom\b", sentence):
            tips.append(
                "Vervang 'waarom' door een groene vraag: 'Wanneer lukt het wel?' of 'Wat wil je in plaats daarvan?'"
            )
        else:
            tips.append(
                "Kijk door de groene bril: vraag wat de leerling wil bereiken, wanneer het wel lukt of wat een "
                "kleine eerste stap kan zijn."
            )
    return " ".join(tips) or None
