"""Device-side asserts: the same bad index on the CPU and on CUDA, CUDA_LAUNCH_BLOCKING=1."""

# --8<-- [start:cpu_index_errors]
import torch
import torch.nn.functional as F

x = torch.arange(5)
bad = torch.tensor([0, 5])  # 5 is one past the end
for name, op in [
    ("x[bad]", lambda: x[bad]),
    ("index_select", lambda: x.index_select(0, bad)),
    ("gather", lambda: torch.gather(x, 0, bad)),
    ("cross_entropy", lambda: F.cross_entropy(torch.randn(2, 5), bad)),
]:
    try:
        op()
    except (IndexError, RuntimeError) as e:
        print(f"{name:13s} {type(e).__name__}: {e}")
# --8<-- [end:cpu_index_errors]

# --8<-- [start:check_ranges]
import torch


def check_range(name: str, values: torch.Tensor, size: int) -> None:
    """Raise a readable error before an out-of-range index reaches a GPU kernel."""
    low, high = values.min().item(), values.max().item()  # a sync: for debugging runs
    if low < 0 or high >= size:
        raise ValueError(f"{name} must be in [0, {size}), got values from {low} to {high}")


labels = torch.tensor([1, 3, 10, 2])  # classes numbered 1..10 instead of 0..9
try:
    check_range("labels", labels, size=10)
except ValueError as e:
    print(type(e).__name__, e)
check_range("labels", labels - 1, size=10)  # fixed: no error
print("ok")
# --8<-- [end:check_ranges]

# --8<-- [start:cuda_launch_blocking]
import os
import subprocess
import sys

import torch

script = """
import torch
x = torch.arange(5, device="cuda")
y = x[torch.tensor([0, 5], device="cuda")]  # out of range: the kernel asserts
print("reached the line after the bad index", flush=True)
torch.cuda.synchronize()  # without CUDA_LAUNCH_BLOCKING the error surfaces here
"""
if torch.cuda.is_available():
    for blocking in ("0", "1"):  # a fresh process each time: the assert breaks its CUDA context
        env = dict(os.environ, CUDA_LAUNCH_BLOCKING=blocking)
        run = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env
        )
        errors = [line for line in run.stderr.splitlines() if line.startswith("RuntimeError")]
        print(f"CUDA_LAUNCH_BLOCKING={blocking}: exit code {run.returncode}")
        print("  ran past the bad line:", "reached the line" in run.stdout)
        print("  ", errors[-1] if errors else "no RuntimeError line")
# --8<-- [end:cuda_launch_blocking]
