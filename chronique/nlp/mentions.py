"""Entity mentions of one article and the entities they are grouped into.

Mentions are the named entities of the NER model (per line, so none crosses a line break), cleaned
(titles attached, junk dropped), plus role descriptions ("le conseiller du Kremlin", "le maître du
Kremlin"). Grouping, within the article:

1. names with the same key (titles stripped, transliterations reduced: Iouri/Youri, Putin/Poutine);
2. a one-word name joins the full name whose surname it is ("M. Poutine" → "Vladimir Poutine");
3. an acronym joins the expansion written beside it ("… Asie-Pacifique (APEC)");
4. a role joins the name it is apposed to ("le conseiller du Kremlin Iouri Ouchakov",
   "Youri Ouchakov, un assistant du président russe,"), later uses of the same role or its bare head
   ("le conseiller") follow, and press periphrases of offices ("le maître du Kremlin") go to the
   office's holder at the article's date.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from chronique.lang import LanguageData
from chronique.nlp.lexicon import Lexicon, lexicon
from chronique.nlp.names import (
    NameKey,
    fold,
    has_title,
    is_acronym,
    loose_key,
    name_key,
    strip_title,
    token_key,
)

LABELS = ("PER", "ORG", "LOC", "MISC")

_TRIM = " \t\n,;:.!?\"«»“”()[]'’-–"
_OF = re.compile(r"\b(?:d[eu]s?\s|d['’])")
_APPOSITION_GAP = re.compile(r"^\s*,?\s*$")
_TITLE_GAP = re.compile(r"\s*,\s*(?:le|la)\s+[a-zà-ÿ-]+\s+(?=[A-ZÀ-Ý])")  # ", le général "
# A role's complement ("… de l'Otan en Europe", "… auprès de l'UE"), up to the comma or stop that closes
# the apposition; a relative clause or a verb in it ends the noun phrase (and the apposition).
_COMPLEMENT = r"\s+(?:d[eu]s?\s|d['’]|à\s|aux?\s|en\s|auprès\s+d)[^,.;:«»\"()\n]{1,60}"
_LONG_APPOSITION = re.compile(rf"{_COMPLEMENT},\s*(?:(?:le|la|l['’])\s*[a-zà-ÿ-]+\s+)?")  # ", le colonel"
_ROLE_TAIL = re.compile(rf"{_COMPLEMENT}(?=\s*[,.;:)])")
# A role after a preposition is a complement ("une intervention du président …, X répond"): a name
# after it is apposed only if it closes the apposition.
_GOVERNED = re.compile(
    r"(?i)(?:\b(?:du|au|aux|des|de|d['’]|à|sur|par|pour|avec|chez|contre)|\bde\s+l['’]|\bde\s+la)\s*$"
)
_COMPLEMENT_BEFORE = re.compile(rf"{_COMPLEMENT}\s")
_DETERMINED = re.compile(r"(?i)(?:l['’]|le\s|la\s|les\s|un\s|une\s)")
_ROLE_OF_BODY = re.compile(
    r"(?i)\b(?P<role>[a-zà-ÿ-]{3,}(?:\s+[a-zà-ÿ-]+)?)\s+(?:du|de\s+l['’]|de\s+la|de|d['’])\s*$"
)
_CLAUSE_WORD = re.compile(r"\b(?:qui|que|qu['’]|dont|où|a|ont|est|sont|était|avait|avaient)\b", re.I)
_PLACE_BEFORE = re.compile(
    r"\b(?:à|vers|depuis|dans|près de|autour de|au sud de|au nord de)\s+$", re.IGNORECASE
)
_SENTENCE_BREAK = re.compile(r"[.!?…]\s|\n")
# "le mouvement BLM", "du PS": an acronym after a determiner or a preposition names a body, not a person.
_BODY_BEFORE = re.compile(
    r"(?:\b(?:le|la|les|l['’]|du|des|de|d['’]|au|aux|un|une)\s*(?:[a-zà-ÿ-]+\s+)?)$", re.I
)
# Role nouns that also name things ("le guide Michelin"): the name after them is not made a person.
_NOT_TITLES = frozenset({"guide"})
_NAMED_AFTER = re.compile(
    r"\s+(?:en\s+ligne\s+|(?!(?:à|au|aux|de|du|des|d['’]|dans|sur|par|pour|avec|lors|a|ont|est|sont|avait)\b)"
    r"[a-zà-ÿ'’-]+\s+){0,2}[A-ZÀ-Ý]"
)
_PLACE_COMPLEMENT = re.compile(r"\s+(?:à\s+la|à\s+l['’]|au|aux)\s")
_HANDLE_LINE = re.compile(r"(?m)^[ \t]*(?:RT[ \t]+)?(?P<handle>@\w{2,30})(?![\w@])")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-ZÀ-Ý][\w.]{1,9})\s*\)")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, MISC
    kind: str = "name"  # name | role
    entity: int | None = None  # index of the article's entity
    role_key: str | None = None  # a role's description, folded ("conseiller du kremlin")
    evidence: str = ""  # how a role was resolved: apposition, anaphora, office, epithet

    def as_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "kind": self.kind,
        }


@dataclass(slots=True)
class LocalEntity:
    """An entity of one article: its names, keys and the roles it was given there."""

    index: int
    label: str
    names: list[str] = field(default_factory=list)  # name forms, titles stripped, in order
    keys: set[NameKey] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)  # role keys learned by apposition
    heads: set[str] = field(default_factory=set)  # their head nouns ("conseiller")
    mentions: list[int] = field(default_factory=list)
    known_as: str | None = None  # the holder's name given by a periphrasis table

    @property
    def name(self) -> str:
        """The fullest name form: most words, then most frequent, then first seen."""
        if not self.names:
            return self.known_as or ""
        counts = Counter(self.names)
        order = {n: i for i, n in reversed(list(enumerate(self.names)))}
        if self.known_as and all(len(n.split()) < 2 for n in self.names):
            return self.known_as
        if self.label == "PER":
            return max(counts, key=lambda n: (len(n.split()), counts[n], -order[n]))
        non_acronyms = [n for n in counts if not is_acronym(n)] or list(counts)
        return max(non_acronyms, key=lambda n: (counts[n], len(n), -order[n]))

    @property
    def surname_keys(self) -> set[str]:
        """The last word of each full name, and the first word of a surname with a particle ("Poivre"
        of "Patrick Poivre d'Arvor", "Giscard" of "Valéry Giscard d'Estaing")."""
        out = {k[-1] for k in self.keys if len(k) >= 2}
        for name in self.names:  # whole words: "Marie" of "Jean-Marie d'Ormesson" is no surname
            words = name.split()
            if len(words) >= 3 and fold(words[-1]).startswith("d'"):
                out.add(token_key(words[-2]))
        return out


@dataclass(slots=True)
class Entities:
    mentions: list[Mention]
    entities: list[LocalEntity]


def find_mentions(
    text: str, ents: list[tuple[int, int, str]], lang: LanguageData, date: str | None = None
) -> Entities:
    """The mentions of ``text`` grouped into entities; ``ents`` are the NER model's (start, end, label)."""
    lx = lexicon(lang)
    names = _with_handles(text, _names(text, ents, lang))
    names = _untagged_relatives(text, names, lang)
    names = _untagged_surnames(text, names, lang)
    roles = _roles(text, names, lx, lang)
    names = _names_after_roles(text, names, roles, lang)
    # "garde des Sceaux": a name the model found inside a role's head noun is part of the role; so is
    # one that starts with a person's role noun ("le Guide libyen" tagged as a name).
    names = [n for n in names if not any(_inside_role(n, r, lang) for r in roles)]
    names += _untagged_acronyms(text, names + roles, lang)
    mentions = sorted(names + roles, key=lambda m: (m.start, -m.end))
    entities: list[LocalEntity] = []
    _group_names(text, mentions, entities, lang)
    _link_acronyms(text, mentions, entities, lang)
    _resolve_roles(text, mentions, entities, lang, date)
    return Entities(mentions, entities)


