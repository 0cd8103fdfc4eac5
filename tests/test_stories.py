"""Stories, events and timelines: online clustering on real articles, the date-wise timeline, faces."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select
from typer.testing import CliRunner

from chronique import api
from chronique.cli import app
from chronique.cluster import online, vector_of
from chronique.cluster.online import EVENT, STORY, day_number, decay
from chronique.cluster.vectors import article_vector, cosine
from chronique.lang import get_language
from chronique.model import Article, PublicationDate
from chronique.store import Store, schema
from chronique.timeline import Entry
from chronique.timeline.plot import svg
from chronique.web import create_app

from .conftest import ROOT, SAMPLES, TODAY
from .databases import fresh_db

RPM2 = ROOT / "data" / "rpm2" / "documents"


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> api.Chronique:
    db = fresh_db(tmp_path_factory.mktemp("stories"), "s")
    chq = api.Chronique(db)
    chq.ingest([SAMPLES], today=TODAY)
    return chq


def test_the_samples_are_one_story_told_day_by_day(samples: api.Chronique) -> None:
    [story] = samples.stories()
    assert len(story.article_ids) == 5 and story.people[:2] == ["Vladimir Poutine", "Donald Trump"]
    entries = samples.timeline(story=story.id)
    dates = [e.date for e in entries]
    assert dates == sorted(dates)
    # The happenings the articles date themselves, each on its own day.
    for day in ("2017-11-11", "2018-07-13", "2018-07-16", "2018-07-19", "2018-07-24"):
        assert day in dates, day
    by_day = {e.date: e for e in entries}
    assert "Vietnam" in by_day["2017-11-11"].summary
    assert "inculpé" in by_day["2018-07-13"].summary
    assert len(by_day["2018-07-13"].article_ids) == 2  # wire copy in two outlets: one entry, two sources
    assert any(q["speaker"] == "Iouri Ouchakov" for q in by_day["2018-07-24"].quotes)


def test_timeline_options_bound_and_limit_the_entries(samples: api.Chronique) -> None:
    few = samples.timeline(max_dates=3, sentences_per_date=2)
    assert len(few) == 3 and all(1 <= len(e.sentences) <= 2 for e in few)
    # Of two dates of equal weight, the one more articles tell: the Helsinki summit (three articles)
    # before the indictment (two outlets' wire copy).
    [top] = samples.timeline(max_dates=1)
    assert top.date == "2018-07-16" and len(top.article_ids) == 3
    july = samples.timeline(since="2018-07", until="2018-07-20")
    assert july and all("2018-07" <= e.date <= "2018-07-20" for e in july)
    assert samples.timeline(query="Helsinki")  # a query instead of a story
    for bad in ("2018-13", "juillet"):
        with pytest.raises(ValueError, match="is not a date"):
            samples.timeline(since=bad)
        with pytest.raises(ValueError, match="is not a date"):
            samples.articles(until=bad)


def test_events_are_dated_by_what_they_report(samples: api.Chronique) -> None:
    events = samples.events()
    assert [e.date or "9999" for e in events] == sorted(e.date or "9999" for e in events)
    apec = [e for e in events if e.date == "2017-11-11"]
    assert apec and len(apec[0].article_ids) == 1  # the Vietnam meeting is an event of its own
    # The Sochi visit: its article knows the day and month (15/05), not the year, so it is no part of
    # the Helsinki summit of July, whatever the year.
    # The story runs from the first to the last day its articles give, not only its events' days.
    [story] = samples.stories()
    latest = max(a.published.value or "" for a in samples.articles())
    assert (story.first_date, story.last_date) == ("2017-11-11", latest) and latest > max(
        e.date or "" for e in events
    )
    [sochi] = [e for e in events if e.date is None]
    assert len(sochi.article_ids) == 1 and "Sotchi" in " ".join(
        samples.article(sochi.article_ids[0]).text.split()
    )


def _published(text: str, day: str) -> Article:
    """An article of ``text`` published (declared) on ``day``."""
    return Article(
        id="a", raw_text=text, text=text, published=PublicationDate(day, "day", "test", 1.0, "declared")
    )


def test_background_dates_no_event_but_keep_their_place_in_the_timeline() -> None:
    from chronique.cluster.describe import lead_date
    from chronique.timeline import build

    article = _published(
        "Ingrid Betancourt a été libérée par l'armée colombienne. L'ex-candidate était retenue "
        "dans la jungle depuis le 23 février 2002 par la guérilla des Farc.\n",
        "2008-07-03",
    )
    assert lead_date(article) == "2008-07-03"  # its publication day, not 2002
    entries = {e.date: e.summary for e in build([article])}
    assert "2002-02-23" in entries and "2008-07-03" in entries  # background has its place


def test_timeline_sentences_drop_captions_and_live_blog_stamps() -> None:
    from chronique.timeline import build

    article = _published(
        "21h01 : La France a annoncé samedi 26 février la suspension des activités de son ambassade.\n"
        "(Un insurgé à Ajdabiya, le 30 mars, Andrew Winning / Reuters)\n"
        "- 29 mars : la première réunion du groupe de contact sur la Libye se tient à Londres.\n",
        "2011-03-31",
    )
    entries = {e.date: e.summary for e in build([article])}
    assert entries["2011-02-26"].startswith("La France a annoncé samedi 26 février")
    assert entries["2011-03-29"].startswith("29 mars : la première réunion")
    assert "2011-03-30" not in entries  # a photo's caption tells no event


def test_titles_are_one_trimmed_line_cut_at_a_word(samples: api.Chronique) -> None:
    from chronique.cluster.describe import headline

    titles = [e.title for e in samples.events()] + [s.title for s in samples.stories()]
    assert all(t and t == " ".join(t.split()) for t in titles), titles
    text = "Le président russe a reçu son homologue américain " * 5
    long = headline(text)
    assert len(long) <= 121 and long.endswith("…") and not long[:-1].endswith(" ")
    assert text.startswith(long[:-1]) and text[len(long) - 1] == " "  # cut between two words


def _similar(a: str, b: str) -> float:
    lang = get_language("fr")
    return cosine(article_vector(a, [], lang), article_vector(b, [], lang))


def test_summaries_are_extractive_and_tell_each_fact_once(samples: api.Chronique) -> None:
    texts = [a.text for a in samples.store.articles()]
    [story] = samples.stories()
    events = samples.events()
    for e in events:
        assert e.summary_sentences and e.summary_sentences[0] == e.summary
        assert len(e.summary_sentences) <= min(3, len(e.article_ids))
    # The story's summary: some of its events' summaries, in the events' date order, the largest
    # event's among them.
    summaries = [e.summary for e in events]
    assert story.summary_sentences and set(story.summary_sentences) <= set(summaries)
    assert story.summary_sentences == sorted(story.summary_sentences, key=summaries.index)
    assert max(events, key=lambda e: len(e.article_ids)).summary in story.summary_sentences
    assert story.summary == " ".join(story.summary_sentences)
    for sentences in [story.summary_sentences] + [e.summary_sentences for e in events]:
        assert all(any(x in t for t in texts) for x in sentences)  # extractive
        assert all(_similar(a, b) < 0.5 for i, a in enumerate(sentences) for b in sentences[i + 1 :])
    assert samples.export()["stories"][0]["summary_sentences"] == story.summary_sentences
    # A lead that opens on a quotation of two sentences is not cut inside it.
    quoted = [x for e in events for x in e.summary_sentences if x.startswith('"Les pourparlers')]
    assert quoted and all("a déclaré M. Poutine" in x for x in quoted)


def test_the_same_lead_from_two_outlets_is_told_once(tmp_path: Path) -> None:
    folder = tmp_path / "outlets"
    folder.mkdir()
    original = (SAMPLES / "000_f5d20291b2664ef1.txt").read_text(encoding="utf-8")
    (folder / "agence.txt").write_text(original, encoding="utf-8")
    # Another outlet runs the same wire copy, its lead lightly edited.
    (folder / "journal.txt").write_text(
        original.replace("franche et de travail", "franche et constructive", 1), encoding="utf-8"
    )
    chq = api.Chronique(fresh_db(tmp_path, "outlets"))
    chq.ingest([folder], today=TODAY)
    [event] = chq.events()
    assert len(event.article_ids) == 2
    assert len(event.summary_sentences) == 1


def test_a_large_story_timeline_reads_a_bounded_share_of_every_event(samples: api.Chronique) -> None:
    [story] = samples.stories()
    store = samples.store
    every = store.story_article_ids(story.id)
    assert every == story.article_ids and store.story_article_ids(story.id, limit=99) == every
    events = {m[1] for m in store.memberships(every).values()}
    assert len(events) >= 2
    few = store.story_article_ids(story.id, limit=len(events))
    assert len(few) == len(events) and few == [a for a in every if a in few]  # in ingest order
    assert {store.memberships(few)[a][1] for a in few} == events  # one from each event
    bounded = api.Chronique(settings=samples.settings.with_overrides(timeline_articles=len(events)))
    try:
        entries = bounded.timeline(story=story.id)
        assert entries and all(set(e.article_ids) <= set(few) for e in entries)
        assert bounded.timeline(story=story.id, since="2017") == samples.timeline(
            story=story.id, since="2017"
        )
    finally:
        bounded.close()


def test_a_large_story_is_described_from_a_bounded_share_of_every_event(samples: api.Chronique) -> None:
    [story] = samples.stories()
    events = samples.events(story.id)
    read: list[list[str]] = []
    bounded = api.Chronique(settings=samples.settings.with_overrides(description_articles=1))
    described = bounded.store.articles

    def reading(**kwargs: Any) -> list[Article]:
        found = described(**kwargs)
        read.append([a.id for a in found])
        return found

    bounded.store.articles = reading  # type: ignore[method-assign]
    try:
        [small] = bounded.stories()
        assert sum(map(len, read)) == len(events) < len(story.article_ids)  # one article per event
        # Every event is still told, with all its articles; the story keeps them all.
        assert small.article_ids == story.article_ids and small.event_ids == story.event_ids
        assert [e.article_ids for e in bounded.events(story.id)] == [e.article_ids for e in events]
        assert all(e.title and e.summary for e in bounded.events(story.id))
    finally:
        bounded.close()


def test_key_quotes_are_words_someone_is_found_to_have_said(samples: api.Chronique) -> None:
    from chronique.timeline import build

    articles = samples.articles()
    quotes = samples.store.quotes(article_ids=[a.id for a in articles])
    dated = samples.store.sentence_dates(articles)
    told = [q for e in build(articles, quotes, stored=dated) for q in e.quotes]
    assert told and all(q["speaker"] for q in told)
    first = told[0]
    unnamed = [{**q, "speaker": None} if q["text"] == first["text"] else q for q in quotes]
    again = [q["text"] for e in build(articles, unnamed, stored=dated) for q in e.quotes]
    assert first["text"] not in again and len(again) >= len(told) - 1


def test_export_fills_events_stories_and_article_links(samples: api.Chronique) -> None:
    data = samples.export()
    story_ids = {s["id"] for s in data["stories"]}
    event_ids = {e["id"] for e in data["events"]}
    for article in data["articles"]:
        assert article["story_id"] in story_ids and article["event_id"] in event_ids
    for event in data["events"]:
        assert set(event) >= {"id", "date", "title", "summary", "article_ids", "story_id"}
    for story in data["stories"]:
        assert set(story) >= {"id", "title", "event_ids", "first_date", "last_date"}


def test_time_decays_similarity_only_outside_the_grace_period() -> None:
    day = day_number("2018-07-16")
    assert day is not None and day_number("2018-07") == day - 1 and day_number("XXXX-05-15") is None
    assert decay(EVENT, day, day - 2, day - 1) == 1.0
    assert decay(EVENT, day + 30, day, day) < 0.05
    assert decay(STORY, day + 30, day, day) == 1.0
    assert decay(STORY, None, day, day) == 1.0


def test_clustering_is_deterministic_and_keeps_events_inside_stories() -> None:
    texts = sorted(RPM2.glob("T0[12]_C1_0[1-4].txt"))
    runs = []
    for _ in range(2):
        engine = create_engine("sqlite://")
        schema.metadata.create_all(engine)
        with engine.begin() as conn:
            for path in texts:
                text = path.read_text(encoding="utf-8-sig")
                online.assign(conn, path.name, vector_of(text, None, []), None)
            runs.append(online.members(conn))
    assert runs[0] == runs[1]
    stories = {
        path.name[:3]: {runs[0][path.name][0] for p in texts if p.name[:3] == path.name[:3]} for path in texts
    }
    assert all(len(s) == 1 for s in stories.values())  # each gold story in one predicted story
    assert stories["T01"] != stories["T02"]  # and two different stories apart


def test_an_undated_article_is_as_far_from_an_event_as_its_month_and_day_allow() -> None:
    """An article whose year is unknown but day known (an update line "le 15/05") is no part of an
    event of mid-July, whatever the year; it stays in the story."""
    texts = sorted(RPM2.glob("T01_C1_0[1-3].txt"))
    engine = create_engine("sqlite://")
    schema.metadata.create_all(engine)
    with engine.begin() as conn:
        vectors = [vector_of(p.read_text(encoding="utf-8-sig"), None, []) for p in texts]
        first = online.assign(conn, "a", vectors[0], "2008-07-02")
        near = online.assign(conn, "b", vectors[1], None, "XXXX-07-03")
        far = online.assign(conn, "c", vectors[2], None, "XXXX-05-15")
        month = online.assign(conn, "d", vectors[1], None, "XXXX-07")
    assert near.event_id == first.event_id == month.event_id
    assert far.event_id != first.event_id and far.story_id == first.story_id
    assert online.nearest((5, 15), 733225.0, 733225.0) == (733177, 733177)  # 2008-07-02: 2008-05-15
    assert online.month_day("XXXX-05") == (5, None) and online.month_day(None) is None


def _olympics(tmp_path: Path, name: str) -> api.Chronique:
    """The 20 rpm2 articles on the Beijing Olympics (its opening, then its close), in file order."""
    folder = tmp_path / f"{name}-articles"
    folder.mkdir()
    for path in sorted(RPM2.glob("T06_*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    chq = api.Chronique(fresh_db(tmp_path, name))
    chq.ingest([folder], today=TODAY)
    return chq


def test_clusters_an_article_bridges_are_merged_and_their_ids_still_resolve(tmp_path: Path) -> None:
    merged = _olympics(tmp_path, "merged")
    with merged.store.engine.connect() as conn:
        aliases = conn.execute(select(schema.cluster_aliases)).all()
        clusters = {(r.level, r.id): r for r in conn.execute(select(schema.clusters))}
        members = conn.execute(select(schema.cluster_members)).all()
    assert any(a.level == "story" for a in aliases)
    # Nothing points at a merged cluster: members, events' stories and aliases lead to live clusters,
    # and each cluster counts its members.
    for a in aliases:
        assert (a.level, a.id) not in clusters and (a.level, a.merged_into) in clusters
    for m in members:
        assert ("story", m.story_id) in clusters and ("event", m.event_id) in clusters
        assert clusters[("event", m.event_id)].parent == m.story_id
    for (level, cid), row in clusters.items():
        column = "story_id" if level == "story" else "event_id"
        assert row.n == sum(getattr(m, column) == cid for m in members)
    # A merged story's id (or its prefix) finds the story it became, in the API and the CLI.
    alias = next(a for a in aliases if a.level == "story")
    story = merged.story(alias.id[:8])
    assert story is not None and story.id == alias.merged_into
    with TestClient(create_app(merged, token="")) as client:
        assert client.get(f"/api/stories/{alias.id}").json()["id"] == alias.merged_into
        for a in aliases:
            if a.level == "event":
                assert client.get(f"/api/events/{a.id}").json()["id"] == a.merged_into
        assert client.get("/api/events/Vffffffffffff").status_code == 404


def test_events_of_a_story_told_day_after_day_stay_compact_in_time(tmp_path: Path) -> None:
    """133 articles on the 2011 Libyan war, published over nine months: one story, but many events,
    none creeping along the months (an event's time is its articles' mean day, not their span)."""
    chq = api.Chronique(fresh_db(tmp_path, "libya"))
    chq.ingest([ROOT / "data" / "cltls-libya" / "articles.jsonl"], today=TODAY)
    published = {a.id: a.published.value for a in chq.store.articles()}
    events = chq.events()
    assert len(chq.stories()) <= 3 and len(events) >= 10
    assert max(len(e.article_ids) for e in events) <= len(published) // 4
    for e in events:
        days = sorted(dt.date.fromisoformat(published[a][:10]) for a in e.article_ids if published[a])
        assert not days or (days[-1] - days[0]).days <= 31, (e.title, days[0], days[-1])


def test_an_article_weighs_a_storys_latest_events_the_same_on_every_backend(tmp_path: Path) -> None:
    store = Store(fresh_db(tmp_path, "events"))
    days = [None, 738000, None, 738010, 738005] * 4  # twenty events of one story, eight undated
    try:
        with store.write() as conn:
            for i, day in enumerate(days):
                conn.execute(
                    schema.clusters.insert().values(
                        level="event",
                        id=f"V{i:02d}",
                        parent="S1",
                        centroid="{}",
                        n=1,
                        first_day=day,
                        last_day=day,
                        mean_day=day,
                        dated=int(day is not None),
                    )
                )
            found = [c.id for c in online._candidates(conn, EVENT, {"x": 1.0}, "S1")]
        dated = sorted((-d, f"V{i:02d}") for i, d in enumerate(days) if d is not None)
        assert found == [cid for _, cid in dated][: EVENT.max_candidates]  # latest first, undated last
    finally:
        store.close()


def test_the_picture_is_valid_svg_and_escapes_text() -> None:
    entries = [
        Entry("2018-07-16", "Sommet <script>alert(1)</script> à Helsinki", ["s"], ["a", "b"]),
        Entry("2018-07", "Un mois & plus", ["s"], ["c"]),
        Entry("2019", "Une année", ["s"], ["d"]),
    ]
    picture = svg(entries, "Poutine & Trump")
    root = ET.fromstring(picture)  # well-formed
    assert root.tag.endswith("svg") and "<script>" not in picture
    assert "no dated entries" in svg([], "vide")


def test_weeks_and_seasons_neither_date_an_entry_nor_break_the_picture(tmp_path: Path) -> None:
    """ "cet été", "ce week-end" resolve to TIMEX3 seasons and weeks: no day or month to put an
    event or a timeline entry on, and a picture given one leaves it out rather than failing."""
    folder = tmp_path / "vague"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Grève à la SNCF\nLe 5 avril 2018\nLes syndicats de cheminots ont prévenu cet été que le trafic "
        "serait très perturbé. La direction a annoncé jeudi qu'un train sur deux circulerait ce "
        "week-end sur les grandes lignes, et que les négociations reprendraient la semaine prochaine.\n",
        encoding="utf-8",
    )
    with api.Chronique(fresh_db(tmp_path, "vague")) as chq:
        chq.ingest([folder], today=TODAY)
        dated = [s.value for s in chq.store.sentence_dates(chq.articles())[chq.articles()[0].id]]
        assert any(v and ("-W" in v or v[5:7] in ("SP", "SU", "FA", "WI")) for v in dated), dated
        values = [e.date for e in chq.timeline()] + [e.date for e in chq.events()]
        values += [d for st in chq.stories() for d in (st.first_date, st.last_date)]
        assert values and all(
            v and len(v) in (7, 10) and dt.date.fromisoformat(v + "-01"[: 10 - len(v)]) for v in values
        ), values
    entries = [Entry("2018-SU", "Un été", ["s"], ["a"]), Entry("2018-W13-WE", "Un week-end", ["t"], ["b"])]
    picture = svg([*entries, Entry("2018-04-05", "Un jour", ["u"], ["c"])], "Grève")
    assert "Un jour" in picture and "Un été" not in picture and "Un week-end" not in picture
    assert 'font-weight="bold"></text>' not in svg(entries, "")  # no empty title
    assert "no dated entries" in svg(entries, "Grève")


def test_cli_stories_story_events_timeline(tmp_path: Path) -> None:
    db = fresh_db(tmp_path, "c")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--db", db]).exit_code == 0
    stories = json.loads(runner.invoke(app, ["stories", "--json", "--db", db]).stdout)
    assert len(stories) == 1
    sid = stories[0]["id"]
    one = json.loads(runner.invoke(app, ["story", sid[:6], "--json", "--db", db]).stdout)
    assert one["id"] == sid and one["events"] and one["timeline"]
    events = json.loads(runner.invoke(app, ["events", "--story", sid, "--json", "--db", db]).stdout)
    assert {e["story_id"] for e in events} == {sid}
    plot = tmp_path / "t.svg"
    r = runner.invoke(
        app,
        [
            "timeline",
            "--max-dates",
            "4",
            "--sentences-per-date",
            "2",
            "--plot",
            str(plot),
            "--json",
            "--db",
            db,
        ],
    )
    entries = json.loads(r.stdout)
    assert len(entries) == 4 and all(
        set(e) >= {"date", "summary", "sentences", "article_ids", "quotes"} for e in entries
    )
    assert [e["date"]["value"] for e in entries] == sorted(e["date"]["value"] for e in entries)
    ET.fromstring(plot.read_text(encoding="utf-8"))
    assert runner.invoke(app, ["story", "Snope", "--db", db]).exit_code == 5
    # The Sochi article has no year: its event is said to be undated, not silently left out.
    told = runner.invoke(app, ["timeline", "--db", db]).stdout
    assert "undated: 1 event(s), 1 article(s)" in told and f"--story {sid[:10]}" in told


def test_the_html_report_tells_the_story_with_its_picture(tmp_path: Path) -> None:
    chq = api.Chronique(fresh_db(tmp_path, "r"))
    try:
        report = tmp_path / "r.html"
        chq.run([SAMPLES], report=report)
    finally:
        chq.close()
    page = report.read_text(encoding="utf-8")
    assert 'class="story"' in page and "<svg" in page
    assert '<time datetime="2018-07-13">' in page and "Iouri Ouchakov" in page


def test_stored_sentence_dates_follow_redating(samples: api.Chronique) -> None:
    from chronique.pipeline import dated_sentences

    articles = list(samples.store.iter_articles())
    stored = samples.store.sentence_dates(articles)
    assert set(stored) == {a.id for a in articles}
    for a in articles:  # 004 was redated from other articles after it was stored
        assert [(d.start, d.value) for d in stored[a.id]] == [(d.start, d.value) for d in dated_sentences(a)]


def test_a_month_gives_its_place_to_a_date_when_one_of_its_days_is_told() -> None:
    from chronique.timeline import _select

    weights = {"2011-03": 9.0, "2011-03-19": 5.0, "2011-05": 4.0, "2011-03-17": 3.0, "2011-02-15": 2.0}
    scores = {d: (w, 1) for d, w in weights.items()}
    assert sorted(_select(scores, 3)) == ["2011-03-17", "2011-03-19", "2011-05"]
    assert sorted(_select({"2017-10": (2.0, 2), "2018-07-16": (3.0, 3)}, 2)) == ["2017-10", "2018-07-16"]
    assert _select(scores, None)[0] == "2011-03"  # no limit: every date, most referred to first
    # Equal weights: the date more articles tell, then the earliest.
    assert _select({"2018-07-13": (2.0, 2), "2018-07-16": (2.0, 3), "2018-07-19": (2.0, 3)}, 2) == [
        "2018-07-16",
        "2018-07-19",
    ]
