"""A page as the tests see it: its runnable blocks, expanded, each with its directives, its
Output fence, the pictures under it and the block it continues.

A block is a ``python`` (also ``py``, ``python3``, any title or options) or shell (``bash``,
``sh``, ``shell``, ``console``) fence. Every Python fence holds only include lines
(``--8<-- "snippets/<section>/<topic>.py:<name>"``); the code a reader sees is their expansion.
An Output fence (marker ``<!--pytest-codeblocks:expected-output-->`` then a fence) under a block
is what it prints; titled ``Output on a CPU-only machine`` it is compared in the CPU pass only.
A text fence titled ``Example output...`` right under a block is a sample, never compared. An
image ``![...](figures/name.png)`` between a block and the next fence is a picture it draws.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import data, directives
from .includes import Include, IncludeError, parse_include
from .markdown import (
    Document,
    Fence,
    Heading,
    Image,
    MarkdownError,
    agree_with_pytest_codeblocks,
    code_blocks,
    read_markdown,
)

if TYPE_CHECKING:
    from .project import Project

PYTHON = frozenset({"python", "py", "python3", "py3"})
SHELL = frozenset({"bash", "sh", "shell", "console"})
PLAIN = frozenset({"text", "txt", ""})
CPU_ONLY_OUTPUT = "output on a cpu-only machine"
EXAMPLE_OUTPUT = "example output"


class PageError(Exception):
    """A mistake in a page that a contributor must fix; the message names file, line and fix."""


@dataclass(frozen=True)
class Output:
    fence: Fence  # the Output fence: its body is what the block must print
    ignore_whitespace: bool

    @property
    def text(self) -> str:
        return self.fence.body

    @property
    def cpu_only(self) -> bool:
        return self.fence.title.lower().startswith(CPU_ONLY_OUTPUT)


@dataclass(eq=False)
class Block:
    page: str  # path from the project root, posix: docs/tensors/creation.md
    fence: Fence
    directives: directives.Directives
    heading: Heading | None = None  # the nearest heading above (notebooks, one-page sheet)
    code: str = ""  # after include expansion: what the reader sees and what runs
    origins: list = field(default_factory=list)  # per code line: (snippet file, line) or None
    includes: list[Include] = field(default_factory=list)
    output: Output | None = None
    example_output: bool = False
    figures: list[Image] = field(default_factory=list)
    makers: list[data.Setup] = field(default_factory=list)  # "Needs data:" makers, in order
    continues: Block | None = None
    continued_by: Block | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def lineno(self) -> int:
        return self.fence.start

    @property
    def id(self) -> str:
        return f"{self.page}:{self.lineno}"

    @property
    def language(self) -> str:
        return self.fence.language

    @property
    def title(self) -> str:
        return self.fence.title

    @property
    def is_python(self) -> bool:
        return self.language in PYTHON

    @property
    def is_shell(self) -> bool:
        return self.language in SHELL

    @property
    def expected_output(self) -> str | None:
        return self.output.text if self.output else None

    @property
    def end(self) -> int:
        """The last line that belongs to the block: its closing fence, or its Output fence's."""
        return self.output.fence.end if self.output else self.fence.end

    @property
    def chain(self) -> list[Block]:
        """The blocks this one continues, first to last, then this block."""
        blocks = [self]
        while blocks[0].continues is not None:
            blocks.insert(0, blocks[0].continues)
        return blocks

    @property
    def source_description(self) -> str:
        """Where the code came from: "snippets/x.py, section 'y'"."""
        parts = [
            f"{inc.path}, section '{inc.section}'" if inc.section else inc.path
            for inc in self.includes
        ]
        return "; ".join(parts) if parts else "(none: the code is written inline on the page)"


def module_for_page(page: str) -> str:
    """docs/<section>/<topic-name>.md -> snippets/<section>/<topic_name>.py (one topic, one name)."""
    rel = Path(page)
    parts = rel.parts[1:] if rel.parts and rel.parts[0] == "docs" else rel.parts
    return Path("snippets", *parts[:-1], rel.stem.replace("-", "_") + ".py").as_posix()


