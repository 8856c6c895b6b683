"""The content models: one pydantic model per file in ``exercises/`` (and per item in its folders).

Unknown keys are errors and models are immutable. A mapping whose keys are a fixed set
(``dict[Literal[...], ...]``) must name every key: a file that leaves one out gets a Dutch
error instead of a page that breaks later. Every file may state ``schema_version`` (now 1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Final, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

if TYPE_CHECKING:
    from typing_extensions import Self  # typing.Self from Python 3.11 on

SCHEMA_VERSION: Final = 1

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ElementId = Literal[
    "erkennen",
    "normaliseren",
    "positieve_verwachting",
    "zichtbaar_maken",
    "kleine_stap",
    "vastleggen",
    "vervolggesprek",
]
#: The seven conversation elements, in order: the one list every module and rule uses.
ELEMENT_IDS: tuple[ElementId, ...] = get_args(ElementId)


def fixed_keys(annotation: object) -> tuple[str, ...]:
    """Return the keys a ``dict[Literal[...], ...]`` field must have; ``()`` for any other field."""
    if get_origin(annotation) is dict:
        key = get_args(annotation)[0]
        if get_origin(key) is Literal:
            return tuple(get_args(key))
    return ()


def _without_docstring(schema: dict[str, Any], _model: type[Any]) -> None:
    """Keep a model's docstring (English, for developers) out of its JSON Schema for trainers."""
    schema.pop("description", None)


class _Strict(BaseModel):
    """Base for all content models: unknown keys are errors, models are immutable.

    A field typed ``dict[Literal[...], ...]`` must name every key, each with a non-empty
    value; the error names what is missing in the words of ``_missing_words`` (per field).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=_without_docstring)
    _missing_words: ClassVar[dict[str, str]] = {}

    @model_validator(mode="after")
    def _every_fixed_key(self) -> Self:
        for name, field in type(self).model_fields.items():
            keys = fixed_keys(field.annotation)
            value = getattr(self, name)
            if not keys or not isinstance(value, dict):
                continue
            missing = [k for k in keys if not value.get(k)]
            if missing:
                words = self._missing_words.get(name, "teksten voor")
                raise ValueError(f"bij '{name}' ontbreken {words}: " + ", ".join(missing))
        return self


class _File(_Strict):
    """A whole content file (or one file in a folder): may say which schema version it follows."""

    schema_version: Literal[1] = SCHEMA_VERSION


# --- modules (start page) -------------------------------------------------------------


class Module(_Strict):
    """One module on the start page: its number, Dutch title and description, and its notebook."""

    nummer: int = Field(ge=0)
    titel: Text
    beschrijving: Text
    notebook: Text  # file name in notebooks/; a module whose file is not there yet shows as coming


class ModulesFile(_File):
    """``modules.yaml``: the start page's introduction, how to go on, and the modules."""

    inleiding: Text
    hoe_verder: list[Text] = Field(min_length=1)
    modules: list[Module] = Field(min_length=2)


# --- the seven conversation elements ----------------------------------------------------


class Element(_Strict):
    """One of the seven conversation elements: what it is, why, how to recognise it, examples, pitfalls."""

    id: ElementId
    naam: Text
    kort: Text
    wat: Text
    waarom: Text
    herkennen: Text
    voorbeelden: list[Text] = Field(min_length=4)
    valkuilen: list[Text] = Field(min_length=2)


class OokGoed(_Strict):
    """An example phrase that also fits other elements: the quiz accepts those answers too."""

    zin: Text
    elementen: list[ElementId] = Field(min_length=1)