# --- mentions ------------------------------------------------------------------------------------


_UNTAGGED_NAME = re.compile(
    r"[ \t]+([A-ZÀ-Ý][^\W\d_]+(?:[-'’][^\W\d_]+)*(?:[ \t]+[A-ZÀ-Ý][^\W\d_]+(?:[-'’][^\W\d_]+)*){1,3})\b"
)


# A complement's preposition right before a role and a name ("un conseiller du | colonel Kadhafi").
_OF_BEFORE_TITLE = re.compile(r"(?<![\w'’])(?i:du|de|des|d['’]|au|aux)\s*$")
_MEDIUM_QUALIFIER = re.compile(r"[ \t]+([a-zà-ÿ]['’]?[\wà-ÿ'’-]*)")
_UNTAGGED_MEDIUM = re.compile(
    r"[ \t]+((?:[Aa]l-)?[A-ZÀ-Ý][\w'’-]*(?:[ \t]+[A-ZÀ-Ý][\w'’-]*){0,2}(?:[ \t]+\d{1,2}(?!\d))?)\b"
)  # "al-Jezira", "Europe 1"


def _names_after_roles(
    text: str, names: list[Mention], roles: list[Mention], lang: LanguageData
) -> list[Mention]:
    """The name right after a person's role, whatever the model did with it: "Premier ministre turc
    Recep Tayyip Erdogan", read as one name, loses its role; "le ministre de l'Énergie Éric Besson",
    which the model did not tag, is a person (two capitalised words or more, none a common word), and
    the name after a press head ("la chaîne qatarie al-Jezira") the medium's."""
    out = []
    for n in names:
        role = next((r for r in roles if r.label == "PER" and r.start <= n.start < r.end < n.end), None)
        if (
            role is not None
            and _GOVERNED.search(text, role.start, n.start)
            and fold(text[role.end : n.end].split()[0]) not in _first_names(lang)
        ):  # "le directeur du Laboratoire national Lawrence Berkeley": a body's name, but "la ministre
            role = None  # de l'Économie Christine Lagarde" read as one name is the minister's
        rest = text[role.end : n.end] if role is not None else ""
        if role is not None and rest.strip()[:1].isupper():
            start = role.end + len(rest) - len(rest.lstrip())
            n = Mention(start, n.end, text[start : n.end], "PER")
        body = next((r for r in roles if r.label == "ORG" and r.start <= n.start < r.end < n.end), None)
        rest = text[body.end : n.end] if body is not None else ""
        if body is not None and rest.strip()[:1].isupper():  # "droits de l'Homme Amnesty International"
            start = body.end + len(rest) - len(rest.lstrip())  # read as one name: the body's name follows
            n = Mention(start, n.end, text[start : n.end], n.label)
        out.append(n)
    for r in roles:
        if r.label == "PER":
            m = _UNTAGGED_NAME.match(text, r.end)
            label = "PER"
        elif role_head(r.role_key or "", lang) in _media(lang):
            m = _UNTAGGED_MEDIUM.match(text, _past_qualifiers(text, r.end, lang))
            label = "ORG"
        else:
            continue
        if m is None or any(n.start < m.end() and m.start(1) < n.end for n in out):
            continue
        words = [w.removeprefix("al-").removeprefix("Al-") for w in m.group(1).split() if not w.isdigit()]
        if all(
            _name_word(w, lang) or (label == "ORG" and w.isupper()) for w in words
        ):  # not "le site Internet"
            out.append(Mention(m.start(1), m.end(1), m.group(1), label))
    return sorted(out, key=lambda m: m.start)


def _untagged_relatives(text: str, names: list[Mention], lang: LanguageData) -> list[Mention]:
    """A capitalised word before the surname of a person the article names in full, which the model
    left untagged, is that family's member ("le bunker de Mouatassim Kadhafi" beside "Mouammar
    Kadhafi"): the model's recall on names drops inside long noun phrases."""
    surnames = {
        m.text.split()[-1]
        for m in names
        if m.label == "PER" and len(m.text.split()) >= 2 and _name_word(m.text.split()[-1], lang)
    }
    if not surnames:
        return names
    pattern = re.compile(
        r"(?<![\w'’-])([A-ZÀ-Ý][^\W\d_]+(?:-[^\W\d_]+)*)[ \t]+(?:"
        + "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
        + r")(?![\w'’-])"
    )
    added = []
    for m in pattern.finditer(text):
        first = m.group(1)
        if (
            any(n.start < m.end() and m.start() < n.end for n in names)
            or not _name_word(first, lang)
            or fold(first) in _role_words(lang)
        ):
            continue  # "Le Kadhafi", "Hier Kadhafi", "Colonel Kadhafi": not a first name
        added.append(Mention(m.start(), m.end(), m.group(0), "PER"))
    return sorted(names + added, key=lambda n: n.start) if added else names


def _untagged_surnames(text: str, names: list[Mention], lang: LanguageData) -> list[Mention]:
    """A title before the surname of a person the article names in full is that person, whatever the
    model did with it: "M. de Castries" beside "Henri de Castries", untagged or tagged "Castries"
    alone (the title before a name is found only right before it). After a role's noun in lower case
    ("le général Bouchard") only an untagged surname is added, and the role stays a role ("le colonel
    Kadhafi … le colonel a ajouté")."""
    surnames = set()
    for m in names:
        words = strip_title(m.text, lang).split() if m.label == "PER" else []
        if len(words) < 2 or not _name_word(words[-1], lang):
            continue
        surnames.add(words[-1])
        if fold(words[-2]) in lang.people.name_particles and len(words) >= 3:
            surnames.add(f"{words[-2]} {words[-1]}")  # "de Castries"
    if not surnames:
        return names
    pattern = re.compile(
        r"(?<![\w'’-])(?P<title>"
        + "|".join(re.escape(t.rstrip(".")) for t in sorted(lang.people.titles, key=len, reverse=True))
        + r")\.?[ \t]+(?P<name>"
        + "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
        + r")(?![\w'’-])"
    )
    capitalised = {t.rstrip(".") for t in _capitalised_titles(lang)}
    out = list(names)
    for hit in pattern.finditer(text):
        start = hit.start() if hit.group("title") in capitalised else hit.start("name")
        inside = [n for n in out if n.start < hit.end() and start < n.end]
        if start != hit.start() and (
            inside or _OF_BEFORE_TITLE.search(text, max(0, hit.start() - 8), hit.start())
        ):
            continue  # "le colonel Kadhafi": the model's name stays, the role too; "un conseiller du
            # colonel Kadhafi" is the adviser's role, the colonel its complement
        if any(n.start < start or n.end > hit.end() for n in inside):
            continue  # part of a longer name
        out = [n for n in out if n not in inside]
        out.append(Mention(start, hit.end(), text[start : hit.end()], "PER"))
    return sorted(out, key=lambda n: n.start)


