"""French: calendar words, boilerplate phrases and metadata-line patterns of French news sites.

Data only. Patterns were written from French news pages (AFP, Le Figaro, L'Obs, Le Point, Ouest-France,
20 Minutes, France 24 layouts) and are matched against one stripped line at a time (NBSP counts as space).
"""

from __future__ import annotations

import re

from chronique.lang import LanguageData, PeopleData
from chronique.lang import fr_people as people

_I = re.IGNORECASE

MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "jan": 1,
    "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2,
    "mars": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip

SEASONS: dict[str, str] = {"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"}

# Short lines that are never article content.
_SHORT = r"(?=.{1,140}$)"
BOILERPLATE_LINES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("copyright", re.compile(r"^tous droits (?:de reproduction|réservés)", _I)),
    ("copyright", re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}|[A-Z])", _I)),
    ("copyright", re.compile(_SHORT + r".*©\s*\d{4}", _I)),
    ("copyright", re.compile(r"^(?:toute )?reproduction (?:est )?interdite", _I)),
    ("share", re.compile(r"^(?=.{1,60}$)partager\b[^.!?]*$", _I)),
    (
        "share",
        re.compile(
            r"^(?:close button|discussion|commentaires?|réagir|imprimer|envoyer par (?:e-?mail|courriel)"
            r"|cet article a été ajouté (?:dans|à) vos favoris\.?|merci d'avoir partagé cet article.{0,40}"
            r"|facebook|twitter|linkedin|whatsapp|messenger|e-?mail|copier le lien|lien copié|s'abonner"
            r"|suivre|ajouter (?:à mes|aux) favoris|écouter cet article|\d+\s+commentaires?|voir les commentaires"
            r"|agrandir le texte|réduire le texte|imprimer l'article|offrir l'article|envoyer par email)$",
            _I,
        ),
    ),
    (
        "subscriber",
        re.compile(
            _SHORT
            + r".*?\b(?:[ée]dition numérique des abonnés|réservé aux abonnés|article réservé|abonnez-vous"
            r"|déjà abonné|je m'abonne|web \+ tablette \+ mobile|offre d'abonnement|contenu abonné"
            r"|lecture du \w+ en cours sur un autre appareil|vous pouvez lire le \w+ sur un seul appareil"
            r"|offre limitée\b.{0,40}(?:€|euros?\b|mois\b|abonn)|\d+\s*(?:€|euros?)\b.{0,40}sans engagement"
            r"|créez (?:un|votre) compte\b.{0,60}(?:accéder|abonn|newsletter|magazine|version numérique)"
            r"|recevez (?:gratuitement )?(?:l'essentiel|notre newsletter|nos newsletters)"
            r"|^vous avez un compte facebook\s*\?|renseignez votre numéro d'abonné|^votre numéro d'abonné dans les"
            r"|^veuillez saisir l'adresse (?:e-?)?mail|^avec un compte [\w.-]+\s*:$)",
            _I,
        ),
    ),
    (
        "navigation",
        re.compile(
            r"^(?:dernières nouvelles|dernières infos|les plus lus|les plus partagés|à la une|accueil|menu"
            r"|rechercher|fil info|fil d'actualité|en direct|newsletters?|publicité|sommaire|retour en haut"
            r"|plan du site|temps de lecture\s*:?\s*\d+\s*min\.?|jump to navigation|aller au contenu"
            r"|\d+\s+min(?:utes?|\.)?\s+de\s+lecture"
            # "— 11 novembre 2020 — Temps de lecture : 2 min": a teaser's stamp under another article
            r"|[—–-]\s*\d{1,2}(?:er)?\s+[a-zéû]+\s+\d{4}(?:\s*[—–-]\s*temps de lecture\s*:?\s*\d+\s*min\.?)?)$",
            _I,
        ),
    ),
    # A site's forms, legal pages and network ("Charte de modération", "* Champs obligatoires", "Les
    # sites du Groupe Figaro", "Consultez les articles de la rubrique International,").
    (
        "navigation",
        re.compile(
            r"^\W*(?:(?:charte de modération|champs obligatoires|merci de compléter ce formulaire"
            r"|politique de (?:protection des données|confidentialité)(?: à caractère personnel)?"
            r"|conditions générales d'utilisation|mentions légales|gestion des cookies|nos journaux et magazines"
            r"|les sites du groupe [A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*)?"
            r"|consultez les articles de la rubrique\s+[\w'’ -]{1,40})\W*$"
            r"|suivez les informations en temps réel et accédez à nos analyses"
            # a series' notice: "Ce billet fait partie de notre dossier central en anglais sur …"
            r"|(?:ce billet|cet article) fait partie (?:de notre|de nos|(?:du|d'un) (?:dossier|série)s? (?:spécial|central|de global voices))"
            r"[^\n]{0,160}$)",
            _I,
        ),
    ),
    # "Newsletter Réveil Express", "Code promo Ouigo", "Découvrez l'application L'Express", "Lire notre
    # dossier complet": a site's own services and pages, named on a line of their own.
    (
        "navigation",
        re.compile(
            r"^(?=.{1,60}$)(?:newsletters?\b|code promo\b|(?:découvrez|téléchargez) (?:l'|notre )appli"
            r"|(?:lire|voir|retrouvez|consultez) (?:tout )?(?:notre|le) dossier\b)(?:.*[^.!?])?$",
            _I,
        ),
    ),
    (
        "related",
        re.compile(
            r"^(?:(?:[àa] )?lire aussi|(?:[àa] )?lire également|(?:[àa] )?voir aussi|[àa] découvrir)"
            r"\s*[:>»-]\s*\S.{0,200}$",
            _I,
        ),
    ),
    # "» Kadhafi, introuvable, nargue les rebelles": a headline marked as a link.
    ("related", re.compile(r"^(?=.{5,200}$)[»›>]\s*(?:[^.!?]|\.\.\.)+$")),
    # A paywall's notice that the account is in use on another device, a line at a time.
    (
        "subscriber",
        re.compile(
            r"^(?=.{1,300}$).*?\b(?:lire \w+(?: \w+)? que sur un seul appareil|sur un seul appareil à la fois"
            r"|s'affichera sur l'autre appareil|autant d'appareils que vous|en train de lire \w+(?: \w+)? avec ce"
            r" compte|continuer à lire ici|^que se passera-t-il si vous continuez à lire ici\s*\?$"
            r"|votre adresse e-?mail nous permettra|^comment ne plus voir ce message\s*\?$"
            r"|^nous vous conseillons de modifier votre mot de passe\.?$|^vous ignorez qui est l'autre personne\s*\?$)",
            _I,
        ),
    ),
    # A headline flagged for subscribers ("… Abonnés", "… sur le Covid-19 ? Abonnés") links to another
    # article.
    ("related", re.compile(r"^(?=.{5,200}$)[^.]*[^.\s]\s+Abonnés$")),
    # "[Coupe du monde] 25 millions de cyberattaques…": a rubric in brackets heads a link to another story.
    ("related", re.compile(r"^\[[^\]]{2,40}\]\s*[^.!?]{5,200}$")),
    ("link", re.compile(r"^(?:https?://|www\.)\S+$", _I)),
    ("navigation", re.compile(r"^(?=.{1,200}$)(?:mots-clés|mots clés|tags|thèmes|sujets)\s*:", _I)),
    # "Suivez-nous sur Twitter", "Suivez Le Monde": a follow button on a line of its own
    (
        "share",
        re.compile(
            r"^(?=.{1,80}$)(?:suivez-nous\b[^.!?]*|(?i:suivez)\s+(?:(?-i:[A-ZÀ-Ý])[\w'’.-]*\s?){1,3}(?:\s(?i:sur)\s[^.!?]*)?)$",
            _I,
        ),
    ),
)

