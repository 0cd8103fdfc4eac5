"""Patterns compiled once per language from its ``PeopleData``: reporting-verb forms, role
descriptions, titles. The algorithms in ``mentions`` and ``quotes`` only see these."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chronique.lang import LanguageData

# Word: letters with inner hyphens ("a-t-il", "ex-officier"); an apostrophe ends a word ("qu'", "l'").
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*'?")


@dataclass(frozen=True, eq=False)
class Lexicon:
    finite: frozenset[str]  # finite forms of reporting verbs ("déclare", "affirmait", "dit")
    participles: frozenset[str]  # forms that need an auxiliary ("déclaré", "dit", "souligner")
    gerunds: frozenset[str]  # "précisant"
    weak: frozenset[str]  # forms of weak cues (need a content after them)
    future: frozenset[str]  # "annoncera", "dira": report words only before "que" or a colon
    clause_next: re.Pattern[str]  # "que" or a colon within a few words ("dira plus tard que")
    directives: frozenset[str]  # forms of calls to act: an object, then "à"/"de" and an infinitive
    bare_infinitives: frozenset[str]  # forms whose content may be a bare infinitive ("affirment tenir")
    object_cues: frozenset[str]  # forms of denials: a noun phrase is what was said
    inverted: re.Pattern[str]  # "déclare-t-il", "a-t-il", "dit-elle", "ont-ils"
    auxiliary_before: re.Pattern[str]  # an auxiliary (and fillers) ending just before a participle
    fillers: re.Pattern[str]  # one filler at the start of a string
    role: re.Pattern[str]  # a role description: determiner? premodifier? head modifiers complements
    org_heads: frozenset[str]
    proper_org_heads: frozenset[str]  # "Kremlin", "Élysée": names of their own, unlike "ministère"
    according_to: re.Pattern[str]
    according_to_at_start: re.Pattern[str]
    adverbial: re.Pattern[str]  # a date or a prepositional phrase between a verb and its subject
    # ("a déclaré mercredi sur TF1", "a renchéri sur le même ton rassurant", "s'exclame, goguenard,")
    preposition: re.Pattern[str]  # a preposition and its determiner, before a named complement
    np_end: re.Pattern[str]  # where a postposed subject's noun phrase ends
    np_start: re.Pattern[str]  # what a noun phrase can start with
    causative: re.Pattern[str]  # "a fait " before an infinitive cue
    causative_words: frozenset[str]
    causative_infinitives: frozenset[str]  # cues only after a causative ("laissé entendre")
    aspectual: re.Pattern[str]  # "ne cesse de ", "a tenu à " before a speech verb's infinitive
    perceptions: frozenset[str]  # "reçu", "découvert": verbs whose object is someone else's words
    negation: re.Pattern[str]
    not_incise: frozenset[str]
    content_link: re.Pattern[str]  # at the start of the text after a verb: que, :, «, avoir, de…
    addressee: re.Pattern[str]  # "aux journalistes", "à M. Pompeo" before a content link
    object_clitic_end: re.Pattern[str]  # an object pronoun ending a string: "…, leur" (a-t-il dit)
    first_person: re.Pattern[str]  # "je", "m'", "mon": words about oneself
    takes_the_floor: re.Pattern[str]  # "est intervenu", "a pris la parole"
    passive: frozenset[str]
    pronouns: dict[str, str]
    determiners: frozenset[str]


def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, case and apostrophe insensitive; a pattern that never matches
    when there are none."""
    if not words:
        return re.compile(r"(?!)")
    whole = [w for w in words if not w.endswith("'")]
    elided = [w for w in words if w.endswith("'")]  # "j'": the next word follows at once

    def alternation(forms: list[str]) -> str:  # an adverb may come between two words ("est alors intervenu")
        return _alternation(forms).replace("'", "['’]").replace("\\ ", r"\s+(?:[\w'’]+\s+)?") or "(?!)"

    return re.compile(rf"(?<![\w'’])(?i:(?:{alternation(whole)})(?![\w])|{alternation(elided)})")


