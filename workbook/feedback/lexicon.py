"""Dutch lexicons and cue patterns for the feedback rules.

Each cue is ``(pattern, weight, reason)``: a regular expression over normalised text (lower
case, see :func:`workbook.feedback.text.normalise`), how strongly it points one way, and the
Dutch explanation a trainer sees. Inflected forms are written out as alternations (a light
lemmatisation), e.g. ``luk(t|te|ten|ken)|gelukt`` for *lukken*. ``docs/feedback.md`` explains
the categories.
"""

from __future__ import annotations

import re

Cue = tuple[re.Pattern[str], float, str]


def cues(*items: tuple[str, float, str]) -> tuple[Cue, ...]:
    """Compile ``(pattern, weight, reason)`` triples into :data:`Cue` tuples."""
    return tuple((re.compile(p), w, r) for p, w, r in items)


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
    "op in bij met van voor aan om tot sinds vanaf naar over door uit tegen onder tussen achter zonder".split()
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
    r"|ik ben (benieuwd|nieuwsgierig)|ik vraag me af|ik wil (graag )?(weten|horen)|laat (eens )?horen)\b"
)
CHOICE = re.compile(r"\bof\b")

# --- the red lens (problem-oriented) --------------------------------------------------

NEGATIVE = (
    r"\b(niet|geen|nooit|niks|niets|weer niet|alweer|zo vaak|steeds weer|telkens"
    r"|te laat|vergeten|vergeet|vergat|mis|misgaan|misging|misgegaan|fout|fouten|verkeerd"
    r"|slecht|slechte|onvoldoende|onvoldoendes|gezakt|zakken|zakt|probleem|problemen|moeite"
    r"|lastig|moeilijk|spijbel\w*|ruzie|straf|onrustig|druk|afgeleid|stom|lui|weinig|steeds|altijd|telkens"
    r"|boos|bang|moe|zo laat|tegenop|pijn)\b"
)
SUCCESS = (
    r"\b(wel|goed|beter|gelukt|lukte|lukt|lukken|geslaagd|voldoende|tevreden|trots|blij|fijn"
    r"|vrolijk|op tijd|hoger|vooruit|verbeterd|gehaald|haalde|sterk|knap|voor elkaar|fit)\b"
)
STRONG_SUCCESS_RE = re.compile(
    r"\b(gelukt|lukte|lukt|lukken|geslaagd|voor elkaar|vooruit\w*|verbeterd|trots|tevreden)\b"
)
NEG_RE = re.compile(NEGATIVE)
SUCCESS_RE = re.compile(SUCCESS)
WEL_RE = re.compile(r"\bwel\b")

