"""Real intake: WARC crawls (built here from HTML pages), RSS/Atom feeds from files and from URLs
(served on 127.0.0.1 by the test)."""

from __future__ import annotations

import datetime as dt
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from email.utils import format_datetime
from html import escape
from pathlib import Path

import pytest

from chronique.pipeline import ingest
from chronique.settings import Settings
from chronique.store import Store

from .conftest import SAMPLES, TODAY


def page(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head><body>"
        f"<nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        f"<footer>© Le Journal — mentions légales</footer></body></html>"
    )


def sample_pages() -> list[tuple[str, str, str]]:
    """(url, title, html) of the five samples as web pages."""
    out = []
    for n, path in enumerate(sorted(SAMPLES.glob("*.txt"))):
        text = path.read_text(encoding="utf-8-sig")
        title = f"Article {n} : " + " ".join(text.split()[:6])
        out.append((f"https://journal.example/monde/{n}.html", title, page(title, text)))
    return out


def write_warc(path: Path, compress: bool) -> list[str]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    urls = []
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=compress)
        for url, _title, html in sample_pages():
            body = html.encode("utf-8")
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            record.rec_headers.replace_header("WARC-Date", "2018-07-25T06:00:00Z")
            writer.write_record(record)
            urls.append(url)
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record("https://journal.example/logo.png", "response",
                                      payload=io.BytesIO(b"\x89PNG...."), http_headers=image)
        )  # fmt: skip
        missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record("https://journal.example/gone.html", "response",
                                      payload=io.BytesIO(b"<html><body>Introuvable</body></html>"), http_headers=missing)
        )  # fmt: skip
    return urls


@pytest.mark.parametrize("compress", [False, True])
def test_warc_pages_become_articles_with_url_and_crawl_date(
    tmp_path: Path, store: Store, settings: Settings, compress: bool
) -> None:
    warc = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    urls = write_warc(warc, compress)
    result = ingest([str(tmp_path)], store, settings, today=TODAY)  # found by walking the folder
    assert result.added == 5
    assert sorted(a.url for a in store.articles()) == sorted(urls)
    assert all(a.metadata.get("crawled") == "2018-07-25T06:00:00Z" for a in store.articles())
    assert [s.problem for s in result.skipped] == ["HTTP 404 answer, not a page"]
    assert result.skipped[0].origin.startswith(str(warc)) and result.skipped[0].origin.endswith("#7")
    helsinki = store.search("Helsinki")
    assert helsinki and all("Accueil" not in a.text for a in helsinki)
    again = ingest([str(warc)], store, settings, today=TODAY)
    assert again.added == 0 and again.already_stored == 5


def test_a_truncated_warc_keeps_what_came_before(tmp_path: Path, store: Store, settings: Settings) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    result = ingest([str(cut)], store, settings, today=TODAY)
    assert 1 <= result.added < 5
    broken = [s for s in result.skipped if "broken WARC" in s.problem]
    assert broken and broken[0].origin.startswith(str(cut))


def rss(entries: list[tuple[str, str, str, str]], title: str = "Le Journal — Monde") -> bytes:
    items = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>{date}</pubDate><description>{escape(summary)}</description>{content}</item>"
        for t, link, date, (summary, content) in (
            (e[0], e[1], e[2], (e[3], "")) if not e[3].startswith("FULL:") else (e[0], e[1], e[2], ("", ""))
            for e in entries
        )
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>https://journal.example/</link>{items}</channel></rss>"
    ).encode()


def full_rss() -> bytes:
    """Two entries with the whole article (content:encoded), one with a teaser only."""
    items = []
    for n, path in enumerate(sorted(SAMPLES.glob("*.txt"))[:2]):
        text = path.read_text(encoding="utf-8-sig")
        html = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
        date = format_datetime(dt.datetime(2018, 7, 24 - n, 9, 0, tzinfo=dt.UTC))
        items.append(
            f"<item><title>Entrée {n}</title><link>https://journal.example/{n}</link><pubDate>{date}</pubDate>"
            f"<description>Résumé court.</description><content:encoded><![CDATA[{html}]]></content:encoded></item>"
        )
    items.append(
        "<item><title>Brève</title><link>https://journal.example/breve</link>"
        "<description>Un court résumé de trois mots.</description></item>"
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Le Journal</title>'
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def test_feed_file_entries_with_their_text(tmp_path: Path, store: Store, settings: Settings) -> None:
    feed = tmp_path / "monde.rss"
    feed.write_bytes(full_rss())
    result = ingest([str(feed)], store, settings, today=TODAY)
    assert result.added == 2
    articles = {a.title: a for a in store.articles()}
    assert set(articles) == {"Entrée 0", "Entrée 1"}
    assert {a.source for a in articles.values()} == {"Le Journal"}
    assert articles["Entrée 0"].url == "https://journal.example/0"
    assert "\n" in articles["Entrée 0"].text  # paragraphs kept
    [skipped] = result.skipped
    assert skipped.origin == f"{feed}#3" and "no article text" in skipped.problem


@pytest.fixture
def site() -> Iterator[str]:
    """A news site on 127.0.0.1: a feed of teasers and the five article pages."""
    pages = {f"/monde/{n}.html": html.encode() for n, (_u, _t, html) in enumerate(sample_pages())}
    holder: dict[str, str] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = holder["base"]
            if self.path == "/feed.xml":
                entries = [
                    (
                        f"Article {n}",
                        f"{base}/monde/{n}.html",
                        "Tue, 24 Jul 2018 08:00:00 +0000",
                        "Lire la suite.",
                    )
                    for n in range(5)
                ] + [("Disparu", f"{base}/monde/absent.html", "Tue, 24 Jul 2018 08:00:00 +0000", "Lire.")]
                body, kind = rss(entries), "application/rss+xml"
            elif self.path in pages:
                body, kind = pages[self.path], "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["base"] = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield holder["base"]
    server.shutdown()


def test_feed_url_fetches_the_pages_of_its_teasers(site: str, store: Store, settings: Settings) -> None:
    result = ingest([f"{site}/feed.xml"], store, settings, today=TODAY)
    assert result.added == 5
    assert all(a.url and a.url.startswith(site + "/monde/") for a in store.articles())
    assert {a.title for a in store.articles()} == {f"Article {n}" for n in range(5)}
    [missing] = result.skipped
    assert missing.origin == f"{site}/feed.xml#6" and "HTTP 404" in missing.problem
    one = ingest([f"{site}/monde/2.html"], store, settings, today=TODAY)  # a page's URL
    assert one.already_stored == 1 and one.added == 0
    gone = ingest([f"{site}/nothing-here"], store, settings, today=TODAY)
    assert gone.skipped and "HTTP 404" in gone.skipped[0].problem


def test_gzip_that_is_not_a_warc_is_ignored_in_folders(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    (tmp_path / "backup.tar.gz").write_bytes(gzip.compress(b"not news"))
    (tmp_path / "a.txt").write_text(
        "Le conseil municipal a voté lundi soir le budget de la ville.", encoding="utf-8"
    )
    result = ingest([str(tmp_path)], store, settings, today=TODAY)
    assert result.added == 1 and result.skipped == []
