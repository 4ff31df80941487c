"""The sandbox every block runs in, in this process, as if pasted into a fresh ``python``:

- a fresh ``__main__`` module as its namespace (so ``if __name__ == "__main__":`` runs and the
  classes it defines can be pickled, as in a real script);
- torch's global state reset: a random seed as in a new process, default dtype and device, grad
  mode, deterministic flags, print options, matmul precision, anomaly mode, warn-always,
  distribution argument checks, global module hooks;
- warnings recorded: a DeprecationWarning, FutureWarning or UserWarning fails the block;
- sockets blocked: any connection outside this machine fails the block;
- in the CPU pass, accelerators hidden (``torch.cuda.is_available()``,
  ``torch.backends.mps.is_available()`` and ``torch.accelerator.is_available()`` are False), so
  the device idiom picks the CPU even on a GPU machine; in the CUDA pass, nothing hidden.

Child processes (shell blocks, scripts, ``--fresh``) get the same rules through their
environment: ``process_env()``.
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import os
import random
import socket
import sys
import types
import warnings
import weakref
from collections.abc import Iterator
from pathlib import Path

FAILING_WARNINGS = (DeprecationWarning, PendingDeprecationWarning, FutureWarning, UserWarning)


class BlockWarned(Exception):
    """A block raised a warning that readers would see."""


class NetworkUsed(OSError):
    """A block tried to reach another host."""


@contextlib.contextmanager
def sandbox(module: types.ModuleType, device: str, where) -> Iterator[None]:
    """Everything a block runs inside: see the module docstring."""
    network: list[str] = []
    try:
        with (
            _fresh_torch_state(),
            _as_main(module),
            _accelerators_hidden(device == "cpu"),
            _no_network(network),
            _failing_warnings(where),
            _loader_workers_stopped(),
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
        "the block tried to reach the network (" + "; ".join(attempts) + "). The tests run "
        "offline. Fix: if a reader's run downloads it, say so in the fence title "
        '(title="Downloads: NAME", see torchsheet/data.py) so the tests put a stand-in where '
        "the library looks first; otherwise make the data in the block."
    )


def process_env(device: str) -> dict[str, str]:
    """A child process: warnings readers would see fail it; in the CPU pass, no GPU."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["PYTHONWARNINGS"] = ",".join(f"error::{c.__name__}" for c in FAILING_WARNINGS)
    if device == "cpu":
        env["CUDA_VISIBLE_DEVICES"] = ""
    return env


# --- the context managers ----------------------------------------------------------------------


@contextlib.contextmanager
def _loader_workers_stopped() -> Iterator[None]:
    """DataLoader worker processes a block started stop when it ends, as at the end of a
    reader's script; left to the garbage collector, they would stop during a later block (and
    a worker forked after torch.compile can take the loader's 5 s join timeout to go)."""
    dataloader = sys.modules.get("torch.utils.data.dataloader")
    if dataloader is None:  # torch not imported yet (the first block): nothing to track
        yield
        return
    cls = dataloader._MultiProcessingDataLoaderIter
    started: list = []
    real_init = cls.__init__

    @functools.wraps(real_init)
    def init(self, *args, **kwargs):
        started.append(weakref.ref(self))
        real_init(self, *args, **kwargs)

    cls.__init__ = init
    try:
        yield
    finally:
        cls.__init__ = real_init
        for ref in started:
            iterator = ref()
            if iterator is not None:
                iterator._shutdown_workers()


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

    # A random seed, as in a new process. Not torch.seed(): on a CUDA build it also queues a
    # lazy re-seed of every accelerator backend with a captured stack trace (~10 ms per call,
    # and the queue grows with every block); a GPU that is already in use is re-seeded directly.
    torch.default_generator.seed()
    if torch.cuda.is_initialized():
        torch.cuda.seed_all()
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
    torch.set_warn_always(False)
    # torch.compile (dynamo) turns distribution argument checks off for the whole process the
    # first time it runs; a new process starts with them on
    torch.distributions.Distribution.set_default_validate_args(__debug__)
    # hooks registered for every module of every model (register_module_forward_hook, ...)
    from torch.nn.modules import module

    for name in dir(module):
        if name.startswith("_global_") and isinstance(getattr(module, name), dict):
            getattr(module, name).clear()
    module._global_is_full_backward_hook = None


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
        (getattr(torch, "accelerator", None), "is_available"),  # torch 2.6+ (compat.py: older)
    ]
    patches = [(obj, name) for obj, name in patches if obj is not None]
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
