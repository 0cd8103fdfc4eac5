"""Reuse benchmark: recall, precision, time and memory of the reuse detector on synthetic corpora.

A corpus of ``n`` short documents (about 60 words) is generated with a fixed seed from the words of the
RPM2 articles: each document is a cut-up of 25 to 35 fragments of 1 to 3 consecutive words taken at
random places of the RPM2 sentences (punctuation and quote marks as they come). Such documents share no
passage by chance, so every pair the detector reports beyond the planted ones is a false positive.
A share ``dup_rate`` of the documents (10 % by default) are planted near-duplicates: the copy of a
random earlier original (each original copied once), with small edits drawn at random:

- 0 to 3 words replaced by random words, and a word deleted (30 %);
- punctuation and quote marks changed (50 %): ``«»`` ↔ ``""``, ``’`` → ``'``, commas dropped;
- a word's case changed (20 %);
- a sentence of 10 to 20 words glued before or after the text (50 %);
- the last tenth of the text cut (20 %).

The detector (``ReuseDetector`` with its defaults) then takes the documents one by one, in order, each
copy after its original. Recall is the share of planted pairs reported as near-duplicates (and, looser,
reported at all); precision is the share of reported near-duplicate pairs that were planted. Time is
the wall time of the ``add`` loop only (generation excluded); per-document time is also taken over the
last tenth of the loop, when the index is nearly full. Memory: the process's peak RSS
(``getrusage``, interpreter, numpy, the generated corpus and the detector included: an upper bound)
and, with ``trace_memory``, the ``tracemalloc`` peak of the loop (which slows it down). With
``isolate`` every size runs in a fresh interpreter so that peaks do not carry over.
"""

from __future__ import annotations

import gc
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronique.reuse import ReuseDetector, ReuseParams

DEFAULT_SIZES = (10_000, 100_000)
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "data" / "rpm2" / "documents"
TARGET_RECALL = 0.97
TARGET_SECONDS_100K = 10.0
TARGET_MB_100K = 600.0
_SENTENCE_END = re.compile(r"(?<=[.!?»\"])\s+(?=[A-ZÀ-Ý«\"])")


@dataclass
class SyntheticCorpus:
    """Generated documents and the planted (original, copy) pairs, as positions in ``texts``."""

    texts: list[str]
    planted: list[tuple[int, int]]
    words: int

    def ids(self) -> list[str]:
        return [f"d{i:07d}" for i in range(len(self.texts))]