def _past_qualifiers(text: str, pos: int, lang: LanguageData) -> int:
    """Past what qualifies a press head before its name: "d'information", "d'État", a country's
    adjective ("la chaîne d'information qatarie | al-Jezira")."""
    while (w := _MEDIUM_QUALIFIER.match(text, pos)) and (
        w.group(1)[:2].lower() in {"d'", "d’"} or fold(w.group(1)) in _country_adjectives(lang)
    ):
        pos = w.end()
    return pos


def _with_handles(text: str, names: list[Mention]) -> list[Mention]:
    """The author of a social-media post quoted on a line of its own ("@AfriNomad : Wahou …",
    "RT @acarvin: …") is someone, named by the handle, whatever the model made of it."""
    handles = [
        Mention(m.start("handle"), m.end("handle"), m.group("handle"), "PER")
        for m in _HANDLE_LINE.finditer(text)
    ]
    if not handles:
        return names
    kept = [n for n in names if not any(n.start < h.end and h.start < n.end for h in handles)]
    return sorted(kept + handles, key=lambda m: m.start)


def _inside_role(name: Mention, role: Mention, lang: LanguageData) -> bool:
    if not (role.start <= name.start and name.end <= role.end):
        return False
    head = role_head(role.role_key or "", lang)
    core = fold(_without_determiner(name.text, lang))
    return core in head or (role.label == "PER" and name.label != "PER" and core.startswith(head + " "))


def _name_word(word: str, lang: LanguageData) -> bool:
    """A word that can be part of a person's name: capitalised, not in capitals ("MET"), no common word
    of the language with a capital ("Canal Plus", "Soir")."""
    background, _ = lang.document_frequencies()
    low = word.lower()
    return (
        word[:1].isupper()
        and not (len(word) > 1 and word.isupper())
        and _NAME_WORD.fullmatch(word) is not None
        and low not in lang.stopwords
        and background.get(low, 0) < 5
    )


def _split_fused(
    text: str, ents: list[tuple[int, int, str]], lang: LanguageData
) -> list[tuple[int, int, str]]:
    """ "secrétaire général de l'Otan Anders Fogh Rasmussen", which the model reads as one body: a span
    that begins with a name the text also writes on its own, then goes on with two or more capitalised
    words that the text writes in no other name of a body or a place, is that name and a person."""
    alone = {text[s:e] for s, e, label in ents if " " not in text[s:e].strip() and label in {"ORG", "LOC"}}
    bodies = Counter(w for s, e, label in ents if label != "PER" for w in text[s:e].split())
    out = []
    for start, end, label in ents:
        words = text[start:end].split()
        if (
            label != "PER"
            and len(words) >= 3
            and words[0] in alone
            and all(_name_word(w, lang) and w not in alone and bodies[w] == 1 for w in words[1:])
            and (role := _ROLE_OF_BODY.search(text, max(0, start - 40), start)) is not None
            and any(fold(w) in _role_words(lang) for w in role.group("role").split())
        ):  # not "Amnesty International France" beside "Amnesty International" or "France", nor "au Tripoli
            # Medical Center": only after a person's role of that body ("le chef du", "secrétaire général de l'")
            cut = start + text[start:end].index(words[0]) + len(words[0])
            person = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
            out += [(start, cut, label), (person, end, "PER")]
        else:
            out.append((start, end, label))
    return out


def _names(text: str, ents: list[tuple[int, int, str]], lang: LanguageData) -> list[Mention]:
    out: list[Mention] = []
    not_names = lang.people.not_names
    for start, end, label in _split_fused(text, ents, lang):
        # Trim punctuation and quotes the model left on the edges.
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM and not text[start:end].endswith("."):
            end -= 1
        if end - start < 2:
            continue
        if label == "PER":  # "Mouammar Kadhafi sur Benghazi": a name ends before a common word
            end = _name_end(text, start, end, lang)
        surface = text[start:end]
        core = strip_title(surface, lang)
        if not core or not core[0].isupper() or fold(core) in not_names:
            continue
        if any(ch.isdigit() for ch in core) or "\n" in surface or len(core) > 80:
            continue
        if fold(core) in _role_words(lang) or fold(core).rstrip("s") in _role_words(lang):
            continue  # "Secrétaire d'Etat", "Russes": a role or a people, not a name
        words = core.split()
        if (
            label != "PER"
            and len(words) >= 2
            and all(w[:1].isupper() for w in words)
            and (
                fold(words[0]) in lang.people.feminine_first_names
                or fold(words[0]) in lang.people.masculine_first_names
            )
        ):
            label = "PER"  # "Victoria Nuland" tagged as a place: a known first name makes a person
        if label == "PER":
            title = _title_before(lang).search(text, max(0, start - 6), start)
            if title:
                start = title.start()
            elif _follows_determiner(text, start) and len(core.split()) == 1:
                continue  # "le Parquet", "la Poste": a common noun with a capital, not a person
        out.append(Mention(start, end, text[start:end], label if label in LABELS else "MISC"))
    return out


def _name_end(text: str, start: int, end: int, lang: LanguageData) -> int:
    """Where a person's name ends: before the first word in lower case that is no particle ("de",
    "d'Arvor", "al-Senoussi", "el-Islam")."""
    particles = lang.people.name_particles
    for word in re.finditer(r"[^\s]+", text[start:end]):
        if word.start() == 0 or not word.group(0)[:1].islower():
            continue
        w = fold(word.group(0))
        if w in particles or w.split("-")[0] in particles or w.startswith("d'"):
            continue
        if text[start + word.start() - 1] != " ":
            return end
        cut = start + word.start()
        while cut > start and text[cut - 1].isspace():
            cut -= 1
        return cut
    return end


@cache
def _capitalised_titles(lang: LanguageData) -> frozenset[str]:
    return frozenset(t for t in lang.people.titles if t[:1].isupper())