class ElementenFile(_File):
    """``elementen.yaml``: the seven elements in the order of :data:`ELEMENT_IDS`, each example phrase once."""

    inleiding: Text
    elementen: list[Element] = Field(min_length=7, max_length=7)
    ook_goed: list[OokGoed] = Field(default_factory=list)

    @model_validator(mode="after")
    def _in_order(self) -> ElementenFile:
        ids = tuple(e.id for e in self.elementen)
        if ids != ELEMENT_IDS:
            raise ValueError(
                "de zeven elementen moeten elk één keer voorkomen, in deze volgorde: " + ", ".join(ELEMENT_IDS)
            )
        all_phrases = [p for e in self.elementen for p in e.voorbeelden]
        dupes = {p for p in all_phrases if all_phrases.count(p) > 1}
        if dupes:
            raise ValueError("een voorbeeldzin staat bij meer dan één element: " + "; ".join(sorted(dupes)))
        home = {p: e.id for e in self.elementen for p in e.voorbeelden}
        for extra in self.ook_goed:
            if extra.zin not in home:
                raise ValueError(f"ook_goed: '{extra.zin}' is geen voorbeeldzin van een element")
            if home[extra.zin] in extra.elementen:
                raise ValueError(
                    f"ook_goed: '{extra.zin}' staat al bij {home[extra.zin]}; noem alleen de andere elementen"
                )
        return self

    def also_right(self, phrase: str) -> tuple[str, ...]:
        """Return the other elements a phrase also fits (the quiz accepts them too)."""
        return tuple(next((x.elementen for x in self.ook_goed if x.zin == phrase), ()))


# --- listening --------------------------------------------------------------------------


class Luisterniveau(_Strict):
    """One of the four listening levels, with the signals that show it and its effect on the student."""

    niveau: int = Field(ge=1, le=4)
    naam: Text
    beschrijving: Text
    signalen: list[Text] = Field(min_length=2)
    effect: Text


class LuisterOefening(_Strict):
    """A student line and a mentor reply to place on a listening level, with the explanation."""

    leerling: Text
    mentor: Text
    niveau: int = Field(ge=1, le=4)
    uitleg: Text


class LuisterenFile(_File):
    """``luisteren.yaml``: the four listening levels (1 to 4, in order), the items and the self-assessment."""

    inleiding: Text
    niveaus: list[Luisterniveau] = Field(min_length=4, max_length=4)
    oefeningen: list[LuisterOefening] = Field(min_length=8)
    zelfevaluatie: list[Text] = Field(min_length=3, max_length=3)

    @model_validator(mode="after")
    def _numbered(self) -> LuisterenFile:
        if [n.niveau for n in self.niveaus] != [1, 2, 3, 4]:
            raise ValueError("de niveaus moeten 1, 2, 3 en 4 zijn, in die volgorde")
        return self


# --- red and green lens, open and closed questions ---------------------------------------


class Bril(_Strict):
    """The red (problem) or the green (solution) lens: what it looks at, its features and its effect."""

    kleur: Literal["rood", "groen"]
    naam: Text
    kijkt_naar: Text
    kenmerken: list[Text] = Field(min_length=3)
    effect: Text


class VraagPaar(_Strict):
    """The same question through the red and through the green lens, with a note on the difference."""

    rood: Text
    groen: Text
    toelichting: Text


class BrillenFile(_File):
    """``brillen.yaml``: the instructions, exactly one red and one green lens, and the question pairs."""

    inleiding: Text
    opdrachten: dict[Literal["sorteren", "herschrijven", "lab"], Text]
    brillen: list[Bril] = Field(min_length=2, max_length=2)
    paren: list[VraagPaar] = Field(min_length=12)

    @model_validator(mode="after")
    def _both_colours(self) -> BrillenFile:
        if sorted(b.kleur for b in self.brillen) != ["groen", "rood"]:
            raise ValueError("er moet precies één rode en één groene bril zijn")
        return self


class OpenGeslotenPaar(_Strict):
    """A closed question and an open version of it, with a note on the difference."""

    gesloten: Text
    open: Text
    toelichting: Text


class OpenGeslotenFile(_File):
    """``open_gesloten.yaml``: open and closed questions explained, the question words, the pairs."""

    inleiding: Text
    opdracht: Text
    open_uitleg: Text
    gesloten_uitleg: Text
    vraagwoorden: list[Text] = Field(min_length=5)
    paren: list[OpenGeslotenPaar] = Field(min_length=10)