RELATED_HEADERS = re.compile(
    r"^(?:[àa] découvrir(?: également| aussi)?|sur le même sujet|(?:[àa] )?lire aussi|(?:[àa] )?lire également"
    r"|(?:[àa] )?voir aussi|nos articles sur le sujet|vous aimerez aussi|vous aimerez"
    r" également|articles? (?:liés|similaires|associés|recommandés)|les articles les plus lus"
    r"|dans la même rubrique|plus d'actualités|toute l'actualité|ailleurs sur le web|sur le même thème"
    r"|la rédaction vous conseille|nos lecteurs ont (?:aussi )?lu)\s*:?$",
    _I,
)

# A headline: 3–200 characters, not ending like a sentence.
HEADLINE = re.compile(r"^(?=.{3,200}$).*[^.!?…:;,\"»”)]$")

_SIGNED = r"[A-ZÀ-Ý][\w'’-]+(?:[ \t-]+[A-ZÀ-Ý][\w'’-]+){1,3}"  # a signing journalist's name
_AGENCIES = r"AFP|Reuters|AP|ANSA|DPA|Belga|ATS|Xinhua|Bloomberg|EFE|Kyodo|Sputnik|RIA Novosti|TASS|Interfax"
METADATA_LINES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "date 2018-07", "date : 2018-07-24", "Date : 24/07/2018", "Date: 24 juillet 2018" — a scraper's date
    # header, sometimes glued to the first paragraph.
    (
        "date",
        re.compile(
            r"^\s*date\s*:?\s+(?P<value>\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
            r"|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}(?:er)? [a-zéû]+\.? \d{4})(?![\d/])",
            _I,
        ),
    ),
    # "Dernière mise à jour à 08h36 le 15/05", "Mis à jour le 15/05/2019 à 08:36", "Publié le 3 mai 2019".
    (
        "updated",
        re.compile(
            r"^\s*(?:[—–-]\s*)?(?:dernière )?(?:mise? à jour|modifié|actualisé)\s*:?\s*(?P<value>(?=.{0,60}$)(?=.*\d).*?)\s*$",
            _I,
        ),
    ),
    (
        "published",
        re.compile(
            r"^\s*(?:[—–-]\s*)?(?:publié|mis en ligne|posté)\s*:?\s*(?P<value>(?=.{0,60}$)(?=.*\d).*?)\s*$",
            _I,
        ),
    ),
    # "Le Monde avec Reuters Publié le 18 mai 2011 à 22h07 - Mis à jour le 18 mai 2011 à 22h07", "Le
    # Point.fr - Publié le 18/05/2011 à 22:07": a signature, then the stamps (the stamp capitalised:
    # "Le décret publié le 18 mai 2011" is a headline), alone on their line.
    (
        "published",
        re.compile(
            r"^[^!?;:\n]{0,80}?(?:[|–—-]\s*)?\b(?-i:Publié|Mis en ligne)\s+le\s+"
            r"(?P<value>(?:\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})(?:\s+à\s+\d{1,2}[h:]\d{2})?)"
            r"(?:\s*[-–—|,]?\s*(?:mis à jour|modifié|actualisé)\s+le\s+[^.!?;\n]{0,40})?\s*$",
            _I,
        ),
    ),
    # "Par AFP", "Par Jean Dupont", "Par   L'Obs", "Propos recueillis par X", "Repéré par X": a
    # capitalised name after "par" on a short line.
    (
        "byline",
        re.compile(
            r"^\s*(?i:(?:propos recueillis|repéré|repérée|écrit|traduit)\s+)?(?i:par|by)\s+"
            r"(?P<value>(?=.{2,60}$)[A-ZÀ-Ý][^.!?;:]*?)\s*$"
        ),
    ),
    # A signature: "Jean-Philippe Rémy (Johannesburg, correspondant régional)", "Christophe Ayad (envoyé
    # spécial à Benghazi) et Rémy Ourdan": names, one of them a correspondent or a special envoy.
    (
        "byline",
        re.compile(
            rf"^\s*(?P<value>(?=.{{3,160}}$){_SIGNED}\s*\((?:[^()]{{0,40}},\s*)?"
            r"(?i:correspondante?s?|envoyée?s?\s+spéciale?s?)\b[^()]*\)"
            rf"(?:\s*(?:et|,)\s*{_SIGNED}(?:\s*\([^()]{{1,60}}\))?)*)\s*$"
        ),
    ),
    # "Slate.fr — 27 septembre 2011 à 18h41": a site's name, a dash, a date and its time (not a reader's
    # "Jean-Marc — 28 août 2011 à 09h12"); "le 30.10.2011 à 20h15, mis à jour le 30.10.2011 à 20h15".
    (
        "published",
        re.compile(
            r"^\s*[A-ZÀ-Ý][\w'’-]*\.(?:fr|com|net|org|info|eu|be|ch|ca)\s+[—–-]\s+"
            r"(?P<value>(?:\d{1,2}(?:er)?\s+[a-zéû]+\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\s+à\s+\d{1,2}[h:]\d{2})\s*$"
        ),
    ),
    (
        "published",
        re.compile(
            r"^\s*(?i:le)\s+(?P<value>\d{1,2}[./]\d{1,2}[./]\d{2,4}\s+à\s+\d{1,2}[h:]\d{2})"
            r"\s*,?\s*(?i:mis à jour|modifié|actualisé)\s+le\s+[\d./]+(?:\s+à\s+\d{1,2}[h:]\d{2})?\s*$"
        ),
    ),
    (
        "credit",
        re.compile(rf"^\s*(?i:avec|source\s*:?)\s+(?P<value>(?:{_AGENCIES})(?:\s*(?:et|,|/)\s*\w+)?)\s*\.?$"),
    ),
    ("credit", re.compile(rf"^\s*\(?(?P<value>{_AGENCIES})\)?\s*$")),
    # An outlet's signature with its agencies: "Le Monde avec AFP et Reuters", "Le Nouvel Observateur -
    # AFP", "(Nouvelobs.com avec AFP)".
    (
        "credit",
        re.compile(
            rf"^\s*\(?(?P<value>(?=.{{1,60}}(?:avec|[-–—]))[A-ZÀ-Ý][\w.'’-]*(?:\s+(?:[A-ZÀ-Ý][\w.'’-]*|de|du|des|la|le|l'))*"
            rf"\s+(?:avec|[-–—])\s+(?:{_AGENCIES})(?:\s*(?:et|,|/)\s*(?:{_AGENCIES}))*)\)?\s*$"
        ),
    ),
    # A wire service's closing credits: "(Avec X à Tunis; Version française Y, édité par Z)", "Avec X à
    # Tunis, Y pour le service français, édité par Z".
    (
        "credit",
        re.compile(
            r"^\s*\(?(?P<value>(?:avec\s.{0,300}?)?(?:pour le service français|version française\s[^.()]{1,80}?)"
            r",?\s*édité par\s+[^.()]{1,60})\)?\s*\.?$",
            _I,
        ),
    ),
    ("credit", re.compile(r"^\s*(?i:photo|crédits?(?: photo)?|illustration)\s*:\s*(?P<value>.{1,80}?)\s*$")),
    # A photo's caption ending on its credit: "Les habitants fuient la cité (photo AFP)", "… à
    # Benghazi. Photo AFP", "(Un insurgé à Ajdabiya, le 30 mars, Andrew Winning / Reuters)".
    (
        "credit",
        re.compile(
            rf"^(?=.{{5,160}}$)(?![^«»\"“”]*[«»\"“”])(?!.*,\s+(?:a|ont)\s+\w+é\b)"
            rf".{{5,150}}?(?:[.,]\s*|\s+\(\s*)(?i:photos?(?:\s+(?:d['’]\s*)?archives?)?|illustration|"
            rf"crédits?(?:\s+photo)?)\s*[,:/]?\s*(?P<value>{_AGENCIES})\s*\)?\s*\.?$"
        ),
    ),
    ("credit", re.compile(rf"^\s*\((?=[^()]{{5,250}}\)\s*$)[^()]*?[/©]\s*(?P<value>{_AGENCIES})\s*\)\s*$")),
    # A photo's caption ending on its photographer (two capitalised words or more, not an agency) and
    # agency: "Sur la photo : Seif el-Islam (Chris Helgren/Reuters).", "… à Syrte (Philippe Desmazes /
    # AFP).", "… (Li Muzi / Xinhua / Sipa)"; not "… selon les agences (Reuters/AFP)".
    (
        "credit",
        re.compile(
            rf"^(?=.{{5,300}}$)(?![^«»\"“”]*[«»\"“”]).*\(\s*(?!(?:{_AGENCIES}|Nations)\b)"
            rf"[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:de\s+|d['’]|van\s+|von\s+)?[A-ZÀ-Ý][\w'’.-]+){{1,3}}\s*/\s*"
            rf"(?P<value>{_AGENCIES})(?:\s*/\s*[\w'’.-]+(?:\s+[\w'’.-]+){{0,2}})?\s*\)\s*\.?\s*$"
        ),
    ),
)

