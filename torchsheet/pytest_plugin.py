"""The pytest adapter: every page under docs/ and every module under snippets/ becomes test items.

    docs/tensors/creation.md:42[cpu]        the block whose fence opens on line 42, CPU pass
    docs/tensors/creation.md:42[cuda]       the same block, CUDA pass (skipped without a GPU)
    snippets/tensors/creation.py[sections]  every section is included by a page; no code outside
    snippets/tensors/creation.py[script]    the module runs top to bottom as a script (--scripts)

With ``--compat-record compat/torch-X.json`` (``nox -s compat -- X``, on another torch release)
the CPU pass records what each block did instead of failing it (compat.py): a differing
output, an exception or a warning is an expected failure (``x``) that names it.

Those ids can be pasted back: ``pytest docs/tensors/creation.md:42[cpu]`` (or ``...md:42`` for
both passes) runs that block. What runs, how and why not is the engine's decision (plan.py);
this module only turns it into test items and readable failures. Stand-ins for downloads come
from the ``pytest_torchsheet_standins`` hook (the project's tests/standins.py).
"""

from __future__ import annotations

import datetime
import json
import platform
import re
import tempfile
import time
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from . import compat, execute, modules, verified
from .data import DataError
from .outputs import OutputUpdater, output_diff, outputs_match
from .pages import Block, PageError
from .plan import Action, Pass, plan
from .project import Project
from .report import format_block_exception, format_exception_from, missing_figures, network_line
from .sandbox import BlockWarned, NetworkUsed

BLOCK_ID = re.compile(r"^(?P<page>.+\.md):(?P<line>\d+)(?P<pass>\[(cpu|cuda)\])?$")


class ContributorError(Exception):
    """A mistake in a page or snippet module; the message names the file, the line and the fix."""


class OutputMismatch(Exception):
    def __init__(self, diff: str):
        super().__init__(diff)
        self.diff = diff


class Hooks:
    @pytest.hookspec(firstresult=True)
    def pytest_torchsheet_standins(self, config: pytest.Config):
        """The stand-ins for what readers download: {name: callable(project) -> Setup}."""


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(Hooks)


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
        help="also run each snippet module top to bottom as a script",
    )
    group.addoption(
        "--compat-record",
        metavar="FILE",
        default=None,
        help="compatibility pass (nox -s compat): record what each block does on the installed "
        "torch (same/differs/fails/warns/skipped) in FILE instead of failing it; "
        "FILE may name {torch}, e.g. compat/torch-{torch}.json",
    )
    group.addoption(
        "--compat-changed",
        action="store_true",
        help="with --compat-record: run only the blocks FILE has no 'same' or 'skipped' record "
        "of (new or changed since it was measured, or that differed, failed or warned) and merge "
        "them into it; records of blocks no longer on the pages are dropped "
        "(nox -s compat -- X --compat-changed)",
    )


_project_key = pytest.StashKey[Project | None]()
_updater_key = pytest.StashKey[OutputUpdater]()
_written_key = pytest.StashKey[tuple]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cpu: the CPU pass of a page block")
    config.addinivalue_line("markers", "cuda: the CUDA pass of a page block (needs a GPU)")
    config.stash[_updater_key] = OutputUpdater()
    root = config.rootpath
    project = None
    if (root / "mkdocs.yml").is_file():
        standins = config.hook.pytest_torchsheet_standins(config=config)
        project = Project(root, standins=standins, cross_check=True)
    config.stash[_project_key] = project
    if config.getoption("compat_changed") and not config.getoption("compat_record", None):
        raise pytest.UsageError("--compat-changed goes with --compat-record FILE")
    if config.getoption("compat_record", None):
        if config.getoption("update_outputs") or config.getoption("fresh"):
            raise pytest.UsageError("--compat-record runs alone: not with --update-outputs/--fresh")
        if not hasattr(config, "workerinput"):  # the controller collects the workers' records
            config.pluginmanager.register(CompatRecorder(config), "torchsheet-compat")
    # a failing block's id pasted back: docs/x.md:42[cpu] -> docs/x.md::x.md:42[cpu]
    config.args[:] = [_as_node_path(arg) for arg in config.args]


