"""MkDocs hook: the versions the recipes were verified with, read from the installed packages.

Pages write `{{ torch_version }}`, `{{ torchvision_version }}` or `{{ python_version }}`; the
build fills them in. Nothing is typed by hand, so the site cannot claim a version it was not
built and tested with. (`nox -s docs` installs the same pinned versions as `nox -s tests`.)
"""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version


def _installed(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def verified_versions() -> dict[str, str]:
    return {
        "torch_version": _installed("torch"),
        "torchvision_version": _installed("torchvision"),
        "python_version": platform.python_version(),
    }


def on_page_markdown(markdown: str, **kwargs) -> str:
    for name, value in verified_versions().items():
        markdown = markdown.replace("{{ " + name + " }}", value)
    return markdown
