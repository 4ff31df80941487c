"""MkDocs hook: the versions the recipes were verified with, read from the installed packages.

Pages write `{{ torch_version }}`, `{{ torchvision_version }}` or `{{ python_version }}`; the
build fills them in. Nothing is typed by hand, so the site cannot claim a version it was not
built and tested with. (`nox -s docs` installs the same pinned versions as `nox -s tests`.)

Every page also ends with a generated "Verified with torch X / torchvision Y on DATE" line: the
date of the build, which CI runs only after the tests passed (SOURCE_DATE_EPOCH, when set, fixes
the date for reproducible builds).
"""

from __future__ import annotations

from torchsheet.site import with_versions


def on_page_markdown(markdown: str, **kwargs) -> str:
    return with_versions(markdown)
