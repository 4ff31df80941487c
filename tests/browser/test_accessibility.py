"""Every page is usable by everyone: axe-core at WCAG 2.1 AA over every built page in both colour
schemes, keyboard-only use of the search, copy button, theme toggle and notebook download (each
reachable with Tab and visibly focused), and the one-page sheet's load.

axe-core comes from the axe-playwright-python package (its bundled axe.min.js, in the `browser`
dependency group): no download at test time.
"""

from __future__ import annotations

import collections
import concurrent.futures
import json
from pathlib import Path

import pytest

axe_package = pytest.importorskip("axe_playwright_python")
AXE = Path(axe_package.__file__).with_name("axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """async ([tags, exclude]) => {
    const context = exclude.length ? {exclude: exclude.map(s => [s])} : document
    const result = await axe.run(context, {runOnly: {type: 'tag', values: tags},
                                           resultTypes: ['violations']})
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary
            .replace(/\\s+/g, ' ').slice(0, 200)),
        count: v.nodes.length,
    }))
}"""


def built_pages(site: Path) -> list[str]:
    """URL paths of every built page ("" is the home page), and the 404 page."""
    pages = sorted(
        html.parent.relative_to(site).as_posix().removeprefix(".").strip("/")
        for html in site.rglob("index.html")
    )
    return [p + "/" if p else "" for p in pages] + ["404.html"]


# The site's chrome (header, navigation, table of contents, footer) and the colours of code
# tokens are the same on every page: they are audited in full on the sample pages (the home
# page, each nav section's first page, the one-page sheet, a walkthrough, the 404 page); on the
# others the audit covers the page's own content, less the code tokens. Every rule runs on
# every page; this only keeps the run within minutes (axe's colour checks cost ~0.1 ms a node).
CONTENT_ONLY = [".md-header", ".md-sidebar", ".md-footer", ".highlight code > *"]


def sample_pages(pages: list[str]) -> set[str]:
    """The home page, each section's first page, the one-page sheet, a walkthrough, the 404."""
    sections = {p for p in pages if p.count("/") == 1}
    extra = {"", "one-page/", "404.html", "tensors/creation/", "walkthroughs/small_cnn/"}
    return sections | (extra & set(pages))


# Stands in for the search index during the audit: building the real one costs each page load
# a second of CPU that the audit does not need (the search has its own tests).
EMPTY_INDEX = json.dumps(
    {
        "config": {
            "lang": ["en"],
            "separator": "[\\s]+",
            "pipeline": [],
            "fields": {},
            "torchsheet": {"version": 1, "pages": [], "synonyms": []},
        },
        "docs": [],
    }
)


def audit_all(launch: dict, origin: str, pages: list[str], sample: set[str], scheme: str) -> dict:
    """{path: violations} of every page, audited a few at a time (axe waits on layout: the
    browser's processes keep both cores busy), in a browser of its own on an asyncio loop."""
    import asyncio

    from playwright.async_api import async_playwright

    async def main():
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(**launch)
            context = await browser.new_context(
                viewport={"width": 1280, "height": 800},
                color_scheme=scheme,
                service_workers="block",
            )
            context.set_default_timeout(120_000)  # the one-page sheet, on a busy machine
            await context.route(
                "**/search/search_index.json",
                lambda route: route.fulfill(body=EMPTY_INDEX, content_type="application/json"),
            )
            await context.route(
                lambda url: not url.startswith(origin) and not url.startswith("data:"),
                lambda route: route.abort("blockedbyclient"),
            )
            await context.add_init_script(AXE)
            queue = list(pages)
            found = {}

            async def worker():
                page = await context.new_page()
                while queue:
                    path = queue.pop(0)
                    await page.goto(f"{origin}/{path}", wait_until="load")
                    scheme_now = await page.evaluate("document.body.dataset.mdColorScheme")
                    assert scheme_now == ("slate" if scheme == "dark" else "default"), path
                    exclude = [] if path in sample else CONTENT_ONLY
                    found[path] = await page.evaluate(RUN_AXE, [TAGS, exclude])
                await page.close()

            await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
            await browser.close()
            return found

    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # the tests' own loop is busy
        return pool.submit(asyncio.run, main()).result()


CONCURRENCY = 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe_at_wcag21_aa(launch_options, site_url, site_dir, figures, scheme):
    pages = built_pages(site_dir)
    sample = sample_pages(pages)
    results = audit_all(launch_options, site_url, pages, sample, scheme)
    found: dict[str, list] = collections.defaultdict(list)
    for path in pages:
        for violation in results[path]:
            found[violation["id"]].append((path or "/", violation))
    count = sum(v["count"] for items in found.values() for _, v in items)
    figures.append(
        f"axe-core {'/'.join(TAGS)}, {scheme} scheme: {len(pages)} pages "
        f"({len(sample & set(pages))} in full), {count} violations"
        + (f" of {len(found)} rules" if found else "")
    )
    report = []
    for rule, items in sorted(found.items()):
        _, first = items[0]
        report.append(
            f"{rule} ({first['impact']}): {first['help']}: {len(items)} pages, e.g. "
            f"{', '.join(p for p, _ in items[:4])}\n    " + "\n    ".join(first["nodes"])
        )
    assert not found, "\n".join(report)


# ---------------------------------------------------------------------------------------------
# Keyboard only: Tab reaches each control, the focus is visible, Enter/Space works
# ---------------------------------------------------------------------------------------------

# The focused control shows it: an outline (or, for the palette's visually hidden radio button,
# on its label, the icon a reader sees).
FOCUS_VISIBLE = """(el) => {
    const shown = el.matches('.md-option') ? el.nextElementSibling : el
    const s = getComputedStyle(shown)
    return document.activeElement === el && s.outlineStyle !== 'none'
        && parseFloat(s.outlineWidth) >= 1
}"""


