"""A page as a Jupyter notebook: its headings and its expanded blocks, in order, ready to run.

The site offers each page's notebook for download (overrides/hooks/notebooks.py) and the tests
execute some of them top to bottom in a real kernel (tests/test_notebooks.py). Blocks become
cells as a reader would want them in one notebook:

- a Python block -> a code cell (its shown output, if any, as the cell's output);
- "Needs data: NAME" -> the data maker's code in a cell before it, once per notebook; stand-in
  weights are not the reader's business (their first run downloads the real file);
- "Save as: x.py" -> a `%%writefile x.py` cell; a shell block -> `!command` lines;
- "Needs CUDA" and "Not run by the tests" blocks -> Markdown cells that show the code and why.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .fixtures import WEIGHTS
from .pages import Block

HEADING = re.compile(r"^(#{1,3}) (.+)$")


def page_notebook(page: Path, blocks: list[Block], url: str, torch_version: str) -> dict:
    lines = page.read_text(encoding="utf-8").splitlines()
    title = next((m[2] for line in lines if (m := HEADING.match(line)) and m[1] == "#"), page.stem)
    cells = [
        _markdown(
            f"# {title}\n\nFrom torchsheet, the PyTorch cheatsheet whose every line is proven: "
            f"{url}\n\nEvery cell below ran in the tests with torch {torch_version}; run them top "
            f"to bottom."
        )
    ]
    made: set[str] = set()
    previous_line = 0
    for block in blocks:
        heading = _last_heading(lines[previous_line : block.lineno - 1])
        if heading:
            cells.append(_markdown(heading))
        previous_line = block.lineno
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


def _cells_for(block: Block, made: set[str]) -> list[dict]:
    if block.skip_reason or block.needs_cuda:
        fence = "python" if block.is_python else "bash"
        return [_markdown(f"*{block.title}*\n\n```{fence}\n{block.code.rstrip()}\n```")]
    cells = []
    name = block.needs_data
    if name and name not in WEIGHTS and name not in made and block.setup is not None:
        made.add(name)
        cells.append(_markdown(f"Make the data this recipe reads ({block.setup.origin}):"))
        cells.append(_code(block.setup.code))
    if block.is_python:
        code = block.code
        if block.save_as:
            code = f"%%writefile {block.save_as}\n{code}"
        cells.append(_code(code, block.expected_output if not block.save_as else None))
    else:
        shell = [f"!{line}" for line in block.code.splitlines() if line.strip()]
        cells.append(_code("\n".join(shell) + "\n", block.expected_output))
    return cells


def _last_heading(lines: list[str]) -> str | None:
    headings = [line for line in lines if HEADING.match(line) and not line.startswith("# ")]
    return headings[-1] if headings else None


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
