"""MkDocs hook: the pictures on a page are drawn by the tested code on that page, at build time.

A page shows a picture with an image right after the block that draws it:

    ```python
    --8<-- "snippets/data/images.py:grid"
    ```
    ![A grid of samples](figures/grid.png)

The engine (torchsheet/figures.py) draws every picture not yet in .cache/figures/ in one child
process, started once the build knows its files and running while the pages are rendered; this
hook adds each picture to the site as `<page folder>/figures/grid.png` and waits for the child
before MkDocs copies files. No picture is committed, so none can go stale; a block that fails or
draws nothing stops the build.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from torchsheet import figures
from torchsheet.build import plugin_errors, project_for

log = logging.getLogger("mkdocs.hooks.figures")
_drawing: list[tuple[subprocess.Popen, list]] = []  # the child of this build, and its blocks


def on_files(files: Files, config) -> Files:
    project = project_for(config)
    cache = project.root / ".cache" / "figures"
    blocks = []
    with plugin_errors("a page with pictures cannot be read"):
        for page in project.page_paths():
            if "](figures/" in page.read_text(encoding="utf-8"):
                blocks += [b for b in project.blocks(page) if b.figures]
    _drawing.clear()
    todo = figures.pending(blocks, cache)
    if todo:
        log.info("drawing the pictures of %d blocks (cached in .cache/figures/)", len(todo))
        _drawing.append((figures.start_drawing(todo, cache, project.root), blocks))
    for block in blocks:
        folder = Path(block.page).parent.relative_to("docs").as_posix()
        for figure in block.figures:
            uri = f"{folder}/{figure.path}" if folder != "." else figure.path
            if files.get_file_from_path(uri) is not None:
                continue  # shown twice on the page (or by two blocks): one file
            drawn = cache / figures.key(block) / Path(figure.path).name  # there once drawn
            files.append(File.generated(config, uri, abs_src_path=str(drawn)))
    if not todo:
        _check(blocks, cache)
    return files


def on_env(env, config, files):
    """The pages are rendered; MkDocs copies the files next: the pictures must be there."""
    if _drawing:
        child, blocks = _drawing.pop()
        out, err = child.communicate()
        if child.returncode != 0:
            raise PluginError(out.strip() or err.strip())
        _check(blocks, Path(config.config_file_path).parent / ".cache" / "figures")
    return env


def _check(blocks: list, cache: Path) -> None:
    for block in blocks:
        drawn = figures.cached(block, cache)
        for figure in block.figures:
            name = Path(figure.path).name
            if name not in drawn:
                raise PluginError(
                    f"{block.page}:{figure.line}: the page shows {figure.path}, but the block "
                    f"above ({block.id}) did not write {name}. Fix: save the picture from the "
                    f"block, or correct the image path. (`nox -s tests -- {block.id}` tells more.)"
                )
