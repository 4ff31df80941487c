"""What a contributor reads when a block fails: tracebacks mapped to snippet lines, missing
pictures, the network call's line. Used by the pytest plugin and the compatibility pass."""

from __future__ import annotations

import traceback
from pathlib import Path

from .execute import virtual_filename, where_in
from .pages import Block
from .sandbox import NetworkUsed

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def format_block_exception(error: BaseException, block: Block) -> str:
    """The traceback from the block's own frames on, each block line mapped to its snippet line."""
    chain = block.chain
    return format_exception_from(error, {virtual_filename(p) for p in chain}, where_in(chain))


def format_exception_from(error: BaseException, own_files: set[str], where) -> str:
    """A traceback that starts at the first frame of `own_files` (not in the machinery)."""
    summary = traceback.TracebackException.from_exception(error)
    frames = list(summary.stack)
    first = next((i for i, f in enumerate(frames) if f.filename in own_files), 0)
    lines = ["Traceback (most recent call last):"]
    for frame in frames[first:]:
        if frame.filename in own_files:
            lines.append(f"  {where(frame.filename, frame.lineno)}")
        else:
            lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    lines.extend(line.rstrip("\n") for line in summary.format_exception_only())
    return "\n".join(lines)


def network_line(error: NetworkUsed, block: Block) -> str:
    """Where in the snippet the block reached for the network (the last frame in the block)."""
    chain = block.chain
    own = {virtual_filename(p) for p in chain}
    cause = error.__cause__ or error
    frames = [f for f in traceback.extract_tb(cause.__traceback__) if f.filename in own]
    if not frames:
        return ""
    return f"\n    at {where_in(chain)(frames[-1].filename, frames[-1].lineno)}"


def missing_figures(block: Block, workdir: Path) -> list[str]:
    """The pictures the page shows under a block that the block did not draw."""
    problems = []
    for figure in block.figures:
        name = Path(figure.path).name
        drawn = workdir / name
        if not drawn.is_file():
            problems.append(
                f"{block.page}:{figure.line}: the page shows {figure.path}, but the block above "
                f"({block.id}) did not write {name}. Fix: save the picture from the block "
                f'(plt.savefig("{name}") or save_image(grid, "{name}")), or correct the image path.'
            )
        elif drawn.suffix == ".png" and drawn.read_bytes()[:8] != PNG_MAGIC:
            problems.append(
                f"{block.page}:{figure.line}: {name} written by {block.id} is not a PNG."
            )
    return problems
