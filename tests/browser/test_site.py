"""What a reader does with the built site, in headless Chromium: open pages, search, copy a
block, switch to dark mode, download a page as a notebook.

Every test also fails if its page asked another host for anything or logged a console error
(conftest.py). Run with `nox -s browser`, or `python -m pytest tests/browser --site DIR`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote_plus, urljoin
from urllib.request import urlopen

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------------------------------------
# The nav: the home page and the first page of every section
# ---------------------------------------------------------------------------------------------


class _NavLoader(yaml.SafeLoader):
    """Safe YAML that reads mkdocs.yml's `!!python/name:` and `!ENV` tags as None."""


_NavLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def page_path(src: str) -> str:
    """docs/ file -> its URL path under the site root (use_directory_urls): a/index.md -> a/."""
    path = src.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = path.removesuffix("index")
    else:
        path += "/"
    return path


def first_page(entry) -> str | None:
    """The first local page of a nav entry: a page, {title: page} or {title: [entries]}."""
    if isinstance(entry, dict):
        entry = next(iter(entry.values()))
    if isinstance(entry, list):
        return next((p for p in map(first_page, entry) if p is not None), None)
    if isinstance(entry, str) and entry.endswith(".md") and "://" not in entry:
        return entry
    return None


def nav_entry_pages() -> list[tuple[str, str]]:
    """(title, URL path) of each top-level nav entry: a page, or a section's first page."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_NavLoader)
    pages = []
    for entry in config["nav"]:
        title = next(iter(entry)) if isinstance(entry, dict) else entry
        if (src := first_page(entry)) is not None:
            pages.append((title, page_path(src)))
    return pages


# plus a walkthrough: a notebook page rendered by mkdocs-jupyter, with its shared stylesheet
NAV = [*nav_entry_pages(), ("A walkthrough notebook", "walkthroughs/small_cnn/")]


def test_the_watch_catches_other_hosts_and_console_errors(new_tab):
    """The guard every test relies on: requests to other hosts are aborted, errors recorded."""
    new_tab.goto("")
    blocked = new_tab.page.evaluate(
        "fetch('https://example.com/x').then(() => 'fetched', () => 'blocked')"
    )
    new_tab.page.evaluate("console.error('deliberate')")
    problems = new_tab.take_problems()  # taken: this test itself passes
    assert blocked == "blocked"
    assert any("https://example.com/x" in p for p in problems), problems
    assert any("deliberate" in p for p in problems), problems


def test_nav_has_sections():
    assert len(NAV) >= 5 and NAV[0][1] == "", NAV


SEARCH_READY = """() => !/initializing/i.test(
    document.querySelector('.md-search-result__meta')?.textContent || 'initializing')"""
BROKEN_IMAGES = """() => [...document.querySelectorAll('article img')]
    .filter(i => !i.complete || !i.naturalWidth).map(i => i.getAttribute('src'))"""


@pytest.mark.parametrize(("title", "path"), NAV, ids=[t for t, _ in NAV])
def test_page_loads_offline_without_errors(tab, screenshot, title, path):
    tab.goto(path)
    page = tab.page
    assert page.locator("article h1").first.inner_text().strip(), f"{path}: no page title"
    assert page.title().endswith("torchsheet"), page.title()
    assert not (broken := page.evaluate(BROKEN_IMAGES)), f"pictures that did not load: {broken}"
    # the search worker fetched and indexed the whole site: its errors would show now
    page.wait_for_function(SEARCH_READY)
    if title == "Tensors":
        screenshot(page, "tensors")
    if path.startswith("walkthroughs/"):
        screenshot(page, "walkthrough")


# ---------------------------------------------------------------------------------------------
# Search: real questions find the recipe
# ---------------------------------------------------------------------------------------------

# query -> the pages that answer it (URL paths); one of them must be in the top 3 results.
SEARCHES = {
    # the questions of issue 6
    "one hot encode labels": {"tensors/indexing/"},
    "pin_memory": {"tensors/devices/", "data/dataloader/", "performance/gpu/"},
    "weights_only error when loading": {"saving/whole-model/"},
    "zero_grad": {"training/loop/", "autograd/accumulation/", "errors/silent/"},
    "zeros": {"tensors/creation/"},
    "mat1 and mat2 shapes cannot be multiplied": {
        "errors/shapes/",
        "models/conv-shapes/",
        "models/modules/",
        "tensors/linalg/",
    },
    # more, from the pages' own words
    "view size is not compatible with input tensor's size and stride": {
        "tensors/reshaping/",
        "errors/shapes/",
    },
    "element 0 of tensors does not require grad": {"autograd/basics/", "errors/autograd/"},
    "clip gradients": {"optim/clipping/"},
    "learning rate warm-up": {"optim/warmup/"},
    "resume training from a checkpoint": {"saving/checkpoints/"},
    "kaiming init": {"models/init/"},
    "BCEWithLogitsLoss": {"losses/binary/"},
    "no_grad vs inference_mode": {"autograd/no-grad/"},
}

# Material renders results in batches: wait for the count line and the first items under it.
RESULTS_SHOWN = """() => {
    const meta = document.querySelector('.md-search-result__meta')?.textContent || '';
    const shown = document.querySelectorAll('.md-search-result__item').length;
    if (/^no matching/i.test(meta.trim())) return true;
    const count = meta.match(/(\\d+) matching/);
    return count !== null && shown > 0 && shown >= Math.min(3, +count[1]);
}"""

# (URL path, title) of each page in the result list, best first
RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item => [
    new URL(item.querySelector('a').href).pathname.replace(/^\\//, ''),
    (item.querySelector('h1, h2')?.textContent || '').trim(),
])"""


