"""MkDocs hook: the classic one-page cheatsheet, built from the same tested snippets.

Adds a generated page, one-page.md: for every section of the nav, each page's short recipes
(blocks of at most MAX_LINES lines that stand alone: not continued, not needing data, a GPU or a
saved script; the first under each heading) under the recipe's heading, with a link back to the full page. The code is the
expanded block the tests run, so nothing here is untested; tests/check_site.py checks that every
block on this page is one the tests ran. Printing it gives two columns (stylesheets/extra.css).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.structure.files import File, Files

URI = "one-page.md"
MAX_LINES = 10
HEADING = re.compile(r"^(#{1,3}) (.+)$")


def on_files(files: Files, config) -> Files:
    root = Path(config.config_file_path).resolve().parent
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    files.append(File.generated(config, URI, content=one_page(config, root)))
    return files


def short_recipes(page: Path, root: Path, expander):
    """(heading, code): the first short, stand-alone Python block under each heading of a page."""
    from tests.blocks.pages import read_page

    lines = page.read_text(encoding="utf-8").splitlines()
    seen = set()
    for block in read_page(page, root, expander):
        if not block.is_python or block.skip_reason or block.needs_cuda or block.needs_data:
            continue
        if block.continues or block.continued_by or block.save_as:
            continue
        code = block.code.rstrip("\n")
        if code.count("\n") + 1 > MAX_LINES:
            continue
        headings = [m[2] for line in lines[: block.lineno] if (m := HEADING.match(line))]
        heading = headings[-1] if headings else page.stem
        if heading not in seen:
            seen.add(heading)
            yield heading, code


def one_page(config, root: Path) -> str:
    from tests.blocks.snippets import Expander

    expander = Expander(root / "mkdocs.yml")
    docs = Path(config.docs_dir)
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
    for entry in config.nav or []:
        if not isinstance(entry, dict):
            continue
        ((section, pages),) = entry.items()
        if not isinstance(pages, list):
            continue
        out += [f"## {section}", ""]
        for item in pages:
            uri = next(iter(item.values())) if isinstance(item, dict) else item
            if not isinstance(uri, str) or not (docs / uri).is_file():
                continue
            recipes = list(short_recipes(docs / uri, root, expander))
            if not recipes:
                continue
            title = next(iter(item)) if isinstance(item, dict) else uri
            out += [f"### [{title}]({uri})", ""]
            for heading, code in recipes:
                out += [f"**{heading.strip('`')}**", "", "```python", code, "```", ""]
    out += ["</div>", ""]
    return "\n".join(out)
