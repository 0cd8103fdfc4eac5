"""Ingest: every input kind, and every kind of bad input reported by name while the batch goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from chronique.errors import InputError
from chronique.ingest import read_inputs
from chronique.model import Document
from chronique.pipeline import ingest
from chronique.settings import Settings
from chronique.store import Store

from .conftest import SAMPLES, TODAY

TEXT = (
    "Le président de la République a reçu mardi à l'Elysée les représentants des syndicats agricoles,"
    " a indiqué la présidence dans un communiqué.\n\nLes discussions ont porté sur les prix et les normes."
)
HTML = f"""<!doctype html><html><head><title>Les agriculteurs reçus à l'Elysée</title>
<meta property="og:site_name" content="Le Quotidien">
<meta property="article:published_time" content="2024-02-20T10:00:00+01:00"></head>
<body><nav><a href="/">Accueil</a></nav><article><h1>Les agriculteurs reçus à l'Elysée</h1>
<p>{TEXT.split(chr(10))[0]}</p><p>Les discussions ont porté sur les prix, les normes et la concurrence
des importations, selon plusieurs participants interrogés à la sortie de la réunion.</p></article>
<footer>© 2026 Le Quotidien</footer></body></html>"""


def read(paths: list[str], **kw: int) -> list[Document | InputError]:
    return list(read_inputs(paths, kw.get("max_file", 20 << 20), kw.get("max_line", 5 << 20)))


def test_text_file_raw_text_is_kept_exactly(tmp_path: Path) -> None:
    raw = "\ufeffTitre\r\n\r\n" + TEXT.replace("\n", "\r\n") + "\xa0\n"
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    [doc] = read([str(tmp_path / "a.txt")])
    assert isinstance(doc, Document)
    assert doc.raw_text == raw[1:]  # only the byte-order mark goes
    assert doc.file == "a.txt"


def test_folder_is_walked_recursively_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(TEXT + " Deux.", encoding="utf-8")
    (tmp_path / "1.txt").write_text(TEXT + " Un.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    docs = read([str(tmp_path)])
    assert [d.origin for d in docs] == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


def test_glob(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"x{i}.txt").write_text(f"{TEXT} {i}", encoding="utf-8")
    docs = read([str(tmp_path / "x*.txt")])
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    [error] = read([str(tmp_path / "nothing*.txt")])
    assert isinstance(error, InputError) and "matches no file" in error.message


def test_html_goes_through_trafilatura(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    [doc] = read([str(tmp_path / "page.html")])
    assert isinstance(doc, Document)
    assert doc.title == "Les agriculteurs reçus à l'Elysée"
    assert doc.source == "Le Quotidien"
    assert doc.declared_published == "2024-02-20"
    assert "représentants des syndicats agricoles" in doc.raw_text
    assert "Accueil" not in doc.raw_text
    assert doc.original == HTML


def test_jsonl_fields_are_honoured(tmp_path: Path) -> None:
    lines = [
        {"id": "x1", "url": "https://ex.fr/a", "title": "T", "text": TEXT, "published": "2018-07-24",
         "source": "Ex", "language": "fr"},
        {"html": HTML, "url": "https://quotidien.fr/b"},
    ]  # fmt: skip
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    docs = read([str(tmp_path / "a.jsonl")])
    assert isinstance(docs[0], Document) and isinstance(docs[1], Document)
    assert (docs[0].external_id, docs[0].declared_published, docs[0].source) == ("x1", "2018-07-24", "Ex")
    assert docs[1].url == "https://quotidien.fr/b" and docs[1].title == "Les agriculteurs reçus à l'Elysée"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"   \n\n  ", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + os.urandom(200), "PNG"),
        (b"\x00\x01\x02binary\x00" * 50, "binary data"),
        (bytes(range(1, 9)) * 100, "binary data"),
        (b"1234 5678\n9999\n", "no letters"),
    ],
)
def test_bad_files_are_named_with_their_problem(tmp_path: Path, content: bytes, problem: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    [error] = read([str(bad)])
    assert isinstance(error, InputError)
    assert str(bad) in str(error) and problem in error.message


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = "L'élève a reçu « un prix » à Noël, été comme hiver."
    (tmp_path / "old.txt").write_bytes(text.encode(encoding))
    [doc] = read([str(tmp_path / "old.txt")])
    assert isinstance(doc, Document) and doc.raw_text == text


def test_cp1252_specific_characters(tmp_path: Path) -> None:
    text = "Il a dit : “c’est fini” — œuvre de l’État…"
    (tmp_path / "w.txt").write_bytes(text.encode("cp1252"))
    [doc] = read([str(tmp_path / "w.txt")])
    assert isinstance(doc, Document) and doc.raw_text == text and doc.encoding == "cp1252"


def test_html_without_article(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><body><nav>Menu</nav></body></html>", encoding="utf-8")
    [error] = read([str(tmp_path / "empty.html")])
    assert isinstance(error, InputError) and "no article text" in error.message


def test_broken_html_still_yields_its_text(tmp_path: Path) -> None:
    broken = (
        "<html><body><div><p>" + TEXT.split("\n")[0] + "<p>Les discussions ont porté sur les prix, les normes"
        " et la concurrence des importations, selon plusieurs participants.<div><span></body>"
    )
    (tmp_path / "broken.html").write_text(broken, encoding="utf-8")
    [doc] = read([str(tmp_path / "broken.html")])
    assert isinstance(doc, Document) and "syndicats agricoles" in doc.raw_text
    # A block the parser nests inside an unclosed inline element keeps its own line.
    nested = broken.replace("participants.<div><span>", "participants <b>jusqu'en juin<div><span>Publicité")
    (tmp_path / "nested.html").write_text(nested, encoding="utf-8")
    [doc] = read([str(tmp_path / "nested.html")])
    assert isinstance(doc, Document) and "juin\nPublicité" in doc.raw_text, doc.raw_text


def test_jsonl_bad_lines_are_reported_and_good_lines_kept(tmp_path: Path) -> None:
    good = json.dumps({"text": TEXT})
    content = "\n".join([good, '{"text": "tronqu', "not json at all", "[1, 2]", '{"title": "no text"}',
                         '{"text": 5}', json.dumps({"text": TEXT + " Autre."})])  # fmt: skip
    (tmp_path / "mixed.jsonl").write_text(content, encoding="utf-8")
    items = read([str(tmp_path / "mixed.jsonl")])
    errors = [i for i in items if isinstance(i, InputError)]
    assert len([i for i in items if isinstance(i, Document)]) == 2
    assert [e.origin for e in errors] == [f"{tmp_path / 'mixed.jsonl'}:{n}" for n in (2, 3, 4, 5, 6)]
    assert "truncated JSON" in errors[0].message
    assert "not JSON" in errors[1].message
    assert "not an object" in errors[2].message
    assert "no 'text' or 'html'" in errors[3].message
    assert "'text' is a JSON int, not a string" in errors[4].message


def test_oversized_jsonl_line_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    big = json.dumps({"text": "x" * 5000})
    (tmp_path / "big.jsonl").write_text(big + "\n" + json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    items = read([str(tmp_path / "big.jsonl")], max_line=1000)
    assert isinstance(items[0], InputError) and "longer than the limit" in items[0].message
    assert isinstance(items[1], Document)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    [error] = read([str(huge)])
    assert isinstance(error, InputError) and "too large" in error.message and "50.0 MB" in error.message


def test_missing_path(tmp_path: Path) -> None:
    [error] = read([str(tmp_path / "nope.txt")])
    assert isinstance(error, InputError) and "no such file" in error.message


def test_a_batch_with_bad_inputs_stores_the_good_ones(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(b"\x00\xff" * 300)
    (folder / "lines.jsonl").write_text(json.dumps({"text": TEXT + " Bis."}) + "\n{oops\n", encoding="utf-8")
    result = ingest([str(folder), str(tmp_path / "missing.txt")], store, settings, today=TODAY)
    assert result.added == 2 and store.count() == 2
    assert {s.origin for s in result.skipped} == {
        str(folder / "empty.txt"),
        str(folder / "junk.txt"),
        f"{folder / 'lines.jsonl'}:2",
        str(tmp_path / "missing.txt"),
    }
    assert result.skipped_by_reason["empty file"] == 1


def test_ingest_is_idempotent(store: Store, settings: Settings) -> None:
    first = ingest([str(SAMPLES)], store, settings, today=TODAY)
    second = ingest([str(SAMPLES)], store, settings, today=TODAY)
    assert (first.added, second.added, second.already_stored) == (5, 0, 5)
    assert store.count() == 5
    assert [a.id for a in first.articles] == [a.id for a in second.articles]


def test_same_text_twice_in_one_batch_is_stored_once(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace(" ", "  ") + "\n", encoding="utf-8")
    result = ingest([str(tmp_path)], store, settings, today=TODAY)
    assert result.added == 1 and result.already_stored == 1 and store.count() == 1
