"""The pytest side: every page under docs/ and every module under snippets/ becomes test items.

docs/tensors/creation.md:42[cpu]    the block whose fence opens on line 42, CPU pass
docs/tensors/creation.md:42[cuda]   the same block, CUDA pass (skipped without a GPU)
snippets/tensors/creation.py[script]    the module runs top to bottom as a script
snippets/tensors/creation.py[sections]  every section is included by a page; no code outside them
"""

from __future__ import annotations

import functools
import sys
import tempfile
import traceback
from pathlib import Path

import pytest

from .fixtures import is_png
from .outputs import OutputUpdater, output_diff, outputs_match
from .pages import Block, PageError, read_page
from .runner import (
    BlockWarned,
    FreshProcessFailed,
    NetworkUsed,
    ShellFailed,
    relative,
    run_block,
    run_module_as_script,
    virtual_filename,
)
from .runner import (
    _origin_finder as origin_finder,
)
from .snippets import Expander, code_outside_sections, includes_in_pages, sections_of

DEVICES = ("cpu", "cuda")


class ContributorError(Exception):
    """A mistake in a page or snippet module; the message names the file, the line and the fix."""


class OutputMismatch(Exception):
    def __init__(self, diff: str):
        super().__init__(diff)
        self.diff = diff


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("torchsheet", "torchsheet: executable pages")
    group.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite each page's Output fences with what its blocks print (CPU pass); "
        "adds an Output fence under blocks that print but show none. Review the diff.",
    )
    group.addoption(
        "--fresh",
        action="store_true",
        help="run each block in a new python process, as a reader pasting it would (slow)",
    )
    group.addoption(
        "--scripts",
        action="store_true",
        help="also run each snippet module top to bottom as a script (the blocks already run "
        "every section; this checks the module as a whole, about 15 s)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cpu: the CPU pass of a page block")
    config.addinivalue_line("markers", "cuda: the CUDA pass of a page block (needs a GPU)")
    config.stash[_updater_key] = OutputUpdater()


_updater_key = pytest.StashKey[OutputUpdater]()


@functools.cache
def _project(rootpath: Path) -> tuple[Path, Expander] | None:
    mkdocs_yml = rootpath / "mkdocs.yml"
    if not mkdocs_yml.is_file():
        return None
    return rootpath, Expander(mkdocs_yml)


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    project = _project(parent.config.rootpath)
    if project is None:
        return None
    root, _ = project
    rel = file_path.relative_to(root) if file_path.is_relative_to(root) else None
    if rel is None:
        return None
    if rel.parts[0] == "docs" and file_path.suffix == ".md":
        return PageFile.from_parent(parent, path=file_path)
    if rel.parts[0] == "snippets" and file_path.suffix == ".py":
        return SnippetModule.from_parent(parent, path=file_path)
    return None


def _under(path: Path, config: pytest.Config, folder: str) -> bool:
    root = config.rootpath
    return path.is_relative_to(root / folder) and _project(root) is not None


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector):
    """A snippet module named on the command line is not a test module: never import it."""
    if _under(module_path, parent.config, "snippets"):
        return _NotATestModule.from_parent(parent, path=module_path)
    return None


class _NotATestModule(pytest.File):
    def collect(self):
        return []


def _cuda_available() -> bool:
    import torch

    return torch.cuda.is_available()


