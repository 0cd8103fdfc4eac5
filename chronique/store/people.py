"""Entities, mentions and quotations in the store, and the corpus-wide linking of each article's
entities — incremental: an article's entities are matched by key lookups, so adding one costs the
same with a thousand or a million stored.

Linking an article's entity to the corpus:
- a full name joins the entity with the same key ("Iouri Ouchakov" and "Youri Ouchakov"), else a
  person whose full name differs only in the vowels of the given names ("Moamer" and "Mouammar
  Kadhafi"), else a surname-only entity, which it then names in full ("Poutine" becomes "Vladimir
  Poutine");
- a surname alone joins the best-known person with that surname;
- a role left unresolved in its article ("le conseiller du Kremlin") joins the entity other
  articles apposed that role to most often;
- a quotation with no speaker takes the speaker another article gives the same words, and gives
  its own speaker to such quotations stored before it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, select, text, update

from chronique.nlp.analysis import Annotations
from chronique.nlp.mentions import LocalEntity
from chronique.nlp.names import fold, loose_key
from chronique.store import schema

MAX_ALIASES = 60
QUOTE_KEY_MIN_WORDS = 5  # shorter quoted sentences are too common to carry a speaker across articles
INHERITED_CONFIDENCE = 0.6
LEARNED_ROLE_MIN = 2  # appositions of a role to one entity before other articles' uses of it follow
_SENTENCE = re.compile(r"(?<=[.!?…])\s+")
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Speaker:
    entity_id: str | None
    name: str | None


def entity_id(label: str, key: str) -> str:
    return "E" + hashlib.sha1(f"{label}:{key}".encode()).hexdigest()[:12]


def quote_sentence_keys(text: str) -> list[str]:
    """Keys of a quotation's sentences: lower-cased words, punctuation and quotation marks dropped."""
    keys = []
    for sentence in _SENTENCE.split(text):
        words = _NON_WORD.sub(" ", fold(sentence)).split()
        if len(words) >= QUOTE_KEY_MIN_WORDS:
            keys.append(hashlib.sha1(" ".join(words).encode()).hexdigest()[:20])
    return keys


def _keys_of(entity: LocalEntity) -> tuple[list[str], list[str]]:
    """(full keys, surname keys) of a local entity, as stored."""
    full = sorted(" ".join(k) for k in entity.keys if k)
    surnames = sorted({k[-1] for k in entity.keys if len(k) >= 2}) if entity.label == "PER" else []
    return full, surnames


def _loose_keys_of(entity: LocalEntity) -> list[str]:
    """The loose keys of a person's full names (``names.loose_key``), as stored."""
    if entity.label != "PER":
        return []
    return sorted({f"loose:{' '.join(k)}" for k in (loose_key(key) for key in entity.keys) if k})


# The statements run for every entity of every article, built once: a statement built per call costs
# more in SQLAlchemy's compilation cache than in the database.
_LOOKUP = text(
    "SELECT entities.id, entities.mentions FROM entities JOIN entity_keys ON entity_keys.entity_id = entities.id "
    "WHERE entity_keys.key IN :keys ORDER BY entities.mentions DESC, entities.id"
).bindparams(bindparam("keys", expanding=True))
_ENTITY = select(schema.entities).where(schema.entities.c.id == bindparam("eid"))
_UPDATE_ENTITY = (
    update(schema.entities)
    .where(schema.entities.c.id == bindparam("eid"))
    .values(
        name=bindparam("name"),
        type=bindparam("kind"),
        labels=bindparam("labels"),
        forms=bindparam("forms"),
        aliases=bindparam("aliases"),
        mentions=bindparam("mentions"),
    )
)
_COUNT_QUOTE = (
    update(schema.entities)
    .where(schema.entities.c.id == bindparam("eid"))
    .values(quotes=schema.entities.c.quotes + 1)
)
_INHERIT = (
    update(schema.quotes)
    .where(and_(schema.quotes.c.article_id == bindparam("aid"), schema.quotes.c.idx == bindparam("qidx")))
    .values(
        speaker_id=bindparam("speaker"),
        evidence="inherited",
        confidence=bindparam("confidence"),
        inherited_from=bindparam("source"),
    )
)

