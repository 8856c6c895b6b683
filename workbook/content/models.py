"""The content models: one pydantic model per file in ``exercises/`` (and per item in its folders).

Unknown keys are errors and models are immutable. A mapping whose keys are a fixed set
(``dict[Literal[...], ...]``) must name every key: a file that leaves one out gets a Dutch
error instead of a page that breaks later. Every file may state ``schema_version`` (now 1).
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SCHEMA_VERSION = 1

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
ELEMENT_IDS: tuple[str, ...] = get_args(ElementId)


def fixed_keys(annotation: Any) -> tuple[str, ...]:
    """The keys a ``dict[Literal[...], ...]`` field must have; ``()`` for any other field."""
    if get_origin(annotation) is dict:
        key = get_args(annotation)[0]
        if get_origin(key) is Literal:
            return tuple(get_args(key))
    return ()


class _Strict(BaseModel):
    """Base for all content models: unknown keys are errors, models are immutable.

    A field typed ``dict[Literal[...], ...]`` must name every key, each with a non-empty
    value; the error names what is missing in the words of ``_missing_words`` (per field).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    _missing_words: ClassVar[dict[str, str]] = {}

    @model_validator(mode="after")
    def _every_fixed_key(self) -> Any:
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
    nummer: int = Field(ge=0)
    titel: Text
    beschrijving: Text
    notebook: Text  # file name in notebooks/; a module whose file is not there yet shows as coming


class ModulesFile(_File):
    inleiding: Text
    hoe_verder: list[Text] = Field(min_length=1)
    modules: list[Module] = Field(min_length=2)


# --- the seven conversation elements ----------------------------------------------------


class Element(_Strict):
    id: ElementId
    naam: Text
    kort: Text
    wat: Text
    waarom: Text
    herkennen: Text
    voorbeelden: list[Text] = Field(min_length=4)
    valkuilen: list[Text] = Field(min_length=2)


class ElementenFile(_File):
    inleiding: Text
    elementen: list[Element] = Field(min_length=7, max_length=7)

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
        return self


# --- listening --------------------------------------------------------------------------


class Luisterniveau(_Strict):
    niveau: int = Field(ge=1, le=4)
    naam: Text
    beschrijving: Text
    signalen: list[Text] = Field(min_length=2)
    effect: Text


class LuisterOefening(_Strict):
    leerling: Text
    mentor: Text
    niveau: int = Field(ge=1, le=4)
    uitleg: Text


class LuisterenFile(_File):
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
    kleur: Literal["rood", "groen"]
    naam: Text
    kijkt_naar: Text
    kenmerken: list[Text] = Field(min_length=3)
    effect: Text


class VraagPaar(_Strict):
    rood: Text
    groen: Text
    toelichting: Text


class BrillenFile(_File):
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
    gesloten: Text
    open: Text
    toelichting: Text


class OpenGeslotenFile(_File):
    inleiding: Text
    opdracht: Text
    open_uitleg: Text
    gesloten_uitleg: Text
    vraagwoorden: list[Text] = Field(min_length=5)
    paren: list[OpenGeslotenPaar] = Field(min_length=10)


# --- SMARTI goals ---------------------------------------------------------------------


class Criterium(_Strict):
    letter: Literal["S", "M", "A", "R", "T", "I"]
    id: Literal["specifiek", "meetbaar", "acceptabel", "realistisch", "tijdgebonden", "inspirerend"]
    naam: Text
    uitleg: Text
    controlevraag: Text
    beoordeeld_door_mensen: bool


class DoelVoorbeeld(_Strict):
    hulpvraag: Text
    fout_doel: Text
    waarom_fout: Text
    goed_doel: Text
    waarom_goed: Text


class Doelenkaart(_Strict):
    vage_opdracht: Text
    situatie: Text
    doelen: list[Text] = Field(min_length=3)
    evaluatie: Text