def _as_node_path(arg: str) -> str:
    m = BLOCK_ID.match(arg)
    if m is None or "::" in arg:
        return arg
    page = m["page"]
    return f"{page}::{Path(page).name}:{m['line']}{m['pass'] or ''}"


def _project(config: pytest.Config) -> Project | None:
    return config.stash.get(_project_key, None)


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    project = _project(parent.config)
    if project is None or not file_path.is_relative_to(project.root):
        return None
    if file_path.is_relative_to(project.docs) and file_path.suffix == ".md":
        return PageFile.from_parent(parent, path=file_path)
    if file_path.is_relative_to(project.snippets) and file_path.suffix == ".py":
        return SnippetModule.from_parent(parent, path=file_path)
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector):
    """A snippet module named on the command line is not a test module: never import it."""
    project = _project(parent.config)
    if project is not None and module_path.is_relative_to(project.snippets):
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
        try:
            page = _project(self.config).read(self.path)
        except PageError as error:
            raise ContributorError(str(error)) from None
        for block in page.blocks:
            for pass_ in Pass:
                yield BlockItem.from_parent(
                    self,
                    name=f"{self.path.name}:{block.lineno}[{pass_}]",
                    nodeid=f"{block.id}[{pass_}]",
                    block=block,
                    pass_=pass_,
                )

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, ContributorError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class BlockItem(pytest.Item):
    def __init__(self, *, block: Block, pass_: Pass, **kwargs):
        super().__init__(**kwargs)
        self.block = block
        self.pass_ = pass_
        self.add_marker(getattr(pytest.mark, str(pass_)))

    def runtest(self) -> None:
        block, config = self.block, self.config
        if config.getoption("compat_record", None):
            return self._measure()
        if self.pass_ is Pass.CUDA and not _cuda_available():
            pytest.skip("CUDA pass: torch.cuda.is_available() is False on this machine")
        try:
            decision = plan(block, self.pass_)
        except PageError as error:
            raise ContributorError(str(error)) from None
        if decision.action is not Action.RUN:
            pytest.skip(decision.reason)
        project = _project(config)
        with tempfile.TemporaryDirectory(prefix="block-") as workdir:
            try:
                printed = execute.run(
                    decision, self.pass_, project, Path(workdir), fresh=config.getoption("fresh")
                )
            except DataError as error:
                raise ContributorError(f"{block.id}: {error}") from None
            missing = missing_figures(block, Path(workdir))
        if missing:
            raise ContributorError("\n".join(missing))
        if config.getoption("update_outputs") and self.pass_ is Pass.CPU:
            if block.example_output or (
                block.expected_output is not None and outputs_match(block, printed, "cpu")
            ):
                return
            text = project.read(self.path).document.text  # the spans were recorded on this
            config.stash[_updater_key].record(self.path, block, printed, text)
            return
        if block.expected_output is None:
            return
        if self.pass_ is Pass.CUDA and block.output.cpu_only:
            return
        if not outputs_match(block, printed, str(self.pass_)):
            raise OutputMismatch(output_diff(block, printed, str(self.pass_)))
        if self.pass_ is Pass.CPU:
            verified.record(block, project.root)  # the preview flags blocks changed since

    def _measure(self) -> None:
        """The compatibility pass: what the block does on this torch, recorded, never failed."""
        block, project = self.block, _project(self.config)
        if self.pass_ is not Pass.CPU:
            pytest.skip("compatibility pass: CPU pass only")
        try:
            decision = plan(block, self.pass_)
        except PageError as error:
            raise ContributorError(str(error)) from None
        record = [block.id]
        if decision.action is not Action.RUN:
            record += ["skipped", compat.short(decision.reason)]
        else:
            record += _measured(decision, self.pass_, project)
            if record[1] == "fails" and "partially initialized module" in record[2]:
                # an import an earlier block left half done in this process (an older torch
                # failing inside torch._dynamo, say): what a reader gets is what a new process gets
                record[1:] = _measured(decision, self.pass_, project, fresh=True)
        self.user_properties.append(("compat", json.dumps([compat.fingerprint(block), record])))
        if record[1] == "skipped":
            pytest.skip(decision.reason)
        if record[1] != "same":
            pytest.xfail(f"torch {_torch()}: {record[1]}: {record[2]}")

    def reportinfo(self):
        return self.path, self.block.lineno - 1, f"{self.block.id}[{self.pass_}]"

    def repr_failure(self, excinfo, style=None):
        block = self.block
        head = f"{block.id} [{self.pass_} pass] -- code from {block.source_description}\n"
        error = excinfo.value
        if isinstance(error, ContributorError):
            return head + str(error)
        if isinstance(error, OutputMismatch):
            return (
                head
                + "the printed output differs from the Output fence on the page:\n"
                + error.diff
                + f"Fix: correct the recipe, or if the new output is right, run\n"
                f"    nox -s tests -- --update-outputs {block.id}\nand review the diff."
            )
        if isinstance(error, NetworkUsed):
            return head + str(error) + network_line(error, block)
        if isinstance(error, (BlockWarned, execute.ShellFailed, execute.FreshProcessFailed)):
            return head + str(error)
        return head + format_block_exception(error, block)


