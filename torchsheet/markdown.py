"""The one Markdown reader: every fence of a page with the lines it opens and closes on, its
indent and info string, and what lies outside fences (headings, images, comment markers).

The pages keep pytest-codeblocks' conventions (the design's extractor): its ``` blocks and its
``<!--pytest-codeblocks:expected-output-->`` marker. pytest-codeblocks does not keep where a
fence closes, its indent or where the Output fence is, which the engine needs (to rewrite
outputs, find pictures, map errors to lines), and it imports pytest, which the site build must
not need. So `code_blocks()` applies its rules to this module's single scan, and the tests call
`agree_with_pytest_codeblocks()` on every page: pytest-codeblocks itself must extract the same
blocks and outputs, or the page is ambiguous and `MarkdownError` says where.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cached_property

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})(?P<info>.*?)\s*$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<path>[^)\s]+)")
MARKER = re.compile(
    r"^\s*<!--[-\s]*(?P<keyword>(pytest-codeblocks:|pytest\.mark\.)[^>]*?)[-\s]*-->\s*$"
)
TITLE = re.compile(r"""\btitle=(?P<q>["'])(?P<title>.*?)(?P=q)""")

OUTPUT_MARKERS = {
    "pytest-codeblocks:expected-output": False,
    "pytest-codeblocks:expected-output-ignore-whitespace": True,
}


class MarkdownError(Exception):
    """The page cannot be read unambiguously; the message names the file, line and fix."""


@dataclass(frozen=True)
class Fence:
    start: int  # 1-based line of the opening fence
    end: int  # 1-based line of the closing fence
    indent: str
    mark: str  # the opening run of ` or ~
    info: str  # what follows the mark: language, title="...", options
    body: str  # the lines between, with the fence's indent removed

    @cached_property
    def language(self) -> str:
        info = self.info.strip()
        if info.startswith("{"):
            m = re.search(r"\.([\w+-]+)", info)
            return m.group(1).lower() if m else ""
        return info.split()[0].lower() if info else ""

    @cached_property
    def title(self) -> str:
        m = TITLE.search(self.info)
        return m["title"].strip() if m else ""


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str


@dataclass(frozen=True)
class Image:
    line: int
    alt: str
    path: str


@dataclass(frozen=True)
class Marker:
    line: int
    keyword: str  # "pytest-codeblocks:expected-output", "pytest.mark.skip", ...


@dataclass(frozen=True)
class Document:
    """A page as the reader sees its structure: fences and what lies between them."""

    path: str  # for messages: relative to the project root
    text: str
    fences: tuple[Fence, ...]
    headings: tuple[Heading, ...]
    images: tuple[Image, ...]
    markers: tuple[Marker, ...]

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines(keepends=True)

    def next_fence(self, after_line: int) -> Fence | None:
        return next((f for f in self.fences if f.start > after_line), None)

    def heading_before(self, line: int, max_level: int = 6) -> Heading | None:
        found = [h for h in self.headings if h.line < line and h.level <= max_level]
        return found[-1] if found else None

    def between(self, start: int, stop: int) -> tuple[list[Image], list[Marker]]:
        """Images and markers on lines start < line < stop."""
        images = [i for i in self.images if start < i.line < stop]
        markers = [m for m in self.markers if start < m.line < stop]
        return images, markers


def read_markdown(text: str, path: str = "<page>") -> Document:
    """One pass over the lines: fences (``` and ~~~, any indent), and outside them headings,
    images and comment markers."""
    lines = text.splitlines(keepends=True)
    fences, headings, images, markers = [], [], [], []
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        opening = FENCE.match(line.rstrip("\n"))
        if opening and not (opening["mark"][0] == "`" and "`" in opening["info"]):
            indent, mark = opening["indent"], opening["mark"]
            body, start = [], number
            while True:
                if number >= len(lines):
                    raise MarkdownError(
                        f"{path}:{start}: the fence opened here ({mark}) is never closed. "
                        f"Fix: close it with a line of {mark}."
                    )
                inner = lines[number]
                number += 1
                stripped = inner.strip()
                if stripped.startswith(mark) and not stripped.lstrip(mark[0]).strip():
                    break
                cut = min(len(indent), len(inner) - len(inner.lstrip()))
                body.append(inner[cut:])
            fences.append(
                Fence(start, number, indent, mark, opening["info"].strip(), "".join(body))
            )
            continue
        heading = HEADING.match(line)
        if heading:
            headings.append(Heading(number, len(heading["hashes"]), heading["text"]))
        images.extend(Image(number, m["alt"], m["path"]) for m in IMAGE.finditer(line))
        marker = MARKER.match(line)
        if marker:
            markers.append(Marker(number, marker["keyword"].strip()))
    return Document(path, text, tuple(fences), tuple(headings), tuple(images), tuple(markers))


@dataclass(frozen=True)
class CodeBlock:
    """A fence that pytest-codeblocks extracts, with the positions it does not keep."""

    fence: Fence
    expected_output: str | None
    output_fence: Fence | None  # the fence holding the expected output
    ignore_whitespace: bool


def code_blocks(document: Document) -> list[CodeBlock]:
    """The page's code blocks, each with its Output fence: a fence after an expected-output
    marker is the expected output of the block before it (pytest-codeblocks' rule)."""
    events = sorted(
        [(f.start, f) for f in document.fences]
        + [(m.line, m) for m in document.markers if m.keyword in OUTPUT_MARKERS],
        key=lambda event: event[0],
    )
    blocks: list[CodeBlock] = []
    pending: Marker | None = None
    for _, item in events:
        if isinstance(item, Marker):
            if not blocks or blocks[-1].output_fence is not None:
                raise MarkdownError(
                    f"{document.path}:{item.line}: an expected-output marker with no code block "
                    f"above it (or a second one for the same block). Fix: put it right under the "
                    f"block whose output follows."
                )
            pending = item
        elif pending is not None:
            last = blocks[-1]
            blocks[-1] = CodeBlock(last.fence, item.body, item, OUTPUT_MARKERS[pending.keyword])
            pending = None
        elif item.mark[0] == "`":  # pytest-codeblocks reads ``` fences only (~~~ is refused)
            blocks.append(CodeBlock(item, None, None, False))
    if pending is not None:
        raise MarkdownError(
            f"{document.path}:{pending.line}: the expected-output marker is not followed by a "
            f"fence. Fix: put the Output fence right under it."
        )
    return blocks


def agree_with_pytest_codeblocks(document: Document, blocks: list[CodeBlock]) -> None:
    """pytest-codeblocks (the design's extractor) must read the same blocks and outputs from the
    page; the tests call this for every page, so the two readers cannot drift apart."""
    from pytest_codeblocks import extract_from_buffer

    try:
        extracted = extract_from_buffer(io.StringIO(document.text))
    except RuntimeError as error:
        raise MarkdownError(
            f"{document.path}: pytest-codeblocks cannot read the page: {error}"
        ) from None
    ours = [(b.fence.start, b.fence.body, b.expected_output) for b in blocks]
    theirs = [(cb.lineno, cb.code, cb.expected_output) for cb in extracted]
    for mine, other in zip(ours, theirs, strict=False):
        if mine != other:
            raise MarkdownError(
                f"{document.path}:{min(mine[0], other[0])}: pytest-codeblocks and the page reader "
                f"disagree about this block (a line inside a fence that starts with ```?). Fix: "
                f"open such a fence with more backticks than any line inside it, e.g. ````."
            )
    if len(ours) != len(theirs):
        raise MarkdownError(
            f"{document.path}: pytest-codeblocks finds {len(theirs)} blocks, the page reader "
            f"{len(ours)}. Fix: check the fences after line {ours[-1][0] if ours else 1}."
        )