_q, _qk = schema.quotes, schema.quote_keys


def _same_words(*columns: Any) -> Any:
    """Quotations of other articles than ``:aid`` that have any of the sentence keys ``:keys``."""
    return (
        select(*columns)
        .join(_qk, and_(_qk.c.article_id == _q.c.article_id, _qk.c.idx == _q.c.idx))
        .where(_qk.c.key.in_(bindparam("keys", expanding=True)), _q.c.article_id != bindparam("aid"))
    )


_SPOKEN = (  # one with a speaker, the most confident
    _same_words(_q.c.article_id, _q.c.speaker_id)
    .where(_q.c.speaker_id.is_not(None))
    .order_by(_q.c.confidence.desc(), _q.c.article_id)
    .limit(1)
)
_WAITING = _same_words(_q.c.article_id, _q.c.idx).where(_q.c.speaker_id.is_(None))  # all without one


def _lookup(conn: Connection, keys: list[str]) -> list[tuple[str, int]]:
    """(entity id, mentions) of the entities with any of ``keys``, best-known first."""
    if not keys:
        return []
    rows = conn.execute(_LOOKUP, {"keys": keys}).all()
    seen: dict[str, int] = {}
    for row in rows:
        seen.setdefault(row[0], row[1])
    return list(seen.items())


def _link_one(conn: Connection, entity: LocalEntity) -> str:
    """The corpus entity id of an article's entity (created if new)."""
    full, surnames = _keys_of(entity)
    multi = [k for k in full if " " in k]
    found: list[tuple[str, int]] = []
    if entity.label == "PER":
        if multi:
            found = _lookup(conn, [f"full:{k}" for k in multi])
            if not found:  # another transliteration of the name ("Moamer" and "Mouammar Kadhafi"), if
                loose = _lookup(conn, _loose_keys_of(entity))  # only one person is written so
                found = loose if len(loose) == 1 and _entity_type(conn, loose[0][0]) == "PER" else []
            if not found:  # a surname-only entity stored earlier gets its full name…
                found = [
                    (i, n)
                    for i, n in _lookup(conn, [f"full:{s}" for s in surnames])
                    if _entity_type(conn, i) == "PER" and not _has_full_name(conn, i)
                ]  # …unless it has one already ("Bill Clinton" is not "Hillary Clinton")
        else:
            found = _lookup(conn, [f"sur:{k}" for k in full]) or _lookup(conn, [f"full:{k}" for k in full])
    else:
        found = _lookup(conn, [f"full:{k}" for k in full])
    if found:
        return found[0][0]
    first = (multi or full or [fold(entity.name)])[0]
    new_id = entity_id(entity.label, first)
    conn.execute(
        schema.entities.insert(),
        {
            "id": new_id,
            "name": entity.name,
            "type": entity.label,
            "labels": "{}",
            "aliases": "[]",
            "forms": "{}",
            "mentions": 0,
            "quotes": 0,
        },
    )
    return new_id


def _has_full_name(conn: Connection, eid: str) -> bool:
    k = schema.entity_keys
    return (
        conn.execute(select(k.c.key).where(k.c.entity_id == eid, k.c.key.like("full:% %")).limit(1)).first()
        is not None
    )


def _entity_type(conn: Connection, eid: str) -> str | None:
    return conn.execute(select(schema.entities.c.type).where(schema.entities.c.id == eid)).scalar()


# One statement for every key of an entity (SQLite and PostgreSQL share the upsert syntax).
_ADD_KEY = text(
    "INSERT INTO entity_keys (key, entity_id, n) VALUES (:key, :eid, 1) "
    "ON CONFLICT (key, entity_id) DO UPDATE SET n = entity_keys.n + 1"
)


def _add_keys(conn: Connection, eid: str, keys: list[str]) -> None:
    if keys:
        conn.execute(_ADD_KEY, [{"key": key, "eid": eid} for key in keys])


