"""torchsheet's sessions: `nox --list` shows them. README, CI and other tools call them by name.

    tests   run every block of every page (CPU pass; CUDA pass too where a GPU is present)
    docs    strict build of the site into site/, then check every built Python block is tested
    serve   live preview on http://127.0.0.1:8000/torchsheet/
    lint    ruff
    bench   the suite's and the build's wall time, the slowest blocks, page and block counts
    browser the built site in headless Chromium: search, copy buttons, theme, downloads
    new     scaffold a recipe: `nox -s new -- data/my-topic`
    links   list the external links of the site (not in CI: it needs the network to check them)

Dependencies come from the dependency groups in pyproject.toml. `nox -R -s NAME` reuses the
environment (skips the install, about a minute for torch).
"""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.sessions = ["lint", "tests", "docs"]
nox.options.default_venv_backend = "venv"

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHON = "3.11"
SITE_ENV = {"NO_MKDOCS_2_WARNING": "1"}  # silence MkDocs 2.0's end-of-life notice on every build
# torch.compile's generated kernels are cached here between runs: the first run of the compile
# recipes takes ~15 s on 2 cores, later runs ~2 s. Delete the folder to time a cold run.
# One thread per process: the suite runs on every core at once (pytest-xdist), and torch's
# thread pool fighting over the same cores slows tiny models down several times.
TEST_ENV = {
    **SITE_ENV,
    # absolute: each block runs in its own scratch directory
    "TORCHINDUCTOR_CACHE_DIR": str(Path(".cache/torchinductor").resolve()),
    "OMP_NUM_THREADS": "1",
}
# Options that need a single process: rewriting pages, debugging, running one block.
SERIAL = ("-n", "--numprocesses", "--update-outputs", "--pdb", "--fresh", "-x", "--exitfirst")


def parallel(posargs: list[str]) -> list[str]:
    """Spread the blocks over every core, a page per worker (pages share their imports)."""
    if any(arg.startswith(SERIAL) for arg in posargs):
        return []
    return ["-n", "auto", "--dist", "loadfile"]


def install(session: nox.Session, *groups: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, *groups))


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run every code block of every page, and the machinery's own tests (args go to pytest)."""
    install(session, "test")
    session.run(
        "python", "-m", "pytest", *parallel(session.posargs), *session.posargs, env=TEST_ENV
    )


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site strictly into site/ (a warning fails), then count its Python blocks."""
    install(session, "test")
    session.run("mkdocs", "build", "--strict", "--site-dir", "site", env=SITE_ENV)
    session.run("python", "-m", "tests.check_site", "site")


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Preview the site on http://127.0.0.1:8000/torchsheet/ (the path of site_url); it reloads when a page or snippet changes."""
    install(session, "test")  # the build hooks use the test machinery (tests/blocks/)
    session.run("mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *session.posargs, env=SITE_ENV)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff: lint and format check of snippets, tests and tooling."""
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Time the CPU suite (warm) and the strict build; print the slowest blocks and page sizes."""
    install(session, "test")
    session.run("python", "-m", "tests.bench", *session.posargs, env=TEST_ENV)


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """Build the site, serve it on 127.0.0.1 and drive Debian's headless Chromium through it."""
    install(session, "test", "browser")
    session.run("mkdocs", "build", "--strict", "--site-dir", "site", env=SITE_ENV)
    session.run("python", "-m", "pytest", "tests/browser", "--site", "site", *session.posargs)


@nox.session(python=PYTHON, venv_backend="none")
def new(session: nox.Session) -> None:
    """Scaffold a recipe: snippet module, page and nav entry that pass the tests as created."""
    session.run("python", "-m", "tests.scaffold", *session.posargs)


@nox.session(python=PYTHON)
def links(session: nox.Session) -> None:
    """Build the site and list every external link, per page, to check by hand or with a tool."""
    install(session, "test")  # the build hooks use the test machinery (tests/blocks/)
    session.run("mkdocs", "build", "--strict", "--site-dir", "site", env=SITE_ENV)
    session.run("python", "-m", "tests.external_links", "site", *session.posargs)
