"""MkDocs hook: the versions the recipes were verified with, read from the installed packages.

Pages write `{{ torch_version }}`, `{{ torchvision_version }}` or `{{ python_version }}`; the
build fills them in. Nothing is typed by hand, so the site cannot claim a version it was not
built and tested with. (`nox -s docs` installs the same pinned versions as `nox -s tests`.)

Every page also ends with a generated "Verified with torch X / torchvision Y on DATE" line: the
date of the build, which CI runs only after the tests passed (SOURCE_DATE_EPOCH, when set, fixes
the date for reproducible builds).
"""

from __future__ import annotations

import datetime
import os
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


def build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch
        else datetime.datetime.now(datetime.UTC)
    )
    return now.date().isoformat()


def on_page_markdown(markdown: str, **kwargs) -> str:
    versions = verified_versions()
    for name, value in versions.items():
        markdown = markdown.replace("{{ " + name + " }}", value)
    verified = (
        f"Verified with torch {versions['torch_version']} / torchvision "
        f"{versions['torchvision_version']} (Python {versions['python_version']}) on {build_date()}"
    )
    return markdown.rstrip("\n") + f'\n\n<p class="ts-verified">{verified}</p>\n'
