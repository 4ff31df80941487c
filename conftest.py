# The engine's pytest adapter collects and runs every code block of every page (torchsheet/);
# tests/standins.py stands in for what readers download.
from pathlib import Path

pytest_plugins = ["torchsheet.pytest_plugin", "tests.standins", "pytester"]

BROWSER_TESTS = Path(__file__).parent / "tests" / "browser"


def pytest_addoption(parser):
    parser.addoption(
        "--site",
        metavar="DIR",
        default=None,
        help="run the real-browser tests (tests/browser/) against this built site: `nox -s browser`",
    )


def pytest_ignore_collect(collection_path: Path, config):
    """The browser tests need a built site and Chromium: only `nox -s browser` (--site) runs them."""
    if collection_path.is_relative_to(BROWSER_TESTS) and not config.getoption("--site"):
        return True
    return None