def _update_entity(
    conn: Connection, eid: str, entity: LocalEntity, surfaces: list[str], labels: Counter[str], mentions: int
) -> None:
    row = conn.execute(_ENTITY, {"eid": eid}).mappings().one()
    aliases: list[str] = json.loads(row["aliases"])
    for s in surfaces:
        if s not in aliases and len(aliases) < MAX_ALIASES:
            aliases.append(s)
    counts = Counter(json.loads(row["labels"])) + labels
    forms = Counter(json.loads(row["forms"])) + Counter(entity.names or [entity.name])
    # The fullest name form, then the most used, then the first in alphabetical order: the same
    # whatever order the articles came in.
    if max(counts, key=lambda label: (counts[label], label)) == "PER":
        # The fullest form among those used twice or more (one odd span of the model, "Arraï Muammar
        # Kadhafi", does not rename a person), then the most used, then alphabetical.
        full = [f for f in forms if len(f.split()) >= 2] or list(forms)
        repeated = max(forms[f] for f in full) >= 2
        name = min(full, key=lambda f: (repeated and forms[f] < 2, -len(f.split()), -forms[f], f))
    else:  # "États-Unis" written most often, not the rarer "États Unis"
        name = min(forms, key=lambda f: (-forms[f], -len(f), f))
    kind = max(sorted(counts), key=lambda label: counts[label]) if counts else row["type"]
    conn.execute(
        _UPDATE_ENTITY,
        {
            "eid": eid,
            "name": name,
            "kind": kind,
            "labels": json.dumps(dict(sorted(counts.items()))),
            "forms": json.dumps(dict(sorted(forms.items())), ensure_ascii=False),
            "aliases": json.dumps(aliases, ensure_ascii=False),
            "mentions": row["mentions"] + mentions,
        },
    )


def _learned_role(conn: Connection, role_key: str) -> str | None:
    """The entity other articles apposed this role to: only a specific role ("conseiller du
    kremlin", never a bare "porte-parole"), apposed at least ``LEARNED_ROLE_MIN`` times, to one
    entity far more than to any other."""
    if " " not in role_key:
        return None
    k = schema.entity_keys
    rows = conn.execute(
        select(k.c.entity_id, k.c.n)
        .where(k.c.key == f"role:{role_key}")
        .order_by(k.c.n.desc(), k.c.entity_id)
        .limit(2)
    ).all()
    if not rows or rows[0][1] < LEARNED_ROLE_MIN:
        return None
    if len(rows) > 1 and rows[1][1] * 2 > rows[0][1]:
        return None  # the role has had several holders: ambiguous
    return str(rows[0][0])


def save_annotations(conn: Connection, article_id: str, ann: Annotations) -> None:
    """Link an article's entities to the corpus and store its mentions and quotations."""
    found = ann.entities
    ids: dict[int, str] = {}
    for entity in found.entities:
        if not entity.mentions:
            continue
        eid = _link_one(conn, entity)
        ids[entity.index] = eid
        full, surnames = _keys_of(entity)
        keys = [f"full:{k}" for k in full] + [f"sur:{s}" for s in surnames] + _loose_keys_of(entity)
        keys += [f"role:{r}" for r in sorted(entity.roles)]
        _add_keys(conn, eid, keys)
        ms = [found.mentions[j] for j in entity.mentions]
        surfaces = list(dict.fromkeys([m.text for m in ms] + entity.names))  # "M. Trump" and "Trump"
        labels = Counter(m.label for m in ms if m.kind == "name") or Counter({entity.label: len(ms)})
        _update_entity(conn, eid, entity, surfaces, labels, len(ms))
    role_ids: dict[int, str] = {}  # mentions resolved through other articles' appositions
    rows: list[dict[str, Any]] = []
    for i, m in enumerate(found.mentions):
        linked: str | None = ids.get(m.entity) if m.entity is not None else None
        evidence = m.evidence
        if linked is None and m.kind == "role" and m.role_key and m.label == "PER":
            linked = _learned_role(conn, m.role_key)
            if linked is not None:
                role_ids[i] = linked
                evidence = "learned role"
        rows.append(
            {
                "article_id": article_id,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "label": m.label,
                "kind": m.kind,
                "entity_id": linked,
                "role_key": m.role_key,
                "evidence": evidence or m.kind,
            }
        )
    if rows:
        conn.execute(schema.mentions.insert(), rows)
    _save_quotes(conn, article_id, ann, ids, role_ids)


