"""The built site in headless Chromium, used the way a reader uses it.

The site is built once by each builder that publishes it (MkDocs with the
plugin, `published_site`; Zensical from the written-out pages,
`zensical_published_site`) for a project path, and every test runs on both,
served from 127.0.0.1 under /repo/, as GitHub Pages serves a project site,
404 page included. Debian's Chromium is driven by Playwright; Playwright's own
browser download is never used. Set SCREENSHOT_DIR to keep the screenshots
(`make screenshots` puts them in docs/assets/screenshots/ for the README).
"""
from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, sync_playwright

from conftest import BUILT_SITES, PROJECT_SITE_URL

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason=f"browser tests need Debian's Chromium at {CHROMIUM}: `apt-get install chromium` (.ci/run installs it)")

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync"]
PREFIX = "/repo/"  # the project path of PROJECT_SITE_URL
SEED_BRIEFING = "briefings/turkey-prepares-to-host-u-s-iran-talks-amid-rising-regional/"
SEED_TITLE = "Turkey prepares to host US–Iran talks as Erdogan says both sides want diplomacy"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
assert PROJECT_SITE_URL.endswith(PREFIX)


class ProjectPathHandler(SimpleHTTPRequestHandler):
    """Serves the site under /repo/ and answers unknown addresses with its 404 page, like GitHub Pages."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "\0outside")  # no such file: a 404
        return super().translate_path("/" + path[len(PREFIX):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module", params=sorted(BUILT_SITES))
def builder(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def built_site(request, builder: str) -> Path:
    return request.getfixturevalue(BUILT_SITES[builder])


@pytest.fixture(scope="module")
def site_url(built_site: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(ProjectPathHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{PREFIX}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


class Reader:
    """A browser tab that records everything that goes wrong while pages load."""

    def __init__(self, page: Page, base: str):
        self.page, self.base = page, base
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on("response", lambda r: self.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def open(self, path: str):
        response = self.page.goto(self.base + path, wait_until="networkidle")
        self.page.wait_for_load_state("load")
        return response


@pytest.fixture
def reader(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    yield Reader(context.new_page(), site_url)
    context.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory, builder: str) -> Path:
    """SCREENSHOT_DIR keeps the MkDocs build's screenshots (the README's); the others go to a temp folder."""
    kept = os.environ.get("SCREENSHOT_DIR") if builder == "mkdocs" else None
    folder = Path(kept or tmp_path_factory.mktemp(f"screenshots-{builder}"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


@pytest.mark.parametrize("path", ["", SEED_BRIEFING, "actors/", "actors/turkey/", "timeline/", "sources/",
                                  "archive/", "tags/", "method/"])
def test_page_loads_with_no_console_errors_or_failed_requests(reader: Reader, path: str):
    response = reader.open(path)
    assert response.status == 200
    assert reader.page.locator("h1").first.is_visible()
    assert reader.problems == []


def test_screenshots_of_home_and_briefing(reader: Reader, browser, site_url, screenshots: Path):
    reader.open("")
    reader.page.screenshot(path=screenshots / "home.png")
    reader.open(SEED_BRIEFING)
    reader.page.screenshot(path=screenshots / "briefing.png")
    phone = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        page = phone.new_page()
        page.goto(site_url + SEED_BRIEFING, wait_until="networkidle")
        page.screenshot(path=screenshots / "briefing-phone.png")
    finally:
        phone.close()
    assert png_size(screenshots / "home.png") == (1280, 800)
    assert png_size(screenshots / "briefing.png") == (1280, 800)
    assert png_size(screenshots / "briefing-phone.png") == (780, 1688)
    assert reader.problems == []


def test_search_for_araghchi_lists_the_briefing_and_opens_it(reader: Reader, builder: str):
    reader.open("")
    if builder == "zensical":  # a button opens Zensical's search dialog (in a shadow root, which locators enter)
        reader.page.locator(".md-search__button").click()
        reader.page.locator("dialog input[role='combobox']").wait_for(state="visible")
        results = "dialog a[role='option']"
    else:
        reader.page.locator("input.md-search__input").click()
        results = ".md-search-result__item a"
    reader.page.keyboard.type("Araghchi", delay=20)
    result = reader.page.locator(f"{results}[href*='{SEED_BRIEFING}']").first
    result.wait_for(state="visible", timeout=10_000)
    assert SEED_TITLE in result.inner_text()
    result.click()
    reader.page.wait_for_url(f"**/{SEED_BRIEFING}**")
    assert SEED_TITLE in reader.page.locator("h1").first.inner_text()
    assert reader.problems == []


@pytest.mark.parametrize("path", ["", SEED_BRIEFING, "actors/turkey/", "timeline/", "actors/", "sources/"])
def test_no_serious_or_critical_accessibility_violations(reader: Reader, path: str):
    reader.open(path)
    violations = Axe().run(reader.page).response["violations"]
    assert len(violations) < 100  # axe ran and answered (an empty list is the goal)
    serious = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
               for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_axe_finds_what_the_site_fixes_on_a_bare_material_page(reader: Reader):
    """The check can fail: without the site's fixes, axe reports the two known Material violations."""
    reader.open("")
    reader.page.evaluate("""() => {
        document.querySelector('.md-search').removeAttribute('aria-label');
        document.querySelectorAll('link[href*="site.css"]').forEach(link => link.remove());
    }""")
    found = {v["id"] for v in Axe().run(reader.page).response["violations"] if v["impact"] == "serious"}
    assert {"aria-dialog-name", "color-contrast"} <= found


