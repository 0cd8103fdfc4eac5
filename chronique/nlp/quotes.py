"""Quotations and who said them.

Direct speech ("…", « … », padded " … ", AFP's +…+ inside), mixed speech (a quoted fragment inside
reported speech) and indirect speech, found from the reporting cue:

- forward: ``X a déclaré que …``, ``X a répondu : « … »``, ``X a confié avoir « … »``, ``Il a appelé à …``;
- inverted, after the content: ``« … », a déclaré M. X``, ``…, a-t-il ajouté``, ``…, a poursuivi le conseiller``;
- continued: ``…, en précisant que …``, ``…, précisant que …``, ``avant de préciser que …`` (same speaker);
- ``Selon X, …`` and ``…, selon X.``;
- passive: ``qualifié de « … » par X``;
- a sentence that is one quotation and has no cue: direct, its speaker carried over from the quotation
  before it in the same paragraph, else unknown (it may inherit one from another article).

Speakers are mentions of ``chronique.nlp.mentions`` (names, roles, periphrases) or pronouns, resolved
to the last speaker. Sentences are split so that none ends inside a quotation.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from chronique.dates.events import sentences
from chronique.dates.timex import find_timexes
from chronique.lang import LanguageData
from chronique.nlp.lexicon import WORD, Lexicon, lexicon
from chronique.nlp.mentions import Entities, Mention, mention_gender
from chronique.nlp.names import fold
from chronique.nlp.quotemarks import CLOSERS as _CLOSERS
from chronique.nlp.quotemarks import OPENERS as _OPENERS
from chronique.nlp.quotemarks import STRAIGHT as _STRAIGHT
from chronique.nlp.quotemarks import quote_spans

_EDGE = " \t\n,;:.!?…-–—"
_CLOSE_TRAIL = ' \t\n"»”›)'
_SELON_END = re.compile(r"\s*[,(]\s*$")
_SELON_OPENER = re.compile(
    r"(?:(?i:mais|et|puis|alors|or|ensuite|enfin|toujours|cependant|pourtant|toutefois|néanmoins|"
    r"d['’]ailleurs|en\s+revanche|par\s+ailleurs|aussi|surtout|encore|ainsi)\b,?\s*)+"
)
_WORDS_OF = re.compile(
    r"(?i:les\s+)?(?i:termes|propos|mots|déclarations)\s+(?i:du|de\s+la|de\s+l['’]|des|de|d['’])\s*"
)
# "selon les termes d'un communiqué": words that lead to the source without naming it.
_SOURCE_FILLERS = frozenset(
    {"le", "la", "les", "l'", "d'", "de", "du", "des", "un", "une", "termes", "propos", "mots"}
)
_FEAR = frozenset({"craint", "craignent", "craignait", "craignaient", "craignant"})
# "il faut", "il y a", "il reste": an impersonal "il" is no speaker.
_IMPERSONAL = re.compile(
    r"(?i:\s+(?:n['’]|ne\s+)?(?:y\s+(?:a|avait|aura)|faut|fallait|faudra|reste|restait|suffit|s['’]agit|semble|"
    r"paraît|convient|importe|manque|est\s+(?:écrit|clair|temps|vrai|possible|question|dit|rappelé)|"
    r"était\s+(?:écrit|une\s+fois)|pleut|vaut))\b"
)
# "s'est dit prêt à", "se déclare favorable à": saying it of oneself, then an adjective.
_SAYS_ONESELF = re.compile(
    r"(?i:\bs['’](?:est|était|étaient)|\bse(?:\s+sont)?)\s+(?:dite?s?|déclarée?s?|déclare|déclarent|disent)$"
)
# "Mais il est catégorique : « … »": words that may open the clause before a subject.
_LEAD_OPENER = re.compile(r"(?i:mais|et|puis|alors|or|ensuite|enfin)\b,?\s*")
_LEAD_PHRASE = re.compile(r"[^,:;«»\"“”]{1,100},\s*")
MAX_LEAD_WORDS = 20  # a longer clause before the colon is narration, not an introduction
# "ce dernier", "l'intéressée": the person named last.
_LATTER = re.compile(
    r"(?i:(?:ce|cette)\s+derni(?P<m>er|ère)|l['’]intéress(?P<i>ée?)|cel(?:ui|(?P<c>le))-ci)\b"
)
_LATTER_GROUP = re.compile(r"(?i:ces\s+derni(?:ers|ères))")  # "Selon ces derniers": the words, no one
_APPOSITION = re.compile(r"\s*,[^,;:«»\"]{1,120},\s*")
# "…, qui a déclaré": the cue's subject is a relative pronoun.
_SUBJECT_WITH_RELATIVE = re.compile(
    r"\s*(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’]|[A-ZÀ-Ý])[^,;:.!?]{0,80},\s*qui\s[^,;:]{1,120},$"
)  # "Le Groupe de contact, qui regroupe une vingtaine de pays,"
_RELATIVE_SUBJECT = re.compile(
    r"(?<![\w'’])qui(?:\s+(?:ne|n['’]))?(?:\s+(?:s['’]|se|lui|leur|l['’]|y|en))?\s*$", re.IGNORECASE
)
_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:à|de|du|des|en|dans|sur|par|pour|avec|chez|contre|vers|au|aux|après|avant|malgré|entre"
    r"|sans|sous|depuis|envers|devant|derrière|parmi|cite|citant|cité)\s+|\b(?-i:A)\s+|\bd['’])"  # "A la …" is "À la …"
    r"(?:(?:la|le|les|l['’]|son|sa|ses|leur|cette|ce)\s*)?$",
    re.IGNORECASE,
)
# After a closing quotation mark: ", verb" or ", a verb" or ", verb-t-il".
_INCISE = re.compile(
    r"\s*,\s*(?:(?:a|ont|avait)(?:-t-(?P<p3>il|elle))?\s+)?(?:s'|se\s+)?(?P<verb>[a-zà-ÿ]+(?:[ée]e?s?|e|ent|it|ut|a))"
    r"(?:-t-(?P<pronoun>il|elle)|-(?P<p2>il|elle))?(?=[\s.,])"
)
# Where a statement was made, between its verb and what it says ("a déclaré à Paris que"): a name.
_PLACE = re.compile(
    r"\s+(?:à|au|aux|en|depuis)\s+(?:l['’]|la\s+|le\s+)?[A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ý][\w'’-]*)*"
)
# After "…, selon X,": the source's own clause or another clause, not the rest of the reported one.
_SOURCE_GOES_ON = re.compile(
    r"\s*(?:qui|dont|citant|cités?|citées?|lequel|laquelle|et|mais|car|bien|alors|tandis|même|puisque|parce"
    r"|lorsque|quand|si|avant|après)\b",
    re.IGNORECASE,
)
_DETERMINERS = r"l['’]|le|la|les|un|une|des|du|sa|son|ses|leur|leurs|ce|cette|ces"
_INDEFINITE = re.compile(r"(?i:un|une|des)\s")
_DETERMINER_BEFORE = re.compile(rf"(?<![\w'’])(?P<det>(?i:{_DETERMINERS}))\s*$")
_DETERMINER_AFTER = re.compile(rf"\s+(?i:l['’]|(?:{_DETERMINERS})(?![\w]))")
# A live blog's time before an entry: "21 h 40 : …", "0 h 15 : …" (timelines drop it too).
LIVE_STAMP = re.compile(r"\d{1,2}\s?h\s?\d{0,2}\s*:\s*")
# A post quoted on a line of its own: "@handle: words", "Handle : words #hashtag"; a retweet's author.
_POST = re.compile(
    r"\s*(?P<handle>@?\w{2,30})\s?(?P<colon>:)\s+(?P<body>\S)"
    r"|\s*(?P<at>@\w{2,30})(?P<space>\s+)(?!@)(?P<words>\S)"  # "@gr33ndata Je suis sûre …", a post as embedded
)
# A turn of an interview, its speaker's label first: "LE FIGARO. - Combien de temps encore?",
# "Général Charles BOUCHARD. -C'est …", "Le Point.fr : Comment … ?", "Étienne de Durand : Il s'agit …".
_TURN = re.compile(r"\s*(?P<label>[^\W\d_][^:!?«»\"“”,;]{1,60}?)(?:\.\s?[-–—]|\s?:)\s*(?P<body>[^\W_])")
_QUESTION_END = re.compile(r"(?:\?|…|\.\.\.)[\s»\"”]*$")
MAX_LABEL_WORDS = 6
MAX_QUESTION_WORDS = 80  # a longer line that ends on "?" is an answer that asks back
_POST_LINK = re.compile(r"\s*(?:https?://|pic\.twitter\.com/)\S*")
_RETWEET = re.compile(r"RT\s+(?P<handle>@\w{2,30})\s?:\s+")
_HASHTAG = re.compile(r"(?:^|\s)#\w{2,}")
# "a indiqué, lors d'une conférence de presse, que …", "a soutenu, devant le Conseil, qu'…": a phrase
# between commas before the content.
_INCIDENTAL = re.compile(r"\s*,[^,;:]{1,80},\s*(?=qu['’]|que\b)", re.IGNORECASE)
_DATE_LEADIN = re.compile(r"\s+(?:(?:le|ce|dans\s+la\s+nuit\s+de)\s+)?", re.IGNORECASE)
_PAR = re.compile(r"^\s*par\s+", re.IGNORECASE)
_AGENT = re.compile(r"(?<![\w'])par\s", re.IGNORECASE)
_WORD_AFTER = re.compile(  # the verb after a subject, past clitics, an auxiliary and adverbs
    r"\s+(?:(?:ne|n['’]|s['’]|se|l['’]|lui|leur|y|en|a|ont|avait|avaient|est|sont|était|étaient|aurait|pas"
    r"|déjà|aussi|alors|ensuite|également|[a-zà-ÿ]+ment)(?:\s+|(?<=['’])))*([a-zà-ÿ][\w'’-]*)"
)
_NOT_VERBS = frozenset({"et", "ou", "ni", "du", "des", "à", "au", "aux", "en", "le", "la", "les"})
_SPOKEN_BY = re.compile(r"(?<![\w'])(?P<verb>[a-zà-ÿ]+)\s+(?:ainsi\s+)?par\s+$", re.IGNORECASE)
_OPENING_CONTINUATION = re.compile(
    r"\s*(?:(?:Et|Mais)\s+)?(?:[Aa]vant\s+d(?:e\s+|['’])|[Ee]n\s+|[Aa]près\s+avoir\s+)"
)
_AND_NEXT = re.compile(r"[\s\"»”]*[,;]?\s*(?:et|mais)\s+", re.IGNORECASE)
# "a assuré X : « ": nothing ends a sentence between (the point of an initial, "M. X", "George W. Bush", does not)
_COLON_AFTER = re.compile(r"(?:[^:«»\"“”.;!?]|(?<=\b[A-ZÀ-Ý])\.|(?<=\bMM)\.){1,120}:\s*[«\"“]?\s*")
_COLON_NEXT = re.compile(r"\s*:\s*[«\"“]?\s*")
_BRACKETED_INITIALS = re.compile(r"^\s*\([A-ZÀ-Ý][A-ZÀ-Ý.-]{0,9}\)")
# Another group opening a clause after the one a plural pronoun would take up ("…, et des infirmières").
_OTHER_GROUP = re.compile(r"[.!?;:,]\s*(?:et\s+)?(?:[Ll]es|[Dd]es|[Cc]es)\s+[a-zà-ÿ]")
# A clause's subject opens it: after the start of the text, a sentence's end or a comma, a determiner.
_CLAUSE_LEAD = re.compile(r"(?:^|[.!?;:,]\s*|\n\s*)(?P<det>[\w']+)\s+$")
_AND_BEFORE = re.compile(r"(?:,\s*|\s)(?:et|mais)$")
_COORDINATED = re.compile(r",\s*et\s+$", re.IGNORECASE)
_TRAILING_AND = re.compile(r"[,\s]+(?:et|mais)\s*$")
_GERUND_LEAD = re.compile(r"(?:,\s*|\b[Ee]n\s+(?P<clitic>(?:les|leur|lui|nous|vous|se|s['’]|l['’])\s*)?)$")
_COMMA_BEFORE_QUOTE = re.compile(r"\s*,\s*(?=[«“„\"])")
_ADVERB_LEAD = re.compile(r"\s*[A-ZÀ-Ý][a-zà-ÿ]+\s*,\s*")  # "Toutefois, ", "Hier, "
_CONTINUATION = re.compile(r"(?:,\s*|\b)(?:en|avant\s+de|après\s+avoir)\s+$", re.IGNORECASE)

OBJECT_WORDS = 6  # words before the quoted words of a cue's object ("a déclaré à son arrivée sa « … »")
SOURCE_CHARS = 8  # "selon elle « … »": the quotation right after the source's pronoun
SOURCE_WORDS = 8  # a closing ", selon l'agence Reuters" longer than this is more than a source
MAIN_PERSON_MENTIONS = 4  # mentions that make a person what an article is about
MAIN_PERSON_LEAD = 2  # …and this many times as many as anyone else
# Confidence of an attribution, by how the speaker was found.
CONFIDENCE = {
    "name": 0.9, "role": 0.85, "pronoun": 0.75, "continued": 0.8, "body": 0.7, "carried": 0.5, "none": 0.4
}  # fmt: skip
INDIRECT_FACTOR = 0.9  # reported speech is less certain than quoted words
# A subject pronoun, past a negation and object pronouns: "il", "il ne", "Il lui", "elle nous l'".
_CLITICS = r"(?:\s*(?:(?:ne|le|la|les|lui|leur|y|en|me|te|se|nous|vous)(?!\w)|[nlmts]['’]))*"
_PRONOUN_SUBJECT = re.compile(rf"(?<![\w'’])(il|elle|ils|elles){_CLITICS}\s*$", re.IGNORECASE)
# A verb whose subject is the previous sentence's, left out after a conjunction: "Et ajoute : « … »".
_COLON_AFTER_SUBJECT = re.compile(r"(?:\s*,[^,:;«»\"]{1,60})?\s*:\s*")  # "…, la rapporteure : "
_CONTENT_NEXT = re.compile(r"\s*(?:[:«\"“]|qu(?:e\b|['’]))")  # the verb's content comes right after it
_ELIDED_SUBJECT = re.compile(rf"\s*(?:et|mais|puis){_CLITICS}\s*", re.IGNORECASE)
# Between a subject and its verb: an apposition or a participle's clause between commas, the subject's
# acronym before them ("Human Rights Watch (HRW), évoquant vingt-quatre morts, a dénoncé").
# (A name in guillemets may stand in it: "X, commandant de l'opération «Protecteur unifié», accuse".)
_NAMED = r"«\s?[A-ZÀ-Ý][^«»,;:.!?\s]*(?:\s[^«»,;:.!?\s]+){0,3}\s?»"  # a name: capitalised, four words at most
_APPOSED_BEFORE_CUE = re.compile(
    rf"(?:\s*\([^()]{{1,20}}\))?\s*,(?:[^;:«»\"]|{_NAMED})*,\s*(?:\w+\s+){{0,2}}"
)
# A sentence's subject words, then such a clause: "les comités révolutionnaires, pilier du régime, ont".
_APPOSED_SUBJECT = re.compile(rf"\s*(?:[^,;:«»\"]*,\s*)??([^,;:«»\"]+?)\s*,(?:[^,;:«»\"]|{_NAMED})+,\s*")
# After a call's verb: its object, then "à"/"de" and an infinitive ("les autorités de Bahreïn à respecter").
# After an assertion's verb, an infinitive with no link ("affirment tenir leur information de …"); not
# the adverbs and determiners that end like one ("a déclaré hier", "estime encore", "a dit leur …").
_BARE_INFINITIVE = re.compile(
    r"\s*(?:ne\s+pas\s+|n['’]|se\s+|s['’]|y\s+|en\s+)?"  # not "le", "la": "a annoncé le conseiller"
    r"(?!(?:hier|avant-hier|encore|notre|votre|leur|soir|entre|contre|outre|autre|quatre|premier|dernier|"
    r"entier|guerre|hiver|mer|fer|cher|sur|pour|par|plusieurs|lettre|titre|ordre|affaire|nécessaire|"
    r"contraire|sincère|clair|noir|ordinaire|prioritaire|solidaire|volontaire|populaire|militaire|"
    r"humanitaire)(?![\w-]))[a-zà-ÿ][a-zà-ÿ-]*(?:er|ir|re|oir)(?![\w-])"
)
_CALL_FOR = re.compile(
    r"\s*(?:à\s+(?:la|l['’]|une?|des|cette|ce|plus\s+de)\s*|aux\s)(?=[a-zà-ÿ«\"])"
)  # "à la retenue"
_CALL_TO_ACT = re.compile(
    r"(?P<aside>\s*,[^,;:«»\"]{1,40},)?\s*(?:par\s+ailleurs\s+|aussi\s+|également\s+)?"
    r"(?:l['’]|les?\s|la\s|leurs?\s|ses\s|son\s|sa\s|tou(?:te)?s\s|ces\s|nos\s|vos\s|des\s|[A-ZÀ-Ý])"
    r"[^,;:«»\"]{0,80}?\s(?:à|de|d['’])\s*(?:[«\"“]\s*)?"
    r"(?:ne\s+pas\s+|se\s+|s['’]|leur\s+|lui\s+|y\s+|en\s+)?"
    r"(?!(?:quatre|outre|guerre|heures?|autres?|notre|votre|contre|entre|titre|lettre|centre|ordre|nombre|"
    r"membre|maire|frère|père|mère|terre|pierre|affaire|manière|hier|premier|dernier|mer|fer|cher|hiver|"
    r"air|soir|espoir|mémoire|histoire|victoire)(?![\w-]))[a-zà-ÿ]+(?:er|ir|re|oir)(?![\w-])"
)
# Later in the sentence, another cue that takes the words: ", a déclaré X", ", ajoute-t-il", ", selon X".
_SAID_AFTER = re.compile(
    r",\s*(?:(?:a|ont|avait|avaient|aurait)\s+(?:\w+\s+){0,2}?[a-zé]+[éiu]e?s?\b|[a-zé]+-t-(?:il|elle|on)\b|"
    r"(?:selon|d['’]après)\b)"
)
# After a denial's verb: a noun phrase ("l'existence de", "toute implication"), maybe past an aside.
_OBJECT = re.compile(
    r"(?P<aside>\s*,[^,;:«»\"]{1,40},)?\s*(?:l['’]|les?\s|la\s|toute?s?\s(?!en\b)|son\s|sa\s|ses\s|leurs?\s|une?\s|des\s)\s*[a-zà-ÿ]"
)
_LATTER_SUBJECT = re.compile(rf"({_LATTER.pattern}){_CLITICS}")
_PREPOSITION_FIRST = re.compile(
    r"(?i:du\s+côté|de\s+son\s+côté|à|au|aux|en|dans|pour|chez|selon|après|avant|depuis|pendant|face|"
    r"sur|sous|par|avec|sans|contre|vers|lors|outre|malgré|parmi)\b"
)
CARRY_SENTENCES = 3  # a pronoun refers to a speaker at most this many sentences back
ANTECEDENT_SENTENCES = 5  # … and to a person of its gender mentioned at most this many back
MIN_SIDE_WORDS = 3  # each side of an incise this long is a quotation of its own, else one spans both
MIN_STANDALONE_WORDS = 4  # a cue-less quotation shorter than this is a scare quote, not speech
HEADLINE_WORDS = 12  # a quoted line shorter than this, without final punctuation, is an intertitle


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | indirect | mixed
    cue: str
    cue_start: int
    cue_end: int
    speaker: int | None  # index of the article's entity
    speaker_text: str | None  # the words that name the speaker here ("il", "le conseiller", "M. X")
    speaker_start: int | None  # where those words are, when they are a mention
    confidence: float
    evidence: str  # how the speaker was found: name, role, pronoun, continued, carried, none


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    verb_end: int
    pronoun: str | None  # "il" of "a-t-il ajouté"
    kind: str  # finite | participle | gerund | inverted


@dataclass(slots=True)
class _Speaker:
    entity: int | None
    text: str | None
    how: str
    start: int | None = None


def _sentences(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans of one line, none ending inside a quotation."""
    out: list[tuple[int, int]] = []
    for s, e in sentences(text[start:end]):
        s, e = s + start, e + start
        if out and any(qs < out[-1][1] <= qe for qs, qe in quotes):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def find_quotes(text: str, found: Entities, lang: LanguageData) -> list[Quote]:
    """Every quotation of ``text`` with its cue and speaker, in reading order."""
    # One apostrophe for the patterns ("qu’il" is "qu'il"); same length, so offsets hold.
    quotes = _Finder(text.replace("’", "'"), found, lang).run()
    for q in quotes:
        q.text = text[q.start : q.end]
    return quotes


