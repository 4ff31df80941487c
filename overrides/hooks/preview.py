"""MkDocs hook, `nox -s serve` only (TORCHSHEET_PREVIEW=1): flag outputs the tests have not
checked since the code or the output changed.

The tests note every block they verify (torchsheet/verified.py). In the preview, a page with a
block whose code or Output fence changed since then gets a warning at the top naming the block,
and the log says the same; `nox -s tests -- <page>` clears it. Nothing runs here: one directory
listing and a hash per block, so a reload stays as fast as before. The strict build (`nox -s
docs`, CI) leaves pages alone: there the tests have just run.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from torchsheet import verified
from torchsheet.build import project_for

log = logging.getLogger("mkdocs.hooks.preview")
_ledger: dict[int, set[str] | None] = {}


def on_pre_build(config) -> None:
    _ledger.clear()


def on_page_markdown(markdown: str, page, config, **kwargs) -> str:
    if not os.environ.get("TORCHSHEET_PREVIEW") or page.file.abs_src_path is None:
        return markdown
    project = project_for(config)
    if id(config) not in _ledger:
        _ledger[id(config)] = verified.known(project.root)
    ledger = _ledger[id(config)]
    if ledger is None:  # the tests never ran in this clone: nothing to compare with
        return markdown
    try:
        stale = verified.unverified(project.blocks(Path(page.file.abs_src_path)), ledger)
    except Exception:  # noqa: BLE001 - the build's other hooks report broken pages
        return markdown
    if not stale:
        return markdown
    lines = [f"line {b.lineno} ({b.source_description})" for b in stale]
    log.warning(
        "docs/%s: %d output(s) not verified since the code or output changed: %s. "
        "Run: nox -s tests -- docs/%s",
        page.file.src_uri,
        len(stale),
        "; ".join(lines),
        page.file.src_uri,
    )
    items = "\n".join(f"    - {line}" for line in lines)
    banner = (
        '!!! warning "Preview: outputs not verified since your change"\n\n'
        "    The tests have not run these blocks since their code or shown output changed, so "
        "the output under them may not be what they print:\n\n"
        f"{items}\n\n"
        f"    Run `nox -s tests -- docs/{page.file.src_uri}` to check them "
        f"(`--update-outputs` to rewrite the outputs).\n\n"
    )
    return banner + markdown
