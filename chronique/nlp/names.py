"""Name keys: the form under which two spellings of one name compare equal.

"M. Poutine", "Poutine" and "Vladimir Putin" must meet "Vladimir Poutine"; "Youri" must meet
"Iouri", "Etats-Unis" "États-Unis". A key is the name without titles, folded to ASCII, lower-cased,
with the spellings that French, English and German transliterations of Russian, Ukrainian or Arabic
names differ by reduced to one (ou/u, y/i, kh/h, doubled letters, a final mute e).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from chronique.lang import LanguageData

NameKey = tuple[str, ...]

_LEADING_ARTICLES = frozenset({"le", "la", "les", "the"})  # "The Daily Telegraph" is "Daily Telegraph"
_SPLIT = re.compile(r"[\s\-‐‑–]+")
_KEEP = re.compile(r"[^a-z0-9' ]+")
# Order matters: digraphs first, then single letters, then doubled letters.
_TRANSLIT: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"tch", "ch"),
        (r"sh", "ch"),
        (r"kh", "k"),  # Khadafi, Kadhafi, Qaddafi
        (r"dh", "d"),
        (r"dj", "j"),  # Belhadj, Belhaj
        (r"gh", "g"),
        (r"q", "k"),
        (r"ph", "f"),
        (r"ou", "u"),
        (r"w", "v"),
        (r"y", "i"),
        (r"gu(?=[ei])", "g"),
        (r"ei", "ai"),  # Seif, Saïf
        (r"(.)\1+", r"\1"),
    )
)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII form of ``text`` (accents dropped, curly apostrophes straightened)."""
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def token_key(token: str) -> str:
    """The key of one word of a name."""
    t = _KEEP.sub("", fold(token))
    for pattern, repl in _TRANSLIT:
        t = pattern.sub(repl, t)
    if len(t) > 3 and t.endswith("e"):
        t = t[:-1]
    return t


def strip_title(text: str, lang: LanguageData) -> str:
    """``text`` without its leading titles ("M. Poutine" → "Poutine")."""
    titles = _titles(lang)
    words = text.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in titles:
        words = words[1:]
    return " ".join(words)


def name_key(text: str, lang: LanguageData) -> NameKey:
    """The comparable key of a name: titles stripped, words folded and transliteration-reduced."""
    stripped = strip_title(text, lang)
    words = [w for w in _SPLIT.split(stripped) if w]
    # "La Chine" at the head of a sentence is "Chine"; "L'Elysée" is "Elysée".
    if len(words) > 1 and fold(words[0]) in _LEADING_ARTICLES and (fold(words[0]) != "the" or len(words) > 2):
        words = words[1:]  # not "The Hill": "Hill" alone would be taken for a surname
    if words and re.match(r"(?i)l['’]\w", words[0]) and len(words[0]) > 3:
        words[0] = words[0][2:]
    key = tuple(k for k in (token_key(w) for w in words) if k)
    return _synonyms(lang).get(key, key)


_VOWEL_RUN = re.compile(r"[aeiou]+")


def loose_key(key: NameKey) -> NameKey | None:
    """A person's full name with the vowels of its given names blurred as transliterations blur them
    (``_vowels``), its surname as it is: transliterations of one Arabic name differ in those vowels,
    not in their syllables ("Moamer" and "Mouammar Kadhafi", "Abdoullah" and "Abdallah al-Senoussi",
    "Seif el-" and "Saif al-Islam"). "Samir" and "Samira", "Mahmoud" and "Mohamed", "Marine" and
    "Marion", "Hassan" and "Hussein" stay apart, and so do "Ali Saleh" and "Ali Salah", whose surnames
    differ. None for a name of one word."""
    if len(key) < 2:
        return None
    given = ("al" if w in _ARTICLES else _VOWEL_RUN.sub(_vowels, w) for w in key[:-1])
    return (*given, key[-1])


def _vowels(run: re.Match[str]) -> str:
    """A run of vowels as transliterations blur it: "a", "e", "o", "u" alike, "i" kept ("Marine" is not
    "Marion", "Hassan" not "Hussein")."""
    return re.sub("v+", "v", "".join("i" if c == "i" else "v" for c in run.group(0)))


_ARTICLES = frozenset({"al", "el", "ul"})  # the Arabic article, as transliterations write it


def rekey(key: str, lang: LanguageData) -> str:
    """A stored key ("full:abdel hakim belhadj", "sur:belhadj") under the current spelling rules: the
    key a store kept before a rule changed is brought up to date (``store.schema`` migration 7)."""
    kind, sep, words = key.partition(":")
    if not sep or kind not in {"full", "sur"}:
        return key
    tokens = tuple(k for k in (token_key(w) for w in words.split()) if k)
    if kind == "full":
        if len(tokens) > 2 and tokens[0] == "the":
            tokens = tokens[1:]
        tokens = _synonyms(lang).get(tokens, tokens)
    return f"{kind}:{' '.join(tokens)}" if tokens else key


@cache
def _synonyms(lang: LanguageData) -> dict[NameKey, NameKey]:
    """Keys of the names a body is also known by → the key of its usual name ("Alliance atlantique"
    is "OTAN", "Agence France-Presse" is "AFP")."""
    out: dict[NameKey, NameKey] = {}
    for usual, others in lang.people.name_synonyms.items():
        target = tuple(k for k in (token_key(w) for w in _SPLIT.split(usual)) if k)
        for other in others:
            out[tuple(k for k in (token_key(w) for w in _SPLIT.split(other)) if k)] = target
    return out


def has_title(text: str, lang: LanguageData) -> bool:
    words = text.split()
    return len(words) > 1 and fold(words[0]).rstrip(".") in _titles(lang)


def is_acronym(text: str, *, loose: bool = False) -> bool:
    """ "APEC", "ONU": a short word of capitals. ``loose`` also takes the "Apec" style, which only a
    parenthesis after an expansion tells from a name."""
    letters = text.replace(".", "")
    if not (2 <= len(letters) <= 8 and letters.isalpha()):
        return False
    return letters.isupper() or (loose and letters[0].isupper() and len(letters) <= 6)


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isupper())


@cache
def _titles(lang: LanguageData) -> frozenset[str]:
    return frozenset(fold(t).rstrip(".") for t in lang.people.titles)
