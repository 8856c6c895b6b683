"""Dutch word classes of the feedback rules, and the lens cue tables loaded from ``regels/bril.yaml``.

The grammar a question is read with (question words, finite verbs, invitations, tag words)
lives here. The cue tables (``(pattern, weight, reason, code)``, see
:class:`~workbook.feedback.rules.Cue`) and the named patterns the combination logic uses
are data in ``workbook/feedback/regels/bril.yaml``, where a trainer can read and adjust them;
``docs/feedback.md`` explains the categories.
"""

from __future__ import annotations

import re

from workbook.feedback.rules import Cue, lens_rules

__all__ = ["Cue", "RED", "GREEN", "SF_FAMILIES"]

# --- word classes -----------------------------------------------------------------

QUESTION_WORDS = (
    "wat",
    "wie",
    "waar",
    "wanneer",
    "waarom",
    "hoe",
    "welke",
    "welk",
    "waardoor",
    "waarmee",
    "waaraan",
    "waarover",
    "waarvan",
    "waarop",
    "waarin",
    "waarbij",
    "waarvoor",
    "waarheen",
    "hoeveel",
    "hoezo",
    "hoelang",
    "wiens",
)
# Finite verb forms that start yes/no questions ("Heb je...", "Gaat het...").
FINITE_VERBS = frozenset(
    """
    ben bent is zijn was waren word wordt werd werden heb hebt heeft hebben had hadden
    kan kun kunt kunnen kon konden wil wilt willen wilde wou zal zul zult zullen zou zouden
    mag mogen mocht moet moeten moest ga gaat gaan ging gingen doe doet doen deed deden
    vind vindt vinden vond weet weten wist snap snapt begrijp begrijpt lukt lukte lukken
    denk denkt dacht voel voelt voelde leer leert leerde maak maakt maakte krijg krijgt kreeg
    zie ziet zag merk merkt merkte hoor hoort hoorde sta staat stond zit zat zitten lig ligt
    kom komt kwam blijf blijft bleef lees leest las plan plant oefen oefent haal haalt haalde
    werk werkt werkte help helpt hielp speel speelt speelde praat sprak slaap slaapt sliep
    eet at begin begint begon probeer probeert probeerde hou houd houdt hield heet loopt
    gebruik gebruikt snapte wist verwacht verwachten heeft klopt klopte past paste durf durft
    """.split()
)
PREPOSITIONS = frozenset(
    "op in bij met van voor aan om tot sinds vanaf naar over door uit tegen onder tussen achter zonder volgens"
    " vanwege via rond binnen buiten na".split()
)
# Words that join clauses: never named as the verb or question word a question starts with.
CONJUNCTIONS = frozenset(
    "en of maar want dus zodat omdat als dat terwijl toen nadat voordat doordat hoewel tenzij indien zoals"
    " zodra totdat opdat mits aangezien".split()
)
PRONOUNS_AFTER_VERB = frozenset("je jij u jullie het hij ze zij we wij er dat dit die men iemand jouw".split())
TAG_WORDS = frozenset(
    {
        "hè",
        "he",
        "toch",
        "niet",
        "of niet",
        "toch niet",
        "nietwaar",
        "oké",
        "ok",
        "ja",
        "right",
        "hoor",
        "goed",
        "prima",
        "leuk",
        "slecht",
        "lastig",
        "gezellig",
    }
)
EXCLAMATION_AFTER_WAT = frozenset(
    """een fijn goed mooi leuk knap jammer vervelend rot naar sterk tof super lastig balen
    gaaf heerlijk fantastisch top geweldig flink prima""".split()
)
INVITATION = re.compile(
    r"^(vertel|vertelt|beschrijf|leg (eens |me |nog eens )*uit|geef (eens |me )*een voorbeeld|noem (eens )?"
    r"|(kun|kan|wil|zou|zal) (je|jij|u) (me |mij |eens |misschien |nog )*(iets |een \w+ |\w+ )?(meer )?"
    r"(vertellen|beschrijven|uitleggen|laten zien|toelichten|aangeven|noemen|bedenken)"
    r"|ik ben (benieuwd|nieuwsgierig)|ik vraag me af|ik wil (graag )?(weten|horen)|laat (eens )?horen"
    r"|ik hoor (het )?graag)\b"
)
CHOICE = re.compile(r"\bof\b")
# Spoken particles before the question itself ("En wat hielp toen?", "Hmm, oké. En ...").
PARTICLES = frozenset("en oké ok oke okay hmm hm nou dus maar ehm eh uhm tja ja nee yo oh ah zo goed mooi".split())
# Short follow-up questions without a question word: "En nu?", "En toen?", "En verder?".
FOLLOW_UP = frozenset("nu toen verder daarna dan".split())

# --- the lens rules (data: regels/bril.yaml) ----------------------------------------------

_LENS = lens_rules()
NEG_RE = _LENS.pattern("probleem")  # a problem is named (no points of its own)
SUCCESS_RE = _LENS.pattern("succes")
STRONG_SUCCESS_RE = _LENS.pattern("sterk_succes")
WEL_RE = re.compile(r"(?<!of )\bwel\b")  # not the tag "..., of wel?"
# Implicit blame: a yes/no question with "wel" that doubts the student ("Had je wel je best gedaan?").
IMPLICIT_BLAME = _LENS.pattern("verwijt_met_wel")
# What orients a question towards a way forward, even when it names the problem: a red verdict
# that rests on one problem word only is not trusted when one of these is there.
ORIENTED_FORWARD = _LENS.pattern("vooruit")
# Solution-focused question families ("Wanneer speelt het minder?"): what a question makes the
# student look at decides the lens, not its problem words, so these outweigh them.
SF_FAMILIES: tuple[Cue, ...] = _LENS.table("families")
RED: tuple[Cue, ...] = _LENS.table("rood")
GREEN: tuple[Cue, ...] = _LENS.table("groen")

# Negation scoping over a problem word: "geen ruzie", "niet zo onrustig", "niet meer zo moeilijk".
NEGATED_PROBLEM = _LENS.pattern("ontkend_probleem")
# A negation inside a clause that describes a moment or a wish ("als je niet meer ...").
ABSENCE_IN_CLAUSE = _LENS.pattern("afwezig_in_bijzin")
# Context clauses: what they name is the situation, not what the question asks about.
CONTEXT_CLAUSE = _LENS.pattern("bijzin")