# "Vladimir Putin (@PutinRF_Eng) 11 novembre 2017" before the sentence it was glued to.
EMBED_CAPTION = re.compile(
    r"^\s*(?:[—–-]\s*)?[^\n()]{1,80}?\(@\w{1,15}\)\s*"
    r"(?:\d{1,2}(?:er)?\s+[^\W\d_]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})"
)
EMBED_LINE = re.compile(
    r"pic\.twitter\.com/\w+|https?://t\.co/\w+|instagram\.com/p/|\(@\w{1,15}\)\s+\w+ \d{1,2}, \d{4}"
)

RELATIVE_WORDS: dict[str, str] = {
    "aujourd'hui": "P0D",
    "hier": "-P1D",
    "avant-hier": "-P2D",
    "demain": "P1D",
    "après-demain": "P2D",
}

# --- Temporal expressions: the words chronique.dates.timex builds its patterns from. ---------------------
# Day-of-month words besides digits.
FIRST_DAY_WORDS: tuple[str, ...] = ("1er", "premier")

NUMBERS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80,
    "quatre-vingt-dix": 90, "cent": 100, "mille": 1000,
}  # fmt: skip
# Joins a ten to a unit: "vingt-quatre", "vingt et un", "soixante-et-onze".
NUMBER_LINKS: tuple[str, ...] = ("-et-", " et ", "-")
# Amounts a TIMEX3 value writes X: "quelques jours" → PXD.
VAGUE_NUMBERS = frozenset({"quelques", "plusieurs"})

