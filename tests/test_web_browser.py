"""The web UI in a real browser: Playwright drives Debian's Chromium against ``chronique serve`` on
127.0.0.1. Screenshots are saved under ``test-artifacts/web/``.

The browser is installed by the tests' own setup when missing (``apt-get install chromium``, as
root); on a machine where that cannot be done the tests are skipped, except under CI where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from chronique.api import Chronique
from chronique.web import create_app

from .conftest import ROOT
from .databases import copy_db

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts" / "web"
TOKEN = "browser-test-token"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EVIL_TEXT = (
    "Le conseil départemental <script>window.__pwned = 1; alert(1)</script> a adopté lundi son budget. "
    '<img src=x onerror="window.__pwned = 2; alert(2)"> « Nous tenons nos engagements », a déclaré '
    "le président du conseil, Marc Lefèvre. Le vote final aura lieu mardi prochain en séance publique."
)


def _ensure_chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env, capture_output=True
        )
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing and could not be installed with apt-get")
    pytest.skip("Chromium is not installed (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(samples_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``chronique serve`` on a copy of the sample store, in a thread, on a free local port."""
    chq = Chronique(copy_db(samples_db, tmp_path_factory.mktemp("browser"), "browser"))
    config = uvicorn.Config(
        create_app(chq, token=TOKEN), host="127.0.0.1", port=_free_port(), log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{config.port}"
    for _ in range(200):
        try:
            if httpx.get(base + "/api/health").status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.05)
    yield base
    srv.should_exit = True
    thread.join(timeout=10)
    chq.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    path = _ensure_chromium()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=FLAGS)
        yield b
        b.close()


def test_journalist_path_home_story_event_article(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")  # type: ignore[attr-defined]
    page.goto(server + "/")
    page.screenshot(path=ARTIFACTS / "1-home.png", full_page=True)
    assert page.locator("h1").inner_text() == "Stories"
    page.locator("a.story-title").first.click()
    page.wait_for_url("**/stories/*")
    title = page.locator("h1").inner_text()
    assert "Poutine" in title or "Trump" in title

    # Click an event on the timeline picture: the page jumps to that dated entry.
    events = page.locator("figure.picture a.entry-link")
    assert events.count() >= 5
    target = events.nth(events.count() // 2)
    target.locator("text").first.click()  # the event's label (dots of close dates overlap)
    page.wait_for_function("location.hash.startsWith('#entry-')")
    href = page.evaluate("location.hash")
    entry = page.locator(f"li{href}")
    assert entry.evaluate("e => e.matches(':target')")
    assert entry.is_visible() and entry.locator("time").inner_text()
    page.screenshot(path=ARTIFACTS / "2-story-event.png", full_page=False)

    # From an entry with quotes, open a source article and check a highlighted quote's speaker.
    with_quotes = page.locator("li.entry:has(blockquote.key-quote)").first
    with_quotes.locator("p.sources a").first.click()
    page.wait_for_url("**/articles/*")
    article_id = page.url.rsplit("/", 1)[1]
    record = httpx.get(f"{server}/api/articles/{article_id}").json()
    quote = page.locator("#quote-text span.quote").first
    quote.hover()
    shown = quote.get_attribute("data-speaker")
    expected = record["quotes"][0]
    name = expected["speaker"]["name"] if expected["speaker"] else expected.get("speaker_text") or ""
    assert shown == name
    beside = quote.locator("xpath=following-sibling::*[1]")
    assert "speaker" in (beside.get_attribute("class") or "") and name in beside.inner_text()
    assert quote.inner_text().strip() == expected["text"].strip()
    assert page.locator("del[data-reason]").count() >= len(record["removed"])
    page.screenshot(path=ARTIFACTS / "3-article.png", full_page=True)

    # The speaker's link leads to the entity page with their quotes.
    if expected["speaker"]:
        beside.click()
        page.wait_for_url("**/entities/*")
        assert name in page.locator("h1").inner_text()
        page.screenshot(path=ARTIFACTS / "4-entity.png", full_page=False)
    page.close()


def test_hostile_article_runs_nothing_on_any_page(server: str, browser: object) -> None:
    posted = httpx.post(
        server + "/api/articles",
        json={"id": "hostile", "title": "<script>window.__pwned = 3</script>Budget", "text": EVIL_TEXT},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=120,
    )
    assert posted.status_code == 201, posted.text
    article_id = posted.json()["article_ids"][0]
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    paths = ["/", "/articles", f"/articles/{article_id}", "/quotes", "/entities", "/search?q=budget"]
    membership = httpx.get(f"{server}/api/articles/{article_id}").json()
    if membership["story_id"]:
        paths.append(f"/stories/{membership['story_id']}")
    for path in paths:
        page.goto(server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned === undefined"), path
    assert dialogs == []
    page.goto(server + f"/articles/{article_id}")
    assert "<script>window.__pwned = 1; alert(1)</script>" in page.locator("#quote-text").inner_text()
    page.screenshot(path=ARTIFACTS / "5-hostile-article.png", full_page=True)
    page.close()


def test_pages_fit_a_phone_screen(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="fr-FR", is_mobile=True)  # type: ignore[attr-defined]
    story = httpx.get(server + "/api/stories").json()["items"][0]
    article = httpx.get(server + "/api/articles", params={"limit": 1}).json()["items"][0]
    for name, path in (
        ("home", "/"),
        ("story", f"/stories/{story['id']}"),
        ("article", f"/articles/{article['id']}"),
    ):
        page.goto(server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 1, f"{path} is {width}px wide"
        page.screenshot(path=ARTIFACTS / f"6-phone-{name}.png", full_page=False)
    assert page.locator("nav a").first.inner_text() == "Histoires"
    page.close()
