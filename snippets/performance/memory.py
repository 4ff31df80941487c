"""Memory: activation checkpointing measured on the CPU, CUDA memory counters, out-of-memory errors."""

# --8<-- [start:saved_tensors]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(*[nn.Sequential(nn.Linear(256, 256), nn.ReLU()) for _ in range(8)])
x = torch.randn(64, 256, requires_grad=True)
saved = []


def pack(t):  # called for every tensor autograd keeps for the backward pass
    saved.append(t.numel() * t.element_size())
    return t


with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
    out = model(x)
print(len(saved), "tensors kept,", sum(saved) // 1024, "KiB")
# --8<-- [end:saved_tensors]

# --8<-- [start:checkpoint]
import torch
from torch import nn
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
blocks = nn.ModuleList([nn.Sequential(nn.Linear(256, 256), nn.ReLU()) for _ in range(8)])


def forward(x, use_checkpoint):
    for block in blocks:
        x = checkpoint(block, x, use_reentrant=False) if use_checkpoint else block(x)
    return x


def train_step(x, use_checkpoint):
    saved = []

    def pack(t):
        saved.append(t.numel() * t.element_size())
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        out = forward(x, use_checkpoint)
    out.sum().backward()  # checkpointed blocks run their forward again here
    print(f"checkpoint={use_checkpoint}: {len(saved)} tensors kept, {sum(saved) // 1024} KiB")
    return x.grad


x = torch.randn(64, 256, requires_grad=True)
plain = train_step(x, use_checkpoint=False)
x.grad = None
checkpointed = train_step(x, use_checkpoint=True)
print("same gradients:", torch.allclose(plain, checkpointed))
# --8<-- [end:checkpoint]

# --8<-- [start:use_reentrant_warning]
import warnings

import torch
from torch import nn
from torch.utils.checkpoint import checkpoint

block = nn.Linear(4, 4)
x = torch.randn(2, 4, requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    checkpoint(block, x)  # use_reentrant not given
for w in caught:
    print(w.category.__name__, w.message)
# --8<-- [end:use_reentrant_warning]

# --8<-- [start:checkpoint_sequential]
import torch
from torch import nn
from torch.utils.checkpoint import checkpoint_sequential

torch.manual_seed(0)
model = nn.Sequential(*[nn.Sequential(nn.Linear(256, 256), nn.ReLU()) for _ in range(8)])
x = torch.randn(64, 256, requires_grad=True)
saved = []


def pack(t):
    saved.append(t.numel() * t.element_size())
    return t


with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
    out = checkpoint_sequential(model, 4, x, use_reentrant=False)  # 4 segments of 2 blocks
out.sum().backward()
print(len(saved), "tensors kept,", sum(saved) // 1024, "KiB")
# --8<-- [end:checkpoint_sequential]

# --8<-- [start:cuda_peak]
import torch
from torch import nn
from torch.utils.checkpoint import checkpoint

if torch.cuda.is_available():
    blocks = nn.ModuleList([nn.Sequential(nn.Linear(2048, 2048), nn.GELU()) for _ in range(8)])
    blocks = blocks.cuda()
    x = torch.randn(1024, 2048, device="cuda", requires_grad=True)
    for use_checkpoint in (False, True):
        torch.cuda.reset_peak_memory_stats()  # peaks are counted from here
        h = x
        for block in blocks:
            h = checkpoint(block, h, use_reentrant=False) if use_checkpoint else block(h)
        h.sum().backward()
        peak = torch.cuda.max_memory_allocated() / 2**20
        print(f"checkpoint={use_checkpoint}: peak {peak:.0f} MiB")
        x.grad = None
        blocks.zero_grad(set_to_none=True)
# --8<-- [end:cuda_peak]

# --8<-- [start:cuda_summary]
import torch

if torch.cuda.is_available():
    x = torch.randn(1024, 1024, device="cuda")
    print(torch.cuda.memory_summary(abbreviated=True))
# --8<-- [end:cuda_summary]

# --8<-- [start:oom_classes]
import torch

print(torch.OutOfMemoryError is torch.cuda.OutOfMemoryError)
print(issubclass(torch.OutOfMemoryError, RuntimeError))
try:
    torch.empty(2**50, dtype=torch.uint8)  # 1 PiB on the CPU
except torch.OutOfMemoryError:
    print("never reached on the CPU")
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:oom_classes]

# --8<-- [start:halve_on_oom]
import torch


def largest_batch(step, batch_size: int) -> int:
    """Try step(batch_size); halve the batch on CUDA out-of-memory until it fits."""
    while batch_size >= 1:
        try:
            step(batch_size)
            return batch_size
        except torch.OutOfMemoryError:
            pass  # retry outside the except block: the exception keeps the failed step's tensors
        batch_size //= 2
    raise RuntimeError("even a batch of 1 does not fit")


def fake_step(batch_size):  # stands in for a training step on a GPU
    if batch_size > 48:
        raise torch.OutOfMemoryError("CUDA out of memory. (simulated)")


print(largest_batch(fake_step, batch_size=256))
# --8<-- [end:halve_on_oom]