RED = cues(
    (
        r"\bhoe (komt|kwam|kan|kon) het( nou| toch)? dat\b",
        1.0,
        "'Hoe komt het dat...' vraagt naar de oorzaak.",
    ),
    (r"\bwaardoor (ging|gaat|komt|lukt|lukte|kwam)\b", 0.8, "Vraagt naar de oorzaak."),
    (r"\b(probleem|problemen)\b", 1.2, "Het woord 'probleem' houdt de aandacht bij wat misgaat."),
    (
        r"\b(ging|gaat|loopt|liep|gaan)( er| het)?( allemaal)? (mis|fout|verkeerd)\b|\bmis(ging|gegaan|gaat)\b"
        r"|\b(fout|verkeerd) (gegaan|ging|doe|deed|gedaan)\b|\bwat (doe|deed) je (fout|verkeerd)\b"
        r"|\b(ging|gaat|liep|loopt) (er|het)\b[^?.]{0,25}\b(mis|fout|verkeerd)\b",
        1.6,
        "Vraagt naar wat er misging.",
    ),
    (
        r"\b(houdt|hield|houden) (je|jou|jij|hem|haar|jullie) tegen\b|\btegenhoud\w*\b|\bbelemmer\w*\b"
        r"|\bin de weg\b|\bzit (je|jou) dwars\b",
        1.6,
        "Vraagt naar wat in de weg zit.",
    ),
    (
        r"\b(mis je|ontbreekt|ontbreken|tekort|tekortkoming\w*|zwakke punt\w*|(kun|kan) (je|jij) (nog )?niet"
        r"|niet kunt|niet kan)\b",
        1.5,
        "Vraagt naar wat de leerling mist of niet kan.",
    ),
    (
        r"\b(schuld|begon|begonnen|aanleiding|oorzaak|oorzaken|reden|veroorza\w+)\b|^waardoor\b",
        1.5,
        "Zoekt naar een oorzaak of een schuldige.",
    ),
    (r"\b(fout|fouten|tegenvaller\w*|mislukking\w*|zwakte\w*)\b", 1.2, "Gaat over fouten en tegenvallers."),
    (
        r"\b(gaat|gaan|ging|gingen|loopt|liep)\b[^?.]{0,20}\b(slecht|moeizaam|stroef|mis)\b",
        1.2,
        "Vraagt naar wat slecht gaat.",
    ),
    (
        r"\b(weer|alweer|steeds|telkens|altijd)\b[^?.]{0,25}\b(vergeten|te laat|niet|niks|geen|fout|slecht\w*|ruzie"
        r"|mis)\b",
        1.2,
        "Benadrukt dat het weer misging; dat klinkt als een verwijt.",
    ),
    (
        r"\b(lukt|lukte|gaat|ging|werkt|werkte)( het| dat| er)?( nog| weer| alweer| echt)? (niet|nooit)\b"
        r"|\bniet (gelukt|lukt|goed)\b"
        r"|\b(nooit|niet) (op tijd|af|gemaakt|geleerd)\b",
        1.4,
        "Vraagt naar wat niet lukt.",
    ),
    (
        r"\bwat (is|zit) er( met (je|jou|jullie))?( \w+)? (aan de hand|achter|mis)\b|\bwat scheelt (er|je)\b",
        1.2,
        "Zoekt naar wat er mis is.",
    ),
    (r"\b(waar ligt het aan|waar komt (dat|het) door|hoe kan dat nou)\b", 1.4, "Vraagt naar de oorzaak."),
    (
        r"\b(tegenop|bang|angst\w*|(?<!ervoor )zorgen(?! (dat|voor|ervoor))|stress\w*|pijn|boos|verdrietig|gefrustreerd|frustr\w+|ergert|ergerde"
        r"|irritant|schaam\w*)\b",
        1.0,
        "Gaat over negatieve gevoelens rond het probleem.",
    ),
    (
        r"\b(had|hadden) (je|jij|jullie)\b[^?.]{0,30}\b(kunnen|moeten)\b",
        1.4,
        "Kijkt terug naar wat anders had gemoeten; dat klinkt als een verwijt.",
    ),
    (r"\b(moe|vermoeid|uitgeput|gestrest|onrustig)\b", 1.0, "Gaat over het probleem (moeheid, onrust)."),
    (
        r"\b(moeilijk\w*|lastig\w*|moeite|last van|zwaar|zwaarder|zwaarst\w*)\b",
        1.0,
        "Gaat over wat moeilijk is.",
    ),
    (r"\b(lage|laag|lager|laagste|zwakke|matige|tegenvallende)\b", 1.0, "Gaat over wat tegenvalt."),
    (
        r"\b(te laat|vergeten|vergeet|vergat|spijbel\w*|ruzie|onvoldoende\w*|gezakt|slecht\w*|afgeleid)\b",
        1.0,
        "Gaat over het probleemgedrag of de tegenvaller.",
    ),
)

# --- the green lens (solution-oriented) ------------------------------------------------