@cache
def _title_before(lang: LanguageData) -> re.Pattern[str]:
    """A title written just before a name ("M. ", "Mme ", "Mr "): capitalised titles only."""
    titles = sorted({t.rstrip(".") for t in _capitalised_titles(lang)}, key=len, reverse=True)
    return re.compile(r"(?:\b(?:" + "|".join(re.escape(t) for t in titles) + r")\.?\s+)$")


@cache
def _proper_heads(lang: LanguageData) -> frozenset[str]:
    return frozenset(fold(h) for h in lexicon(lang).proper_org_heads)


@cache
def _role_words(lang: LanguageData) -> frozenset[str]:
    p = lang.people
    words = [r.replace("_", " ") for r in p.person_roles] + list(p.role_adjectives)
    return frozenset(fold(w) for w in words)


def _follows_determiner(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].lower()
    return bool(re.search(r"(?:\b(?:le|la|les|du|des|au|aux)\s+|\bl['’])$", before))


def _roles(text: str, names: list[Mention], lx: Lexicon, lang: LanguageData) -> list[Mention]:
    out: list[Mention] = []
    for m in lx.role.finditer(text):
        start, end = m.start("body"), m.end()
        det = (m.group("det") or "").lower()
        if det and det not in {"du", "au"}:
            start = m.start()
        # A name apposed right after a person's role is not part of it ("le conseiller du Kremlin Iouri
        # Ouchakov"): cut the role before it. A body's is ("le gouvernement du colonel Mouammar Kadhafi").
        for n in names:
            if (
                start < n.start < end
                and n.label == "PER"
                and m.group("head").lower() not in lx.org_heads
                and not re.search(r"(?:\bd[eu]s?\s+|\bd['’])$", text[n.start - 4 : n.start])
            ):
                end = n.start
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        while (last := re.search(r"\s+(\S+)$", text[start:end])) and last.group(1).lower() in lx.finite:
            end = start + last.start()  # "La coalition indique", "La rébellion revendique": verbs
        if m.group("head").lower() in lx.org_heads:
            # "le gouvernement du colonel Mouammar Kadhafi": the person a body's complement names after
            # a person's role is part of its name
            named = next((n for n in names if n.label == "PER" and not text[end : n.start].strip()), None)
            last_word = fold(text[start:end].split()[-1])
            if named is not None and named.start > end and last_word in _person_heads(lang):
                end = named.end
        if end - start < 3:
            continue
        head = m.group("head").lower()
        label = "ORG" if head in lx.org_heads else "PER"
        if label == "ORG" and (place := _PLACE_COMPLEMENT.search(text, m.end("head"), end)):
            end = place.start()  # "les rebelles au Sud": where they are, not who they are
        body = fold(text[m.start("body") : end])
        bare_name = label == "ORG" and m.start("head") == m.start("body") and body == fold(head)
        if bare_name and any(n.start <= m.start("head") < n.end for n in names):
            continue  # a bare "Kremlin" the NER model found is a name
        out.append(Mention(start, end, text[start:end], label, kind="role", role_key=_squash(body)))
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def role_head(role_key: str, lang: LanguageData) -> str:
    """The head noun of a folded role key ("conseiller du kremlin" → "conseiller")."""
    words = role_key.split()
    premods, compounds = _head_words(lang)
    while len(words) > 1 and words[0] in premods and not _compound_at(words, compounds):
        words = words[1:]
    compound = _compound_at(words, compounds)  # "premier ministre", "garde des sceaux" are one noun
    if compound:
        return compound
    return words[0] if words else role_key


def _compound_at(words: list[str], compounds: frozenset[str]) -> str | None:
    for n in (3, 2):
        if len(words) >= n and " ".join(words[:n]) in compounds:
            return " ".join(words[:n])
    return None


@cache
def _head_words(lang: LanguageData) -> tuple[frozenset[str], frozenset[str]]:
    p = lang.people
    premods = frozenset(fold(x).rstrip("-") for x in p.role_premodifiers)
    compounds = frozenset(fold(r.replace("_", " ")) for r in p.person_roles if "_" in r)
    return premods, compounds


def _entity_genders(e: LocalEntity, mentions: list[Mention]) -> set[str]:
    return {g for g in (mention_gender(mentions[j]) for j in e.mentions) if g}


def mention_gender(m: Mention) -> str | None:
    """ "f" or "m" when a title or a determiner says it ("Mme X", "la ministre"), else None."""
    first = m.text.split()[0].lower() if m.text.split() else ""
    if first in {"mme", "mmes", "mlle", "madame", "la", "une", "sa", "cette"}:
        return "f"
    if first in {"m.", "mm.", "monsieur", "le", "un", "ce", "cet"}:
        return "m"
    return None


def is_bare_role(role_key: str, lang: LanguageData) -> bool:
    return " " not in role_key.strip()


# --- grouping ------------------------------------------------------------------------------------


def _new_entity(entities: list[LocalEntity], label: str) -> LocalEntity:
    entity = LocalEntity(index=len(entities), label=label)
    entities.append(entity)
    return entity


def _attach(entity: LocalEntity, index: int, mention: Mention, lang: LanguageData) -> None:
    mention.entity = entity.index
    entity.mentions.append(index)
    if mention.kind == "name":
        core = strip_title(mention.text, lang)
        entity.names.append(core)
        key = name_key(core, lang)
        if key:
            entity.keys.add(key)