@pytest.mark.parametrize("kind", ["articles", "briefings"])
def test_hostile_article_shows_as_text_and_runs_nothing(reader: Reader, built_site: Path, kind: str):
    [folder] = [p.parent for p in (built_site / kind).glob("*hostile*/index.html")]
    reader.open(f"{kind}/{folder.name}/")
    reader.page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")  # the full record
    text = reader.page.locator("article").inner_text()
    assert reader.dialogs == []
    assert reader.page.evaluate("typeof window.__pwned") == "undefined"
    assert reader.page.locator("article a[href^='javascript:' i], article img, article b, article script").count() == 0
    assert '<img src=x onerror="window.__pwned = 2; alert(2)">' in text
    assert "[click here](javascript:alert(3))" in text
    if kind == "articles":  # the whole text, sentence by sentence
        assert "<script>window.__pwned = 1; alert(1)</script>" in text
        assert "{{ config.site_name }} and {% if true %}yes{% endif %}" in text
        assert '<a href="javascript:alert(5)">a link</a> and <b>bold</b>' in text
        assert "---" in text and reader.page.locator("article hr").count() == 0
    assert reader.problems == []


def test_briefing_fits_a_phone_screen(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(site_url + SEED_BRIEFING, wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.locator("label.md-header__button[for='__drawer']").is_visible()  # navigation in the menu
        drawer = page.locator(".md-sidebar--primary").bounding_box()
        assert drawer["x"] + drawer["width"] <= 0  # and off screen until opened
    finally:
        context.close()


def test_briefing_prints_without_site_furniture(reader: Reader):
    reader.open(SEED_BRIEFING)
    reader.page.emulate_media(media="print")
    for furniture in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert reader.page.locator(furniture).first.is_hidden(), furniture
    assert reader.page.get_by_text("Bottom line").first.is_visible()
    pdf = reader.page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_missing_page_gets_the_404_page_with_its_styles_under_the_project_path(reader: Reader):
    response = reader.open("no-such-briefing/")
    assert response.status == 404
    assert "404" in reader.page.locator("h1").first.inner_text()
    stylesheets = reader.page.evaluate("[...document.styleSheets].filter(s => s.href).length")
    assert stylesheets >= 2  # Material's and the site's, loaded from /repo/assets/
    assert reader.problems == [  # the page's own 404, and nothing else
        f"HTTP 404: {reader.base}no-such-briefing/",
        "console error: Failed to load resource: the server responded with a status of 404 (Not Found)"]
