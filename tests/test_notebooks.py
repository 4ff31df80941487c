"""Notebooks run top to bottom in Jupyter: the "Download as notebook" file of each section's
first page, and each walkthrough (docs/walkthroughs/*.py, jupytext percent format, the same
files mkdocs-jupyter executes to render their pages, so their outputs and figures on the site
come from code that passes here).

The notebook is built exactly as the site builds it (torchsheet/notebook.py) and executed in a
real IPython kernel with nbclient (one kernel shared by all notebooks, its namespace reset before
each: see tests/notebook_kernel.py), in a scratch directory, offline. Stand-in weights (see
tests/standins.py) are put in the kernel's private torch hub cache first, as the block
tests do: a reader's first run downloads the real file instead.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.notebook_kernel import execute
from tests.standins import STANDINS
from torchsheet.notebook import dumps, has_cells_to_run, page_notebook
from torchsheet.project import Project
from torchsheet.site import load_config, nav_sections

ROOT = Path(__file__).resolve().parent.parent


PROJECT = Project(ROOT, standins=STANDINS)


def _first_pages() -> list[str]:
    """The first page with runnable blocks in each nav section."""
    firsts = []
    for pages in nav_sections(load_config(ROOT / "mkdocs.yml")["nav"]).values():
        for entry in pages:
            path = ROOT / "docs" / entry.uri
            if entry.uri.endswith(".md") and has_cells_to_run(PROJECT.read(path)):
                firsts.append(entry.uri)
                break
    return firsts


@pytest.mark.parametrize("page", _first_pages())
def test_first_page_notebook_runs_top_to_bottom(page: str, tmp_path: Path, kernel):
    import nbformat

    read = PROJECT.read(ROOT / "docs" / page)
    text = dumps(page_notebook(read, page, "test"))
    notebook = nbformat.reads(text, as_version=4)  # the file a reader downloads
    nbformat.validate(notebook)

    downloads = sorted({name for b in read.blocks for name in b.directives.downloads})
    if downloads:  # the stand-ins, in a first cell the reader's notebook does not have
        setups = [STANDINS[name](PROJECT).code for name in downloads]
        notebook.cells.insert(0, nbformat.v4.new_code_cell("\n".join(setups)))

    execute(notebook, kernel, tmp_path, f"docs/{page}'s notebook")


WALKTHROUGHS = sorted((ROOT / "docs" / "walkthroughs").glob("*.py"))


@pytest.mark.parametrize("path", WALKTHROUGHS, ids=lambda p: f"docs/walkthroughs/{p.name}")
def test_walkthrough_runs_in_a_kernel(path: Path, tmp_path: Path, kernel):
    import jupytext

    execute(jupytext.read(path), kernel, tmp_path, f"docs/walkthroughs/{path.name}")


def _jupyter_plugin(tmp_path: Path, **options):
    from mkdocs_jupyter.plugin import Plugin

    plugin = Plugin()
    errors, warnings = plugin.load_config(
        {"execute": True, "allow_errors": False, "cache_dir": str(tmp_path / "cache"), **options}
    )
    assert not errors and not warnings, (errors, warnings)
    return plugin


def test_walkthroughs_are_executed_ahead_into_mkdocs_jupyters_cache(tmp_path: Path):
    """The build starts the walkthroughs early (overrides/hooks/notebooks.py): each lands where
    mkdocs-jupyter looks for it, executed; one that fails is reported and not cached."""
    from torchsheet import walkthroughs

    good, bad = tmp_path / "good.py", tmp_path / "bad.py"
    good.write_text("# %% [markdown]\n# # Sum\n\n# %%\nprint(20 + 22)\n", encoding="utf-8")
    bad.write_text("# %%\nraise ValueError('no such data')\n", encoding="utf-8")
    plugin = _jupyter_plugin(tmp_path)
    jobs = walkthroughs.start(plugin, [str(good), str(bad)], tmp_path)
    failed = walkthroughs.wait(jobs)
    assert [source for source, _ in failed] == [str(bad)]
    assert "no such data" in failed[0][1]
    cached = json.loads((tmp_path / walkthroughs.cache_path(plugin, str(good))).read_text())
    assert "42" in cached["content"] and cached["title"] == "Sum"
    assert not (tmp_path / walkthroughs.cache_path(plugin, str(bad))).exists()
    # already cached, or not executed by mkdocs-jupyter: nothing to start
    assert walkthroughs.start(plugin, [str(good)], tmp_path) == []
    ignoring = _jupyter_plugin(tmp_path, execute_ignore=["bad.py"])
    assert walkthroughs.start(ignoring, [str(bad)], tmp_path) == []
