"""MkDocs hook: the pictures on a page are drawn by the tested code on that page, at build time.

A page shows a picture with an image right after the block that draws it:

    ```python
    --8<-- "snippets/data/images.py:grid"
    ```
    ![A grid of samples](figures/grid.png)

The block writes `grid.png` into its working directory. This hook runs each such block with
the test runner (tests/blocks/), in a scratch directory, and adds what it drew to the site as
`<page folder>/figures/grid.png`. No picture is committed, so none can go stale; a block that
fails or draws nothing stops the build. Drawn pictures are cached in .cache/figures/, keyed by
the code that drew them and the torch version, so `mkdocs serve` rebuilds stay fast.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.figures")


def on_files(files: Files, config) -> Files:
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir)
    pages = [p for p in sorted(docs.rglob("*.md")) if "](figures/" in p.read_text("utf-8")]
    if not pages:
        return files
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from tests.blocks.pages import read_page
    from tests.blocks.snippets import Expander

    expander = Expander(root / "mkdocs.yml")
    for page in pages:
        folder = page.parent.relative_to(docs).as_posix()
        for block in read_page(page, root, expander):
            if not block.figures:
                continue
            drawn = _draw(block, root)
            for figure, line in block.figures:
                name = Path(figure).name
                if name not in drawn:
                    raise PluginError(
                        f"{block.page}:{line}: the page shows {figure}, but the block above "
                        f"({block.id}) did not write {name}. Fix: save the picture from the block, "
                        f"or correct the image path. (`nox -s tests -- {block.page}` tells more.)"
                    )
                uri = f"{folder}/{figure}" if folder != "." else figure
                if files.get_file_from_path(uri) is not None:
                    raise PluginError(f"{block.page}:{line}: two pictures would be {uri}.")
                files.append(File.generated(config, uri, abs_src_path=str(drawn[name])))
    return files


def _draw(block, root: Path) -> dict[str, Path]:
    """Run the block once (or reuse its cached drawings); return its pictures by file name."""
    names = sorted({Path(figure).name for figure, _ in block.figures})
    key = hashlib.sha256()
    for part in block.chain:
        key.update(part.code.encode())
    if block.setup is not None:
        key.update(block.setup.code.encode())
    key.update(version("torch").encode() + version("torchvision").encode())
    cache = root / ".cache" / "figures" / key.hexdigest()[:16]
    if not all((cache / name).is_file() for name in names):
        from tests.blocks.runner import run_block

        log.info("drawing %s for %s", ", ".join(names), block.id)
        with tempfile.TemporaryDirectory(prefix="figure-") as workdir:
            try:
                run_block(block, "cpu", root, workdir=Path(workdir))
            except Exception as error:
                raise PluginError(
                    f"{block.id}: the block that draws {', '.join(names)} failed: "
                    f"{type(error).__name__}: {error}. (`nox -s tests -- {block.page}` tells more.)"
                ) from error
            cache.mkdir(parents=True, exist_ok=True)
            for name in names:
                if (Path(workdir) / name).is_file():
                    shutil.copyfile(Path(workdir) / name, cache / name)
    return {name: cache / name for name in names if (cache / name).is_file()}