def _group_names(text: str, mentions: list[Mention], entities: list[LocalEntity], lang: LanguageData) -> None:
    by_key: dict[tuple[str, NameKey], LocalEntity] = {}
    by_sound: dict[NameKey, LocalEntity] = {}  # a person's full name by its loose key (transliterations)
    singles: list[tuple[int, Mention, NameKey]] = []
    for i, m in enumerate(mentions):
        if m.kind != "name":
            continue
        key = name_key(m.text, lang)
        if not key:
            continue
        if len(key) == 1 and m.label in {"PER", "MISC", "LOC", "ORG"} and not is_acronym(m.text):
            singles.append((i, m, key))
            continue
        family = (
            "PER" if m.label == "PER" or len(key) > 1 else "OTHER"
        )  # a full name is one entity, whatever its label
        sound = loose_key(key) if m.label == "PER" else None
        entity = by_key.get((family, key)) or (by_sound.get(sound) if sound else None)
        if entity is None:
            entity = _new_entity(entities, m.label)
        by_key.setdefault((family, key), entity)
        if sound:
            by_sound.setdefault(sound, entity)
        _attach(entity, i, m, lang)
    # One-word names: the surname of a full name of the article, else a name on their own.
    for i, m, key in singles:
        people = [
            e
            for e in entities
            if key[0] in e.surname_keys and any(mentions[j].label == "PER" for j in e.mentions)
        ]
        if not people and m.label in {"PER", "MISC"}:
            people = _begun_by(key[0], entities, lang)  # "Mouatassim" after "Mouatassim Kadhafi"
            title = _role_before(text, m, mentions)
            if title is not None and not any(
                _same_title(text, title, mentions[j], mentions, lang) for e in people for j in e.mentions
            ):
                people = []  # "le roi Abdallah" is not "Abdallah Senoussi"; "le général Wiboonsak" is
                # "le général thaïlandais Wiboonsak Neeparn" (a Thai general goes by his first name)
        if people:
            before = [e for e in people if any(mentions[j].start < m.start for j in e.mentions)]
            entity = (before or people)[-1] if len(people) > 1 else people[0]
            m.label = "PER"
        else:
            family = "PER" if m.label == "PER" else "OTHER"
            entity = by_key.get((family, key)) or by_key.get(("PER", key))
            if entity is None:
                entity = _new_entity(entities, m.label)
                by_key[(family, key)] = entity
        _attach(entity, i, m, lang)
    # "M. Le Maire", "Le Pen": a name that ends a fuller name of the article is that person.
    for e in entities:
        if not e.mentions or not any(mentions[j].label == "PER" for j in e.mentions):
            continue
        fuller = [
            o
            for o in entities
            if o is not e
            and o.mentions
            and e.keys
            and all(any(len(k) > len(own) and k[-len(own) :] == own for k in o.keys) for own in e.keys)
            and any(mentions[j].label == "PER" for j in o.mentions)
        ]
        if len(fuller) == 1:
            _merge(e, fuller[0], mentions)
    _join_shorter_bodies(mentions, entities, lang)
    # "à Benghazi", "vers Bani Walid": a one-word "person" the text only ever puts after a preposition
    # of place, and never gives a title, is a place the model mistook for a person.
    for e in entities:
        ms = [mentions[j] for j in e.mentions]
        if ms and all(
            m.label == "PER" and len(name_key(m.text, lang)) == 1 and not has_title(m.text, lang) for m in ms
        ):
            placed = sum(bool(_PLACE_BEFORE.search(text[max(0, m.start - 12) : m.start])) for m in ms)
            if placed and placed * 2 >= len(ms):
                for m in ms:
                    m.label = "LOC"
    for e in entities:  # the label most of the entity's mentions carry
        labels = Counter(mentions[j].label for j in e.mentions)
        e.label = labels.most_common(1)[0][0] if labels else e.label


def _begun_by(first: str, entities: list[LocalEntity], lang: LanguageData) -> list[LocalEntity]:
    """The one person of the article whose full name begins with the name key ``first``, if it is no
    surname of the article ("Kadhafi") and that full name is made of name words ("Benghazi - Une" is
    not); else none. Not a place ("à Florence") nor a title's holder ("le roi Abdallah"): the caller's."""
    if any(first in e.surname_keys for e in entities):
        return []
    found = [
        e
        for e in entities
        if e.label == "PER"
        and any(len(k) >= 2 and k[0] == first for k in e.keys)
        and all(_name_word(w, lang) for n in e.names for w in n.split())
    ]
    return found if len(found) == 1 else []


def _role_before(text: str, m: Mention, mentions: list[Mention]) -> Mention | None:
    """The role that ends right before ``m`` ("le roi | Abdallah"), if any."""
    return next(
        (r for r in mentions if r.kind == "role" and r.end <= m.start and not text[r.end : m.start].strip()),
        None,
    )


def _same_title(text: str, title: Mention, m: Mention, mentions: list[Mention], lang: LanguageData) -> bool:
    """Whether ``m`` is written right after a role of the same head noun as ``title``."""
    before = _role_before(text, m, mentions)
    return before is not None and role_head(before.role_key or "", lang) == role_head(
        title.role_key or "", lang
    )


def _join_shorter_bodies(mentions: list[Mention], entities: list[LocalEntity], lang: LanguageData) -> None:
    """ "le Conseil de sécurité" beside "le Conseil de sécurité de l'ONU", "le Conseil national de
    transition" beside "le Conseil national de transition libyen": a body's name of two words or more
    that another body's name of the article extends by a country's adjective or by a complement naming
    something ("de l'ONU", "de La Haye") is that body, when the fuller name comes first: the press
    names a body in full, then shortens it ("le Parti socialiste a salué la victoire du Parti socialiste
    portugais" names two). Not by a common word: "le Conseil de sécurité nationale" is another body;
    nor by "européen": "le Parti socialiste européen" is not the PS."""
    bodies = [e for e in entities if e.mentions and e.names and not _is_person(e, mentions)]
    first = {e.index: min(mentions[j].start for j in e.mentions) for e in bodies}  # where each is first named
    for e in bodies:
        shorter = {n for n in e.names if len(n.split()) >= 2}
        if not shorter:
            continue
        fuller = [
            o
            for o in bodies
            if o is not e
            and o.mentions
            and first[o.index] <= first[e.index]
            and any(_extends(n, m, lang) for n in shorter for m in o.names)
        ]
        if len(fuller) == 1:
            _merge(e, fuller[0], mentions)
            first[fuller[0].index] = min(first[fuller[0].index], first[e.index])


def _is_person(e: LocalEntity, mentions: list[Mention]) -> bool:
    return any(mentions[j].label == "PER" for j in e.mentions)


_NAMING_COMPLEMENT = re.compile(r"(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[A-ZÀ-Ý]")
_NOT_A_COUNTRY = frozenset({"europeen", "europeenne", "europeens", "europeennes"})


def _extends(short: str, full: str, lang: LanguageData) -> bool:
    """Whether the name ``full`` is ``short`` with a country's adjective or a naming complement after."""
    if not fold(full).startswith(fold(short) + " "):
        return False
    tail = full[len(short) :].strip()
    words = tail.split()
    if len(words) == 1:
        word = fold(words[0])
        return word not in _NOT_A_COUNTRY and word in _country_adjectives(lang)
    return len(words) <= 4 and bool(_NAMING_COMPLEMENT.match(tail))


@cache
def _country_adjectives(lang: LanguageData) -> frozenset[str]:
    return frozenset(fold(a) for a in lang.people.country_adjectives)


def _link_acronyms(
    text: str, mentions: list[Mention], entities: list[LocalEntity], lang: LanguageData
) -> None:
    """ "Forum de coopération économique Asie-Pacifique (APEC)": the acronym joins the expansion."""
    expansions: dict[str, list[LocalEntity]] = {}
    for m in mentions:
        if m.kind != "name" or m.entity is None:
            continue
        found = _ACRONYM_AFTER.match(text, m.end)
        if found and is_acronym(found.group(1), loose=True) and not is_acronym(m.text):
            expansions.setdefault(fold(found.group(1)), []).append(entities[m.entity])
    # A person's initials stand for the person ("PPDA", "DSK", "BHL") in the article that names them.
    capitals = {
        fold(m.text)
        for m in mentions
        if m.kind == "name"
        and is_acronym(m.text)
        and not _BODY_BEFORE.search(text[max(0, m.start - 24) : m.start])
    }
    acronyms = {fold(m.text) for m in mentions if m.kind == "name" and is_acronym(m.text)}
    for e in entities:
        for name in e.names:
            if e.label == "PER":
                letters = person_initials(name)
                if len(letters) >= 3 and letters in capitals:
                    expansions.setdefault(letters, []).append(e)
            elif e.label == "ORG":  # "l'Union nationale lycéenne" … "a ajouté l'UNL"; "l'UA"
                letters = body_initials(name, lang)
                if len(letters) >= 2 and letters in acronyms:
                    expansions.setdefault(letters, []).append(e)
    for m in mentions:
        if m.kind != "name" or m.entity is None or fold(m.text) not in expansions:
            continue
        for target in expansions[fold(m.text)]:
            if target.mentions and target.index != m.entity:
                if target.label in {"PER", "ORG"}:  # "le CSM" (MISC to the model) is the Conseil's
                    entities[m.entity].label = target.label
                _merge(target, entities[m.entity], mentions)


