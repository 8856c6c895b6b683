"""SMARTI check of a learning goal: what a text can show, and questions for what people judge."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbook.feedback.text import normalise, words

__all__ = ["GoalCheck", "check_goal", "PEOPLE_QUESTIONS"]

AUTOMATIC = ("specifiek", "meetbaar", "tijdgebonden", "positief")
PEOPLE = ("acceptabel", "realistisch", "inspirerend")
PEOPLE_QUESTIONS = {
    "acceptabel": "Acceptabel: staat de leerling (en wie er verder bij hoort) achter dit doel?",
    "realistisch": "Realistisch: kan deze leerling dit halen in deze periode, met de hulp die er is?",
    "inspirerend": "Inspirerend: krijgt de leerling er zin in? Waaraan merk je dat?",
}


@dataclass(frozen=True)
class GoalCheck:
    """The SMARTI judgement on a goal (see DESIGN.md for the contract)."""

    criteria: dict[str, bool | None]
    tips: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    found: dict[str, str] = field(default_factory=dict)  # criterion -> the words that satisfied it

    @property
    def score(self) -> int:
        """How many of the four text-checkable criteria are met."""
        return sum(1 for k in AUTOMATIC if self.criteria.get(k))


_NUMBER_WORDS = (
    r"een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|dertig|veertig|"
    r"vijftig|honderd|half|halve|anderhalf|anderhalve|eerste|tweede|derde|vierde"
)
_NUM = rf"(\d+([.,]\d+)?|{_NUMBER_WORDS})"
_UNIT = (
    r"(dag|dagen|week|weken|maand|maanden|jaar|periode|periodes|lesweek|lesweken|schoolweek|schoolweken"
    r"|schooldag|schooldagen|mentoruur|mentoruren|mentorles|mentorlessen|blok|blokken)"
)
_MONTHS = r"(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
_DAYS = r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
_HOLIDAYS = (
    r"(herfstvakantie|kerstvakantie|voorjaarsvakantie|krokusvakantie|meivakantie|zomervakantie|vakantie|"
    r"toetsweek|proefwerkweek|rapport|rapportvergadering|kerst|pasen|eind van|einde van|ouderavond|"
    r"volgende toets|toets van|overgang|presentatie|spreekbeurt|toets|proefwerk|examen|herkansing|deadline|"
    r"inleverdatum|excursie|werkweek)"
)
TIME = re.compile(
    rf"\b(in|tijdens|na|voor|tot) (de )?(periode|blok) \d\b"
    rf"|\b(over|binnen|na|in|gedurende|tijdens)( de)?( komende| eerste| volgende)? {_NUM}? ?{_UNIT}\b"
    rf"|\b((de|deze) )?(komende|volgende|eerstvolgende) ({_NUM} )?{_UNIT}\b|\b(de|deze) {_NUM} {_UNIT}\b"
    rf"|\b(voor|vóór|tot|uiterlijk|per|op|vanaf|rond|eind|begin|in|half|medio)( de| het)? ({_NUM} )?{_MONTHS}\b"
    rf"|\b{_NUM} {_MONTHS}\b|\b\d{{1,2}}[-/]\d{{1,2}}([-/]\d{{2,4}})?\b"
    rf"|\b(voor|vóór|tot|t/m|tot en met|na|vanaf|rond|aan het eind van)( de| het)? {_HOLIDAYS}\b"
    rf"|(?<!elke )(?<!iedere )(?<!en )\b(op |vanaf |tot |voor )?(volgende |komende |aanstaande )?{_DAYS}\b(?! en)"
    rf"|\b(evalu\w+|terugkijken|kijken we|bespreken we|check\w*)\b.*?\b({_UNIT}|{_DAYS}|{_MONTHS}|{_HOLIDAYS}|datum)\b"
    rf"|\bdeze (week|maand|periode)\b|\bvolgende (week|maand|periode)\b|\bdit (schooljaar|semester|trimester)\b"
    rf"|\b{_NUM} {_UNIT} lang\b|\b(vanaf|per|met ingang van) (morgen|vandaag|nu|heden)\b"
    rf"|\bin periode \d\b|\beind(e)? (van )?(de |deze )?(week|maand|periode)\b"
    # a next occasion, the end of a stretch of school time, or tomorrow
    rf"|\b(tot|voor|vóór|na|op|bij) (de|het) (volgende|eerstvolgende|komende) \w+"
    rf"|\b(aan het )?eind(e)? van (het|dit|de|deze) (schooljaar|blok|periode|jaar|week|maand|semester)\b"
    rf"|\b(morgen|overmorgen)\b"
    # the end of a lesson or series, this year or block, a season, a next occasion of one's own
    rf"|\b(aan het |tegen het )?(eind|einde|slot) van (de |deze |dit |het )?(les|lessen|lessenserie|lesweek|les \d+"
    rf"|schooldag|dag|training|cursus|project|module|thema)\b|\bna afloop van\b|\bna (deze|de) les\b"
    rf"|\b(dit|deze|komend|komende) (jaar|blok|schooljaar|semester|trimester|kwartaal|periode)\b"
    rf"|\b(voor|vóór|tot|na|rond) de (zomer|kerst|herfst|winter|lente|paas\w*|meivakantie)\b"
    rf"|\b(op|in|bij|voor|tot) (mijn|zijn|haar|je|jouw|ons) (volgende|eerstvolgende|komende) \w+"
    rf"|\b(in|tijdens|voor|vóór|tot|na) de (toetsweek|proefwerkweek|examenperiode|examens)\b"
    # the end of a chapter or school year, a numbered period or report, a named term, next year
    rf"|\b(na|tot|t/m|tot en met|aan het eind van|aan het einde van) (deze|de|dit|het) (lessenserie|module|hoofdstuk|periode|blok|thema)\b"
    rf"|\b(aan het )?eind(e)? (van )?(dit |het )?(hoofdstuk|leerjaar( \d)?|schooljaar|periode \d|blok \d)\b"
    rf"|\bperiode \d\b|\brapport \d\b|\b(het )?(eerste|tweede|derde|vierde) (trimester|semester|kwartaal|blok|periode)\b"
    rf"|\bvolgend (jaar|schooljaar|blok)\b|\b(komende|volgende) mentorweek\b"
    rf"|\bde (volgende|eerstvolgende|komende) (toets|proefwerk|rapport|presentatie|overhoring|so)\b"
    rf"|\btot aan (de|het|mijn) \w+|\b(in )?de laatste (week|dag|les) van\b"
    rf"|\b(de )?(komende|volgende|eerste) ({_NUM} )?(lessen|lesuren)\b"
    rf"|\b(aan het |tegen het )?(eind|einde) van (de |het |deze |dit )?(\w+les|lesuur|lesdag)\b"
)
MEASURE = re.compile(
    rf"\b{_NUM} ?(keer|x|minuten|minuut|min|uur|kwartier|woorden|woordjes|bladzijde\w*|pagina\w*|opdrachten"
    rf"|opgaven|som\w*|zinnen|vragen|teksten|boeken|lessen|les|lesuur|lesuren|vakken|punten|doelen|taken|oefeningen"
    rf"|hoofdstuk\w*|paragra\w*|a4\w*|a-4\w*|vingers|presentaties?|sommen|dagen per week|per dag|per week)\b"
    r"|\b\d+([.,]\d+)? ?(%|procent)|\b(een|minstens een|gemiddeld een|minimaal een|ten minste een) "
    r"(\d+([.,]\d)?|zes|zeven|acht|negen|tien|voldoende)\b|\bcijfer (van )?(een )?\d|\b\d([.,]\d)? of hoger\b"
    r"|\b(elke|elk|iedere|ieder|alle|allemaal|dagelijks|wekelijks|maandelijks|steeds|altijd|telkens)\b"
    r"|\bom (half |kwart (over|voor) )?(\d{1,2}([.:]\d{2})?|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf"
    r"|twaalf)( uur)?\b"
    r"|\bper (dag|week|les|maand|toets)\b|\b\d+ (van de|uit) \d+\b|\b(een )?voldoende\b"
    rf"|\b(minstens|minimaal|maximaal|hoogstens|ten minste) {_NUM}\b|\b\d+\b"
    # a count of things in words ("twintig Franse werkwoorden"), and zero mistakes
    r"|\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|dertig|veertig|vijftig"
    r"|honderd)( [a-zà-ÿ]+){0,2} [a-zà-ÿ]{3,}(en|s)\b"
    r"|\b(foutloos|zonder (een )?(fout|fouten)|zonder (hulp|spiekbriefje|rekenmachine)|alle [a-zà-ÿ]+ goed)\b"
    r"|\bgeen enkele? (keer|les|dag|uur|toets|onvoldoende)\b|\b(de helft|driekwart|een kwart|twee derde)\b"
)
# A one-off result that is done or not ("levert ... in", "maakt een afspraak", "gaat over naar de
# havo"): that is its success criterion.
COMPLETION = re.compile(
    r"\b(lever\w* (\w+ ){0,6}in|ingeleverd|inleveren|af (hebben|heeft|hebt|maken|maakt)|afmaken|afgemaakt|afgerond"
    r"|uitlezen|uitgelezen|(lees|leest) (\w+ ){0,4}uit|ingehaald|inhalen|(maakt|maak|plant|plannen) (een )?afspraak"
    r"|aanmelden|aangemeld|(meldt|meld) (zich |zichzelf )?(\w+ ){0,3}aan|(vraagt|vraag) (\w+ ){0,6}of\b|(voert|voer) (een )?\w*gesprek"
    r"|(loopt|loop) (\w+ ){0,5}langs|over(gaan| gaan)? naar|naar de (havo|vwo|mavo|vmbo)|gehaald|behaald"
    r"|geslaagd|slagen voor|aangenomen|toegelaten|doe mee aan|een stage|online|helemaal af|van de \w+ af)\b"
    r"|\bkan\b(?=[^.]{0,80}\b(zelfstandig|zonder (voorbeeld|hulp|fouten|spiekbriefje))\b)"
    # a message sent, something shown or approved, picked up, read to the end
    r"|\b(stuur|stuurt|mail|mailt|app|appt)\b[^.]{0,40}\b(mail|bericht|brief|berichtje)\b|\bverstuurd\b"
    r"|\b(laat|laten)\b[^.]{0,40}\b(zien|goedkeuren|tekenen|ondertekenen|nakijken)\b"
    r"|\b(haal|haalt|halen)\b[^.]{0,30}\bop\b|\bhelemaal uit\b"
    # a perfect tense names a result that is there or not ("heeft een gesprek gehad", "heb ik ingepland")
    r"|\b(heb|heeft|hebben)\b[^.]{0,100}\b(ge[a-zà-ÿ]{3,}(d|t|en)|gehad|ingeschreven|ingevuld|ingepland|aangeboden"
    r"|opgestuurd|afgesproken|uitgelegd)\b"
)
_LESSON_HOUR = r"\b(het|de) (eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|\d+e) (uur|lesuur)\b"
# How many subjects a goal is about ("voor de 3 vakken") is its scope, not a success criterion.
SCOPE = re.compile(
    r"\b(de |die |haar |zijn )?(\d+|twee|drie|vier|vijf|zes|zeven|acht) (\w+ ){0,2}vak(ken)?\b"
    r"|\b(honderd|100) ?(procent|%) geven\b"
    # "het eerste uur" is a lesson hour (a moment), not an amount of time
    rf"|{_LESSON_HOUR}"
)
VAGUE = re.compile(
    r"\b((honderd|100) ?(procent|%) geven|alles geven|beter (begrijpen|snappen|leren|opletten|luisteren|plannen|werken|presteren|doen|worden|gaan|"
    r"functioneren|concentreren|zijn best doen)|(zijn|haar|je|jouw|mijn|hun) (uiterste )?best|normaal doen|doe normaal"
    r"|gemotiveerd\w*|motivatie|(meer|beter) inzet|inzet tonen|harder (werken|leren)|serieuzer|actiever"
    r"|zelfstandiger|beter in zijn vel|lekkerder in|meer zelfvertrouwen|zelfvertrouwen krijgen|verantwoordelijk\w*"
    r"|beter (met|bij)|meer (zin|plezier)|aan zichzelf werken|beter omgaan met|goed gedrag|netjes gedragen"
    r"|(verbeter|verbetert|verbeteren) (zijn|haar|je|de) (werkhouding|gedrag|houding|concentratie)"
    r"|(een )?betere (werkhouding|houding|concentratie)|minder (afgeleid|afleiden)"
    r"|uitgerust|fitter|ontspannen|gelukkig\w*|zelfverzekerd\w*|lekker in"
    r"|(leert|leren|oefent|oefenen|leest|lezen|werkt|werken|doet|doen) meer(?! dan)(?! \d)"
    # how well, not what: a comparison of effort or quality names no behaviour you can see
    r"|harder(?! dan)|effectiever|efficiënter|serieus|serieuze|slordig|slordiger|positievere?|maximale"
    r"|inhaalslag|uit de kast|(honderd|100) ?(procent|%) (focus|inzet)|achter de feiten|tijd (verspillen|vrijmaken)"
    r"|beter beeld|er beter voor"
    # a feeling or a state is no behaviour, even with a score ("mijn stress is een 5")
    r"|welbevinden|stress\w*|zelfvertrouwen|voel me|voelt zich|voelen"
    r"|socialer|(zich |me )?(beter |socialer |positiever )?opstellen|(me |zich )?(meer )?inzetten|goede start"
    r"|balans|vergroot|vergroten|presteren|taakgericht\w*)\b"
)
ACTION = re.compile(
    r"\b(schrijf|schrijft|schrijven|noteer|noteert|noteren|maak|maakt|maken|lees|leest|lezen|leer|leert"
    r"|oefen|oefent|oefenen|lever|levert|leveren|haal|haalt|halen|vraag|vraagt|vragen|steek|steekt|zit|zitten"
    r"|werk|werkt|werken|kom|komt|komen|hang|hangt|leg|legt|zet|zet|groet|groeten|plan|plant|plannen"
    r"|presenteer|presenteert|houd|houdt|houden|bespreek|bespreekt|bespreken|controleer|controleert"
    r"|gebruik|gebruikt|gebruiken|vat|vatten|markeer|markeert|zeg|zegt|stel|stelt|neem|neemt|ruim|ruimt"
    r"|ga|gaat|loop|loopt|meld|meldt|beantwoord|beantwoordt|herhaal|herhaalt|check|checkt|streep|streept"
    r"|lever\w* in|inleveren|op tijd|praat|praten|fiets|fietst|slaap|slaapt|slapen|sta|staat|telt|tel|rondt|af"
    r"|typ|typt|typen|pak|pakt|pakken|ruim|ruimt|ruimen|lees|bereid|bereidt|spreek|spreekt"
    r"|ingeleverd|gelezen|gemaakt|geoefend|geschreven|gehaald|afgerond|voltooid|geleerd|gepland|ingepland"
    r"|hoofdzaken|samenvatting|samenvatten|uitschrijven|overhoor\w*|woordjes"
    r"|scheldt|schelden|roept|roepen|kletst|kletsen|gamet|gamen|opsteken|steekt|vergeet|inhalen|ingehaald|voert"
    r"|luistert|luisteren|begint|beginnen|bouwen|bouwt|berekenen|berekent|aflezen|uitleggen|legt|noemen|noemt"
    r"|aanspreken|lunchen|opruimen|overschrijven|herkansen|aanmelden|afspraak|uitlezen|stopt|stoppen"
    r"|eet|eten|gestuurd|gemaild|verstuurd|gebeld|gesproken|gehad)\b"
    r"|\b(ben|is|blijf|blijft|zijn|blijven|zit|zitten) (stil|rustig|op tijd|aanwezig|klaar)\b"
    r"|\b(heeft|hebben|staat|staan)\b(?=[^.]{0,40}\b(\d|voldoende|gemiddeld)\b)"
    # "kan ... foutloos opzeggen": a skill shown against a standard
    r"|\b(kan|kunnen)\b(?=[^.]{0,80}\b(foutloos|zonder (een )?(fout|fouten|hulp|spiekbriefje)"
    r"|uit (zijn|haar|het|je) hoofd)\b)"
)
# A goal that says who does something: a subject ("Roos", "de leerling", "hij", "ik") and then a verb
# in the present tense. Verbs of being, becoming, wanting or knowing name no behaviour.
_NO_BEHAVIOUR = (
    r"(?!(?:is|ben|wordt|word|worden|wil|wilt|willen|kan|kun|kunnen|moet|moeten|heeft|heb|hebben|weet|weten"
    r"|snapt|snap|begrijpt|begrijp|voelt|voel|toont|ontwikkelt|krijgt|krijg|zal|zullen|gaat|ga|staat|sta|blijft"
    r"|blijf|zit|doet|doe|vindt|vind|denkt|denk|hoopt|hoop|probeert|probeer|leert|leer|werkt|werk|ervaart"
    r"|ervaar|vermijdt|vermijd|lukt|laat zich)\b)"
)
# words that start a goal without being its subject ("meer rust", "eind maart", "zich niet laten")
_NOT_SUBJECT = r"(?!(?:meer|minder|beter|eind|begin|zorgen|elke|iedere|geen|niet|het|een|dit|deze|dat|die|zich|doel|voor|tot|vanaf|na|over|aan|bij|met)\b)"
SUBJECT_VERB = re.compile(
    r"^(?:doel: )?(?:(?:de leerling|hij|zij|ze|"
    + _NOT_SUBJECT
    + r"[a-zà-ÿ]{3,}) "
    + _NO_BEHAVIOUR
    + r"[a-zà-ÿ]{3,}(?:t|dt)"
    r"|ik " + _NO_BEHAVIOUR + r"[a-zà-ÿ]{3,})\b"
)
COMPARATIVE = re.compile(
    r"\b(vaker|minder|meer|beter|betere|regelmatig|af en toe|vaak|soms|zo veel mogelijk|zoveel mogelijk|steeds"
    r"|goed|goede|actief|actiever|rustig|rustiger|netjes|serieus|sneller|zorgvuldiger|uitgebreider|hogere?"
    r"|eerder|zo min mogelijk|zo nu en dan|harder)\b"
)
# a single moment ("uiterlijk vrijdag", "morgen in de pauze"), not a period in which a habit holds
ONE_MOMENT = re.compile(
    r"\b(uiterlijk|morgen|overmorgen|deze week|volgende week|binnen (een|twee|drie|\d+) (dagen|weken|week)"
    r"|voor (de |het )?(deadline|\d+|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag))\b"
)
# A number on a quality, not a count you can check: "50% gemotiveerder", "2 keer zo hard", "100% gefocust",
# "voor 90% zeker", "een 8 voor inzet", "met 2 punten verbeteren", "de helft minder stress".
_QUALITY = (
    r"(inzet|motivatie|werkhouding|houding|zelfvertrouwen|rust|focus|stress|concentratie|zin|plezier|zelfstandigheid"
    r"|gedrag|welbevinden|energie|zekerheid)"
)
INFLATED = re.compile(
    rf"\b({_NUM}) ?(%|procent) (\w+er|meer|minder|beter|zeker|gefocust|gemotiveerd\w*|focus|inzet|productiever)\b"
    rf"|\b({_NUM}) ?(x|keer) zo\b|\b({_NUM}) ?(x|keer) (beter|harder|meer|sneller|slimmer)\b"
    rf"|\bvoor ({_NUM}) ?(%|procent)\b|\b(de helft|half zo) (minder|meer|veel)\b"
    rf"|\b(een|op een|naar een) \d+([.,]\d)? (voor|qua|met|bij) (mijn |zijn |haar |je )?{_QUALITY}\b"
    rf"|\b{_QUALITY}\b[^.]{{0,40}}\b(van een \d+ naar een \d+|op een \d+|naar een \d+|een \d+ scoren)\b"
    rf"|\bschaal van \d+ tot \d+\b[^.]{{0,40}}\b(qua|voor|met) \w*{_QUALITY}\b"
    rf"|\bmet ({_NUM}) (punt|punten|stap|stappen) (verbeteren|vooruit)\b|\b({_NUM}) stappen vooruit\b"
    rf"|\b{_QUALITY}\b[^.]{{0,40}}\b{_NUM} ?(%|procent)"
)
# More ways to say by when: a school period (P3, wk 7), a named school event or holiday (voor het CE, tegen
# de paasvakantie), part of the school year. A repeating moment (elke vrijdag) is a frequency, not a deadline.
_SCHOOL_EVENT = (
    r"(rapport|tweede rapport|eerste rapport|derde rapport|eindrapport|ce|se|pta|examen|sinterklaas|kerst|pasen"
    r"|paasvakantie|krokusvakantie|voorjaarsvakantie|herfstvakantie|kerstvakantie|meivakantie|zomervakantie"
    r"|toetsweek|proefwerkweek|ouderavond|rapportvergadering|open dag|profielkeuze|inleverdatum|deadline)"
)
TIME_MORE = re.compile(
    rf"\b(in|voor|vóór|na|tot|tijdens|eind|einde) (p|periode ?)\d\b|\bp\d\b|\b(in )?(wk|week) \d{{1,2}}\b"
    rf"|\b(bij|voor|vóór|tegen|tot|na|rond) (het |de )?{_SCHOOL_EVENT}\b"
    rf"|\b(tweede|eerste) helft van (het|dit|de) (schooljaar|jaar|periode|semester)\b"
    rf"|\b(eind|einde) van (het|dit|de) (trimester|kwartaal|semester)\b|\btegen (het )?(eind|einde)\b"
)
# A help question ("Hoe zorg ik dat ...?", "Kan ik hulp krijgen met plannen?") asks for a goal; it is none yet.
HELP_QUESTION = re.compile(r"\?\s*$|^(hoe|wat|waarom|kan ik|kun je|kunt u|kan iemand|wie kan|moet ik)\b")
# Somebody else's demand ("mijn vader zegt dat ik harder moet werken") names no behaviour of the student's own.
DEMAND = re.compile(
    r"\b(zegt|zeggen|zei|vindt|vinden|vond|wil|willen|wilde) dat (ik|hij|zij|ze|je)\b[^.]*\b(moet|moeten|moest)\b"
)
# A frequency alone is a measure only on a concrete act: "elke dag beter opletten" counts nothing you can see.
FREQUENCY_ONLY = re.compile(
    r"(elke|elk|iedere|ieder|alle|allemaal|dagelijks|wekelijks|maandelijks|steeds|altijd|telkens)"
)
HABIT = re.compile(r"\b(vanaf|tot|de komende|elke|iedere|telkens|als|wanneer|voortaan|altijd)\b")
NOT_AGAIN = re.compile(r"\b(niet meer|geen (\w+ ){1,4}meer|geen enkele?|nooit meer)\b")
CONTEXT = re.compile(
    r"\b(tijdens|bij|in|na|voor|op) (de|het|zijn|haar|elke|iedere|alle)? ?(les|lessen|pauze|mentoruur"
    r"|mentorles|klas|toets|toetsen|agenda|planner|huiswerk|rooster|school|thuis|ochtend|middag|avond"
    r"|lokaal|gang|kantine|studieles|gymles|bibliotheek|start|begin|eind)\w*\b"
    r"|\b(bij|voor|in de les|tijdens) (ne|en|gs|ak|wi|fa|du|bi|na|sk|ec|nederlands|engels|frans|duits"
    r"|wiskunde|rekenen|geschiedenis|aardrijkskunde|biologie|natuurkunde|scheikunde|economie|gym|lo"
    r"|techniek|tekenen|muziek|latijn|grieks|spaans|informatica|mens en maatschappij)\b"
    r"|\bthuis\b|\b(nederlands|engels|frans|duits|wiskunde|geschiedenis|aardrijkskunde|biologie|economie"
    r"|natuurkunde|scheikunde)\b|\bom \d"
    r"|\b\w+les(sen)?\b|\b(les|lessen|mentoruur|uitleg|instructie|vak|vakken|school|schooldag\w*|lokaal|klas)\b"
    r"|\b(huiswerk|agenda|planner|planning|weekplanning|leerplanning|boek|boeken|opdracht\w*|toets\w*|samenvatting"
    r"|aantekeningen|telefoon|laptop|tas|jas|spullen|vinger|vraag|vragen|woordjes|tafels|presentatie|spreekbeurt"
    r"|werkplek|mentor|docent|buurman|buurvrouw|klasgenoot|leesdossier|profielwerkstuk|hoofdstuk\w*|oefentoets\w*"
    r"|leeslijst|cijfer|voldoende|hoofdzaken|binnenkomst|oefening\w*|stoel|tafel|bank|buren|kapstok|bel|pauze"
    r"|gang|groep|groepje|klasgenoten|hulp|decaan|zorgco\w+|stage\w*|ouders|rapport\w*|mediatheek|gymles)\b"
    r"|\b\w+(toets|toetsen|opdracht|opdrachten|boek|boeken|planning|dossier|werkstuk|lijst|schrift|taak|taken)\b"
    rf"|{_LESSON_HOUR}"
)
# a negation in a subordinate clause ("bij elke opdracht die hij niet snapt") does not make a goal negative
SUBORDINATE_NEGATION = re.compile(
    r"\b(die|dat|wat|als|wanneer|zodra|omdat|waar|welke)\b(\s+\w+){0,4}\s+(niet|geen|nooit|niks|niets)\b"
)
NEGATION = re.compile(
    r"\b(stop|stopt|stoppen|ophouden|houdt|hou)\b[^.]{0,40}\b(met|op)\b"
    r"|\b(niet|geen|nooit|niks|niets|minder|stoppen met|stopt met|stop met|ophouden met|houdt op|hou op"
    r"|voorkomen|vermijden|vermijdt|zonder te|verminderen|afleren)\b"
)


def _shows_behaviour(
    norm: str, action: re.Match[str] | None, measure: re.Match[str] | None, time_match: re.Match[str] | None
) -> bool:
    """Tell whether a goal names behaviour you can see.

    What the student does in a stated situation; or a success criterion on something concrete
    ("tien oefenopgaven foutloos"), whatever the verb, in a whole sentence (a fragment with only
    a frequency or a grade names no behaviour); or someone who does something ("roos stuurt haar
    verslag") by a deadline.
    """
    if action is not None and CONTEXT.search(norm) is not None:
        return True
    if COMPETENCE.search(norm) is not None:
        return True
    if measure is not None and len(words(norm)) >= 6:
        return True
    return (
        action is not None and time_match is not None and (action.re is SUBJECT_VERB or _subject_verb(norm) is not None)
    )


# A learning objective with a verb a test can check: "kan de oorzaken van de Eerste Wereldoorlog benoemen".
COMPETENCE = re.compile(
    r"\b(kan|kunnen|kun|kunt)\b(?: (?!beter\b|meer\b|goed\b|vaker\b)[\w'/=-]+){2,14}? (benoemen|noemen|uitleggen"
    r"|berekenen|uitrekenen|omrekenen|tekenen|opstellen|schrijven|vertellen|bouwen|oplossen|opzeggen|vertalen"
    r"|beschrijven|herkennen|toepassen|invullen|samenvatten|presenteren|aanwijzen|spellen|vervoegen|programmeren"
    r"|afleiden|tekenen|voorlezen|uitvoeren|demonstreren|zingen|spelen|meten|aflezen|ordenen|vergelijken)\b"
)
TRYING = re.compile(
    r"\b(probeer|probeert|proberen|wil|wilt|willen|hoop|hoopt)\b[^.]{0,40}\b(vaker|meer|minder|beter)\b"
)


def _observable(without_time: str, action: re.Match[str] | None) -> re.Match[str] | None:
    """Return the act of a specific goal that is done or not, without a how-much ("ik mail mijn docent Duits").

    Seen or not seen is a measure; "vaker", "meer", "beter" or "regelmatig" is an amount nobody set.
    """
    if action is None or COMPARATIVE.search(without_time) or TRYING.search(without_time) or HABIT.search(without_time):
        return None
    return action


def _one_off(
    norm: str, without_time: str, action: re.Match[str] | None, time_match: re.Match[str] | None
) -> re.Match[str] | None:
    """Return the act of a goal that is one act by one moment (done or not: measurable), else ``None``."""
    if action is None or time_match is None or COMPARATIVE.search(without_time) or HABIT.search(norm):
        return None
    return action if ONE_MOMENT.search(norm) else None


def _subject_verb(norm: str) -> re.Match[str] | None:
    """Find the verb of a goal that starts with who does it ("roos stuurt ..."), in a sentence of 5+ words."""
    if len(words(norm)) < 5:
        return None
    return SUBJECT_VERB.search(norm)


def _frequency_only(without_time: str) -> bool:
    """Tell whether every measure in a goal is only a frequency ("elke", "altijd"), with no count or result."""
    if COMPLETION.search(without_time):
        return False
    found = [m.group(0).strip() for m in MEASURE.finditer(SCOPE.sub(" ", without_time))]
    return bool(found) and all(FREQUENCY_ONLY.fullmatch(m) for m in found)


def _no_real_measure(norm: str, without_time: str, specific: bool) -> bool:
    """Tell whether a goal's measure counts nothing: a help question, or a frequency of nothing you can see."""
    if HELP_QUESTION.search(norm):
        return True  # a question for help sets no criterion yet
    return not specific and _frequency_only(without_time)  # "elke dag meer inzet": how often, of what?


def _snippet(match: re.Match[str] | None) -> str:
    return match.group(0).strip() if match else ""


def check_goal(text: object) -> GoalCheck:
    """Check a goal against SMARTI.

    ``specifiek``, ``meetbaar``, ``tijdgebonden`` and ``positief`` are judged from the text;
    ``acceptabel``, ``realistisch`` and ``inspirerend`` are ``None`` with a question for the
    people involved. ``tips`` say what to add, quoting the goal's own words where they help.
    """
    raw = text if isinstance(text, str) else ""
    norm, _cut = normalise(raw)
    criteria: dict[str, bool | None] = dict.fromkeys(PEOPLE)
    found: dict[str, str] = {}
    tips: list[str] = []
    if len(words(norm)) < 2:
        for key in AUTOMATIC:
            criteria[key] = False
        tips.append("Schrijf een doel op: wie doet wat, wanneer, en hoe weet je dat het gelukt is?")
        return GoalCheck(_ordered(criteria), tips, list(PEOPLE_QUESTIONS.values()), found)

    time_match = TIME.search(norm) or TIME_MORE.search(norm)
    criteria["tijdgebonden"] = time_match is not None
    found["tijdgebonden"] = _snippet(time_match)
    without_time = TIME.sub(" ", norm)  # "over 3 maanden" is a deadline, not a measure
    measure = MEASURE.search(SCOPE.sub(" ", without_time)) or COMPLETION.search(without_time)
    criteria["meetbaar"] = measure is not None
    found["meetbaar"] = _snippet(measure)
    inflated = INFLATED.search(norm)
    if inflated is not None:  # a number on a quality: nothing that can be counted or seen
        measure = None
        criteria["meetbaar"] = False
        found["meetbaar"] = ""
    vague = HELP_QUESTION.search(norm) or DEMAND.search(norm) or VAGUE.search(norm) or inflated
    action = ACTION.search(without_time) or _subject_verb(norm)
    # a date is no negation ("houdt op 6 december een presentatie")
    negation = NEGATION.search(SUBORDINATE_NEGATION.sub(" ", without_time))
    specific = vague is None and _shows_behaviour(norm, action, measure, time_match)
    if specific and measure is None:
        # "zit niet meer op zijn telefoon in de les": the behaviour counted is zero, which you can check;
        # "maakt uiterlijk vrijdag een planning": a single act by a deadline is done or not.
        measure = (
            NOT_AGAIN.search(without_time)
            or _one_off(norm, without_time, action, time_match)
            or _observable(without_time, action or COMPETENCE.search(norm))
        )
        criteria["meetbaar"] = measure is not None
        found["meetbaar"] = _snippet(measure)
    if _no_real_measure(norm, without_time, specific):
        measure = None
        criteria["meetbaar"] = False
        found["meetbaar"] = ""
    criteria["specifiek"] = specific
    found["specifiek"] = _snippet(action) if specific else ""
    criteria["positief"] = negation is None

    if not specific:
        tips.append(_specific_tip(negation, vague, action))
    if not criteria["meetbaar"]:
        tips.append(
            "Voeg een maat toe, zodat je kunt vaststellen of het gelukt is: hoe vaak, hoeveel of hoe lang? "
            "Bijvoorbeeld 'elke les', '3 keer per week' of 'een 6 of hoger'."
        )
    if not criteria["tijdgebonden"]:
        tips.append("Noem een termijn en een evaluatiemoment, bijvoorbeeld 'over 4 weken' of 'voor de kerstvakantie'.")
    if negation is not None:
        tips.append(
            f"'{_snippet(negation)}' zegt wat er moet stoppen. Formuleer wat de leerling wél gaat doen, "
            "bijvoorbeeld 'werkt zelfstandig aan zijn taak' in plaats van 'laat zich niet afleiden'."
        )
    return GoalCheck(_ordered(criteria), tips, list(PEOPLE_QUESTIONS.values()), found)


def _specific_tip(negation: re.Match[str] | None, vague: re.Match[str] | None, action: re.Match[str] | None) -> str:
    """Say what would make a goal specific, quoting its own words where they help."""
    if negation is not None and vague is None:
        return "Beschrijf het gedrag dat je wél wilt zien, in een concrete situatie (welke les, welk moment)."
    if vague is not None and vague.re is HELP_QUESTION:
        return "Dit is nog een hulpvraag. Maak er een doel van: wat ga je doen, hoe vaak of hoeveel, en wanneer?"
    if vague is not None and vague.re is DEMAND:
        return (
            f"'{_snippet(vague)}' is wat een ander vraagt. Beschrijf wat de leerling zelf gaat doen, "
            "in een concrete situatie (welke les, welk moment)."
        )
    if vague:
        return (
            f"'{_snippet(vague)}' kun je niet zien of horen. Beschrijf wat de leerling dan concreet doet, "
            "bijvoorbeeld 'schrijft bij elke tekst de hoofdzaken op' of 'werkt 15 minuten zelfstandig'."
        )
    if action is None:
        return "Beschrijf gedrag of een resultaat dat je kunt zien: wat doet de leerling precies?"
    return f"Maak '{_snippet(action)}' concreter: in welke situatie (welke les, welk vak, thuis of op school)?"


def _ordered(criteria: dict[str, bool | None]) -> dict[str, bool | None]:
    order = ("specifiek", "meetbaar", "acceptabel", "realistisch", "tijdgebonden", "inspirerend", "positief")
    return {k: criteria.get(k) for k in order}
