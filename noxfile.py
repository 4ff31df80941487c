"""torchsheet's sessions: `nox --list` shows them. README, CI and other tools call them by name.

    tests   run every block of every page (CPU pass; CUDA pass too where a GPU is present)
    docs    strict build of the site into site/, then check every built Python block is tested
    serve   live preview on http://127.0.0.1:8000/torchsheet/
    lint    ruff and zizmor (the GitHub workflows)
    bench   the suite's and the build's wall time, the slowest blocks, page and block counts
    browser the built site in headless Chromium: search, accessibility, copy buttons, downloads
    soak    the whole suite N times in a row (default 20): a flaky block fails it
    new     scaffold a recipe: `nox -s new -- data/my-topic`
    links   list the external links of the site (not in CI: it needs the network to check them)
    compat  run every block on another torch release and record it: `nox -s compat -- 2.6`

Environments are made with uv (`pip install "nox[uv]"`): every session links the same packages
from uv's cache instead of copying them, so torch (about 5.5 GB) is on disk once however many
sessions use it, and a session's environment is ready in seconds. Environments are reused between
runs (uv then only checks them); `nox -R` also skips that check. Dependencies come from the
dependency groups in pyproject.toml; the engine (torchsheet/) is installed in every session.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import nox

nox.options.sessions = ["lint", "tests", "docs"]
nox.options.default_venv_backend = "uv|venv"  # uv links from its cache; plain venv + pip without it
nox.options.reuse_venv = "yes"

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHON = "3.11"
SITE_ENV = {
    "NO_MKDOCS_2_WARNING": "1",  # silence MkDocs 2.0's end-of-life notice on every build
    # the walkthrough notebooks' kernel uses local IPC sockets, not TCP (overrides/jupyter/)
    "JUPYTER_CONFIG_PATH": str(Path("overrides/jupyter").resolve()),
}
# One thread per process: the suite runs on every core at once (pytest-xdist), and torch's
# thread pool fighting over the same cores slows tiny models down several times.
# torch.compile keeps its generated kernels in its own cache (/tmp/torchinductor_<user>), so the
# compile recipes take ~15 s cold on 2 cores once per machine, then ~2 s.
TEST_ENV = {**SITE_ENV, "OMP_NUM_THREADS": "1"}
# Options that need a single process: rewriting pages, debugging, running blocks fresh.
SERIAL = ("-n", "--numprocesses", "--update-outputs", "--pdb", "--fresh", "-x", "--exitfirst")


def parallel(posargs: list[str]) -> list[str]:
    """Spread the blocks over every core; an idle worker takes blocks queued for a busy one
    (a page of slow blocks, such as the torchrun launches, does not hold up the rest)."""
    if any(arg.startswith(SERIAL) for arg in posargs):
        return []
    return ["-n", "auto", "--dist", "worksteal"]


# Compile bytecode at install, as pip does (uv does not by default): else the first import of a
# package compiles it, and its compile-time warnings (invalid escape sequences in torchao, say)
# would fail whichever block imports it first in a fresh environment.
INSTALL_ENV = {"UV_COMPILE_BYTECODE": "1"}


def install(session: nox.Session, *groups: str, engine: bool = True) -> None:
    """The dependency groups, then the engine itself (editable: changes apply at once)."""
    session.install(*nox.project.dependency_groups(PYPROJECT, *groups), env=INSTALL_ENV)
    if engine:
        session.install("--no-deps", "-e", ".", env=INSTALL_ENV)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run every code block of every page, and the machinery's own tests (args go to pytest)."""
    install(session, "test")
    session.run(
        "python", "-m", "pytest", *parallel(session.posargs), *session.posargs, env=TEST_ENV
    )


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site strictly into site/ (a warning fails), then check its Python blocks."""
    install(session, "site")  # no test framework: the build needs only the engine
    session.run("mkdocs", "build", "--strict", "--site-dir", "site", env=SITE_ENV)
    session.run("python", "-m", "torchsheet.tools.check_site", "site")


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Preview the site on http://127.0.0.1:8000/torchsheet/ (the path of site_url); it reloads when a page or snippet changes."""
    install(session, "site")
    env = {**SITE_ENV, "TORCHSHEET_PREVIEW": "1"}  # flag blocks changed since the tests ran
    session.run("mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *session.posargs, env=env)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff (lint and format check), and zizmor over the GitHub workflows (offline)."""
    install(session, "lint", engine=False)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("zizmor", "--offline", "--min-severity", "medium", ".github/workflows")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Time the CPU suite (warm) and the strict build; print the slowest blocks and sizes."""
    install(session, "test")
    session.run("python", "-m", "torchsheet.tools.bench", *session.posargs, env=TEST_ENV)


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """Build the site, serve it on 127.0.0.1 and drive Debian's headless Chromium through it."""
    install(session, "site", "browser")
    session.run("mkdocs", "build", "--strict", "--site-dir", "site", env=SITE_ENV)
    session.run("python", "-m", "pytest", "tests/browser", "--site", "site", *session.posargs)


@nox.session(python=PYTHON)
def soak(session: nox.Session) -> None:
    """Run the whole CPU suite N times in a row (`nox -s soak -- 20`); stop at the first failure."""
    install(session, "test")
    runs = int(session.posargs[0]) if session.posargs else 20
    for number in range(1, runs + 1):
        session.log(f"soak run {number} of {runs}")
        session.run("python", "-m", "pytest", "-q", "-m", "not cuda", *parallel([]), env=TEST_ENV)
    session.log(f"{runs} runs in a row passed")


@nox.session(python=PYTHON, venv_backend="none")
def new(session: nox.Session) -> None:
    """Scaffold a recipe: snippet module, page, nav and index entries that pass the tests."""
    session.run("python", "-m", "torchsheet.tools.scaffold", *session.posargs)


@nox.session(python=PYTHON)
def links(session: nox.Session) -> None:
    """Build the site and list every external link, per page, to check by hand or with a tool."""
    install(session, "site")
    session.run("mkdocs", "build", "--strict", "--site-dir", "site", env=SITE_ENV)
    session.run("python", "-m", "torchsheet.tools.links", "site", *session.posargs)


@nox.session(python=PYTHON, reuse_venv=False)
def compat(session: nox.Session) -> None:
    """Measure a torch release: `nox -s compat -- 2.6` (or 2.6.0) installs it with its
    torchvision in a new environment, runs the CPU pass of every block and records what each did
    in compat/torch-<release>.json (torchsheet/compat.py). Arguments after the release go to
    pytest. The environment (and, for a release other than the pinned one, the downloaded
    packages) is removed afterwards: one release on disk at a time."""
    from torchsheet import compat as measure  # the release table (standard library only)

    if not session.posargs:
        session.error(f"which torch release? e.g. nox -s compat -- 2.6 (shown: {measure.MEASURED})")
    release, *pytest_args = session.posargs
    try:
        plan = measure.install_plan(
            release,
            PYPROJECT["dependency-groups"]["recipes"],
            nox.project.dependency_groups(PYPROJECT, "test"),
        )
    except measure.CompatError as error:
        session.error(str(error))
    env = dict(INSTALL_ENV)  # bytecode at install, as in the tests session (see INSTALL_ENV)
    cache = Path(".nox", "compat-uv-cache").resolve()
    if not plan.pinned:  # its own cache, removed after: another release's ~5 GB never stays
        env["UV_CACHE_DIR"] = str(cache)
    started = time.monotonic()
    notes: dict[str, str] = {}
    try:
        session.install(plan.torch, plan.torchvision, *plan.tools, env=env)
        torch = session.run(
            "python", "-c", "import torch; print(torch.__version__.split('+')[0])", silent=True
        ).strip()
        same = (f"torch=={torch}", plan.torchvision)  # every later install keeps this torch
        try:
            session.install(*same, *plan.extras, env=env)
        except nox.command.CommandFailed:  # a pinned package that needs a newer torch (or Python)
            for extra in plan.extras:
                name = extra.split("=")[0]
                for candidate in (extra, name):
                    try:
                        session.install(*same, candidate, env=env)
                    except nox.command.CommandFailed:
                        continue
                    if candidate != extra:
                        notes[name] = (
                            f"{extra} did not install with torch {torch}: the newest that does"
                        )
                    break
                else:
                    notes[name] = f"no version installs with torch {torch}"
        # The engine, then bytecode for all of site-packages, as pip compiles at install: else a
        # block's first import compiles a package and its compile-time warnings (invalid escape
        # sequences) would count against the block.
        session.install("--no-deps", "--compile-bytecode", "-e", ".", env=env)
        info = {"install_s": round(time.monotonic() - started, 1), "install_notes": notes}
        session.run(
            "python", "-m", "pytest", "-m", "cpu", "docs", "-q",
            *parallel(pytest_args), *pytest_args,
            "--compat-record", f"{measure.DATA}/torch-{{torch}}.json",
            env={**TEST_ENV, "TORCHSHEET_COMPAT_INSTALL": json.dumps(info)},
            # --compat-changed with nothing changed runs no block (pytest's 5): nothing to add
            success_codes=[0, 5] if "--compat-changed" in pytest_args else [0],
        )  # fmt: skip
    finally:
        shutil.rmtree(session.virtualenv.location, ignore_errors=True)
        if not plan.pinned:
            shutil.rmtree(cache, ignore_errors=True)
        session.log(f"removed the environment{'' if plan.pinned else ' and its downloads'}")