# Duration units → ISO 8601 designator ("T" marks the time part); a leading number multiplies the unit.
DURATION_UNITS: dict[str, str] = {
    "seconde": "TS", "secondes": "TS", "minute": "TM", "minutes": "TM", "heure": "TH", "heures": "TH",
    "jour": "D", "jours": "D", "journée": "D", "journées": "D", "semaine": "W", "semaines": "W",
    "mois": "M", "trimestre": "3M", "trimestres": "3M", "semestre": "6M", "semestres": "6M",
    "an": "Y", "ans": "Y", "année": "Y", "années": "Y", "décennie": "DE", "décennies": "DE",
    "siècle": "CE", "siècles": "CE",
}  # fmt: skip
# A duration only with one of these before it: "un jour" alone is "some day", not a day long.
DURATIONS_NEEDING_A_CUE = frozenset({"un jour"})

# Words before an amount of time, and the TIMEX3 mod they give (None: no mod).
DURATION_CUES: dict[str, str | None] = {
    "pendant": None, "durant": None, "depuis": None, "en": None, "sur": None, "au bout de": None,
    "au bout d'": None, "environ": "APPROX", "près de": "APPROX", "près d'": "APPROX", "quelque": "APPROX",
    "plus de": "MORE_THAN", "plus d'": "MORE_THAN", "moins de": "LESS_THAN", "moins d'": "LESS_THAN",
    "au moins": "EQUAL_OR_MORE", "au plus": "EQUAL_OR_LESS",
}  # fmt: skip