class PageFile(pytest.File):
    def collect(self):
        root, expander = _project(self.config.rootpath)
        try:
            blocks = read_page(self.path, root, expander)
        except PageError as error:
            raise ContributorError(str(error)) from None
        for block in blocks:
            for device in DEVICES:
                yield BlockItem.from_parent(
                    self,
                    name=f"{self.path.name}:{block.lineno}[{device}]",
                    nodeid=f"{block.id}[{device}]",
                    block=block,
                    device=device,
                )

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, ContributorError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class BlockItem(pytest.Item):
    def __init__(self, *, block: Block, device: str, **kwargs):
        super().__init__(**kwargs)
        self.block = block
        self.device = device
        self.add_marker(getattr(pytest.mark, device))

    def runtest(self) -> None:
        block = self.block
        if self.device == "cuda" and not _cuda_available():
            pytest.skip("CUDA pass: torch.cuda.is_available() is False on this machine")
        if block.problems:
            raise ContributorError("\n".join(block.problems))
        if block.skip_reason:
            pytest.skip(f"{block.id}: {block.skip_reason}")
        if self.device == "cpu" and block.needs_cuda:
            pytest.skip(f"{block.id}: {block.title}")
        if block.save_as and block.continued_by and not block.continued_by.is_python:
            pytest.skip(
                f"{block.id}: the script runs in {block.continued_by.id}, which launches it"
            )
        root, _ = _project(self.config.rootpath)
        with tempfile.TemporaryDirectory(prefix="block-") as workdir:
            printed = run_block(
                block,
                self.device,
                root,
                fresh=self.config.getoption("fresh"),
                workdir=Path(workdir),
            )
            missing = missing_figures(block, Path(workdir))
        if missing:
            raise ContributorError("\n".join(missing))
        if self.config.getoption("update_outputs") and self.device == "cpu":
            if block.example_output and block.expected_output is None:
                return  # its output varies: the page shows an example, titled so
            if block.expected_output is None or not outputs_match(block, printed, "cpu"):
                self.config.stash[_updater_key].record(self.path, block, printed)
            return
        if block.expected_output is None:
            return
        if self.device == "cuda" and block.output_cpu_only:
            return
        if not outputs_match(block, printed, self.device):
            raise OutputMismatch(output_diff(block, printed, self.device))

    def reportinfo(self):
        return self.path, self.block.lineno - 1, f"{self.block.id}[{self.device}]"

    def repr_failure(self, excinfo, style=None):
        block = self.block
        head = f"{block.id} [{self.device} pass] -- code from {block.source_description}\n"
        error = excinfo.value
        if isinstance(error, ContributorError):
            return head + str(error)
        if isinstance(error, OutputMismatch):
            return (
                head
                + "the printed output differs from the Output fence on the page:\n"
                + error.diff
                + f"Fix: correct the recipe, or if the new output is right, run\n"
                f"    nox -s tests -- --update-outputs {block.page}\nand review the diff."
            )
        if isinstance(error, NetworkUsed):
            return head + str(error) + _network_line(error, block)
        if isinstance(error, (BlockWarned, ShellFailed, FreshProcessFailed)):
            return head + str(error)
        return head + format_block_exception(error, block)


def _network_line(error: NetworkUsed, block: Block) -> str:
    """Where in the snippet the block reached for the network (the last frame in the block)."""
    chain = block.chain
    own = {virtual_filename(p) for p in chain}
    cause = error.__cause__ or error
    frames = [f for f in traceback.extract_tb(cause.__traceback__) if f.filename in own]
    if not frames:
        return ""
    return f"\n    at {origin_finder(chain)(frames[-1].filename, frames[-1].lineno)}"


def missing_figures(block: Block, workdir: Path) -> list[str]:
    """The pictures the page shows under a block that the block did not draw."""
    problems = []
    for figure, line in block.figures:
        name = Path(figure).name
        drawn = workdir / name
        if not drawn.is_file():
            problems.append(
                f"{block.page}:{line}: the page shows {figure}, but the block above "
                f"({block.id}) did not write {name}. Fix: save the picture from the block "
                f'(plt.savefig("{name}") or save_image(grid, "{name}")), or correct the image path.'
            )
        elif drawn.suffix == ".png" and not is_png(drawn):
            problems.append(f"{block.page}:{line}: {name} written by {block.id} is not a PNG file.")
    return problems


def format_block_exception(error: BaseException, block: Block) -> str:
    """The traceback from the block's own frames on, each block line mapped to its snippet line."""
    chain = block.chain
    return format_exception_from(error, {virtual_filename(p) for p in chain}, origin_finder(chain))


def format_exception_from(error: BaseException, own_files: set[str], where) -> str:
    """A traceback that starts at the first frame of `own_files` (not in the test machinery)."""
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


# --- snippet modules ---------------------------------------------------------------------------


class SnippetModule(pytest.File):
    def collect(self):
        rel = self.path.relative_to(self.config.rootpath).as_posix()
        checks = ("script", "sections") if self.config.getoption("scripts") else ("sections",)
        for check in checks:
            yield SnippetCheck.from_parent(
                self, name=f"{self.path.name}[{check}]", nodeid=f"{rel}[{check}]", check=check
            )


