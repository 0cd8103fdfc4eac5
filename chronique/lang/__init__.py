"""Language-specific knowledge behind one interface.

Each language is a data module (``chronique/lang/fr.py``) exposing the names below; the algorithms
only ever see a :class:`LanguageData`. Adding a language is adding a module, not editing a stage.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class PeopleData:
    """Who said what: the lexicon ``chronique.nlp`` builds its entity and quotation patterns from."""

    er_verbs: tuple[str, ...] = ()  # reporting verbs of the first group, by stem ("déclar")
    irregular_forms: tuple[str, ...] = ()  # every form of the other reporting verbs
    irregular_infinitives: tuple[str, ...] = ()  # and their infinitives
    weak_cues: frozenset[str] = frozenset()  # stems that report speech only before a content
    # Stems and irregular forms of verbs whose object is what was said:
    # a call ("a appelé l'ONU à protéger Syrte"): an object, then "à" or "de" and an infinitive;
    directive_cues: frozenset[str] = frozenset()
    # a denial ("a démenti l'existence d'un accord"): a noun phrase.
    object_cues: frozenset[str] = frozenset()
    # forms of cues that go on with the last speaker's words ("a-t-il ajouté", "a-t-elle poursuivi")
    continuing_cues: frozenset[str] = frozenset()
    bare_infinitive_cues: frozenset[str] = (
        frozenset()
    )  # "affirment tenir …": a bare infinitive is the content
    auxiliaries: tuple[str, ...] = ()
    copulas: tuple[str, ...] = ()  # "est", "sont": a verb after a name makes it a subject
    fillers: tuple[str, ...] = ()  # words between an auxiliary and its participle, or a verb and its subject
    according_to: tuple[str, ...] = ()  # "selon"
    according_to_at_start: tuple[str, ...] = ()  # "pour" (X, …)
    np_ends: tuple[str, ...] = ()  # words that end a postposed speaker's noun phrase
    causatives: tuple[str, ...] = ()  # "fait" (savoir)
    causative_infinitives: tuple[str, ...] = ()  # "savoir" (after "fait")
    aspectuals: tuple[str, ...] = ()  # "cesse" (de répéter), "tenu" (à rappeler)
    perception_verbs: frozenset[str] = frozenset()  # "reçu" (un message : « … »)
    not_incise_verbs: frozenset[str] = frozenset()
    negations: tuple[str, ...] = ()
    negative_subjects: tuple[str, ...] = ()  # "personne ne disait …": nobody spoke
    content_links: tuple[str, ...] = ()  # "que"
    infinitive_links: tuple[str, ...] = ()  # "de", "à" (+ an infinitive)
    infinitive_clitics: tuple[str, ...] = ()  # "se" (de se servir)
    infinitive_endings: tuple[str, ...] = ()  # "er", "ir"
    infinitive_auxiliaries: tuple[str, ...] = ()  # "avoir" (a confié avoir …)
    addressee_links: tuple[str, ...] = ()  # "aux" (journalistes)
    object_clitics: tuple[str, ...] = ()  # "leur", "lui" (« … », leur a-t-il dit)
    channel_links: tuple[str, ...] = ()  # "sur" (TF1)
    passive_cues: tuple[str, ...] = ()  # "qualifié" (de « … » par X)
    pronouns: dict[str, str] = field(default_factory=dict)
    titles: tuple[str, ...] = ()
    person_roles: tuple[str, ...] = ()  # "_" joins the words of a multi-word role
    org_roles: tuple[str, ...] = ()
    group_roles: tuple[str, ...] = ()  # bodies a later bare head refers back to ("les rebelles")
    media_roles: tuple[str, ...] = ()  # the press's heads: a name after one is the medium's
    role_families: tuple[tuple[str, ...], ...] = ()  # heads that name one thing ("journal", "quotidien")
    role_adjectives: tuple[str, ...] = ()
    country_adjectives: tuple[str, ...] = ()  # "américain", "libyenne"
    adjective_endings: tuple[str, ...] = ()
    name_particles: frozenset[str] = frozenset()
    role_determiners: tuple[str, ...] = ()
    plural_determiners: frozenset[str] = frozenset()  # "les" (rebelles): a group a plural pronoun takes up
    future_endings: tuple[str, ...] = ()  # "annoncera", "dira": a reporting verb in the future
    role_premodifiers: tuple[str, ...] = ()
    role_domains: tuple[str, ...] = ()
    office_periphrases: dict[str, str] = field(default_factory=dict)
    office_holders: dict[str, tuple[tuple[str, str, str | None], ...]] = field(default_factory=dict)
    person_epithets: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)
    # A body's usual name → its other names: "OTAN": ("Alliance atlantique",)
    name_synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    not_names: frozenset[str] = frozenset()
    quote_pairs: tuple[tuple[str, str], ...] = ()
    source_nouns: tuple[str, ...] = ()  # "source" (selon une source proche du dossier)
    opinion_holders: tuple[str, ...] = ()  # "analystes" (Pour les analystes, …)
    first_person: tuple[str, ...] = ()  # "je", "me", "mon": someone speaking of themselves
    takes_the_floor: tuple[str, ...] = ()  # "est intervenu", "a pris la parole": about to speak
    name_nouns: tuple[str, ...] = ()  # "famille" (la famille Kadhafi): a name apposed to a common noun
    outsider_nouns: tuple[str, ...] = ()  # "proche", "témoin": a source outside the body it names
    feminine_first_names: frozenset[str] = frozenset()
    masculine_first_names: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)  # compared (and hashed) by identity: one instance per language
class LanguageData:
    code: str
    months: dict[str, int]  # every accepted spelling → 1..12
    weekdays: dict[str, int]  # every accepted spelling → 0 (Monday) .. 6
    seasons: dict[str, str]  # name → TIMEX3 season code (SP, SU, FA, WI)
    # Boilerplate: (reason, compiled pattern matched at the start of a stripped line).
    boilerplate_lines: tuple[tuple[str, re.Pattern[str]], ...]
    # Headers of related-article blocks: the lines that follow are headlines, not content.
    related_headers: re.Pattern[str]
    # A headline under a related block: short, no sentence punctuation at its end.
    headline: re.Pattern[str]
    # Metadata lines: (kind, pattern). Patterns match at the start of a line; group "value" holds
    # the metadata, the match end is the end of the removed span.
    metadata_lines: tuple[tuple[str, re.Pattern[str]], ...]
    # An embedded social-media caption glued to the next sentence: the match is removed.
    embed_caption: re.Pattern[str]
    embed_line: re.Pattern[str]
    # Words of relative time.
    relative_words: dict[str, str]
    # A clause that attributes speech ("a déclaré mardi le conseiller …"): a date inside it dates the
    # statement, not what was said.
    attribution: re.Pattern[str]
    past_cues: re.Pattern[str]
    future_cues: re.Pattern[str]
    # Words that are never content words when comparing articles.
    stopwords: frozenset[str]

    # Temporal expressions: the words the tagger's patterns are built from (see chronique.dates.timex).
    # A pluperfect ("avait révélé"): what a date in its clause tells lies before the time the article
    # narrates — background, never the time of writing.
    anterior_cues: re.Pattern[str] | None = None
    # Before a date, the start of a state that still holds ("retenue depuis le 23 février 2002"):
    # background too, however long ago.
    since_words: tuple[str, ...] = ()
    first_day_words: tuple[str, ...] = ()  # "1er": the first of the month
    numbers: dict[str, int] = field(default_factory=dict)  # number words → value
    number_links: tuple[str, ...] = ()  # join a ten and a unit ("vingt-quatre")
    vague_numbers: frozenset[str] = frozenset()  # "quelques": an amount written X
    duration_units: dict[str, str] = field(default_factory=dict)  # "mois" → "M", "heures" → "TH"
    durations_needing_a_cue: frozenset[str] = frozenset()  # "un jour": a duration only after "pendant"…
    duration_cues: dict[str, str | None] = field(default_factory=dict)  # "environ" → "APPROX"
    hour_words: tuple[str, ...] = ()  # "h", "heures"
    half_words: tuple[str, ...] = ()  # "et demie"
    time_cues: dict[str, str | None] = field(default_factory=dict)  # "vers" → "APPROX"
    distance_links: tuple[str, ...] = ()  # "à 2 heures de Paris" is no clock time
    hour_suffixes: dict[str, int] = field(default_factory=dict)  # "du soir" → 12
    named_times: dict[str, str] = field(default_factory=dict)  # "midi" → "12:00"
    day_parts: dict[str, str] = field(default_factory=dict)  # "matin" → "MO"
    part_leadins: tuple[str, ...] = ()  # "dans la" (soirée)
    # A part of the day on its own, in the day the text last told: "dans la soirée", "en fin d'après-midi"
    # after any of these lead-ins, and "la matinée", "à l'aube" (the parts in ``told_day_parts``) after
    # any lead-in at all; a bare "le soir" may be any evening.
    told_day_leadins: tuple[str, ...] = ()
    told_day_parts: frozenset[str] = frozenset()
    anaphoric_days: dict[str, int] = field(default_factory=dict)  # "la veille" → -1 (of the day told)
    anaphoric_links: tuple[str, ...] = ()  # "la veille du sommet", "au lendemain des frappes": an event's
    anaphoric_generic: tuple[str, ...] = ()  # "du jour au lendemain", "un jour …, le lendemain": any day
    time_date_links: tuple[str, ...] = ()  # "à 08h36 le 15/05"
    shift_words: dict[str, int] = field(default_factory=dict)  # "dernier" → -1, "prochain" → 1
    this_words: tuple[str, ...] = ()  # "ce", "cette"
    the_words: tuple[str, ...] = ()  # "le", "la"
    ago_words: tuple[str, ...] = ()  # "il y a"
    ahead_words: tuple[str, ...] = ()  # "dans"
    modifiers: dict[str, str] = field(default_factory=dict)  # "fin" → "END"
    modifier_leadins: tuple[str, ...] = ()  # "à la" (fin)
    modifier_links: tuple[str, ...] = ()  # (fin) "de l'" (année)
    month_cues: tuple[str, ...] = ()  # "en" (mai)
    year_cues: tuple[str, ...] = ()  # "en" (2016)
    quantity_words: frozenset[str] = frozenset()  # "plus de 2000", "environ 1500": amounts, not years
    amount_cues: frozenset[str] = frozenset()  # year cues that also introduce an amount: "de", "pour"
    year_name_links: frozenset[str] = frozenset()  # "au" (Tour de France 2009): a named edition's year
    decade_cues: tuple[str, ...] = ()  # "les années" (1990)
    period_units: dict[str, str] = field(default_factory=dict)  # "semaine" → "week"
    period_here: str = ""  # "-ci" ("ce mois-ci")
    season_determiners: tuple[str, ...] = ()  # "à l'" (automne)
    interval_links: dict[str, str] = field(default_factory=dict)  # "du" → "au"
    set_words: tuple[str, ...] = ()  # "chaque"
    times_per: tuple[str, ...] = ()  # "fois par"
    references: dict[str, str] = field(default_factory=dict)  # "ces derniers jours" → "PAST_REF"
    people: PeopleData = field(default_factory=PeopleData)
    # A reader's voice, outside quotation marks: the first and second person ("je", "vous", "mon").
    reader_voice: re.Pattern[str] | None = None

    def document_frequencies(self) -> tuple[dict[str, int], int]:
        """Background document frequencies of words in this language's news (``<code>_df.json``)."""
        return _document_frequencies(self.code)


_SUPPORTED = ("fr",)


@cache
def _document_frequencies(code: str) -> tuple[dict[str, int], int]:
    path = Path(__file__).with_name(f"{code}_df.json")
    if not path.exists():
        return {}, 0
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["df"], int(data["documents"])


@cache
def get_language(code: str) -> LanguageData:
    """The data of language ``code``; unknown languages fall back to French (the sample corpus)."""
    code = (code or "fr").lower().split("-")[0]
    if code not in _SUPPORTED:
        code = "fr"
    module = importlib.import_module(f"chronique.lang.{code}")
    data: LanguageData = module.DATA
    return data


def supported_languages() -> tuple[str, ...]:
    return _SUPPORTED
