"""Pictures on the site are drawn by the tested blocks that show them, at build time.

A page shows a picture with an image right after the block that draws it; the block writes the
file into its working directory (the tests check it does). The build asks `pending()` which
pictures are not in the cache yet and draws them all in one child process
(``python -m torchsheet.figures CACHE BLOCK-ID...``), so torch is never imported into the
``mkdocs serve`` process and a failing block cannot take it down. The child starts as soon as
the build knows its files and draws while the build renders the pages (and executes the
walkthrough notebooks) on the other core; the build waits for it before copying files.
Drawings are cached under ``.cache/figures/<key>/``, keyed by the code that drew them and the
torch version.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from .pages import Block


def key(block: Block) -> str:
    digest = hashlib.sha256()
    for part in block.chain:
        digest.update(part.code.encode())
        for setup in part.makers:
            digest.update(setup.code.encode())
    digest.update(version("torch").encode() + version("torchvision").encode())
    return digest.hexdigest()[:16]


def names(block: Block) -> list[str]:
    return sorted({Path(figure.path).name for figure in block.figures})


def cached(block: Block, cache: Path) -> dict[str, Path]:
    folder = cache / key(block)
    return {name: folder / name for name in names(block) if (folder / name).is_file()}


def pending(blocks: list[Block], cache: Path) -> list[Block]:
    return [b for b in blocks if b.figures and len(cached(b, cache)) < len(names(b))]


def start_drawing(blocks: list[Block], cache: Path, root: Path) -> subprocess.Popen:
    """Start drawing the pictures of `blocks` in one new Python process (see main());
    `communicate()` on the result waits for it and gives its report."""
    return subprocess.Popen(
        [sys.executable, "-m", "torchsheet.figures", str(cache), *(b.id for b in blocks)],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def main(argv: list[str]) -> int:
    """Run each block (CPU pass) in a scratch directory and keep what it drew in the cache."""
    from .execute import run
    from .plan import Pass, plan
    from .project import Project
    from .report import format_block_exception

    cache, ids = Path(argv[0]), argv[1:]
    project = Project(Path.cwd())
    failed = 0
    for block_id in ids:
        page, _, line = block_id.rpartition(":")
        block = next(b for b in project.blocks(project.root / page) if b.lineno == int(line))
        with tempfile.TemporaryDirectory(prefix="figure-") as workdir:
            try:
                run(plan(block, Pass.CPU), Pass.CPU, project, Path(workdir))
            except Exception as error:  # noqa: BLE001 - reported with the block's traceback
                print(f"{block.id}: the block that draws {', '.join(names(block))} failed:")
                print(format_block_exception(error, block))
                print(f"(`nox -s tests -- {block.id}` tells more.)")
                failed += 1
                continue
            folder = cache / key(block)
            folder.mkdir(parents=True, exist_ok=True)
            for name in names(block):
                if (Path(workdir) / name).is_file():
                    shutil.copyfile(Path(workdir) / name, folder / name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