class SmartiFile(_File):
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
    titel: Text
    vragen: list[Text] = Field(min_length=1)


class Formulier(_Strict):
    id: Literal["voorbereiding", "gesprek"]
    naam: Text
    wie: Text
    wanneer: Text
    onderdelen: list[FormulierOnderdeel] = Field(min_length=4)


class FormulierenFile(_File):
    inleiding: Text
    formulieren: list[Formulier] = Field(min_length=2, max_length=2)

    @model_validator(mode="after")
    def _both_forms(self) -> FormulierenFile:
        if sorted(f.id for f in self.formulieren) != ["gesprek", "voorbereiding"]:
            raise ValueError("er moeten twee formulieren zijn: 'voorbereiding' en 'gesprek'")
        return self


# --- leerlingbespreking ---------------------------------------------------------------


class Kenmerk(_Strict):
    naam: Text
    vraag: Text
    uitleg: Text


class Vergaderonderdeel(_Strict):
    naam: Text
    uitleg: Text
    vragen: list[Text] = Field(min_length=1)


class BesprekingVraagPaar(_Strict):
    probleemgericht: Text
    oplossingsgericht: Text


class LeerlingbesprekingFile(_File):
    inleiding: Text
    doelen: list[Text] = Field(min_length=1)
    kenmerken: list[Kenmerk] = Field(min_length=5, max_length=5)
    onderdelen: list[Vergaderonderdeel] = Field(min_length=3, max_length=3)
    vraagparen: list[BesprekingVraagPaar] = Field(min_length=3)


# --- parents --------------------------------------------------------------------------


class Gebied(_Strict):
    naam: Text
    voorbeelden: Text


class Richtlijn(_Strict):
    naam: Text
    uitleg: Text
    voorbeeld: Text


class Metacommunicatie(_Strict):
    uitleg: Text
    voorbeelden: list[Text] = Field(min_length=2)


class OudersFile(_File):
    inleiding: Text
    positieve_gebieden: list[Gebied] = Field(min_length=7, max_length=7)
    richtlijnen: list[Richtlijn] = Field(min_length=4, max_length=4)
    metacommunicatie: Metacommunicatie


# --- HGW and the mentor role ------------------------------------------------------------


class Principe(_Strict):
    nummer: int = Field(ge=1, le=7)
    naam: Text
    uitleg: Text
    voor_de_mentor: Text


class HgwFile(_File):
    inleiding: Text
    principes: list[Principe] = Field(min_length=7, max_length=7)


class Gespreksonderwerp(_Strict):
    titel: Text
    vragen: list[Text] = Field(min_length=1)


class MentorrolFile(_File):
    inleiding: Text
    wel_mentortaak: list[Text] = Field(min_length=3)
    niet_mentortaak: list[Text] = Field(min_length=3)
    doorverwijzen: Text
    onderwerpen: list[Gespreksonderwerp] = Field(min_length=5)
    aandachtspunten: list[Gespreksonderwerp] = Field(min_length=3)


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
    achtergrond: Text
    gevoel: Text
    bij_erkenning: Text
    bij_advies: Text
    zinnen: list[Text] = Field(min_length=2)


class Mentorkaart(_Strict):
    situatie: Text
    doel: Text


class Observatorkaart(_Strict):
    let_op: list[Text] = Field(min_length=2)


class Rollenspel(_File):
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


Reactie = Literal["erkennen", "verkennen", "stap", "afspraak", "rood", "anders"]


class Oefengesprek(_File):
    id: Slug
    titel: Text
    leerling: Text
    situatie: Text
    opening: Text
    max_beurten: int = Field(default=8, ge=3, le=20)
    reacties: dict[Reactie, list[Text]]
    slot: Text
    _missing_words: ClassVar[dict[str, str]] = {"reacties": "zinnen voor"}


FOLDERS: dict[str, type[_File]] = {"rollenspellen": Rollenspel, "oefengesprekken": Oefengesprek}


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
}
