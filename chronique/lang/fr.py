"""French: calendar words, boilerplate phrases and metadata-line patterns of French news sites.

Data only. Patterns were written from French news pages (AFP, Le Figaro, L'Obs, Le Point, Ouest-France,
20 Minutes, France 24 layouts) and are matched against one stripped line at a time (NBSP counts as space).
"""

from __future__ import annotations

import re

from chronique.lang import LanguageData

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
            r"|facebook|twitter|linkedin|whatsapp|messenger|e-?mail|copier le lien|lien copié|s'abonner"
            r"|suivre|ajouter (?:à mes|aux) favoris|écouter cet article|\d+\s+commentaires?|voir les commentaires"
            r"|agrandir le texte|réduire le texte|imprimer l'article|offrir l'article|envoyer par email)$",
            _I,
        ),
    ),
    (
        "subscriber",
        re.compile(
            _SHORT + r".*(?:[ée]dition numérique des abonnés|réservé aux abonnés|article réservé|abonnez-vous"
            r"|déjà abonné|je m'abonne|web \+ tablette \+ mobile|offre d'abonnement|contenu abonné"
            r"|lecture du \w+ en cours sur un autre appareil|vous pouvez lire le \w+ sur un seul appareil)",
            _I,
        ),
    ),
    (
        "navigation",
        re.compile(
            r"^(?:dernières nouvelles|dernières infos|les plus lus|les plus partagés|à la une|accueil|menu"
            r"|rechercher|fil info|fil d'actualité|en direct|newsletters?|publicité|sommaire|retour en haut"
            r"|plan du site|temps de lecture\s*:?\s*\d+\s*min\.?|jump to navigation|aller au contenu)$",
            _I,
        ),
    ),
    (
        "related",
        re.compile(
            r"^(?:lire aussi|à lire aussi|lire également|à lire également|voir aussi|à voir aussi|à découvrir)"
            r"\s*[:>»-]\s*\S.{0,200}$",
            _I,
        ),
    ),
    # A headline flagged for subscribers ("… Abonnés") links to another article.
    ("related", re.compile(r"^(?=.{5,200}$)[^.!?]*[^.!?\s]\s+Abonnés$")),
    # "[Coupe du monde] 25 millions de cyberattaques…": a rubric in brackets heads a link to another story.
    ("related", re.compile(r"^\[[^\]]{2,40}\]\s*[^.!?]{5,200}$")),
    ("link", re.compile(r"^(?:https?://|www\.)\S+$", _I)),
)

RELATED_HEADERS = re.compile(
    r"^(?:à découvrir(?: également| aussi)?|sur le même sujet|lire aussi|à lire aussi|lire également"
    r"|à lire également|voir aussi|à voir aussi|nos articles sur le sujet|vous aimerez aussi|vous aimerez"
    r" également|articles? (?:liés|similaires|associés|recommandés)|les articles les plus lus"
    r"|dans la même rubrique|plus d'actualités|toute l'actualité|ailleurs sur le web|sur le même thème)\s*:?$",
    _I,
)

# A headline: 3–200 characters, not ending like a sentence.
HEADLINE = re.compile(r"^(?=.{3,200}$).*[^.!?…:;,\"»”)]$")

_AGENCIES = r"AFP|Reuters|AP|ANSA|DPA|Belga|ATS|Xinhua|Bloomberg|EFE|Kyodo|Sputnik|RIA Novosti|TASS|Interfax"
METADATA_LINES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "date 2018-07", "date : 2018-07-24" — a scraper's date header, sometimes glued to the first paragraph.
    (
        "date",
        re.compile(r"^\s*date\s*:?\s+(?P<value>\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)\b", _I),
    ),
    # "Dernière mise à jour à 08h36 le 15/05", "Mis à jour le 15/05/2019 à 08:36", "Publié le 3 mai 2019".
    (
        "updated",
        re.compile(
            r"^\s*(?:dernière )?(?:mise? à jour|modifié|actualisé)\s*:?\s*(?P<value>(?=.{0,60}$)(?=.*\d).*?)\s*$",
            _I,
        ),
    ),
    (
        "published",
        re.compile(r"^\s*(?:publié|mis en ligne|posté)\s*:?\s*(?P<value>(?=.{0,60}$)(?=.*\d).*?)\s*$", _I),
    ),
    # "Par AFP", "Par Jean Dupont", "Par   L'Obs": a capitalised name after "Par" on a short line.
    ("byline", re.compile(r"^\s*(?i:par|by)\s+(?P<value>(?=.{2,60}$)[A-ZÀ-Ý][^.!?;:]*?)\s*$")),
    (
        "credit",
        re.compile(rf"^\s*(?i:avec|source\s*:?)\s+(?P<value>(?:{_AGENCIES})(?:\s*(?:et|,|/)\s*\w+)?)\s*\.?$"),
    ),
    ("credit", re.compile(rf"^\s*\(?(?P<value>{_AGENCIES})\)?\s*$")),
    ("credit", re.compile(r"^\s*(?i:photo|crédits?(?: photo)?|illustration)\s*:\s*(?P<value>.{1,80}?)\s*$")),
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
FUTURE_CUES = re.compile(
    r"\b(?:sera|seront|aura|auront|va|vont|devrait|devraient|doit|doivent|prochain|prochaine|prévue?s?"
    r"|demain|pourrait|pourraient|\w{2,}(?:era|eront|ira|iront|ndra|ndront))\b",
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
    stopwords=STOPWORDS,
)