def layout_problems(module: Path, root: Path) -> list[str]:
    """One topic, one name: snippets/<section>/<topic>.py has its page docs/<section>/<topic>.md."""
    rel = module.relative_to(root).as_posix()
    stem = module.stem
    problems = []
    if not stem.isidentifier():
        problems.append(
            f"{rel}:1: '{stem}' is not a Python module name. Fix: rename it to "
            f"{stem.replace('-', '_')}.py (pages use dashes, modules underscores)."
        )
    elif stem in sys.stdlib_module_names:
        problems.append(
            f"{rel}:1: '{stem}.py' shadows the standard library module '{stem}' when the module "
            f"runs as a script (its folder comes first on sys.path). Fix: choose another topic name."
        )
    page = (
        root
        / "docs"
        / module.parent.relative_to(root / "snippets")
        / f"{stem.replace('_', '-')}.md"
    )
    if not page.is_file():
        problems.append(
            f"{rel}:1: no page {page.relative_to(root).as_posix()} for this module. Fix: a topic "
            f"has one name in two places: snippets/<section>/<topic>.py and docs/<section>/<topic>.md "
            f"(underscores in the module become dashes in the page)."
        )
    return problems


@functools.cache
def _included_sections(root: Path) -> dict[tuple[str, str], list[str]]:
    return includes_in_pages(sorted((root / "docs").rglob("*.md")), root)


class SnippetCheck(pytest.Item):
    def __init__(self, *, check: str, **kwargs):
        super().__init__(**kwargs)
        self.check = check

    def runtest(self) -> None:
        if self.check == "script":
            run_module_as_script(self.path, self._setups_needed())
            return
        root = self.config.rootpath
        rel = self.path.relative_to(root).as_posix()
        problems = layout_problems(self.path, root)
        for line in code_outside_sections(self.path):
            problems.append(
                f"{rel}:{line}: code outside any section: no page shows it, yet it runs with the "
                f"module. Fix: put it inside a `# --8<-- [start:name]` ... `# --8<-- [end:name]` "
                f"section that a page includes, or delete it."
            )
        used = _included_sections(root)
        for name, section in sections_of(self.path).items():
            if (rel, name) not in used:
                problems.append(
                    f"{rel}:{section.start}: section '{name}' is not included by any page (an orphan "
                    f"snippet: tested nowhere a reader looks). Fix: include it in its page with\n"
                    f'    ```python\n    --8<-- "{rel}:{name}"\n    ```\n'
                    f"  or delete the section."
                )
        if problems:
            raise ContributorError("\n".join(problems))

    def reportinfo(self):
        return self.path, 0, self.nodeid

    def _setups_needed(self) -> list:
        """The data makers that the pages' blocks from this module say they need."""
        root, expander = _project(self.config.rootpath)
        rel = self.path.relative_to(root).as_posix()
        setups = {}
        for page in sorted((root / "docs").rglob("*.md")):
            if rel not in page.read_text(encoding="utf-8"):
                continue
            for block in read_page(page, root, expander):
                if block.setup and any(inc.path == rel for inc in block.includes):
                    setups.setdefault(block.setup.name, block.setup)
        return list(setups.values())

    def repr_failure(self, excinfo, style=None):
        error = excinfo.value
        if isinstance(error, ContributorError):
            return str(error)
        if isinstance(error, (BlockWarned, NetworkUsed)):
            return f"{self.nodeid}: {error}"
        where = lambda filename, lineno: f"{relative(Path(filename))}:{lineno}"  # noqa: E731
        return f"{self.nodeid}: running the module as a script failed\n" + format_exception_from(
            error, {str(self.path)}, where
        )


def pytest_sessionfinish(session: pytest.Session) -> None:
    if session.config.getoption("update_outputs", default=False):
        written = session.config.stash[_updater_key].write()
        session.config.stash[_written_key] = written


_written_key = pytest.StashKey[list]()


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    written = config.stash.get(_written_key, None)
    if written:
        terminalreporter.write_sep("=", "Output fences rewritten (review with git diff)")
        for page in written:
            terminalreporter.write_line(f"  {page.relative_to(config.rootpath).as_posix()}")
