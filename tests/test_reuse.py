"""Reuse: shingles, index, alignment, detection — on the samples and on hand-built texts."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from chronique.model import Article, Document
from chronique.pipeline import analyse
from chronique.reuse import (
    AlignParams,
    Candidate,
    IndexParams,
    ReuseDetector,
    ReuseParams,
    ShingleIndex,
    align,
    find_reuse,
    fingerprints,
    is_earlier,
    normalise_word,
    word_hash,
    words,
)
from chronique.reuse.shingles import batch_fingerprints

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)

POURPARLERS = "Les pourparlers se sont tenus dans une atmosphère franche et de travail"
INCULPE = (
    "Washington a inculpé vendredi douze agents du renseignement russe soupçonnés d'être impliqués "
    "dans le piratage du parti démocrate en 2016"
)

# Hand-built texts: one long shared passage (40 words), unrelated fillers.
SHARED = (
    "Le gouvernement a présenté mercredi en conseil des ministres un projet de loi destiné à réformer "
    "l'audiovisuel public, qui prévoit la suppression progressive de la publicité sur les chaînes de "
    "France Télévisions après vingt heures dès le début de l'année prochaine"
)
FILLER_A = "Les syndicats ont aussitôt dénoncé une mesure précipitée, prise sans concertation préalable."
FILLER_B = "À Bruxelles, la Commission européenne examinera le texte au cours des prochaines semaines."


@dataclass
class Item:
    id: str
    text: str
    published: str | None = None
    seq: int | None = None


@pytest.fixture(scope="module")
def samples() -> dict[str, Article]:
    out = {}
    for path in sorted((ROOT / "samples").glob("*.txt")):
        raw = path.read_text(encoding="utf-8-sig")
        article = analyse(Document(raw_text=raw, origin=str(path), file=path.name), today=TODAY)
        article.seq = int(path.name[:3])
        out[path.name[:3]] = article
    return out


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


# --- the samples --------------------------------------------------------------------------------


def test_samples_two_passages_000_to_004(samples: dict[str, Article]) -> None:
    pairs = find_reuse(samples[k] for k in sorted(samples))
    assert [(p.source_id, p.target_id) for p in pairs] == [(samples["000"].id, samples["004"].id)]
    pair = pairs[0]
    src, tgt = samples["000"].text, samples["004"].text
    got = [(p.source_start, p.source_end, p.target_start, p.target_end) for p in pair.passages]
    assert got == [
        (*_span(src, POURPARLERS), *_span(tgt, POURPARLERS)),
        (*_span(src, INCULPE), *_span(tgt, INCULPE)),
    ]
    for p in pair.passages:
        assert p.text == src[p.source_start : p.source_end]
        assert tgt[p.target_start : p.target_end] == p.text  # identical here, up to quotes left out
    assert pair.passages[0].text == POURPARLERS  # 004's quote marks and 000's continuation left out
    assert not pair.near_duplicate and pair.similarity < 0.2
    exported = pair.as_dict()
    assert set(exported["passages"][0]) == {
        "source_start",
        "source_end",
        "target_start",
        "target_end",
        "text",
    }


def test_samples_direction_by_date_before_ingest_order(samples: dict[str, Article]) -> None:
    a, b = samples["000"], samples["004"]
    det = ReuseDetector()
    det.add(b.id, b.text, "2018-07-17", seq=0)  # ingested first, published later
    (pair,) = det.add(a.id, a.text, "2018-07-16", seq=1)
    assert (pair.source_id, pair.target_id) == (a.id, b.id)
    assert pair.passages[1].text == INCULPE
    assert det.originality(a.id) == 1.0
    assert 0.8 < det.originality(b.id) < 0.95


def test_samples_nothing_else(samples: dict[str, Article]) -> None:
    for x, y in itertools.combinations(sorted(samples), 2):
        found = align(samples[x].text, samples[y].text).passages
        assert bool(found) == ({x, y} == {"000", "004"}), (x, y, [p.text for p in found])


# --- normalisation, shingles, fingerprints ------------------------------------------------------


def test_words_normalised_and_offsets() -> None:
    text = "« L’État » a-t-il dit, d'être ŒUVRE"
    ws = words(text)
    assert [text[s:e] for s, e in zip(ws.starts, ws.ends, strict=True)] == [
        "L’État",
        "a-t-il",
        "dit",
        "d'être",
        "ŒUVRE",
    ]
    assert normalise_word("L’État") == "l'etat" and normalise_word("ŒUVRE") == "oeuvre"
    assert word_hash("l'Etat") == word_hash("L’État")


def test_hashes_are_stable_across_runs() -> None:
    # Fixed values: a change here invalidates every stored index (bump the format version).
    assert word_hash("bonjour") == 806999899504399983
    assert fingerprints("un deux trois quatre cinq six sept", 5, 1).tolist() == [
        953548727899673732,
        4653047116294796690,
        6583388738698188337,
    ]
    code = "from chronique.reuse import word_hash; print(word_hash('bonjour'))"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "806999899504399983"


def test_batch_fingerprints_equal_one_by_one() -> None:
    texts = [SHARED, FILLER_A, "", "un deux", "a b c d e f", SHARED + " " + FILLER_B, "x " * 9]
    for window in (1, 3, 6, 50):
        values, docs = batch_fingerprints(texts, 5, window)
        for i, text in enumerate(texts):
            assert np.array_equal(values[docs == i], fingerprints(text, 5, window))


# --- alignment ----------------------------------------------------------------------------------


def test_punctuation_quotes_and_case_changes() -> None:
    source = (
        f"{FILLER_A} « Nous sommes prêts à tourner la page et aller de l’avant », a-t-il assuré. {FILLER_B}"
    )
    target = (
        'Autre chose. "NOUS sommes prêts, à tourner la page et aller de l\'avant" a-t-il assuré, vendredi.'
    )
    (p,) = align(source, target).passages
    assert p.text == "Nous sommes prêts à tourner la page et aller de l’avant », a-t-il assuré"
    assert (
        target[p.target_start : p.target_end]
        == "NOUS sommes prêts, à tourner la page et aller de l'avant\" a-t-il assuré"
    )


def test_small_edits_inside_a_long_passage() -> None:
    edited = SHARED.replace("mercredi", "jeudi").replace("progressive ", "").replace("dès", "juste dès")
    al = align(f"{FILLER_A} {SHARED}", f"{edited} {FILLER_B}")
    (p,) = al.passages  # three edits bridged: one passage
    assert p.text == SHARED
    n = len(words(SHARED))
    assert p.words == n - 2  # the substituted and the inserted word are inside, not matched
    assert al.source_covered == n and al.target_share < al.source_share


def test_glued_sentence() -> None:
    source = f'{FILLER_A} "{POURPARLERS}". Le tempétueux milliardaire américain a affiché l\'espoir.'
    target = f'"{POURPARLERS}. Je les considère très réussis et très utiles", a déclaré M. Poutine.'
    (p,) = align(source, target).passages
    assert p.text == POURPARLERS
    assert target[p.target_start : p.target_end] == POURPARLERS


def test_short_or_unrelated_is_not_reuse() -> None:
    assert align(FILLER_A, FILLER_B).passages == ()
    nine = "relations entre la Russie et les États-Unis sont tendues"  # 9 words < min_words
    assert align(f"{FILLER_A} {nine}.", f"{nine}. {FILLER_B}").passages == ()
    assert len(align(f"{FILLER_A} {nine}.", f"{nine}. {FILLER_B}", AlignParams(min_words=9)).passages) == 1


def test_target_repeating_a_passage_gets_both() -> None:
    al = align(SHARED, f"{SHARED}. {FILLER_A} {SHARED}.")
    assert len(al.passages) == 2 and al.target_covered == 2 * al.source_words


# --- detector -----------------------------------------------------------------------------------


def test_direction_by_date_then_order() -> None:
    assert is_earlier("2018-07-16", 5, "2018-07-17", 1)
    assert not is_earlier("2018-07-17", 1, "2018-07-16", 5)
    assert is_earlier("2018-07", 1, "2018-07-16", 5)  # same month: ingest order decides
    assert not is_earlier("2018-07", 5, "2018-07-16", 1)
    assert is_earlier(None, 1, "2017", 5) and is_earlier("2019", 1, None, 5)
    det = ReuseDetector()
    det.add("late", f"{SHARED}. {FILLER_A}", published="2018")
    (pair,) = det.add("early", f"{FILLER_B} {SHARED}", published=dt.date(2017, 3, 1))
    assert (pair.source_id, pair.target_id) == ("early", "late")
    det.add("undated", SHARED)
    assert [(p.source_id, p.target_id) for p in det.pairs_for("undated")] == [
        ("late", "undated"),
        ("early", "undated"),
    ]


def test_redate_turns_pairs_round_and_restore() -> None:
    det = ReuseDetector()
    det.add("x", f"{FILLER_A} {SHARED}")
    (pair,) = det.add("y", f"{SHARED}. {FILLER_B}")
    assert (pair.source_id, pair.target_id) == ("x", "y")
    assert det.redate("x", "2018-07-16") == []  # y undated: ingest order still decides
    (flipped,) = det.redate("y", "2018-07-15")
    assert (flipped.source_id, flipped.target_id) == ("y", "x") and det.pairs() == [flipped]
    (p,) = flipped.passages
    assert p.text == f"{SHARED}. {FILLER_B}"[p.source_start : p.source_end] == SHARED
    assert (p.target_start, p.target_end) == (pair.passages[0].source_start, pair.passages[0].source_end)
    assert det.originality("x") < 0.5 and det.originality("y") == 1.0
    # Restoring from a store: the index from its rows, dates and order, then the pairs.
    texts = {"x": f"{FILLER_A} {SHARED}", "y": f"{SHARED}. {FILLER_B}"}
    rows = list(det.index.postings())
    back = ReuseDetector(index=ShingleIndex.from_postings(rows, det.index.params, ["x", "y"]), texts=texts)
    back.redate("x", "2018-07-16", seq=0)
    back.redate("y", "2018-07-15", seq=1)
    back.restore(det.pairs())
    assert back.pairs() == det.pairs() and back.originality("x") == det.originality("x")
    late = back.add("z", SHARED, "2018-07-20")
    assert sorted((q.source_id, q.target_id) for q in late) == [("x", "z"), ("y", "z")]


def test_originality_and_duplicates() -> None:
    det = ReuseDetector()
    det.add("a", f"{SHARED}. {FILLER_A}")
    det.add("b", f"{SHARED}. {FILLER_A}")  # a verbatim copy
    det.add("c", f"{FILLER_B} {SHARED}.")
    det.add("d", "Rien à voir : la météo annonce de la pluie sur toute la Bretagne jusqu'à dimanche soir.")
    assert det.originality("a") == 1.0 and det.originality("d") == 1.0
    assert det.originality("b") == 0.0
    assert 0.0 < det.originality("c") < 0.5
    ws = words(f"{FILLER_B} {SHARED}.")
    own = sum(e - s for s, e in zip(ws.starts[:13], ws.ends[:13], strict=True))
    total = sum(e - s for s, e in zip(ws.starts, ws.ends, strict=True))
    assert det.originality("c") == pytest.approx(own / total)
    pairs = {(p.source_id, p.target_id): p for p in det.pairs()}
    assert pairs[("a", "b")].near_duplicate and pairs[("a", "b")].similarity == 1.0
    assert not pairs[("a", "c")].near_duplicate  # 41 of its 53 words
    assert pairs[("a", "c")].similarity == pytest.approx(41 / 53)
    assert det.duplicate_groups() == [["a", "b"]]
    assert det.canonical("b") == "a" and det.canonical("c") == "c"
    with pytest.raises(KeyError, match="never added"):
        det.originality("zz")


def test_add_many_equals_add() -> None:
    texts = [FILLER_A, SHARED, FILLER_B, f"{SHARED} {FILLER_A}", f"{FILLER_B} {SHARED}"] * 3
    items = [Item(f"i{i}", f"{t} n{i}", None, None) for i, t in enumerate(texts)]
    one = ReuseDetector()
    for it in items:
        one.add(it.id, it.text)
    many = ReuseDetector()
    many.add_many(items, batch=4)
    assert one.pairs() == many.pairs() and len(one.pairs()) == 60


def test_save_load_round_trip(tmp_path: Path) -> None:
    det = ReuseDetector()
    det.add("a", f"{SHARED}. {FILLER_A}", "2018-07-16")
    det.add("b", f"{FILLER_B} {SHARED}")
    det.save(tmp_path / "det.npz")
    back = ReuseDetector.load(tmp_path / "det.npz")
    assert back.pairs() == det.pairs() and back.originality("b") == det.originality("b")
    assert back.add("c", SHARED) == det.add("c", SHARED)
    # The index alone, to a file and to database rows.
    index = ShingleIndex()
    index.add_many([("a", SHARED), ("b", FILLER_A), ("c", f"{FILLER_B} {SHARED}")])
    index.save(tmp_path / "index.npz")
    loaded = ShingleIndex.load(tmp_path / "index.npz")
    rows = list(index.postings())
    assert all(0 <= fp < 2**63 for fp, _ in rows)  # fits a signed SQL INTEGER
    rebuilt = ShingleIndex.from_postings(rows, index.params, doc_ids=index.ids)
    for other in (loaded, rebuilt):
        assert other.ids == index.ids and list(other.postings()) == rows
        assert other.query(SHARED) == index.query(SHARED)
    assert [c.doc_id for c in index.query(SHARED)] == ["a", "c"]
    assert index.query(SHARED)[0] == Candidate("a", len(index.fingerprint(SHARED)))
    assert index.rows_since(2) == [r for r in rows if r[1] == "c"] == index.rows_for("c")


def test_determinism() -> None:
    items = [Item(f"d{i}", t) for i, t in enumerate([SHARED, FILLER_A, f"{FILLER_B} {SHARED}", SHARED + "."])]
    first = [p.as_dict() for p in find_reuse(items)]
    assert first == [p.as_dict() for p in find_reuse(items)]
    assert len(first) == 3


def test_df_cap_keeps_first_and_bounds_postings() -> None:
    index = ShingleIndex(IndexParams(df_cap=3))
    for i in range(6):
        cands = index.add(f"d{i}", SHARED)
        assert [c.doc_id for c in cands] == ([f"d{j}" for j in range(i)] if i < 3 else ["d0"])  # cap: d0
    assert index.stats()["postings"] == 3 * len(index.fingerprint(SHARED))
    assert index.rows_for("d5") == [] and len(index.rows_for("d0")) == len(index.fingerprint(SHARED))
    det = ReuseDetector(ReuseParams(df_cap=3))
    for i in range(6):
        det.add(f"d{i}", SHARED)
    assert [p.source_id for p in det.pairs_for("d5")] == ["d0"]  # a widely copied text finds its first
    index.remove("d0")
    assert index.query(SHARED) == [] and "d0" not in index and len(index) == 5


def test_argument_validation() -> None:
    with pytest.raises(ValueError, match="ngram must be an int from 1 to 64"):
        IndexParams(ngram=0)
    with pytest.raises(ValueError, match="raise min_words or lower ngram"):
        IndexParams(ngram=5, min_words=4)
    with pytest.raises(ValueError, match="lower min_shared or raise min_words"):
        IndexParams(min_words=10, min_shared=7)
    with pytest.raises(ValueError, match="df_cap"):
        IndexParams(df_cap=1)
    with pytest.raises(ValueError, match="near_duplicate must be a number in"):
        ReuseParams(near_duplicate=1.5)
    with pytest.raises(ValueError, match="max_gap"):
        ReuseParams(max_gap=-1)
    with pytest.raises(TypeError, match="IndexParams"):
        ShingleIndex({"ngram": 5})  # type: ignore[arg-type]
    det = ReuseDetector()
    det.add("a", SHARED)
    with pytest.raises(ValueError, match="indexed already"):
        det.add("a", SHARED)
    with pytest.raises(ValueError, match="ISO date"):
        det.add("b", SHARED, published="16 juillet 2018")
    with pytest.raises(ValueError, match="seq must be an int"):
        det.add("c", SHARED, seq=True)
    with pytest.raises(ValueError, match="non-empty str"):
        det.add("", SHARED)
    assert IndexParams().window == 3 and IndexParams(min_shared=1).window == 6


def test_bench_smoke() -> None:
    from chronique.bench.reuse import measure, synthesize

    corpus = synthesize(400, seed=1)
    assert corpus.texts == synthesize(400, seed=1).texts and corpus.planted
    row = measure(400, seed=1)
    assert row.recall >= 0.9 and row.precision == 1.0 and row.as_dict()["documents"] == 400
