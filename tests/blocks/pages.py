"""Read a page: its code fences (parsed by pytest-codeblocks), their directives and Output fences.

A directive is always visible to the reader: it is the fence's title.

    ```python title="Continued: ..."             runs the block above first, in the same namespace
    ```python title="Needs CUDA: ..."            skipped in the CPU pass, with that reason
    ```bash title="Not run by the tests: ..."    skipped, with the title as the reason
    ```python title="Needs data: mnist ..."      runs the data maker named first (see fixtures.py)
    ```python title="Save as: train.py"          a script: runs as `python train.py`; a shell block
                                                 titled "Continued: ..." under it finds the file

An Output fence titled "Output on a CPU-only machine" is compared in the CPU pass only. An image
`![...](figures/name.png)` after a block (before the next fence) is a picture the block draws:
the block must write `name.png` in its working directory; the site build runs it to make the file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pytest_codeblocks import extract_from_buffer

from .snippets import Expander, IncludeError, parse_include

PYTHON = {"python", "py", "python3", "py3"}
SHELL = {"bash", "sh", "shell", "console"}
PLAIN = {"text", "txt", ""}  # not code: shown as is, never run

TITLE = re.compile(r"""\btitle=(?P<q>["'])(?P<title>.*?)(?P=q)""")
OUTPUT_MARKER = re.compile(
    r"^\s*<!--\s*pytest-codeblocks:expected-output(-ignore-whitespace)?\s*-->\s*$"
)
HIDDEN_DIRECTIVE = re.compile(
    r"^\s*<!--\s*(pytest-codeblocks:(?!expected-output)\S+|pytest\.mark\.\S+)"
)

CONTINUED = "continued"
NEEDS_CUDA = "needs cuda"
NOT_RUN = "not run by the tests"
NEEDS_DATA = re.compile(r"^needs data:\s*(?P<name>[a-z0-9_]+)", re.IGNORECASE)
SAVE_AS = re.compile(r"^save as:\s*(?P<name>[\w.-]+\.py)\b", re.IGNORECASE)
FIGURE = re.compile(r"!\[[^\]]*\]\((?P<path>figures/[^)\s]+)")
CPU_ONLY_OUTPUT = "output on a cpu-only machine"
EXAMPLE_OUTPUT = "example output"


class PageError(Exception):
    """A mistake in a page that a contributor must fix; the message names file, line and fix."""


@dataclass
class Setup:
    """Code a block needs run first: a data maker from a snippet module, or a test fixture."""

    name: str
    code: str
    origin: str  # "snippets/data/tiny_datasets.py, section 'mnist'"


@dataclass
class Block:
    page: str  # path relative to the repository root, posix
    lineno: int  # line of the opening fence
    language: str
    title: str
    source: str  # the fence's text as written on the page
    code: str = ""  # after snippet expansion: what the reader sees and what runs
    origins: list = field(default_factory=list)  # per code line: (snippet file, line) or None
    includes: list = field(default_factory=list)
    expected_output: str | None = None
    output_fence: tuple[int, int] | None = None  # (opening line, closing line) on the page
    output_cpu_only: bool = False
    ignore_whitespace: bool = False
    continues: Block | None = None
    continued_by: Block | None = None
    setup: Setup | None = None  # a data maker that runs first, in the same working directory
    figures: list[tuple[str, int]] = field(default_factory=list)  # (figures/x.png, page line)
    example_output: bool = False  # a text fence titled "Example output..." follows: not compared
    problems: list[str] = field(default_factory=list)  # contributor errors found while reading

    @property
    def id(self) -> str:
        return f"{self.page}:{self.lineno}"

    @property
    def chain(self) -> list[Block]:
        """The blocks this one continues, first to last, then this block."""
        blocks = [self]
        while blocks[0].continues is not None:
            blocks.insert(0, blocks[0].continues)
        return blocks

    @property
    def is_python(self) -> bool:
        return self.language in PYTHON

    @property
    def skip_reason(self) -> str | None:
        if self.title.lower().startswith(NOT_RUN):
            return self.title
        return None

    @property
    def needs_data(self) -> str | None:
        m = NEEDS_DATA.match(self.title)
        return m["name"].lower() if m else None

    @property
    def save_as(self) -> str | None:
        m = SAVE_AS.match(self.title)
        return m["name"] if m else None

    @property
    def needs_cuda(self) -> bool:
        return self.title.lower().startswith(NEEDS_CUDA)

    @property
    def source_description(self) -> str:
        """Where the code came from: "snippets/x.py, section 'y'"."""
        parts = [
            f"{inc.path}, section '{inc.section}'" if inc.section else inc.path
            for inc in self.includes
        ]
        return "; ".join(parts) if parts else "(none: the code is written inline on the page)"


def fence_language(info: str) -> str:
    info = info.strip()
    if info.startswith("{"):
        m = re.search(r"\.([\w+-]+)", info)
        return m.group(1).lower() if m else ""
    return info.split()[0].lower() if info else ""


def fence_title(info: str) -> str:
    m = TITLE.search(info)
    return m["title"].strip() if m else ""


def read_page(path: Path, root: Path, expander: Expander) -> list[Block]:
    """All runnable blocks of a page, expanded, with their directives and expected output."""
    rel = path.relative_to(root).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    _check_hidden_directives(rel, lines)

    try:
        parsed = extract_from_buffer(io.StringIO("".join(lines)))
    except RuntimeError as error:
        raise PageError(f"{rel}: pytest-codeblocks cannot parse the page: {error}") from None

    blocks: list[Block] = []
    previous: Block | None = None
    for cb in parsed:
        language = fence_language(cb.syntax or "")
        info = cb.syntax or ""
        if language in PLAIN and cb.expected_output is None:
            continue
        block = Block(
            page=rel,
            lineno=cb.lineno,
            language=language,
            title=fence_title(info),
            source=cb.code,
            expected_output=cb.expected_output,
            ignore_whitespace=cb.expected_output_ignore_whitespace,
        )
        if cb.expected_output is not None:
            block.output_fence, output_info = _find_output_fence(lines, cb.lineno)
            block.output_cpu_only = fence_title(output_info).lower().startswith(CPU_ONLY_OUTPUT)
        if language not in PYTHON | SHELL:
            block.problems.append(
                f"{block.id}: a `{language or 'plain'}` fence with an Output fence under it; only "
                f"python and shell blocks run. Fix: make it a python fence that includes a snippet section."
            )
        if language == "pycon":
            block.problems.append(
                f"{block.id}: `pycon` sessions are not run. Fix: a python fence with the code "
                f"(from a snippet module) and an Output fence under it."
            )
        if block.title.lower().startswith(CONTINUED):
            if previous is None:
                block.problems.append(
                    f"{block.id}: titled 'Continued' but no runnable block is above it. "
                    f"Fix: remove the title or move the block."
                )
            block.continues = previous
            if previous is not None:
                previous.continued_by = block
        _expand(block, expander)
        if block.needs_data:
            from .fixtures import data_setup

            try:
                block.setup = data_setup(block.needs_data, expander)
            except ValueError as error:
                block.problems.append(f"{block.id}: {error}")
        end = block.output_fence[1] if block.output_fence else _closing_fence(lines, cb.lineno)
        block.figures = _figures_after(lines, end)
        block.example_output = _example_output_after(lines, end)
        blocks.append(block)
        if block.language in PYTHON | SHELL:
            previous = block
    return blocks


def _expand(block: Block, expander: Expander) -> None:
    code_lines: list[str] = []
    origins: list = []
    page_line = block.lineno
    for offset, line in enumerate(block.source.splitlines()):
        where = f"{block.page}:{page_line + 1 + offset}"
        include = parse_include(line)
        if include is None:
            if block.is_python and line.strip():
                block.problems.append(
                    f"{where}: code written inline in a python block ({line.strip()[:60]!r}). "
                    f"Fix: move it into a section of a snippet module (snippets/<section>/<topic>.py, "
                    f"between `# --8<-- [start:name]` and `# --8<-- [end:name]`) and include it here "
                    f'with --8<-- "snippets/<section>/<topic>.py:name".'
                )
            code_lines.append(line)
            origins.append(None)
            continue
        block.includes.append(include)
        try:
            expanded = expander.expand_line(line)
        except IncludeError as error:
            block.problems.append(f"{where}: {error}")
            continue
        code_lines.extend(expanded)
        origins.extend(expander.origin_lines(include, len(expanded)))
    block.code = "\n".join(code_lines) + "\n"
    block.origins = origins


def _closing_fence(lines: list[str], opening_line: int) -> int:
    """1-based line number of the fence that closes the one opened on `opening_line`."""
    opening = lines[opening_line - 1].lstrip()
    ticks = len(opening) - len(opening.lstrip("`"))
    i = opening_line
    while i < len(lines) and not lines[i].lstrip().startswith("`" * ticks):
        i += 1
    return i + 1


def _figures_after(lines: list[str], end_line: int) -> list[tuple[str, int]]:
    """Images under figures/ between a block (and its Output fence) and the next fence."""
    found = []
    for number in range(end_line + 1, len(lines) + 1):
        line = lines[number - 1]
        if line.lstrip().startswith(("```", "~~~")):
            break
        found.extend((m["path"], number) for m in FIGURE.finditer(line))
    return found


def _example_output_after(lines: list[str], end_line: int) -> bool:
    """Is the next fence a text fence titled "Example output..." (output that varies per run)?"""
    for number in range(end_line + 1, len(lines) + 1):
        line = lines[number - 1].lstrip()
        if line.startswith("```"):
            info = line.lstrip("`")
            return fence_language(info) in PLAIN and fence_title(info).lower().startswith(
                EXAMPLE_OUTPUT
            )
    return False


def _find_output_fence(lines: list[str], code_fence_line: int) -> tuple[tuple[int, int], str]:
    """Line numbers (opening, closing) and info string of the Output fence under a code fence."""
    i = code_fence_line  # index of the line after the opening fence
    opening = lines[code_fence_line - 1].lstrip()
    ticks = len(opening) - len(opening.lstrip("`"))
    while not lines[i].lstrip().startswith("`" * ticks):
        i += 1
    i += 1
    while not OUTPUT_MARKER.match(lines[i]):
        i += 1
    i += 1
    while not lines[i].lstrip().startswith("```"):
        i += 1
    start = i
    out_opening = lines[i].lstrip()
    out_ticks = len(out_opening) - len(out_opening.lstrip("`"))
    info = out_opening[out_ticks:].strip()
    i += 1
    while not lines[i].lstrip().startswith("`" * out_ticks):
        i += 1
    return (start + 1, i + 1), info


def _check_hidden_directives(rel: str, lines: list[str]) -> None:
    problems = []
    for number, line in enumerate(lines, start=1):
        if HIDDEN_DIRECTIVE.match(line):
            problems.append(
                f"{rel}:{number}: hidden directive {line.strip()!r}: readers cannot see it. Fix: say "
                f'it in the fence title instead: title="Continued: ...", title="Needs CUDA: ...", '
                f'or title="Not run by the tests: <reason>".'
            )
        stripped = line.lstrip()
        if stripped.startswith("~~~") and fence_language(stripped.lstrip("~")) in PYTHON | SHELL:
            problems.append(
                f"{rel}:{number}: a ~~~ fence is not collected by the tests. Fix: use ``` fences."
            )
    if problems:
        raise PageError("\n".join(problems))