# Clock times: "08h36", "8 h 30", "14 heures", "à midi".
HOUR_WORDS: tuple[str, ...] = ("h", "heure", "heures")
TIME_CUES: dict[str, str | None] = {
    "à": None, "dès": None, "avant": "BEFORE", "après": "AFTER", "jusqu'à": None, "depuis": None,
    "vers": "APPROX", "peu avant": "BEFORE", "peu après": "AFTER", "autour de": "APPROX",
    "aux alentours de": "APPROX", "aux environs de": "APPROX",
}  # fmt: skip
# "à 14 heures de Paris" is a distance: a clock time is never followed by these.
DISTANCE_LINKS: tuple[str, ...] = ("de", "d'")
# "deux heures et demie", "trois ans et demi": half a unit more.
HALF_WORDS: tuple[str, ...] = ("et demie", "et demi")
# "à 8 heures du soir": hours to add.
HOUR_SUFFIXES: dict[str, int] = {"du matin": 0, "de l'après-midi": 12, "du soir": 12}
NAMED_TIMES: dict[str, str] = {"midi": "12:00", "minuit": "24:00"}  # TimeML writes midnight T24:00
DAY_PARTS: dict[str, str] = {
    "matin": "MO", "matinée": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV", "nuit": "NI",
    "aube": "MO", "mi-journée": "MI",
}  # fmt: skip
# A part of the day on its own is in the day the text last told after these ("Dans la soirée, …",
# "en fin d'après-midi") …
TOLD_DAY_LEADINS: tuple[str, ...] = (
    "dans la", "dans l'", "pendant la", "durant la", "au cours de la", "au cours de l'", "tard dans la",
    "tôt dans la", "en début de", "en début d'", "en fin de", "en fin d'",
)  # fmt: skip
# … and these parts after any lead-in ("la matinée", "l'après-midi", "à l'aube", "la mi-journée").
TOLD_DAY_PARTS = frozenset({"matinée", "après-midi", "aube", "mi-journée"})
# Before a part of the day that hangs on a day: "dimanche dans la soirée", "le 3 mai au soir".
PART_LEADINS: tuple[str, ...] = (
    *TOLD_DAY_LEADINS, "à la", "à l'", "la", "l'", "le", "au", "en",
)  # fmt: skip
# A day told before, taken up: the day before it, after it, the same day.
ANAPHORIC_DAYS: dict[str, int] = {
    "la veille": -1, "l'avant-veille": -2, "le lendemain": 1, "au lendemain": 1, "le surlendemain": 2,
    "le même jour": 0, "ce même jour": 0, "ce jour-là": 0, "le jour même": 0, "le jour-même": 0,
}  # fmt: skip
# After one of those, an event's day: "la veille du sommet", "au lendemain des frappes".
ANAPHORIC_LINKS: tuple[str, ...] = ("de l'", "de la", "du", "des", "de", "d'")
# Before one of those in its sentence, no day at all: "du jour au lendemain", "un jour …, le lendemain …".
ANAPHORIC_GENERIC: tuple[str, ...] = ("du jour au", "un jour")
# Between a clock time and the date it belongs to: "à 08h36 le 15/05".
TIME_DATE_LINKS: tuple[str, ...] = ("le",)

