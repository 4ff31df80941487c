"""Snippet includes: the settings from mkdocs.yml (through MkDocs' own loader), include expansion
with pymdownx's own preprocessor (exactly as the site does), and the sections of each module
(to find the ones no page includes)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from pymdownx.snippets import SnippetMissingError

# `--8<-- "snippets/tensors/creation.py:zeros"` (single-line form, the only one pages use)
INCLUDE = re.compile(
    r"""^(?P<indent>\s*)-{1,}8<-{1,}\s+(?P<quote>["'])(?P<target>[^"']+)(?P=quote)\s*$"""
)
# `# --8<-- [start:zeros]` / `# --8<-- [end:zeros]`
SECTION_MARK = re.compile(
    r"^\s*#\s*-{1,}8<-{1,}\s+\[(?P<kind>start|end):(?P<name>[a-z][-_0-9a-z]*)\]\s*$"
)


class IncludeError(Exception):
    """An include that cannot be expanded: missing file or section."""


@dataclass(frozen=True)
class Include:
    path: str  # as written, relative to a base path (the repository root)
    section: str | None  # None: the whole file (or a line range)
    target: str  # the text between the quotes


@dataclass(frozen=True)
class Section:
    file: Path
    name: str
    start: int  # line number of the start marker (1-based)
    end: int  # line number of the end marker


def parse_include(line: str) -> Include | None:
    m = INCLUDE.match(line)
    if m is None:
        return None
    target = m["target"]
    path, _, rest = target.partition(":")
    section = rest if rest and not rest[0].isdigit() else None
    return Include(path=path, section=section, target=target)


def snippet_settings(mkdocs_yml: Path) -> dict:
    """The pymdownx.snippets settings of the site, read with MkDocs' own YAML loader.

    Relative base paths are made absolute against the directory of mkdocs.yml, so the tests
    expand includes the same way whatever the current directory is.
    """
    text = mkdocs_yml.read_text(encoding="utf-8")
    if text not in _SETTINGS_BY_TEXT:
        _SETTINGS_BY_TEXT[text] = _settings_as_written(mkdocs_yml)
    settings = dict(_SETTINGS_BY_TEXT[text])
    bases = settings.get("base_path", ["."])
    if isinstance(bases, str):
        bases = [bases]
    settings["base_path"] = [str((mkdocs_yml.parent / b).resolve()) for b in bases]
    return settings


_SETTINGS_BY_TEXT: dict[str, dict] = {}


def _settings_as_written(mkdocs_yml: Path) -> dict:
    """The `markdown_extensions` entry of pymdownx.snippets, as MkDocs reads it (its YAML loader
    handles !ENV, !relative and INHERIT), without loading the theme and plugins: that costs
    seconds per process, and only the snippet settings matter here."""
    from mkdocs.utils import yaml_load

    with mkdocs_yml.open(encoding="utf-8") as file:
        config = yaml_load(file) or {}
    for entry in config.get("markdown_extensions") or []:
        if entry == "pymdownx.snippets":
            return {}
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            return dict(entry["pymdownx.snippets"] or {})
    raise RuntimeError(
        f"{mkdocs_yml}: no pymdownx.snippets under markdown_extensions: pages include their "
        f"code with it. Fix: add it (see the project's mkdocs.yml)."
    )


class Expander:
    """Expands include lines with the same pymdownx.snippets preprocessor the site uses."""

    def __init__(self, mkdocs_yml: Path):
        self.root = mkdocs_yml.parent
        self.settings = snippet_settings(mkdocs_yml)
        md = markdown.Markdown(
            extensions=["pymdownx.snippets"],
            extension_configs={"pymdownx.snippets": self.settings},
        )
        self._preprocessor = md.preprocessors["snippet"]

    def expand_line(self, line: str) -> list[str]:
        """Expand one include line into the code lines it stands for."""
        try:
            return self._preprocessor.run([line])
        except SnippetMissingError as error:
            include = parse_include(line)
            raise IncludeError(_explain_missing(include, error, self.root)) from None

    def resolve(self, include: Include) -> Path | None:
        for base in self.settings["base_path"]:
            candidate = Path(base) / include.path
            if candidate.is_file():
                return candidate
        return None

    def origin_lines(self, include: Include, count: int) -> list[tuple[Path, int] | None]:
        """For each expanded line of an include, the file and line it came from."""
        file = self.resolve(include)
        if file is None or include.section is None:
            return [None] * count
        section = sections_of(file).get(include.section)
        if section is None:
            return [None] * count
        lines = file.read_text(encoding="utf-8").splitlines()
        numbers = [
            n for n in range(section.start + 1, section.end) if not SECTION_MARK.match(lines[n - 1])
        ]
        if len(numbers) != count:
            return [None] * count
        return [(file, n) for n in numbers]


def _explain_missing(include: Include | None, error: Exception, root: Path) -> str:
    if include is None:
        return str(error)
    if include.section is not None:
        for base in [root]:
            file = base / include.path
            if file.is_file():
                known = ", ".join(sorted(sections_of(file))) or "none"
                return (
                    f"section '{include.section}' is not in {include.path} "
                    f"(its sections: {known}). Fix: add `# --8<-- [start:{include.section}]` and "
                    f"`# --8<-- [end:{include.section}]` around the code in {include.path}, "
                    f"or include an existing section."
                )
    return (
        f"snippet file '{include.path}' does not exist. Fix: create it, or correct the path "
        f"(paths are relative to the repository root, e.g. snippets/tensors/creation.py)."
    )


def sections_of(file: Path) -> dict[str, Section]:
    """The sections of a snippet module, by name."""
    return _sections_cached(file, file.stat().st_mtime_ns)


@functools.cache
def _sections_cached(file: Path, _mtime: int) -> dict[str, Section]:
    found: dict[str, Section] = {}
    open_at: dict[str, int] = {}
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        m = SECTION_MARK.match(line)
        if m is None:
            continue
        if m["kind"] == "start":
            open_at[m["name"]] = number
        elif m["name"] in open_at:
            found[m["name"]] = Section(file, m["name"], open_at.pop(m["name"]), number)
    return found


def code_outside_sections(file: Path) -> list[int]:
    """Line numbers of code that lies outside every section (only a docstring and comments may)."""
    import ast

    text = file.read_text(encoding="utf-8")
    tree = ast.parse(text)
    inside = set()
    for section in sections_of(file).values():
        inside.update(range(section.start, section.end + 1))
    docstring = ast.get_docstring(tree, clean=False) is not None
    outside = []
    for index, node in enumerate(tree.body):
        if index == 0 and docstring:
            continue
        if node.lineno not in inside:
            outside.append(node.lineno)
    return outside