GREEN = cues(
    (r"\bin plaats (van|daarvan)\b", 2.0, "Vraagt naar wat de leerling wil in plaats van het probleem."),
    (
        r"\bwat (wil|zou|wou) (je|jij)\b[^?.]{0,40}\b(bereiken|willen|anders|hebben"
        r"|zien|worden|leren|halen|kunnen)\b|\bhoe (zou|ziet|zag|zien)\b[^?.]{0,50}\buit(zien)?\b|\b(wat|waar) wil (je|jij)( graag)? (naartoe|heen|bereiken)\b"
        r"|\bhoe (wil|zou) (je|jij)( graag)?( dat)?\b|\bwat is (je|jouw) doel\b|\bwat hoop (je|jij)\b"
        r"|\bwelk (doel|cijfer)\b",
        1.6,
        "Vraagt naar de gewenste situatie.",
    ),
    (
        r"\b(stel (je )?(eens )?(voor|dat)|als (het|dit|dat|alles)( probleem)?( straks| morgen)?( is)? "
        r"(opgelost|beter|goed|weer)|wonder|ideale?|droom)\b",
        1.4,
        "Laat de leerling een betere toekomst voorstellen.",
    ),
    (
        r"\bwanneer (lukt|lukte|ging|gaat|gaan|was|is|werkt|werkte|heb|had|kon|kun|kan)\b.*\b(wel|beter|goed|"
        r"makkelijker|op tijd)\b|\bmoment(en)? (dat|waarop)\b.*\b(wel|goed|beter)\b|\buitzondering\w*\b"
        r"|\bdagen (dat|waarop)\b.*\bwel\b",
        1.8,
        "Vraagt naar een uitzondering: wanneer het wel lukt.",
    ),
    (
        r"\b(wat|welke|wie|waar)\b.*\b(helpt|helpen|hielp|hielpen|help)\b|\bwie (kan|kunnen|zou) (je|jou) "
        r"(helpen|steunen)\b|\bwat (heb|had) je nodig\b",
        1.3,
        "Vraagt naar hulpbronnen: wat of wie helpt.",
    ),
    (
        r"\b(kwaliteit\w*|vaardigheden|sterke kant\w*|talent\w*|goed in|bezit je|kun je al|kan je al|heb je al"
        r"|al goed|krachten|(kun|kan) (je|jij) (al )?goed|(kan|kun) (je|jij) (ge)?bruiken|inzetten)\b",
        1.4,
        "Vraagt naar sterke kanten en wat de leerling al kan.",
    ),
    (
        r"\b(wat|waar) (werkt|werkte|gaat|ging|liep)( er| het)?( al| wel)? (goed|beter|prima)\b(?!.*\b(mis|fout"
        r"|verkeerd|niet)\b)|\bwat werkt\b|\bwat (gaat|ging) (er )?(al|wel)\b",
        1.0,
        "Vraagt naar wat al werkt.",
    ),
    (r"\b(tevreden|trots|blij)\b", 1.3, "Vraagt naar waar de leerling tevreden over is."),
    (
        r"\b(kleine|kleinste|eerste|volgende|haalbare)( volgende)? stap\w*\b|\bstap(je)? (vooruit|in de goede richting)\b"
        r"|\bhaalba\w+\b|\b(je|jouw|een|het) doel\b",
        2.0,
        "Vraagt naar een kleine, volgende stap.",
    ),
    (
        r"\bwat (ga|kun|kan|zou|wil) (je|jij)\b[^?.]{0,40}\b(doen|proberen|uitproberen|veranderen|aanpakken)\b"
        r"|\bhoe (ga|pak|wil|zou|gaat) (je|jij)\b[^?.]{0,40}\b(aanpak\w*|aan|doen)\b"
        r"|\bwat (ga|kun|kan) je (morgen|vandaag|deze week)\b",
        1.4,
        "Vraagt naar wat de leerling gaat doen.",
    ),
    (
        r"\b(waaraan|hoe) (merk|zie|weet|herken|merkt|ziet) (je|jij|jouw|iemand|anderen|je ouders|ik)\b"
        r"|\bgoede (weg|kant)\b|\bvooruitgang\b|\bschaal van\b|\bhoe ver ben je\b",
        1.5,
        "Vraagt naar tekenen van vooruitgang.",
    ),
    (
        r"\bhoe (is|was) het (gegaan|gelukt|aan het lukken)\b|\bhoe (ging|gaat) het met (de|je|jouw) "
        r"(afspraak|plan|planning|stap)\b|\bsinds (ons|het|onze) (vorige |laatste )?(gesprek|afspraak)\b"
        r"|\bwat heb je (al )?(geprobeerd|uitgeprobeerd)\b",
        1.3,
        "Kijkt terug op de afspraak: wat lukte er?",
    ),
    (
        r"\bhoe (heb|kreeg|krijg|deed|doe) (je|jij) (het|dat|dit)\b[^?.]{0,40}\b(voor elkaar|gelukt|gedaan)\b"
        r"|\bwat( er)? (goed|wel|beter) (ging|gaat|gingen|werkte|lukte)\b",
        1.3,
        "Vraagt hoe het succes tot stand kwam.",
    ),
    (
        r"\bbeter\b[^?.]{0,40}\bdan\b|\b(verbeterd|vooruitgegaan|verandering|veranderingen|verschil)\b"
        r"|\b(rustiger|beter|makkelijker|leuker|prettiger|fijner|vaker)\b[^?.]{0,15}\b(gaat|gaan|ging|wordt|worden|werd)\b"
        r"|\b(gaat|gaan|ging|wordt|worden|werd)\b[^?.]{0,15}\b(rustiger|beter|makkelijker|leuker|prettiger|fijner)\b",
        1.2,
        "Vraagt naar vooruitgang.",
    ),
    (r"\bstap(je|jes|pen)?\b", 1.2, "Gaat over een stap vooruit."),
    (
        r"\bwat (is er|heb je|zou je|hebben we)( \w+)? nodig\b|\b(wat voor|welke|meer) (hulp|steun|ondersteuning)\b"
        r"|\bhulp\b[^?.]{0,30}\b(willen|wil|nodig)\b",
        1.3,
        "Vraagt naar wat de leerling nodig heeft.",
    ),
    (
        r"\b(leuk|leuke|leuker|leukste|plezier|lekker|fijn|fijne|fijnst\w*|mooiste|genieten)\b",
        1.0,
        "Vraagt naar wat prettig is of goed voelt.",
    ),
    (
        r"\b(meenemen|toepassen|inzetten|vasthouden)\b|\b(kun|kan) (je|jij)\b[^?.]{0,20}\bgebruiken\b",
        1.2,
        "Vraagt wat de leerling kan gebruiken of vasthouden.",
    ),
    (
        r"\bwat (zou|gebeurt)\b[^?.]{0,30}\bals (je|jij)\b|\b(probeer|probeert|proberen|uitproberen)\b",
        1.0,
        "Nodigt uit om iets te proberen.",
    ),
    (r"\bbeter (kan|kunnen|zou|worden|gaan|maken)\b", 1.2, "Vraagt wat beter kan."),
    (
        r"\b(beter|makkelijker|prettiger|leuker) (gaan|gaat|wordt|worden|maken)\b|\bweer (beter|goed|leuk)\b",
        1.0,
        "Gaat over hoe het beter kan worden.",
    ),
    (
        r"\bwat is er (dan|toen) anders\b|\bwat (doe|deed|doet) (je|jij) (dan|toen|daar|op die \w+) anders\b"
        r"|\bwat is (er )?anders (op|bij|in|als)\b",
        1.4,
        "Zoekt naar wat er anders is als het wel lukt.",
    ),
    (
        r"\b(werkt|werkte|werkten|hielp|hielpen|ging|gingen)\b[^?.]{0,30}\b(goed|fijn|prettig)\b"
        r"|\b(die|dat) (voor|bij) (jou|je) werkt\b",
        1.2,
        "Vraagt naar wat (eerder) goed werkte.",
    ),
)