def type_search(tab, query: str) -> list[tuple[str, str]]:
    """Type a query into the header's search box; the result pages, best first."""
    page = tab.page
    box = page.locator("input.md-search__input")
    if not page.url.startswith(tab.origin):
        tab.goto("")
    box.click()  # opens the search
    box.fill("")
    box.press("End")  # Material reads the box on keyup; an empty query empties the list
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.fill(query)
    box.press("End")
    page.wait_for_function(RESULTS_SHOWN)
    return [tuple(r) for r in page.evaluate(RESULTS)]


@pytest.mark.parametrize(("query", "answers"), SEARCHES.items(), ids=list(SEARCHES))
def test_search_finds_the_recipe(tab, query, answers):
    top = type_search(tab, query)[:3]
    print(f"{query!r}: {top}")  # shown by `pytest -rP`
    assert answers & {path for path, _ in top}, (
        f"{query!r} should find {sorted(answers)} in the top 3; got {top or 'nothing'}"
    )


def test_search_runs_the_query_in_the_address(new_tab, screenshot):
    """search.share: a link to /?q=... opens the search with that query's results."""
    page = new_tab.page
    new_tab.goto("?q=" + quote_plus("pin_memory"))
    page.wait_for_function(RESULTS_SHOWN)
    assert page.locator("input.md-search__input").input_value() == "pin_memory"
    results = [path for path, _ in page.evaluate(RESULTS)]
    assert SEARCHES["pin_memory"] & set(results[:3]), results[:3]
    screenshot(page, "search-pin_memory")


# ---------------------------------------------------------------------------------------------
# Copy buttons, light/dark, notebooks, pictures
# ---------------------------------------------------------------------------------------------

COPY_PAGE = "tensors/creation/"


def test_copy_button_copies_the_exact_code(tab):
    tab.goto(COPY_PAGE)
    page = tab.page
    # the blocks in view (a page with content.lazy mounts a copy button when its block is shown)
    for block in page.locator(".language-python pre").all()[:3]:
        block.scroll_into_view_if_needed()
    buttons = page.locator(".language-python button[data-clipboard-target]")
    page.wait_for_function(
        "document.querySelectorAll('.language-python button[data-clipboard-target]').length >= 3"
    )
    for i in range(3):
        button = buttons.nth(i)
        page.evaluate("navigator.clipboard.writeText('(nothing copied)')")
        target = button.get_attribute("data-clipboard-target")  # "#__code_0 > code"
        code = page.locator(target).text_content()
        button.click()
        page.wait_for_function(
            "async () => (await navigator.clipboard.readText()) !== '(nothing copied)'"
        )
        copied = page.evaluate("navigator.clipboard.readText()")
        # exactly the block's code, less the newline that ends the last line
        assert copied == code.removesuffix("\n"), f"block {target}"
        assert "import torch" in copied or "torch." in copied, copied