_CAPITALS = re.compile(r"(?<![\w.-])[A-ZÀ-Ý]{2,6}(?![\w-])")


def _untagged_acronyms(text: str, found: list[Mention], lang: LanguageData) -> list[Mention]:
    """The acronyms of the article's bodies that the model left untagged ("l'UA" after "l'Union
    africaine", "le PS" after "le Parti socialiste"): capitals that spell a body's initials."""
    initials = {body_initials(m.text, lang) for m in found if m.kind == "name" and m.label == "ORG"}
    initials.discard("")
    if not initials:
        return []
    return [
        Mention(c.start(), c.end(), c.group(), "ORG")
        for c in _CAPITALS.finditer(text)
        if fold(c.group()) in initials and not any(m.start < c.end() and c.start() < m.end for m in found)
    ]


def body_initials(name: str, lang: LanguageData) -> str:
    """The initials of a body's name without its small words, folded: "Union nationale lycéenne" →
    "unl", "Conseil national de transition" → "cnt"; "" for a single word or an acronym."""
    parts = [p for p in re.split(r"[\s\-‐‑–'’]+", name) if p and p.lower() not in lang.stopwords]
    return fold("".join(p[0] for p in parts)) if len(parts) >= 2 and not is_acronym(name) else ""


def person_initials(name: str) -> str:
    """The initials of a person's full name, folded: "Patrick Poivre d'Arvor" → "ppda", "Dominique
    Strauss-Kahn" → "dsk", "Bernard-Henri Lévy" → "bhl"."""
    parts = [p for p in re.split(r"[\s\-‐‑–'’]+", name) if p]
    return fold("".join(p[0] for p in parts)) if len(parts) >= 2 and parts[0][:1].isupper() else ""


def _merge(source: LocalEntity, target: LocalEntity, mentions: list[Mention]) -> None:
    for j in source.mentions:
        mentions[j].entity = target.index
    target.mentions.extend(source.mentions)
    target.names.extend(source.names)
    target.keys |= source.keys
    target.roles |= source.roles
    target.heads |= source.heads
    source.mentions.clear()
    source.names.clear()
    source.keys.clear()


def _resolve_roles(
    text: str, mentions: list[Mention], entities: list[LocalEntity], lang: LanguageData, date: str | None
) -> None:
    names = [m for m in mentions if m.kind == "name" and m.entity is not None]
    # 1. Appositions: "ROLE NAME", "ROLE, NAME", "NAME, ROLE".
    for m in mentions:
        if m.kind != "role":
            continue
        partner = _apposed_name(text, m, names, lang)
        if partner is not None and partner.entity is not None:
            apposed = entities[partner.entity]
            gender, genders = mention_gender(m), _entity_genders(apposed, mentions)
            if gender and genders and gender not in genders:
                continue  # "le gouverneur" is not apposed to "Mme Lagarde"
            m.entity = apposed.index
            m.evidence = "apposition"
            # "le chef des services de renseignements, Abdallah al-Senoussi", "Roland Lavoie, porte-parole
            # de l'opération Unified Protector.": the whole noun phrase is how the text names him.
            tail = _role_tail(text, m, partner, lang)
            if tail:
                m.end += len(tail.split(",")[0].rstrip())
                m.text = text[m.start : m.end]
            if partner.label != apposed.label and all(
                mentions[j].label == partner.label for j in apposed.mentions if mentions[j].kind == "name"
            ):  # "le quotidien algérien Ennahar": the model's person is a medium
                apposed.label = partner.label
            assert m.role_key is not None
            apposed.roles.add(m.role_key)
            apposed.heads.add(role_head(m.role_key, lang))
    # 2. The rest, in reading order: the same role again, its bare head, an epithet, an office.
    for i, m in enumerate(mentions):
        if m.kind != "role":
            continue
        if m.entity is not None:
            entities[m.entity].mentions.append(i)
            continue
        assert m.role_key is not None
        entity = _by_role(text, m, mentions, entities, lang) or _by_table(m, mentions, entities, lang, date)
        proper = role_head(m.role_key, lang) in _proper_heads(lang)  # "l'Elysée", "le Kremlin"
        if entity is None and m.label == "ORG":  # "La Commission européenne" is the body named so
            key = name_key(_without_determiner(m.text, lang), lang)
            entity = next((e for e in entities if e.label == "ORG" and key in e.keys), None)
        if entity is None and m.label == "ORG" and (" " in m.role_key or proper):  # "l'agence" names nobody
            entity = _new_entity(entities, "ORG")
            entity.names.append(_without_determiner(m.text, lang))
            entity.keys.add(name_key(entity.names[-1], lang))
            head = role_head(m.role_key, lang)
            if head in _group_heads(lang) and not _OF.search(m.role_key):
                # "les rebelles libyens" … "les rebelles"; not a part of them ("les rebelles de Misrata")
                entity.roles.add(m.role_key)
                entity.heads.add(head)
            m.evidence = "organisation"
        if entity is not None:
            m.entity = entity.index
            entity.mentions.append(i)


