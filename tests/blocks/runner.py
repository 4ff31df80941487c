"""Run one block the way a reader would: pasted alone into a fresh ``python``.

In-process (fast: torch is imported once per session), but each block gets
- a fresh, empty working directory (a reader's scratch folder), with TORCH_HOME inside it, and
  a real script file as ``__file__`` (so DataLoader workers can be spawned, as on macOS/Windows);
- the data it says it needs ("Needs data: NAME"), made first in that directory;
- a fresh ``__main__`` module as its namespace (so ``if __name__ == "__main__":`` runs and classes
  it defines can be pickled, as in a real script);
- torch's global state reset: a random seed as in a new process, default dtype and device,
  grad mode, deterministic flags, print options;
- warnings recorded: a DeprecationWarning, FutureWarning or UserWarning fails the block;
- sockets blocked: any connection outside this machine fails the block;
- in the CPU pass, accelerators hidden (``torch.cuda.is_available()`` is False), so the device
  idiom picks the CPU even on a GPU machine; in the CUDA pass, nothing hidden.
"""

from __future__ import annotations

import contextlib
import functools
import io
import ipaddress
import linecache
import os
import random
import socket
import subprocess
import sys
import tempfile
import types
import warnings
from collections.abc import Iterator
from pathlib import Path

from .pages import Block, Setup

FAILING_WARNINGS = (DeprecationWarning, PendingDeprecationWarning, FutureWarning, UserWarning)


class BlockWarned(Exception):
    """A block raised a warning that readers would see."""


class NetworkUsed(OSError):
    """A block tried to reach another host."""


class ShellFailed(Exception):
    """A shell block exited non-zero."""


class FreshProcessFailed(Exception):
    """With --fresh: the block failed when pasted into a new python process."""


def virtual_filename(block: Block) -> str:
    return f"<{block.id}>"


def run_block(
    block: Block, device: str, root: Path, fresh: bool = False, workdir: Path | None = None
) -> str:
    """Run a block (after the blocks it continues); return what it printed.

    It runs in `workdir` (a new temporary directory if None), which holds what it wrote after.
    fresh=True pastes it into a new `python` process instead: slower (each pays the imports),
    and the literal proof of the promise that every block runs alone.
    """
    with _working_directory(workdir) as cwd:
        if block.setup is not None:
            _run_setup(block, device, cwd, fresh)
        for part in block.chain:
            if part.save_as:
                (cwd / part.save_as).write_text(part.code, encoding="utf-8")
        if not block.is_python:
            return _run_shell(block, device, cwd)
        if block.save_as:
            return _python_process(block.save_as, device, cwd, what=f"python {block.save_as}")
        if fresh:
            return _run_fresh(block, device, cwd)
        return _run_python(block, device, cwd)


@contextlib.contextmanager
def _working_directory(workdir: Path | None) -> Iterator[Path]:
    with contextlib.ExitStack() as stack:
        if workdir is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="block-")))
        saved_cwd, saved_home = os.getcwd(), os.environ.get("TORCH_HOME")
        os.chdir(workdir)
        os.environ["TORCH_HOME"] = str(workdir / ".torch")
        try:
            yield workdir
        finally:
            os.chdir(saved_cwd)
            if saved_home is None:
                os.environ.pop("TORCH_HOME", None)
            else:
                os.environ["TORCH_HOME"] = saved_home


def _run_setup(block: Block, device: str, cwd: Path, fresh: bool) -> None:
    setup = block.setup
    if fresh:
        _python_process(setup.code, device, cwd, what=f"the data maker ({setup.origin})")
        return
    run_setup_in_process(setup, device)


def run_setup_in_process(setup: Setup, device: str) -> None:
    """Run a data maker in a fresh __main__ in this process, in the current directory, silently."""
    module = types.ModuleType("__main__")
    module.__dict__["__builtins__"] = __builtins__
    filename = f"<needs data: {setup.name}>"
    linecache.cache[filename] = (len(setup.code), None, setup.code.splitlines(True), filename)
    where = lambda file, line: f"{setup.origin}, line {line}"  # noqa: E731
    with _sandbox(module, device, where), contextlib.redirect_stdout(io.StringIO()):
        exec(compile(setup.code, filename, "exec"), module.__dict__)