# --- SMARTI goals ---------------------------------------------------------------------


class Criterium(_Strict):
    """One SMARTI criterion; ``beoordeeld_door_mensen`` marks those only people can judge, not the rules."""

    letter: Literal["S", "M", "A", "R", "T", "I"]
    id: Literal["specifiek", "meetbaar", "acceptabel", "realistisch", "tijdgebonden", "inspirerend"]
    naam: Text
    uitleg: Text
    controlevraag: Text
    beoordeeld_door_mensen: bool


class DoelVoorbeeld(_Strict):
    """A student's request for help with a poorly written goal and a good one, each with the reason."""

    hulpvraag: Text
    fout_doel: Text
    waarom_fout: Text
    goed_doel: Text
    waarom_goed: Text


class Doelenkaart(_Strict):
    """The goal-card example: a vague instruction, the situation, the small goals that replace it."""

    vage_opdracht: Text
    situatie: Text
    doelen: list[Text] = Field(min_length=3)
    evaluatie: Text


class SmartiFile(_File):
    """``smarti.yaml``: the instructions, the six criteria in SMARTI order, goal examples, the goal card."""

    inleiding: Text
    opdrachten: dict[Literal["herschrijven", "doelenkaart"], Text]
    criteria: list[Criterium] = Field(min_length=6, max_length=6)
    voorbeelden: list[DoelVoorbeeld] = Field(min_length=2)
    doelenkaart: Doelenkaart

    @model_validator(mode="after")
    def _smarti_order(self) -> SmartiFile:
        if "".join(c.letter for c in self.criteria) != "SMARTI":
            raise ValueError("de criteria moeten S, M, A, R, T en I zijn, in die volgorde")
        return self


# --- conversation forms ---------------------------------------------------------------


class FormulierOnderdeel(_Strict):
    """One section of a conversation form: a heading and its questions."""

    titel: Text
    vragen: list[Text] = Field(min_length=1)


class Formulier(_Strict):
    """A conversation form (``voorbereiding`` or ``gesprek``): who fills it in, when, and its sections."""

    id: Literal["voorbereiding", "gesprek"]
    naam: Text
    wie: Text
    wanneer: Text
    onderdelen: list[FormulierOnderdeel] = Field(min_length=4)


class FormulierenFile(_File):
    """``formulieren.yaml``: the introduction and the two forms, ``voorbereiding`` and ``gesprek``."""

    inleiding: Text
    formulieren: list[Formulier] = Field(min_length=2, max_length=2)

    @model_validator(mode="after")
    def _both_forms(self) -> FormulierenFile:
        if sorted(f.id for f in self.formulieren) != ["gesprek", "voorbereiding"]:
            raise ValueError("er moeten twee formulieren zijn: 'voorbereiding' en 'gesprek'")
        return self


# --- leerlingbespreking ---------------------------------------------------------------


class Kenmerk(_Strict):
    """One feature of an effective leerlingbespreking (staff meeting about students), with its question."""

    naam: Text
    vraag: Text
    uitleg: Text


class Vergaderonderdeel(_Strict):
    """One part of the leerlingbespreking meeting, with its explanation and questions."""

    naam: Text
    uitleg: Text
    vragen: list[Text] = Field(min_length=1)


class BesprekingVraagPaar(_Strict):
    """A problem-oriented question about a student and a solution-oriented version of it."""

    probleemgericht: Text
    oplossingsgericht: Text


class LeerlingbesprekingFile(_File):
    """``leerlingbespreking.yaml``: goals, five features, three meeting parts, question pairs."""

    inleiding: Text
    doelen: list[Text] = Field(min_length=1)
    kenmerken: list[Kenmerk] = Field(min_length=5, max_length=5)
    onderdelen: list[Vergaderonderdeel] = Field(min_length=3, max_length=3)
    vraagparen: list[BesprekingVraagPaar] = Field(min_length=3)


# --- parents --------------------------------------------------------------------------


class Gebied(_Strict):
    """One area in which to name something positive about the student to parents, with examples."""

    naam: Text
    voorbeelden: Text


