"""Notebooks run top to bottom in Jupyter: the "Download as notebook" file of each section's
first page, and each walkthrough (docs/walkthroughs/*.py, jupytext percent format, the same
files mkdocs-jupyter executes to render their pages, so their outputs and figures on the site
come from code that passes here).

The notebook is built exactly as the site builds it (tests/blocks/notebook.py) and executed in a
real IPython kernel with nbclient (one kernel shared by all notebooks, its namespace reset before
each: see tests/notebook_kernel.py), in a scratch directory, offline. Stand-in weights (see
tests/blocks/fixtures.py) are put in the kernel's private torch hub cache first, as the block
tests do: a reader's first run downloads the real file instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.blocks.fixtures import WEIGHTS, data_setup
from tests.blocks.notebook import dumps, page_notebook
from tests.blocks.pages import PYTHON, read_page
from tests.blocks.snippets import Expander
from tests.notebook_kernel import execute

ROOT = Path(__file__).resolve().parent.parent


def _nav_sections() -> list[tuple[str, list[str]]]:
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    sections = []
    for entry in config["nav"]:
        ((title, value),) = entry.items()
        if isinstance(value, list):
            pages = [next(iter(p.values())) if isinstance(p, dict) else p for p in value]
            sections.append((title, pages))
    return sections


def _first_pages() -> list[str]:
    expander = Expander(ROOT / "mkdocs.yml")
    firsts = []
    for _, pages in _nav_sections():
        for page in pages:
            blocks = read_page(ROOT / "docs" / page, ROOT, expander)
            if any(b.language in PYTHON and not b.skip_reason for b in blocks):
                firsts.append(page)
                break
    return firsts


@pytest.mark.parametrize("page", _first_pages())
def test_first_page_notebook_runs_top_to_bottom(page: str, tmp_path: Path, kernel):
    import nbformat

    expander = Expander(ROOT / "mkdocs.yml")
    blocks = read_page(ROOT / "docs" / page, ROOT, expander)
    text = dumps(page_notebook(ROOT / "docs" / page, blocks, page, "test"))
    notebook = nbformat.reads(text, as_version=4)  # the file a reader downloads
    nbformat.validate(notebook)

    weights = {b.needs_data for b in blocks if b.needs_data in WEIGHTS}
    if weights:  # the stand-in weights, in a first cell the reader's notebook does not have
        setups = [data_setup(name, expander).code for name in sorted(weights)]
        notebook.cells.insert(0, nbformat.v4.new_code_cell("\n".join(setups)))

    execute(notebook, kernel, tmp_path, f"docs/{page}'s notebook")


WALKTHROUGHS = sorted((ROOT / "docs" / "walkthroughs").glob("*.py"))


@pytest.mark.parametrize("path", WALKTHROUGHS, ids=lambda p: f"docs/walkthroughs/{p.name}")
def test_walkthrough_runs_in_a_kernel(path: Path, tmp_path: Path, kernel):
    import jupytext

    execute(jupytext.read(path), kernel, tmp_path, f"docs/walkthroughs/{path.name}")
