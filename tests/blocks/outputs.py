"""Compare what a block printed with the Output fence on its page; rewrite fences on request."""

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
    if block.ignore_whitespace:
        return re.sub(r"\s+", "", expected) == re.sub(r"\s+", "", printed)
    return expected == printed


def output_diff(block: Block, printed: str, device: str) -> str:
    shown = "" if block.output_fence is None else f" (Output fence at line {block.output_fence[0]})"
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


@dataclass
class PendingEdit:
    """A rewrite of one page's Output fence: replace lines [start, end) or insert at start."""

    start: int  # 1-based line to replace from (the first content line) or insert before
    end: int  # 1-based line after the last line replaced (== start for an insertion)
    new_lines: list[str]


class OutputUpdater:
    """Collects new outputs during a run (`--update-outputs`) and writes them when it ends."""

    def __init__(self) -> None:
        self.edits: dict[Path, list[PendingEdit]] = {}

    def record(self, page: Path, block: Block, printed: str) -> None:
        text = printed if printed.endswith("\n") or not printed else printed + "\n"
        body = text.splitlines(keepends=True)
        if block.output_fence is not None:
            opening, closing = block.output_fence
            indent = _indent_of(page, opening)
            edit = PendingEdit(opening + 1, closing, [indent + line for line in body])
        elif printed.strip():
            closing = _closing_line_of(page, block.lineno)
            indent = _indent_of(page, block.lineno)
            marker = "<!--pytest-codeblocks:expected-output-->\n"
            new = ["\n", indent + marker, indent + '```text title="Output"\n']
            new += [indent + line for line in body] + [indent + "```\n"]
            edit = PendingEdit(closing + 1, closing + 1, new)
        else:
            return
        self.edits.setdefault(page, []).append(edit)

    def write(self) -> list[Path]:
        for page, edits in self.edits.items():
            lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
            for edit in sorted(edits, key=lambda e: e.start, reverse=True):
                lines[edit.start - 1 : edit.end - 1] = edit.new_lines
            page.write_text("".join(lines), encoding="utf-8")
        return list(self.edits)


def _indent_of(page: Path, lineno: int) -> str:
    line = page.read_text(encoding="utf-8").splitlines()[lineno - 1]
    return line[: len(line) - len(line.lstrip())]


def _closing_line_of(page: Path, fence_line: int) -> int:
    lines = page.read_text(encoding="utf-8").splitlines()
    opening = lines[fence_line - 1].lstrip()
    ticks = "`" * (len(opening) - len(opening.lstrip("`")))
    for number in range(fence_line + 1, len(lines) + 1):
        if lines[number - 1].lstrip().startswith(ticks):
            return number
    raise ValueError(f"{page}:{fence_line}: fence never closed")
