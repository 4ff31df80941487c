"""The site's search index: one document per section of every page, read by the engine's page reader.

Material's own index holds each section's rendered HTML; its lunr ranking finds the words of a
heading but not the recipe for a question asked in other words. This index holds, per section
(`##`/`###` of a page, and the page itself for its title and first paragraph):

- the heading, the page title and the nav section (words a reader types: API names and tasks);
- the prose, as plain text (Markdown and HTML removed);
- the code a reader sees (the expanded snippet sections the tests run), less the boilerplate
  imports, for API names and for the code line shown in a result;
- the error lines of its outputs (`RuntimeError ...`): a pasted message finds its recipe.

The ranking runs in the reader's browser (overrides/assets/javascripts/search-worker.js, a web
worker that speaks Material's search protocol): BM25 over those fields, identifiers split and
whole, a light stemmer, fuzzy matching for misspelled API names, and query expansion from
search_synonyms.yml (shipped inside the index). `python -m torchsheet.search --out FILE` writes
the index without building the site (the search evaluator in tests/ uses it).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .markdown import Document, read_markdown
from .project import Project

SYNONYMS = Path(__file__).with_name("search_synonyms.yml")
VERSION = 1  # of the index format read by search-worker.js

# Imports every recipe repeats: no information for search, a third of the code's bytes.
BOILERPLATE = re.compile(
    r"^(import (torch|numpy as np|torch\.nn as nn|torch\.nn\.functional as F|math|os|random)"
    r"|from torch import nn)\s*$"
)
ERROR_LINE = re.compile(r"^\s*(?:[\w.]+\.)?\w*(?:Error|Exception|Warning)\b[:\s].*\S")
SKIP_HEADINGS = {"see also", "pages"}
MAX_CODE = 1000  # characters of code per section: the rest is rarely what a question needs
MAX_TEXT = 1500  # characters of prose per section

# --- Markdown to plain text ---------------------------------------------------------------------

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_ATTR = re.compile(r"\{\s*[:.#][^}]*\}")
_TAG = re.compile(r"<[^>]+>")
_EMPH = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")
_ADMONITION = re.compile(r'^\s*(!!!|\?\?\?\+?)\s*[\w-]+(?:\s+"([^"]*)")?\s*$')
_HEADING_ID = re.compile(r"\s*\{\s*#([\w-]+)[^}]*\}\s*$")


def plain(line: str) -> str:
    """One Markdown line as the text a reader sees (inline code keeps its words)."""
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _ATTR.sub("", line)
    line = _TAG.sub(" ", line)
    line = line.replace("`", "")
    line = _EMPH.sub("", line)
    if line.lstrip().startswith("|"):  # a table row
        if set(line.strip()) <= set("|-: "):
            return ""
        line = " ; ".join(c.strip() for c in line.strip().strip("|").split("|"))
    line = re.sub(r"^\s*([-*+]|\d+\.)\s+", "", line)  # list markers
    line = re.sub(r"^\s*>\s?", "", line)  # quotes
    return html.unescape(line).strip()


def slugify(text: str) -> str:
    """Python-Markdown's toc slug (the build's anchors come from the page's toc when it has one)."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def heading_text(raw: str) -> tuple[str, str | None]:
    """(text a reader sees, explicit id or None) of a heading's Markdown."""
    explicit = _HEADING_ID.search(raw)
    if explicit:
        raw = raw[: explicit.start()]
    return plain(raw), explicit[1] if explicit else None


# --- Sections of a page -------------------------------------------------------------------------