def rpm2_sentences(folder: str | Path = DEFAULT_CORPUS) -> list[list[str]]:
    """The distinct sentences of the RPM2 articles (UTF-8 with BOM), as lists of whitespace words."""
    files = sorted(Path(folder).glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no .txt file in {folder}: pass the folder of the RPM2 documents")
    seen: set[str] = set()
    out: list[list[str]] = []
    for f in files:
        for line in f.read_text(encoding="utf-8-sig").splitlines():
            for sentence in _SENTENCE_END.split(line.strip()):
                if len(sentence.split()) >= 4 and sentence not in seen:
                    seen.add(sentence)
                    out.append(sentence.split())
    return out


_QUOTES = str.maketrans({"«": '"', "»": '"', "’": "'"})
_QUOTES_BACK = str.maketrans({"“": "«", "”": "»"})


def _edit(text: str, rng: random.Random, pool: list[str], fragment: Any) -> str:
    ws = text.split()
    for _ in range(rng.randint(0, 3)):
        ws[rng.randrange(len(ws))] = rng.choice(pool)
    if rng.random() < 0.3 and len(ws) > 20:
        del ws[rng.randrange(len(ws))]
    if rng.random() < 0.2:
        i = rng.randrange(len(ws))
        ws[i] = ws[i].upper() if rng.random() < 0.5 else ws[i].capitalize()
    if rng.random() < 0.2:
        ws = ws[: len(ws) - len(ws) // 10]
    out = " ".join(ws)
    if rng.random() < 0.5:
        out = out.translate(_QUOTES).replace(",", "") if rng.random() < 0.5 else out.replace('"', "«")
    if rng.random() < 0.5:
        glued = fragment(rng.randint(10, 20)).rstrip(".") + "."
        out = f"{glued} {out}" if rng.random() < 0.5 else f"{out.rstrip('.')} {glued[0].lower()}{glued[1:]}"
    return out


def synthesize(
    n: int, sentences: list[list[str]] | None = None, *, seed: int = 0, dup_rate: float = 0.1
) -> SyntheticCorpus:
    """``n`` short documents from RPM2 sentences with planted near-duplicates (see the module docstring)."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 2:
        raise ValueError(f"n must be an int >= 2 (documents to generate), got {n!r}")
    if not 0.0 <= dup_rate <= 0.5:
        raise ValueError(
            f"dup_rate must be in [0, 0.5] (share of documents that are copies), got {dup_rate!r}"
        )
    sentences = sentences if sentences is not None else rpm2_sentences()
    flat = [w for s in sentences for w in s]
    if len(flat) < 1000:
        raise ValueError(f"{len(flat)} words of source text: the generator needs at least 1,000")
    rng = random.Random(seed)
    top = len(flat) - 3
    rand = rng.random
    randrange = rng.randrange

    def fragment(target: int) -> str:
        out: list[str] = []
        while len(out) < target:
            p = randrange(top)
            out.extend(flat[p : p + 1 + int(rand() * 3)])
        return " ".join(out)

    texts: list[str] = []
    planted: list[tuple[int, int]] = []
    is_copy = [False] * n
    used = [False] * n
    words = 0
    for i in range(n):
        if i >= 10 and rand() < dup_rate:
            for _ in range(20):  # an earlier original, not a copy, not copied yet
                o = randrange(i)
                if not is_copy[o] and not used[o]:
                    break
            else:
                o = -1
            if o >= 0:
                used[o] = True
                is_copy[i] = True
                planted.append((o, i))
                texts.append(_edit(texts[o], rng, flat, fragment))
                words += len(texts[-1].split())
                continue
        doc = fragment(50 + randrange(21))
        texts.append(doc[0].upper() + doc[1:] + ".")
        words += doc.count(" ") + 1
    return SyntheticCorpus(texts, planted, words)


def peak_rss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


@dataclass
class ReuseBenchRow:
    """The figures of one corpus size."""

    documents: int
    words: int
    planted: int
    reported_pairs: int  # every pair with a passage
    reported_duplicates: int  # pairs flagged near-duplicate
    found_duplicates: int  # planted pairs flagged near-duplicate (right direction)
    found_pairs: int  # planted pairs reported at all
    reversed_pairs: int  # planted pairs reported with the copy as source
    seconds: float
    last_tenth_us: float  # mean time per add over the last tenth of the loop
    generate_seconds: float
    peak_rss_bytes: int
    peak_python_bytes: int | None
    index: dict[str, int] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.found_duplicates / self.planted if self.planted else 1.0

    @property
    def pair_recall(self) -> float:
        return self.found_pairs / self.planted if self.planted else 1.0

    @property
    def precision(self) -> float:
        return self.found_duplicates / self.reported_duplicates if self.reported_duplicates else 1.0

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    @property
    def us_per_doc(self) -> float:
        return self.seconds / self.documents * 1e6 if self.documents else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "words": self.words,
            "planted": self.planted,
            "reported_pairs": self.reported_pairs,
            "reported_duplicates": self.reported_duplicates,
            "found_duplicates": self.found_duplicates,
            "found_pairs": self.found_pairs,
            "reversed_pairs": self.reversed_pairs,
            "recall": round(self.recall, 4),
            "pair_recall": round(self.pair_recall, 4),
            "precision": round(self.precision, 4),
            "seconds": round(self.seconds, 3),
            "docs_per_s": round(self.docs_per_s, 1),
            "us_per_doc": round(self.us_per_doc, 2),
            "last_tenth_us_per_doc": round(self.last_tenth_us, 2),
            "generate_seconds": round(self.generate_seconds, 2),
            "peak_rss_bytes": self.peak_rss_bytes,
            "peak_python_bytes": self.peak_python_bytes,
            "index": self.index,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ReuseBenchRow:
        return cls(
            d["documents"],
            d["words"],
            d["planted"],
            d["reported_pairs"],
            d["reported_duplicates"],
            d["found_duplicates"],
            d["found_pairs"],
            d["reversed_pairs"],
            d["seconds"],
            d["last_tenth_us_per_doc"],
            d["generate_seconds"],
            d["peak_rss_bytes"],
            d["peak_python_bytes"],
            d.get("index", {}),
        )


@dataclass(frozen=True, slots=True)
class _Doc:
    id: str
    text: str


def measure(
    n: int,
    *,
    single: bool = False,
    seed: int = 0,
    dup_rate: float = 0.1,
    params: ReuseParams | None = None,
    trace_memory: bool = False,
    sentences: list[list[str]] | None = None,
) -> ReuseBenchRow:
    """Generate one corpus and run the detector over it, in this process.

    The documents go through ``ReuseDetector.add_many`` (batches of 2,048), or with ``single`` through
    ``add`` one by one.
    """
    t0 = time.perf_counter()
    corpus = synthesize(n, sentences, seed=seed, dup_rate=dup_rate)
    ids = corpus.ids()
    generate = time.perf_counter() - t0
    gc.collect()
    if trace_memory:
        tracemalloc.start()
    detector = ReuseDetector(params)
    tail = n - n // 10
    t0 = time.perf_counter()
    if single:
        add = detector.add
        for doc_id, text in zip(ids[:tail], corpus.texts[:tail], strict=True):
            add(doc_id, text)
        t_tail = time.perf_counter()
        for doc_id, text in zip(ids[tail:], corpus.texts[tail:], strict=True):
            add(doc_id, text)
    else:
        detector.add_many(_Doc(i, t) for i, t in zip(ids[:tail], corpus.texts[:tail], strict=True))
        t_tail = time.perf_counter()
        detector.add_many(_Doc(i, t) for i, t in zip(ids[tail:], corpus.texts[tail:], strict=True))
    end = time.perf_counter()
    peak_python = None
    if trace_memory:
        peak_python = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    planted = {(ids[o], ids[c]) for o, c in corpus.planted}
    pairs = detector.pairs()
    reported = {(p.source_id, p.target_id) for p in pairs}
    duplicates = {(p.source_id, p.target_id) for p in pairs if p.near_duplicate}
    return ReuseBenchRow(
        documents=n,
        words=corpus.words,
        planted=len(planted),
        reported_pairs=len(reported),
        reported_duplicates=len(duplicates),
        found_duplicates=len(planted & duplicates),
        found_pairs=len(planted & reported),
        reversed_pairs=len({(b, a) for a, b in planted} & reported),
        seconds=end - t0,
        last_tenth_us=(end - t_tail) / max(1, n - tail) * 1e6,
        generate_seconds=generate,
        peak_rss_bytes=peak_rss_bytes(),
        peak_python_bytes=peak_python,
        index=detector.index.stats(),
    )


@dataclass
class ReuseBenchResult:
    """Rows for every size, and whether the acceptance targets hold."""

    rows: list[ReuseBenchRow]
    seed: int
    dup_rate: float
    params: dict[str, Any]
    mode: str = "add_many"  # how documents were given to the detector
    cpus: int = field(default_factory=lambda: os.cpu_count() or 1)

    def per_doc_ratio(self) -> float | None:
        """Time per added document at the largest size over that at the smallest (last tenths)."""
        if len(self.rows) < 2:
            return None
        small, large = min(self.rows, key=lambda r: r.documents), max(self.rows, key=lambda r: r.documents)
        return large.last_tenth_us / small.last_tenth_us if small.last_tenth_us else None

    def checks(self) -> dict[str, bool]:
        out: dict[str, bool] = {}
        for r in self.rows:
            out[f"recall>={TARGET_RECALL} at {r.documents}"] = r.recall >= TARGET_RECALL
            if r.documents == 100_000:
                out[f"<={TARGET_SECONDS_100K:g} s at 100000"] = r.seconds <= TARGET_SECONDS_100K
                out[f"<={TARGET_MB_100K:g} MB peak RSS at 100000"] = r.peak_rss_bytes <= TARGET_MB_100K * 1e6
        ratio = self.per_doc_ratio()
        if ratio is not None:
            out["per-doc time largest/smallest <= 2"] = ratio <= 2.0
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "benchmark": "reuse",
            "seed": self.seed,
            "dup_rate": self.dup_rate,
            "params": self.params,
            "mode": self.mode,
            "cpus": self.cpus,
            "python": sys.version.split()[0],
            "rows": [r.as_dict() for r in self.rows],
            "per_doc_ratio": None if self.per_doc_ratio() is None else round(self.per_doc_ratio() or 0.0, 3),
            "checks": self.checks(),
        }

    def format(self) -> str:
        head = (
            f"{'docs':>9} {'planted':>8} {'recall':>7} {'any':>7} {'prec.':>7} {'pairs':>7} "
            f"{'seconds':>8} {'docs/s':>8} {'µs/doc':>7} {'µs/doc*':>8} {'peak RSS':>9} {'py peak':>8} {'runs':>4}"
        )
        lines = [
            f"Reuse benchmark: synthetic RPM2 cut-ups, ~60 words, {self.dup_rate:.0%} planted near-duplicates, "
            f"seed {self.seed}, {self.cpus} CPUs, ReuseDetector.{self.mode}",
            head,
            "-" * len(head),
        ]
        for r in self.rows:
            py = f"{r.peak_python_bytes / 1e6:7.0f}M" if r.peak_python_bytes is not None else f"{'-':>8}"
            lines.append(
                f"{r.documents:>9,} {r.planted:>8,} {r.recall:>7.4f} {r.pair_recall:>7.4f} {r.precision:>7.4f} "
                f"{r.reported_pairs:>7,} {r.seconds:>8.2f} {r.docs_per_s:>8,.0f} {r.us_per_doc:>7.1f} "
                f"{r.last_tenth_us:>8.1f} {r.peak_rss_bytes / 1e6:>8.0f}M {py} {r.index.get('runs', 0):>4}"
            )
        lines.append(
            "recall: planted pairs flagged near-duplicate (source = original); any: reported at all; "
            "µs/doc*: over the last tenth (index nearly full); peak RSS: whole process, corpus included"
        )
        ratio = self.per_doc_ratio()
        if ratio is not None:
            lines.append(f"per-document time, largest / smallest size: {ratio:.2f}×")
        lines += [f"  [{'ok' if ok else 'FAIL'}] {name}" for name, ok in self.checks().items()]
        return "\n".join(lines)


def run_reuse_bench(
    sizes: tuple[int, ...] | list[int] = DEFAULT_SIZES,
    *,
    seed: int = 0,
    dup_rate: float = 0.1,
    params: ReuseParams | None = None,
    trace_memory: bool = False,
    isolate: bool = True,
    single: bool = False,
) -> ReuseBenchResult:
    """Measure every size; with ``isolate`` each in a fresh interpreter (clean peak RSS)."""
    params = params or ReuseParams()
    rows: list[ReuseBenchRow] = []
    for n in sizes:
        if not isolate:
            rows.append(
                measure(
                    n, single=single, seed=seed, dup_rate=dup_rate, params=params, trace_memory=trace_memory
                )
            )
            continue
        spec = json.dumps(
            {
                "n": n,
                "single": single,
                "seed": seed,
                "dup_rate": dup_rate,
                "params": params.as_dict(),
                "trace": trace_memory,
            }
        )
        proc = subprocess.run(
            [sys.executable, "-m", "chronique.bench.reuse", spec],
            capture_output=True,
            text=True,
            check=False,
            cwd=str(Path(__file__).resolve().parents[2]),
        )
        if proc.returncode != 0:
            raise RuntimeError(f"reuse benchmark at n={n} failed:\n{proc.stderr[-2000:]}")
        rows.append(ReuseBenchRow.from_dict(json.loads(proc.stdout.strip().splitlines()[-1])))
    return ReuseBenchResult(rows, seed, dup_rate, params.as_dict(), "add" if single else "add_many")


def _child(spec: str) -> None:
    s = json.loads(spec)
    row = measure(
        s["n"],
        seed=s["seed"],
        dup_rate=s["dup_rate"],
        params=ReuseParams(**s["params"]),
        trace_memory=s["trace"],
    )
    print(json.dumps(row.as_dict()))


if __name__ == "__main__":  # the isolated child of run_reuse_bench
    _child(sys.argv[1])
