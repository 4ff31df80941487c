"""MkDocs hook: the classic one-page cheatsheet, built from the same tested snippets.

Adds a generated page, one-page.md: for every section of the nav, each page's short recipes
(the first block under each heading that stands alone — runs by itself, no data, script or
download, per the engine's plan — of at most MAX_LINES lines) with a link back to the full page.
The code is the expanded block the tests run, so nothing here is untested; the site check
(torchsheet/tools/check_site.py) verifies every block on this page is one the tests ran. Printing
it gives two columns (stylesheets/extra.css).

The sheet holds every page's short recipes (about 600 blocks), so its markup is kept light
(`lighter`): no per-line anchors (a link target on every code line, 2,600 of them), and no spans
that do not change a colour (names and whitespace, drawn in the code's own colour; neighbouring
tokens of one colour share a span). The text of every block is unchanged (the site check reads
it); the page is about 40 % smaller, and the browser lays out only the blocks on screen
(`content-visibility` in stylesheets/extra.css).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.structure.files import File, Files

from torchsheet.build import plugin_errors, project_for
from torchsheet.plan import Pass, plan
from torchsheet.project import Project
from torchsheet.site import nav_sections

URI = "one-page.md"
MAX_LINES = 10


def on_files(files: Files, config) -> Files:
    with plugin_errors("the one-page sheet cannot be built"):
        files.append(File.generated(config, URI, content=one_page(config, project_for(config))))
    return files


def short_recipes(page: Path, project: Project):
    """(heading, code): the first short, stand-alone Python block under each heading of a page."""
    seen = set()
    for block in project.blocks(page):
        if not block.is_python or block.continued_by or not plan(block, Pass.CPU).stands_alone:
            continue
        code = block.code.rstrip("\n")
        if code.count("\n") + 1 > MAX_LINES:
            continue
        heading = block.heading.text if block.heading else page.stem
        if heading not in seen:
            seen.add(heading)
            yield heading, code


def one_page(config, project: Project) -> str:
    out = [
        "---",
        "search:",
        "  exclude: true  # every recipe here is found on its own page",
        "---",
        "",
        "# The whole cheatsheet on one page",
        "",
        "The short recipes of every page, for printing or a quick scan: each links to its page, "
        "where you find its output and the pitfalls. Every block here ran in the tests.",
        "",
        '<div class="ts-onepage" markdown>',
        "",
    ]
    for section, pages in nav_sections(config.nav or []).items():
        out += [f"## {section}", ""]
        for entry in pages:
            path = project.docs / entry.uri
            if not entry.uri.endswith(".md") or not path.is_file():
                continue
            recipes = list(short_recipes(path, project))
            if not recipes:
                continue
            out += [f"### [{entry.title or entry.uri}]({entry.uri})", ""]
            for heading, code in recipes:
                out += [f"**{heading.strip('`')}**", "", "```python", code, "```", ""]
    out += ["</div>", ""]
    return "\n".join(out)


LINE_ANCHOR = re.compile(
    r'<a id="__codelineno-[\w-]+" name="__codelineno-[\w-]+" href="#__codelineno-[\w-]+"></a>'
)
PLAIN_TOKEN = re.compile(r'<span class="(?:n|w)">([^<]*)</span>')  # name, whitespace: code colour
SAME_COLOUR = re.compile(r'<span class="(\w+)">([^<]*)</span><span class="\1">')


def lighter(html: str) -> str:
    """The same code, in less markup: see the module's docstring."""
    html = LINE_ANCHOR.sub("", html)
    html = PLAIN_TOKEN.sub(r"\1", html)
    while True:
        merged = SAME_COLOUR.sub(r'<span class="\1">\2', html)
        if merged == html:
            return html
        html = merged


def on_page_content(html: str, page, **kwargs) -> str:
    return lighter(html) if page.file.src_uri == URI else html


def on_post_page(output: str, page, config) -> str:
    """Material's content.lazy on this page alone: a code block gets its copy button when it
    scrolls into view. Mounting all of them at load measures the layout once per block, and with
    350 blocks that blocks the main thread for seconds (total blocking time ~6 s -> ~0.2 s)."""
    if page.file.src_uri != URI:
        return output
    return output.replace('"features": [', '"features": ["content.lazy", ', 1)
