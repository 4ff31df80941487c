"""A page as a Jupyter notebook: its headings and its expanded blocks, in order, ready to run.

The site offers each page's notebook for download (overrides/hooks/notebooks.py) and the tests
execute some of them top to bottom in a real kernel (tests/test_notebooks.py). What each block
becomes follows its plan in the CPU pass (plan.py), as a reader would want it in one notebook:

- a block that runs -> a code cell (its shown output, if any, as the cell's output); the data
  makers it needs -> a cell before it, once per notebook; a download is the reader's own first
  run (the tests' stand-ins never appear);
- a "Save as: x.py" block -> a `%%writefile x.py` cell; a shell block -> `!command` lines;
- a block the CPU pass skips ("Needs CUDA", "Not run by the tests") -> a Markdown cell that shows
  the code and why.
"""

from __future__ import annotations

import json

from .pages import Page
from .plan import Pass, plan


def page_notebook(page: Page, url: str, torch_version: str) -> dict:
    cells = [
        _markdown(
            f"# {page.title}\n\nFrom torchsheet, the PyTorch cheatsheet whose every line is proven: "
            f"{url}\n\nEvery cell below ran in the tests with torch {torch_version}; run them top "
            f"to bottom."
        )
    ]
    made: set[str] = set()
    heading = None
    for block in page.blocks:
        if block.heading is not None and block.heading != heading and block.heading.level > 1:
            heading = block.heading
            cells.append(_markdown(f"{'#' * heading.level} {heading.text}"))
        cells.extend(_cells_for(block, made))
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def has_cells_to_run(page: Page) -> bool:
    """A page is offered as a notebook when a reader can run some Python block of it on a CPU
    (a page of "Needs CUDA" blocks only would become a notebook without a code cell)."""
    return any(block.is_python and plan(block, Pass.CPU).runs for block in page.blocks)


def _cells_for(block, made: set[str]) -> list[dict]:
    decision = plan(block, Pass.CPU)
    if not decision.runs and decision.by is None:
        fence = "python" if block.is_python else "bash"
        return [_markdown(f"*{block.title}*\n\n```{fence}\n{block.code.rstrip()}\n```")]
    cells = []
    for setup in block.makers:
        if setup.name not in made:
            made.add(setup.name)
            cells.append(_markdown(f"Make the data this recipe reads ({setup.origin}):"))
            cells.append(_code(setup.code))
    if block.is_python:
        code = block.code
        if block.directives.save_as:
            code = f"%%writefile {block.directives.save_as}\n{code}"
        cells.append(_code(code, None if block.directives.save_as else block.expected_output))
    else:
        shell = [f"!{line}" for line in block.code.splitlines() if line.strip()]
        cells.append(_code("\n".join(shell) + "\n", block.expected_output))
    return cells


def _source(text: str) -> list[str]:
    return text.rstrip("\n").splitlines(keepends=True)


def _markdown(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": _source(text)}


def _code(code: str, output: str | None = None) -> dict:
    outputs = []
    if output:
        outputs.append({"name": "stdout", "output_type": "stream", "text": _source(output)})
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "outputs": outputs,
        "source": _source(code),
    }


def dumps(notebook: dict) -> str:
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