def _run_fresh(block: Block, device: str, cwd: Path) -> str:
    chain = block.chain
    # earlier parts of a chain run first with their output discarded, as in the in-process pass
    code = "import contextlib, io\n"
    for part in chain[:-1]:
        code += f"with contextlib.redirect_stdout(io.StringIO()):\n    exec({part.code!r})\n"
    code += block.code
    return _python_process(code, device, cwd, what="a fresh python")


def _python_process(code_or_script: str, device: str, cwd: Path, what: str) -> str:
    """Run code (or a script file in cwd, for a name ending in .py) in a new python."""
    command = [code_or_script] if code_or_script.endswith(".py") else ["-c", code_or_script]
    result = subprocess.run(
        [sys.executable, *command],
        cwd=cwd,
        env=_process_env(device),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        raise FreshProcessFailed(f"{what} exited with {result.returncode}:\n{result.stderr}")
    return result.stdout


def _run_python(block: Block, device: str, cwd: Path) -> str:
    chain = block.chain
    # A real file behind __main__, as for `python script.py`: spawned DataLoader workers and
    # multiprocessing re-import it (the main guard keeps the loop from running there).
    script = cwd / "recipe.py"
    script.write_text("".join(part.code for part in chain), encoding="utf-8")
    module = types.ModuleType("__main__")
    module.__dict__.update({"__builtins__": __builtins__, "__file__": str(script)})
    printed = io.StringIO()
    with _sandbox(module, device, where=_origin_finder(chain)):
        for part in chain:
            code = compile(part.code, virtual_filename(part), "exec")
            linecache.cache[virtual_filename(part)] = (
                len(part.code),
                None,
                part.code.splitlines(keepends=True),
                virtual_filename(part),
            )
            sink = printed if part is block else io.StringIO()
            with contextlib.redirect_stdout(sink):
                exec(code, module.__dict__)
    return printed.getvalue()


def _origin_finder(chain: list[Block]):
    """Maps (filename, line) of a frame in a block to "snippets/x.py:17 (docs/x.md:42)"."""
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
    """A snippet file's path from its project's root (the folder holding mkdocs.yml)."""
    file = file.resolve()
    for folder in file.parents:
        if (folder / "mkdocs.yml").is_file():
            return file.relative_to(folder).as_posix()
    return str(file)


@contextlib.contextmanager
def _sandbox(module: types.ModuleType, device: str, where) -> Iterator[None]:
    """Everything a block runs inside: see the module docstring."""
    network: list[str] = []
    try:
        with (
            _fresh_torch_state(),
            _as_main(module),
            _accelerators_hidden(device == "cpu"),
            _no_network(network),
            _failing_warnings(where),
        ):
            yield
    except Exception as error:
        if network:
            raise _network_error(network) from error
        raise
    if network:
        raise _network_error(network)


def _network_error(attempts: list[str]) -> NetworkUsed:
    return NetworkUsed(
        "the block tried to reach the network (" + "; ".join(attempts) + "). Recipes run "
        "offline. Fix: make tiny data in the real on-disk format instead of downloading it, or "
        "load weights already in the torch hub cache."
    )


def _process_env(device: str) -> dict[str, str]:
    """A child process: warnings readers would see fail it; in the CPU pass, no GPU."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["PYTHONWARNINGS"] = ",".join(f"error::{c.__name__}" for c in FAILING_WARNINGS)
    if device == "cpu":
        env["CUDA_VISIBLE_DEVICES"] = ""
    return env


def _run_shell(block: Block, device: str, cwd: Path) -> str:
    # python parts of the chain are scripts ("Save as: x.py"), already written to cwd
    code = "".join(part.code for part in block.chain if not part.is_python)
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", code],
        cwd=cwd,
        env=_process_env(device),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise ShellFailed(
            f"exit status {result.returncode}\n--- stdout ---\n{result.stdout}"
            f"--- stderr ---\n{result.stderr}"
        )
    return result.stdout


# --- the context managers ----------------------------------------------------------------------


@contextlib.contextmanager
def _as_main(module: types.ModuleType) -> Iterator[None]:
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    try:
        yield
    finally:
        if saved is not None:
            sys.modules["__main__"] = saved


def reset_torch_state() -> None:
    """What a fresh interpreter starts with (the seed is random there too)."""
    import torch

    torch.seed()
    random.seed()
    try:
        import numpy

        numpy.random.seed()
    except ImportError:  # pragma: no cover - numpy ships with torch's usual installs
        pass
    torch.set_default_dtype(torch.float32)
    torch.set_default_device(None)
    torch.set_grad_enabled(True)
    if torch.are_deterministic_algorithms_enabled():  # the setter imports inductor: 2.6 s
        torch.use_deterministic_algorithms(False)
    torch.backends.cudnn.deterministic = False
    torch.backends.cudnn.benchmark = False
    torch.set_float32_matmul_precision("highest")
    torch.autograd.set_detect_anomaly(False)
    torch.set_printoptions(profile="default", sci_mode=None)


@contextlib.contextmanager
def _fresh_torch_state() -> Iterator[None]:
    import torch

    threads = torch.get_num_threads()
    reset_torch_state()
    try:
        yield
    finally:
        reset_torch_state()
        torch.set_num_threads(threads)


@contextlib.contextmanager
def _accelerators_hidden(hide: bool) -> Iterator[None]:
    if not hide:
        yield
        return
    import torch

    patches = [
        (torch.cuda, "is_available"),
        (torch.backends.mps, "is_available"),
        (torch.accelerator, "is_available"),
    ]
    saved = [(obj, name, getattr(obj, name)) for obj, name in patches]
    for obj, name, original in saved:
        # wraps() keeps `__wrapped__` etc.: torch._dynamo reads them when it is first imported
        setattr(obj, name, functools.wraps(original)(lambda: False))
    try:
        yield
    finally:
        for obj, name, value in saved:
            setattr(obj, name, value)


def _is_local(address) -> bool:
    if isinstance(address, (str, bytes)) and not isinstance(address, tuple):
        return True  # AF_UNIX path
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@contextlib.contextmanager
def _no_network(attempts: list[str]) -> Iterator[None]:
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def connect(self, address):
        if not _is_local(address):
            attempts.append(f"connect to {address!r}")
            raise NetworkUsed(f"network access blocked by the tests: connect to {address!r}")
        return real_connect(self, address)

    def connect_ex(self, address):
        if not _is_local(address):
            attempts.append(f"connect to {address!r}")
            raise NetworkUsed(f"network access blocked by the tests: connect to {address!r}")
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if not _is_local((host,)):
            attempts.append(f"look up {host!r}")
            raise NetworkUsed(f"network access blocked by the tests: look up {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = getaddrinfo
    try:
        yield
    finally:
        socket.socket.connect = real_connect
        socket.socket.connect_ex = real_connect_ex
        socket.getaddrinfo = real_getaddrinfo


@contextlib.contextmanager
def _failing_warnings(where) -> Iterator[None]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.resetwarnings()
        warnings.simplefilter("always")
        yield
    bad = [w for w in caught if issubclass(w.category, FAILING_WARNINGS)]
    if bad:
        lines = [
            f"{w.category.__name__}: {w.message}\n    raised at {where(w.filename, w.lineno)}"
            for w in bad
        ]
        raise BlockWarned(
            f"the block raised {len(bad)} warning(s); readers would see them:\n  "
            + "\n  ".join(lines)
            + "\nFix: use the current API the warning names, or change the recipe so it does not warn."
        )


def run_module_as_script(path: Path, setups: list[Setup] = ()) -> None:
    """Run a snippet module top to bottom, as `python snippets/x/y.py` would.

    `setups`: the data makers its sections need (from the pages' "Needs data:" titles), run
    first in the same working directory, as a reader would have run them.
    """
    module = types.ModuleType("__main__")
    module.__dict__.update({"__builtins__": __builtins__, "__file__": str(path)})
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    where = lambda filename, lineno: f"{relative(Path(filename))}:{lineno}"  # noqa: E731
    with _working_directory(None):
        for setup in setups:
            run_setup_in_process(setup, "cpu")
        with _sandbox(module, "cpu", where), contextlib.redirect_stdout(io.StringIO()):
            exec(code, module.__dict__)
