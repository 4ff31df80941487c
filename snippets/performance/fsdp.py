"""FSDP2 on CPU: fully_shard a model in 2 gloo processes, train it, gather its full state dict."""

# --8<-- [start:fsdp_train]
import os

import torch
import torch.distributed as dist
import torch.distributed.nn  # noqa: F401  before init_process_group: see ddp.md "Exit cleanly"
from torch import nn
from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict
from torch.distributed.fsdp import fully_shard


def make_model():
    torch.manual_seed(0)  # the same initial weights on every rank
    return nn.Sequential(
        nn.Sequential(nn.Linear(4, 16), nn.ReLU()),
        nn.Sequential(nn.Linear(16, 16), nn.ReLU()),
        nn.Linear(16, 1),
    )


def main():
    rank, world_size = dist.get_rank(), dist.get_world_size()
    model = make_model()
    for block in model:
        fully_shard(block)  # each block: one unit, its parameters gathered just before it runs
    fully_shard(model)  # then the root
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)  # after sharding: it sees the shards

    torch.manual_seed(1)
    X = torch.randn(64, 4)
    Y = X @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]])
    losses = []
    for _step in range(20):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(X[rank::world_size]), Y[rank::world_size])  # my half
        loss.backward()  # each rank receives the averaged gradient of its own shard
        optimizer.step()  # and updates only its shard
        total = loss.detach().clone()
        dist.all_reduce(total, op=dist.ReduceOp.AVG)  # the loss over all ranks, for printing
        losses.append(round(total.item(), 4))

    weight = model[0][0].weight  # a DTensor: each rank holds a slice of the full matrix
    held = {name: tuple(p.to_local().shape) for name, p in model.named_parameters()}
    everyone = [None] * world_size
    dist.all_gather_object(everyone, held)  # what each rank holds, for printing on rank 0
    options = StateDictOptions(full_state_dict=True, cpu_offload=True)  # full tensors, on rank 0
    full = get_model_state_dict(model, options=options)  # a collective: every rank calls it

    if rank == 0:
        print("loss:", losses[::5], "->", losses[-1])
        print(type(weight).__name__, tuple(weight.shape), weight.placements)
        for name in held:
            print(f"{name:10}", ", ".join(f"rank {r}: {h[name]}" for r, h in enumerate(everyone)))
        print({name: tuple(tensor.shape) for name, tensor in list(full.items())[:2]})
        torch.save(full, "model.pt")  # a plain state dict: loads into make_model() anywhere

        reference = make_model()  # the same training in one process on all 64 samples
        ref_optimizer = torch.optim.Adam(reference.parameters(), lr=0.01)
        for _step in range(20):
            ref_optimizer.zero_grad()
            nn.functional.mse_loss(reference(X), Y).backward()
            ref_optimizer.step()
        same = all(torch.allclose(full[k], v, atol=1e-6) for k, v in reference.state_dict().items())
        print("same weights as one process on all the data:", same)
    # The last collective, and one without tensors: no rank leaves while another still works
    # ("Exit cleanly" on the DDP page says why this matters for FSDP2 on gloo)
    dist.barrier()


if __name__ == "__main__":
    if "RANK" in os.environ:  # started by torchrun, which sets RANK, WORLD_SIZE, MASTER_ADDR, ...
        dist.init_process_group("gloo")  # "nccl" on GPUs
    else:  # plain `python fsdp_train.py`: a group of one process, handy for debugging
        dist.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)
    try:
        main()  # when it returns, the sharded model, its optimizer and DTensors are gone
    finally:
        dist.destroy_process_group()
# --8<-- [end:fsdp_train]
