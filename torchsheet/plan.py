"""One decision, asked by every consumer: does this block run in this pass, how, and after what?

    plan(block, Pass.CPU) -> Plan(action=RUN, steps=..., setups=..., downloads=...)
                          -> Plan(action=SKIP, reason="docs/x.md:12: Needs CUDA: ...")
                          -> Plan(action=BY_ANOTHER, by=<the shell block that launches it>)

The pytest plugin, the compatibility pass, the notebook export, the one-page sheet, the picture
drawing and the site check all call it, so a rule lives here once:

- a block runs after the blocks it continues, each part by its kind: Python parts in one shared
  namespace, shell parts in a shell, "Save as" parts written to their file (a "Save as" block
  whose chain ends in it runs as ``python FILE.py``);
- what a part of the chain needs, the block needs: the data makers and downloads of every part
  run first (each once, in chain order), a part that needs CUDA makes the CPU pass skip the
  block, a part that is never run makes the block unrunnable;
- a "Save as" block continued by a shell block is run by that block (which launches it);
- a "Before torch X.Y" block (what to write on an older release) runs only where the torch
  it runs on (the installed one, or `torch_version`) is older than X.Y: the tests, on the pinned
  release, skip it with its title as the reason; the compatibility pass (compat.py) runs it on
  older releases. It shows no Output fence: the tests could never fill it in.
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from .data import Setup
from .pages import Block, PageError


class Pass(enum.StrEnum):
    CPU = "cpu"  # accelerators hidden: the output the page shows
    CUDA = "cuda"  # nothing hidden, on a machine with a GPU


class Action(enum.StrEnum):
    RUN = "run"
    SKIP = "skip"
    BY_ANOTHER = "run by another block"


class How(enum.StrEnum):
    PYTHON = "python"  # exec in the chain's shared __main__
    SCRIPT = "script"  # written to its file, then `python FILE.py`
    WRITE = "write"  # written to its file only (a later part runs it)
    SHELL = "shell"  # bash -euo pipefail in the working directory


@dataclass(frozen=True)
class Step:
    block: Block
    how: How


@dataclass(frozen=True)
class Plan:
    block: Block
    action: Action
    reason: str = ""
    by: Block | None = None
    steps: tuple[Step, ...] = ()
    setups: tuple[Setup, ...] = ()  # data makers, first to last, each once
    downloads: tuple[str, ...] = ()  # stand-ins the runner must place first

    @property
    def runs(self) -> bool:
        return self.action is Action.RUN

    @property
    def stands_alone(self) -> bool:
        """Runs by itself, pasted alone: no earlier block, no data, no script, no download."""
        return (
            self.runs
            and len(self.steps) == 1
            and self.steps[0].how is How.PYTHON
            and not self.setups
            and not self.downloads
        )


def plan(block: Block, pass_: Pass, torch_version: str | None = None) -> Plan:
    """Run, skip with a reason, or run by another block; PageError for a contributor mistake.

    `torch_version` is the release the block would run on (default: the installed torch)."""
    chain = block.chain
    problems = [p for part in chain for p in part.problems]
    if problems:
        raise PageError("\n".join(dict.fromkeys(problems)))
    own = block.directives
    if own.before_torch and block.output is not None:
        raise PageError(
            f"{block.id}: a 'Before torch {own.before_torch}' block shows an Output fence, but "
            f"the tests (on a newer torch) never run it, so nothing could fill it in. Fix: remove "
            f"the Output fence (the compatibility pass checks that it runs on older releases)."
        )
    if own.not_run:
        return Plan(block, Action.SKIP, f"{block.id}: {own.not_run}")
    installed = torch_version or installed_torch()
    for part in chain:
        if part.directives.before_torch and not older(installed, part.directives.before_torch):
            reason = (
                f"{block.id}: {own.title} (for releases before {own.before_torch}; "
                f"this is torch {installed})"
                if part is block
                else f"{block.id} continues {part.id}, which is for torch before "
                f"{part.directives.before_torch} ({part.title})"
            )
            return Plan(block, Action.SKIP, reason)
    for part in chain[:-1]:
        if part.directives.not_run:
            return Plan(
                block, Action.SKIP, f"{block.id} continues {part.id}, which is not run by the tests"
            )
    if pass_ is Pass.CPU:
        needs_cuda = [part for part in chain if part.directives.needs_cuda]
        if needs_cuda:
            part = needs_cuda[-1]
            reason = (
                f"{block.id}: {own.title}"
                if part is block
                else f"{block.id} continues {part.id}, which needs CUDA ({part.title})"
            )
            return Plan(block, Action.SKIP, reason)
    if own.save_as and block.continued_by is not None and block.continued_by.is_shell:
        runner = block.continued_by
        return Plan(
            block,
            Action.BY_ANOTHER,
            f"{block.id}: the script runs in {runner.id}, which launches it",
            by=runner,
        )
    steps = tuple(Step(part, _how(part, last=part is block)) for part in chain)
    setups = {s.name: s for part in chain for s in part.makers}
    downloads = dict.fromkeys(name for part in chain for name in part.directives.downloads)
    return Plan(
        block, Action.RUN, steps=steps, setups=tuple(setups.values()), downloads=tuple(downloads)
    )


@functools.cache
def installed_torch() -> str:
    """The installed torch's version ("2.14.1"), without a local part ("+cpu")."""
    try:
        return version("torch").split("+")[0]
    except PackageNotFoundError:
        return "0"  # no torch: nothing runs anyway; "Before torch" blocks count as runnable


def release(text: str) -> tuple[int, ...]:
    """ "2.6.0" -> (2, 6, 0); "2.6.0rc1", "2.6.0+cpu" -> (2, 6, 0)."""
    return tuple(int(n) for n in re.findall(r"\d+", text.split("+")[0])[:3])


def older(torch_version: str, than: str) -> bool:
    """Whether `torch_version` is a release before `than` ("2.5.1" is before "2.6")."""
    limit = release(than)
    return release(torch_version)[: len(limit)] < limit


def _how(part: Block, last: bool) -> How:
    if part.is_shell:
        return How.SHELL
    if part.directives.save_as:
        return How.SCRIPT if last else How.WRITE
    return How.PYTHON
