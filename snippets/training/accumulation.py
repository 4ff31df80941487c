"""Gradient accumulation done right: unequal micro-batches, GradScaler, DDP with no_sync."""

# --8<-- [start:unequal_micro_batches]
import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(10, 3)
Y = X.sum(1, keepdim=True)
model = nn.Linear(3, 1)
nn.functional.mse_loss(model(X), Y).backward()  # the gradient of one batch of 10
full = model.weight.grad.clone()


def accumulated(sizes, factor):  # factor(n): what a micro-batch of n samples' loss is scaled by
    model.zero_grad()
    for xb, yb in zip(X.split(sizes), Y.split(sizes), strict=True):
        (nn.functional.mse_loss(model(xb), yb) * factor(len(xb))).backward()
    return model.weight.grad


print("5 + 5,     loss / 2:      ", torch.allclose(accumulated([5, 5], lambda n: 1 / 2), full))
print("4 + 4 + 2, loss / 3:      ", torch.allclose(accumulated([4, 4, 2], lambda n: 1 / 3), full))
print("4 + 4 + 2, loss * n / 10: ", torch.allclose(accumulated([4, 4, 2], lambda n: n / 10), full))
# --8<-- [end:unequal_micro_batches]

# --8<-- [start:scaler_mechanics]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
X = torch.randn(8, 3, device=device)
Y = X.sum(1, keepdim=True)
model = nn.Linear(3, 1).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scaler = torch.amp.GradScaler(device)
for xb, yb in zip(X.chunk(4), Y.chunk(4), strict=True):  # 4 micro-batches of 2
    scaler.scale(nn.functional.mse_loss(model(xb), yb) / 4).backward()  # every micro-step
accumulated = model.weight.grad.clone()
model.zero_grad()
nn.functional.mse_loss(model(X), Y).backward()  # the gradient of the whole batch of 8
full = model.weight.grad.clone()
model.weight.grad = accumulated
print("scale:", scaler.get_scale())
print(
    "accumulated = scale * full-batch gradient:",
    torch.allclose(accumulated, scaler.get_scale() * full),
)
scaler.unscale_(optimizer)  # once, after the last micro-step
print("after unscale_: full-batch gradient:", torch.allclose(model.weight.grad, full))
scaler.step(optimizer)
scaler.update()
optimizer.zero_grad()
# --8<-- [end:scaler_mechanics]

# --8<-- [start:scaler_loop]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
X = torch.randn(80, 4)
loader = DataLoader(TensorDataset(X, X @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]])), batch_size=8)
model = nn.Linear(4, 1).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scaler = torch.amp.GradScaler(device)  # with float16 autocast; bfloat16 needs no scaler
accum_steps, steps = 4, 0
for i, (xb, yb) in enumerate(loader):  # 10 batches: groups of 4, 4 and 2
    if i % accum_steps == 0:  # the first micro-step of a group
        optimizer.zero_grad()
    xb, yb = xb.to(device), yb.to(device)
    with torch.autocast(device, dtype=torch.float16):
        loss = nn.functional.mse_loss(model(xb), yb) / accum_steps
    scaler.scale(loss).backward()  # scale every micro-step
    if (i + 1) % accum_steps == 0 or i + 1 == len(loader):  # the last, short group steps too
        scaler.unscale_(optimizer)  # once per optimizer step: true gradients from here
        nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        scaler.step(optimizer)
        scaler.update()
        steps += 1
print("batches:", len(loader), "- optimizer steps:", steps)
# --8<-- [end:scaler_loop]

# --8<-- [start:unscale_twice]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
model = nn.Linear(3, 1).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for wrong in ("unscale_", "update"):  # called on every micro-step instead of once per step
    scaler = torch.amp.GradScaler(device)
    try:
        for _ in range(2):  # two micro-steps
            scaler.scale(model(torch.ones(2, 3, device=device)).sum()).backward()
            if wrong == "unscale_":
                scaler.unscale_(optimizer)
            else:
                scaler.update()
    except (RuntimeError, AssertionError) as e:
        print(type(e).__name__, e)
# --8<-- [end:unscale_twice]

# --8<-- [start:ddp_no_sync]
import contextlib
import os

import torch
import torch.distributed as dist
import torch.distributed.nn  # noqa: F401  before init_process_group, for a clean exit
from torch import nn
from torch.distributed.algorithms.ddp_comm_hooks.default_hooks import allreduce_hook
from torch.nn.parallel import DistributedDataParallel as DDP


def main():
    rank, world_size = dist.get_rank(), dist.get_world_size()
    accum_steps = 4
    torch.manual_seed(0)  # the same data and the same initial weights on every rank
    X = torch.randn(world_size * accum_steps * 2, 3)  # 4 micro-batches of 2 samples per rank
    reference = nn.Linear(3, 1)
    nn.functional.mse_loss(reference(X), X.sum(1, keepdim=True)).backward()  # one big batch
    model = DDP(nn.Linear(3, 1))
    model.module.load_state_dict(reference.state_dict())
    micro_batches = X.chunk(world_size)[rank].chunk(accum_steps)  # this rank's share
    reductions = 0

    def counting_hook(state, bucket):  # DDP calls it for every gradient all-reduce
        nonlocal reductions
        reductions += 1
        return allreduce_hook(state, bucket)

    model.register_comm_hook(None, counting_hook)

    def accumulate(sync):  # sync(i): does micro-step i all-reduce the gradients?
        nonlocal reductions
        model.zero_grad()
        reductions = 0
        for i, xb in enumerate(micro_batches):
            with contextlib.nullcontext() if sync(i) else model.no_sync():
                loss = nn.functional.mse_loss(model(xb), xb.sum(1, keepdim=True)) / accum_steps
                loss.backward()
        grad = model.module.weight.grad
        everyone = [torch.empty_like(grad) for _ in range(world_size)]
        dist.all_gather(everyone, grad)
        agree = all(torch.equal(g, grad) for g in everyone)
        exact = torch.allclose(grad, reference.weight.grad, atol=1e-6)
        return f"{reductions} all-reduce(s), ranks agree: {agree}, full-batch gradient: {exact}"

    fixed = accumulate(lambda i: i == accum_steps - 1)  # no_sync until the last micro-step
    every = accumulate(lambda i: True)
    never = accumulate(lambda i: False)
    if rank == 0:
        print(f"world size {world_size}, {accum_steps} micro-batches per optimizer step")
        print("no_sync but the last:", fixed)
        print("without no_sync:     ", every)
        print("no_sync on all:      ", never)


if __name__ == "__main__":
    if "RANK" in os.environ:  # started by torchrun
        dist.init_process_group("gloo")
    else:  # plain `python accumulate_ddp.py`: a group of one process
        dist.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)
    try:
        main()  # when it returns, the DDP model and the tensors it used are gone
    finally:
        dist.destroy_process_group()  # nothing holds the group now: this waits for its threads
# --8<-- [end:ddp_no_sync]