@dataclass(eq=False)
class Page:
    path: str  # from the project root: docs/tensors/creation.md
    document: Document
    blocks: list[Block]

    @property
    def title(self) -> str:
        first = next((h for h in self.document.headings if h.level == 1), None)
        return first.text if first else Path(self.path).stem


def read_page(path: Path, project: Project) -> Page:
    """The runnable blocks of a page, expanded and linked; contributor mistakes are collected in
    each block's ``problems`` (or raised as PageError when the page as a whole cannot be read)."""
    rel = path.resolve().relative_to(project.root).as_posix()
    try:
        document = read_markdown(path.read_text(encoding="utf-8"), rel)
        extracted = code_blocks(document)
        if project.cross_check:
            agree_with_pytest_codeblocks(document, extracted)
    except MarkdownError as error:
        raise PageError(str(error)) from None
    _check_page(document)

    blocks: list[Block] = []
    previous: Block | None = None
    for cb in extracted:
        fence = cb.fence
        if fence.language in PLAIN and cb.output_fence is None:
            continue
        problems = []
        try:
            parsed = directives.parse(fence.title) if fence.language not in PLAIN else None
        except directives.DirectiveError as error:
            parsed, problems = None, [f"{rel}:{fence.start}: {error}"]
        block = Block(
            page=rel,
            fence=fence,
            directives=parsed or directives.Directives(title=fence.title),
            problems=problems,
        )
        if cb.output_fence is not None:
            block.output = Output(cb.output_fence, cb.ignore_whitespace)
        block.heading = document.heading_before(fence.start)
        _check_kind(block)
        if block.directives.continued:
            _link(block, previous)
        _expand(block, project)
        _check_data(block, project)
        _attach_pictures(block, document)
        blocks.append(block)
        if block.is_python or block.is_shell:
            previous = block
    _check_pictures(blocks)
    _check_printed_output_shown(blocks)
    return Page(rel, document, blocks)


def _check_page(document: Document) -> None:
    problems = []
    for marker in document.markers:
        if marker.keyword.startswith("pytest-codeblocks:expected-output"):
            continue
        problems.append(
            f"{document.path}:{marker.line}: hidden directive '<!--{marker.keyword}-->': readers "
            f'cannot see it. Fix: say it in the fence title instead: title="Continued: ...", '
            f'title="Needs CUDA: ...", or title="Not run by the tests: <reason>".'
        )
    for fence in document.fences:
        if fence.mark[0] == "~" and fence.language in PYTHON | SHELL:
            problems.append(
                f"{document.path}:{fence.start}: a ~~~ fence is not collected by the tests. "
                f"Fix: use ``` fences."
            )
    if problems:
        raise PageError("\n".join(problems))


def _check_kind(block: Block) -> None:
    where = block.id
    if block.language == "pycon":
        block.problems.append(
            f"{where}: `pycon` sessions are not run. Fix: a python fence with the code (from a "
            f"snippet module) and an Output fence under it."
        )
    elif not (block.is_python or block.is_shell):
        block.problems.append(
            f"{where}: a `{block.language or 'plain'}` fence with an Output fence under it; only "
            f"python and shell blocks run. Fix: make it a python fence that includes a snippet section."
        )
    if block.directives.save_as and not block.is_python:
        block.problems.append(
            f"{where}: 'Save as' on a {block.language} block. Fix: only a python block can be "
            f"saved as a script."
        )


def _link(block: Block, previous: Block | None) -> None:
    if previous is None:
        block.problems.append(
            f"{block.id}: titled 'Continued' but no runnable block is above it. "
            f"Fix: remove 'Continued' from the title or move the block."
        )
        return
    if block.is_shell and previous.is_python and not previous.directives.save_as:
        block.problems.append(
            f"{block.id}: a shell block titled 'Continued' under a plain Python block "
            f"({previous.id}): the shell cannot run that Python, so it would be silently dropped. "
            f'Fix: title the Python block "Save as: NAME.py" and run `python NAME.py` (or '
            f"torchrun ... NAME.py) in the shell block, or remove 'Continued'."
        )
        return
    block.continues = previous
    previous.continued_by = block


