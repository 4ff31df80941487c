"""Each walkthrough notebook (docs/walkthroughs/*.py, jupytext percent format) runs top to bottom
in a real IPython kernel, offline, warning-free: the same notebooks mkdocs-jupyter executes to
render the pages, so the outputs and figures on the site come from code that passes here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

WALKTHROUGHS = sorted(
    (Path(__file__).resolve().parent.parent / "docs" / "walkthroughs").glob("*.py")
)


@pytest.mark.parametrize("path", WALKTHROUGHS, ids=lambda p: f"docs/walkthroughs/{p.name}")
def test_walkthrough_runs_in_a_kernel(path: Path, tmp_path: Path, monkeypatch):
    import jupytext
    import nbclient

    notebook = jupytext.read(path)
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "")
    monkeypatch.setenv("PYTHONWARNINGS", "error::DeprecationWarning,error::FutureWarning")
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    )
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as error:
        pytest.fail(f"docs/walkthroughs/{path.name} failed in Jupyter:\n{error}", pytrace=False)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors
    stderr = [o.text for c in code for o in c.outputs if o.get("name") == "stderr"]
    assert not stderr, f"docs/walkthroughs/{path.name} wrote to stderr (a warning?): {stderr}"
