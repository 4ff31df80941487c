"""MkDocs hook: the pictures on a page are drawn by the tested code on that page, at build time.

A page shows a picture with an image right after the block that draws it:

    ```python
    --8<-- "snippets/data/images.py:grid"
    ```
    ![A grid of samples](figures/grid.png)

The engine (torchsheet/figures.py) draws every picture not yet in .cache/figures/ in one child
process, and this hook adds each to the site as `<page folder>/figures/grid.png`. No picture is
committed, so none can go stale; a block that fails or draws nothing stops the build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from torchsheet import figures
from torchsheet.build import plugin_errors, project_for

log = logging.getLogger("mkdocs.hooks.figures")


def on_files(files: Files, config) -> Files:
    project = project_for(config)
    cache = project.root / ".cache" / "figures"
    blocks = []
    with plugin_errors("a page with pictures cannot be read"):
        for page in project.page_paths():
            if "](figures/" in page.read_text(encoding="utf-8"):
                blocks += [b for b in project.blocks(page) if b.figures]
    todo = figures.pending(blocks, cache)
    if todo:
        log.info("drawing the pictures of %d blocks (cached in .cache/figures/)", len(todo))
        result = figures.draw_in_child(todo, cache, project.root)
        if result.returncode != 0:
            raise PluginError(result.stdout.strip() or result.stderr.strip())
    for block in blocks:
        drawn = figures.cached(block, cache)
        folder = Path(block.page).parent.relative_to("docs").as_posix()
        for figure in block.figures:
            name = Path(figure.path).name
            if name not in drawn:
                raise PluginError(
                    f"{block.page}:{figure.line}: the page shows {figure.path}, but the block "
                    f"above ({block.id}) did not write {name}. Fix: save the picture from the "
                    f"block, or correct the image path. (`nox -s tests -- {block.id}` tells more.)"
                )
            uri = f"{folder}/{figure.path}" if folder != "." else figure.path
            if files.get_file_from_path(uri) is not None:
                continue  # shown twice on the page (or by two blocks): one file
            files.append(File.generated(config, uri, abs_src_path=str(drawn[name])))
    return files
