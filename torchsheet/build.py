"""What the MkDocs hooks share: one Project per build (every page read once however many hooks
ask), and the engine's problems as MkDocs' own errors, with the tests' message (file, line, fix)
instead of a traceback."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from .data import DataError
from .includes import IncludeError
from .pages import PageError
from .project import Project

_current: tuple[int, Project] | None = None


def project_for(config) -> Project:
    """The build's Project (a new one for each build: `mkdocs serve` reloads the config)."""
    global _current
    if _current is None or _current[0] != id(config):
        _current = (id(config), Project(Path(config.config_file_path).parent))
    return _current[1]


@contextlib.contextmanager
def plugin_errors(what: str) -> Iterator[None]:
    """Turn a contributor mistake found by the engine into a clean build error."""
    from mkdocs.exceptions import PluginError

    try:
        yield
    except (PageError, DataError, IncludeError) as error:
        raise PluginError(f"{what}:\n{error}\n(`nox -s tests -- <page>` shows the same.)") from None
