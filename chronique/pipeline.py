"""The flow of data: documents → cleaned, dated articles → store, with a summary of what happened.

Every face (CLI, Python API, benchmarks) calls these functions; none of them prints.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from chronique.clean import LineStats, article_line_keys, clean
from chronique.cluster import vector_of
from chronique.cluster.vectors import Vector
from chronique.dates.corpus import Dated, refine
from chronique.dates.events import DatedSentence, date_sentences
from chronique.dates.publication import DateEvidence, collect_evidence, date_article, partial_of
from chronique.dates.timex import EVENT_DAY, TOLD_DAY, Timex, find_timexes, resolve_all
from chronique.errors import InputError
from chronique.ingest import read_inputs
from chronique.ingest.readers import Item
from chronique.lang import get_language
from chronique.model import Article, Document, PublicationDate
from chronique.nlp.analysis import Annotations, annotate, ner_model
from chronique.reuse.persist import update_reuse
from chronique.settings import Settings
from chronique.store import Store

log = logging.getLogger("chronique")

# Removed spans whose dates say nothing about publication (a rights notice's year is the render's).
_NOT_DATE_EVIDENCE = {"copyright", "related", "navigation", "share", "subscriber", "learned", "comments"}


@dataclass(frozen=True)
class Skipped:
    origin: str
    problem: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.problem}"


@dataclass
class RunResult:
    """What a run did: the articles of its input (new or already stored), what it skipped and why."""

    articles: list[Article] = field(default_factory=list)
    added: int = 0
    already_stored: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    redated: int = 0
    reuse_pairs: int = 0  # new or re-directed reuse pairs
    seconds: float = 0.0

    @property
    def skipped_by_reason(self) -> Counter[str]:
        return Counter(_reason_class(s.problem) for s in self.skipped)


def _reason_class(problem: str) -> str:
    return problem.split(" (")[0]


def analyse(doc: Document, stats: LineStats | None = None, today: dt.date | None = None) -> Article:
    """Clean and date one document on its own evidence (no store, no other articles)."""
    return _analyse(doc, stats, today)[0]


def _analyse(doc: Document, stats: LineStats | None, today: dt.date | None) -> tuple[Article, DateEvidence]:
    lang = get_language(doc.language)
    cleaned = clean(doc.raw_text, lang, title=doc.title, source=doc.source, stats=stats)
    article = Article(
        id=doc.id,
        raw_text=doc.raw_text,
        text=cleaned.text,
        file=doc.file,
        url=doc.url,
        title=cleaned.title,
        source=doc.source,
        language=lang.code,
        removed=cleaned.removed,
        segments=cleaned.segments,
        metadata={**cleaned.metadata, "crawled": doc.crawled} if doc.crawled else cleaned.metadata,
        external_id=doc.external_id,
        encoding=doc.encoding,
        original=doc.original,
        declared_published=doc.declared_published,
    )
    ev = evidence(article)
    article.published = date_article(ev, lang, today or dt.date.today())
    return article, ev


def evidence(article: Article) -> DateEvidence:
    lang = get_language(article.language)
    removed = [r.text for r in article.removed if r.reason not in _NOT_DATE_EVIDENCE]
    return collect_evidence(article.text, article.metadata, removed, lang, article.declared_published)


def timexes(article: Article) -> list[Timex]:
    """The temporal expressions of the cleaned text, resolved against the publication date."""
    lang = get_language(article.language)
    anchor = partial_of(article.published)
    return resolve_all(find_timexes(article.text, lang, durations=True), anchor)


def timex_details(article: Article) -> list[dict[str, object]]:
    """Each temporal expression with its value and how it was reached, for ``chronique dates``."""
    lang = get_language(article.language)
    anchor = partial_of(article.published)
    out: list[dict[str, object]] = []
    matches = find_timexes(article.text, lang, durations=True)
    for m, timex in zip(matches, resolve_all(matches, anchor), strict=True):
        tense = "future" if m.direction > 0 else "past"
        if m.kind == TOLD_DAY:
            how = f"{m.kind}, shift {m.shift:+d} from the day the text last named (else the publication date)"
        elif m.kind == EVENT_DAY:
            how = f"{m.kind}: the day of an event the text names, not a date"
        elif m.explicit_shift:
            how = f"{m.kind}, shift {m.shift:+d} from the publication date"
        elif m.year is not None:
            how = f"{m.kind}, year given"
        else:
            how = f"{m.kind}, {tense} tense: anchored on the publication date ({anchor.pattern()})"
        if timex.value is None and m.kind != EVENT_DAY:
            how += "; unresolved (publication date too coarse)"
        out.append({**timex.as_dict(), "kind": m.kind, "reasoning": how})
    return out


def dated_sentences(article: Article) -> list[DatedSentence]:
    """Each sentence of the article with the date of what it reports."""
    return date_sentences(article.text, partial_of(article.published), get_language(article.language))


def ingest(
    inputs: Iterable[str],
    store: Store,
    settings: Settings,
    *,
    today: dt.date | None = None,
    on_item: Callable[[str], None] | None = None,
) -> RunResult:
    """Read, clean, date and store every article of ``inputs``; bad inputs are reported and skipped.

    Articles are written one batch per transaction; a rerun after a crash skips what was stored and
    completes the rest. Publication dates are then refined across the run's articles and the stored
    ones on the same events.
    """
    items = read_inputs(inputs, settings.max_file_bytes, settings.max_line_bytes)
    return ingest_items(items, store, settings, today=today, on_item=on_item)


def ingest_items(
    items: Iterable[Item],
    store: Store,
    settings: Settings,
    *,
    today: dt.date | None = None,
    on_item: Callable[[str], None] | None = None,
) -> RunResult:
    """:func:`ingest` of documents already read (an HTTP request's body, a feed): each error item is
    reported and skipped."""
    started = time.perf_counter()
    today = today or dt.date.today()
    result = RunResult()
    prepare_store(store, settings)
    known: dict[str, DateEvidence] = {}  # the date evidence analysis found, reused when redating
    new_articles: list[Article] = []
    for new_docs, stats in plan_batches(items, store, settings, result, on_item):
        done = analyse_batch(new_docs, stats, settings, today)
        result.added += store.add(done.articles, stats, done.annotations, done.vectors, done.dated)
        record_batch(done, result, known, new_articles)
    finish_run(store, today, result, known, new_articles)
    result.seconds = time.perf_counter() - started
    return result


@dataclass
class Analysed:
    """One batch through the per-article stages: everything the store needs to write it."""

    articles: list[Article]
    known: dict[str, DateEvidence]
    annotations: dict[str, Annotations] | None
    vectors: dict[str, Vector]
    dated: dict[str, list[DatedSentence]]
    skipped: list[Skipped]


def prepare_store(store: Store, settings: Settings) -> None:
    """Bring a store written by an older Chronique up to date (entities, clusters) before a run."""
    if settings.nlp:
        annotate_stored(store, settings)
    cluster_stored(store, settings)


def plan_batches(
    items: Iterable[Item],
    store: Store,
    settings: Settings,
    result: RunResult,
    on_item: Callable[[str], None] | None = None,
) -> Iterator[tuple[list[Document], LineStats]]:
    """Batches of the documents to analyse (those not stored nor seen earlier in the run), each with
    the learned-boilerplate counts as they stand once the batch is counted in. The same counts object
    is yielded each time; its increments since the last write are what the store will add."""
    stats = store.line_stats(settings.learned_min_articles, settings.learned_min_share)
    seen: set[str] = set()
    for batch in _batches(items, settings.batch_size, result, on_item):
        stored = store.existing([d.id for d in batch])
        new_docs: list[Document] = []
        for doc in batch:
            if doc.id in stored or doc.id in seen:
                result.already_stored += 1
                if doc.id not in seen:
                    seen.add(doc.id)
                    found = store.get(doc.id)
                    if found is not None:
                        result.articles.append(found)
                continue
            seen.add(doc.id)
            new_docs.append(doc)
            stats.add(doc.source, article_line_keys(doc.raw_text))
        yield new_docs, stats


def analyse_batch(docs: Sequence[Document], stats: LineStats, settings: Settings, today: dt.date) -> Analysed:
    """The per-article stages of one batch: cleaning, dating, entities and quotations, vectors,
    dated sentences. Needs no store: this is what ``chronique batch`` runs on its workers."""
    fresh: list[Article] = []
    known: dict[str, DateEvidence] = {}
    skipped: list[Skipped] = []
    for doc in docs:
        try:
            article, known[doc.id] = _analyse(doc, stats, today)
            fresh.append(article)
        except Exception as exc:  # one article never stops the batch
            log.exception(
                "article %s (%s) failed",
                doc.id,
                doc.origin,
                extra={"stage": "analyse", "article_id": doc.id, "origin": doc.origin},
            )
            skipped.append(Skipped(doc.origin, f"analysis failed ({type(exc).__name__}: {exc})"))
    annotations = people_of(fresh, settings) if settings.nlp else None
    vectors = {a.id: vector_of(a.text, a.title, _names(annotations, a.id), a.language) for a in fresh}
    dated = {a.id: dated_sentences(a) for a in fresh}
    return Analysed(fresh, known, annotations, vectors, dated, skipped)


def record_batch(
    done: Analysed, result: RunResult, known: dict[str, DateEvidence], new_articles: list[Article]
) -> None:
    result.skipped.extend(done.skipped)
    result.articles.extend(done.articles)
    known.update(done.known)
    new_articles.extend(done.articles)


def finish_run(
    store: Store,
    today: dt.date,
    result: RunResult,
    known: dict[str, DateEvidence],
    new_articles: list[Article],
) -> None:
    """After the last batch: publication dates refined across articles, then the reuse index."""
    changed = redate(result.articles, store, today, known)
    result.redated = len(changed)
    result.reuse_pairs = update_reuse(store, new_articles, changed)


def people_of(articles: Sequence[Article], settings: Settings) -> dict[str, Annotations]:
    """Entities and quotations of each article (the NER model runs over all their lines at once)."""
    items = ((a.text, a.language, a.published.value) for a in articles)
    found = annotate(items, ner_model(settings.model))
    return {a.id: ann for a, ann in zip(articles, found, strict=True)}


def annotate_stored(store: Store, settings: Settings) -> int:
    """Give stored articles that have none (a database from before this stage) their entities and
    quotations; returns how many were annotated."""
    done = 0
    for batch in _chunked(store.iter_articles(after=store.annotated_through()), settings.batch_size):
        store.save_people(people_of(batch, settings), through=max(a.seq or 0 for a in batch))
        done += len(batch)
    return done


def _chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def _names(annotations: dict[str, Annotations] | None, article_id: str) -> list[str]:
    ann = annotations.get(article_id) if annotations else None
    if ann is None:
        return []
    found = ann.entities
    return [found.entities[m.entity].name for m in found.mentions if m.entity is not None]


def cluster_stored(store: Store, settings: Settings) -> int:
    """Put stored articles that are in no story (a database from before stories) into stories and
    events, in ingest order; returns how many."""
    done = 0
    for batch in _chunked(store.iter_articles(after=store.clustered_through()), settings.batch_size):
        vectors = {a.id: vector_of(a.text, a.title, store.entity_names_of(a.id), a.language) for a in batch}
        store.save_clusters(batch, vectors)
        done += len(batch)
    return done


def _batches(
    items: Iterable[Item],
    size: int,
    result: RunResult,
    on_item: Callable[[str], None] | None,
) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        if on_item is not None:
            on_item(item.origin)
        if isinstance(item, InputError):
            log.warning("skipped %s", item.message, extra={"stage": "read", "origin": item.origin})
            result.skipped.append(Skipped(item.origin, item.problem))
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def redate(
    articles: list[Article],
    store: Store,
    today: dt.date,
    known: dict[str, DateEvidence] | None = None,
    related_limit: int = 20,
) -> dict[str, PublicationDate]:
    """Refine publication dates across articles (the run's and stored ones on the same events).

    Dates that came from other articles are derived again from scratch each time, so the result does
    not depend on the order articles arrived in. A stored article outside the run whose date was
    lent by an article not among those compared this time only ever gains: its date changes when the
    new one is finer, or as fine and surer. Returns the dates that changed; they are stored and
    applied to ``articles``.
    """
    if not articles:
        return {}
    pool: dict[str, Article] = {a.id: a for a in articles}
    articles_ids = set(pool)
    wanted: set[str] = set()
    for article in articles:
        if article.published.granularity != "day" or article.published.method == "corpus":
            wanted.update(
                i for i in store.search_ids(_key_terms(article), limit=related_limit) if i not in pool
            )
    for other in store.articles(ids=sorted(wanted)):
        pool[other.id] = other
    ordered = sorted(pool.values(), key=lambda a: (a.seq if a.seq is not None else 1 << 62, a.id))
    labels = {a.file or a.id for a in ordered}
    lang = get_language(ordered[0].language)
    dated = []
    for a in ordered:
        ev = known[a.id] if known and a.id in known else evidence(a)
        own = date_article(ev, lang, today) if a.published.method == "corpus" else a.published
        dated.append(Dated(a.id, a.file or a.id, a.text, ev, own))
    updates = refine(dated, lang, today)
    changed = {}
    for a, d in zip(ordered, dated, strict=True):
        final = updates.get(a.id, d.published)
        if final == a.published:
            continue
        if a.id in articles_ids or _lender_compared(a, labels) or _better(final, a.published):
            changed[a.id] = final
    if not changed:
        return {}
    store.update_published(changed)
    for article in pool.values():
        if article.id in changed:
            article.published = changed[article.id]
    store.save_sentence_dates({a.id: dated_sentences(a) for a in pool.values() if a.id in changed})
    return changed


def _lender_compared(article: Article, labels: set[str]) -> bool:
    """Whether the article whose date this one borrowed (named in its evidence) is among ``labels``,
    those compared now (an article with its own evidence borrowed nothing)."""
    if article.published.method != "corpus":
        return True
    own = article.file or article.id
    return any(label != own and label in article.published.evidence for label in labels)


_FINENESS = {"unknown": 0, "year": 1, "month": 2, "day": 3}


def _better(new: PublicationDate, old: PublicationDate) -> bool:
    """Whether ``new`` says more than ``old``: finer, or as fine and surer."""
    a, b = _FINENESS.get(new.granularity, 0), _FINENESS.get(old.granularity, 0)
    return a > b or (a == b and new.confidence > old.confidence)


def _key_terms(article: Article, n: int = 8) -> str:
    """The article's rarest frequent words, as an OR query for finding articles on the same events."""
    from chronique.dates.corpus import tokens

    lang = get_language(article.language)
    background, total = lang.document_frequencies()
    counts = Counter(tokens(article.text, lang))
    ranked = sorted(counts, key=lambda w: (-(counts[w] * (total + 1) / (1 + background.get(w, 0))), w))
    return " OR ".join(ranked[:n])