class _Finder:
    def __init__(self, text: str, found: Entities, lang: LanguageData) -> None:
        self.text = text
        self.lang = lang
        self.mentions = found.mentions
        self.labels = [e.label for e in found.entities]
        self.lx = lexicon(lang)
        self.quotes: list[Quote] = []
        self.last_speaker: tuple[int, _Speaker] | None = None  # (sentence number, speaker)
        self.last_unnamed: tuple[int, _Speaker] | None = None  # a later speaker only a role names
        self.sentence_no = 0
        self.sentence_starts: list[int] = []
        self.previous_paragraph: _Speaker | None = None  # who the last paragraph ended quoting
        self.introduced_before = False  # whether the last paragraph ended on a colon
        self.genders = _genders(found, lang)
        self.main_person = _main_person(found)
        self.quoted = quote_spans(text)
        self.sources = _source_nouns(lang)
        self.opinion_holders = _opinion_holders(lang)

    def run(self) -> list[Quote]:
        pos = 0
        lines = []
        for line in self.text.split("\n"):
            lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        answers = self._interview([(s, e) for s, e in lines if self.text[s:e].strip()])
        for start, end in lines:
            line = self.text[start:end]
            if not line.strip():
                continue
            qspans = quote_spans(self.text, start, end)
            if start in answers:  # an interview's answer: its words, then what it reports others said
                answer_start, who, cue = answers[start]
                self._add(answer_start, end, cue, who, [], kind="direct")
            elif self._post(start, end, qspans):
                continue
            paragraph_first = len(self.quotes)
            spans = _sentences(self.text, start, end, qspans)
            self.only_quote = len(qspans) == 1 and not (
                self.text[start : qspans[0][0]] + self.text[qspans[0][1] + 1 : end]
            ).strip(_EDGE)
            for s, e in spans:
                self.sentence_no += 1
                self.sentence_starts.append(s)
                inside = [q for q in qspans if s <= q[0] and q[1] < e]
                self._sentence(s, e, inside, paragraph_first)
            said = [q for q in self.quotes[paragraph_first:] if q.speaker is not None]
            last_sentence_quoted = said and said[-1].end >= spans[-1][0]
            self.introduced_before = line.rstrip().endswith(":")
            if last_sentence_quoted or line.rstrip().endswith(":"):
                last = said[-1] if said else None
                self.previous_paragraph = (
                    _Speaker(last.speaker, last.speaker_text, "carried", last.speaker_start) if last else None
                )
            else:
                self.previous_paragraph = None
        return self.quotes

    # --- one sentence --------------------------------------------------------------------------

    def _sentence(self, s: int, e: int, qspans: list[tuple[int, int]], paragraph_first: int) -> None:
        text = self.text
        cues = [c for c in self._cues(s, e, qspans)]
        claimed: list[tuple[int, int]] = []
        sentence_quotes: list[Quote] = []
        clause_start = s
        question = text[s:e].rstrip(_CLOSE_TRAIL).endswith("?")

        def keep(cs: int, ce: int, cue: _Cue, who: _Speaker) -> None:
            """Add the quotation and claim its words for this sentence."""
            q = self._add(cs, ce, cue, who, qspans)
            if q:
                sentence_quotes.append(q)
                claimed.append((cs, ce))

        for n, cue in enumerate(cues):
            if any(a <= cue.start < b for a, b in claimed):
                continue  # reported speech inside reported speech stays part of the outer quotation
            clause = max(s, cue.start - 30, *(text.rfind(ch, s, cue.start) + 1 for ch in ',;:«»"'))
            coordinated = _AND_BEFORE.search(text[s : cue.start].rstrip())
            if coordinated:  # "… ne fermerait pas et a ajouté :": the first clause's negation is not its
                clause = max(clause, s + coordinated.end())
            if self.lx.negation.search(text, clause, cue.verb_end):
                continue  # "ne lui avait pas dit que": no speech is reported
            if (
                cue.kind == "finite"
                and cue_word(text, cue) in self.lx.future
                and (question or not self.lx.clause_next.match(text, cue.verb_end, e))
            ):
                continue  # "Le gouvernement annoncera de nouvelles dispositions", "Qui dira que … ?"
            # The content of a cue runs to the next cue that opens a clause of its own (after a comma
            # or a closing quote), not to a verb inside it ("que M. Trump avait évoqué ce sujet").
            nxt = next(
                (
                    c.start if (other := self._other_subject(c, s)) is None else other
                    for c in cues[n + 1 :]
                    if self._opens_clause(c, s, cue) or self._other_subject(c, s) is not None
                ),
                e,
            )
            opening = self._verb_first(s, cue, nxt, qspans)
            if opening is not None:  # "Explique le porte-parole : « … »"
                (cs, ce), who = opening
                keep(cs, ce, cue, who)
                clause_start = max(clause_start, ce)
                continue
            content = self._content_after(cue, nxt, qspans)
            if content is not None:
                cs, ce = content
                coordinator = _TRAILING_AND.search(text, cs, ce)  # "…, et annoncé que": not what was said
                if coordinator and coordinator.start() > cs:
                    ce = coordinator.start()
                if cue.kind == "inverted" and question and not self._opens_clause(cue, s):
                    continue  # "X a-t-il exigé de …?": the writer's question, not an incise
                if cue.kind == "gerund" or _CONTINUATION.search(text, s, cue.start + 1):
                    speaker = sentence_quotes[-1] if sentence_quotes else None
                    who = (
                        _Speaker(speaker.speaker, speaker.speaker_text, "continued", speaker.speaker_start)
                        if speaker
                        else self._main_subject(s, cue, qspans)
                    )
                    if (
                        who.how == "none"
                        and not who.text
                        and self.last_speaker
                        and _OPENING_CONTINUATION.fullmatch(text, s, cue.start)
                    ):
                        # "Avant de conclure : « … »": a sentence with no subject goes on with the last one
                        number, previous = self.last_speaker
                        if self.sentence_no - number <= 1:
                            who = _Speaker(previous.entity, previous.text, "continued", previous.start)
                elif cue.kind == "narrative":  # "Et X d'ajouter : « … »"
                    who = self._main_subject(s, cue, qspans)
                elif (
                    sentence_quotes
                    and cue.kind in ("finite", "participle")
                    and _AND_NEXT.fullmatch(text, sentence_quotes[-1].end, cue.start)
                    and _plural(text[cue.start : cue.verb_end])
                    == _plural(text[sentence_quotes[-1].cue_start : sentence_quotes[-1].cue_end])
                ):  # "Les rebelles disent avoir …, et continuent d'exhorter l'Otan à": the same subject
                    earlier = sentence_quotes[-1]
                    who = _Speaker(earlier.speaker, earlier.speaker_text, "continued", earlier.speaker_start)
                else:
                    who = self._subject_before(s, cue)
                    if who.how == "none" and not who.text and _COLON_AFTER.match(text, cue.verb_end, cs):
                        # "…, a assuré X : « … »": the subject after the verb, before its colon
                        after = self._subject_after(cue, cs)
                        if (
                            after is not None
                            and (after[0].entity is not None or after[0].how == "role")
                            and _COLON_NEXT.fullmatch(text, after[1], cs)
                        ):  # a person or a body, not "réclament la légalisation : « … »"
                            who = after[0]
                    if cue_word(text, cue) in _FEAR and who.text and who.text.lower() in {"on", "l'on"}:
                        continue  # "On craint que …": a mood, no one's words
                    relative = _RELATIVE_SUBJECT.search(text, s, cue.start)
                    if relative and text[s : relative.start()].rstrip().endswith(","):
                        # "X, qui a affirmé que …, était à Bruxelles": the relative clause ends at its comma.
                        comma = next(
                            (
                                i
                                for i in range(cs, ce)
                                if text[i] == "," and not any(a < i < b for a, b in qspans)
                            ),
                            None,
                        )
                        ce = _strip(text, cs, comma)[1] if comma is not None else ce
                keep(cs, ce, cue, who)
                clause_start = max(clause_start, ce)
                continue
            if cue.kind == "gerund":
                continue
            # Inverted: the content is what precedes the cue, after a comma or a closing quote (and an
            # object pronoun: « … », leur a-t-il dit).
            before = text[clause_start : cue.start].rstrip()
            clitic = self.lx.object_clitic_end.search(before)
            if clitic:
                before = before[: clitic.start()].rstrip()
            if not before or not (before.endswith(",") or before[-1] in _CLOSERS or before[-1] == _STRAIGHT):
                continue
            if not before.strip("".join(_CLOSERS) + _STRAIGHT + ", ") and sentence_quotes:
                # The incise of a quotation another cue took ("X a répondu : « … », a rapporté Y": X's
                # words), which names who an unnamed subject was ("un porte-parole a démenti l'annonce :
                # « … », a déclaré Moussa Ibrahim").
                after = self._subject_after(cue, nxt)
                earlier = sentence_quotes[-1]
                if (
                    after is not None
                    and after[0].entity is not None
                    and self.labels[after[0].entity] == "PER"  # not "…, a rapporté la chaîne Al-Jazira"
                    and earlier.speaker is None
                    and _INDEFINITE_SOURCE.match(earlier.speaker_text or "")  # not "Le régime libyen"
                ):
                    self._name_speaker(earlier, after[0])
                continue
            link = self.lx.content_link.match(text, cue.verb_end, nxt)
            if link and (link.group("que") or link.group("colon")):
                continue
            after_quote = before.rstrip(", ")[-1:] in _CLOSERS | {_STRAIGHT}
            if not after_quote and _SUBJECT_WITH_RELATIVE.match(before):
                continue  # "Le Groupe de contact, qui regroupe vingt pays, a insisté": a subject, not an incise
            if not after_quote and self._apposed_subject_ends(before, clause_start):
                continue  # "un trader, Boris Picano-Nacci, a poursuivi": a subject, not an incise
            after = self._subject_after(cue, nxt)
            if after is None:
                continue
            who, np_end = after
            if self._governs(who, np_end, nxt):
                continue  # "…, commandant de l'opération «Protecteur unifié», accuse Tripoli de retenir …"
            if cue_word(text, cue) in self.lx.weak and not after_quote and who.how not in {"name", "role"}:
                # "…, a lancé une offensive": after a clause, a weak verb reports speech only when a
                # person or a body follows it ("…, a annoncé l'amiral William Gortney")
                continue
            cs, ce = clause_start, clause_start + len(before.rstrip(","))
            according = self.lx.according_to.match(text, cs, ce) or self.lx.according_to_at_start.match(
                text, cs, ce
            )
            if according and self._names_speaker(according.end(), ce):
                # "Selon lui, content, a-t-il ajouté": the speaker named twice, then the words.
                cs = text.find(",", according.end(), ce) + 1
            last = next((q for q in qspans if q[1] + 1 == ce), None)
            if last is not None and text[cs : last[0]].strip().endswith(":"):
                cs = last[0]  # « …: "quoted words", a expliqué X »: the words are the quotation
            place = self.lx.adverbial.match(text, np_end, nxt)
            if place and text[place.end() : nxt].lstrip().startswith(","):
                np_end = place.end()  # "Une partie de cet argent, accuse-t-on à Tripoli, aurait servi à …"
            rest = text[np_end:nxt]
            continued = rest.lstrip(" ,")
            apposed = _APPOSED_NAME.match(continued)
            if (
                apposed
                and last is not None
                and continued[apposed.end() : apposed.end() + 1] in _OPENERS.keys() | {_STRAIGHT}
            ):  # "« … », a déclaré un de ces émissaires, Ali Essaoui, « … »": the name, then the words
                name_at = np_end + len(rest) - len(continued)
                named = next((m for m in self.mentions if m.start == name_at and m.entity is not None), None)
                if who.entity is None and named is not None:
                    who = self._speaker_of(named)
                continued = continued[apposed.end() :]
            incise_inside = (
                (
                    last is not None
                    and continued[:1] in _OPENERS.keys() | {_STRAIGHT}  # « … », a dit X, « … »
                )
                or (
                    last is None
                    and len(text[cs:ce].split()) <= 6  # "L'Etat, a-t-il ajouté, va investir"
                    and not re.match(r"(?:sans|en|avant|après|selon|lors|\w+ant)\b", continued)
                )
            )
            second = None
            if rest.lstrip().startswith(",") and len(rest.split()) >= 3 and nxt == e and incise_inside:
                # An incise inside the reported words: "L'Etat, a-t-il ajouté, va investir …" is one
                # quotation; « Je veux rester prudente », a déclaré X, « car … » two, one on each side.
                if last is not None:
                    second = _strip(text, np_end + len(rest) - len(continued), e)
                else:
                    ce = _strip(text, np_end, e)[1]
            if any(a <= cs < b or a < ce <= b for a, b in claimed):
                clause_start = cue.end
                continue  # already a quotation of another cue ("a répondu : « … », a rapporté X")
            keep(cs, ce, cue, who)
            if second is not None:
                keep(*second, cue, who)
            clause_start = cue.end
        for qs, qe in qspans:  # "Il a démenti la « disparition » des maths : « Rien n'est arrêté »"
            said = next(
                (q for q in sentence_quotes if s <= q.end <= qs and text[q.end : qs].strip() == ":"), None
            )
            if (
                said is not None
                and not any(a <= qs < b for a, b in claimed)
                and not self.lx.according_to.search(text, qe, e)  # "…: « … », selon son entourage"
            ):
                who = _Speaker(said.speaker, said.speaker_text, "continued", said.speaker_start)
                keep(qs, qe + 1, _Cue(said.cue_start, said.cue_end, said.cue_end, None, "finite"), who)
        self._according_to(s, e, qspans, claimed)
        self._passive(s, e, qspans, claimed)
        self._unknown_incise(s, e, qspans, claimed)
        self._introduced(s, e, qspans, claimed)
        self._standalone(s, e, qspans, claimed, paragraph_first)

    def _interview(self, lines: list[tuple[int, int]]) -> dict[int, tuple[int, _Speaker, _Cue]]:
        """The answers of an interview printed as turns, by line start: where the answer's words start,
        who gives it and its cue. An interview opens on a question under its asker's label ("LE FIGARO.
        - … ?") and the answer under the label that names the person who answers ("Général Charles
        BOUCHARD. -C'est …"); after them, a line that asks (it ends on "?" or trails off) is the next
        question and the lines between two questions the last one's answer, up to a heading; after the
        last question, only the line that answers it: what follows is the article going on."""
        text = self.text
        for i in range(len(lines) - 1):
            (qs, qe), (s, e) = lines[i], lines[i + 1]
            asked, answered = _TURN.match(text, qs, qe), _TURN.match(text, s, e)
            if asked is None or answered is None or not _QUESTION_END.search(text, qs, qe):
                continue
            label = answered.group("label")
            if len(label.split()) > MAX_LABEL_WORDS or fold(label) == fold(asked.group("label")):
                continue
            person = min(
                (
                    m
                    for m in self.mentions
                    if answered.start("label") <= m.start < answered.end("label")
                    and m.label == "PER"
                    and m.entity is not None
                ),
                key=lambda m: (m.kind != "name", m.start),  # the name, not the title ("Général")
                default=None,
            )
            if person is None:
                continue
            first = self._speaker_of(person)
            colon = answered.end("label")
            out = {
                s: (answered.start("body"), first, _Cue(colon, answered.start("body"), colon, None, "colon"))
            }
            who = _Speaker(first.entity, first.text, "carried", first.start)
            turns: list[tuple[int, int, bool]] = []  # (start, end, a question)
            for s, e in lines[i + 2 :]:
                words = len(text[s:e].split())
                if words < HEADLINE_WORDS and not text[s:e].rstrip().endswith((".", "!", "?", "…", "»", '"')):
                    break  # a heading: the interview is over
                asks = bool(_QUESTION_END.search(text, s, e)) and words <= MAX_QUESTION_WORDS
                # the line after a question answers it, even when it asks back ("… Qui peut … ?")
                turns.append((s, e, asks and not (turns[-1][2] if turns else False)))
            # An answer may run over several lines between two questions; after the last question, only
            # the line that answers it: what follows is the article going on.
            last = max((k for k, (_, _, asked) in enumerate(turns) if asked), default=-1)
            for s, e, question in turns[: last + 2] if last >= 0 else ():
                if not question:
                    out[s] = (s + len(text[s:e]) - len(text[s:e].lstrip()), who, _Cue(s, s, s, None, "none"))
            return out
        return {}

    def _post(self, start: int, end: int, qspans: list[tuple[int, int]]) -> bool:
        """A social-media post quoted as a line of its own — "@CurtMonash: Kadhafi élu … #Libya",
        "TurksAng : Non, je ne souffre pas de paranoïa. #DesperateGaddafiLies": its author's words."""
        post = _POST.match(self.text, start, end)
        if post is not None and post.group("at"):
            return self._embedded_post(post, end)
        if post is None or not (
            post.group("handle").startswith("@")
            or (
                _HASHTAG.search(self.text, post.start("body"), end)
                and not post.group("handle")[0].isdigit()  # "14h32 : … #Libye": a live blog's time
                and not qspans  # "Libye : « … », a dit X"
            )
        ):
            return False
        retweet = _RETWEET.match(self.text, post.start("body"), end)
        handle, body = (retweet, retweet.end()) if retweet else (post, post.start("body"))
        if len(self.text[body:end].split()) < MIN_STANDALONE_WORDS:
            return False
        cue = _Cue(post.start("colon"), post.end("colon"), post.end("colon"), None, "colon")
        return self._add_post(body, end, cue, handle.group("handle"), handle.start("handle"), start)

    def _embedded_post(self, post: re.Match[str], end: int) -> bool:
        """ "@gr33ndata Je suis sûre d'avoir déjà vu Saif Al-Islam … http://twitpic.com/… 10 hours ago": a
        post embedded with its handle first and no colon, the words up to its link its author's — not
        "@AlaaIsam renvoie, sur Twitter, à une photo" nor "@X a publié", where the handle is a subject."""
        first = WORD.match(self.text, post.start("words"))
        word = first.group(0) if first else ""
        people = self.lang.people
        if word.islower() and (
            word.rstrip("'’") not in self.lang.stopwords
            or word in people.auxiliaries
            or word in people.copulas
        ):
            return False
        link = _POST_LINK.search(self.text, post.start("words"), end)
        stop = link.start() if link else end
        if len(self.text[post.start("words") : stop].split()) < MIN_STANDALONE_WORDS:
            return False
        cue = _Cue(post.end("at"), post.end("at"), post.end("at"), None, "colon")
        return self._add_post(
            post.start("words"), stop, cue, post.group("at"), post.start("at"), post.start()
        )

    def _add_post(self, start: int, end: int, cue: _Cue, handle: str, at: int, line_start: int) -> bool:
        """A post's words, said by the person its handle names (an entity when the handle is one)."""
        author = next((m for m in self.mentions if m.start == at), None)
        who = (
            self._speaker_of(author)
            if author is not None and author.entity is not None
            else _Speaker(None, handle, "none", at)
        )
        if self._add(start, end, cue, who, [], kind="direct") is None:
            return False  # the line is read as any other
        self.sentence_no += 1
        self.sentence_starts.append(line_start)
        return True

    def _names_speaker(self, start: int, limit: int) -> bool:
        """Whether a pronoun ("lui", "elle") or a person's or organisation's name, then a comma, is
        at ``start``."""
        pronoun = re.match(r"(?:lui|elle|eux|elles)\s*,", self.text[start:limit])
        named = next((m for m in self.mentions if m.start == start and m.label in {"PER", "ORG"}), None)
        return bool(pronoun) or (named is not None and self.text[named.end : limit].lstrip().startswith(","))

    def _apposed_subject_ends(self, before: str, clause_start: int) -> bool:
        """ "un trader, Boris Picano-Nacci, a poursuivi", "Peter Bouckaert, de HRW, a qualifié": the
        words before the verb are its subject and an apposition, not what was said."""
        end = clause_start + len(before.rstrip(", "))
        if any(m.end == end and self.text[: m.start].rstrip().endswith(",") for m in self.mentions):
            return True
        if len(before.split()) > 8:
            return False
        return any(
            m.start == clause_start and m.label == "PER" and self.text[m.end : m.end + 1] == ","
            for m in self.mentions
        )

    def _opens_clause(self, cue: _Cue, s: int, after: _Cue | None = None) -> bool:
        """Whether ``cue`` opens a clause of its own: after a comma, a colon or a closing quote, or
        coordinated ("… et souligne que", ", mais a confirmé que") with the verb of ``after`` in the
        same tense — "a indiqué que le président avait rencontré … et avait affirmé" is the président's."""
        text = self.text
        before = text[s : cue.start].rstrip()
        if not before or before[-1] in ",;:" or before[-1] in _CLOSERS or before[-1] == _STRAIGHT:
            return True
        if re.search(r",\s*(?:en|avant\s+de|après\s+avoir|et)$", before):
            return True
        return (
            cue.kind in ("finite", "participle")
            and bool(_AND_BEFORE.search(before))
            and (
                after is None
                or _tense(text[after.start : after.verb_end]) == _tense(text[cue.start : cue.verb_end])
            )
        )

    def _other_subject(self, cue: _Cue, s: int) -> int | None:
        """Where "et" or "mais" starts when ``cue`` has a subject of its own after it, a person or a body
        with a verb in the singular ("X a estimé qu'il était temps et François Bayrou a dénoncé …"),
        not half of a subject ("que le président et son ministre avaient dit")."""
        if _plural(self.text[cue.start : cue.verb_end]):
            return None
        subject = next(
            (
                m
                for m in self.mentions
                if s <= m.start and m.label in {"PER", "ORG"} and not self.text[m.end : cue.start].strip()
            ),
            None,
        )
        if subject is None:
            return None
        before = self.text[s : subject.start].rstrip()
        coordinator = _AND_BEFORE.search(before)
        if coordinator is None:
            return None
        return s + coordinator.start()

    def _cues(self, s: int, e: int, qspans: list[tuple[int, int]]) -> list[_Cue]:
        text, lx = self.text, self.lx
        out: list[_Cue] = []
        consumed = s
        for m in WORD.finditer(text, s, e):
            if m.start() < consumed or any(a < m.start() < b for a, b in qspans):
                continue
            word = m.group(0).lower().rstrip("'")
            inv = lx.inverted.match(word) if "-" in word else None
            if inv:
                verb = inv.group("verb")
                if verb in {"a", "avait", "ont", "avaient", "aurait"}:
                    part = self._participle_after(m.end(), e)
                    if part is None:
                        continue
                    out.append(_Cue(m.start(), part, part, inv.group("pronoun"), "inverted"))
                    consumed = part
                else:
                    out.append(_Cue(m.start(), m.end(), m.end(), inv.group("pronoun"), "inverted"))
                    consumed = m.end()
                continue
            if word in lx.gerunds:
                lead = re.search(_GERUND_LEAD, text[max(s, m.start() - 10) : m.start()])
                if lead and lead.group("clitic") and word in lx.weak:
                    continue  # "en l'appelant « Leezza »", "en les invitant à": a name given, an invitation
                if lead:
                    out.append(_Cue(m.start(), m.end(), m.end(), None, "gerund"))
                continue
            infinitive = word in lx.causative_infinitives
            if infinitive or (word in lx.participles and word.endswith(("er", "ir", "re"))):
                lead = lx.causative.search(text, s, m.start())
                if lead:  # "a fait savoir", "fait valoir", "a laissé entendre"
                    out.append(_Cue(lead.start(), m.end(), m.end(), None, "finite"))
                    continue
                lead = None if infinitive else lx.aspectual.search(text, s, m.start())
                if lead and (
                    self._content_next(m.end(), e)
                    or (word in lx.directives and _CALL_TO_ACT.match(text, m.end(), e))
                    or _ADVERB_LEAD.fullmatch(text, s, lead.start())
                ):
                    # "ne cesse de répéter que", "a tenu à rappeler sur LCI que", "continuent d'exhorter
                    # l'Otan à", "Toutefois, a tenu à prévenir X, « … »"; not "s'est empressé de rassurer
                    # les marchés en affirmant que"
                    out.append(_Cue(lead.start(), m.end(), m.end(), None, "finite"))
                    continue
                if re.search(r"\bd'$", text[max(s, m.start() - 2) : m.start()]) and re.match(
                    r"\s*(?:Et|et)\s", text[s : s + 4]
                ):  # "Et X d'ajouter", "Et X d'observer": the narrative infinitive reports speech
                    out.append(_Cue(m.start() - 2, m.end(), m.end(), None, "narrative"))
                    continue
                if infinitive:
                    continue  # "savoir", "entendre" alone report nothing
            if _PASSIVE_BEFORE.search(text, max(s, m.start() - 8), m.start()):
                continue  # "Le ministre a été enjoint de démissionner", "ont été appelés à": they are told
            if word in lx.participles:
                aux = lx.auxiliary_before.search(text, s, m.start())
                if aux:
                    pronoun = aux.group("p1") or aux.group("p2")
                    kind = "inverted" if pronoun else "participle"
                    out.append(_Cue(aux.start(), m.end(), m.end(), pronoun, kind))
                    continue
                if _CONTINUATION.search(text, s, m.start()):
                    out.append(_Cue(m.start(), m.end(), m.end(), None, "gerund"))
                    continue
                if _COORDINATED.search(text, s, m.start()) and any(c.kind == "participle" for c in out):
                    # "ont affirmé avoir discuté, et annoncé que …": the same subject, the same auxiliary
                    out.append(_Cue(m.start(), m.end(), m.end(), None, "gerund"))
                    continue
            if word in lx.finite and word not in {"a", "ont"}:
                prev = text[max(s, m.start() - 8) : m.start()].lower()
                if re.search(r"(?:\b(?:le|la|les|un|une|des|cette|sa|son|ses|leur|du)\s+|\bl['’])$", prev):
                    continue  # a noun: "la demande", "l'appel"
                out.append(_Cue(m.start(), m.end(), m.end(), None, "finite"))
        return out

    def _content_next(self, pos: int, e: int) -> bool:
        """Whether a verb's content starts at ``pos``, past adverbs, a day, an addressee or a channel."""
        for _ in range(4):
            f = self.lx.fillers.match(self.text, pos, e) or self.lx.adverbial.match(self.text, pos, e)
            if not f or f.end() == pos:
                break
            pos = f.end()
        return _CONTENT_NEXT.match(self.text, pos, e) is not None

    def _participle_after(self, pos: int, e: int) -> int | None:
        rest = self.text[pos:e]
        offset = 0
        while True:
            f = self.lx.fillers.match(rest, offset)
            if not f or f.end() == offset:
                break
            offset = f.end()
        m = WORD.search(rest, offset)
        if m and not rest[offset : m.start()].strip() and m.group(0).lower() in self.lx.causative_words:
            m = WORD.search(rest, m.end())  # "a-t-il fait valoir"
        if (
            m
            and not rest[offset : m.start()].strip(" " + "".join(self.lx.causative_words))
            and (
                m.group(0).lower().rstrip("'") in self.lx.participles
                or m.group(0).lower() in self.lx.causative_infinitives
            )
        ):
            return pos + m.end()
        return None

    def _content_after(self, cue: _Cue, limit: int, qspans: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The reported content a forward cue introduces, up to ``limit`` (the next cue or the end)."""
        text, lx = self.text, self.lx
        pos = cue.verb_end
        for _ in range(4):  # "a déclaré mardi 12 septembre à Paris aux journalistes que": skip fillers,
            f = lx.fillers.match(text, pos, limit) or lx.addressee.match(text, pos, limit)  # addressees,
            f = f or _PLACE.match(text, pos, limit) or _INCIDENTAL.match(text, pos, limit)  # places, asides
            if f and f.end() > pos:
                pos = f.end()
                continue
            when = next(iter(find_timexes(text[pos : min(limit, pos + 60)], self.lang)), None)  # and dates
            if when is not None and _DATE_LEADIN.fullmatch(text[pos : pos + when.start]):
                pos += when.end
                continue
            break
        link = lx.content_link.match(text, pos, limit)
        if (
            link is None
            and cue.kind in {"finite", "participle"}
            and _COMMA_BEFORE_QUOTE.match(text, pos, limit)
        ):
            before = text[: cue.start].rstrip()
            if before and before[-1] not in ",;" and before[-1] not in _CLOSERS and before[-1] != _STRAIGHT:
                q = next((q for q in qspans if q[0] >= pos and not text[pos : q[0]].strip(" ,")), None)
                aside = q is not None and re.match(r"\s*,\s*qu(?:e\b|['’])", text[q[1] + 1 : limit])
                if q is not None and not aside:  # "Le blogueur ajoute, « … »": the quotation is the content
                    return q[0], q[1] + 1
        if link is None and cue.kind in {"finite", "participle"} and cue_word(text, cue) not in lx.weak:
            end = _clause_end(text, pos, limit)
            quoted = next((q for q in qspans if pos <= q[0] and q[1] < end), None)
            if quoted is not None and (_PREPOSITION_BEFORE.search(text[max(0, quoted[0] - 14) : quoted[0]])):
                after = lx.content_link.match(text, quoted[1] + 1, limit)
                if after and after.group("que"):  # "a estimé sur « France 2 » que …": the title is a place
                    return _strip(text, after.end(), _clause_end(text, after.end(), limit))
                quoted = None  # "a dénoncé dans « Le Parisien » l'attitude de Moscou": a title, not words
            if (
                quoted is not None
                and cue_word(text, cue) in _FEAR
                and text[pos : quoted[0]].rstrip().endswith(":")
                and text[quoted[1] + 1 : limit].strip() == ","
                and limit < len(text)
            ):
                return None  # "craignent le pire : « … », a déclaré X": the words are X's, after the colon
            if (
                quoted is not None
                and text[pos : quoted[0]].rstrip().endswith(":")
                and len(text[pos : quoted[0]].split()) <= OBJECT_WORDS
            ):
                return quoted[0], quoted[1] + 1  # "confie ce message : « … »": the words are the quotation
            if (
                quoted is not None
                and len(text[pos : quoted[0]].split()) <= OBJECT_WORDS
                and not text[pos : quoted[0]].rstrip().endswith(",")  # "…, dit l'UA, « … »": a subject
            ):
                # "a déclaré sa « grande émotion » de venir", "juge « irresponsable » l'intervention": the
                # object the speaker's own words are quoted in, up to a colon before another quotation
                return _strip(text, pos, max(_clause_end(text, pos, limit, at_colon=True), quoted[1] + 1))
        if link is None and cue.kind in {"finite", "participle", "gerund"}:
            word = cue_word(text, cue)
            said = (
                word in lx.directives
                and (_CALL_TO_ACT.match(text, pos, limit) or _CALL_FOR.match(text, pos, limit))
            ) or (word in lx.object_cues and _OBJECT.match(text, pos, limit))
            if not said and word in lx.bare_infinitives:
                said = _BARE_INFINITIVE.match(text, pos, limit)
            if said and not self._said_by_another(cue, said.end()):
                # "a appelé l'ONU à protéger Syrte", "a démenti, jeudi, l'existence d'un accord"
                start = said.end("aside") if "aside" in said.re.groupindex and said.group("aside") else pos
                return _strip(text, start, _clause_end(text, start, limit, at_colon=True))
        if link is None:
            if _SAYS_ONESELF.search(text, max(0, cue.start - 12), cue.verb_end) and re.match(
                r"\s+[a-zà-ÿ]", text[pos:limit]
            ):  # "X s'est dit prêt à …", "s'est déclarée favorable à …": a stance in the speaker's name
                return _strip(text, pos, limit)
            return None
        if cue_word(text, cue) in _FEAR and not (link.group("que") or link.group("quote")):
            return None  # "craint d'être entraîné": a fear, not something said; "craint que …" is
        if link.group("colon") or link.group("quote"):
            q = next((q for q in qspans if q[0] >= pos and not text[pos : q[0]].strip(" :")), None)
            if q is not None and link.group("quote"):
                # "a déclaré sa « grande émotion » de venir", "juge « irresponsable » l'intervention":
                # quoted words inside an object are part of what the speaker said, with the rest of it
                det = _DETERMINER_BEFORE.search(text, max(cue.verb_end, q[0] - 12), q[0])
                end = _clause_end(text, q[1] + 1, limit)
                if det or _DETERMINER_AFTER.match(text, q[1] + 1, end):
                    return _strip(text, det.start("det") if det else q[0], end)
            if q is not None:
                return q[0], q[1] + 1
            if link.group("quote"):
                return None
            return link.end(), _clause_end(text, link.end(), limit)
        start = (
            link.end()
            if link.group("que")
            else link.start() + len(link.group(0)) - len(link.group(0).lstrip())
        )
        end = _clause_end(text, start, limit)
        return (start, end) if end > start else None

    def _verb_first(
        self, s: int, cue: _Cue, limit: int, qspans: list[tuple[int, int]]
    ) -> tuple[tuple[int, int], _Speaker] | None:
        """A sentence opening on its verb, then its subject, a colon and a quotation ("Explique le
        porte-parole : « … »", "Et ajoute le ministre : « … »", "Précise X, la rapporteure : « … »"):
        the quotation, and the subject as its speaker."""
        text = self.text
        head = text[s : cue.start]
        adverb = _ADVERB_LEAD.fullmatch(head)  # "Toutefois, a tenu à prévenir M. Sarkozy, « … »"
        if cue.pronoun or cue.kind not in ({"finite", "participle"} if adverb else {"finite"}):
            return None
        if head.strip() and not _ELIDED_SUBJECT.fullmatch(head) and not adverb:
            return None
        after = self._subject_after(cue, limit)
        if after is None or (after[0].entity is None and not after[0].text):
            return None
        colon = _COLON_AFTER_SUBJECT.match(text, after[1], limit) or (
            _COMMA_BEFORE_QUOTE.match(text, after[1], limit) if adverb else None
        )
        if colon is None:
            return None
        q = next((q for q in qspans if q[0] == colon.end()), None)
        return ((q[0], q[1] + 1), after[0]) if q is not None else None

    def _said_by_another(self, cue: _Cue, pos: int) -> bool:
        """Whether the sentence of ``cue`` gives its words to someone else: "selon X" before the cue, or
        more after its clause ("Moscou nie toute implication, a déclaré Sergueï Lavrov")."""
        text = self.text
        begin = max(text.rfind(". ", 0, cue.start), text.rfind("\n", 0, cue.start)) + 1
        ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i != -1]
        end = min(ends) if ends else len(text)
        according = self.lx.according_to.search(text, begin, cue.start)  # "selon", "d'après", "à en croire"
        return bool(according or _SAID_AFTER.search(text, pos, end))

    # --- speakers ------------------------------------------------------------------------------

    def _subject_before(self, s: int, cue: _Cue) -> _Speaker:
        text = self.text
        if cue.pronoun:
            return self._pronoun(cue.pronoun, cue.start)
        head = text[s : cue.start]
        relative = _RELATIVE_SUBJECT.search(head)
        if relative:  # "l'avocat Jacques Vergès, qui a dit …", "L'Otan, qui a reconnu …": the antecedent,
            at = s + relative.start()  # also past an apposition ("X, directeur du service, qui …")
            antecedent = max(
                (
                    m
                    for m in self.mentions
                    if s <= m.start
                    and m.end <= at
                    and m.label in {"PER", "ORG", "LOC"}
                    and (not text[m.end : at].strip(" ,") or _APPOSITION.fullmatch(text, m.end, at))
                    and not _after_preposition(text, m.start)
                ),
                key=lambda m: m.end,
                default=None,
            )
            return self._speaker_of(antecedent) if antecedent else _Speaker(None, None, "none")
        pron = _PRONOUN_SUBJECT.search(head)
        if pron:
            return self._pronoun(pron.group(1).lower(), s + pron.start(), forward=True)
        if _ELIDED_SUBJECT.fullmatch(head):  # "Il lui reconnaît « … ». Et ajoute : « … »"
            if not _CONTENT_NEXT.match(text, cue.verb_end):  # "Et ajoute le ministre : « … »"
                return _Speaker(None, None, "none")
            if self.last_speaker and self.sentence_no - self.last_speaker[0] <= 1:
                last = self.last_speaker[1]
                return _Speaker(last.entity, last.text, "continued", last.start)
            return _Speaker(None, None, "none")
        best: Mention | None = None
        for m in self.mentions:
            if s <= m.start and m.end <= cue.start:
                gap = text[m.end : cue.start]
                if (
                    _is_subject_gap(gap, self.lx)
                    and not _after_preposition(text, m.start)
                    and (best is None or (m.end, -m.start) > (best.end, -best.start))
                ):
                    best = m
        if best is None:  # "X, président de l'ADMD (…), a estimé": the subject before an apposition
            best = next(
                (
                    m
                    for m in self.mentions
                    if s <= m.start < cue.start
                    and m.label in {"PER", "ORG"}
                    and not _after_preposition(text, m.start)
                    and _APPOSED_BEFORE_CUE.fullmatch(text, m.end, cue.start)
                ),
                None,
            )
        if best is None:  # no person or body: keep the words of the subject ("le présentateur vedette")
            clause = max(text.rfind(",", s, cue.start), text.rfind(";", s, cue.start), s - 1) + 1
            words = text[clause : cue.start].strip()
            latter = _LATTER_SUBJECT.fullmatch(words)  # "ce dernier", "celui-ci lui dit"
            if latter:
                return self._latter(latter.group(1), clause)
            if words and len(words.split()) <= 8 and self.lx.np_start.match(words):
                return _Speaker(None, words, "none")
            apposed = _APPOSED_SUBJECT.fullmatch(text, s, cue.start)  # "les comités, pilier du régime, ont"
            if (
                apposed
                and len(apposed.group(1).split()) <= 8
                and self.lx.np_start.match(apposed.group(1))
                and not _PREPOSITION_FIRST.match(apposed.group(1))  # "Du côté des rebelles, le chef …, a"
            ):
                return _Speaker(None, apposed.group(1), "none")
            return _Speaker(None, None, "none")
        opener = next(  # "Henri de Castries, président du groupe AXA, a estimé": the name before the apposition
            (
                m
                for m in self.mentions
                if s <= m.start
                and m.end < best.start
                and m.label == "PER"
                and re.fullmatch(r"\s*,[^,;:]*", text[m.end : best.start])
                and text[best.end : cue.start].strip() == ","
            ),
            None,
        )
        if opener is not None and best.label != "PER":
            best = opener
        coordinated = re.search(r"\s(?:et|ou)\s+$", text[max(s, best.start - 6) : best.start])
        if coordinated and self._other_subject(cue, s) is None:  # "X et Y ont indiqué": several speakers
            first = next((m for m in self.mentions if s <= m.start and m.end <= best.start), best)
            return _Speaker(None, text[first.start : best.end], "none")
        return self._speaker_of(best)

    def _subject_after(self, cue: _Cue, limit: int) -> tuple[_Speaker, int] | None:
        """The subject an inverted verb is followed by, and where its noun phrase ends: dates and
        prepositional phrases are skipped ("a déclaré mercredi sur TF1 à l'AFP Ségolène Royal"); an
        anonymous subject ("un moine") is kept as words with no entity."""
        if cue.pronoun:
            # "X est arrivé. « … », a-t-il dit": X, opening a sentence since the last quotation; but "«
            # … », a-t-il ajouté" goes on with the last speaker.
            going_on = cue_word(self.text, cue) in self.lang.people.continuing_cues
            return self._pronoun(cue.pronoun, cue.start, forward=not going_on, quoted=True), cue.verb_end
        text, lx = self.text, self.lx
        pos = cue.verb_end
        for _ in range(6):
            f = lx.fillers.match(text, pos, limit)
            if f and f.end() > pos:
                pos = f.end()
                continue
            prep = lx.preposition.match(text, pos, limit)
            if prep:  # a named complement ends with its mention: "à l'AFP", "sur France Info"
                named = next((m for m in self.mentions if prep.end() <= m.start <= prep.end() + 1), None)
                if named is not None and named.kind == "name":
                    pos = named.end
                    continue
            adverbial = lx.adverbial.match(text, pos, limit)
            if adverbial and adverbial.end() > pos:
                pos = adverbial.end()
                continue
            break
        while pos < limit and text[pos] in " \t,":
            pos += 1
        if pos >= limit or not lx.np_start.match(text, pos):
            return None
        end_m = lx.np_end.search(text, pos + 1, limit)
        np_end = end_m.start() if end_m else limit
        phrase = text[pos:np_end].strip()
        if not phrase or len(phrase.split()) > 12:
            return None
        inside = [m for m in self.mentions if pos <= m.start < np_end]
        at_start = next((m for m in inside if m.start == pos), None)
        if at_start is not None:
            if at_start.kind == "role" and at_start.entity is None:  # "le directeur …, Alain Lemaire,"
                apposed = next(
                    (
                        m
                        for m in self.mentions
                        if m.kind == "name" and m.label == "PER" and 0 < m.start - np_end <= 3
                    ),
                    None,
                )
                if apposed is not None and text[np_end : apposed.start].strip() == ",":
                    return self._speaker_of(apposed), apposed.end
            return self._speaker_of(at_start), max(np_end, at_start.end)
        if _LATTER.fullmatch(phrase):  # "…, ajoute ce dernier."
            return self._latter(phrase, cue.start), np_end
        anonymous = re.match(r"(?i:un|une|des|plusieurs|certains|on)\b", phrase)
        candidates = [
            m
            for m in inside
            if m.kind == "name" and m.label in {"PER", "ORG"} and not _after_preposition(text, m.start)
        ]
        if candidates and not anonymous:  # "le général de brigade cambodgien Bun Thean"
            return self._speaker_of(candidates[0]), max(np_end, candidates[0].end)
        return _Speaker(None, phrase, "none"), np_end

    def _spoken_for(self, who: _Speaker, cue: _Cue) -> _Speaker:
        """ "un commandant du CNT", "des responsables de l'Otan", "un communiqué de l'ONU": an unnamed
        member (or text) of a named body speaks for that body — the words are kept, the body is the
        speaker. A definite role ("le porte-parole de l'Otan") is left to be resolved to its holder."""
        words = who.text or ""
        lead = _INDEFINITE_SOURCE.match(words)
        if lead is None or fold(lead.group("noun")).rstrip("s") not in self.sources or len(words.split()) > 8:
            return who
        if any(w.lower() in self.lang.people.outsider_nouns for w in WORD.findall(words)):
            return who  # "une source proche de la Société Générale" is not the bank's voice
        at = self.text.find(words, max(0, cue.start - 300), cue.end + 300)
        if at < 0:
            return who
        head_end = at + lead.end("noun")
        for m in self.mentions:
            if (
                m.kind == "name"
                and m.label == "ORG"
                and m.entity is not None
                and head_end <= m.start
                and m.end <= at + len(words)
                and _OF_BODY.fullmatch(self.text, head_end, m.start)
            ):  # the body is the noun's own complement: not "un représentant des familles … de l'Otan"
                return _Speaker(m.entity, words, "body", at)
        return who

    def _speaker_of(self, m: Mention) -> _Speaker:
        how = "name" if m.kind == "name" else "role"
        return _Speaker(m.entity, m.text, how, m.start)

    def _latter(self, words: str, pos: int) -> _Speaker:
        """ "ce dernier", "l'intéressée": the person of that gender mentioned last before ``pos``, within
        the last sentences and outside quoted words; the words alone when there is none."""
        m = _LATTER.fullmatch(words)
        assert m is not None
        if m.group(0).lower().startswith("cel"):  # "celui-ci", "celle-ci": as often a thing as a person
            return _Speaker(None, words, "none")
        feminine = (
            (m.group("m") or "").lower() == "ère" or (m.group("i") or "").lower() == "ée" or m.group("c")
        )
        gender = "f" if feminine else "m"
        for mention, entity in self._recent_mentions(pos):
            if mention.end > pos or mention.label != "PER":
                continue
            if self.genders.get(entity, gender) == gender:
                return _Speaker(entity, words, "role", mention.start)
        return _Speaker(None, words, "none")

    def _pronoun(self, pronoun: str, pos: int, *, forward: bool = False, quoted: bool = False) -> _Speaker:
        """ "il", "elle": the last speaker of the previous sentences if the gender allows — unless, for the
        subject of a forward cue (``forward``), another person of that gender has opened a sentence since
        (with ``quoted``, one whose sentence quotes their words or who takes the floor: "X a qualifié …
        de « lâche ». « … », a-t-il dit") — else the nearest person of the right gender mentioned before."""
        gender = {"il": "m", "elle": "f"}.get(pronoun.lower())
        if gender is None:  # "ils", "elles", "on": a group
            if self.lx.pronouns.get(pronoun.lower()) == "p":
                group = self._group_subject(pos)
                if group is not None:  # "les rebelles ont pris Touarga, où ils ont assuré …"
                    return _Speaker(group.entity, pronoun, "pronoun", group.start)
            return _Speaker(None, pronoun, "none")
        if self.last_speaker and self.sentence_no - self.last_speaker[0] <= CARRY_SENTENCES:
            last = self.last_speaker[1]
            if (
                last.entity is not None
                and self.labels[last.entity] != "LOC"  # "Tripoli accuse la CPI …": a capital is no "il"
                and self.genders.get(last.entity, gender) == gender
            ):
                since = self.quotes[-1].end if self.quotes else 0
                newer = self._subject_since(since, pos, gender, last.entity, quoted) if forward else None
                if newer is not None:  # "…, a dit Vergès. Dumas n'a pas décrit … Il s'est déclaré prêt"
                    return _Speaker(newer[1], pronoun, "pronoun", newer[0].start)
                return _Speaker(last.entity, pronoun, "pronoun", last.start)
        for m, entity in self._recent_mentions(pos):
            if m.label not in {"PER", "ORG"} or (m.label == "ORG" and m.kind == "name"):
                continue  # "il" is a person far more often than a named organisation
            if self.genders.get(entity, gender) == gender and not _after_preposition(self.text, m.start):
                return _Speaker(entity, pronoun, "pronoun", m.start)
        main = self.main_person
        if main is not None and self.genders.get(main, gender) == gender:
            return _Speaker(main, pronoun, "pronoun")  # a portrait's "il": the person it is about
        unnamed = self.last_unnamed
        if (
            unnamed
            and self.sentence_no - unnamed[0] <= CARRY_SENTENCES
            and self._unnamed_since(unnamed[1], gender, pos)
        ):
            # "a déclaré le dalaï lama. … a-t-il déclaré": the one the role names, though unnamed
            return _Speaker(None, unnamed[1].text, "pronoun", unnamed[1].start)
        return _Speaker(None, pronoun, "none")

    def _group_subject(self, pos: int) -> Mention | None:
        """The group a plural pronoun takes up: the last one, in this sentence or the one before, that is
        a clause's subject in the plural ("Les rebelles ont consolidé …, où ils ont assuré"), when no
        other group or person opened a clause since."""
        starts = self.sentence_starts
        first = starts[-2] if len(starts) >= 2 else 0
        last: Mention | None = None
        subject_of: set[int] = set()  # the sentences whose subject is known: a later one is an object
        determiners = (self.lx.determiners | self.lang.people.plural_determiners) - self.lang.year_name_links
        for m in self.mentions:
            if m.start < first or m.start >= pos or m.label not in {"PER", "ORG"}:
                continue
            sentence = bisect.bisect_right(starts, m.start)
            head = self.text[starts[sentence - 1] if sentence else 0 : m.start]
            lead = _CLAUSE_LEAD.search(head)
            if lead is None or sentence in subject_of:
                continue  # an object or a complement, no subject
            opener = head.split(maxsplit=1)[0].lower() if head.strip() else ""
            if lead.start() > 0 and opener in determiners:  # not "au", "du": a place or a time opened it
                continue  # the sentence opened on its subject: "Les forces … ont encerclé, dimanche, les rebelles"
            subject_of.add(sentence)
            plural = lead.group("det").lower() in self.lang.people.plural_determiners
            last = m if plural and m.kind == "role" and m.label == "ORG" and m.entity is not None else None
        if last is not None and _OTHER_GROUP.search(self.text, last.end, pos):
            return None  # "…, et des infirmières ont soigné les blessés. Elles …": another group since
        return last

    def _unnamed_person(self, who: _Speaker) -> Mention | None:
        """The person's role that names ``who``, a speaker no name resolved ("le dalaï lama")."""
        if who.entity is not None or who.how != "role":
            return None
        return next(
            (m for m in self.mentions if m.start == who.start and m.kind == "role" and m.label == "PER"), None
        )

    def _unnamed_since(self, last: _Speaker, gender: str, pos: int) -> bool:
        """Whether the role ``last`` (a speaker no name resolved) is definite, agrees with ``gender``, and
        no person of that gender opened a sentence between the last quotation and ``pos``."""
        role = self._unnamed_person(last)
        if role is None or mention_gender(role) not in {None, gender} or _INDEFINITE.match(role.text):
            return False  # "un militant" introduces someone the pronoun need not take up
        since = self.quotes[-1].end if self.quotes else 0
        opening = set(self.sentence_starts)
        return not any(
            since <= m.start < pos
            and m.start in opening
            and m.label == "PER"
            and m.entity is not None
            and self.genders.get(m.entity, gender) == gender
            for m in self.mentions
        )

    def _subject_since(
        self, since: int, pos: int, gender: str, other: int, quoted: bool = False
    ) -> tuple[Mention, int] | None:
        """The last person of ``gender`` but ``other`` who opens a sentence between ``since`` and ``pos``:
        the subject a pronoun takes up rather than the last speaker. With ``quoted``, only one whose
        sentence quotes words or takes the floor, and denies nothing."""
        starts = self.sentence_starts  # in reading order
        opening = set(starts)
        found = None
        for m in self.mentions:
            if not since <= m.start < pos or m.entity is None or m.entity == other or m.label != "PER":
                continue
            if m.start not in opening or self.genders.get(m.entity, gender) != gender:
                continue
            if quoted:
                after = bisect.bisect_right(starts, m.start)  # the next sentence bounds this one
                end = min(starts[after] if after < len(starts) else pos, pos)
                if self.lx.negation.search(self.text, m.start, end):
                    continue
                if not any(m.start < a < end for a, _ in self.quoted) and not self.lx.takes_the_floor.search(
                    self.text, m.start, end
                ):  # "X a qualifié … de « lâche »", "X est alors intervenu": X speaks next
                    continue
            found = (m, m.entity)
        return found

    def _recent_mentions(self, pos: int) -> Iterator[tuple[Mention, int]]:
        """Mentions of an entity (with it) before ``pos``, nearest first, within the last
        ``ANTECEDENT_SENTENCES`` sentences; a name inside someone's quoted words is passed over."""
        back = ANTECEDENT_SENTENCES
        window = self.sentence_starts[-back] if len(self.sentence_starts) >= back else 0
        for m in sorted(self.mentions, key=lambda m: -m.start):
            if m.start >= pos or m.start < window or m.entity is None:
                continue
            if not any(a < m.start < b for a, b in self.quoted):
                yield m, m.entity

    def _main_subject(self, s: int, cue: _Cue, qspans: list[tuple[int, int]]) -> _Speaker:
        """The subject of a sentence's main verb, for its participles ("…, estimant que") and its
        narrative infinitive ("Et X d'ajouter"): its first person or body outside quotation marks."""
        text = self.text
        for m in self.mentions:
            if m.start < s or m.start >= cue.start:
                continue
            if any(a < m.start < b for a, b in qspans) or _after_preposition(text, m.start):
                continue
            if m.label in {"PER", "ORG", "LOC"} or m.kind == "role":  # "Pékin s'est défendu en affirmant"
                return self._speaker_of(m)
        pron = re.search(r"(?<![\w'])(il|elle)\s", text[s : cue.start], re.IGNORECASE)
        if pron:
            return self._pronoun(pron.group(1), s + pron.start())
        return _Speaker(None, None, "none")

    # --- other constructions -------------------------------------------------------------------

    def _according_to(
        self, s: int, e: int, qspans: list[tuple[int, int]], claimed: list[tuple[int, int]]
    ) -> None:
        text = self.text
        found = list(self.lx.according_to.finditer(text, s, e))
        head = self.lx.according_to_at_start.match(text, s, e)
        if head:  # "Pour Marc Chauvelot, du SNRT CGT, « … »", "Pour lui, il faut …"
            named = next((x for x in self.mentions if x.start == head.end()), None)
            pronoun = re.match(r"(lui|elle)\s*,", text[head.end() : e])
            # "Pour les analystes, …": a group of people who can say something
            group = _GROUP_SOURCE.match(text, head.end(), e)
            if (
                (named is not None and named.label in {"PER", "ORG"})
                or pronoun
                or (named is None and group and fold(group.group("noun")).rstrip("s") in self.opinion_holders)
            ):
                found.insert(0, head)
        for m in found:
            lead = text[s : m.start()].strip()
            if _SELON_OPENER.fullmatch(lead):
                lead = ""  # "Toujours selon X, …", "Mais selon X, …": the sentence opens on the source
            speaker_m = next(
                (x for x in self.mentions if x.start >= m.end() and x.start - m.end() < 40), None
            )
            who = self._speaker_of(speaker_m) if speaker_m else _Speaker(None, None, "none")
            phrase = re.match(r"[^,:.;]{1,80}", text[m.end() : e])
            words_of = _WORDS_OF.match(text, m.end(), e)
            if (words_of and speaker_m is not None and speaker_m.start == words_of.end()) or (
                speaker_m is not None and phrase and _BY_AGENT.search(text, m.end(), speaker_m.start)
            ):
                # "selon les termes du maire de Paris", "selon les propos de X": X's words; "selon les
                # informations recueillies par Le Figaro": Le Figaro's
                who = self._speaker_of(speaker_m)
            elif phrase and (
                speaker_m is None
                or speaker_m.start >= m.end() + phrase.end()
                or (speaker_m.start > m.end() and _after_preposition(text, speaker_m.start))
            ):  # "D'après une source proche du dossier": the words, no entity
                words = phrase.group(0).strip()
                who = _Speaker(None, words, "none")
                if _LATTER.fullmatch(words):  # "Selon ce dernier, …": the person named last
                    who = self._latter(words, m.start())
                elif not (self._names_a_source(words) or _LATTER_GROUP.fullmatch(words)):
                    continue  # "selon une géographie complexe", "selon le schéma retenu": no one speaks
            elif phrase and who.entity is None:  # "selon le journal en ligne Al-Manara": all its words
                who = _Speaker(None, phrase.group(0).strip(), who.how, who.start)
            pronoun = re.match(r"(lui|elle)\b", text[m.end() : e])
            if pronoun:
                who = self._pronoun("il" if pronoun.group(1) == "lui" else "elle", m.start())
            quoted = next((q for q in qspans if m.end() < q[0] <= m.end() + SOURCE_CHARS), None)
            if quoted is not None and pronoun and not re.search(r"[,:;.]", text[m.end() : quoted[0]]):
                cs, ce = quoted[0], quoted[1] + 1  # "… mais selon elle « il n'incluait ni … »": the words
            elif not lead:  # "Selon X, la porte-parole …, content." / "Selon X : « … »"
                stop = re.compile(r"[,:]").search(text, m.end(), e)
                if stop is None:
                    continue
                cs = stop.end()
                nxt = next((x for x in self.mentions if 0 <= x.start - cs <= 2), None)
                if nxt is not None and text[nxt.end : nxt.end + 1] == ",":
                    cs = nxt.end + 1  # an apposition: "la porte-parole de la Maison Blanche,"
                elif stop.group(0) == "," and re.match(
                    r"\s*(?:(?:du|des?|de\s+la)\s+|d['’]|de\s+l['’])\s*[A-ZÀ-Ý]", text[cs : cs + 12]
                ):
                    apposition = text.find(",", cs, e)  # "Pour X, du SNRT CGT, « … »"
                    cs = apposition + 1 if apposition > 0 else cs
                ce = e
            elif _SELON_END.search(text, s, m.start()) or lead.endswith(","):  # "content, selon X."
                if m is head:
                    continue
                cs, ce = s, m.start()
                noun_end = re.search(r"[,.;]", text[m.end() : e])
                if pronoun is None and (
                    speaker_m is None or (noun_end and speaker_m.start > m.end() + noun_end.start())
                ):
                    words = text[m.end() : m.end() + noun_end.start()] if noun_end else text[m.end() : e]
                    who = _Speaker(None, words.strip(" .") or None, "none")
                rest = text[m.end() + noun_end.end() : e] if noun_end and noun_end.group(0) == "," else ""
                if (
                    len(rest.split()) >= MIN_STANDALONE_WORDS - 1
                    and not self.lx.according_to.search(rest)
                    and not _SOURCE_GOES_ON.match(rest)  # "selon l'AFP, qui cite des médecins"
                ):
                    ce = e  # "Elle est, selon certaines sources, retenue dans la prison": the whole sentence
            else:
                continue
            cs, ce = _strip(text, cs, ce)
            if ce <= cs or any(a < ce and cs < b for a, b in claimed):
                continue
            cue = _Cue(m.start(), m.end(), m.end(), None, "according")
            if self._add(cs, ce, cue, who, qspans):
                claimed.append((cs, ce))

    def _names_a_source(self, phrase: str) -> bool:
        """Whether words with no entity name someone who can say something: "une source proche du
        dossier", "les militaires colombiens", "le ministère" — a noun of the source list."""
        words = [fold(w) for w in WORD.findall(phrase) if fold(w) not in _SOURCE_FILLERS]
        return any(w.rstrip("s") in self.sources or w in self.sources for w in words[:4])

    def _unknown_incise(
        self, s: int, e: int, qspans: list[tuple[int, int]], claimed: list[tuple[int, int]]
    ) -> None:
        """« … », développe Geoffroy de Prévoisin: after a closing quotation mark and a comma, a verb
        followed by its subject is a reporting verb, whether the lexicon knows it or not."""
        text = self.text
        for qs, qe in qspans:
            if any(a <= qs < b or a < qe + 1 <= b for a, b in claimed):
                continue
            after = _INCISE.match(text, qe + 1, e)
            if after is None or after.group("verb").lower() in self.lx.not_incise:
                continue
            verb_end = after.end("verb")
            pronoun = after.group("pronoun") or after.group("p2")
            cue = _Cue(after.start("verb"), verb_end, verb_end, pronoun, "inverted")
            found = self._subject_after(cue, e)
            if found is None or (
                found[0].entity is None and not pronoun and found[0].how == "none" and not found[0].text
            ):
                continue
            if self._governs(found[0], found[1], e):
                continue  # "…, l'opération «Protecteur unifié», accuse Tripoli de retenir …": no incise
            if self._add(qs, qe + 1, cue, found[0], qspans):
                claimed.append((qs, qe + 1))

    def _governs(self, who: _Speaker, np_end: int, limit: int) -> bool:
        """Whether the words right after a name that follows a verb are its complement ("accuse Tripoli de
        retenir …"): then the name is the verb's object, and the verb no incise."""
        if who.how != "name" or who.start is None or not who.text:
            return False  # a role's words run on past its noun ("un porte-parole de l'armée de l'air")
        beyond = self.lx.content_link.match(self.text, who.start + len(who.text), limit)
        return bool(beyond and (beyond.group("que") or beyond.group("inf")))

    def _passive(self, s: int, e: int, qspans: list[tuple[int, int]], claimed: list[tuple[int, int]]) -> None:
        text = self.text
        for qs, qe in qspans:
            if any(a <= qs < b for a, b in claimed):
                continue
            par = _PAR.match(text[qe + 1 : e])
            if not par:
                continue
            at = qe + 1 + par.end()
            m = next((x for x in self.mentions if x.start == at), None)
            words = [w.group(0).lower() for w in WORD.finditer(text, s, qs)]
            if m is None or not any(w in self.lx.passive for w in words):
                continue
            cue = _Cue(qe + 1, m.end, m.end, None, "passive")
            if self._add(qs, qe + 1, cue, self._speaker_of(m), qspans, kind="mixed"):
                claimed.append((qs, qe + 1))

    def _introduced(
        self, s: int, e: int, qspans: list[tuple[int, int]], claimed: list[tuple[int, int]]
    ) -> None:
        """ "Il est catégorique : « … »", "Mais Martine Aubry dresse un constat : « … »": a clause whose
        subject is a person (a pronoun or a name), a colon, then a quotation that ends the sentence —
        the subject's words, whatever the verb."""
        text = self.text
        for qs, qe in qspans:
            if any(a <= qs < b or a < qe + 1 <= b for a, b in claimed):
                continue
            lead = text[s:qs].rstrip()
            if not lead.endswith(":") or text[qe + 1 : e].strip(_EDGE):
                continue
            if len(text[qs + 1 : qe].split()) < MIN_STANDALONE_WORDS:
                continue
            if len(lead.split()) > MAX_LEAD_WORDS:
                self._introduced_by_clause(s, qs, qe, qspans, claimed)
                continue
            opener = _LEAD_OPENER.match(text, s, qs)
            start = opener.end() if opener else s
            phrase = _LEAD_PHRASE.match(text, start, qs)
            if phrase and re.match(r"(?:il|elle)\b", text[phrase.end() : qs]):
                start = phrase.end()  # "Candidat déclaré au poste, il est catégorique : « … »"
            pronoun = re.match(r"(il|elle)\b", text[start:qs], re.IGNORECASE)
            if pronoun and _IMPERSONAL.match(text, start + pronoun.end(), qs):
                continue  # "Il faut relire la résolution : « … »": no one speaks
            if pronoun:
                who = self._pronoun(pronoun.group(1).lower(), start)
            else:
                named = next(
                    (
                        m
                        for m in self.mentions
                        if m.start == start and m.kind == "name" and m.label in {"PER", "ORG"}
                    ),
                    None,
                )
                if named is None:
                    self._introduced_by_clause(s, qs, qe, qspans, claimed)
                    continue
                who = self._speaker_of(named)
            colon = text.rfind(":", s, qs)
            if self._add(
                qs, qe + 1, _Cue(start, colon + 1, colon + 1, None, "colon"), who, qspans, kind="direct"
            ):
                claimed.append((qs, qe + 1))

    def _introduced_by_clause(
        self, s: int, qs: int, qe: int, qspans: list[tuple[int, int]], claimed: list[tuple[int, int]]
    ) -> None:
        """The colon closes a clause of its own whose subject is named — "Sans être avare de compliments
        …, Obama s'est empressé de rétablir la hiérarchie : « … »" (see ``_clause_subject``) — or a
        speech verb's agent — "une philosophie, résumée ainsi par Joe Biden : « … »": their words."""
        text = self.text
        colon = text.rfind(":", s, qs)
        agent = next(
            (
                m
                for m in self.mentions
                if s <= m.start < colon
                and m.kind == "name"
                and m.label in {"PER", "ORG"}
                and not text[m.end : colon].strip()
                and (spoken := _SPOKEN_BY.search(text, s, m.start)) is not None
                and spoken.group("verb").lower() in self.lx.participles  # not "diffusé par", "réalisé par"
            ),
            None,
        )
        named = agent if agent is not None else self._clause_subject(s, colon, qspans)
        if named is None:
            return
        who = self._speaker_of(named)
        if self._add(
            qs, qe + 1, _Cue(named.start, colon + 1, colon + 1, None, "colon"), who, qspans, kind="direct"
        ):
            claimed.append((qs, qe + 1))

    def _clause_subject(self, s: int, colon: int, qspans: list[tuple[int, int]]) -> Mention | None:
        """The person or body named at the head of the last clause before ``colon`` (after a comma or a
        dash outside quotation marks) when a verb follows the name — not one of receiving or perceiving
        ("a reçu un message", "a découvert un tag") — and the clause is short, with no agent ("par")."""
        text = self.text
        bounds = [i for i in range(s, colon) if text[i] in ",–—" and not any(a <= i <= b for a, b in qspans)]
        start = bounds[-1] + 1 if bounds else s
        start += len(text[start:colon]) - len(text[start:colon].lstrip())
        opener = _LEAD_OPENER.match(text, start, colon)
        start = opener.end() if opener else start
        if len(text[start:colon].split()) > MAX_LEAD_WORDS or _AGENT.search(text, start, colon):
            return None  # "X a été pris à partie par un visiteur : « … »": the words are another's
        named = next(
            (
                m
                for m in self.mentions
                if m.start == start
                and (m.label in {"PER", "ORG"} or m.kind == "role")
                and m.entity is not None
            ),
            None,
        )
        if named is None:
            return None
        verb = _WORD_AFTER.match(text, named.end, colon)
        if (
            verb is None
            or verb.group(1).lower() in _NOT_VERBS
            or verb.group(1).lower() in self.lx.perceptions
        ):
            return None  # "…, le ministre, Luc Chatel : « … »", "X a reçu un message : « … »"
        return named

    def _standalone(
        self,
        s: int,
        e: int,
        qspans: list[tuple[int, int]],
        claimed: list[tuple[int, int]],
        paragraph_first: int,
    ) -> None:
        """A sentence that is one quotation: its speaker is named in an incise inside it ("La vraie
        question, résume X, est …"), or is the last speaker of its paragraph, or — when the paragraph
        is only that quotation — of the paragraph before; a short line without final punctuation is
        a headline, not speech."""
        text = self.text
        for qs, qe in qspans:
            if any(a <= qs < b or a < qe + 1 <= b for a, b in claimed):
                continue
            outside = (text[s:qs] + text[qe + 1 : e]).strip(_EDGE)
            words = len(text[qs + 1 : qe].split())
            if outside or words < MIN_STANDALONE_WORDS:
                continue
            ends = text[qs + 1 : qe].rstrip() + text[qe + 1 : e].strip()
            if self.only_quote and words < HEADLINE_WORDS and not ends.endswith((".", "!", "?", "…")):
                continue  # an intertitle in quotation marks
            cue = _Cue(qs, qs, qs, None, "none")
            who = self._inner_incise(qs, qe)
            if who is not None:
                speaker, cue, incise_start, incise_end = who
                rest = _strip(text, incise_end, qe)[0]
                apposed = _APPOSED_NAME.match(text, rest, qe)  # "a affirmé le ministre, Claude Guéant, …"
                if apposed and any(m.start == rest and m.label == "PER" for m in self.mentions):
                    rest = apposed.end()
                sides = ((qs + 1, incise_start), (rest, qe))
                if all(len(text[a:b].split()) >= MIN_SIDE_WORDS for a, b in sides):
                    # The words on both sides of the incise, each a quotation of its speaker: "Il y a des
                    # doutes" and "Tous connaissent …", not ", a déclaré Armstrong."
                    for a, b in sides:
                        self._add(a, b, cue, speaker, qspans, kind="direct")
                    continue
                self._add(qs, qe + 1, cue, speaker, qspans, kind="direct")  # « Cela, dit-il, ne tient pas »
                continue
            same_paragraph = [q for q in self.quotes[paragraph_first:] if q.speaker is not None]
            if same_paragraph:
                last = same_paragraph[-1]
                speaker = _Speaker(last.speaker, last.speaker_text, "carried", last.speaker_start)
            elif self.only_quote and self.previous_paragraph is not None:
                speaker = self.previous_paragraph
            elif (
                self.only_quote
                and self.main_person is not None
                and not self.introduced_before
                and self.lx.first_person.search(text, qs, qe)
            ):  # a portrait's words set apart ("« Les gens me disent … »"), not a witness's after "raconte :"
                speaker = _Speaker(self.main_person, None, "carried")
            else:
                speaker = _Speaker(None, None, "none")
            self._add(qs, qe + 1, cue, speaker, qspans, kind="direct")

    def _inner_incise(self, qs: int, qe: int) -> tuple[_Speaker, _Cue, int, int] | None:
        """« Cela, a-t-il souligné, ne tient pas debout », "Il y a des doutes, a déclaré Armstrong. Tous
        connaissent …": the speaker named inside the marks, with the incise's span (its comma to the
        end of its subject)."""
        text = self.text
        for comma in re.finditer(",", text[qs:qe]):
            at = qs + comma.start()
            m = _INCISE.match(text, at, qe)
            if m is None:
                continue
            verb = m.group("verb").lower()
            pronoun = m.group("pronoun") or m.group("p2") or m.group("p3")
            if verb not in self.lx.finite and verb not in self.lx.participles:
                continue
            cue = _Cue(m.start("verb"), m.end("verb"), m.end(), pronoun, "inverted")
            found = self._subject_after(_Cue(cue.start, m.end(), m.end(), pronoun, "inverted"), qe)
            if found is None or text[found[1] : qe].lstrip()[:1] not in {",", "."}:
                continue
            if found[0].entity is not None or found[0].text:
                return found[0], cue, at, found[1]
        return None

    # --- output --------------------------------------------------------------------------------

    def _name_speaker(self, quote: Quote, who: _Speaker) -> None:
        """Give a quotation found with no one's name the speaker a later incise names."""
        quote.speaker, quote.speaker_text, quote.speaker_start = who.entity, who.text, who.start
        quote.evidence = who.how
        quote.confidence = round(_confidence(who, quote.kind), 2)
        self.last_speaker = (self.sentence_no, who)

    def _without_source(self, cs: int, ce: int) -> int:
        """The end of reported words before a closing ", selon l'agence Reuters": who reports them, not
        what was said."""
        text = self.text
        for comma in re.finditer(r",\s*", text[cs:ce]):
            at = cs + comma.end()
            source = self.lx.according_to.match(text, at, ce)
            rest = text[source.end() : ce] if source else ""
            if not source or len(rest.split()) > SOURCE_WORDS or re.search(r"[,;:«»\"]", rest):
                continue
            named = any(m.label in {"PER", "ORG"} and source.end() <= m.start < ce for m in self.mentions)
            if named or self._names_a_source(rest):  # not ", selon l'ancienneté", ", selon le calendrier"
                return _strip(text, cs, cs + comma.start())[1]
        return ce

    def _add(
        self,
        cs: int,
        ce: int,
        cue: _Cue,
        who: _Speaker,
        qspans: list[tuple[int, int]],
        kind: str | None = None,
    ) -> Quote | None:
        text = self.text
        whole = next((q for q in qspans if _strip(text, cs, ce) == (q[0], q[1] + 1)), None)
        if whole is not None:  # the content is one quotation: its words, without the marks
            cs, ce = whole[0] + 1, whole[1]
            kind = kind or "direct"
        elif kind is None:
            kind = "mixed" if any(cs <= q[0] and q[1] < ce for q in qspans) else "indirect"
        cs, ce = _strip(text, cs, ce)
        if kind != "direct":
            ce = self._without_source(cs, ce)
        stamp = LIVE_STAMP.match(text, cs, ce)
        if stamp:  # "21 h 40 : Les États-Unis ont lancé …, a annoncé X": a live blog's time is not said
            cs = stamp.end()
        if ce - cs < 2 or not any(ch.isalpha() for ch in text[cs:ce]):
            return None
        if kind == "indirect" and len(text[cs:ce].split()) < 2:
            return None  # "Et, selon l'AFP, …": a coordinator is not what was said
        if who.entity is None and who.text:
            who = self._spoken_for(who, cue)
        confidence = _confidence(who, kind)
        cue_text = text[cue.start : cue.end] if cue.end > cue.start else ""
        if cue.kind == "passive":
            passive = next(
                (
                    w
                    for w in WORD.finditer(text, max(0, cs - 80), cs)
                    if w.group(0).lower() in self.lx.passive
                ),
                None,
            )
            cue_text = f"{passive.group(0) if passive else ''} … {text[cue.start : cue.end].strip()}".strip()
        quote = Quote(
            start=cs,
            end=ce,
            text=text[cs:ce],
            kind=kind,
            cue=" ".join(cue_text.split()),
            cue_start=cue.start,
            cue_end=cue.end,
            speaker=who.entity,
            speaker_text=who.text,
            speaker_start=who.start,
            confidence=round(confidence, 2),
            evidence=who.how,
        )
        self.quotes.append(quote)
        if who.entity is not None and who.how != "carried":
            self.last_speaker = (self.sentence_no, who)
            self.last_unnamed = None
        elif self._unnamed_person(who):
            self.last_unnamed = (self.sentence_no, who)
        return quote


def _confidence(who: _Speaker, kind: str) -> float:
    """How sure a speaker is, by how it was found; an indirect quotation's words are less sure."""
    confidence = CONFIDENCE.get(who.how, 0.5) if who.entity is not None else CONFIDENCE["none"]
    return confidence * INDIRECT_FACTOR if kind == "indirect" else confidence


_INDEFINITE_SOURCE = re.compile(
    r"(?i)(?:un|une|des|deux|trois|plusieurs|certains|certaines|d'autres)\s+(?:autres?\s+)?(?P<noun>[\w-]+)"
)
_COLON_BEFORE_QUOTE = r"|\s*:\s*(?=[" + re.escape("".join(_OPENERS) + _STRAIGHT) + "])"
_BY_AGENT = re.compile(
    r"\b(?:recueillies|recueillis|consultés|consultées|publiées|publiés|citées|cités)\s+par\s+$"
)
_APPOSED_NAME = re.compile(r"(?:[A-ZÀ-Ý][\w'’-]+\s+){0,3}[A-ZÀ-Ý][\w'’-]+\s*,\s*")
_GROUP_SOURCE = re.compile(r"(?i:les)\s+(?P<noun>[^\W\d_]+s)(?:\s+[^\W\d_]+){0,3}\s*,")
_PASSIVE_BEFORE = re.compile(r"(?i)\b(?:été|être|fut)\s+$")
_OF_BODY = re.compile(
    r"(?i)(?:\s+[a-zà-ÿ-]+){0,2}?\s+(?:d[eu]s?|d['’]|de\s+la|de\s+l['’])\s*"
)  # "militaire de l'"


@cache
def _opinion_holders(lang: LanguageData) -> frozenset[str]:
    return frozenset(fold(n).rstrip("s") for n in lang.people.opinion_holders)


@cache
def _source_nouns(lang: LanguageData) -> frozenset[str]:
    p = lang.people
    nouns = set(p.source_nouns) | {r.replace("_", " ").split()[0] for r in p.person_roles} | set(p.org_roles)
    return frozenset(fold(n).rstrip("s") for n in nouns) | frozenset(fold(n) for n in nouns)


def _tense(cue: str) -> str:
    """A cue verb's tense, roughly: "a affirmé" and "avait affirmé", "affirme" and "affirmait" differ."""
    first = cue.split()[0].lower() if cue.split() else ""
    if first in {"a", "ont", "s'est", "s’est", "se"}:
        return "perfect"
    if first in {"avait", "avaient", "s'était", "s’était"}:
        return "pluperfect"
    if first.endswith(("rait", "raient")):
        return "conditional"
    return "imperfect" if first.endswith(("ait", "aient")) else "present"


def _plural(cue: str) -> bool:
    """Whether a cue's verb is in the plural ("ont affirmé", "continuent d'exhorter", "disaient")."""
    first = cue.split()[0].lower() if cue.split() else ""
    return first in {"ont", "avaient", "auraient", "sont", "étaient"} or first.endswith("ent")


def _after_preposition(text: str, start: int) -> bool:
    """ "du Tibet à Paris", "de la commission Copé": a name inside a complement is not a subject."""
    return bool(_PREPOSITION_BEFORE.search(text[max(0, start - 14) : start]))


def _main_person(found: Entities) -> int | None:
    """The person an article is about, when one stands out: named or described at least
    ``MAIN_PERSON_MENTIONS`` times, and named ``MAIN_PERSON_LEAD`` times as often as anyone else (a
    portrait's subject is named; the president it meets is mostly "le chef de l'Etat")."""
    people = [m for m in found.mentions if m.entity is not None and found.entities[m.entity].label == "PER"]
    counts = Counter(m.entity for m in people)
    named = Counter(m.entity for m in people if m.kind == "name")  # an office's holder is often described
    ranked = named.most_common(2)
    if not ranked or counts[ranked[0][0]] < MAIN_PERSON_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < MAIN_PERSON_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def _genders(found: Entities, lang: LanguageData) -> dict[int, str]:
    """Gender of the article's entities where a title, a determiner or a first name says it."""
    feminine, masculine = lang.people.feminine_first_names, lang.people.masculine_first_names
    votes: dict[int, set[str]] = {}
    for m in found.mentions:
        if m.entity is None:
            continue
        words = m.text.split()
        first = words[0].lower() if words else ""
        gender = None
        if first in {"mme", "mlle", "mmes", "la", "une", "madame"} or (
            m.kind == "role" and first == "l'" and m.text.lower().endswith("e")
        ):
            gender = "f"
        elif first in {"m.", "le", "un", "monsieur", "du", "au"}:
            gender = "m"
        elif m.kind == "name" and m.label == "PER" and len(words) >= 2:
            gender = "f" if first in feminine else "m" if first in masculine else None
        if gender:
            votes.setdefault(m.entity, set()).add(gender)
    return {e: g.pop() for e, g in votes.items() if len(g) == 1}


def cue_word(text: str, cue: _Cue) -> str:
    words = WORD.findall(text, cue.start, cue.verb_end)
    return words[-1].lower() if words else ""


def _clause_end(text: str, start: int, limit: int, *, at_colon: bool = False) -> int:
    """The end of a reported clause: the limit (next cue or sentence end) or a continuation cue; with
    ``at_colon``, a colon before a quotation too (the object denied, then the words: "a démenti la
    « disparition » des maths : « Rien n'est arrêté »")."""
    cut = re.search(
        r",\s*(?:en|avant\s+de|après\s+avoir)\s+\w+ant\b|,\s*avant\s+de\s"
        # ", en " before the next cue's gerund, maybe past its clitics, not ", en bonne qualité"
        r"|,\s*en\s+(?:(?:les|leur|lui|nous|vous|se|me|te|y|l['’]|s['’]|m['’]|t['’]|n['’]|ne)\s*)*(?:\w+ant\b|$)"
        r"|,?\s+(?:mais|et)\s+(?=(?:selon|d['’]après)\s+(?:lui|elle|eux|elles|(?:l['’]|la\s|le\s|les\s)?[A-ZÀ-Ý]))"
        + (_COLON_BEFORE_QUOTE if at_colon else ""),
        text[start:limit],
    )
    end = start + cut.start() if cut else limit
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in " \t\n,;" or text.startswith(". ", start)):
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _is_subject_gap(gap: str, lx: Lexicon) -> bool:
    """Whether only fillers ("lui aussi", "pour sa part") and a party's or a body's initials in
    brackets ("Ségolène Royal (PS) a estimé") stand between a subject and its verb."""
    rest = _BRACKETED_INITIALS.sub(" ", gap)
    while True:
        stripped = rest.strip(" ,")
        if not stripped:
            return True
        f = lx.fillers.match(stripped)
        if not f:
            return False
        rest = stripped[f.end() :]