# Plain information: these alone make a question neutral ("Hoe laat ga je naar bed?").
NEUTRAL_INFO = re.compile(
    r"\b(hoe laat|hoeveel|welke dag|welk uur|welk vak|welke vakken|wie is|waar woon|hoe oud|hoe lang|"
    r"rooster|wanneer is|welke klas|welk profiel)\b"
)

# --- solution-focused question families (they outweigh the problem words in them) -----------
# "Wanneer speelt het minder?" carries a problem word, yet it asks the student to look at
# exceptions: what such a question makes the student look at decides the lens, not its words.
SF_FAMILIES = cues(
    (
        r"\b(wanneer|op welke (momenten|dagen)|welke (momenten|dagen|lessen|keren)|was er\b[^?.]{0,25}"
        r"\b(dag|moment|keer|les))\b[^?.]{0,60}\b(minder|even niet|ondanks|toch|beter)\b"
        r"|\bop (de )?(dagen|momenten|keren) (dat|waarop)\b[^?.]{0,40}\b(geen|niet|minder|beter|wel)\b"
        r"|\b(iets |wat )?minder (erg|last|moeilijk|zwaar|druk|eng|spannend)\b",
        3.0,
        "Vraagt naar uitzonderingen: wanneer het probleem kleiner is of er niet is.",
    ),
    (
        r"\bhoe (hou|houd|hield|heb|hebt)\s(je|jij|u)\b[^?.]{0,40}\b(vol|volgehouden|overeind)\b"
        r"|\bhoe (lukt|lukte) (het )?(je|jou|jij|u)\b[^?.]{0,20}\b(toch|ondanks)\b"
        r"|\bniet (nog )?(erger|slechter|zwaarder)\b|\bondanks (alles|de|dat|het)\b",
        3.0,
        "Vraagt hoe de leerling het volhoudt: dat laat kracht zien, niet het probleem.",
    ),
    (
        r"\bals\b[^?.]{0,50}\b(ophoudt|ophouden|stopt|stoppen|gestopt|voorbij is|weg is|opgelost is)\b"
        r"|\bals (je|jij|u) geen\b[^?.]{0,30}\bmeer\b|\bhoe (ziet|zag|zou)\b[^?.]{0,50}\beruit( zien)?\b",
        3.0,
        "Vraagt naar de gewenste toekomst, als het probleem er niet meer is.",
    ),
    (
        r"\b(welk cijfer|op een schaal|schaal van|een \d+ (is|was|geeft) en geen\b|als (een )?10 betekent"
        r"|van (een )?\d+ naar (een )?\d+)",
        3.0,
        "Een schaalvraag: de leerling ziet waar hij staat en wat één stap verder is.",
    ),
    (
        r"\bwat zou (je|jouw|uw) [a-z]+( [a-z]+)? (zeggen|merken|zien|vertellen)\b"
        r"|\bwie (kan|kon|zou|heeft|wil)\s(je|jou|u)\b[^?.]{0,30}\b(helpen|geholpen|steunen|gesteund)\b"
        r"|\bbij wie (kun|kan|kon) (je|jij|u)\b",
        3.0,
        "Vraagt naar steun en naar wat anderen goed zien: hulpbronnen van de leerling.",
    ),
    (
        r"\bwat neem (je|jij|u)\b[^?.]{0,20}\bmee\b|\bwat (was|is|vond (je|jij|u))\b[^?.]{0,20}\b(nuttig|handig|helpend|bruikbaar|waardevol)\b"
        r"|\bwat heb (je|jij|u) aan (dit|het|ons) gesprek\b|\bwat moeten we\b[^?.]{0,30}\bweer doen\b",
        3.0,
        "Een evaluatievraag: wat heeft de leerling aan het gesprek gehad.",
    ),
)