@dataclass
class Section:
    anchor: str  # "" for the page itself (title and first paragraph)
    heading: str
    level: int
    start: int  # first line (1-based) after the heading
    end: int  # last line (inclusive)
    text: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _sections(document: Document, anchors: list[str] | None) -> list[Section]:
    """The page and its ## and ### sections (deeper headings stay in their section)."""
    total = len(document.lines)
    headings = list(document.headings)
    if anchors is not None and len(anchors) != len(headings):
        anchors = None  # the toc saw other headings than the reader: fall back to the slug rule
    title = next((h for h in headings if h.level == 1), None)
    used: set[str] = set()
    ids: dict[int, str] = {}
    for number, h in enumerate(headings):  # every heading takes an id, as the toc does
        text, explicit = heading_text(h.text)
        if anchors is not None:
            ids[h.line] = anchors[number]
            continue
        slug = explicit or slugify(text) or "_"
        candidate, n = slug, 0
        while candidate in used:
            n += 1
            candidate = f"{slug}_{n}"
        used.add(candidate)
        ids[h.line] = candidate
    parts = [h for h in headings if h.level in (2, 3)]
    first = parts[0].line - 1 if parts else total
    page = Section("", heading_text(title.text)[0] if title else "", 1, 1, first)
    sections = [page]
    for i, h in enumerate(parts):
        end = parts[i + 1].line - 1 if i + 1 < len(parts) else total
        sections.append(Section(ids[h.line], heading_text(h.text)[0], h.level, h.line + 1, end))
    return sections


def _prose(document: Document, section: Section) -> list[str]:
    fenced = set()
    for fence in document.fences:
        fenced.update(range(fence.start, fence.end + 1))
    out = []
    for number in range(section.start, section.end + 1):
        if number in fenced:
            continue
        line = document.lines[number - 1].rstrip("\n")
        if line.lstrip().startswith(("#", "<!--", "--8<--")):
            continue  # a heading (its own field), a comment marker, an include line
        admonition = _ADMONITION.match(line)
        if admonition:
            line = admonition[2] or ""
        text = plain(line)
        if text:
            out.append(text)
    return out


def _code_lines(code: str) -> list[str]:
    lines = []
    for line in code.splitlines():
        stripped = " ".join(line.split())  # indentation and runs of spaces: bytes, no words
        if not stripped or BOILERPLATE.match(stripped):
            continue
        lines.append(stripped)
    return lines


def _errors(output: str) -> list[str]:
    return [m.group(0).strip()[:300] for m in map(ERROR_LINE.match, output.splitlines()) if m]


def generated_sections(markdown: str, anchors: list[str] | None) -> list[Section]:
    """A page the build generates (the Torch versions table): its prose and tables, no blocks."""
    document = read_markdown(markdown)
    sections = _sections(document, anchors)
    for section in sections:
        section.text = _prose(document, section)
    return sections


def markdown_sections(project: Project, path: Path, anchors: list[str] | None) -> list[Section]:
    page = project.read(path)
    document = page.document
    sections = _sections(document, anchors)
    for section in sections:
        section.text = _prose(document, section)
    for block in page.blocks:
        section = next(s for s in reversed(sections) if s.start <= block.fence.start)
        if block.is_python or block.is_shell:
            section.code += _code_lines(block.code)
        if block.output is not None:
            section.errors += _errors(block.output.text)
    for fence in document.fences:  # outputs of blocks that are not run (Example output, text)
        if fence.language in ("text", "txt", "") and "Error" in fence.body:
            section = next(s for s in reversed(sections) if s.start <= fence.start)
            for line in _errors(fence.body):
                if line not in section.errors:
                    section.errors.append(line)
    return sections


def percent_to_markdown(source: str) -> str:
    """A jupytext "percent" notebook (the walkthroughs) as Markdown: cells become text and fences."""
    out: list[str] = []
    kind = None
    for line in source.splitlines():
        if line.startswith("# %%"):
            if kind == "code":
                out.append("```")
            kind = "markdown" if "[markdown]" in line else "code"
            if kind == "code":
                out.append("```python")
            continue
        if kind == "markdown":
            out.append(line[2:] if line.startswith("# ") else line.lstrip("#"))
        elif kind == "code":
            out.append(line)
    if kind == "code":
        out.append("```")
    return "\n".join(out) + "\n"


def notebook_sections(path: Path, anchors: list[str] | None) -> list[Section]:
    document = read_markdown(percent_to_markdown(path.read_text(encoding="utf-8")), str(path))
    sections = _sections(document, anchors)
    for section in sections:
        section.text = _prose(document, section)
    for fence in document.fences:
        section = next(s for s in reversed(sections) if s.start <= fence.start)
        section.code += _code_lines(fence.body)
    return sections


