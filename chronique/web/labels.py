"""Interface labels of the web UI, in French and English. A new language is a new dictionary here
with the same keys (a test checks that every language has every key)."""

from __future__ import annotations

from collections.abc import Callable

DEFAULT = "fr"

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "app": "Chronique",
        "stories": "Histoires",
        "story": "Histoire",
        "articles": "Articles",
        "article": "Article",
        "entities": "Entités",
        "entity": "Entité",
        "quotes": "Citations",
        "search": "Rechercher",
        "search_placeholder": "mots, personnes, lieux…",
        "events": "Événements",
        "timeline": "Chronologie",
        "people": "Personnes",
        "sources": "Sources",
        "dates": "Dates",
        "date": "Date",
        "published": "Publié",
        "undated": "non daté",
        "articles_count": "articles",
        "said": "a dit",
        "speaker": "Orateur",
        "unknown_speaker": "orateur inconnu",
        "attributed_only": "Orateur connu seulement",
        "aliases": "Autres noms",
        "quotes_by": "Citations de",
        "quotes_about": "Citations à son sujet",
        "appears_in": "Apparaît dans",
        "text": "Texte nettoyé",
        "removed": "Passages retirés",
        "removed_help": "Le texte d'origine, avec les passages retirés barrés et la raison du retrait.",
        "resolved_dates": "Dates résolues",
        "mentions": "Noms reconnus",
        "reuse": "Reprises",
        "reuse_help": "Passages partagés avec d'autres articles (la source est le plus ancien).",
        "originality": "Originalité",
        "no_results": "Aucun résultat.",
        "previous": "Précédents",
        "next": "Suivants",
        "type": "Type",
        "all": "Tous",
        "words": "Mots",
        "filter": "Filtrer",
        "since": "Depuis",
        "until": "Jusqu'au",
        "source": "Source",
        "not_found": "Introuvable",
        "error": "Erreur",
        "download": "Télécharger",
        "report": "Rapport",
        "summary": "Résumé",
        "legend": "Légende",
        "legend_quote": "citation",
        "legend_mention": "nom reconnu",
        "legend_date": "date résolue",
        "legend_removed": "passage retiré",
        "home_intro": "Les histoires de la base, les plus grandes d'abord.",
        "of": "sur",
        "kind": "Forme",
        "shares_with": "partage avec",
        "source_of": "reprend",
        "taken_by": "repris par",
        "language": "English",
    },
    "en": {
        "app": "Chronique",
        "stories": "Stories",
        "story": "Story",
        "articles": "Articles",
        "article": "Article",
        "entities": "Entities",
        "entity": "Entity",
        "quotes": "Quotes",
        "search": "Search",
        "search_placeholder": "words, people, places…",
        "events": "Events",
        "timeline": "Timeline",
        "people": "People",
        "sources": "Sources",
        "dates": "Dates",
        "date": "Date",
        "published": "Published",
        "undated": "undated",
        "articles_count": "articles",
        "said": "said",
        "speaker": "Speaker",
        "unknown_speaker": "unknown speaker",
        "attributed_only": "Known speaker only",
        "aliases": "Other names",
        "quotes_by": "Quotes by",
        "quotes_about": "Quotes about",
        "appears_in": "Appears in",
        "text": "Cleaned text",
        "removed": "Removed passages",
        "removed_help": "The original text, with removed passages struck out and the reason for each.",
        "resolved_dates": "Resolved dates",
        "mentions": "Recognised names",
        "reuse": "Reuse",
        "reuse_help": "Passages shared with other articles (the source is the earlier one).",
        "originality": "Originality",
        "no_results": "No results.",
        "previous": "Previous",
        "next": "Next",
        "type": "Type",
        "all": "All",
        "words": "Words",
        "filter": "Filter",
        "since": "Since",
        "until": "Until",
        "source": "Source",
        "not_found": "Not found",
        "error": "Error",
        "download": "Download",
        "report": "Report",
        "summary": "Summary",
        "legend": "Legend",
        "legend_quote": "quotation",
        "legend_mention": "recognised name",
        "legend_date": "resolved date",
        "legend_removed": "removed passage",
        "home_intro": "The stories in the database, largest first.",
        "of": "of",
        "kind": "Kind",
        "shares_with": "shares with",
        "source_of": "reuses",
        "taken_by": "reused by",
        "language": "Français",
    },
}


def choose(query: str | None, cookie: str | None, accept: str | None) -> str:
    """The interface language: ``?lang=``, then the cookie, then the browser's first known language."""
    for wanted in (query, cookie):
        if wanted in LABELS:
            return wanted
    for part in (accept or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LABELS:
            return code
    return DEFAULT


def translator(lang: str) -> Callable[[str], str]:
    labels = LABELS.get(lang, LABELS[DEFAULT])
    return lambda key: labels.get(key, key)


def other(lang: str) -> str:
    """The language the switch link offers."""
    return "en" if lang == "fr" else "fr"