def _measured(decision, pass_: Pass, project: Project, fresh: bool = False) -> list[str]:
    """What a block the plan runs does on this torch: ["same"], ["differs", how],
    ["fails", the exception] or ["warns", the warning]."""
    block = decision.block
    with tempfile.TemporaryDirectory(prefix="block-") as workdir:
        try:
            printed = execute.run(decision, pass_, project, Path(workdir), fresh=fresh)
            missing = missing_figures(block, Path(workdir))
        except DataError as error:
            raise ContributorError(f"{block.id}: {error}") from None
        except BlockWarned as error:
            return ["warns", compat.warning_text(str(error))]
        except Exception as error:  # noqa: BLE001 - what the block raised is the record
            return ["fails", compat.failure(error)]
    if missing:
        return ["differs", compat.short(missing[0])]
    if block.expected_output is None or outputs_match(block, printed, "cpu"):
        return ["same"]
    return ["differs", compat.difference(block.expected_output, printed)]


def _torch() -> str:
    return version("torch").split("+")[0]


def _compat_path(config: pytest.Config) -> Path:
    path = Path(config.getoption("compat_record").format(torch=_torch()))
    return path if path.is_absolute() else config.rootpath / path


def _compat_data(config: pytest.Config) -> dict | None:
    """The release's committed data when --compat-changed asks to build on it."""
    path = _compat_path(config)
    if not config.getoption("compat_changed") or not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """--compat-changed: leave out the blocks the release's data already speaks for."""
    data = _compat_data(config) if config.getoption("compat_record", None) else None
    if data is None:
        return
    # what ran the same (or was not run) stands; anything else is measured again, as a fix in
    # the engine or the stand-ins may change it
    known = {fp for fp, record in data["blocks"].items() if record[1] in ("same", "skipped")}
    keep, measured = [], []
    for item in items:
        if isinstance(item, BlockItem) and compat.fingerprint(item.block) in known:
            measured.append(item)
        else:
            keep.append(item)
    if measured:
        config.hook.pytest_deselected(items=measured)
        items[:] = keep