# Direction words after a day, a period or a season.
SHIFT_WORDS: dict[str, int] = {
    "dernier": -1, "dernière": -1, "derniers": -1, "dernières": -1, "passé": -1, "passée": -1,
    "prochain": 1, "prochaine": 1, "prochains": 1, "prochaines": 1,
}  # fmt: skip
THIS_WORDS: tuple[str, ...] = ("ce", "cet", "cette")
THE_WORDS: tuple[str, ...] = ("le", "la", "l'")
# "il y a trois jours" (past), "dans deux semaines" (future).
AGO_WORDS: tuple[str, ...] = ("il y a",)
AHEAD_WORDS: tuple[str, ...] = ("dans", "d'ici")

# Part of a period: "fin novembre", "début 2019", "mi-mai", "à la fin de l'année".
MODIFIERS: dict[str, str] = {"début": "START", "fin": "END", "mi": "MID", "milieu": "MID"}
MODIFIER_LEADINS: tuple[str, ...] = (
    "à la", "au", "en", "dès la", "dès le", "dès", "d'ici la", "d'ici", "jusqu'à la", "jusqu'au",
    "jusqu'en", "vers la", "vers le", "depuis la", "depuis le", "la", "le",
)  # fmt: skip
MODIFIER_LINKS: tuple[str, ...] = ("de l'", "de la", "du", "de", "d'")

# Words that make a month on its own a date ("en mai"), a number a year ("en 2016").
MONTH_CUES: tuple[str, ...] = (
    "en", "au mois de", "au mois d'", "mois de", "mois d'", "depuis", "dès", "pour", "jusqu'en", "d'ici",
    "courant", "à partir de", "à partir d'",
)  # fmt: skip
YEAR_CUES: tuple[str, ...] = (
    "en", "de", "depuis", "dès", "jusqu'en", "avant", "après", "d'ici", "année", "l'année", "l'an",
    "entre", "vers", "à partir de", "printemps", "été", "automne", "hiver", "pour",
)  # fmt: skip
DECADE_CUES: tuple[str, ...] = ("les années", "des années", "aux années")
# Before a number, words that make it an amount: "plus de 2000", "environ 1500", "sur 2000".
QUANTITY_WORDS = frozenset(
    {"plus", "moins", "près", "environ", "quelque", "sur", "quelques", "des", "les", "ces"}
)
# Year cues that also introduce an amount: "de 2000 manifestants", "pour 1500 euros".
AMOUNT_CUES = frozenset({"de", "d'", "pour", "entre"})
# Before a name and a year with no cue, words that make it an edition: "au Tour de France 2009", "les
# Jeux de Pékin 2008", "lors du Tour 2007" (not "Rafale et Mirage 2000", "La Résolution 1973").
YEAR_NAME_LINKS = frozenset(
    {"de", "du", "des", "au", "aux", "à", "pour", "par", "depuis", "lors", "sur", "en", "après", "avant"}
)

# Calendar periods named relative to now: "la semaine dernière", "l'an prochain", "ce week-end".
PERIOD_UNITS: dict[str, str] = {
    "semaine": "week", "mois": "month", "année": "year", "an": "year", "week-end": "weekend",
    "weekend": "weekend",
}  # fmt: skip
PERIOD_HERE = "-ci"  # "ce mois-ci"
SEASON_DETERMINERS: tuple[str, ...] = ("à l'", "au", "en", "cet", "cette", "ce", "l'", "le")

# Intervals: opening word → closing word ("du 3 au 5 mai", "entre 2015 et 2017", "de 2008 à 2012",
# "les 3 et 4 mai").
INTERVAL_LINKS: dict[str, str] = {"du": "au", "entre": "et", "entre le": "et le", "de": "à", "les": "et"}

# Recurring times: "chaque mardi", "tous les ans", "deux fois par semaine".
SET_WORDS: tuple[str, ...] = ("chaque", "tous les", "toutes les")
TIMES_PER: tuple[str, ...] = ("fois par",)

# Vague references TIMEX3 writes PAST_REF / PRESENT_REF / FUTURE_REF.
REFERENCES: dict[str, str] = {
    "ces derniers jours": "PAST_REF", "ces dernières semaines": "PAST_REF", "ces derniers mois": "PAST_REF",
    "ces dernières années": "PAST_REF", "ces dernières décennies": "PAST_REF",
    "les prochains jours": "FUTURE_REF", "les prochaines semaines": "FUTURE_REF",
    "les prochains mois": "FUTURE_REF", "les prochaines années": "FUTURE_REF",
    "ces prochains jours": "FUTURE_REF", "ces prochaines semaines": "FUTURE_REF",
    "à l'heure actuelle": "PRESENT_REF",
}  # fmt: skip