def palette(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


def test_dark_mode_toggle_switches_and_persists(new_tab, screenshot):
    tab, page = new_tab, new_tab.page
    tab.goto("")
    assert palette(page) == "default"  # the reader's system is light
    screenshot(page, "home-light")

    page.locator('label[title="Switch to dark mode"]').click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    screenshot(page, "home-dark")
    page.reload()
    assert palette(page) == "slate", "the choice is not kept on reload"
    tab.goto("tensors/")
    assert palette(page) == "slate", "the choice is not kept on another page"

    page.locator('label[title="Switch to light mode"]').click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    tab.goto("")
    assert palette(page) == "default"


def site_pages_linking(site_dir: Path, pattern: str) -> list[str]:
    """URL paths of the built pages whose HTML matches a regex, sorted."""
    found = []
    for html in sorted(site_dir.rglob("index.html")):
        if re.search(pattern, html.read_text(encoding="utf-8")):
            found.append(html.parent.relative_to(site_dir).as_posix().removeprefix(".") + "/")
    return [p.removeprefix("/") for p in found]


NOTEBOOK_LINK = 'a[href$=".ipynb"]'


def check_notebook(text: str, where: str, validate: bool = True) -> dict:
    notebook = json.loads(text)
    assert notebook.get("nbformat") == 4, f"{where}: nbformat {notebook.get('nbformat')}"
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert code, f"{where}: no code cell"
    assert all("".join(c["source"]).strip() for c in code), f"{where}: an empty code cell"
    if validate:  # the JSON schema (slow: once is enough)
        nbformat = pytest.importorskip("nbformat")
        nbformat.validate(nbformat.reads(text, as_version=4))
    return notebook


def test_download_as_notebook(tab, site_dir, tmp_path):
    """A recipe page's "Download as notebook" link downloads a valid notebook of its code."""
    pages = site_pages_linking(site_dir, r'<a [^>]*href="[^"]+\.ipynb"')
    assert pages, "no page links a .ipynb ('Download as notebook')"
    path = COPY_PAGE if COPY_PAGE in pages else pages[0]
    tab.goto(path)
    link = tab.page.locator(NOTEBOOK_LINK).first
    assert link.is_visible(), f"{path}: the notebook link is hidden"
    with tab.page.expect_download() as download:
        link.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".ipynb", saved.name
    notebook = check_notebook(saved.read_text(encoding="utf-8"), path)
    # it is this page's notebook: same title, and its code is the page's blocks (a few setup
    # cells that write the data a page assumes may come on top)
    title = tab.page.locator("article h1").first.inner_text().strip().rstrip("¶").strip()
    first = "".join(notebook["cells"][0]["source"]).splitlines()[0]
    assert first.lstrip("# ").replace("`", "").strip() == title, (first, title)
    blocks = tab.page.locator("pre > code").all_text_contents()
    cells = ["".join(c["source"]).strip() for c in notebook["cells"] if c["cell_type"] == "code"]
    on_page = [cell for cell in cells if any(cell in block for block in blocks)]
    assert len(on_page) * 2 >= len(cells), f"{path}: most cells are not on the page"


def test_every_notebook_link_serves_a_notebook(site_url, site_dir):
    """Every page's notebook link resolves, on the served site, to a notebook with code."""
    pages = site_pages_linking(site_dir, r'<a [^>]*href="[^"]+\.ipynb"')
    assert pages, "no page links a .ipynb ('Download as notebook')"
    for path in pages:
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        for href in re.findall(r'<a [^>]*href="([^"]+\.ipynb)"', html):
            if "://" in href:
                continue  # "Open in Colab": another host, not served here
            url = urljoin(f"{site_url}/{path}", href)
            with urlopen(url, timeout=10) as response:  # raises on a 404
                check_notebook(response.read().decode("utf-8"), url, validate=False)


PICTURE_PAGE = "data/images/"


def test_pictures_drawn_by_the_blocks_load(tab, site_dir, screenshot):
    pages = site_pages_linking(site_dir, r'<img [^>]*src="[^"]*figures/')
    if not pages:
        pytest.skip("no page shows a drawn picture")
    for path in pages:
        tab.goto(path)
        assert tab.page.locator("article img").count(), path
        assert not (broken := tab.page.evaluate(BROKEN_IMAGES)), f"{path}: not loaded: {broken}"
        if path == PICTURE_PAGE:
            tab.page.locator("article img").first.evaluate(
                "i => i.scrollIntoView({block: 'center'})"
            )
            screenshot(tab.page, "pictures-" + path.strip("/").replace("/", "-"))
