"""Check the built site: every Python block a reader sees is run by the tests, as shown, and no
page loads anything from another host.

    python -m tests.check_site site

For each page, the Python code blocks in its built HTML must be exactly the expanded blocks the
test collector runs, in the same order and with the same text. Prints the two counts.
"""

from __future__ import annotations

import html
import sys
from html.parser import HTMLParser
from pathlib import Path

from tests.blocks.pages import PYTHON, read_page
from tests.blocks.snippets import Expander

ROOT = Path(__file__).resolve().parent.parent


class _ExternalLoads(HTMLParser):
    """Scripts, stylesheets, images and frames that a browser would fetch from another host."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        url = None
        if tag in ("script", "img", "iframe", "source", "audio", "video"):
            url = attributes.get("src")
        elif tag == "link" and attributes.get("rel") in (
            "stylesheet",
            "preload",
            "preconnect",
            "icon",
        ):
            url = attributes.get("href")
        if url and url.split(":", 1)[0] in ("http", "https", "") and url.startswith(("http", "//")):
            self.found.append(f"<{tag}> {url}")


class _CodeBlocks(HTMLParser):
    """Collects the text of each `<div class="language-python highlight">` block's <code>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[str] = []
        self._depth = 0  # >0 while inside a python highlight div
        self._in_code = False
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div":
            if self._depth:
                self._depth += 1
            elif "highlight" in classes and any(
                c.removeprefix("language-") in PYTHON for c in classes
            ):
                self._depth = 1
        elif tag == "code" and self._depth:
            self._in_code, self._text = True, []

    def handle_endtag(self, tag):
        if tag == "code" and self._in_code:
            self._in_code = False
            self.blocks.append("".join(self._text))
        elif tag == "div" and self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._in_code:
            self._text.append(data)

    def handle_entityref(self, name):
        if self._in_code:
            self._text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        if self._in_code:
            self._text.append(html.unescape(f"&#{name};"))


def built_page(site: Path, page: Path) -> Path:
    rel = page.relative_to(ROOT / "docs").with_suffix("")
    if rel.name == "index":
        return site / rel.parent / "index.html"
    return site / rel / "index.html"


def main(site: Path) -> int:
    expander = Expander(ROOT / "mkdocs.yml")
    problems, shown, collected = [], 0, []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        expected = [b for b in read_page(page, ROOT, expander) if b.language in PYTHON]
        collected += expected
        parser = _CodeBlocks()
        parser.feed(built_page(site, page).read_text(encoding="utf-8"))
        shown += len(parser.blocks)
        rel = page.relative_to(ROOT).as_posix()
        if len(parser.blocks) != len(expected):
            problems.append(
                f"{rel}: the site shows {len(parser.blocks)} Python blocks, the tests run {len(expected)}"
            )
            continue
        for block, text in zip(expected, parser.blocks, strict=True):
            if block.code.rstrip("\n") != text.rstrip("\n"):
                problems.append(f"{block.id}: the site shows other code than the tests run")
    for built in sorted(site.rglob("*.html")):
        loads = _ExternalLoads()
        loads.feed(built.read_text(encoding="utf-8"))
        problems.extend(
            f"{built.relative_to(site)}: loads {url} from another host" for url in loads.found
        )
    exempt = [b for b in collected if b.skip_reason]
    cuda_only = [b for b in collected if b.needs_cuda and not b.skip_reason]
    print(
        f"Python blocks shown on the site: {shown}; collected by the tests: {len(collected)} "
        f"(CPU pass: {len(collected) - len(exempt) - len(cuda_only)}, CUDA pass only: "
        f"{len(cuda_only)}, not run with a visible reason: {len(exempt)})"
    )
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
