"""Checks of a snippet module: one topic, one name; no code outside sections; no orphan section."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from .data import Setup, stand_in
from .includes import sections_of
from .project import Project


def page_for_module(module: str) -> str:
    """snippets/<section>/<topic_name>.py -> docs/<section>/<topic-name>.md."""
    path = Path(module)
    parts = path.parts[1:] if path.parts and path.parts[0] == "snippets" else path.parts
    return Path("docs", *parts[:-1], path.stem.replace("_", "-") + ".md").as_posix()


def problems(module: Path, project: Project) -> list[str]:
    rel = project.rel(module)
    found = layout_problems(module, project)
    for line in code_outside_sections(module):
        found.append(
            f"{rel}:{line}: code outside any section: no page shows it, yet it runs with the "
            f"module. Fix: put it inside a `# --8<-- [start:name]` ... `# --8<-- [end:name]` "
            f"section that a page includes, or delete it."
        )
    used = project.included_sections
    for name, section in sections_of(module).items():
        if (rel, name) not in used:
            found.append(
                f"{rel}:{section.start}: section '{name}' is not included by any page (an orphan "
                f"snippet: tested nowhere a reader looks). Fix: include it in "
                f"{page_for_module(rel)} with\n"
                f'    ```python\n    --8<-- "{rel}:{name}"\n    ```\n'
                f"  or delete the section."
            )
    return found


def layout_problems(module: Path, project: Project) -> list[str]:
    rel = project.rel(module)
    stem = module.stem
    found = []
    if not stem.isidentifier():
        found.append(
            f"{rel}:1: '{stem}' is not a Python module name. Fix: rename it to "
            f"{stem.replace('-', '_')}.py (pages use dashes, modules underscores)."
        )
    elif stem in sys.stdlib_module_names or _installed(stem):
        what = "the standard library module" if stem in sys.stdlib_module_names else "the package"
        found.append(
            f"{rel}:1: '{stem}.py' shadows {what} '{stem}' when the module runs as a script (its "
            f"folder comes first on sys.path, so `import {stem}` finds it). Fix: choose another "
            f"topic name, e.g. {stem}_basics."
        )
    page = page_for_module(rel)
    if not (project.root / page).is_file():
        found.append(
            f"{rel}:1: no page {page} for this module. Fix: a topic has one name in two places: "
            f"snippets/<section>/<topic>.py and docs/<section>/<topic>.md (underscores in the "
            f"module become dashes in the page)."
        )
    return found


def _installed(name: str) -> bool:
    """Is `name` an importable top-level module of this environment (torch, safetensors, ...)?"""
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def code_outside_sections(file: Path) -> list[int]:
    """Line numbers of code outside every section (only a docstring and comments may be)."""
    tree = ast.parse(file.read_text(encoding="utf-8"))
    inside = set()
    for section in sections_of(file).values():
        inside.update(range(section.start, section.end + 1))
    docstring = ast.get_docstring(tree, clean=False) is not None
    return [
        node.lineno
        for index, node in enumerate(tree.body)
        if not (index == 0 and docstring) and node.lineno not in inside
    ]


def setups_needed(module: Path, project: Project) -> list[Setup]:
    """What the pages' blocks from this module need run first: data makers, and stand-ins for
    what they download (in the tests)."""
    rel = project.rel(module)
    pages = sorted(
        {
            where.rsplit(":", 1)[0]
            for (path, _), found in project.included_sections.items()
            if path == rel
            for where in found
        }
    )
    setups: dict[str, Setup] = {}
    for page in pages:
        for block in project.read_quietly(project.root / page):
            if not any(inc.path == rel for inc in block.includes):
                continue
            for setup in block.makers:
                setups.setdefault(setup.name, setup)
            for name in block.directives.downloads:
                if name not in setups:
                    setups[name] = stand_in(name, project)
    return list(setups.values())