def _save_quotes(
    conn: Connection, article_id: str, ann: Annotations, ids: dict[int, str], role_ids: dict[int, str]
) -> None:
    q, qk = schema.quotes, schema.quote_keys
    by_start = {m.start: i for i, m in enumerate(ann.entities.mentions)}
    for idx, quote in enumerate(ann.quotes):
        speaker = ids.get(quote.speaker) if quote.speaker is not None else None
        evidence, confidence, inherited = quote.evidence, quote.confidence, None
        if speaker is None and quote.speaker_start is not None and quote.speaker_start in by_start:
            speaker = role_ids.get(by_start[quote.speaker_start])
            if speaker is not None:
                evidence = "learned role"
        keys = quote_sentence_keys(quote.text)
        if speaker is None and keys:
            other = conn.execute(_SPOKEN, {"keys": keys, "aid": article_id}).first()
            if other is not None:
                inherited, speaker = other[0], other[1]
                evidence, confidence = "inherited", INHERITED_CONFIDENCE
        elif speaker is not None and keys:
            # Quotations stored earlier with these words and no speaker take this one.
            waiting = conn.execute(_WAITING, {"keys": keys, "aid": article_id}).all()
            for other_article, other_idx in sorted(set(waiting)):
                conn.execute(
                    _INHERIT,
                    {
                        "aid": other_article,
                        "qidx": other_idx,
                        "speaker": speaker,
                        "confidence": INHERITED_CONFIDENCE,
                        "source": article_id,
                    },
                )
                _count_quote(conn, speaker)
        conn.execute(
            q.insert(),
            {
                "article_id": article_id,
                "idx": idx,
                "start": quote.start,
                "end": quote.end,
                "text": quote.text,
                "kind": quote.kind,
                "cue": quote.cue,
                "speaker_id": speaker,
                "speaker_text": quote.speaker_text,
                "confidence": confidence,
                "evidence": evidence,
                "inherited_from": inherited,
            },
        )
        if keys:
            conn.execute(qk.insert(), [{"key": k, "article_id": article_id, "idx": idx} for k in keys])
        if speaker is not None:
            _count_quote(conn, speaker)


def _count_quote(conn: Connection, eid: str) -> None:
    conn.execute(_COUNT_QUOTE, {"eid": eid})


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(schema.entities)).scalar() or 0)


# --- reading -------------------------------------------------------------------------------------


def entity_record(row: Any) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "type": row["type"],
        "aliases": [a for a in json.loads(row["aliases"]) if a != row["name"]],
        "mentions": row["mentions"],
        "quotes": row["quotes"],
    }


def quote_record(row: Any, names: dict[str, str]) -> dict[str, Any]:
    speaker_id = row["speaker_id"]
    return {
        "article_id": row["article_id"],
        "start": row["start"],
        "end": row["end"],
        "text": row["text"],
        "kind": row["kind"],
        "cue": row["cue"],
        "speaker": {"entity_id": speaker_id, "name": names.get(speaker_id, "")} if speaker_id else None,
        "speaker_text": row["speaker_text"],
        "confidence": row["confidence"],
        "evidence": row["evidence"],
        "inherited_from": row["inherited_from"],
    }


def mention_record(row: Any) -> dict[str, Any]:
    return {
        "start": row["start"],
        "end": row["end"],
        "text": row["text"],
        "entity_id": row["entity_id"],
        "label": row["label"],
        "kind": row["kind"],
    }


def matching_entities(conn: Connection, name: str, *, every: bool = False) -> list[str]:
    """Ids of the entities ``name`` designates: an id, or a name or alias (accents and case ignored),
    exact matches first, else those containing it (with ``every``, those too: a filter's matches)."""
    e = schema.entities
    if conn.execute(select(e.c.id).where(e.c.id == name)).first():
        return [name]
    wanted = fold(name).strip()
    exact: list[str] = []
    partial: list[str] = []
    for row in conn.execute(select(e.c.id, e.c.name, e.c.aliases).order_by(e.c.mentions.desc(), e.c.id)):
        forms = [fold(row[1])] + [fold(a) for a in json.loads(row[2])]
        if wanted in forms:
            exact.append(row[0])
        elif any(wanted in f for f in forms):
            partial.append(row[0])
    return exact + partial if every else exact or partial
