"""MkDocs hook: every cheatsheet page offers its blocks as a notebook to download.

For docs/<section>/<topic>.md the build adds <section>/<topic>.ipynb (torchsheet/notebook.py,
from the same expanded blocks the tests run) and a "Download as notebook" button under the page
title, with "Open in Colab" beside it (Colab opens the notebook from the published site's
gh-pages branch: mkdocs.yml extra.notebooks_on_github). tests/test_notebooks.py executes such
notebooks. The walkthroughs (jupytext files) get their .ipynb here too; overrides/main.html shows
their buttons. Their execution starts with the build, in parallel (torchsheet/walkthroughs.py), and
the first walkthrough page waits for it.
"""

from __future__ import annotations

import logging
import re
from importlib.metadata import version
from pathlib import Path

from mkdocs.structure.files import File, Files

from torchsheet import walkthroughs
from torchsheet.build import plugin_errors, project_for
from torchsheet.notebook import dumps, has_cells_to_run, page_notebook
from torchsheet.site import colab_url

log = logging.getLogger("mkdocs.hooks.notebooks")
_NOTEBOOKS: dict[str, str] = {}  # page src_uri -> notebook file name, for on_page_markdown
_EXECUTING: list[walkthroughs.Job] = []  # walkthroughs being executed into mkdocs-jupyter's cache


def on_files(files: Files, config) -> Files:
    project = project_for(config)
    _NOTEBOOKS.clear()
    for file in list(files.documentation_pages()):
        if not file.src_uri.endswith(".md") or file.abs_src_path is None:
            continue  # generated pages (the one-page sheet, the versions table) have no blocks
        with plugin_errors(f"docs/{file.src_uri} cannot become a notebook"):
            page = project.read(Path(file.abs_src_path))
            if not has_cells_to_run(page):
                continue
            uri = file.src_uri.removesuffix(".md") + ".ipynb"
            url = config.site_url.rstrip("/") + "/" + file.url if config.site_url else file.url
            notebook = page_notebook(page, url, version("torch"))
        files.append(File.generated(config, uri, content=dumps(notebook)))
        _NOTEBOOKS[file.src_uri] = Path(uri).name
    _add_walkthrough_notebooks(files, config)
    _start_executing_walkthroughs(files, config)
    return files


def _start_executing_walkthroughs(files: Files, config) -> None:
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None:
        return
    _wait_for_walkthroughs()  # a previous build's, under `mkdocs serve`
    sources = [f.abs_src_path for f in files if jupyter.should_include(f)]
    root = Path(config.config_file_path).parent
    _EXECUTING.extend(walkthroughs.start(jupyter, sources, root))
    if _EXECUTING:
        log.info("executing %d walkthrough notebooks while the pages build", len(_EXECUTING))


def _wait_for_walkthroughs() -> None:
    jobs = list(_EXECUTING)
    _EXECUTING.clear()
    for source, output in walkthroughs.wait(jobs):
        # mkdocs-jupyter executes it again when it renders the page, and reports its own error
        log.info(
            "%s: executing it ahead of its page failed; mkdocs-jupyter will:\n%s", source, output
        )


def on_pre_page(page, config, files):
    if _EXECUTING and page.file.abs_src_path in {job.source for job in _EXECUTING}:
        _wait_for_walkthroughs()
    return page


def _add_walkthrough_notebooks(files: Files, config) -> None:
    """docs/walkthroughs/x.py (jupytext) -> walkthroughs/x/x.ipynb, beside the copy of the source
    that mkdocs-jupyter's include_source makes; overrides/main.html links it."""
    sources = sorted((Path(config.docs_dir) / "walkthroughs").glob("*.py"))
    if not sources:
        return
    import jupytext
    import nbformat

    for source in sources:
        notebook = jupytext.read(source)
        uri = f"walkthroughs/{source.stem}/{source.stem}.ipynb"
        files.append(File.generated(config, uri, content=nbformat.writes(notebook)))


def on_page_markdown(markdown: str, page, config, **kwargs) -> str:
    name = _NOTEBOOKS.get(page.file.src_uri)
    if name is None:
        return markdown
    colab = colab_url(config.extra["notebooks_on_github"], page.file.src_uri[:-3] + ".ipynb")
    button = (
        f'[Download as notebook]({name}){{ .md-button .ts-notebook download="{name}" '
        f'title="Every block of this page, ready to run in Jupyter" }} '
        f"[Open in Colab]({colab}){{ .md-button .ts-colab "
        f'title="Run this page\'s notebook in Google Colab (opens colab.research.google.com)" }}'
    )
    # right under the page title (the first "# " heading), or at the top
    title = re.search(r"^# .+$", markdown, flags=re.MULTILINE)
    if title is None:
        return button + "\n\n" + markdown
    return markdown[: title.end()] + "\n\n" + button + "\n" + markdown[title.end() :]