def _alternation(words: set[str] | frozenset[str] | tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _er_forms(stem: str) -> tuple[set[str], set[str], set[str]]:
    """(finite, participles and infinitive, gerund) forms of a first-group verb stem."""
    soft = stem + ("e" if stem.endswith("g") else "")  # jugeait
    soft = soft[:-1] + "ç" if soft.endswith("c") else soft  # annonçait
    present = stem
    if re.search(r"é[^aeiouéè]+$", stem):  # réitère, considère, espère
        i = stem.rfind("é")
        present = stem[:i] + "è" + stem[i + 1 :]
    elif stem.endswith("el"):  # appelle
        present = stem + "l"
    finite = {present + "e", present + "ent", soft + "ait", soft + "aient", soft + "a", stem + "èrent"}
    finite |= {stem + "era", stem + "eront", stem + "erait", stem + "eraient"}
    participles = {stem + "é", stem + "ée", stem + "és", stem + "ées", stem + "er"}
    return finite, participles, {soft + "ant"}


@cache
def lexicon(lang: LanguageData) -> Lexicon:
    p = lang.people
    finite: set[str] = set()
    participles: set[str] = set()
    gerunds: set[str] = set()
    weak: set[str] = set()
    directives: set[str] = set()
    bare_infinitives: set[str] = set()
    object_cues: set[str] = set()
    future: set[str] = set()  # "annoncera", "dira"; not a passé simple, "soupira"
    for stem in p.er_verbs:
        future |= {stem + ending for ending in p.future_endings if ending.startswith("e")}
        f, pa, g = _er_forms(stem)
        finite |= f
        participles |= pa
        gerunds |= g
        if stem in p.weak_cues:
            weak |= f | pa | g
        if stem in p.directive_cues:
            directives |= f | pa | g
        if stem in p.bare_infinitive_cues:
            bare_infinitives |= f | pa | g
        if stem in p.object_cues:
            object_cues |= f | pa | g
    participles.update(p.irregular_infinitives)  # an infinitive reports speech only after an aspect
    for form in p.irregular_forms:
        if form.endswith(p.future_endings):
            future.add(form)
        if form in p.weak_cues:  # irregular weak cues are listed by form
            weak.add(form)
        if form in p.object_cues:
            object_cues.add(form)
        if form in p.directive_cues:
            directives.add(form)
        if form in p.bare_infinitive_cues:
            bare_infinitives.add(form)
        if form.endswith("ant"):
            gerunds.add(form)
        else:  # "dit" is finite and a participle; the auxiliary or the content decides
            finite.add(form)
            participles.add(form)
    auxiliaries = (
        _alternation([a.replace("'", "['’]") for a in p.auxiliaries]).replace("\\[", "[").replace("\\]", "]")
    )
    fillers = _alternation(p.fillers)
    inverted_verbs = _alternation(finite | {"a", "avait", "ont", "avaient", "aurait"})
    heads = _alternation([h.replace("_", " ") for h in p.person_roles])
    org_heads = _alternation(p.org_roles)
    # Listed adjectives, and any word with the endings of nationality and office adjectives
    # ("mauritanien", "écossais", "officiel"): after a role noun they are almost always modifiers.
    adjectives = (  # and their plurals: "les rebelles libyens", "les autorités ukrainiennes"
        rf"(?:{_alternation(p.role_adjectives)}"
        + "|"
        + "|".join(rf"[a-zà-ÿ-]{{3,}}{ending}" for ending in p.adjective_endings)
        + ")s?"
    )
    premods = _alternation([m for m in p.role_premodifiers if not m.endswith("-")])
    domains = _alternation([d.replace("_", " ") for d in p.role_domains])
    dets = _alternation(p.role_determiners)
    inf_aux = _alternation(p.infinitive_auxiliaries).replace("'", "['’]").replace("\\ ", r"\s+")
    aspectuals = _alternation(p.aspectuals).replace("\\ ", r"\s+")  # "prend soin"
    either_apostrophe_fillers = fillers.replace("'", "['’]")  # "a d’ailleurs tenu à"
    clitics = _alternation(p.infinitive_clitics).replace("'", "['’]").replace("\\ ", r"\s+")
    endings = _alternation(p.infinitive_endings)
    # "que" is a word ("quelques", "parquet" are not); "qu'" takes either apostrophe.
    links = "|".join(
        re.escape(w).replace("'", "['’]") + ("" if w.endswith("'") else r"(?![\w])")
        for w in sorted(p.content_links, key=len, reverse=True)
    )
    days = _alternation(list(lang.weekdays))
    months = _alternation(list(lang.months))
    name_words = _alternation(p.np_ends)
    name = r"[A-ZÀ-Ý][\w'’-]*(?:\s+(?:de\s+la\s+|de\s+|d['’]|du\s+)?[A-ZÀ-Ý][\w'’-]*){0,3}"
    complement = (
        rf"(?:du|de\s+la|de\s+l['’]|de|des|d['’]|à\s+la|au|aux|pour\s+la|pour\s+le)\s*"
        rf"(?:(?i:{domains})(?=\W)|(?i:{heads}|{org_heads})(?:\s+(?i:{adjectives}))*(?=\W)|{name})"
    )
    role = re.compile(
        rf"(?<![\w'’])(?:(?P<det>(?i:{dets}))\s*)?"
        rf"(?P<body>(?:(?i:ex-|vice-)|(?i:{premods})\s+)?(?P<head>(?i:{heads}|{org_heads}))(?![\w-])"
        rf"(?:\s+(?i:{adjectives})(?![\w-])){{0,3}}"
        rf"(?:\s+{complement}(?:\s+(?i:{adjectives})(?![\w-])){{0,2}}){{0,2}})"
    )
    object_clitics = _alternation(p.object_clitics).replace("'", "['’]")
    return Lexicon(
        finite=frozenset(finite),
        participles=frozenset(participles),
        gerunds=frozenset(gerunds),
        weak=frozenset(weak),
        future=frozenset(future),
        clause_next=re.compile(rf"\s*(?:[\w'’-]+\s+){{0,3}}?(?:(?:{links})|:)"),
        directives=frozenset(directives),
        bare_infinitives=frozenset(bare_infinitives),
        object_cues=frozenset(object_cues),
        inverted=re.compile(rf"^(?i:(?P<verb>{inverted_verbs})-(?:t-)?(?P<pronoun>il|elle|on|ils|elles))$"),
        auxiliary_before=re.compile(
            rf"(?<![\w-])(?i:(?P<aux>{auxiliaries})(?:-t-(?P<p1>il|elle|on)|-(?P<p2>ils|elles))?)"
            rf"(?:\s+(?:(?i:{fillers})|[a-zà-ÿ]{{3,}}ment))*\s+$"
        ),
        fillers=re.compile(rf"\s*,?\s*(?:(?i:{fillers})|[a-zà-ÿ]{{3,}}ment)(?![\w-])"),
        role=role,
        org_heads=frozenset(o.lower() for o in p.org_roles),
        proper_org_heads=frozenset(o.lower() for o in p.org_roles if o[0].isupper()),
        first_person=_words_pattern(p.first_person),
        takes_the_floor=_words_pattern(p.takes_the_floor),
        object_clitic_end=re.compile(rf"(?<![\w'’])(?i:{object_clitics})\s*$" if object_clitics else r"(?!)"),
        according_to=re.compile(rf"(?<![\w'’])(?i:{_alternation(p.according_to)})\s+"),
        according_to_at_start=re.compile(rf"(?i:{_alternation(p.according_to_at_start)})\s+"),
        adverbial=re.compile(
            rf"\s*,?\s*(?:(?i:{days})(?:\s+\d{{1,2}}(?:er)?(?:\s+(?i:{months}))?)?(?:\s+(?i:dernier|prochain))?(?:\s+(?i:matin|midi|soir|après-midi))?"
            rf"|(?i:hier|aujourd'hui|la\s+semaine\s+dernière|cette\s+semaine|ce\s+week-end|ce\s+matin|ce\s+soir"
            rf"|cet\s+après-midi|la\s+veille|le\s+lendemain)"
            rf"|(?i:{_alternation(p.addressee_links + p.channel_links)})\s+(?:(?i:l'|la|le|les|un|une|son|sa|ses|leur|des|du|ce|cette)\s*)?"
            rf"(?:[A-ZÀ-Ý0-9][\w.&'’-]*|[a-zà-ÿ'’-]+(?:\s+(?!{name_words}|(?i:le|la|les|un|une|des|du|l['’])\b)[a-zà-ÿ-]+){{0,2}})"
            rf"|(?:(?<=,)|(?<=,\s))(?!(?i:le|la|les|un|une|des|du|l['’]|ce|cette|son|sa|ses|leur)\b)[a-zà-ÿ-]+(?=\s*,))"
            rf"(?=[\s,.;:]|$)"
        ),
        preposition=re.compile(
            rf"\s*,?\s*(?i:{_alternation(p.addressee_links + p.channel_links)})\s+(?:(?i:l'|la|le|les|son|sa|ses|leur|des|du)\s*)?"
        ),
        # A full stop ends the phrase, but not an initial's or a title's ("le P. Jacques Turck", "M. X").
        np_end=re.compile(
            rf"[,;:!?()«»\"“”\n]|(?<!\b[A-ZÀ-Ý])(?<!\bDr)(?<!\bPr)(?<!\bMe)(?<!\bSt)\."
            rf"|\s(?i:{_alternation(p.np_ends)})(?=[\s'’])"
        ),
        np_start=re.compile(
            r"[A-ZÀ-Ý]|(?i:le|la|les|l'|un|une|des|son|sa|ses|leur|ce|cet|cette|celui|celle|ceux|plusieurs|certains|on)\b"
        ),
        causative=re.compile(rf"(?:\b(?i:a|ont|avait|avaient)\s+)?\b(?i:{_alternation(p.causatives)})\s+$"),
        causative_words=frozenset(p.causatives),
        causative_infinitives=frozenset(p.causative_infinitives),
        perceptions=frozenset(p.perception_verbs),
        aspectual=re.compile(
            rf"(?:(?<![\w'’])(?i:ne\s+|n['’]))?(?:\b(?i:a|ont|avait|avaient|s['’]est|se\s+sont|s['’]était)\s+"
            rf"(?:(?:(?i:{either_apostrophe_fillers})|[a-zà-ÿ]{{3,}}ment)\s+)*)?(?<![\w-])"
            rf"(?i:{aspectuals})\s+(?i:de\s+|d['’]|à\s+)$"
        ),
        negation=re.compile(
            rf"\bn(?:e\s|['’]).{{0,30}}\b(?i:{_alternation(p.negations)})\b"
            + (rf"|\b(?i:{_alternation(p.negative_subjects)})\s+n(?:e\s|['’])" if p.negative_subjects else "")
        ),
        not_incise=frozenset(p.not_incise_verbs),
        content_link=re.compile(
            rf"\s*(?:(?P<colon>:)\s*|(?P<que>(?i:{links}))\s*"
            rf"|(?P<quote>[«“„\"])|(?P<inf>(?i:{inf_aux})(?=\s)|(?i:{_alternation(p.infinitive_links)})\s*(?=[\"«“]|(?:(?i:{clitics})\s*)?[a-zà-ÿ][\w-]*(?:{endings})\b)))"
        ),
        addressee=re.compile(
            rf"\s*(?:(?i:{_alternation(p.addressee_links)})\s+[^,;:!?«»\"“”]{{1,60}}?"
            rf"(?=\s*(?:(?i:{links})|:|[«\"“]|(?i:avoir\s|être\s|de\s|d['’]\w)))"
            rf"|(?i:{_alternation(p.channel_links)})\s+[^,;:!?«»\"“”]{{1,60}}?(?=\s*(?:(?i:{links})|:|[«\"“])))"
        ),
        passive=frozenset(p.passive_cues),
        pronouns=dict(p.pronouns),
        determiners=frozenset(d.lower() for d in p.role_determiners),
    )