def tab_to(page, selector: str, skip: bool = False, limit: int = 60) -> None:
    """Press Tab until the focused element matches the selector, on a page just opened; with
    skip, through the "Skip to content" link first (past the header and the navigation)."""
    if skip:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement?.classList.contains('md-skip')"), (
            "the first Tab does not reach the 'Skip to content' link"
        )
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement?.matches('article h1')")
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement?.matches?.(s)", selector):
            return
    raise AssertionError(f"{selector}: not reached with {limit} presses of Tab")


def test_keyboard_search(new_tab):
    tab, page = new_tab, new_tab.page
    tab.goto("")
    page.wait_for_function(
        "() => !/initializing/i.test(document.querySelector('.md-search-result__meta')"
        "?.textContent || 'initializing')"
    )
    tab_to(page, "input.md-search__input")
    box = page.evaluate_handle("document.activeElement")
    assert page.evaluate(FOCUS_VISIBLE, box), "the search box's focus is not visible"
    page.keyboard.type("clip gradients", delay=5)
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")  # Material: arrows move through the results
    focused = page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    assert focused, "ArrowDown did not move the focus into the results"
    href = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(href.split("#")[0] + "**")
    assert "optim/clipping/" in page.url, page.url


def test_keyboard_copy_button(new_tab):
    tab, page = new_tab, new_tab.page
    tab.goto("tensors/creation/")
    tab_to(page, ".language-python button[data-clipboard-target]", skip=True)
    button = page.evaluate_handle("document.activeElement")
    assert page.evaluate(FOCUS_VISIBLE, button), "the copy button's focus is not visible"
    page.evaluate("navigator.clipboard.writeText('(nothing copied)')")
    target = button.get_attribute("data-clipboard-target")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "async () => (await navigator.clipboard.readText()) !== '(nothing copied)'"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator(target).text_content().removesuffix("\n")


def test_keyboard_theme_toggle(new_tab):
    tab, page = new_tab, new_tab.page
    tab.goto("")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    tab_to(page, "input.md-option")
    control = page.evaluate_handle("document.activeElement")
    assert page.evaluate(FOCUS_VISIBLE, control), "the theme toggle's focus is not visible"
    page.keyboard.press("Enter")  # Material: Enter on the palette switches to the next scheme
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")


def test_keyboard_notebook_download(new_tab):
    tab, page = new_tab, new_tab.page
    tab.goto("tensors/creation/")
    tab_to(page, "a.ts-notebook", skip=True)
    link = page.evaluate_handle("document.activeElement")
    assert page.evaluate(FOCUS_VISIBLE, link), "the notebook link's focus is not visible"
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".ipynb")


# ---------------------------------------------------------------------------------------------
# The one-page sheet loads fast
# ---------------------------------------------------------------------------------------------

# Largest contentful paint and total blocking time (long tasks over 50 ms, as Lighthouse counts
# them) up to a second after load; the page's own weight.
LOAD_FIGURES = """async () => {
    const lcp = await new Promise(resolve => {
        let last = 0
        new PerformanceObserver(list => {
            for (const e of list.getEntries()) last = e.renderTime || e.startTime
        }).observe({type: 'largest-contentful-paint', buffered: true})
        setTimeout(() => resolve(last), 1000)
    })
    const tasks = performance.getEntriesByType('longtask')
    const nav = performance.getEntriesByType('navigation')[0]
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]
    return {
        lcp, fcp: fcp ? fcp.startTime : null,
        tbt: window.__tbt || 0,
        dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
        bytes: nav.transferSize || nav.encodedBodySize,
        nodes: document.getElementsByTagName('*').length,
    }
}"""

# Registered before the page's own scripts run, so the long tasks of the load are counted.
WATCH_LONG_TASKS = """
window.__tbt = 0;
new PerformanceObserver(list => {
    for (const e of list.getEntries()) window.__tbt += Math.max(0, e.duration - 50);
}).observe({type: 'longtask', buffered: true});
"""

ONE_PAGE = "one-page/"
# The sheet's HTML per recipe on it: 3.4 KB with an anchor on every code line and a span on every
# name (overrides/hooks/one_page.py keeps the markup light); it grows with the site.
BYTES_PER_RECIPE = 2400


def test_one_page_sheet_loads_fast(browser, site_url, site_dir, figures):
    html = site_dir / ONE_PAGE / "index.html"
    if not html.is_file():
        pytest.skip("no one-page sheet in this build")
    context = browser.new_context(viewport={"width": 1350, "height": 940})
    try:
        context.add_init_script(WATCH_LONG_TASKS)
        page = context.new_page()
        runs = []
        for _ in range(3):  # the median of three cold loads
            page.goto("about:blank")
            page.goto(f"{site_url}/{ONE_PAGE}", wait_until="load")
            runs.append(page.evaluate(LOAD_FIGURES))
        recipes = page.locator(".ts-onepage .highlight").count()
    finally:
        context.close()
    mid = sorted(runs, key=lambda r: r["lcp"])[1]
    size = html.stat().st_size / 1024
    figures.append(
        f"one-page sheet: {size:.0f} KB of HTML, {mid['nodes']} elements, {recipes} recipes; "
        f"FCP {mid['fcp']:.0f} ms, LCP {mid['lcp']:.0f} ms, total blocking time "
        f"{mid['tbt']:.0f} ms, load {mid['load']:.0f} ms (median of 3, headless Chromium)"
    )
    assert recipes > 100, f"only {recipes} recipes on the one-page sheet"
    assert size * 1024 / recipes < BYTES_PER_RECIPE, f"{size:.0f} KB of HTML for {recipes} recipes"
    assert mid["lcp"] < 2500, json.dumps(mid)
