"""Collectives on CPU with gloo: all_reduce, all_gather, broadcast, reduce_scatter; exact evaluation."""

# --8<-- [start:collectives]
import os

import torch
import torch.distributed as dist
import torch.distributed.nn  # noqa: F401  before init_process_group: see ddp.md "Exit cleanly"
from torch import nn
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset


def show(title, value):  # every rank's value, printed by rank 0 in rank order
    rank, world_size = dist.get_rank(), dist.get_world_size()
    values = [None] * world_size if rank == 0 else None
    dist.gather_object(value.tolist() if torch.is_tensor(value) else value, values, dst=0)
    if rank == 0:
        print(f"{title:22}", values)


def collectives(rank, world_size):
    x = torch.tensor([rank + 1.0, 10.0 * (rank + 1)])
    show("input", x)
    summed = x.clone()
    dist.all_reduce(summed)  # in place; op=dist.ReduceOp.SUM by default
    show("all_reduce SUM", summed)
    biggest = x.clone()
    dist.all_reduce(biggest, op=dist.ReduceOp.MAX)  # also MIN, PRODUCT, AVG
    show("all_reduce MAX", biggest)
    gathered = [torch.empty_like(x) for _ in range(world_size)]
    dist.all_gather(gathered, x)  # every rank gets every rank's tensor
    show("all_gather", torch.stack(gathered))
    from_rank_0 = x.clone()
    dist.broadcast(from_rank_0, src=0)  # rank 0's values overwrite everyone's
    show("broadcast from 0", from_rank_0)
    chunks = torch.arange(2.0 * world_size) + 100 * rank  # one chunk of 2 per rank
    mine = torch.empty(2)
    dist.reduce_scatter_single(mine, chunks)  # sum over ranks, rank r keeps chunk r
    show("reduce_scatter input", chunks)
    show("reduce_scatter_single", mine)


def exact_evaluation(rank, world_size):  # 11 samples on 2 ranks: the sampler pads to 12
    torch.manual_seed(0)  # the same data and model on every rank
    X, y = torch.randn(11, 4), torch.randint(0, 3, (11,))
    model = nn.Linear(4, 3).eval()
    dataset = TensorDataset(torch.arange(len(X)), X, y)  # carry each sample's index
    sampler = DistributedSampler(dataset, shuffle=False)
    counts = torch.zeros(3)  # correct, seen, correct without the padding
    results = {}
    with torch.no_grad():
        loader = DataLoader(dataset, batch_size=1, sampler=sampler)
        for position, (index, xb, yb) in enumerate(loader):
            correct = (model(xb).argmax(1) == yb).item()
            padding = position * world_size + rank >= len(dataset)  # the sampler's repeats
            counts += torch.tensor([correct, 1.0, 0.0 if padding else correct])
            results[index.item()] = correct
    dist.all_reduce(counts)
    everyone = [None] * world_size
    dist.all_gather_object(everyone, results)  # per-sample results, keyed by index
    merged = {i: c for part in everyone for i, c in part.items()}  # a repeat overwrites itself
    if rank == 0:
        exact = (model(X).argmax(1) == y).float().mean().item()
        print("samples seen:", int(counts[1]), "for", len(dataset), "in the data set")
        print("one process:        ", round(exact, 4))
        print("counting repeats:   ", round((counts[0] / counts[1]).item(), 4))
        print("padding masked:     ", round((counts[2] / len(dataset)).item(), 4))
        print("gathered by index:  ", round(sum(merged.values()) / len(merged), 4))


def main():
    rank, world_size = dist.get_rank(), dist.get_world_size()
    collectives(rank, world_size)
    exact_evaluation(rank, world_size)


if __name__ == "__main__":
    if "RANK" in os.environ:  # started by torchrun, which sets RANK, WORLD_SIZE, MASTER_ADDR, ...
        dist.init_process_group("gloo")  # "nccl" on GPUs
    else:  # plain `python collectives.py`: a group of one process, handy for debugging
        dist.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)
    try:
        main()  # when it returns, the tensors the collectives used are gone
    finally:
        dist.destroy_process_group()  # nothing holds the group now: this waits for its threads
# --8<-- [end:collectives]