def _apposed_name(text: str, role: Mention, names: list[Mention], lang: LanguageData) -> Mention | None:
    """The name a role is apposed to: "ROLE NAME" and "ROLE, NAME" first, then "NAME, ROLE," — in an
    enumeration ("Christine Lagarde, le gouverneur de la Banque de France Christian Noyer") the role
    describes the name that follows it. Only people take a person's role; a body's role takes only the
    name of a body written right after it ("le quotidien britannique The Daily Telegraph", "l'agence
    Reuters"), never a person's ("le gouvernement Fillon" is not Fillon) — but after the press's heads
    the name is the medium's, whatever the model said ("le quotidien algérien Ennahar")."""
    if role.label != "PER":
        if role_head(role.role_key or "", lang).endswith("s"):
            return None  # "reprendre aux insurgés Misrata": a group is not named by apposition
        named = next((n for n in names if n.start == role.end + 1 and text[role.end] == " "), None)
        if named is None and role_head(role.role_key or "", lang) in _media(lang):
            past = _past_qualifiers(text, role.end, lang)  # "la chaîne d'information qatarie al-Jezira"
            named = next((n for n in names if n.start == past + 1 and past > role.end), None)
        if (
            named is not None
            and named.label == "PER"
            and role_head(role.role_key or "", lang) in _media(lang)
            and not _PREPOSITION_BEFORE.search(text, max(0, role.start - 6), role.start)
            and fold(named.text.split()[0]) not in _first_names(lang)
            and not has_title(named.text, lang)
        ):  # "le quotidien algérien Ennahar": a medium, whatever the model said; not "a déclaré à la
            named.label = "ORG"  # télévision Moussa Ibrahim", nor "… sur la radio Marine Le Pen"
        return named if named is not None and named.label != "PER" else None
    people = [n for n in names if n.label == "PER"]
    # "le Premier ministre Ehud Olmert": a name right after a person's role is a person, whatever
    # label the model gave it.
    right_after = next((n for n in names if n.start == role.end + 1 and text[role.end] == " "), None)
    relabels = role_head(role.role_key or "", lang) not in _NOT_TITLES
    if right_after is not None and right_after.kind == "name" and right_after.label != "PER" and relabels:
        right_after.label = "PER"
        return right_after
    after = next(
        (n for n in people if n.start >= role.end and _APPOSITION_GAP.match(text[role.end : n.start])), None
    )
    if after is None:  # "le porte-parole de l'Otan, le général Carter Ham": past the name's own title
        title = _TITLE_GAP.match(text, role.end)
        after = next((n for n in people if title and n.start == title.end()), None)
    if after is None:  # the role's noun phrase goes on, then the name
        after = _after_complement(text, role, names, relabels, lang)
    if after is not None:
        return after
    return next(
        (
            n
            for n in people
            if n.end <= role.start
            and text[n.end : role.start].strip() == ","
            and (_closes_apposition(text, role) or _role_tail(text, role, n, lang))
        ),
        None,
    )


def _after_complement(
    text: str, role: Mention, names: list[Mention], relabels: bool, lang: LanguageData
) -> Mention | None:
    """The name after a role's complement: "le chef des services de renseignements libyens Abdallah
    al-Senoussi", "le commissaire à la paix et à la sécurité de l'UA, Ramtane Lamamra." (a name the
    model took for a place, made a person when it closes the apposition). Past a person of the
    complement only to a name that closes the apposition ("… de François Fillon, Claude Guéant, a
    parlé", not "En compagnie du chef des rebelles X, Y aurait fui"), never to a name that begins a clause
    ("une intervention du président de la République en sa faveur, Laurence Ferrari répond")."""
    governed = _GOVERNED.search(text, max(0, role.start - 8), role.start) is not None
    passed = False  # a person of the complement ("… des présidents Jacques Chirac et Nicolas Sarkozy, X,")
    for n in names:
        if n.start < role.end:
            continue
        comma = _LONG_APPOSITION.fullmatch(text, role.end, n.start) is not None
        closes = _closes(text, n) or (n.label == "PER" and not governed and not passed)
        if _role_tail(text, role, n, lang) and (comma or n.label == "PER") and closes:
            if n.label != "PER":
                if len(n.text.split()) < 2 or not relabels:
                    return None
                n.label = "PER"  # a first and a last name the model took for a place
            return n
        passed = passed or n.label == "PER"
    return None


def _closes(text: str, name: Mention) -> bool:
    """Whether a name closes an apposition: a comma, a stop or a bracket follows it."""
    rest = text[name.end : name.end + 2].lstrip()
    return not rest or rest[:1] in {",", ".", ";", ")", ":", "»", '"'}


def _role_tail(text: str, role: Mention, name: Mention, lang: LanguageData) -> str:
    """The complement that goes on from an apposed role to the comma before its name ("le commissaire
    | à la paix et à la sécurité de l'UA, | Ramtane Lamamra") or, after its name, to the comma or stop
    that closes the apposition ("Roland Lavoie, porte-parole | de l'opération Unified Protector|.");
    empty when there is none."""
    if name.start >= role.end:
        gap = text[role.end : name.start]
        found = _LONG_APPOSITION.fullmatch(gap)
        if found is None and (found := _COMPLEMENT_BEFORE.fullmatch(gap)) is not None:
            last = fold(gap.split()[-1])
            if not (last.endswith("s") and last[:-1] in _country_adjectives(lang)) and not _ends_on_a_noun(
                gap, role, name, lang
            ):
                # "le ministre de la Défense de Nicolas Sarkozy" is not Nicolas Sarkozy, and in "… contre
                # le colonel Kadhafi", "… du porte-avions italien Garibaldi", "… des présidents Jacques
                # Chirac et Nicolas Sarkozy" the name is the last noun's; after a people's plural adjective
                # ("des services de renseignements libyens X") it can only be the role's, and so it is
                # after a short complement ending on a noun ("le médiateur du crédit René Ricol").
                return ""
    else:
        found = _ROLE_TAIL.match(text, role.end)
        if found is not None and (
            _DETERMINED.match(role.text) and text[found.end() : found.end() + 2].lstrip()[:1] != ","
        ):
            return ""  # "Pour Alain Juppé, le dirigeant libyen au pouvoir depuis 1969 doit partir.": a clause
        source = lexicon(lang).according_to.finditer(text, max(0, name.start - 12), name.start)
        governed = any(m.end() == name.start for m in source) or _GOVERNED.search(
            text, max(0, name.start - 8), name.start
        )
        if governed and _DETERMINED.match(role.text):
            return ""  # "Selon X, le porte-parole du régime, …": X is a source, the role a new subject
    if found is None or _CLAUSE_WORD.search(found.group(0)):
        return ""
    return found.group(0)


_PREPOSITION_BEFORE = re.compile(r"(?i)\b(?:à|au|aux|sur|dans|par|pour|chez|avec)\s+$")
_SINGULAR = re.compile(r"(?i)(?:l['’]|le\s|la\s|un\s|une\s)")
SHORT_COMPLEMENT_WORDS = 4  # "du crédit", "de la Banque centrale": short enough to name one office


def _ends_on_a_noun(gap: str, role: Mention, name: Mention, lang: LanguageData) -> bool:
    """Whether a one person's role ("le médiateur") has a short complement ending on a noun ("du
    crédit") right before a full name ("René Ricol"): no preposition, no country's adjective, no other
    person's role in it ("la fille du ministre de la Défense X" is the minister's name), no noun a name
    is apposed to ("l'avocat de la famille Kadhafi", "… de la victime Tristane Banon")."""
    words = gap.split()
    last = fold(words[-1])
    if len(words) > SHORT_COMPLEMENT_WORDS or not _SINGULAR.match(role.text) or last in lang.stopwords:
        return False
    if len(name.text.split()) < 2 or last in _name_nouns(lang) or last.rstrip("s") in _name_nouns(lang):
        return False
    if last in _country_adjectives(lang) or "'" in last or "’" in last:
        return False
    heads = _person_heads(lang)
    return not any(fold(w) in heads or fold(w).rstrip("sx") in heads for w in _NAME_WORD.findall(gap))


