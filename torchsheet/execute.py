"""Carry out a Plan: in this process (fast: torch is imported once), or pasted into a fresh
``python`` (``fresh=True``: the literal proof that a block runs alone).

The block runs in `workdir`, a reader's empty scratch folder with ``TORCH_HOME`` inside it. Its
data makers and the stand-ins for its downloads run first, silently. Then each step of the
plan runs by its kind (see plan.py); only the last step's output is returned. Python steps
share one ``__main__`` with a real script file behind it (``recipe.py``), so DataLoader workers
and multiprocessing can re-import it, as from ``python recipe.py``.
"""

from __future__ import annotations

import contextlib
import io
import linecache
import os
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

from .data import Setup, stand_in
from .pages import Block
from .plan import How, Pass, Plan
from .project import Project
from .sandbox import process_env, sandbox

SHELL_TIMEOUT = 300
FRESH_TIMEOUT = 600


class ShellFailed(Exception):
    """A shell step (or a script run by one) exited non-zero."""


class FreshProcessFailed(Exception):
    """A step run in a new process (a script, --fresh) exited non-zero."""


def virtual_filename(block: Block) -> str:
    return f"<{block.id}>"


def run(plan: Plan, pass_: Pass, project: Project, workdir: Path, fresh: bool = False) -> str:
    """Run a block as planned; return what its own step printed."""
    if not plan.runs:
        raise ValueError(f"{plan.block.id}: plan is {plan.action}, not run")
    device = str(pass_)
    setups = [*plan.setups, *(stand_in(name, project) for name in plan.downloads)]
    with working_directory(workdir) as cwd:
        for setup in setups:
            if fresh:
                _python_process(["-c", setup.code], device, cwd, f"the data setup ({setup.origin})")
            else:
                run_setup_in_process(setup, device)
        patches = [s.patch for s in setups if s.patch]
        if fresh:
            (cwd / "recipe.py").write_text(_program(plan, patches), encoding="utf-8")
            return _python_process(["recipe.py"], device, cwd, "python recipe.py (--fresh)")
        with _patched(patches):
            return _run_steps(plan, device, cwd)


@contextlib.contextmanager
def working_directory(workdir: Path) -> Iterator[Path]:
    saved_cwd, saved_home = os.getcwd(), os.environ.get("TORCH_HOME")
    os.chdir(workdir)
    os.environ["TORCH_HOME"] = str(Path(workdir) / ".torch")
    try:
        yield Path(workdir)
    finally:
        os.chdir(saved_cwd)
        if saved_home is None:
            os.environ.pop("TORCH_HOME", None)
        else:
            os.environ["TORCH_HOME"] = saved_home


@contextlib.contextmanager
def _patched(patches: list[str]) -> Iterator[None]:
    """Stand-ins' library patches, undone when the block ends (see data.Setup.patch)."""
    undo: list = []
    try:
        for code in patches:
            exec(compile(code, "<stand-in patch>", "exec"), {"undo": undo})
        yield
    finally:
        for restore in reversed(undo):
            restore()


def run_setup_in_process(setup: Setup, device: str) -> None:
    """Run a data maker or stand-in in a fresh __main__, in the current directory, silently."""
    module = types.ModuleType("__main__")
    module.__dict__["__builtins__"] = __builtins__
    filename = f"<{'needs data' if setup.shown else 'stand-in'}: {setup.name}>"
    linecache.cache[filename] = (len(setup.code), None, setup.code.splitlines(True), filename)
    where = lambda file, line: f"{setup.origin}, line {line}"  # noqa: E731
    with sandbox(module, device, where), contextlib.redirect_stdout(io.StringIO()):
        exec(compile(setup.code, filename, "exec"), module.__dict__)


def _run_steps(plan: Plan, device: str, cwd: Path) -> str:
    """All steps in one sandbox: Python parts share one __main__ and torch's state, as in one
    script; only the last step's output is kept."""
    python = [s.block for s in plan.steps if s.how is How.PYTHON]
    module = types.ModuleType("__main__")
    script = cwd / "recipe.py"
    script.write_text("".join(b.code for b in python), encoding="utf-8")
    module.__dict__.update({"__builtins__": __builtins__, "__file__": str(script)})
    printed = ""
    with sandbox(module, device, where_in(plan.block.chain)):
        for step in plan.steps:
            part = step.block
            if step.how in (How.WRITE, How.SCRIPT):
                (cwd / part.directives.save_as).write_text(part.code, encoding="utf-8")
            if step.how is How.SCRIPT:
                name = part.directives.save_as
                printed = _python_process([name], device, cwd, f"python {name}")
            elif step.how is How.SHELL:
                printed = _run_shell(part.code, device, cwd)
            elif step.how is How.PYTHON:
                printed = _exec(part, module)
    return printed if plan.steps[-1].block is plan.block else ""


