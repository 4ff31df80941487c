"""One IPython kernel for every notebook the tests execute (tests/test_notebooks.py: pages
and walkthroughs).

Starting a kernel and importing torch in it costs seconds; paying that once per notebook would
cost most of the suite's time budget. So the notebooks share one kernel, as the page blocks
share one test process: before each notebook, `%reset -f` empties the namespace and the kernel
moves to a new scratch directory with its own TORCH_HOME. Warnings readers would see are errors
in the kernel, and it sees no GPU (the CPU pass).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

KERNEL_ENV = {
    "CUDA_VISIBLE_DEVICES": "",
    "PYTHONWARNINGS": "error::DeprecationWarning,error::FutureWarning",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
}


@pytest.fixture(scope="session")
def kernel():
    from jupyter_client.manager import KernelManager

    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(env={**os.environ, **KERNEL_ENV})
    client = manager.client()
    client.start_channels()
    try:
        yield manager, client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
        manager.cleanup_resources()
        client.context.destroy(linger=0)


def execute(notebook, kernel, workdir: Path, label: str) -> None:
    """Run every cell of `notebook` in the shared kernel, in `workdir`; fail the test on an error."""
    import nbclient
    import nbformat

    fresh = (
        "%reset -f\n"
        "import os\n"
        f"os.chdir({str(workdir)!r})\n"
        f"os.environ['TORCH_HOME'] = {str(workdir / '.torch')!r}\n"
    )
    notebook.cells.insert(0, nbformat.v4.new_code_cell(fresh))
    manager, kernel_client = kernel
    client = nbclient.NotebookClient(notebook, km=manager, timeout=120)
    client.kc = kernel_client
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as error:
        pytest.fail(f"{label}: failed in Jupyter:\n{error}", pytrace=False)
    finally:
        notebook.cells.pop(0)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code), f"{label}: not every code cell ran"
    stderr = [o.text for c in code for o in c.outputs if o.get("name") == "stderr"]
    assert not stderr, f"{label}: wrote to stderr (a warning?): {stderr}"