@cache
def _name_nouns(lang: LanguageData) -> frozenset[str]:
    return frozenset(fold(n) for n in lang.people.name_nouns)


@cache
def _person_heads(lang: LanguageData) -> frozenset[str]:
    return frozenset(fold(r.replace("_", " ").split()[0]) for r in lang.people.person_roles)


@cache
def _group_heads(lang: LanguageData) -> frozenset[str]:
    return frozenset(fold(g) for g in lang.people.group_roles)


@cache
def _first_names(lang: LanguageData) -> frozenset[str]:
    return frozenset(fold(n) for n in (*lang.people.masculine_first_names, *lang.people.feminine_first_names))


@cache
def _media(lang: LanguageData) -> frozenset[str]:
    return frozenset(fold(h) for h in lang.people.media_roles)


def _closes_apposition(text: str, role: Mention) -> bool:
    """ "Youri Ouchakov, un assistant du président russe, a indiqué": the role ends at a comma or a stop."""
    rest = text[role.end : role.end + 2]
    return not rest.strip() or rest.lstrip()[:1] in {",", ".", ";", ")", ":"}


def _by_role(
    text: str, m: Mention, mentions: list[Mention], entities: list[LocalEntity], lang: LanguageData
) -> LocalEntity | None:
    assert m.role_key is not None
    head = role_head(m.role_key, lang)
    bare = is_bare_role(m.role_key, lang)
    gender = mention_gender(m)
    if m.text.split()[0].lower() in {"un", "une"}:
        return None  # "un président" introduces someone; it does not refer back
    if bare and m.label == "ORG" and _NAMED_AFTER.match(text, m.end):
        return None  # "le journal en ligne Al-Manara" names what it is about: no one mentioned before
    candidates = []
    for e in entities:
        genders = _entity_genders(e, mentions)
        if gender and genders and gender not in genders:
            continue  # "la ministre" is not "le Premier ministre François Fillon"
        if (m.label == "PER") != (e.label == "PER"):
            continue  # a body's role ("le ministère") never refers to a person, nor the reverse
        if m.role_key in e.roles or (bare and (head in e.heads or _family(head, lang) & e.heads)):
            last = max((mentions[j].end for j in e.mentions if mentions[j].start < m.start), default=-1)
            # A description does not refer back to a name of its own sentence ("Une réunion entre
            # M. Bolton et …, a poursuivi le conseiller" is not Bolton speaking).
            same_sentence = last >= 0 and not _SENTENCE_BREAK.search(text, last, m.start)
            candidates.append((not same_sentence, last, e))
    if not candidates:
        return None
    m.evidence = "same role" if not bare else "role anaphora"
    return max(candidates, key=lambda c: (c[0], c[1]))[2]


@cache
def _families(lang: LanguageData) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for family in lang.people.role_families:
        heads = frozenset(fold(h) for h in family)
        out.update((h, heads) for h in heads)
    return out


def _family(head: str, lang: LanguageData) -> frozenset[str]:
    """The heads that name the same thing as ``head`` ("journal": "quotidien", "hebdomadaire" …)."""
    return _families(lang).get(head, frozenset())


def _by_table(
    m: Mention, mentions: list[Mention], entities: list[LocalEntity], lang: LanguageData, date: str | None
) -> LocalEntity | None:
    """A press periphrasis ("le maître du Kremlin") → the holder of the office at the article's date;
    an undated article only links it to a holder it names itself."""
    assert m.role_key is not None
    holders = [holder_of(m.role_key, lang, date)] if date else holders_of(m.role_key, lang)
    for holder in holders:
        if holder is None:
            continue
        key = name_key(holder, lang)
        gender = mention_gender(m)
        people = [e for e in entities if e.label == "PER" and key[-1] in {k[-1] for k in e.keys}]
        # The holder's full name, else his first and last names around others, else the surname alone,
        # else the one person of that surname: "le dirigeant libyen" is not his son "Mohammed Kadhafi".
        chosen = (
            [e for e in people if key in e.keys]
            or [
                e for e in people if any(len(k) > 1 and (k[0], k[-1]) == (key[0], key[-1]) for k in e.keys)
            ]  # "Barack Hussein Obama"
            or [e for e in people if (key[-1],) in e.keys]
            or (people if len(people) == 1 else [])
        )
        for e in chosen:
            genders = _entity_genders(e, mentions)
            if date is None and gender and genders and gender not in genders:
                continue  # undated, "le chef de l'Etat" is not "Mme Chirac"
            m.evidence = "office"
            return e
    holder = holders[0] if date and holders else None
    if holder is None:
        return None
    key = name_key(holder, lang)
    entity = _new_entity(entities, "PER")
    entity.known_as = holder
    entity.keys.add(key)
    m.evidence = "office"
    return entity


def holders_of(role_key: str, lang: LanguageData) -> list[str]:
    """Everyone a periphrasis has named, latest first."""
    determiners, epithets, offices = _tables(lang)
    words = role_key.split()
    if words and words[0] in determiners:
        words = words[1:]
    key = " ".join(words)
    if key in epithets:
        return [epithets[key][0]]
    office = offices.get(key)
    return [name for name, _, _ in reversed(lang.people.office_holders.get(office or "", ()))]


def holder_of(role_key: str, lang: LanguageData, date: str | None) -> str | None:
    """Who a periphrasis names on ``date`` (ISO; unknown dates take the latest holder)."""
    determiners, epithets, offices = _tables(lang)
    words = role_key.split()
    if words and words[0] in determiners:
        words = words[1:]
    key = " ".join(words)
    if key in epithets:
        name, start, end = epithets[key]
        return name if _within(date, start, end) else None
    office = offices.get(key)
    if office is None:
        return None
    holders = lang.people.office_holders.get(office, ())
    if not date:
        return holders[-1][0] if holders else None
    for name, start, end in holders:
        if _within(date, start, end):
            return name
    return None


@cache
def _tables(
    lang: LanguageData,
) -> tuple[frozenset[str], dict[str, tuple[str, str, str | None]], dict[str, str]]:
    """(determiners, epithets, office periphrases) of ``lang``, folded like role keys."""
    p = lang.people
    return (
        frozenset(fold(d) for d in p.role_determiners),
        {fold(k): v for k, v in p.person_epithets.items()},
        {fold(k): v for k, v in p.office_periphrases.items()},
    )


def _within(date: str | None, start: str, end: str | None) -> bool:
    if not date:
        return True
    day = {4: date + "-07-01", 7: date + "-15"}.get(len(date), date[:10])  # the middle of a coarse date
    return start <= day and (end is None or day < end)


def _without_determiner(text: str, lang: LanguageData) -> str:
    words = text.split()
    dets = {d.lower() for d in lang.people.role_determiners}
    if words and words[0].lower() in dets:
        words = words[1:]
    elif words and words[0].lower().startswith(("l'", "l’")):
        words[0] = words[0][2:]
    return " ".join(words)
