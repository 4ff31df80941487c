"""DistributedDataParallel on CPU: DistributedSampler, a 2-process training script for torchrun."""

# --8<-- [start:sampler_split]
import torch
from torch.utils.data import DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(10))
for rank in range(2):  # in a real run, each process builds only its own
    sampler = DistributedSampler(dataset, num_replicas=2, rank=rank, shuffle=False)
    print(f"rank {rank}:", list(sampler), len(sampler))
# --8<-- [end:sampler_split]

# --8<-- [start:sampler_epochs]
import torch
from torch.utils.data import DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(10))
samplers = [DistributedSampler(dataset, num_replicas=2, rank=rank, seed=0) for rank in range(2)]
for epoch in range(2):
    for rank, sampler in enumerate(samplers):
        sampler.set_epoch(epoch)  # same seed + epoch on every rank: one shared permutation
        print(f"epoch {epoch}, rank {rank}:", list(sampler))
# --8<-- [end:sampler_epochs]

# --8<-- [start:sampler_no_set_epoch]
import torch
from torch.utils.data import DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(10))
sampler = DistributedSampler(dataset, num_replicas=2, rank=0, seed=0)
orders = [list(sampler) for epoch in range(3)]  # no set_epoch(epoch) in the loop
print(orders[0] == orders[1] == orders[2])
# --8<-- [end:sampler_no_set_epoch]

# --8<-- [start:sampler_uneven]
import torch
from torch.utils.data import DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(10))
for drop_last in (False, True):  # 10 samples do not split evenly over 3 ranks
    samplers = [
        DistributedSampler(dataset, num_replicas=3, rank=r, shuffle=False, drop_last=drop_last)
        for r in range(3)
    ]
    print(f"drop_last={drop_last}:", [list(s) for s in samplers])
# --8<-- [end:sampler_uneven]

# --8<-- [start:sampler_eval_counts]
import torch
from torch.utils.data import DistributedSampler, TensorDataset

correct = torch.tensor([1, 1, 0, 1, 0, 1, 1, 1, 0, 1])  # 1 where the model is right: 7 of 10
dataset = TensorDataset(correct)
padded = [list(DistributedSampler(dataset, 3, rank=r, shuffle=False)) for r in range(3)]
strided = [list(range(r, len(dataset), 3)) for r in range(3)]  # Subset(dataset, range(r, n, 3))
for name, shards in [("DistributedSampler", padded), ("strided shards", strided)]:
    hits = sum(int(correct[ix].sum()) for ix in shards)  # what all_reduce would add up
    seen = sum(len(ix) for ix in shards)
    print(f"{name}: {hits} / {seen} = {hits / seen:.2f}")
# --8<-- [end:sampler_eval_counts]

# --8<-- [start:train_ddp]
import os

import torch
import torch.distributed as dist
import torch.distributed.nn  # noqa: F401  before init_process_group: see "Exit cleanly" below
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset


def main():
    rank, world_size = dist.get_rank(), dist.get_world_size()
    torch.manual_seed(0)  # the same dataset on every rank
    X = torch.randn(64, 4)
    dataset = TensorDataset(X, X @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]]))
    sampler = DistributedSampler(dataset, seed=0)  # each rank gets its own part of every epoch
    loader = DataLoader(dataset, batch_size=8, sampler=sampler)  # no shuffle=: the sampler does it

    torch.manual_seed(rank)  # different weights on each rank on purpose: DDP copies rank 0's
    model = DDP(nn.Linear(4, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    for epoch in range(2):
        sampler.set_epoch(epoch)  # a new shuffle every epoch
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()  # averages gradients over all ranks
            optimizer.step()

    weights = model.module.weight.detach()  # .module: the model DDP wraps
    everyone = [torch.empty_like(weights) for _ in range(world_size)]
    dist.all_gather(everyone, weights)  # every rank's weights, on every rank
    if rank == 0:  # print once, not once per process
        per_rank = f"{len(sampler)} of {len(dataset)} samples per rank per epoch"
        print(f"world size {world_size}, {per_rank}")
        print("same weights on every rank:", all(torch.equal(w, weights) for w in everyone))


if __name__ == "__main__":
    if "RANK" in os.environ:  # started by torchrun, which sets RANK, WORLD_SIZE, MASTER_ADDR, ...
        dist.init_process_group("gloo")  # "nccl" for GPUs
    else:  # plain `python train_ddp.py`: a group of one process, handy for debugging
        dist.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)
    try:
        main()  # when it returns, the model and the tensors it used are gone
    finally:
        dist.destroy_process_group()  # nothing holds the group now: this waits for its threads
# --8<-- [end:train_ddp]
