"""The web UI served by the same app: every page renders the store's facts, in French or English;
article text never becomes markup; no URL reads a file outside the package's static folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from chronique.api import Chronique
from chronique.settings import Settings
from chronique.web import create_app
from chronique.web.labels import LABELS

from .databases import fresh_db

EVIL = (
    "Le conseil municipal <script>alert(1)</script> a voté lundi le budget. "
    '<img src=x onerror="alert(2)"> « Nous avons tenu <b>parole</b> », a déclaré le maire, Jean Dupont. '
    "Le texte sera publié mardi au recueil des actes administratifs de la ville."
)


@pytest.fixture(scope="module")
def client(samples_db: str) -> Iterator[TestClient]:
    with Chronique(samples_db) as chq, TestClient(create_app(chq, token="")) as c:
        yield c


class _Tags(HTMLParser):
    """Every element and attribute of a page, to find markup that should not exist."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_labels_exist_in_every_language() -> None:
    keys = [set(labels) for labels in LABELS.values()]
    assert all(k == keys[0] for k in keys)


def test_home_lists_stories_in_the_chosen_language(client: TestClient) -> None:
    fr = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert fr.status_code == 200 and "<h1>Histoires</h1>" in fr.text
    [story] = client.get("/api/stories").json()["items"]
    assert str(escape(story["title"])) in fr.text and "Vladimir Poutine" in fr.text
    en = client.get("/?lang=en")
    assert "<h1>Stories</h1>" in en.text and "lang=en" in en.headers["set-cookie"]
    assert "<h1>Stories</h1>" in client.get("/").text  # the cookie keeps the choice


def test_story_page_has_a_clickable_picture_and_dated_entries(client: TestClient) -> None:
    story = client.get("/api/stories").json()["items"][0]
    html = client.get(f"/stories/{story['id']}").text
    entries = re.findall(r'<li class="entry" id="entry-(\d+)">', html)
    links = re.findall(r'<a href="#entry-(\d+)" class="entry-link">', html)
    assert entries and sorted(set(links)) == sorted(set(entries))
    dates = re.findall(r'<h3><time datetime="([^"]+)">', html)
    assert dates == sorted(dates) and "2018-07-16" in dates
    assert "<svg" in html and "Sources" in html


def test_article_page_marks_quotes_names_dates_and_removed_text(client: TestClient) -> None:
    item = client.get("/api/articles", params={"q": "Helsinki", "limit": 1}).json()["items"][0]
    record = client.get(f"/api/articles/{item['id']}").json()
    html = client.get(f"/articles/{item['id']}", headers={"Accept-Language": "en"}).text
    speakers = re.findall(r'<span class="quote" id="quote-\d+" data-speaker="([^"]*)"', html)
    named = [q["speaker"]["name"] if q["speaker"] else q.get("speaker_text") or "" for q in record["quotes"]]
    assert speakers and set(speakers) <= {n.replace("'", "&#39;") for n in named}
    assert '<time class="timex" datetime="' in html and '<a class="mention' in html
    if record["removed"]:
        assert html.count("<del data-reason=") >= len(record["removed"])


def test_entity_quotes_and_search_pages(client: TestClient) -> None:
    putin = client.get("/api/entities", params={"q": "Poutine"}).json()["items"][0]
    page = client.get(f"/entities/{putin['id']}").text
    [story] = client.get("/api/stories").json()["items"]
    assert "<h1>Vladimir Poutine" in page and str(escape(story["title"])) in page
    quotes = client.get("/quotes", params={"speaker": "Trump"}).text
    assert 'class="speaker" href="/entities/' in quotes and "Donald Trump" in quotes
    named = client.get("/quotes", params={"attributed": "true"}).text
    assert 'name="attributed" value="true" checked' in named and 'class="speaker"' in named
    search = client.get("/search", params={"q": "Helsinki"}).text
    assert "Helsinki" in search and "/articles/" in search
    for path in ("/articles", "/articles?q=Poutine&since=2018-07", "/entities?type=PER"):
        assert client.get(path).status_code == 200, path


def test_missing_pages_are_html_errors(client: TestClient) -> None:
    response = client.get("/articles/zzzz", headers={"Accept-Language": "en"})
    assert response.status_code == 404 and "<h1>Not found (404)</h1>" in response.text


@pytest.mark.parametrize(
    "path",
    ["/entities?type=XYZ", "/articles?since=2018-13", "/quotes?attributed=maybe", "/articles?offset=-1"],
)
def test_a_bad_filter_value_is_an_html_error_naming_it(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"Accept-Language": "en"})
    name = path.split("?")[1].split("=")[0]
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert f"query.{name}" in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/articles/..%2f..%2f..%2fetc%2fpasswd",
        "/articles/%2Fetc%2Fpasswd",
        "/entities/..%2F..%2Fpyproject.toml",
        "/static/../app.py",
    ],
)
def test_no_url_reads_a_file_outside_the_static_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in {400, 404}, path
    assert (
        "root:" not in response.text and "import " not in response.text and "[project]" not in response.text
    )


def test_static_files_are_served(client: TestClient) -> None:
    assert "font" in client.get("/static/style.css").text


def test_article_text_never_becomes_markup(tmp_path: Path) -> None:
    with (
        Chronique(settings=Settings(db=fresh_db(tmp_path, "x"))) as chq,
        TestClient(create_app(chq, token="t")) as c,
    ):
        posted = c.post(
            "/api/articles",
            json={
                "id": "evil",
                "title": "<script>alert(3)</script>Budget",
                "text": EVIL,
                "url": "javascript:alert(4)",
            },
            headers={"Authorization": "Bearer t"},
        )
        assert posted.status_code == 201, posted.text
        article_id = posted.json()["article_ids"][0]
        pages = [
            "/",
            "/articles",
            f"/articles/{article_id}",
            "/quotes",
            "/entities",
            "/search?q=budget",
            "/search?q=%3Cscript%3E",
        ]
        pages += [f"/stories/{s['id']}" for s in c.get("/api/stories").json()["items"]]
        pages += [f"/entities/{e['id']}" for e in c.get("/api/entities").json()["items"]]
        for path in pages:
            html = c.get(path).text
            found = tags_of(html)
            assert not [t for t, _ in found if t in {"script", "img", "b", "iframe"}], path
            assert not [a for _, attrs in found for a in attrs if a.startswith("on")], path
            hrefs = [attrs.get("href") or "" for _, attrs in found]
            assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")], path
        article = c.get(f"/articles/{article_id}").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
        assert "Jean Dupont" in article
        assert "javascript:alert(4)" in article  # shown as text, never a link


def test_serve_binds_to_localhost_unless_told(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from chronique.cli import app

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: calls.append(kw))
    monkeypatch.delenv("CHRONIQUE_TOKEN", raising=False)
    db = fresh_db(tmp_path, "s")
    result = CliRunner().invoke(app, ["serve", "--db", db])
    assert result.exit_code == 0, result.output
    assert calls[-1]["host"] == "127.0.0.1" and "writes off" in result.output
    monkeypatch.setenv("CHRONIQUE_TOKEN", "very-secret-value")
    result = CliRunner().invoke(app, ["serve", "--db", db, "--host", "0.0.0.0", "--port", "9999"])
    assert calls[-1]["host"] == "0.0.0.0" and calls[-1]["port"] == 9999
    assert "writes on" in result.output and "very-secret-value" not in result.output