def _expand(block: Block, project: Project) -> None:
    code_lines: list[str] = []
    origins: list = []
    inline: list[tuple[int, str]] = []
    for offset, line in enumerate(block.fence.body.splitlines()):
        number = block.fence.start + 1 + offset
        include = parse_include(line)
        if include is None:
            if block.is_python and line.strip():
                inline.append((number, line.strip()))
            code_lines.append(line)
            origins.append(None)
            continue
        block.includes.append(include)
        try:
            expanded = project.expander.expand_line(line)
        except IncludeError as error:
            block.problems.append(f"{block.page}:{number}: {error}")
            continue
        code_lines.extend(expanded)
        origins.extend(project.expander.origin_lines(include, len(expanded)))
    if inline:
        module = module_for_page(block.page)
        lines = ", ".join(str(n) for n, _ in inline)
        first = inline[0][1][:60]
        block.problems.append(
            f"{block.page}:{inline[0][0]}: code written inline in a python block (line"
            f"{'s' if len(inline) > 1 else ''} {lines}: {first!r}{' ...' if len(inline) > 1 else ''}). "
            f"Fix: move it into a section of {module} (between `# --8<-- [start:name]` and "
            f'`# --8<-- [end:name]`) and include it here with --8<-- "{module}:name".'
        )
    block.code = "\n".join(code_lines) + "\n"
    block.origins = origins


def _check_data(block: Block, project: Project) -> None:
    for name in block.directives.needs_data:
        try:
            block.makers.append(data.maker(name, project))
        except data.DataError as error:
            block.problems.append(f"{block.id}: {error}")
    for name in block.directives.downloads:
        try:
            data.check_download(name)
        except data.DataError as error:
            block.problems.append(f"{block.id}: {error}")


def _attach_pictures(block: Block, document: Document) -> None:
    following = document.next_fence(block.end)
    stop = following.start if following else len(document.lines) + 1
    images, _ = document.between(block.end, stop)
    block.figures = [i for i in images if i.path.startswith("figures/")]
    block.example_output = bool(
        following
        and following.language in PLAIN
        and following.title.lower().startswith(EXAMPLE_OUTPUT)
        and not block.output
    )


PRINTS = re.compile(r"^\s*print\(", re.MULTILINE)


def _check_printed_output_shown(blocks: list[Block]) -> None:
    """A block the CPU pass runs that prints must show what it prints (an Output fence, compared)
    or a sample of it (a fence titled "Example output: ...", for times)."""
    from .plan import Pass, plan

    for block in blocks:
        if block.problems or block.output or block.example_output or block.language not in PYTHON:
            continue
        if block.directives.before_torch:  # shows no output by design: it runs on older releases
            continue
        if not PRINTS.search(block.code) or not plan(block, Pass.CPU).runs:
            continue
        block.problems.append(
            f"{block.id}: the block prints, but the page shows no output under it. Fix: add "
            f'<!--pytest-codeblocks:expected-output--> and a ```text title="Output" fence '
            f"right under it (then nox -s tests -- --update-outputs {block.id} fills it in), or a "
            f'```text title="Example output: <why it varies>" fence for times and sizes.'
        )


def _check_pictures(blocks: list[Block]) -> None:
    """A picture must come from a block that the CPU pass runs, on code that needs no download."""
    from .plan import Pass, plan

    for block in blocks:
        if not block.figures or block.problems:
            continue
        decision = plan(block, Pass.CPU)
        where = f"{block.page}:{block.figures[0].line}: the page shows {block.figures[0].path}"
        if not decision.runs:
            block.problems.append(
                f"{where} under a block the CPU pass does not run ({decision.reason}). Fix: draw "
                f"the picture from a block that runs everywhere."
            )
        elif decision.downloads:
            block.problems.append(
                f"{where} under a block that downloads ({', '.join(decision.downloads)}): the site "
                f"build draws pictures offline and never from the tests' stand-in data. Fix: draw "
                f"it from a block that downloads nothing (make the data in the block)."
            )
