"""Recognise which of the seven conversation elements a mentor's utterance realises."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbook.feedback.lexicon import Cue, cues
from workbook.feedback.questions import analyse_question
from workbook.feedback.text import normalise, words

__all__ = ["detect_elements", "explain_elements", "judge_elements", "ElementJudgement", "ELEMENT_CUES", "BLOCKERS"]

ELEMENT_CUES: dict[str, tuple[Cue, ...]] = {
    "erkennen": cues(
        (
            r"^(wat )?(balen|vervelend|rot|naar|zuur|jammer|pittig|lastig|zwaar|pech|sneu|stom|ellendig|heftig"
            r"|pff+|jeetje|jee|oei|au|ai)\b( (hoor|joh|zeg|he|hè|man|zeg maar|zeg zeg))*[.!]*$",
            1.6,
            "Een kort 'balen, zeg': de mentor laat merken dat hij meeleeft.",
        ),
        (
            r"^(snap|begrijp|hoor|zie) ik( wel| best| heel goed| goed)?\b|\b(je|jij) (had|hebt|kreeg|krijgt) het gevoel\b"
            r"|^dus (eigenlijk|kort gezegd|samengevat|als ik)\b|\bsamengevat\b|\bals ik (je|jou|het) goed samenvat\b"
            r"|\bdat is (ook )?(echt |best |wel |heel |erg |gewoon )?(veel|heftig|een hoop|niet niks|flink wat)\b",
            1.7,
            "De mentor laat merken dat hij het verhaal snapt, of vat het samen.",
        ),
        (
            r"\bik (snap|begrijp|hoor|zie|merk)( het| dat| wel| goed| je)?\b(?! (niet|nooit))",
            1.4,
            "De mentor laat merken dat hij het verhaal snapt.",
        ),
        (
            r"\b(dat|het|wat) (lijkt|klinkt) (me |mij )?(echt |best |wel |heel |erg )?(lastig|moeilijk|vervelend|"
            r"zwaar|rot|naar|frustrerend|logisch|balen|spannend|stom|pittig|lastig)\b",
            1.6,
            "De mentor benoemt hoe het voor de leerling is.",
        ),
        (
            r"\b(dus )?(als ik (je|jou|het) goed (begrijp|hoor|snap)|je zegt (dus )?dat|dus (jij|je) (zegt|bedoelt"
            r"|vindt|hebt|had|was|bent)|dus de situatie is|wat ik hoor is|je bedoelt)\b",
            1.6,
            "De mentor vat samen in de woorden van de leerling.",
        ),
        (
            r"\b(je|jij) (baalt|voelt je|vindt het|was (erg |best )?(teleurgesteld|boos|verdrietig|geschrokken)"
            r"|bent (teleurgesteld|boos|verdrietig|moe|op)|zit er (mee|echt mee))\b|\bdat (raakt|zit) je\b"
            r"|\bwat (een )?(balen|vervelend|rot|naar|pech|gedoe)\b|\b(begrijpelijk dat je|logisch dat je) "
            r"(baalt|boos|teleurgesteld|verdrietig)\b",
            1.5,
            "De mentor benoemt het gevoel van de leerling.",
        ),
        (
            r"\bik kan me (goed |heel goed )?voorstellen dat (je|jij)\b|\b(je|jij)\b[^.?]{0,25}\b(geschrokken"
            r"|teleurgesteld|verdrietig|gefrustreerd|zenuwachtig|onzeker)\b",
            1.4,
            "De mentor benoemt hoe het voor de leerling is.",
        ),
        (
            r"\b(vertel|vertelt) (daar |er |me |eens )*(eens )?(wat |iets )?meer (over|van)\b",
            0.7,
            "De mentor nodigt uit om meer te vertellen.",
        ),
        (
            r"\b(klinkt|lijkt) (alsof|of|als)\b|\bdat is (ook )?(echt |best )?(balen|vervelend|lastig|zwaar|"
            r"frustrerend|pittig)\b",
            1.2,
            "De mentor erkent de situatie.",
        ),
    ),
    "normaliseren": cues(
        (r"\bniet de (enige|eerste)\b", 2.2, "De mentor laat merken dat anderen dit ook meemaken."),
        (
            r"\bherkenbaar\b|^(klinkt|lijkt) (me )?(heel |best |wel |erg |ook )?(logisch|normaal|begrijpelijk)\b",
            2.0,
            "De mentor laat merken dat dit herkenbaar en normaal is.",
        ),
        (
            r"\b(veel|meer|heel wat|de meeste|bijna alle|andere|zoveel) (leerlingen|jongeren|brugklassers|mensen|"
            r"kinderen|klasgenoten|derdeklassers|tieners)\b",
            1.8,
            "De mentor laat merken dat het vaker voorkomt.",
        ),
        (
            r"\b(bijna )?iedereen( heeft| loopt| vindt| krijgt| maakt)?\b.*\b(wel eens|weleens|soms|last|moeite"
            r"|lastig|tegenaan)\b|\b(heel )?(normaal|gewoon) dat\b|\bkomt (vaak|veel|vaker) voor\b|\bgeen wonder\b",
            1.8,
            "De mentor laat merken dat dit normaal is.",
        ),
        (
            r"\bik (spreek|zie|hoor|ken) (vaak|vaker|veel|regelmatig|wel meer)\b",
            1.6,
            "De mentor kent dit van meer leerlingen.",
        ),
        (
            r"\b(de stof|het vak|die toets|dat hoofdstuk|de overstap|het tempo|zo'n periode|dat)( is| was) (ook )?"
            r"(best |echt |gewoon |behoorlijk )?(moeilijk|lastig|pittig|uitdagend|zwaar|veel|nieuw)\b"
            r"|\b(is|was|zijn|waren) ook (best |echt |gewoon |behoorlijk |wel |nogal )*(moeilijk|lastig|pittig|"
            r"uitdagend|zwaar|veel|nieuw|wennen|taai)\b",
            1.5,
            "De mentor legt uit waarom het begrijpelijk is.",
        ),
        (
            r"\b(moeilijke|lastige|pittige|uitdagende|zware|taaie|nieuwe) (stof|toets|toetsen|opdracht|periode|overstap"
            r"|hoofdstuk|vak|tijd|weken|start)\b",
            1.6,
            "De mentor legt uit waarom het begrijpelijk is.",
        ),
        (
            r"\b(begrijpelijk|logisch|niet gek|niet vreemd|snap ik wel)\b.*\b(want|omdat|na|gezien|als)\b",
            1.2,
            "De mentor maakt het begrijpelijk gezien de omstandigheden.",
        ),
        (
            r"\bik kan me (goed )?voorstellen dat (het|dat|je)\b.*\b(niet|moeite|lastig|moeilijk)\b",
            1.0,
            "De mentor maakt het begrijpelijk.",
        ),
    ),
    "positieve_verwachting": cues(
        (
            r"\bwat ik (vaak|vaker|veel|meestal) zie\b|\bik zie vaak dat\b|\b(zie|merk) ik (vaak|vaker|meestal|altijd)\b"
            r"[^?]{0,60}\b(beter|betere|vooruit|lukken|makkelijker|leuker|sneller)\b",
            1.8,
            "De mentor deelt zijn ervaring dat het beter wordt.",
        ),
        (
            r"\b(als|wanneer|zodra) (het|dit|dat|alles|je probleem|het probleem)( straks| zo meteen| morgen| weer)?"
            r"( is)? (opgelost|beter gaat|weer loopt|lukt|goed gaat)\b|\bstel (je )?(eens )?(voor|dat)\b"
            r"|\bals het straks\b",
            1.7,
            "De mentor laat de leerling een betere toekomst voorstellen.",
        ),
        (
            r"\b(eerste|als eerste)\b.*\b(merken|zien|merkt|ziet)\b.*\b(goede kant|beter|verandert)\b"
            r"|\bde goede kant op\b",
            1.6,
            "De mentor vraagt naar de eerste tekenen van verbetering.",
        ),
        (
            r"\b(ik heb|heb ik) (er )?(echt |alle |veel |het |wel |groot |heel )*(vertrouwen|geloof)\b|\bik (geloof|verwacht|weet zeker)"
            r" (dat|wel)\b|\b(dat|het) (gaat|komt) (je |jou )?(vast|zeker|wel|echt)( wel)? (lukken|goed)\b"
            r"|\bdat (gaat|ga) je (vast|zeker|wel) (lukken|redden)\b|\b(je|jij) (gaat|kunt|kan) dit( echt)?( wel)?\b",
            1.6,
            "De mentor spreekt vertrouwen uit dat het gaat lukken.",
        ),
        (
            r"\b(wat|hoe) (gaat|zal|wordt) (er )?(dan|straks) (beter|anders)\b|\bwat doe je dan anders\b"
            r"|\bhoe ziet (het|dat|je week) eruit als\b",
            1.5,
            "De mentor laat de leerling de verbetering beschrijven.",
        ),
        (
            r"\b(ga|gaat|zal|zult) (je|jij)\b[^?.]{0,30}\b(het verschil|verschil|vooruitgang|resultaat)\b"
            r"|\bje (gaat|zult) (het )?(zien|merken)\b",
            1.6,
            "De mentor voorspelt dat de inspanning iets oplevert.",
        ),
        (
            r"\b(steeds leuker|beter worden|beter gaan worden|gaat het (vast )?beter)\b",
            0.8,
            "De mentor verwacht verbetering.",
        ),
    ),
    "zichtbaar_maken": cues(
        (
            r"^(goed|fijn|knap|sterk|mooi|slim|top|netjes|chapeau) (dat|hoe) (je|jij|u)\b"
            r"|\bhoe (pakte|pak|deed|regelde|kreeg|aanpakte) (je|jij|u)\b[^?.]{0,30}\b(toen|aan|voor elkaar)\b",
            1.8,
            "De mentor maakt zichtbaar wat de leerling goed deed, of vraagt hoe hij dat aanpakte.",
        ),
        (
            r"\bwat (werkt|gaat|ging|liep)( er)?( al| nu al| wel| allemaal)? (goed|prima|beter)?\b(?!.*\b(mis|fout|"
            r"verkeerd|niet)\b)|\bwat werkt\b",
            1.6,
            "De mentor vraagt wat al werkt.",
        ),
        (
            r"\bwaar ben je( al| nu al)? (tevreden|trots|blij) (over|op|mee)\b|\b(tevreden|trots)\b",
            1.5,
            "De mentor vraagt waar de leerling tevreden over is.",
        ),
        (
            r"\bwanneer (is|was|lukte|lukt|ging|gaat|werkte|heb|had)\b.*\b(wel|gelukt|goed|beter)\b"
            r"|\b(momenten|keren|dagen|lessen) (dat|waarop|waarin)\b.*\bwel\b|\bwanneer( is)? het je( al)?( eens)?"
            r" gelukt\b",
            1.8,
            "De mentor zoekt naar momenten waarop het wel lukt.",
        ),
        (
            r"\b(mij|me) (valt|viel) op\b|\bik (zag|zie|merkte|merk|heb gezien) dat (je|jij)\b.*\b(wel|goed|lukt|lukte|"
            r"geconcentreerd|op tijd|netjes|rustig|af|knap)\b|\bik zag (je|jou)\b",
            1.7,
            "De mentor benoemt wat hij zelf zag werken.",
        ),
        (
            r"\bhoe (deed|doe|kreeg|krijg|lukt|lukte|flikte) je (dat|dit|het)( toen)?( voor elkaar)?\b"
            r"|\bwat (deed|doe) (je|jij)\b[^?.]{0,30}\banders\b|\bwat hielp (je )?(toen|daarbij|daar)\b",
            1.6,
            "De mentor vraagt hoe het succes tot stand kwam.",
        ),
        (r"\b(vasthouden|behouden|blijven doen)\b", 1.3, "De mentor vraagt wat de leerling wil vasthouden."),
        (
            r"\b(werkte|werkt|hielp|helpt|ging)\b[^?.]{0,20}\b(goed|prima|fijn)\b|\b(heb je|je hebt)\b[^.?]{0,30}"
            r"\b(laten zien|bewezen)\b",
            1.3,
            "De mentor wijst op wat eerder werkte.",
        ),
        (
            r"\b(sterke kant\w*|waar ben je goed in|wat kun je (al )?goed|je bent (goed|sterk) in|talent)\b",
            1.4,
            "De mentor brengt sterke kanten in beeld.",
        ),
        (
            r"\ber (gaat|gaan|ging|gingen)\b[^?.]{0,25}\bgoed\b|\b(gaat|gaan|ging|werkt|werken|lukt|lukken)\b"
            r"[^?.]{0,15}\b(al|nu al)\b[^?.]{0,10}\b(goed|prima|beter|wel)\b",
            1.3,
            "De mentor benoemt dat er al dingen goed gaan.",
        ),
        (
            r"\bwel\b[^?.]{0,15}\b(lukt|lukte|gelukt|goed|beter)\b|\b(lukt|lukte|ging|gaat)\b[^?.]{0,15}\bwel\b",
            1.2,
            "De mentor vraagt naar wat wel lukt.",
        ),
    ),
    "kleine_stap": cues(
        (
            r"\b(kleine|kleinste|eerste|haalbare|klein)( volgende)? (stap|stapje|ding|dingetje)\b",
            1.8,
            "De mentor vraagt naar een kleine, haalbare stap.",
        ),
        (
            r"\bhoe (ga|wil|pak|zou|gaat) (je|jij)\b[^?.]{0,30}\b(aanpak\w*|aan|regelen|doen)\b",
            1.6,
            "De mentor maakt de stap concreet.",
        ),
        (
            r"\b(wanneer|op welke? (dag|dagen|moment|momenten|tijd|tijdstip|uur)|hoe vaak|hoe lang|hoeveel tijd"
            r"|om hoe laat)\b.*"
            r"\b(ga|gaat|wil|doe|doen|oefen|oefenen|leer|leren|plan|plannen|werk|werken|begin|beginnen)\b",
            1.4,
            "De mentor vraagt wanneer en hoe vaak.",
        ),
        (
            r"\bwat (ga|kun|kan|zou|wil) (je|jij)\b[^?.]{0,30}\b(doen|proberen|uitproberen|veranderen)\b"
            r"|\bals eerste\b",
            1.5,
            "De mentor vraagt wat de leerling gaat doen.",
        ),
        (
            r"\b(waaraan|hoe) (merk|zie|weet) (je|jij)\b.*\b(goede weg|lukt|gelukt|werkt)\b",
            1.3,
            "De mentor vraagt waaraan de leerling merkt dat de stap werkt.",
        ),
        (
            r"\bwil (je|jij)\b[^?.]{0,30}\b(uit)?proberen\b"
            r"|\bwelk (klein )?ding\b",
            1.2,
            "De mentor nodigt uit iets uit te proberen.",
        ),
    ),
    "vastleggen": cues(
        (
            r"\b(kom|loop|wip) (je|jij|u)\b[^?.]{0,50}\blangs\b",
            1.8,
            "De mentor spreekt een moment af om terug te komen.",
        ),
        (
            r"\bik (schrijf|noteer|zet|leg|typ)( het| dat| dit| even| het even| dat even| we)*( even)?( op| in| vast"
            r"| neer| mijn agenda)?\b|\b(opschrijven|noteren|vastleggen|op papier)\b",
            1.8,
            "De mentor legt de afspraak vast.",
        ),
        (
            r"\bhoe (zal|moet|zullen) (ik|we) (het|dat|dit) (noteren|opschrijven|formuleren)\b",
            2.0,
            "De mentor vraagt hoe de afspraak genoteerd wordt.",
        ),
        (
            r"\b(zullen|laten|kunnen|gaan|spreken) we\b.*\b(maandag|dinsdag|woensdag|donderdag|vrijdag|volgende week"
            r"|over (een|twee|drie|vier|vijf|tien|\d+) (dag|dagen|week|weken)|bij elkaar|terugkijken|evalueren"
            r"|pauze|na de les|mentoruur|[0-9]+ (januari|februari|maart|april|mei|juni|september|oktober|november"
            r"|december))\b",
            1.8,
            "De mentor maakt een concrete vervolgafspraak.",
        ),
        (
            r"\b(vervolgafspraak|nieuwe afspraak|afspreken|we spreken af|spreken we af|afgesproken dat|terugkomen op|"
            r"komen (we )?(er|hier|daar)op terug|dan kijken we|kijken we (samen|even|dan)|even checken hoe)\b",
            1.5,
            "De mentor spreekt af wanneer jullie erop terugkomen.",
        ),
        (
            r"\b(in (mijn|je|de) agenda|op een briefje|in de planner|in magister|in somtoday)\b",
            1.1,
            "De mentor zet de afspraak op papier of in de agenda.",
        ),
    ),
    "vervolggesprek": cues(
        (
            r"\bhoe (is|was) het( je)?( de afgelopen \w+)? (aan het lukken|gegaan|gelukt|bevallen)\b"
            r"|\bhoe (ging|gaat) het (met|sinds) (de|je|jouw|onze|ons) (afspraak|plan|planning|stap|vorige)\b",
            2.0,
            "De mentor kijkt terug op de afspraak.",
        ),
        (
            r"\b(vorige|afgelopen) (week|keer|les|gesprek|maandag|dinsdag|woensdag|donderdag|vrijdag)\b.*"
            r"\b(afgesproken|spraken|hadden we|zei je|zou je|ging je)\b|\b(we hadden|we spraken) (afgesproken|af)\b"
            r"|\bsinds (ons|het) (vorige )?gesprek\b",
            1.8,
            "De mentor komt terug op een eerdere afspraak.",
        ),
        (
            r"\b(is|was) het (je )?gelukt\b|\blukte het (je )?(om|de afgelopen|deze|vorige)\b",
            1.8,
            "De mentor vraagt of de afgesproken stap gelukt is.",
        ),
        (
            r"\bwanneer werkte (het|dat)\b|\bwat (deed|heb) je (toen|die keer) (precies|gedaan)\b"
            r"|\bwat gebeurde er (toen|daarna)\b",
            1.5,
            "De mentor vraagt door op wat er gebeurde sinds de afspraak.",
        ),
        (
            r"(?<!kleine )\b(volgende|nieuwe) stap\w*( vooruit)?\b|\bhoe (nu|verder)\b",
            1.8,
            "De mentor vraagt naar de volgende stap na de eerste.",
        ),
        (
            r"\b(afgelopen|vorige) (week|weken|periode|dagen)\b.*\b(lukt|lukte|gelukt|ging|werkte|gedaan|gegaan)\b"
            r"|\b(lukte|ging|werkte|gelukt|gegaan)\b.*\b(afgelopen|vorige) (week|weken|periode|dagen)\b",
            1.3,
            "De mentor kijkt terug op de afgelopen periode.",
        ),
    ),
}

# Round 5: the same elements in the wider spoken forms of mentors who never saw the seed
# phrasings. Each cue names a structure (what the sentence does), not a sentence.
_SPOKEN: dict[str, tuple[Cue, ...]] = {
    "erkennen": cues(
        (
            r"^(dat|het|dit) (klinkt|lijkt|moet|voelt)\b.*\b(heftig|eng|zwaar|naar|rot|vervelend|pijnlijk|moeilijk"
            r"|lastig|spannend|verdrietig|frustrerend|stom|onrustig|druk|pittig|akelig)\b",
            2.0,
            "De mentor benoemt hoe het voor de leerling moet zijn.",
        ),
        (r"\b(echt |wel |flink |zwaar )?balen\b", 2.0, "De mentor erkent de teleurstelling."),
        (
            r"\b(zit|zat) (je|jou|u|het je) (echt |nog |flink |wel )?(niet lekker|dwars|hoog)\b"
            r"|\bzit (je|jou) (echt |nog )?niet lekker\b",
            2.0,
            "De mentor benoemt wat de leerling dwarszit.",
        ),
        (
            r"\b(begrijp|snap) ik( heel| echt| best| helemaal)*( goed)?\b",
            1.0,
            "De mentor laat merken dat hij het begrijpt.",
        ),
        (
            r"^(oké,? |ok,? |oh,? )?(dus\b|zo te horen\b|als ik je (goed )?(hoor|begrijp|samenvat)\b|je bedoelt\b)",
            1.8,
            "Een samenvatting van wat de leerling vertelde.",
        ),
    ),
    "normaliseren": cues(
        (
            r"\b(heel |echt |juist |helemaal |best |ook )(normaal|menselijk)\b|\bdat is menselijk\b",
            1.8,
            "De mentor laat merken dat dit normaal is.",
        ),
        (
            r"\bkomt (echt |heel |best |ook |juist )*(veel|vaak|vaker|regelmatig) voor\b|\b(heel |erg )?(vaak|veel) voor\b",
            1.8,
            "De mentor laat merken dat het vaak voorkomt.",
        ),
        (
            r"\b(helemaal |echt )?(niet|geen) (zo )?(gek|raar|vreemd|wonder)\b",
            1.8,
            "De mentor laat merken dat het niet vreemd is.",
        ),
        (
            r"\boverkomt (de beste|iedereen|veel)\b|\bhoort bij (je|jouw|de|die) (leeftijd|fase|tijd|puberteit)\b",
            2.0,
            "De mentor laat merken dat het erbij hoort.",
        ),
        (
            r"\b(bijna iedereen|de meeste \w+|heel veel \w+|zoveel \w+)\b|\b(meer|andere) \w+ (die )?(precies )?hetzelfde\b"
            r"|\bdie precies hetzelfde\b",
            1.6,
            "De mentor laat merken dat anderen dit ook hebben.",
        ),
        (
            r"\b(ook|zelfs) (docenten|volwassenen|ik|wij|leraren)\b.*\b(weleens|wel eens|soms|ook)\b",
            1.5,
            "De mentor laat merken dat iedereen dit kent.",
        ),
    ),
    "positieve_verwachting": cues(
        (
            r"\bik ben er(van)? (echt |heel |helemaal )?(zeker|overtuigd)\b|\bik twijfel er (echt )?niet aan\b"
            r"|\bik (geloof|vertrouw) (echt |er |helemaal |écht )?(in (je|jou|hem|haar)|erop|dat)\b"
            r"|\bvolste vertrouwen\b|\bik verwacht (echt |gewoon |niet anders )?(dan )?dat\b|\bgoed gevoel over\b",
            2.2,
            "De mentor spreekt vertrouwen uit dat het de leerling lukt.",
        ),
        (
            r"\b(jij|je|hij|zij|uw zoon|uw dochter) (gaat|gaan|zal|zult|komt|komen)\b(?!.*\bniet\b).*\b(lukken|fixen"
            r"|halen|redden|goed|sterker|uitkomen|rechttrekken|zien|wel)\b|\bhet gaat (je|jou|hem|haar) lukken\b"
            r"|\bkomt (helemaal |echt |vast )?goed\b|\b(jij|je) komt er\b|\bik zie (het|je|jou)\b.*\b(voor me|nog)\b",
            1.8,
            "De mentor spreekt uit dat het goed gaat komen.",
        ),
        (
            r"\b(je bent|jij bent) (echt )?(sterker|slimmer|slim genoeg|goed genoeg|prima in staat)\b|\bin staat om\b"
            r"|\bhee?ft het in (zich|je)\b|\bals iemand\b.*\bdan (ben|is) (jij|het)\b|\bwedden dat\b"
            r"|\b(een )?prima \w+ kan zijn\b",
            1.8,
            "De mentor laat merken dat de leerling het kan.",
        ),
    ),
    "zichtbaar_maken": cues(
        (
            r"^(wat |echt |wauw,? )?(goed|knap|sterk|mooi|fijn|tof|netjes|top)( gedaan| van je| zeg)?,? (dat|hoe)\b"
            r"|\b(dat|wat) (vind|vond) ik (echt |heel |wel )?(knap|goed|sterk|mooi|aardig|fijn)\b"
            r"|\b(knap|sterk|aardig|goed|mooi) van (je|jou|u)\b|^respect\b|\bik vind het (echt |heel )?(mooi|knap|goed|sterk) dat\b",
            2.0,
            "De mentor benoemt wat de leerling goed deed.",
        ),
        (
            r"\bhoe (heb|had) (je|jij|u) (dat|het|jezelf)\b.*\b(gedaan|gekregen|voor elkaar|gelukt|zover|volgehouden)\b"
            r"|\bhoe (zorgde|wist|deed|kreeg|lukte) (je|jij|het)\b|\bvoor elkaar gekregen\b",
            2.0,
            "Vraagt hoe de leerling een succes bereikte: zo wordt zichtbaar wat werkt.",
        ),
        (
            r"\b(hard gewerkt|veel moeite gedaan|moeite gedaan|blijft het proberen)\b"
            r"|\bik (heb gezien|zie|merk|zag) (dat|hoe)\b.*\b(geholpen|gewerkt|gedaan|gelukt|aardig|knap|goed)\b",
            1.6,
            "De mentor maakt zichtbaar wat de leerling al doet.",
        ),
    ),
    "kleine_stap": cues(
        (
            r"\b(één|een) (ding|stap|stapje|stukje)\b|\b(allerkleinste|kleinste|mini-?stapje|haalbaar begin|klein stukje"
            r"|kleine stap)\b|\bwe houden het klein\b|\bwaar begin je( mee)?\b|\bstap (die|dat) je\b|\bwelke stap\b",
            1.9,
            "Vraagt naar één kleine, haalbare stap.",
        ),
        (
            r"^(wat|welk|welke|waar)\b.*\b(morgen|vanavond|deze week|komende \w+|vóór|voor het volgende|als je thuiskomt)\b",
            1.6,
            "Vraagt wat de leerling binnenkort al kan doen.",
        ),
    ),
    "vastleggen": cues(
        (
            r"^afgesproken\b|\bafspraak staat\b|\bleggen we vast\b|\bik (maak|schrijf|zet)\b.*\b(notitie|op|agenda)\b"
            r"|\bik mail (je|jou|u)\b.*\bafgesproken\b",
            2.2,
            "De mentor legt de afspraak vast.",
        ),
        (
            r"\b(zie|spreek) ik je\b.*\b(weer|terug)\b|\b(praten we verder|zien we elkaar|hoor ik hoe|plannen we)\b",
            2.0,
            "Er is een vervolgmoment afgesproken.",
        ),
    ),
    "vervolggesprek": cues(
        (
            r"^(?=.*\b(hoe (ging|gaat|liep|pakte|staat)|is dat gelukt|heb je (hem|het|dat) gebruikt|wat (heb je gemerkt"
            r"|viel je op|heeft het)|waar zit je nu|werkte)\b)(?=.*\b(vorige (keer|week)|sinds|afgesproken|afspraak"
            r"|je (zou|ging|wilde)|we (zouden|hadden)|geleden|terug|van (maandag|dinsdag|woensdag|donderdag|vrijdag)"
            r"|stapje|plan)\b)",
            2.4,
            "Kijkt terug op wat de vorige keer is afgesproken.",
        ),
    ),
}
for _element, _cues in _SPOKEN.items():
    ELEMENT_CUES[_element] = ELEMENT_CUES[_element] + _cues

BLOCKERS = cues(
    (
        r"\b(je|jij) (moet|moest|had moeten|zou (eens |beter |gewoon )+)\b(?!.*\b(niet de enige|tevreden|trots)\b)",
        1.0,
        "Dit is een opdracht of advies: de leerling bedenkt het niet zelf.",
    ),
    (
        r"\bals ik (jou|jij) (was|ben)\b|\bprobeer (nou|gewoon|maar) (eens )?\b|\bgewoon (beter|harder|meer|eerder)"
        r"\b|\bzorg (nou |maar |gewoon )*(dat|ervoor)\b|\bdan moet je\b|\bje kunt (beter|gewoon)\b",
        1.0,
        "Dit is ongevraagd advies.",
    ),
    (
        r"\banders (krijg|ga|moet|bel|volgt|zit)\w*\b|\b(straf\w*|nablijven|strafwerk|consequenties|eruit gestuurd"
        r"|uit de les|melden bij|bel (ik )?je ouders|je ouders bellen)\b|\bals je (nog een keer|weer|nog eens)\b",
        1.0,
        "Dit is een dreigement.",
    ),
    (
        r"\b(jouw|je eigen) schuld\b|\b(je|jij) (doet|bent|hebt)( ook)? (altijd|nooit)\b|\bstel je niet aan\b"
        r"|\bhoe vaak moet ik\b|\b(dat|het) (is|was) toch( ook)? niet (zo )?(moeilijk|lastig|zwaar)\b"
        r"|\bniet zeuren\b|\bdoe (eens )?normaal\b|\bik heb (het )?(je )?toch gezegd\b",
        1.0,
        "Dit is een verwijt.",
    ),
)


def _score(norm: str) -> dict[str, tuple[float, list[str]]]:
    scores: dict[str, tuple[float, list[str]]] = {}
    for element, element_cues in ELEMENT_CUES.items():
        total, reasons = 0.0, []
        for pattern, weight, reason in element_cues:
            if pattern.search(norm):
                total += weight
                reasons.append(reason)
        if total:
            scores[element] = (total, reasons)
    return scores


# Reason codes: what a program (the simulated student) branches on; the Dutch text is for people.
NO_TEXT = "geen_tekst"
NO_ELEMENT = "geen_element"
RED_WHY = "rode_waarom"
BLOCKER_CODES = ("opdracht", "advies", "dreigement", "verwijt")  # one per entry of BLOCKERS, in order
BLOCKING = frozenset((*BLOCKER_CODES, RED_WHY))


@dataclass(frozen=True)
class ElementJudgement:
    """What an utterance does as a conversation element.

    Attributes
    ----------
    ranked : list of str
        The elements it realises, best first (empty when none).
    reasons : dict
        Per element, the Dutch reasons.
    why_not : str or None
        Why none applies, in Dutch (``None`` when one does).
    code : str or None
        Why none applies, as a code: ``"geen_tekst"``, ``"geen_element"``, a blocker
        (``"opdracht"``, ``"advies"``, ``"dreigement"``, ``"verwijt"``) or ``"rode_waarom"``.
    """

    ranked: list[str]
    reasons: dict[str, list[str]]
    why_not: str | None = None
    code: str | None = None

    @property
    def blocked(self) -> bool:
        """Whether the utterance works against the conversation (advice, blame, a red 'waarom')."""
        return self.code in BLOCKING


def _blocked(norm: str) -> tuple[str, str] | None:
    for (pattern, _weight, reason), code in zip(BLOCKERS, BLOCKER_CODES, strict=True):
        if pattern.search(norm):
            return code, reason
    q = analyse_question(norm)
    if q.is_question and q.lens == "rood" and re.search(r"\bwaarom\b", norm):
        return RED_WHY, "Een rode 'waarom'-vraag: de leerling gaat zich verantwoorden."
    return None


def judge_elements(text: object) -> ElementJudgement:
    """Judge which conversation elements an utterance realises, with reasons and a reason code."""
    if not isinstance(text, str):
        return ElementJudgement([], {}, "Er is geen tekst.", NO_TEXT)
    norm, _cut = normalise(text)
    if not words(norm):
        return ElementJudgement([], {}, "Er is geen tekst.", NO_TEXT)
    blocked = _blocked(norm)
    if blocked:
        code, reason = blocked
        return ElementJudgement([], {}, reason, code)
    scores = _score(norm)
    ranked = sorted((e for e, (s, _r) in scores.items() if s >= 1.0), key=lambda e: (-scores[e][0], _ORDER[e]))
    if not ranked:
        return ElementJudgement([], {}, "Hierin herken ik geen van de zeven gesprekselementen.", NO_ELEMENT)
    return ElementJudgement(ranked, {e: scores[e][1] for e in ranked})


def explain_elements(text: object) -> tuple[list[str], dict[str, list[str]], str | None]:
    """Return the elements (best first), the reasons per element, and why none applies (or ``None``)."""
    judged = judge_elements(text)
    return judged.ranked, judged.reasons, judged.why_not


_ORDER = {e: i for i, e in enumerate(ELEMENT_CUES)}


def detect_elements(text: object) -> list[str]:
    """Which conversation elements an utterance realises, best first; ``[]`` for none.

    Lecturing, threats, blame, unasked advice and a red 'waarom' give ``[]``.
    """
    return explain_elements(text)[0]
