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
- a "Save as" block continued by a shell block is run by that block (which launches it).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

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


def plan(block: Block, pass_: Pass) -> Plan:
    """Run, skip with a reason, or run by another block; PageError for a contributor mistake."""
    chain = block.chain
    problems = [p for part in chain for p in part.problems]
    if problems:
        raise PageError("\n".join(dict.fromkeys(problems)))
    own = block.directives
    if own.not_run:
        return Plan(block, Action.SKIP, f"{block.id}: {own.not_run}")
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


def _how(part: Block, last: bool) -> How:
    if part.is_shell:
        return How.SHELL
    if part.directives.save_as:
        return How.SCRIPT if last else How.WRITE
    return How.PYTHON