class Richtlijn(_Strict):
    """One guideline for a conversation with parents, with an explanation and an example sentence."""

    naam: Text
    uitleg: Text
    voorbeeld: Text


class Metacommunicatie(_Strict):
    """Talking about the conversation itself with parents: an explanation and example sentences."""

    uitleg: Text
    voorbeelden: list[Text] = Field(min_length=2)


class OudersFile(_File):
    """``ouders.yaml``: the seven positive areas, four guidelines and metacommunication."""

    inleiding: Text
    positieve_gebieden: list[Gebied] = Field(min_length=7, max_length=7)
    richtlijnen: list[Richtlijn] = Field(min_length=4, max_length=4)
    metacommunicatie: Metacommunicatie


# --- HGW and the mentor role ------------------------------------------------------------


class Principe(_Strict):
    """One of the seven principles of handelingsgericht werken (HGW) and what it means for a mentor."""

    nummer: int = Field(ge=1, le=7)
    naam: Text
    uitleg: Text
    voor_de_mentor: Text


class HgwFile(_File):
    """``hgw.yaml``: the introduction and the seven HGW principles."""

    inleiding: Text
    principes: list[Principe] = Field(min_length=7, max_length=7)


class Gespreksonderwerp(_Strict):
    """A conversation topic with the questions a mentor can ask about it."""

    titel: Text
    vragen: list[Text] = Field(min_length=1)


class RolCasus(_Strict):
    """A realistic situation, and whether the mentor handles it or passes it on (and why)."""

    situatie: Text
    antwoord: Literal["wel", "niet"]
    uitleg: Text


class MentorrolFile(_File):
    """``mentorrol.yaml``: what is and is not the mentor's task, when to refer, topics and points of attention."""

    inleiding: Text
    wel_mentortaak: list[Text] = Field(min_length=3)
    niet_mentortaak: list[Text] = Field(min_length=3)
    doorverwijzen: Text
    onderwerpen: list[Gespreksonderwerp] = Field(min_length=5)
    aandachtspunten: list[Gespreksonderwerp] = Field(min_length=3)
    casussen: list[RolCasus] = Field(min_length=6)


class Kaartveld(_Strict):
    """One part of the gesprekskaart: its heading, the question it answers and a short example."""

    titel: Text
    vraag: Text
    voorbeeld: Text


class KaartVelden(_Strict):
    """The parts of the gesprekskaart a mentor writes, in the order of the conversation."""

    hoe_ging_het: Kaartveld
    erkend: Kaartveld
    werkt_al: Kaartveld
    stap: Kaartveld
    wie_wat: Kaartveld


class GesprekskaartFile(_File):
    """``gesprekskaart.yaml``: module 11, the mentor's own record of real conversations."""

    inleiding: Text
    privacy: list[Text] = Field(min_length=2, max_length=2)
    velden: KaartVelden
    na_de_training: Text


# --- role-play scenarios and practice conversations (one YAML file each, in subfolders) ---------

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]{1,60}$")]
THEMES = (
    "tegenvallende resultaten",
    "huiswerk en planning",
    "concentratie",
    "te laat komen",
    "gedrag in de klas",
    "vermoeidheid",
    "weinig zelfvertrouwen",
    "vervolggesprek",
    "ouder erbij",
    "weet ik niet",
)


class Leerlingkaart(_Strict):
    """The student's role card in a role-play: background, feeling, how to react to acknowledgement or advice."""

    achtergrond: Text
    gevoel: Text
    bij_erkenning: Text
    bij_advies: Text
    zinnen: list[Text] = Field(min_length=2)


class Mentorkaart(_Strict):
    """The mentor's role card in a role-play: the situation and the aim of the conversation."""

    situatie: Text
    doel: Text


class Observatorkaart(_Strict):
    """The observer's role card in a role-play: what to watch for."""

    let_op: list[Text] = Field(min_length=2)


