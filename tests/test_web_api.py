"""The HTTP API: every endpoint on the sample store, pagination, error bodies and the token rule."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from chronique.api import Chronique
from chronique.settings import Settings
from chronique.web import create_app

from .conftest import SAMPLES
from .databases import fresh_db

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(samples_db: str) -> Iterator[TestClient]:
    """Read-only client on the sample store (no token configured: writes are refused)."""
    with Chronique(samples_db) as chq, TestClient(create_app(chq, token="")) as c:
        yield c


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """A client on an empty store of its own, with a token and a 1 MB request limit."""
    settings = Settings(db=fresh_db(tmp_path, "w"), max_request_mb=1.0)
    with Chronique(settings=settings) as chq, TestClient(create_app(chq, token=TOKEN)) as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def error_of(response: object) -> dict[str, object]:
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"}, body
    assert body["error"]["status"] == response.status_code  # type: ignore[attr-defined]
    assert body["error"]["code"] and body["error"]["message"]
    return body["error"]  # type: ignore[no-any-return]


def test_health_counts_what_is_stored(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["ok"] is True and body["articles"] == 5 and body["schema_version"] >= 5


def test_article_list_pages_cover_every_article_once(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert first["total"] == 5 and first["limit"] == 2 and first["offset"] == 0 and len(first["items"]) == 2
    seen = []
    for offset in range(0, 5, 2):
        page = client.get("/api/articles", params={"limit": 2, "offset": offset}).json()
        seen += [item["id"] for item in page["items"]]
    assert len(seen) == 5 and len(set(seen)) == 5
    assert client.get("/api/articles", params={"offset": 5}).json()["items"] == []


def test_article_list_filters(client: TestClient) -> None:
    everything = client.get("/api/articles").json()["items"]
    dated = [a for a in everything if (a["published"]["value"] or "") >= "2018-07-20"]
    since = client.get("/api/articles", params={"since": "2018-07-20"}).json()
    assert {a["id"] for a in since["items"]} == {a["id"] for a in dated} and since["total"] == len(dated)
    until = client.get("/api/articles", params={"until": "2018-07"}).json()["items"]
    assert all(a["published"]["value"] <= "2018-07-31" for a in until)
    helsinki = client.get("/api/articles", params={"q": "Helsinki"}).json()
    assert 0 < helsinki["total"] < 5
    ouchakov = client.get("/api/articles", params={"entity": "Ouchakov"}).json()["items"]
    assert ouchakov and all(
        any(m["text"].endswith("Ouchakov") for m in client.get(f"/api/articles/{a['id']}").json()["mentions"])
        for a in ouchakov
    )
    assert client.get("/api/articles", params={"entity": "Nobody Atall"}).json()["total"] == 0


def test_one_article_has_every_annotation(client: TestClient) -> None:
    item = client.get("/api/articles", params={"q": "Helsinki", "limit": 1}).json()["items"][0]
    article = client.get(f"/api/articles/{item['id']}").json()
    for field in (
        "id",
        "file",
        "url",
        "title",
        "source",
        "language",
        "published",
        "text",
        "raw_text",
        "removed",
        "quotes",
        "timexes",
        "mentions",
        "event_id",
        "story_id",
        "originality",
        "reuse",
    ):
        assert field in article, field
    text = article["text"]
    assert article["quotes"] and all(text[q["start"] : q["end"]] == q["text"] for q in article["quotes"])
    assert all(text[m["start"] : m["end"]] == m["text"] for m in article["mentions"])
    assert client.get(f"/api/articles/{item['id'][:8]}").json()["id"] == item["id"]  # a prefix works


def test_entities_list_and_one_entity(client: TestClient) -> None:
    people = client.get("/api/entities", params={"type": "PER", "limit": 3}).json()
    assert people["total"] > 3 and len(people["items"]) == 3
    assert all(e["type"] == "PER" for e in people["items"])
    mentions = [e["mentions"] for e in people["items"]]
    assert mentions == sorted(mentions, reverse=True)
    putin = client.get("/api/entities", params={"q": "Poutine"}).json()["items"][0]
    record = client.get(f"/api/entities/{putin['id']}").json()
    assert record["name"] == "Vladimir Poutine" and "Poutine" in " ".join(record["aliases"])
    assert record["quotes"] and all(q["speaker"]["entity_id"] == putin["id"] for q in record["quotes"])
    assert record["story_ids"] and record["article_ids"]
    by_name = client.get("/api/entities/Vladimir Poutine").json()
    assert by_name["id"] == putin["id"]
    # A filter lists every entity a name or alias of which contains the words, not only exact names.
    kremlin = {e["name"] for e in client.get("/api/entities", params={"q": "kremlin"}).json()["items"]}
    assert {"Kremlin", "Vladimir Poutine"} <= kremlin  # "Le maître du Kremlin"


def test_quotes_filters_and_pages(client: TestClient) -> None:
    everything = client.get("/api/quotes", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) > 10
    trump = client.get("/api/quotes", params={"speaker": "Donald Trump"}).json()["items"]
    assert trump and all(q["speaker"]["name"] == "Donald Trump" for q in trump)
    words = client.get("/api/quotes", params={"q": "Russie"}).json()["items"]
    assert words and all("russie" in q["text"].lower() for q in words)
    second = client.get("/api/quotes", params={"limit": 3, "offset": 3}).json()["items"]
    assert [q["text"] for q in second] == [q["text"] for q in everything["items"][3:6]]
    sure = client.get("/api/quotes", params={"min_confidence": 0.8, "limit": 500}).json()
    assert 0 < sure["total"] < everything["total"] and all(q["confidence"] >= 0.8 for q in sure["items"])
    named = client.get("/api/quotes", params={"attributed": "true", "limit": 500}).json()
    unnamed = [q for q in everything["items"] if q["speaker"] is None]
    assert unnamed and named["total"] == everything["total"] - len(unnamed)
    assert all(q["speaker"] for q in named["items"])
    assert client.get("/api/quotes", params={"min_confidence": 2}).status_code == 422
    about = client.get("/api/quotes", params={"about": "Poutine"}).json()["items"]
    assert about and all(
        "Poutine" in q["text"] or "Kremlin" in q["text"] or "russe" in q["text"] for q in about
    )


def test_stories_events_and_timeline(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    story = stories["items"][0]
    assert len(story["article_ids"]) == 5 and story["first_date"] <= story["last_date"]
    full = client.get(f"/api/stories/{story['id']}").json()
    assert [e["id"] for e in full["events"]] and {e["story_id"] for e in full["events"]} == {story["id"]}
    events = client.get("/api/events", params={"story": story["id"]}).json()
    assert events["total"] == len(full["events"])
    one = client.get(f"/api/events/{events['items'][0]['id']}").json()
    assert one["articles"] and {a["id"] for a in one["articles"]} == set(one["article_ids"])
    timeline = client.get("/api/timeline", params={"story": story["id"], "max_dates": 6}).json()
    assert 0 < len(timeline) <= 6
    dates = [e["date"]["value"] for e in timeline]
    assert dates == sorted(dates) and "2018-07-16" in dates
    assert all(set(e) >= {"date", "summary", "sentences", "article_ids", "quotes"} for e in timeline)
    by_query = client.get("/api/timeline", params={"query": "Helsinki"}).json()
    assert by_query and all(e["article_ids"] for e in by_query)
    both = client.get("/api/timeline", params={"query": "Helsinki", "story": story["id"]}).json()
    helsinki = {a["id"] for a in client.get("/api/articles", params={"q": "Helsinki"}).json()["items"]}
    assert both and all(set(e["article_ids"]) <= helsinki for e in both)


def test_exports(client: TestClient) -> None:
    story = client.get("/api/stories").json()["items"][0]
    rows = list(
        csv.DictReader(io.StringIO(client.get("/api/timeline.csv", params={"story": story["id"]}).text))
    )
    assert rows and rows[0]["date"] <= rows[-1]["date"] and all(r["summary"] for r in rows)
    quotes = list(csv.DictReader(io.StringIO(client.get("/api/export/quotes.csv").text)))
    assert len(quotes) == client.get("/api/quotes").json()["total"]
    assert any(r["speaker"] == "Vladimir Poutine" for r in quotes)
    html = client.get(f"/api/stories/{story['id']}/report.html")
    assert html.headers["content-type"].startswith("text/html") and "<svg" in html.text
    assert story["title"] in html.text
    md = client.get(f"/api/stories/{story['id']}/report.md").text
    assert md.startswith("# ") and "## 2018-07-16" in md and "Sources:" in md
    export = client.get("/api/export").json()
    assert (
        set(export) >= {"articles", "entities", "events", "stories", "reuse"} and len(export["articles"]) == 5
    )


def test_reuse_and_search(client: TestClient) -> None:
    pairs = client.get("/api/reuse").json()
    assert pairs["total"] == len(pairs["items"])
    for pair in pairs["items"]:
        assert {"source_id", "target_id", "passages"} <= set(pair)
    found = client.get("/api/search", params={"q": "Poutine"}).json()
    assert found["articles"] and found["entities"] and found["quotes"]
    assert found["entities"][0]["name"] == "Vladimir Poutine"


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/articles/0000000000000000", 404),
        ("/api/entities/Personne%20Inconnue%20Xyz", 404),
        ("/api/stories/Snothere", 404),
        ("/api/events/Vnothere", 404),
        ("/api/timeline?story=Snothere", 404),
        ("/api/no-such-endpoint", 404),
        ("/api/articles?limit=0", 422),
        ("/api/articles?limit=abc", 422),
        ("/api/articles?since=last-week", 422),
        ("/api/articles?since=2018-07-32", 422),
        ("/api/timeline?since=2018-13", 422),
        ("/api/timeline?story=S&until=2018-00", 422),
        ("/api/entities?type=ANIMAL", 422),
        ("/api/articles/%00", 404),
    ],
)
def test_errors_have_one_json_shape(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    error_of(response)


def test_a_defect_is_a_500_in_the_same_shape(
    samples_db: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from chronique.web.service import Service

    def broken(self: Service, **params: object) -> object:
        raise ValueError("Invalid isoformat string")

    monkeypatch.setattr(Service, "timeline", broken)
    with Chronique(samples_db) as chq, TestClient(create_app(chq), raise_server_exceptions=False) as c:
        response = c.get("/api/timeline")
        assert response.status_code == 500 and error_of(response)["code"] == "internal_error"
        assert "ValueError" in str(error_of(response)["message"])
        page = c.get(f"/stories/{chq.stories()[0].id}")
        assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "GET /api/timeline failed" in caplog.text


def test_writes_are_refused_without_a_configured_token(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "Un texte."}, headers=AUTH)
    assert response.status_code == 403 and error_of(response)["code"] == "writes_disabled"
    assert client.get("/api/health").json()["articles"] == 5


def test_writes_need_the_right_token(writer: TestClient) -> None:
    article = {
        "id": "a1",
        "title": "Conseil",
        "url": "https://ex.fr/lyon/conseil",
        "text": "Le conseil municipal de Lyon s'est réuni lundi soir.",
    }
    assert writer.post("/api/articles", json=article).status_code == 401
    assert (
        writer.post("/api/articles", json=article, headers={"Authorization": "Bearer nope"}).status_code
        == 401
    )
    assert writer.get("/api/health").json()["articles"] == 0
    created = writer.post("/api/articles", json=article, headers={"X-Chronique-Token": TOKEN})
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["added"] == 1 and len(body["article_ids"]) == 1
    stored = writer.get(f"/api/articles/{body['article_ids'][0]}").json()
    assert stored["title"] == "Conseil" and "Lyon" in stored["text"]
    # Found again by the id and the URL it was given, a URL's slashes escaped or not.
    for given in ("a1", "https://ex.fr/lyon/conseil", "https:%2F%2Fex.fr%2Flyon%2Fconseil"):
        assert writer.get(f"/api/articles/{given}").json()["id"] == stored["id"], given
        assert writer.get(f"/articles/{given}").status_code == 200, given
    again = writer.post("/api/articles", json=article, headers=AUTH).json()
    assert again["added"] == 0 and again["already_stored"] == 1


def test_jsonl_batch_reports_bad_lines_and_keeps_the_rest(writer: TestClient) -> None:
    lines = [
        json.dumps({"id": "b1", "text": "Le maire de Nantes a inauguré mardi un nouveau pont sur la Loire."}),
        '{"id": "b2", "text": "tronqu',
        json.dumps({"id": "b3", "text": "La préfecture a publié jeudi un arrêté sur la circulation."}),
    ]
    response = writer.post(
        "/api/articles",
        content="\n".join(lines).encode(),
        headers={**AUTH, "Content-Type": "application/x-ndjson"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["added"] == 2 and len(body["skipped"]) == 1
    assert body["skipped"][0]["origin"] == "<request>:2" and "JSON" in body["skipped"][0]["problem"]


PAGE = """<!doctype html><html><head><title>Nantes : le nouveau pont ouvert</title></head><body>
<nav><a href="/">Accueil</a> | <a href="/politique">Politique</a></nav>
<article><h1>Nantes : le nouveau pont ouvert</h1>
<p>Le maire de Nantes a inauguré mardi le nouveau pont sur la Loire, après trois ans de travaux
qui ont profondément modifié la circulation dans le centre de la ville.</p>
<p>« C'est un jour important pour tous les habitants », a déclaré la maire, Johanna Rolland, devant
plusieurs centaines de personnes réunies sur les quais pour l'occasion.</p>
<p>Le chantier, d'un coût de 60 millions d'euros, avait été lancé en 2017 par la métropole, qui
prévoit désormais un nouveau réseau de pistes cyclables sur les deux rives du fleuve.</p>
</article><footer>© Exemple 2020 - Tous droits réservés</footer></body></html>"""


def test_html_page_with_metadata_from_the_query(writer: TestClient) -> None:
    body = PAGE.encode()
    response = writer.post(
        "/api/articles",
        content=body,
        params={"url": "https://example.org/a", "source": "Exemple", "published": "2020-05-04"},
        headers={**AUTH, "Content-Type": "text/html; charset=utf-8"},
    )
    assert response.status_code == 201, response.text
    stored = writer.get(f"/api/articles/{response.json()['article_ids'][0]}").json()
    assert stored["url"] == "https://example.org/a" and stored["source"] == "Exemple"
    assert stored["published"]["value"] == "2020-05-04"


@pytest.mark.parametrize(
    ("content", "media", "status", "code"),
    [
        (b"{not json", "application/json", 400, "bad_request"),
        (b"", "text/plain", 400, "bad_request"),
        (b"\x00\xff\xfe binary", "text/plain", 400, "bad_request"),
        (b"du texte", "image/png", 415, "unsupported_media_type"),
        (b"x" * (1024 * 1024 + 10), "text/plain", 413, "too_large"),
    ],
)
def test_bad_bodies_get_clear_errors(
    writer: TestClient, content: bytes, media: str, status: int, code: str
) -> None:
    response = writer.post("/api/articles", content=content, headers={**AUTH, "Content-Type": media})
    assert response.status_code == status, response.text
    error = error_of(response)
    assert error["code"] == code
    assert writer.get("/api/health").json()["articles"] == 0


def test_a_chunked_body_over_the_limit_is_refused(writer: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"y" * 65536

    response = writer.post("/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "text/plain"})
    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/quotes",
        "/api/events",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/timeline",
        "/api/reuse",
        "/api/export",
        "/api/search",
    ):
        assert path in paths, path
    assert "post" in paths["/api/articles"]
    assert client.get("/api/docs").status_code == 200


def test_cached_stories_follow_new_articles(tmp_path: Path) -> None:
    """After an ingest, the server describes again only what changed and gives what a full pass gives."""
    from chronique.report.export import stories_of
    from chronique.web.service import Service

    docs = sorted((SAMPLES.parent / "data" / "rpm2" / "documents").glob("T0[12]_*.txt"))
    settings = Settings(db=fresh_db(tmp_path, "c"), nlp=False)
    with Chronique(settings=settings) as chq:
        chq.ingest([str(d) for d in docs[:25]])
        service = Service(chq)
        before = service.stories()
        chq.ingest([str(d) for d in docs[25:]])
        after, events = service.stories_and_events()
        full, full_events = stories_of(chq.store)
        assert [s.as_dict() for s in after] == [s.as_dict() for s in full] != [s.as_dict() for s in before]
        assert [e.as_dict() for e in events] == [e.as_dict() for e in full_events]


def test_cached_stories_survive_a_merge_while_they_are_described(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer may merge a story into another between the server's read of the memberships and its
    read of the articles: the description follows the memberships it read (the next call, the merge)."""
    from chronique.web.service import Service

    docs = sorted((SAMPLES.parent / "data" / "rpm2" / "documents").glob("T0[12]_C1_0[1-4].txt"))
    settings = Settings(db=fresh_db(tmp_path, "m"), nlp=False)
    with Chronique(settings=settings) as chq:
        chq.ingest([str(d) for d in docs])
        service = Service(chq)
        ids = [s.id for s in chq.stories()]
        assert len(ids) >= 2
        read = chq.store.articles

        def articles_then_merge(*args: object, **kwargs: object) -> object:
            found = read(*args, **kwargs)  # type: ignore[arg-type]
            with chq.store.write() as conn:  # as a concurrent writer's merge would
                conn.execute(
                    text("UPDATE cluster_members SET story_id = :a WHERE story_id = :b"),
                    {"a": ids[0], "b": ids[1]},
                )
            return found

        monkeypatch.setattr(chq.store, "articles", articles_then_merge)
        during = {s.id for s in service.stories()}
        assert set(ids) <= during
        monkeypatch.undo()
        assert ids[1] not in {s.id for s in Service(chq).stories()}
