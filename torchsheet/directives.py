"""The directive grammar: what a code fence's title asks of the tests, parsed once, checked here.

A directive is always visible to the reader: it is the fence's title. A title is one or more
clauses separated by "; ", directives first, then free text:

    Continued[: what it does]               runs the block above first, in the same namespace
    Needs CUDA[: what]                      the CPU pass skips it, with the title as the reason
    Not run by the tests: <reason>          never run (the reason is required)
    Needs data: NAME[, NAME][ (text)]       a data maker runs first (a section of the makers'
                                            module, shown on the site), in the same directory
    Downloads: NAME[, NAME][ (text)]        a reader's first run downloads NAME; the tests put a
                                            stand-in where the library looks (see data.py)
    Save as: FILE.py[ (text)]               a script: written to FILE.py, run as `python FILE.py`
                                            or by the shell block that continues it
    Before torch X.Y: <what>                what to write on a release older than X.Y: the tests
                                            skip it on X.Y and newer (the reason is the title);
                                            the compatibility pass runs it on older releases

e.g. ``title="Continued; Needs CUDA: move the model"``. Keywords are case-insensitive. A title
whose first clause looks like a directive but is not one (``Needs GPU``, ``Continue:``) is an
error naming the known ones, so a typo cannot silently turn a directive into plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAME = re.compile(r"^(?P<names>[\w.-]+(?:\s*,\s*[\w.-]+)*)(?P<rest>.*)$")
SCRIPT = re.compile(r"^(?P<file>[\w.-]+\.py)\b(?P<rest>.*)$")
BEFORE = re.compile(r"^before\s+torch\s*(?P<version>\d+\.\d+(?:\.\d+)?)$", re.IGNORECASE)
LOOKS_LIKE = re.compile(
    r"^(continu|needs?\b|not run|save\b|download|before\s+torch)", re.IGNORECASE
)

KEYWORDS = (
    "Continued",
    "Needs CUDA",
    "Not run by the tests",
    "Needs data",
    "Downloads",
    "Save as",
    "Before torch X.Y",
)


class DirectiveError(ValueError):
    """A title that is not a valid directive; the message says what is known and how to fix."""


@dataclass(frozen=True)
class Directives:
    title: str = ""
    continued: bool = False
    needs_cuda: bool = False
    not_run: str | None = None  # the reason, as the reader reads it (the whole title)
    needs_data: tuple[str, ...] = ()  # data makers, run first
    downloads: tuple[str, ...] = ()  # what a reader's first run downloads
    save_as: str | None = None  # FILE.py
    before_torch: str | None = None  # "2.6": runs only on an older torch (compat.py measures it)

    @property
    def any(self) -> bool:
        return bool(
            self.continued
            or self.needs_cuda
            or self.not_run
            or self.needs_data
            or self.downloads
            or self.save_as
            or self.before_torch
        )


def parse(title: str) -> Directives:
    """The directives of a fence title; DirectiveError for a malformed one."""
    found: dict = {}
    for clause in (c.strip() for c in title.split(";")):
        keyword, _, value = clause.partition(":")
        key, value = keyword.strip().lower(), value.strip()
        if key == "continued":
            _once(found, "continued", True, title)
        elif key == "needs cuda":
            _once(found, "needs_cuda", True, title)
        elif key == "not run by the tests":
            if not value:
                raise DirectiveError(
                    f'title "{title}": "Not run by the tests" needs a reason the reader can see. '
                    f'Fix: title="Not run by the tests: <why>".'
                )
            _once(found, "not_run", title, title)
        elif key in ("needs data", "downloads"):
            m = NAME.match(value)
            if not m:
                raise DirectiveError(
                    f'title "{title}": "{keyword.strip()}" needs a name. Fix: '
                    f'title="{keyword.strip()}: NAME".'
                )
            names = tuple(n.strip().lower() for n in m["names"].split(","))
            _once(found, key.replace(" ", "_"), names, title)
        elif key == "save as":
            m = SCRIPT.match(value)
            if not m:
                raise DirectiveError(
                    f'title "{title}": "Save as" needs a Python file name. Fix: '
                    f'title="Save as: train.py".'
                )
            _once(found, "save_as", m["file"], title)
        elif re.match(r"before\s*torch\b", key):
            m = BEFORE.match(key)
            if not m or not value:
                raise DirectiveError(
                    f'title "{title}": "Before torch" needs a release and what to write on older '
                    f'ones. Fix: title="Before torch 2.6: pass weights_only=True".'
                )
            _once(found, "before_torch", m["version"], title)
        elif not found and LOOKS_LIKE.match(clause):
            raise DirectiveError(
                f'title "{title}": "{keyword.strip()}" is not a directive. Known: '
                + ", ".join(KEYWORDS)
                + " (see CONTRIBUTING.md, 'Fence titles'). Fix: use one of them, or reword the title."
            )
        else:
            break  # free text from here on
    if found.get("not_run") and len(found) > 1:
        raise DirectiveError(
            f'title "{title}": "Not run by the tests" cannot be combined with other directives '
            f"(the block never runs). Fix: keep one."
        )
    return Directives(title=title, **found)


def _once(found: dict, key: str, value, title: str) -> None:
    if key in found:
        raise DirectiveError(f'title "{title}": a directive appears twice. Fix: keep one.')
    found[key] = value
