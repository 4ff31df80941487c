"""A torchsheet project: the folder holding mkdocs.yml, docs/ and snippets/, read once.

Every consumer starts here: ``Project(root)`` for the site build and the tools (no stand-ins for
the network), ``Project(root, standins=...)`` for the tests. Pages are read once per Project;
make a new Project when files may have changed (each build, each test session).
"""

from __future__ import annotations

import functools
from pathlib import Path

from .data import StandIns
from .includes import Expander, Section, sections_of
from .pages import Block, Page, read_page


class Project:
    def __init__(
        self, root: Path, standins: StandIns | None = None, cross_check: bool = False
    ) -> None:
        self.root = Path(root).resolve()
        self.mkdocs_yml = self.root / "mkdocs.yml"
        self.docs = self.root / "docs"
        self.snippets = self.root / "snippets"
        self.standins = standins
        self.cross_check = cross_check  # also read each page with pytest-codeblocks (the tests)
        self._pages: dict[Path, Page] = {}

    @staticmethod
    def find(start: Path) -> Project | None:
        """The project whose mkdocs.yml is at `start` or above it."""
        for folder in [start.resolve(), *start.resolve().parents]:
            if (folder / "mkdocs.yml").is_file():
                return Project(folder)
        return None

    @functools.cached_property
    def expander(self) -> Expander:
        return Expander(self.mkdocs_yml)

    def page_paths(self) -> list[Path]:
        return sorted(self.docs.rglob("*.md"))

    def read(self, page: Path) -> Page:
        """A page and its blocks (read once per Project)."""
        page = Path(page).resolve()
        if page not in self._pages:
            self._pages[page] = read_page(page, self)
        return self._pages[page]

    def blocks(self, page: Path) -> list[Block]:
        return self.read(page).blocks

    def sections(self, module: str) -> dict[str, Section]:
        file = self.root / module
        return sections_of(file) if file.is_file() else {}

    def rel(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.root).as_posix()

    @functools.cached_property
    def included_sections(self) -> dict[tuple[str, str], list[str]]:
        """Every (snippet path, section) some page includes, with where ("page:line")."""
        used: dict[tuple[str, str], list[str]] = {}
        for page in self.page_paths():
            for block in self.read_quietly(page):
                for include in block.includes:
                    if include.section is not None:
                        used.setdefault((include.path, include.section), []).append(block.id)
        return used

    def read_quietly(self, page: Path) -> list[Block]:
        """The blocks of a page, or none if it cannot be read (its own test reports why)."""
        from .pages import PageError

        try:
            return self.read(page).blocks
        except PageError:
            return []