def _exec(part: Block, module: types.ModuleType) -> str:
    filename = virtual_filename(part)
    linecache.cache[filename] = (len(part.code), None, part.code.splitlines(True), filename)
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink):
        exec(compile(part.code, filename, "exec"), module.__dict__)
    return sink.getvalue()


def _program(plan: Plan, patches: list[str] = ()) -> str:
    """The plan's steps as one script for a new process (--fresh), earlier steps silent. Python
    parts run at the top level of the script, as in a reader's file (spawned workers re-import
    it); writing files and running shell steps happen in the main process only."""
    lines = ["import contextlib as _c, io as _io, subprocess as _s, sys as _sys"]
    for code in patches:  # stand-ins' library patches (test-only), before the reader's code
        lines.append(f"exec(compile({code!r}, '<stand-in patch>', 'exec'), {{'undo': []}})")
    for step in plan.steps:
        part = step.block
        body: list[str] = []
        main_only = step.how is not How.PYTHON
        if step.how in (How.WRITE, How.SCRIPT):
            name = part.directives.save_as
            body.append(f"open({name!r}, 'w', encoding='utf-8').write({part.code!r})")
        if step.how is How.SCRIPT:
            body.append(
                f"print(_s.run([_sys.executable, {part.directives.save_as!r}], check=True, "
                f"capture_output=True, text=True).stdout, end='')"
            )
        elif step.how is How.SHELL:
            body.append(
                f"print(_s.run(['bash', '-euo', 'pipefail', '-c', {part.code!r}], check=True, "
                f"capture_output=True, text=True).stdout, end='')"
            )
        elif step.how is How.PYTHON:
            body.append(f"exec(compile({part.code!r}, {virtual_filename(part)!r}, 'exec'))")
        if step is not plan.steps[-1]:
            body = ["with _c.redirect_stdout(_io.StringIO()):", *("    " + b for b in body)]
        if main_only:
            body = ['if __name__ == "__main__":', *("    " + b for b in body)]
        lines.extend(body)
    return "\n".join(lines) + "\n"


def _python_process(args: list[str], device: str, cwd: Path, what: str) -> str:
    result = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=process_env(device),
        capture_output=True,
        text=True,
        timeout=FRESH_TIMEOUT,
    )
    if result.returncode != 0:
        raise FreshProcessFailed(f"{what} exited with {result.returncode}:\n{result.stderr}")
    return result.stdout


def _run_shell(code: str, device: str, cwd: Path) -> str:
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", code],
        cwd=cwd,
        env=process_env(device),
        capture_output=True,
        text=True,
        timeout=SHELL_TIMEOUT,
    )
    if result.returncode != 0:
        raise ShellFailed(
            f"exit status {result.returncode}\n--- stdout ---\n{result.stdout}"
            f"--- stderr ---\n{result.stderr}"
        )
    return result.stdout


def where_in(chain: list[Block]):
    """Maps (filename, line) of a frame in a block to "snippets/x.py:17 (included by docs/x.md:42)"."""
    parts = {virtual_filename(part): part for part in chain}

    def where(filename: str, lineno: int) -> str:
        part = parts.get(filename)
        if part is None:
            return f"{filename}:{lineno}"
        origin = part.origins[lineno - 1] if 0 < lineno <= len(part.origins) else None
        if origin is None:
            return f"{part.id}, line {lineno} of the block"
        file, number = origin
        return f"{relative(file)}:{number} (included by {part.id})"

    return where


def relative(file: Path) -> str:
    """A file's path from its project's root (the folder holding mkdocs.yml)."""
    project = Project.find(Path(file).parent)
    if project is None:
        return str(file)
    return Path(file).resolve().relative_to(project.root).as_posix()


def run_module_as_script(path: Path, setups: list[Setup] = ()) -> None:
    """Run a snippet module top to bottom, as `python snippets/x/y.py` would, after the data
    makers its sections need (from the pages' "Needs data:" titles)."""
    import tempfile

    module = types.ModuleType("__main__")
    module.__dict__.update({"__builtins__": __builtins__, "__file__": str(path)})
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    where = lambda filename, lineno: f"{relative(Path(filename))}:{lineno}"  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="script-") as tmp, working_directory(Path(tmp)):
        for setup in setups:
            run_setup_in_process(setup, "cpu")
        with (
            _patched([s.patch for s in setups if s.patch]),
            sandbox(module, "cpu", where),
            contextlib.redirect_stdout(io.StringIO()),
        ):
            exec(code, module.__dict__)