# Implicit blame: a yes/no question with "wel" that doubts the student ("Had je wel je best gedaan?").
# "wel" may come a few words after the subject ("Heb je je agenda wel bijgehouden?"); "wel eens"
# (ever) asks for an exception and is not blame.
IMPLICIT_BLAME = re.compile(
    r"^(heb|had|ben|was|kon|kun|kan|deed|doe|zou|heeft|is|ging|ga|luister|let|snap|weet|wist|leer|lees"
    r"|controleer|maak|maakte|zet|check|oefen|plan)\s(je|jij|u|hij|ze|zij)\b(\s(?!wel\b)[\w'-]+){0,4}\swel\b"
    r"(?!\s(eens|een keer|iets|wat)\b)"
)

# What orients a question towards a way forward, even when it names the problem: coping and
# contrast (toch, ondanks, ook al), purpose (zodat), a plan or the next time, and a comparison
# towards better (minder, makkelijker, beter). A red verdict that rests on one problem word
# only is not trusted when one of these is there.
ORIENTED_FORWARD = re.compile(
    r"\b(toch|ondanks|ook al|zodat|volgende keer|komende (week|dagen|tijd)|spreek\w* (je )?\w* ?af|ga je\b"
    r"|gaat (je|jou) helpen|minder|minst|makkelijker|beter|geleerd|opgegeven|volgehouden|vol(houdt|hield)"
    r"|de baas|weleens|wel eens)\b"
)

