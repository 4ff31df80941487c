"""The built site in a real browser: served on 127.0.0.1, driven in Debian's headless Chromium.

`nox -s browser` builds the site and runs `pytest tests/browser --site site`. By hand:

    mkdocs build --site-dir /tmp/site && python -m pytest tests/browser --site /tmp/site -v

Playwright (the Python package only: its own browser download is never used) drives
/usr/bin/chromium (Debian's `chromium` package; TORCHSHEET_CHROMIUM overrides the path).

Every tab a test opens is watched: a request to any other origin than the local server is recorded
and aborted (the site must work offline and must not call home), and so are console errors and
uncaught JavaScript exceptions. A test that caused either fails, with the list, even if its own
assertions passed. Screenshots go to site-screenshots/ at the repository root.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "site-screenshots"
CHROMIUM = os.environ.get("TORCHSHEET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI containers run as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}
TIMEOUT_MS = 15_000  # one action or wait; a healthy page needs well under a second


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site folder without a log line per request."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".ipynb": "application/x-ipynb+json",
    }

    def log_message(self, format, *args):
        pass

    def translate_path(self, path):
        # 404.html links its assets by the site's own path (/torchsheet/assets/...: it is served
        # for any missing URL); the site is served at the root here, so that prefix is dropped.
        if SITE_PATH != "/" and path.startswith(SITE_PATH):
            path = "/" + path[len(SITE_PATH) :]
        return super().translate_path(path)


def _site_path() -> str:
    """The path of site_url in mkdocs.yml ("/torchsheet/"), or "/"."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"^site_url:\s*(\S+)", text, flags=re.MULTILINE)
    path = urlsplit(found[1]).path if found else "/"
    return path if path.endswith("/") else path + "/"


SITE_PATH = _site_path()


@pytest.fixture(scope="session")
def site_dir(pytestconfig) -> Path:
    site = Path(pytestconfig.getoption("--site")).resolve()
    if not (site / "index.html").is_file():
        raise pytest.UsageError(f"--site {site}: no index.html there; build it with `mkdocs build`")
    return site


@pytest.fixture(scope="session")
def site_url(site_dir):
    """http://127.0.0.1:PORT, a free port, serving the built site until the session ends."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture(scope="session")
def launch_options() -> dict:
    """How the tests start Chromium (for a test that drives a browser of its own)."""
    return {"executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} not found: apt-get install chromium chromium-driver "
            "(or point TORCHSHEET_CHROMIUM at a Chromium binary)",
            pytrace=False,
        )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Tab:
    """A browser context and its page, with what went wrong in them since the last check."""

    context: BrowserContext
    page: Page
    origin: str
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def goto(self, path: str, **kwargs):
        """Open a path of the site ("" is the home page); fails on an HTTP error."""
        response = self.page.goto(f"{self.origin}/{path.lstrip('/')}", **kwargs)
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        return response

    def take_problems(self) -> list[str]:
        """The recorded problems (then forgotten): each test answers only for its own."""
        for page in self.context.pages:  # a round trip delivers the events still in flight
            try:
                page.evaluate("0")
            except PlaywrightError:
                pass  # closed, or navigating: nothing to deliver
        problems = [f"request to another host (aborted): {r}" for r in self.foreign_requests]
        problems += [f"console error: {e}" for e in self.console_errors]
        self.foreign_requests.clear()
        self.console_errors.clear()
        return problems


def _open_tab(browser, origin: str, color_scheme: str = "light", **context_options) -> Tab:
    context = browser.new_context(
        viewport=VIEWPORT,
        color_scheme=color_scheme,  # the palette follows prefers-color-scheme until a reader picks
        permissions=["clipboard-read", "clipboard-write"],
        service_workers="block",
        **context_options,
    )
    context.set_default_timeout(TIMEOUT_MS)
    tab = Tab(context=context, page=None, origin=origin)  # the page comes once it is watched

    def is_foreign(url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return False  # nothing goes over the network
        return f"{parts.scheme}://{parts.netloc}" != origin

    def abort(route):
        tab.foreign_requests.append(f"{route.request.method} {route.request.url}")
        route.abort("blockedbyclient")

    def on_console(message):
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            tab.console_errors.append(f"{message.text} [{where}]")

    def on_websocket(websocket):  # not seen by routes
        if is_foreign(websocket.url):
            tab.foreign_requests.append(f"websocket {websocket.url}")

    def on_page(page):
        page.on("pageerror", lambda error: tab.console_errors.append(f"uncaught {error}"))
        page.on("websocket", on_websocket)

    context.route(is_foreign, abort)
    context.on("console", on_console)
    context.on("page", on_page)
    tab.page = context.new_page()
    return tab


@pytest.fixture(scope="session")
def tab(browser, site_url):
    """The tab most tests share (opening a context costs a second on a busy machine)."""
    tab = _open_tab(browser, site_url)
    yield tab
    tab.context.close()


@pytest.fixture(scope="session")
def dark_tab(browser, site_url):
    """A tab whose reader's system prefers dark: the site opens in the slate scheme."""
    tab = _open_tab(browser, site_url, color_scheme="dark")
    yield tab
    tab.context.close()


@pytest.fixture
def new_tab(browser, site_url):
    """A tab in a fresh context: empty storage (no palette chosen yet), light colour scheme."""
    tab = _open_tab(browser, site_url)
    yield tab
    tab.context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail a test that made a request to another host or logged a console error."""
    __tracebackhide__ = True
    tabs = [v for v in getattr(item, "funcargs", {}).values() if isinstance(v, Tab)]
    try:
        result = yield
    except BaseException as error:  # failed (or skipped) anyway: say what the page did too
        if problems := [p for t in tabs for p in t.take_problems()]:
            error.add_note("the page also misbehaved:\n  " + "\n  ".join(problems))
        raise
    if problems := [p for t in tabs for p in t.take_problems()]:
        raise AssertionError("the page misbehaved:\n  " + "\n  ".join(problems))
    return result


@pytest.fixture(scope="session")
def screenshot():
    """screenshot(page, name): site-screenshots/NAME.png, what a reader sees (the viewport)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):  # none left over from an older build
        old.unlink()

    def take(page, name: str, full_page: bool = False) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=path, animations="disabled", full_page=full_page)
        return path

    return take


# Figures the tests measure (search rates, latency, index size, accessibility, load times): printed
# at the end of the run, whatever the verbosity, so `nox -s browser` always shows them.
FIGURES: list[str] = []


@pytest.fixture(scope="session")
def figures() -> list[str]:
    return FIGURES


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("figures measured in the browser")
        for line in FIGURES:
            terminalreporter.write_line(line)