ATTRIBUTION = re.compile(
    r"^\s*(?:a|ont|avait|avaient|aurait|auraient)\s+(?:\w+\s+){0,2}?\w+(?:é|i|it|u|is)e?s?\b"
    r"|^\s*\w+-t-(?:il|elle|on)\b|^\s*selon\b",
    _I,
)

PAST_CUES = re.compile(
    r"\b(?:a|ont|avait|avaient|aura été|eut|fut|furent|s'est|se sont|s'était|se sont|dernier|dernière"
    r"|passé|passée|hier|il y a|avait été|a été|ont été)\b",
    _I,
)
# Pluperfect: "avait révélé", "avaient même été", "s'était retiré" ("avait lieu" is an imperfect).
ANTERIOR_CUES = re.compile(
    r"\b(?:avait|avaient|s'était|s'étaient)\s+(?!lieu\b)(?:\w+\s+)?(?!lieu\b)\w+(?:é|ée|és|ées|i|is|it|u|us|t|ts)\b",
    _I,
)
FUTURE_CUES = re.compile(
    r"\b(?:sera|seront|aura|auront|va|vont|devrait|devraient|doit|doivent|prochain|prochaine|prévue?s?"
    r"|demain|pourrait|pourraient|\w{2,}(?:era|eront|ira|iront|ndra|ndront)"
    r"|s['’]apprêtent à|s['’]apprête à|se préparent à|se prépare à)\b",
    _I,
)

STOPWORDS = frozenset(
    """
    a à afin ai aie ainsi alors au aucun aucune aujourd auprès aussi autre autres aux avait avaient
    avant avec avoir ayant c ça car ce ceci cela celle celles celui ces cet cette ceux chaque chez ci
    comme comment d dans de des deux donc dont du elle elles en encore entre est et étaient était été
    être eu eux fait faire fois font hors il ils j je jusqu l la laquelle le lequel les leur leurs lors
    lorsque lui m ma mais me même mes moi moins mon n ne ni non nos notre nous on ont ou où par parce
    pas pendant peu peut plus pour pourquoi qu quand que quel quelle quelles quels qui s sa sans se
    selon ser sera seront ses si sien son sont sous sur t ta te tes toi ton tous tout toute toutes très
    tu un une vos votre vous y été avoir aura auront ont sont déjà après avant contre depuis dès vers
    via selon entre également cependant notamment toutefois dont lors chez mme m. m
    """.split()  # noqa: SIM905 - a word list reads best as text
)

# A reader's voice: the first and second person, which news narration outside quotations leaves out
# (not "ma", "mes", "ton", "ta", "me", "te": "Jack Ma", "le ton est monté").
READER_VOICE = re.compile(
    r"(?<![\w'’])(?:je|j['’]|m['’]|moi|tu|toi|t['’]|nous|vous|mon|tes|notre|nos|votre|vos)(?!\w)",
    _I,
)

