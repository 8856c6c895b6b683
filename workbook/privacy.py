"""Privacy helpers for what mentors write about real students (module 11).

:func:`full_names` finds what looks like a first name plus a surname (``Sanne de Vries``,
``Mo El Amrani``) in free text, so the page can suggest initials. It is a gentle hint, never
a block: it reads capitalisation and Dutch surname particles, not a list of names, and it
skips capitalised words that are no names (days, months, subjects, sentence starters).

Nothing here imports ipywidgets.
"""

from __future__ import annotations

import re

__all__ = ["full_names", "initials"]

# Particles between a first name and a surname (longest first, so "van der" wins over "van").
_PARTICLES = (
    "van der",
    "van den",
    "van de",
    "van het",
    "van 't",
    "in 't",
    "in het",
    "op de",
    "op den",
    "uit de",
    "van",
    "de",
    "der",
    "den",
    "het",
    "ter",
    "ten",
    "te",
    "'t",
    "el",
    "al",
    "la",
    "le",
    "da",
    "di",
    "du",
    "del",
    "dos",
    "bin",
    "ben",
)
_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿ]+)*"
_PARTICLE = "(?:" + "|".join(re.escape(p) for p in _PARTICLES) + ")"
_FULL = re.compile(rf"(?<![\w-])({_WORD})((?:\s+(?i:{_PARTICLE}))*)\s+({_WORD})(?![\w-])")

# Capitalised words that are not names: sentence starters, days, months, school words.
_NOT_NAMES = frozenset(
    """
    de het een ik jij je hij zij ze wij we jullie u dit dat deze die daar daarna dan toen nu straks morgen
    vandaag gisteren overmorgen op in na voor met bij om als en maar of want wat wie waar wanneer hoe waarom
    welke welk samen ook nog al eerst later eerder elke iedere iedereen niemand volgende vorige komende
    afgelopen vanaf tot tussen tijdens sinds zodra zo graag goed fijn mooi knap super top echt wel niet geen
    misschien afspraak afgesproken stap vervolg vervolggesprek gesprek kaart mentor mentoren leerling
    leerlingen ouders ouder moeder vader broer zus oma opa thuis school klas les lessen docent docenten
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag weekend
    januari februari maart april mei juni juli augustus september oktober november december
    kerstvakantie voorjaarsvakantie meivakantie zomervakantie herfstvakantie vakantie pauze
    nederlands engels frans duits spaans latijn grieks wiskunde biologie natuurkunde scheikunde
    geschiedenis aardrijkskunde economie maatschappijleer lo gym tekenen muziek informatica
    havo vwo vmbo mavo atheneum gymnasium brugklas onderbouw bovenbouw pta se toets toetsweek
    meneer mevrouw juf zorgcoördinator zorgcoordinator decaan teamleider conciërge
    dus eigenlijk hoewel omdat doordat zodat terwijl ondanks daarom verder tot slot klaar ja nee oké ok
    """.split()
)


def full_names(text: object) -> list[str]:
    """Return what looks like full names (first name + surname) in ``text``, in order, without repeats.

    Examples
    --------
    >>> full_names("Sanne de Vries kwam te laat; Sanne komt vrijdag terug.")
    ['Sanne de Vries']
    >>> full_names("Op maandag heeft S. Engels en Frans.")
    []
    """
    if not isinstance(text, str) or not text:
        return []
    found: list[str] = []
    for match in _FULL.finditer(text[:20_000]):
        first, particles, last = match.group(1), match.group(2), match.group(3)
        if first.casefold() in _NOT_NAMES or last.casefold() in _NOT_NAMES:
            continue
        name = " ".join([first, *particles.split(), last])
        if name not in found:
            found.append(name)
    return found


def initials(name: str) -> str:
    """Return the initials of a name as a suggestion: ``"Sanne de Vries"`` → ``"S.d.V."``."""
    parts = [p for p in re.split(r"\s+", name.strip()) if p]
    return "".join(p[0] + "." for p in parts)