class CompatRecorder:
    """In the controller process: every block's record (from any xdist worker), written to the
    --compat-record file when the session ends (compat.write_data)."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.records: dict[str, list] = {}
        self.started = time.monotonic()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for name, value in report.user_properties:
            if name == "compat":
                fp, record = json.loads(value)
                self.records[fp] = record

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        config, root = self.config, self.config.rootpath
        torch = _torch()
        path = _compat_path(config)
        previous = _compat_data(config)
        pyproject = root / "pyproject.toml"
        groups = {}
        if pyproject.is_file():
            groups = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("dependency-groups")
        recipes = (groups or {}).get("recipes", ["torch", "torchvision"])
        names = [compat._name(r) for r in recipes]
        installed = {}
        for name in names:
            try:
                installed[name] = version(name)
            except PackageNotFoundError:
                installed[name] = None
        header = {
            "format": compat.FORMAT,
            "torch": torch,
            "torchvision": installed.get("torchvision"),
            "python": platform.python_version(),
            "date": datetime.date.today().isoformat(),
            "wall_s": round(time.monotonic() - self.started, 1),
            "installed": installed,
            **compat.install_notes(),
        }
        records = self.records
        if previous is not None:  # a pass over the changed blocks, merged into the full one
            project = Project(root)
            on_pages = {
                compat.fingerprint(block): block.id
                for page in project.page_paths()
                for block in project.read_quietly(page)
            }
            header, records = compat.merge_changed(previous, header, self.records, on_pages)
        compat.write_data(path, header, records)
        self.written = path

    def pytest_terminal_summary(self, terminalreporter) -> None:
        written = getattr(self, "written", None)
        if written is not None:
            counts = json.loads(written.read_text(encoding="utf-8"))["counts"]
            terminalreporter.write_sep("=", f"compatibility pass on torch {_torch()}")
            root = self.config.rootpath
            shown = written.relative_to(root) if written.is_relative_to(root) else written
            terminalreporter.write_line(
                f"  {shown.as_posix()}: " + ", ".join(f"{n} {r}" for r, n in counts.items())
            )


# --- snippet modules ---------------------------------------------------------------------------


class SnippetModule(pytest.File):
    def collect(self):
        rel = _project(self.config).rel(self.path)
        checks = ("script", "sections") if self.config.getoption("scripts") else ("sections",)
        for check in checks:
            yield SnippetCheck.from_parent(
                self, name=f"{self.path.name}[{check}]", nodeid=f"{rel}[{check}]", check=check
            )


class SnippetCheck(pytest.Item):
    def __init__(self, *, check: str, **kwargs):
        super().__init__(**kwargs)
        self.check = check

    def runtest(self) -> None:
        project = _project(self.config)
        if self.check == "script":
            execute.run_module_as_script(self.path, modules.setups_needed(self.path, project))
            return
        found = modules.problems(self.path, project)
        if found:
            raise ContributorError("\n".join(found))

    def reportinfo(self):
        return self.path, 0, self.nodeid

    def repr_failure(self, excinfo, style=None):
        error = excinfo.value
        if isinstance(error, ContributorError):
            return str(error)
        if isinstance(error, (BlockWarned, NetworkUsed)):
            return f"{self.nodeid}: {error}"
        where = lambda filename, lineno: f"{execute.relative(Path(filename))}:{lineno}"  # noqa: E731
        return f"{self.nodeid}: running the module as a script failed\n" + format_exception_from(
            error, {str(self.path)}, where
        )


def pytest_sessionfinish(session: pytest.Session) -> None:
    if session.config.getoption("update_outputs", default=False):
        session.config.stash[_written_key] = session.config.stash[_updater_key].write()


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    written, changed = config.stash.get(_written_key, ((), ()))
    root = config.rootpath
    if written:
        terminalreporter.write_sep("=", "Output fences rewritten (review with git diff)")
        for page in written:
            terminalreporter.write_line(f"  {page.relative_to(root).as_posix()}")
    if changed:
        terminalreporter.write_sep("=", "Pages left alone: they changed during the run")
        for page in changed:
            terminalreporter.write_line(
                f"  {page.relative_to(root).as_posix()}: run --update-outputs on it again"
            )
