"""MkDocs hook: the classic one-page cheatsheet, built from the same tested snippets.

Adds a generated page, one-page.md: for every section of the nav, each page's short recipes
(the first block under each heading that stands alone — runs by itself, no data, script or
download, per the engine's plan — of at most MAX_LINES lines) with a link back to the full page.
The code is the expanded block the tests run, so nothing here is untested; the site check
(torchsheet/tools/check_site.py) verifies every block on this page is one the tests ran. Printing
it gives two columns (stylesheets/extra.css).
"""

from __future__ import annotations

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
