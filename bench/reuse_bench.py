"""Reuse benchmark from a checkout: ``python bench/reuse_bench.py [--sizes N …] [--million] [--json]``.

Synthetic corpora of short documents cut up from the RPM2 sentences, with 10 % planted
near-duplicates (small edits, quote and punctuation changes, glued sentences); the reuse detector
takes them one by one. Prints recall, precision, seconds, documents/s, time per document and peak
memory per size (``chronique.bench.reuse`` has the details). ``--million`` adds the 1,000,000-document
corpus (a few minutes, about 2 GB of RAM for the corpus and the process).

``--datasketch`` also runs datasketch's MinHash LSH over the same corpora (candidate generation only:
it finds no passage), for the comparison that chose the shingle index. It needs ``pip install
datasketch==2.0.0``; Chronique does not depend on it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from chronique.bench.reuse import DEFAULT_SIZES, peak_rss_bytes, run_reuse_bench, synthesize  # noqa: E402
from chronique.reuse import ReuseParams  # noqa: E402
from chronique.reuse.shingles import WORD, normalise_word  # noqa: E402


def datasketch_row(n: int, seed: int, dup_rate: float, threshold: float, num_perm: int) -> dict[str, Any]:
    """MinHash LSH (datasketch) over the same corpus: query then insert each document, in order."""
    from datasketch import MinHash, MinHashLSH  # type: ignore[import-not-found, import-untyped, unused-ignore]

    corpus = synthesize(n, seed=seed, dup_rate=dup_rate)
    ids = corpus.ids()
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    found: set[tuple[str, str]] = set()
    t0 = time.perf_counter()
    for doc_id, text in zip(ids, corpus.texts, strict=True):
        ws = [normalise_word(w) for w in WORD.findall(text)]
        shingles = {" ".join(ws[i : i + 5]).encode("utf-8") for i in range(max(1, len(ws) - 4))}
        m = MinHash(num_perm=num_perm, seed=1)
        m.update_batch(list(shingles))
        for other in lsh.query(m):
            found.add((other, doc_id))
        lsh.insert(doc_id, m)
    seconds = time.perf_counter() - t0
    planted = {(ids[o], ids[c]) for o, c in corpus.planted}
    hit = len(planted & found)
    return {
        "documents": n,
        "planted": len(planted),
        "candidates": len(found),
        "recall": round(hit / len(planted), 4) if planted else 1.0,
        "precision": round(hit / len(found), 4) if found else 1.0,
        "seconds": round(seconds, 3),
        "us_per_doc": round(seconds / n * 1e6, 2),
        "peak_rss_bytes": peak_rss_bytes(),
        "threshold": threshold,
        "num_perm": num_perm,
    }


def _datasketch(
    sizes: list[int], seed: int, dup_rate: float, threshold: float, num_perm: int
) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:  # one fresh interpreter per size, for a clean peak RSS
        code = (
            "import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + '/bench');"
            "from reuse_bench import datasketch_row;"
            "print(json.dumps(datasketch_row(*json.loads(sys.argv[2]))))"
        )
        spec = json.dumps([n, seed, dup_rate, threshold, num_perm])
        proc = subprocess.run(
            [sys.executable, "-c", code, str(ROOT), spec], capture_output=True, text=True, check=False
        )
        if proc.returncode != 0:
            raise SystemExit(
                f"datasketch run at n={n} failed (pip install datasketch==2.0.0?):\n{proc.stderr[-1500:]}"
            )
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Chronique reuse benchmark on synthetic RPM2 corpora.")
    parser.add_argument(
        "--sizes",
        nargs="+",
        type=int,
        default=list(DEFAULT_SIZES),
        metavar="N",
        help="corpus sizes (10000 100000)",
    )
    parser.add_argument("--million", action="store_true", help="add the 1,000,000-document corpus")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (0)")
    parser.add_argument("--dup-rate", type=float, default=0.1, help="share of planted near-duplicates (0.1)")
    parser.add_argument("--single", action="store_true", help="add documents one by one (add), not add_many")
    parser.add_argument("--trace-memory", action="store_true", help="tracemalloc peak too (slows the loop)")
    parser.add_argument("--in-process", action="store_true", help="no fresh interpreter per size")
    parser.add_argument("--datasketch", action="store_true", help="compare with datasketch MinHash LSH")
    parser.add_argument("--ds-threshold", type=float, default=0.5, help="datasketch LSH threshold (0.5)")
    parser.add_argument("--ds-perm", type=int, default=128, help="datasketch num_perm (128)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.sizes + ([1_000_000] if args.million else [])))
    result = run_reuse_bench(
        sizes,
        seed=args.seed,
        dup_rate=args.dup_rate,
        params=ReuseParams(),
        trace_memory=args.trace_memory,
        isolate=not args.in_process,
        single=args.single,
    )
    out = result.as_dict()
    ds = (
        _datasketch(sizes, args.seed, args.dup_rate, args.ds_threshold, args.ds_perm)
        if args.datasketch
        else None
    )
    if ds is not None:
        out["datasketch"] = ds
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(result.format())
    if ds:
        print("\ndatasketch MinHashLSH (candidates only, no passages):")
        print(f"{'docs':>9} {'recall':>7} {'prec.':>7} {'seconds':>8} {'µs/doc':>7} {'peak RSS':>9}")
        for r in ds:
            print(
                f"{r['documents']:>9,} {r['recall']:>7.4f} {r['precision']:>7.4f} {r['seconds']:>8.2f} "
                f"{r['us_per_doc']:>7.1f} {r['peak_rss_bytes'] / 1e6:>8.0f}M"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
