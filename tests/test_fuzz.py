"""Hostile input: the fuzz targets (``fuzz/targets.py``) on hand-made extremes, on the saved corpus
and every crasher ever found, then a bounded coverage-guided run of atheris.

``CHRONIQUE_FUZZ_SECONDS`` sets the length of the run (default 30 s; 0 skips it). The number of
inputs tried is written to ``test-artifacts/fuzz.txt``.
"""

from __future__ import annotations

import os
import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "fuzz"))

import targets

FUZZ = ROOT / "fuzz"
EXTREMES = {
    "nested-html": b"<html><body>" + b"<div>" * 20_000 + "Le maire a parlé mardi.".encode() + b"</div>" * 3,
    "unclosed-html": b"<html><body><p>Le <b>conseil <i>a <table><tr><td>vot\xc3\xa9 <script>x" * 300,
    "enormous-line": ("mot " * 400_000).encode(),
    "quotation-marks": ('"' * 10_000 + "«" * 3_000 + "»" * 2_000).encode(),
    "nested-quotes": ("« " * 2_000 + "a déclaré M. Dupont" + " »" * 2_000).encode(),
    "combining-rtl-zero-width": "e\u0301\u0301\u0301 \u202eMardi\u202c \u200b\u200d\ufeff « oui » \u0000 M. Ab\u0300c a dit".encode()
    * 200,
    "nul-bytes": b"\x00" * 5_000 + b"Jeudi dernier" + b"\x00" * 5_000,
    "mixed-encodings": "Le président a déclaré : « été » ".encode()
    + "à Noël, « déjà » ".encode("latin-1") * 50,
    "utf16": "Le maire a déclaré lundi : « Nous avons voté. »".encode("utf-16"),
    "binary": bytes(range(256)) * 40,
    "jsonl-junk": b'{"id": 1, "text": ["x"]}\n{"text": null}\n\xff\xfe\n{"text": "'
    + b"a" * 10_000
    + b"\n{}\n",
}


@pytest.mark.parametrize("name", sorted(targets.TARGETS))
@pytest.mark.parametrize("case", sorted(EXTREMES))
def test_extreme_inputs_keep_the_promises(name: str, case: str) -> None:
    targets.TARGETS[name](EXTREMES[case])


def test_saved_corpus_and_every_crasher_replay_cleanly() -> None:
    files = sorted(
        p
        for d in ("corpus", "crashers")
        for p in (FUZZ / d).glob("*")
        if p.is_file() and p.name != "README.md"
    )
    assert len(files) >= 10
    for path in files:
        targets.dispatch(path.read_bytes())


def test_coverage_guided_fuzzing_finds_no_crash() -> None:
    pytest.importorskip("atheris")
    seconds = int(os.environ.get("CHRONIQUE_FUZZ_SECONDS", "30"))
    if seconds <= 0:
        pytest.skip("CHRONIQUE_FUZZ_SECONDS=0")
    sys.path.insert(0, str(FUZZ))
    from run import run

    code, tried, output = run(seconds)
    report = ROOT / "test-artifacts" / "fuzz.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(f"{tried} inputs in {seconds} s, exit code {code}\n", encoding="utf-8")
    assert code == 0, "the fuzzer found a crash (kept in fuzz/crashers/):\n" + output[-3000:]
    assert tried > 50, output[-2000:]
