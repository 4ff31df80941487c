"""Compare what a block printed with the Output fence on its page; rewrite Output fences by the
spans the page reader recorded."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .pages import Block

# In the CUDA pass the blocks put tensors on the GPU, and their reprs say so. The page shows the
# CPU output, so the device is normalised away before comparing: `tensor([1.], device='cuda:0')`
# reads as `tensor([1.])`, `device(type='cuda', index=0)` as `device(type='cpu')`, `cuda:0` as `cpu`.
_CUDA_NORMALISERS = [
    (re.compile(r",\s*device='cuda(:\d+)?'"), ""),
    (re.compile(r"device\(type='cuda'(, index=\d+)?\)"), "device(type='cpu')"),
    (re.compile(r"\bcuda:\d+\b"), "cpu"),
    (re.compile(r"(?<![\w.])cuda(?![\w.(])"), "cpu"),
]


def normalise_cuda(text: str) -> str:
    for pattern, replacement in _CUDA_NORMALISERS:
        text = pattern.sub(replacement, text)
    return text


def outputs_match(block: Block, printed: str, device: str) -> bool:
    expected = block.expected_output or ""
    if device == "cuda":
        printed = normalise_cuda(printed)
    if block.output is not None and block.output.ignore_whitespace:
        return re.sub(r"\s+", "", expected) == re.sub(r"\s+", "", printed)
    return expected == printed


def output_diff(block: Block, printed: str, device: str) -> str:
    shown = "" if block.output is None else f" (Output fence at line {block.output.fence.start})"
    if device == "cuda":
        printed = normalise_cuda(printed)
    diff = difflib.unified_diff(
        (block.expected_output or "").splitlines(keepends=True),
        printed.splitlines(keepends=True),
        fromfile=f"shown on {block.page}{shown}",
        tofile=f"printed by the block ({device} pass)",
    )
    text = "".join(line if line.endswith("\n") else line + "\n" for line in diff)
    return text or "(outputs differ only in whitespace at the end of the output)\n"


@dataclass(frozen=True)
class Edit:
    """Replace page lines [start, end) (1-based) with new lines; start == end inserts."""

    start: int
    end: int
    new_lines: tuple[str, ...]


class OutputUpdater:
    """Collects new outputs during a run (``--update-outputs``) and writes them when it ends.

    Each edit is placed by the spans the page reader recorded (the Output fence's lines, or the
    line after the block's closing fence), and a page's edits are applied from the bottom up, so
    earlier line numbers stay valid. A page that changed on disk since it was read is left alone
    (the run reports it): its recorded spans no longer hold."""

    def __init__(self) -> None:
        self.edits: dict[Path, list[Edit]] = {}
        self.read_as: dict[Path, str] = {}

    def record(self, page: Path, block: Block, printed: str, page_text: str) -> None:
        text = printed if printed.endswith("\n") or not printed else printed + "\n"
        body = text.splitlines(keepends=True)
        if block.output is not None:
            fence = block.output.fence
            edit = Edit(fence.start + 1, fence.end, tuple(fence.indent + line for line in body))
        elif printed.strip():
            indent = block.fence.indent
            new = ["\n", indent + "<!--pytest-codeblocks:expected-output-->\n"]
            new += [indent + '```text title="Output"\n', *(indent + line for line in body)]
            new += [indent + "```\n"]
            edit = Edit(block.fence.end + 1, block.fence.end + 1, tuple(new))
        else:
            return
        self.read_as.setdefault(page, page_text)
        self.edits.setdefault(page, []).append(edit)

    def write(self) -> tuple[list[Path], list[Path]]:
        """Apply the edits; return (pages written, pages that changed during the run)."""
        written, changed = [], []
        for page, edits in self.edits.items():
            text = page.read_text(encoding="utf-8")
            if text != self.read_as[page]:
                changed.append(page)
                continue
            lines = text.splitlines(keepends=True)
            for edit in sorted(edits, key=lambda e: e.start, reverse=True):
                lines[edit.start - 1 : edit.end - 1] = edit.new_lines
            page.write_text("".join(lines), encoding="utf-8")
            written.append(page)
        return written, changed
