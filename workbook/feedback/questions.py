"""Is it a question, is it open or closed, and which lens does it look through?"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbook.feedback import lexicon as lx
from workbook.feedback.text import clauses, fix_first_word, normalise, sentences, words

__all__ = ["QuestionAnalysis", "analyse_question"]


@dataclass(frozen=True)
class QuestionAnalysis:
    """The judgement on one question (see DESIGN.md for the contract)."""

    is_question: bool
    open: bool
    lens: str  # "rood" | "groen" | "neutraal"
    reasons: list[str] = field(default_factory=list)
    suggestion: str | None = None


def _pick_sentence(text: str) -> str:
    parts = sentences(text)
    if not parts:
        return ""
    for s in parts:
        if s.endswith("?"):
            return s
    return parts[-1]


def _starts_question(chunk_words: list[str], chunk: str, has_mark: bool) -> str | None:
    """How a clause opens a question: 'vraagwoord', 'uitnodiging', 'werkwoord', or None."""
    if not chunk_words:
        return None
    if lx.INVITATION.search(chunk):
        return "uitnodiging"
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


def _lens(sentence: str) -> tuple[str, list[str]]:
    red = green = 0.0
    red_reasons: list[str] = []
    green_reasons: list[str] = []
    negative = lx.NEG_RE.search(sentence) is not None
    success = lx.SUCCESS_RE.search(sentence) is not None
    wel = lx.WEL_RE.search(sentence) is not None

    if lx.IMPLICIT_BLAME.search(sentence):
        wel = success = False  # "heb je wel ...?" doubts the student; it is not about what works
        red += 2.5
        red_reasons.append("Een ja/nee-vraag met 'wel' klinkt als een verwijt ('Heb je wel...?').")
    family = False
    for pattern, weight, reason in lx.SF_FAMILIES:
        if pattern.search(sentence):
            family = True
            green += weight
            green_reasons.append(reason)
    if re.search(r"\bweer\b", sentence) and not success:
        negative = True  # "weer" marks a problem that repeats
    if re.search(r"\bwaarom\b", sentence):
        choice = re.search(r"\b(kies|kiest|koos|gekozen|keuze|kiezen)\b", sentence) is not None
        if wel or (success and not negative):
            green += 1.6
            green_reasons.append("'Waarom' over iets wat goed ging: dat helpt de leerling zien wat werkt.")
        else:
            # "waarom" about what the student did asks for justification; about a choice it is information
            red += 2.0 if negative else (0.6 if choice else 1.2)
            red_reasons.append("'Waarom' vraagt de leerling zich te verantwoorden.")
    for pattern, weight, reason in lx.RED:
        if pattern.search(sentence):
            red += weight
            red_reasons.append(reason)
    for pattern, weight, reason in lx.GREEN:
        if pattern.search(sentence):
            green += weight
            green_reasons.append(reason)
    if wel and success and not re.search(r"\bwaarom\b", sentence):
        green += 1.2
        green_reasons.append("Vraagt naar wat wel lukt.")
    elif lx.STRONG_SUCCESS_RE.search(sentence) and not negative:
        green += 1.0
        green_reasons.append("Gaat over wat lukt.")
    if re.search(r"\b(niet|geen|nooit|niks|niets)\b", sentence) and not wel and not success and not family:
        red += 1.0
        red_reasons.append("Vraagt naar wat er niet is of niet gebeurt.")
    # "hoe komt het dat het goed ging" is green, not red
    if re.search(r"\bhoe (komt|kwam|kan|kon) het\b", sentence) and success and not negative:
        red -= 1.0
        green += 1.0
    if re.search(r"\b(niet|nooit|geen)\b", sentence) and not wel:
        green -= 0.6  # negated success words point at the problem ("wat lukt er niet")
    if red < 1.0 and green < 1.0:
        return "neutraal", ["Vraagt naar feitelijke informatie, niet naar het probleem of een oplossing."]
    if red > green:
        return "rood", _dedupe(red_reasons)
    if green > red:
        return "groen", _dedupe(green_reasons)
    return ("groen", _dedupe(green_reasons)) if wel else ("rood", _dedupe(red_reasons))


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def analyse_question(text: object) -> QuestionAnalysis:
    """Judge a question a mentor could ask.

    Parameters
    ----------
    text : str
        Any text; other types give a non-question with a reason.

    Returns
    -------
    QuestionAnalysis
        ``is_question``, ``open``, ``lens`` ("rood", "groen", "neutraal"), Dutch ``reasons``
        and a rewrite ``suggestion`` (closed to open, red to green) or ``None``.
    """
    if not isinstance(text, str):
        return QuestionAnalysis(False, False, "neutraal", ["Er is geen tekst om te beoordelen."])
    norm, cut = normalise(text)
    if not words(norm):
        return QuestionAnalysis(False, False, "neutraal", ["Er staat (nog) geen vraag."])
    sentence = _pick_sentence(norm)
    has_mark = sentence.endswith("?")
    chunks = clauses(sentence) or [sentence]
    reasons: list[str] = []

    # the clause that carries the question: the last one that opens like a question
    kind, head = None, chunks[0]
    for chunk in reversed(chunks):
        kind = _starts_question(words(chunk), chunk, has_mark)
        if kind:
            head = chunk
            break
    tail = chunks[-1]
    tail_words = words(tail)
    tag = has_mark and len(chunks) > 1 and (tail in lx.TAG_WORDS or " ".join(tail_words) in lx.TAG_WORDS)

    is_question = has_mark or kind is not None
    if sentence.endswith("!") and kind != "uitnodiging":
        is_question = False
    if not is_question:
        lens, lens_reasons = _lens(sentence)
        reasons.append("Dit is geen vraag: er staat geen vraagteken en de zin begint niet met een vraagwoord.")
        return QuestionAnalysis(False, False, lens, reasons + lens_reasons, None)

    first_word = words(head)[0] if words(head) else ""
    after_head = chunks[chunks.index(head) + 1 :] if head in chunks else []
    choice_later = any(lx.CHOICE.search(c) and not fix_first_word(words(c), lx.QUESTION_WORDS) for c in after_head)
    if tag:
        is_open = False
        reasons.append(f"Eindigt met '{tail}?': een suggestieve vraag waarop de leerling ja zegt (gesloten).")
    elif kind == "uitnodiging":
        is_open = True
        reasons.append("Een uitnodiging om te vertellen: een open vraag.")
    elif kind == "vraagwoord":
        is_open = not choice_later
        if is_open:
            reasons.append(f"Begint met het vraagwoord '{first_word}': een open vraag.")
        else:
            reasons.append("Eindigt met een keuze tussen opties ('... of ...'): een gesloten vraag.")
    else:
        is_open = False
        if lx.CHOICE.search(sentence):
            reasons.append("Een keuze tussen opties die jij noemt ('... of ...'): een gesloten vraag.")
        elif kind == "werkwoord":
            reasons.append(f"Begint met het werkwoord '{first_word}': een ja/nee-vraag (gesloten).")
        else:
            reasons.append("Een vraag zonder vraagwoord: de leerling kan met ja of nee antwoorden (gesloten).")
    if not has_mark:
        reasons.append("Let op: het vraagteken ontbreekt.")
    if cut:
        reasons.append("Alleen het begin van deze lange tekst is bekeken.")

    lens, lens_reasons = _lens(sentence)
    reasons.extend(lens_reasons)
    return QuestionAnalysis(True, is_open, lens, reasons, _suggest(is_open, lens, first_word, sentence))


def _suggest(is_open: bool, lens: str, first_word: str, sentence: str) -> str | None:
    tips = []
    if not is_open:
        verb = f" in plaats van met '{first_word}'" if first_word else ""
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
