"""The command line: what a user sees, exit codes, JSON for scripts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from chronique.cli import app

from .conftest import ROOT, SAMPLES
from .databases import fresh_db

runner = CliRunner()


def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def test_run_prints_the_report_and_writes_html(tmp_path: Path) -> None:
    db, report = fresh_db(tmp_path, "c"), tmp_path / "r.html"
    result = invoke("run", str(SAMPLES), "--db", db, "--report", str(report))
    assert result.exit_code == 0, result.output
    assert "5 articles (5 new, 0 already stored)" in result.output
    assert "001_df1ec82066df3df1.txt" in result.output and "2018-07-24 (day)" in result.output
    html = report.read_text(encoding="utf-8")
    assert '<del data-reason="copyright"' in html and "Partager cet article" in html


def test_html_report_escapes_article_text(tmp_path: Path) -> None:
    evil = tmp_path / "evil.txt"
    evil.write_text(
        "<script>alert(1)</script> Le maire a parlé lundi devant le conseil municipal.", encoding="utf-8"
    )
    report = tmp_path / "r.html"
    invoke("run", str(evil), "--db", fresh_db(tmp_path, "c"), "--report", str(report))
    html = report.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_exit_codes_for_skipped_and_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    partial = invoke("ingest", str(SAMPLES), str(empty), "--db", fresh_db(tmp_path, "c"))
    assert partial.exit_code == 3
    assert f"skipped {empty}: empty file" in partial.output.replace("\n", " ")
    nothing = invoke("ingest", str(tmp_path / "missing.txt"), "--db", fresh_db(tmp_path, "d"))
    assert nothing.exit_code == 4 and "no such file or directory" in nothing.output


def test_articles_show_and_export(tmp_path: Path) -> None:
    db = fresh_db(tmp_path, "c")
    invoke("ingest", str(SAMPLES), "--db", db)
    listed = json.loads(invoke("articles", "--db", db, "--json", "--since", "2018-07-20").output)
    assert [a["file"] for a in listed] == ["001_df1ec82066df3df1.txt"]
    found = json.loads(invoke("articles", "--db", db, "--json", "-q", "Pompeo").output)
    assert [a["file"] for a in found] == ["003_9e0f405ca55fa043.txt"]
    shown = invoke("show", "001_df1ec82066df3df1.txt", "--db", db)
    assert shown.exit_code == 0
    assert "~~Partager cet articleClose Button~~ [share]" in shown.output
    assert "published 2018-07-24 (day)" in shown.output
    assert invoke("show", "ffffffffffff", "--db", db).exit_code == 5
    export = json.loads(invoke("export", "--format", "json", "--db", db).output)
    assert len(export["articles"]) == 5 and len(export["reuse"]) == 1


def test_stdin_text_and_jsonl(tmp_path: Path) -> None:
    db = fresh_db(tmp_path, "c")
    text = "Le conseil municipal a voté le budget lundi soir après un long débat sur les écoles."
    assert invoke("ingest", "-", "--db", db, input=text).exit_code == 0
    lines = "\n".join(
        json.dumps({"text": f"{text} Ligne {i}.", "published": f"2020-01-0{i}"}) for i in (1, 2)
    )
    assert invoke("ingest", "-", "--db", db, input=lines).exit_code == 0
    listed = json.loads(invoke("articles", "--db", db, "--json", "--all").output)
    assert [a["published"]["value"] for a in listed] == [None, "2020-01-01", "2020-01-02"]
    # An article is found again by the id and the URL its caller gave it.
    given = json.dumps({"id": "dep-42", "url": "https://ex.fr/a/42", "text": f"{text} Autre version."})
    assert invoke("ingest", "-", "--db", db, input=given).exit_code == 0
    by_id = json.loads(invoke("show", "dep-42", "--db", db, "--json").output)
    assert by_id["external_id"] == "dep-42" and by_id["text"].endswith("Autre version.")
    assert json.loads(invoke("show", "https://ex.fr/a/42", "--db", db, "--json").output)["id"] == by_id["id"]
    assert invoke("show", "dep-43", "--db", db).exit_code == 5


def test_console_script_and_help(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "chronique"
    done = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    for command in ("run", "ingest", "articles", "show", "export", "eval", "bench"):
        assert command in done.stdout
    as_module = subprocess.run([sys.executable, "-m", "chronique", "--help"], capture_output=True, text=True)
    assert as_module.returncode == 0 and as_module.stdout == done.stdout


def test_dates_lists_expressions_and_sentence_dates(tmp_path: Path) -> None:
    db = fresh_db(tmp_path, "c")
    invoke("ingest", str(SAMPLES), "--db", db)
    data = json.loads(invoke("dates", "001_df1ec82066df3df1.txt", "--db", db, "--json").output)
    values = {t["text"]: t["value"] for t in data["timexes"]}
    assert values["Jeudi dernier"] == "2018-07-19" and values["16 juillet"] == "2018-07-16"
    assert all(t["reasoning"] for t in data["timexes"])
    by_start = {s["text"][:20]: s for s in data["sentences"]}
    assert by_start["A l'issue d'un tête-"]["value"] == "2018-07-16"
    assert by_start['Qualifié de "très ré']["evidence"] == "publication date"
    shown = invoke("show", "000_f5d20291b2664ef1.txt", "--db", db).output
    assert "inculpé vendredi ⟨2018-07-13⟩ douze agents" in shown


def test_reuse_and_duplicates(tmp_path: Path) -> None:
    db = fresh_db(tmp_path, "c")
    invoke("ingest", str(SAMPLES), "--db", db)
    data = json.loads(invoke("reuse", "--db", db, "--json").output)
    export = json.loads(invoke("export", "--db", db).output)
    files = {a["id"]: a for a in export["articles"]}
    [pair] = data["pairs"]
    source, target = files[pair["source_id"]], files[pair["target_id"]]
    assert (source["file"], target["file"]) == ("000_f5d20291b2664ef1.txt", "004_8502c02b9a8c0c2d.txt")
    texts = sorted(p["text"][:30] for p in pair["passages"])
    assert texts == ["Les pourparlers se sont tenus ", "Washington a inculpé vendredi "]
    for p in pair["passages"]:
        assert source["text"][p["source_start"] : p["source_end"]] == p["text"]
        assert target["text"][p["target_start"] : p["target_end"]].lower() == p["text"].lower()
    assert export["reuse"] == data["pairs"]
    assert 0.8 < target["originality"] < 1.0 and files[pair["source_id"]]["originality"] == 1.0
    # a republished copy with small edits is a near-duplicate
    copy = tmp_path / "copy.txt"
    copy.write_text(
        (SAMPLES / "003_9e0f405ca55fa043.txt").read_text(encoding="utf-8").replace("Sotchi", "Sochi")
        + "\nAvec AFP\n",
        encoding="utf-8",
    )
    invoke("ingest", str(copy), "--db", db)
    groups = json.loads(invoke("duplicates", "--db", db, "--json").output)
    assert len(groups) == 1 and len(groups[0]) == 2
    listed = json.loads(invoke("articles", "--db", db, "--json").output)
    assert len(listed) == 5  # the republished copy is listed under its original
    [original] = [a for a in listed if a["duplicates"]]
    assert original["file"] == "003_9e0f405ca55fa043.txt" and len(original["duplicates"]) == 1
    assert len(json.loads(invoke("articles", "--db", db, "--json", "--all").output)) == 6


def test_export_formats_for_readers(samples_db: str, tmp_path: Path) -> None:
    import csv
    import io

    quotes = invoke("export", "--db", samples_db, "--format", "quotes-csv")
    assert quotes.exit_code == 0, quotes.output
    rows = list(csv.DictReader(io.StringIO(quotes.stdout)))
    assert rows and any(r["speaker"] == "Vladimir Poutine" for r in rows)
    md = tmp_path / "story.md"
    result = invoke("export", "--db", samples_db, "--format", "story-md", "-o", str(md))
    assert result.exit_code == 0, result.output
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# ") and "## 2018-07-16" in text
    html = invoke("export", "--db", samples_db, "--format", "story-html").stdout
    assert html.startswith("<!doctype html>") and "<svg" in html
    timeline = list(
        csv.DictReader(io.StringIO(invoke("export", "--db", samples_db, "--format", "timeline-csv").stdout))
    )
    assert [r["date"] for r in timeline] == sorted(r["date"] for r in timeline)
    assert invoke("export", "--db", samples_db, "--format", "story-md", "--story", "Snope").exit_code == 5
    assert invoke("export", "--db", samples_db, "--format", "xml").exit_code == 2


def test_bad_arguments_are_refused_with_a_message(samples_db: str, tmp_path: Path) -> None:
    unknown = invoke("timeline", "--db", samples_db, "--story", "Snothere")
    assert unknown.exit_code == 5 and "no story Snothere" in unknown.output
    for option, value in (("--since", "2018-13"), ("--until", "juillet"), ("--max-dates", "0")):
        refused = invoke("timeline", "--db", samples_db, option, value)
        assert refused.exit_code == 2 and option in refused.output, (option, refused.output)
    assert invoke("articles", "--db", samples_db, "--since", "2018-00-10").exit_code == 2
    assert invoke("timeline", "--db", samples_db, "--since", "2018-07").exit_code == 0
    missing = invoke(
        "eval", str(ROOT / "tests" / "data" / "gold" / "seeds-dev.json"), "--articles", "/nonexist"
    )
    assert missing.exit_code == 1 and "/nonexist" in missing.output


def test_quotes_by_confidence_and_known_speakers(samples_db: str) -> None:
    every = json.loads(invoke("quotes", "--db", samples_db, "--json").output)
    sure = json.loads(invoke("quotes", "--db", samples_db, "--json", "--min-confidence", "0.8").output)
    named = json.loads(invoke("quotes", "--db", samples_db, "--json", "--attributed").output)
    assert 0 < len(sure) < len(every) and all(q["confidence"] >= 0.8 for q in sure)
    assert named == [q for q in every if q["speaker"]]
    assert invoke("quotes", "--db", samples_db, "--min-confidence", "1.5").exit_code == 2