# --- The index ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexPage:
    src: str  # relative to docs/: tensors/joining.md
    url: str  # relative to the site root: tensors/joining/
    title: str  # the nav title, or the page's own
    section: str  # the nav section ("Tensors"), "" at the top level
    anchors: tuple[str, ...] | None = None  # the toc's ids, in heading order, when known
    boost: float = 1.0
    markdown: str | None = None  # a generated page's Markdown (it has no file under docs/)


def _clip(lines: list[str], limit: int) -> str:
    out, size = [], 0
    for line in dict.fromkeys(lines):  # repeated lines once, in order
        if size + len(line) > limit:
            break
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)


def load_synonyms(path: Path = SYNONYMS) -> list[list[str]]:
    """Groups of words a reader may use for the same thing; the first is the site's word."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups = []
    for key, values in (data.get("synonyms") or {}).items():
        words = [str(key), *(str(v) for v in (values or []))]
        groups.append([w.strip().lower() for w in words if str(w).strip()])
    return groups


def build_index(
    project: Project, pages: list[IndexPage], separator: str, synonyms: list[list[str]]
) -> dict:
    """Material's index layout ({config, docs}) with torchsheet's documents and tables in it.

    Material's page script fetches search/search_index.json and hands `config` and `docs` to the
    worker; `config.separator` also drives the highlight on the page a result opens.
    """
    docs = []
    page_table = []
    for number, page in enumerate(pages):
        path = project.docs / page.src
        if page.markdown is not None:
            sections = generated_sections(page.markdown, list(page.anchors or []) or None)
        elif page.src.endswith(".md"):
            sections = markdown_sections(project, path, list(page.anchors or []) or None)
        elif page.src.endswith(".py"):
            sections = notebook_sections(path, list(page.anchors or []) or None)
        else:
            continue
        title = sections[0].heading or page.title
        page_table.append([page.url, title, page.section, page.title, page.boost])
        for section in sections:
            if section.heading.strip().lower() in SKIP_HEADINGS:
                continue  # links to other pages: their words are about those pages
            doc = {"p": number, "a": section.anchor, "h": section.heading if section.anchor else ""}
            if section.level == 3:
                doc["v"] = 3
            text = _clip(section.text, MAX_TEXT)
            code = _clip(section.code, MAX_CODE)
            errors = _clip(section.errors, 600)
            if text:
                doc["t"] = text
            if code:
                doc["c"] = code
            if errors:
                doc["e"] = errors
            docs.append(doc)
    return {
        "config": {
            "lang": ["en"],
            "separator": separator,
            "pipeline": [],
            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
            "torchsheet": {"version": VERSION, "pages": page_table, "synonyms": synonyms},
        },
        "docs": docs,
    }


def index_pages_from_nav(project: Project) -> list[IndexPage]:
    """The nav's pages (the tools' view, without a build): anchors from the slug rule."""
    from .site import load_config, nav_pages, url_of

    config = load_config(project.mkdocs_yml)
    pages = []
    for entry in nav_pages(config.nav or []):
        if not (project.docs / entry.uri).is_file():
            continue
        boost = 0.5 if entry.uri.endswith("index.md") else 1.0
        pages.append(
            IndexPage(entry.uri, url_of(entry.uri), entry.title or "", entry.section, None, boost)
        )
    return pages


def site_separator(project: Project) -> str:
    from .site import load_config

    search = load_config(project.mkdocs_yml).plugins.get("material/search")
    return search.config.separator if search else r"[\s\-]+"


def dumps(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    project = Project.find(args.root)
    if project is None:
        raise SystemExit(f"no mkdocs.yml at or above {args.root}")
    index = build_index(
        project, index_pages_from_nav(project), site_separator(project), load_synonyms()
    )
    args.out.write_text(dumps(index), encoding="utf-8")
    print(f"{args.out}: {len(index['docs'])} sections, {args.out.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
