"""Benchmarks: throughput of Chronique's stages against spaCy, and the cleaner's over-removal check."""

from chronique.bench.overremoval import OverRemovalResult, Removal, overremoval
from chronique.bench.throughput import Phase, ThroughputResult, run_throughput

__all__ = ["OverRemovalResult", "Phase", "Removal", "ThroughputResult", "overremoval", "run_throughput"]
