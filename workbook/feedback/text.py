"""Text preparation shared by the analysers: normalising, sentences, clauses, tokens, typos.

Everything here is linear in the input and bounded: analysers look at the first
:data:`MAX_CHARS` characters only, so even a 100 000-character paste returns quickly.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_CHARS = 1200  # a mentor's utterance or a goal is far shorter; the rest is not analysed

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "„": '"', "…": "...", "–": "-"})
_ABBREVIATIONS = (
    (re.compile(r"\bi\.?\s?p\.?\s?v\.?(?=\s|$)"), "in plaats van"),
    (re.compile(r"\bz\.?s\.?m\.?(?=\s|$)"), "zo snel mogelijk"),
    (re.compile(r"\bd\.?m\.?v\.?(?=\s|$)"), "door middel van"),
    (re.compile(r"\bm\.?b\.?t\.?(?=\s|$)"), "met betrekking tot"),
)
_TAGS = re.compile(r"<[^>]{0,200}>")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-zà-ÿ0-9]+(?:['-][a-zà-ÿ0-9]+)*")


def normalise(text: str) -> tuple[str, bool]:
    """Lower-case the text, unify quotes, expand common abbreviations and drop markup.

    Returns
    -------
    tuple
        The normalised text and whether it was cut to :data:`MAX_CHARS`.
    """
    cut = len(text) > MAX_CHARS
    t = unicodedata.normalize("NFKC", text[:MAX_CHARS]).translate(_QUOTES).lower()
    t = _TAGS.sub(" ", t)
    for pattern, replacement in _ABBREVIATIONS:
        t = pattern.sub(replacement, t)
    return respell(_SPACE.sub(" ", t).strip()), cut


def words(text: str) -> list[str]:
    """Split normalised text into its words (letters, digits and inner apostrophes or hyphens)."""
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """Split text into sentences, each with its closing punctuation ('...?' stays attached)."""
    parts = re.findall(r"[^.!?]+(?:[.!?]+|$)", text)
    return [p.strip() for p in parts if p.strip(" .!?")]


def clauses(sentence: str) -> list[str]:
    """Split a sentence at commas, semicolons, colons and spaced dashes, without end punctuation."""
    return [c.strip(" .!?\"'") for c in re.split(r"[,;:]|\s-\s", sentence) if c.strip(" .!?\"'")]


@lru_cache(maxsize=4096)
def near(word: str, target: str) -> bool:
    """Return whether ``word`` equals ``target`` or, for words of 4+ letters, is one typo from it.

    A typo is one substitution, insertion, deletion or swap of neighbouring letters.
    """
    if word == target:
        return True
    if len(target) < 4 or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == target[diff[1]]
            and (word[diff[1]] == target[diff[0]])
        )
    short, long_ = (word, target) if len(word) < len(target) else (target, word)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1 :] == short:
            return True
    return False


# Words the rules depend on; a token one typo away from one of them is read as that word.
# Corrections never touch the first letter and only words of 5+ letters ("halen" stays "halen").
SPELL_VOCABULARY = (
    "waarom",
    "wanneer",
    "welke",
    "waaraan",
    "waardoor",
    "bereiken",
    "aanpakken",
    "probleem",
    "problemen",
    "vergeten",
    "huiswerk",
    "tevreden",
    "vertrouwen",
    "leerlingen",
    "hebben",
    "balen",
    "zullen",
    "gelukt",
    "lukken",
    "afgesproken",
    "opschrijven",
    "noteren",
    "moeilijk",
    "concentreren",
    "volgende",
    "helpen",
    "proberen",
    "uitproberen",
    "oefenen",
    "planning",
    "vervelend",
    "normaal",
    "iedereen",
    "verschil",
    "voldoende",
    "onvoldoende",
    "tijdens",
    "begrijp",
    "begrijpen",
    "snappen",
    "afspraak",
    "vervolgafspraak",
    "vertel",
    "vertellen",
    "gegaan",
    "eerste",
    "kleine",
    "vooruitgang",
    "verkeerd",
    "schuld",
    # the holidays a goal's deadline names ("voor de kerstvakatie")
    "kerstvakantie",
    "herfstvakantie",
    "zomervakantie",
    "meivakantie",
    "voorjaarsvakantie",
    "krokusvakantie",
)


@lru_cache(maxsize=8192)
def _respell(token: str) -> str:
    if len(token) < 5 or token in SPELL_VOCABULARY or token in REAL_WORDS:
        return token
    for word in SPELL_VOCABULARY:
        # an inflection ("kleine" -> "klein", "moeilijke") is no typo: only the same stem differs
        if word[0] == token[0] and near(token, word) and not (token.startswith(word) or word.startswith(token)):
            return word
    return token


# Real words one letter away from a word the rules need: never "corrected" ("waarop" is not "waarom").
# Common words one letter away from a question word that are not typos of it ("daar" is not "waar").
NOT_TYPOS = frozenset("daar maar haar naar hoek hoed hier wees".split())
REAL_WORDS = frozenset("gedaan waarop waarin hielpen helpend vertelt volgend gelukkig balans".split())


def respell(text: str) -> str:
    """Correct one-typo misspellings of the words the rules depend on."""
    return _WORD.sub(lambda m: _respell(m.group(0)), text)


def fix_first_word(tokens: list[str], vocabulary: tuple[str, ...]) -> str | None:
    """Return the vocabulary word that the first token is (or is a typo of), else ``None``."""
    if not tokens:
        return None
    first = tokens[0]
    if first in vocabulary:
        return first
    if first in NOT_TYPOS:
        return None
    for candidate in vocabulary:
        if near(first, candidate):
            return candidate
    return None