# Round 5: what a question asks the student to look at, in the wider words of mentors who never
# saw the seed phrasings. Red: where the problem comes from, what blocks, what went wrong.
RED = RED + cues(
    (
        r"\b(waar komt|komt\b.*\bvandaan|uit de hand|wat (houdt|houd) je tegen|struikel\w*|struggel\w*"
        r"|loop je\b.*\bvast|vastgelopen|vast (lopen|loopt|liep))\b",
        1.2,
        "Vraagt waar het probleem vandaan komt of waar de leerling op vastloopt.",
    ),
    (
        r"\b(gespijbeld|spijbel\w*|gemist|laten liggen|uitgespookt|afgezakt|door de mand|in de clinch|ergste"
        r"|te weinig|eruit (gestuurd|stuurde)|uit de les (gestuurd|gezet)|zo stom)\b",
        1.0,
        "Gaat over wat er misging.",
    ),
    (
        r"\bwat (gebeurde|is) er (precies |eigenlijk )?(gebeurd|gebeurt )?\b.*\b(voordat|toen|dat zo)\b"
        r"|\bwat dacht je (eigenlijk |nou )?toen\b",
        1.0,
        "Reconstrueert het incident: de aandacht blijft bij wat er misging.",
    ),
)

# Green: what helps and works, what it brought, strengths, and what the student wants to reach.
GREEN = GREEN + cues(
    (
        r"\b(helpt|hielp|geholpen|helpen)\b(?![^?.]*\b(niet|niks|niets|tegen)\b)"
        r"|\b(werkt|werkte|gewerkt)\b(?![^?.]*\b(niet|tegen)\b)",
        1.2,
        "Vraagt naar wat helpt of werkt.",
    ),
    (
        r"\b(nuttig\w*|opgeleverd|aan gehad|onthouden|meenemen|neem je mee|geheim van|sterkste|trots)\b",
        1.2,
        "Vraagt naar wat het opleverde of waar de leerling sterk in is.",
    ),
    (
        r"\bwaar wil je (aan )?werken\b|\b(wil|zou) (je|jij) (graag )?\b.*\b(bereiken|ophalen|verbeteren|halen|worden)\b"
        r"|\bwat (heb je|merk je) (gemerkt|aan)\b",
        1.2,
        "Vraagt naar wat de leerling wil bereiken of al merkt.",
    ),
)

# Round 5, second pass: the families that carried no words the rules knew.
GREEN = GREEN + cues(
    (
        r"\b(begin je|pak je|als eerste|kleinste|klein(e)? dingetje|zullen we afspreken)\b"
        r"|\b(wanneer|vanavond|morgen) ga je\b|\bga je (vanavond|morgen|vanmiddag)\b"
        r"|\bkun je (vandaag|morgen|vanavond|vanmiddag|nu al)\b|\b(vanavond|vanmiddag|morgen)\b.*\b(doen|regelen|beginnen)\b",
        1.2,
        "Vraagt naar een volgende stap.",
    ),
    (
        r"\b(op|naar|is het) (nu )?(meer )?een \d\b|\bschaal\b|\bgoed genoeg\b|\bgoed resultaat\b|\bhoger\b.*\bdan\b",
        1.2,
        "Een schaalvraag: waar staat de leerling en wat is genoeg.",
    ),
    (
        r"\bstel,? \w+|\bals niemand meer\b|\bschone lei\b|\beruit ?ziet\b|\bwat (zou|is) er anders\b"
        r"|\bnodig (zijn |hebben )?om\b|\b(wakker)\b.*\bweg\b",
        1.2,
        "Vraagt naar de gewenste situatie.",
    ),
    (
        r"\b(steunt|steun|samen (zou|kunnen|kan)|skills?|kunnen gebruiken|door te zetten"
        r"|oplaadt|opladen|er (weer )?uit (kwam|komt)|(kom|kwam) je\b.*\bdoor|rustig bleef|herinneren)\b"
        r"|\bsoms minder\b",
        1.2,
        "Vraagt naar wat de leerling helpt of al eens lukte.",
    ),
)
RED = RED + cues(
    (r"\bje weet toch\b|\bweer raak\b|\bte (druk|moe|veel)\b", 1.0, "Legt de nadruk op wat er mis is."),
)