DATA = LanguageData(
    code="fr",
    months=MONTHS,
    weekdays=WEEKDAYS,
    seasons=SEASONS,
    boilerplate_lines=BOILERPLATE_LINES,
    related_headers=RELATED_HEADERS,
    headline=HEADLINE,
    metadata_lines=METADATA_LINES,
    embed_caption=EMBED_CAPTION,
    embed_line=EMBED_LINE,
    relative_words=RELATIVE_WORDS,
    attribution=ATTRIBUTION,
    past_cues=PAST_CUES,
    future_cues=FUTURE_CUES,
    anterior_cues=ANTERIOR_CUES,
    since_words=("depuis",),
    stopwords=STOPWORDS,
    first_day_words=FIRST_DAY_WORDS,
    numbers=NUMBERS,
    number_links=NUMBER_LINKS,
    vague_numbers=VAGUE_NUMBERS,
    duration_units=DURATION_UNITS,
    durations_needing_a_cue=DURATIONS_NEEDING_A_CUE,
    duration_cues=DURATION_CUES,
    hour_words=HOUR_WORDS,
    half_words=HALF_WORDS,
    time_cues=TIME_CUES,
    distance_links=DISTANCE_LINKS,
    hour_suffixes=HOUR_SUFFIXES,
    named_times=NAMED_TIMES,
    day_parts=DAY_PARTS,
    part_leadins=PART_LEADINS,
    told_day_leadins=TOLD_DAY_LEADINS,
    told_day_parts=TOLD_DAY_PARTS,
    anaphoric_days=ANAPHORIC_DAYS,
    anaphoric_links=ANAPHORIC_LINKS,
    anaphoric_generic=ANAPHORIC_GENERIC,
    time_date_links=TIME_DATE_LINKS,
    shift_words=SHIFT_WORDS,
    this_words=THIS_WORDS,
    the_words=THE_WORDS,
    ago_words=AGO_WORDS,
    ahead_words=AHEAD_WORDS,
    modifiers=MODIFIERS,
    modifier_leadins=MODIFIER_LEADINS,
    modifier_links=MODIFIER_LINKS,
    month_cues=MONTH_CUES,
    year_cues=YEAR_CUES,
    quantity_words=QUANTITY_WORDS,
    amount_cues=AMOUNT_CUES,
    year_name_links=YEAR_NAME_LINKS,
    decade_cues=DECADE_CUES,
    period_units=PERIOD_UNITS,
    period_here=PERIOD_HERE,
    season_determiners=SEASON_DETERMINERS,
    interval_links=INTERVAL_LINKS,
    set_words=SET_WORDS,
    times_per=TIMES_PER,
    references=REFERENCES,
    reader_voice=READER_VOICE,
    people=PeopleData(
        er_verbs=people.ER_VERBS,
        irregular_forms=people.IRREGULAR_FORMS,
        irregular_infinitives=people.IRREGULAR_INFINITIVES,
        weak_cues=people.WEAK_CUES,
        directive_cues=people.DIRECTIVE_CUES,
        bare_infinitive_cues=people.BARE_INFINITIVE_CUES,
        continuing_cues=people.CONTINUING_CUES,
        copulas=people.COPULAS,
        object_cues=people.OBJECT_CUES,
        auxiliaries=people.AUXILIARIES,
        fillers=people.SPEECH_FILLERS,
        according_to=people.ACCORDING_TO,
        according_to_at_start=people.ACCORDING_TO_AT_START,
        np_ends=people.NP_ENDS,
        causatives=people.CAUSATIVES,
        causative_infinitives=people.CAUSATIVE_INFINITIVES,
        aspectuals=people.ASPECTUALS,
        perception_verbs=people.PERCEPTION_VERBS,
        not_incise_verbs=people.NOT_INCISE_VERBS,
        negations=people.NEGATIONS,
        negative_subjects=people.NEGATIVE_SUBJECTS,
        content_links=people.CONTENT_LINKS,
        infinitive_links=people.INFINITIVE_LINKS,
        infinitive_clitics=people.INFINITIVE_CLITICS,
        infinitive_endings=people.INFINITIVE_ENDINGS,
        infinitive_auxiliaries=people.INFINITIVE_AUXILIARIES,
        addressee_links=people.ADDRESSEE_LINKS,
        object_clitics=people.OBJECT_CLITICS,
        channel_links=people.CHANNEL_LINKS,
        passive_cues=people.PASSIVE_CUES,
        pronouns=people.PRONOUNS,
        titles=people.TITLES,
        person_roles=people.PERSON_ROLES,
        org_roles=people.ORG_ROLES,
        group_roles=people.GROUP_ROLES,
        media_roles=people.MEDIA_ROLES,
        role_families=people.ROLE_FAMILIES,
        role_adjectives=people.ROLE_ADJECTIVES,
        country_adjectives=people.COUNTRY_ADJECTIVES,
        adjective_endings=people.ADJECTIVE_ENDINGS,
        name_particles=people.NAME_PARTICLES,
        role_determiners=people.ROLE_DETERMINERS,
        plural_determiners=people.PLURAL_DETERMINERS,
        future_endings=people.FUTURE_ENDINGS,
        role_premodifiers=people.ROLE_PREMODIFIERS,
        role_domains=people.ROLE_DOMAINS,
        office_periphrases=people.OFFICE_PERIPHRASES,
        office_holders=people.OFFICE_HOLDERS,
        person_epithets=people.PERSON_EPITHETS,
        name_synonyms=people.NAME_SYNONYMS,
        not_names=people.NOT_NAMES,
        quote_pairs=people.QUOTE_PAIRS,
        source_nouns=people.SOURCE_NOUNS,
        opinion_holders=people.OPINION_HOLDERS,
        name_nouns=people.NAME_NOUNS,
        first_person=people.FIRST_PERSON,
        takes_the_floor=people.TAKES_THE_FLOOR,
        outsider_nouns=people.OUTSIDER_NOUNS,
        feminine_first_names=people.FEMININE_FIRST_NAMES,
        masculine_first_names=people.MASCULINE_FIRST_NAMES,
    ),
)
