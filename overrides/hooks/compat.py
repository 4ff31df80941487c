"""MkDocs hook: which torch releases each recipe works on, from the committed measurements.

`nox -s compat -- X` runs every block on torch X and writes compat/torch-X.json (the engine:
torchsheet/compat.py). From those files this hook adds:

- under each page's title, a "works on" line ("Works on torch 2.14.1 and 2.12.1 (all 14
  blocks); 2.9.1: 12 of 14 — details");
- above each block that needs a newer release than the oldest measured one, a small "Since torch
  X" mark (and "not measured since this block changed" where the data no longer speaks for it;
  above a "Before torch X.Y" block, the older releases it was tested on);
- the generated page versions.md (in the nav and the search): every page x every release, then
  what each release did with each block that does not work everywhere.

Only committed data is shown, matched to each block by what it runs and claims: nothing here
claims a release that was not run. tests/test_compat.py checks the data against the pages.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from mkdocs.structure.files import File, Files

from torchsheet import compat
from torchsheet.build import plugin_errors, project_for
from torchsheet.site import nav_pages

log = logging.getLogger("mkdocs.hooks.compat")
CSS_URI = "stylesheets/compat.css"
CSS = """\
.md-typeset .ts-works-on { font-size: .75rem; color: var(--md-default-fg-color--light); }
.md-typeset .ts-since { font-size: .7rem; margin: 1em 0 -.6em; color: var(--md-default-fg-color--light); }
.md-typeset .ts-since a { color: inherit; text-decoration: underline dotted; }
"""
_measured: dict[int, list[compat.Measurement]] = {}


def _measurements(config) -> list[compat.Measurement]:
    if id(config) not in _measured:
        _measured.clear()
        _measured[id(config)] = compat.measurements(project_for(config).root)
    return _measured[id(config)]


def on_config(config):
    if CSS_URI not in config.extra_css:
        config.extra_css.append(CSS_URI)
    return config


def on_files(files: Files, config) -> Files:
    project = project_for(config)
    with plugin_errors("the torch versions page cannot be built"):
        content = compat.table_page(project, config.nav or [], _measurements(config))
    files.append(File.generated(config, compat.TABLE_URI, content=content))
    files.append(File.generated(config, CSS_URI, content=CSS))
    return files


def on_page_markdown(markdown: str, page, config, **kwargs) -> str:
    uri = page.file.src_uri
    if not uri.endswith(".md") or page.file.generated_by or uri == compat.TABLE_URI:
        return markdown
    ms = _measurements(config)
    if not ms:
        return markdown
    project = project_for(config)
    try:
        blocks = project.blocks(Path(page.file.abs_src_path))
    except Exception:  # noqa: BLE001 - the build's other hooks report broken pages
        return markdown
    details = os.path.relpath(compat.TABLE_URI, Path(uri).parent.as_posix() or ".")
    lines = markdown.split("\n")
    inserts: list[tuple[int, list[str]]] = []
    for block in blocks:
        text = compat.mark(block, ms)
        if text is None:
            continue
        index = block.fence.start - 1
        if index >= len(lines) or not lines[index].lstrip().startswith(block.fence.mark):
            log.warning("docs/%s:%d: the torch versions mark could not be placed", uri, index + 1)
            continue
        indent = block.fence.indent
        link = f"{details}#{compat.anchor(block.page)}"
        inserts.append(
            (
                index,
                [
                    "",
                    f"{indent}[{text}]({link})",
                    f"{indent}{{: .ts-since #{compat.block_anchor(block)} }}",
                    "",
                ],
            )
        )
    for index, new in sorted(inserts, reverse=True):
        lines[index:index] = new
    markdown = "\n".join(lines)
    target = _details_anchor(blocks, ms, config)
    line = compat.works_on(blocks, ms, f"{details}#{target}" if target else details)
    if line is None:
        return markdown
    title = re.search(r"^# .+$", markdown, flags=re.MULTILINE)
    paragraph = f"{line}\n{{: .ts-works-on }}\n"
    if title is None:
        return paragraph + "\n" + markdown
    return markdown[: title.end()] + "\n\n" + paragraph + markdown[title.end() :]


def _details_anchor(blocks, ms, config) -> str:
    """The page's details on the table page, or its nav section's table."""
    if any(compat.mark(b, ms) for b in blocks):
        return compat.anchor(blocks[0].page)
    uri = Path(blocks[0].page).relative_to("docs").as_posix() if blocks else ""
    section = next((p.section for p in nav_pages(config.nav or []) if p.uri == uri), "")
    return compat.section_anchor(section) if section else ""