class Rollenspel(_File):
    """One role-play scenario (``rollenspellen/<id>.yaml``): cards for three roles, phrasings, debrief."""

    id: Slug
    titel: Text
    thema: Literal[THEMES]  # type: ignore[valid-type]
    minuten: int = Field(default=10, ge=3, le=30)
    leerling: Leerlingkaart
    mentor: Mentorkaart
    observator: Observatorkaart
    formuleringen: dict[ElementId, list[Text]]
    nabespreking: list[Text] = Field(min_length=3)

    _missing_words: ClassVar[dict[str, str]] = {"formuleringen": "voorbeeldzinnen voor"}


Temperament = Literal["teruggetrokken", "defensief", "spraakzaam", "weet_ik_niet"]
# What the simulated student can answer with, by what the mentor's turn did (see workbook.student).
Antwoordsoort = Literal[
    "vertellen",  # opens up after acknowledgement or normalising: tells more about the situation
    "uitzondering",  # an exception question: when it goes (a bit) better
    "schaal",  # a scaling question: a number, and what one point higher would take
    "actie",  # "what did you do / what helped": an action that worked
    "toekomst",  # preferred future: what it looks like when it goes well
    "hulpbron",  # who or what can help
    "compliment",  # a compliment or a positive expectation, taken in
    "stap",  # the student names a small step of their own
    "geen_stap",  # asked for a step too early: not there yet
    "verdedigen",  # after a reproach or a red "waarom": justifies, defends
    "ja_maar",  # after advice, a lecture or a "ja, maar": "ja, maar..."
    "dicht",  # guarded: after a threat, or when trust is very low
    "weet_niet",  # "weet ik niet": asked something while trust is too low to answer
    "kort",  # a short answer to a closed or neutral question
]


class Oefengesprek(_File):
    """A practice conversation (``oefengesprekken/<id>.yaml``): a simulated student with a temperament.

    The student answers by what the mentor's turn does (``antwoorden`` per kind, each line said
    at most once) and by their trust, which the turns move (see :mod:`workbook.student`).
    """

    id: Slug
    titel: Text
    leerling: Text
    thema: Literal[THEMES]  # type: ignore[valid-type]
    temperament: Temperament
    situatie: Text
    opening: Text
    max_beurten: int = Field(default=10, ge=4, le=20)
    antwoorden: dict[Antwoordsoort, list[Text]]
    slot_goed: Text  # the agreement is made: a step of the student's own and a follow-up
    slot_dicht: Text  # trust is gone: the student closes the conversation
    slot_tijd: Text  # the turns are used up without an agreement
    _missing_words: ClassVar[dict[str, str]] = {"antwoorden": "zinnen voor"}

    @model_validator(mode="after")
    def _complete(self) -> Oefengesprek:
        single = [k for k, v in self.antwoorden.items() if len(v) == 1]
        if single:
            raise ValueError(f"bij 'antwoorden' zijn minstens twee zinnen nodig voor: {', '.join(single)}")
        lines = [line for group in self.antwoorden.values() for line in group]
        doubled = sorted({line for line in lines if lines.count(line) > 1})
        if doubled:
            raise ValueError(f"deze zin staat er twee keer in (de leerling herhaalt zich niet): {doubled[0]}")
        return self


class TekstenFile(_File):
    """The workbook's own interface texts (instructions, intros), by key, so no Dutch text lives in Python."""

    teksten: dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")], Text]


FOLDERS: dict[str, type[Rollenspel] | type[Oefengesprek]] = {
    "rollenspellen": Rollenspel,
    "oefengesprekken": Oefengesprek,
}


MODELS: dict[str, type[_File]] = {
    "modules": ModulesFile,
    "elementen": ElementenFile,
    "luisteren": LuisterenFile,
    "brillen": BrillenFile,
    "open_gesloten": OpenGeslotenFile,
    "smarti": SmartiFile,
    "formulieren": FormulierenFile,
    "leerlingbespreking": LeerlingbesprekingFile,
    "ouders": OudersFile,
    "hgw": HgwFile,
    "mentorrol": MentorrolFile,
    "gesprekskaart": GesprekskaartFile,
    "teksten": TekstenFile,
}
