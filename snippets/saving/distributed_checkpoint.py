"""torch.distributed.checkpoint: save a sharded model from 2 processes, resume, load in one process."""

# --8<-- [start:dcp_script]
import os

import torch
import torch.distributed as dist
import torch.distributed.checkpoint as dcp
import torch.distributed.nn  # noqa: F401  before init_process_group (performance/ddp.md)
from torch import nn
from torch.distributed.checkpoint.format_utils import dcp_to_torch_save
from torch.distributed.checkpoint.state_dict import (
    StateDictOptions,
    get_model_state_dict,
    get_state_dict,
    set_state_dict,
)
from torch.distributed.fsdp import fully_shard


def sharded_model(seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
    for layer in (model[0], model[2]):
        fully_shard(layer)
    fully_shard(model)
    return model, torch.optim.Adam(model.parameters(), lr=0.01)


def main():
    rank, world_size = dist.get_rank(), dist.get_world_size()
    model, optimizer = sharded_model(seed=0)
    model(torch.randn(8, 4)).sum().backward()
    optimizer.step()  # one step, so that the optimizer has state to save

    # Save: every rank writes its own shards, in parallel, into one directory
    model_state, optim_state = get_state_dict(model, optimizer)  # keyed by parameter name
    dcp.save({"model": model_state, "optim": optim_state}, checkpoint_id="checkpoint/step1")
    if rank == 0:
        print(sorted(os.listdir("checkpoint/step1")))

    # Resume: a new sharded model (other weights) reads back its own shards
    resumed, resumed_optimizer = sharded_model(seed=1)
    model_state, optim_state = get_state_dict(resumed, resumed_optimizer)
    state = {"model": model_state, "optim": optim_state}
    dcp.load(state, checkpoint_id="checkpoint/step1")  # loads in place, into this rank's shards
    set_state_dict(
        resumed, resumed_optimizer, model_state_dict=state["model"], optim_state_dict=state["optim"]
    )
    restored = [None] * world_size
    dist.all_gather_object(
        restored, torch.equal(resumed[0].weight.to_local(), model[0].weight.to_local())
    )
    options = StateDictOptions(full_state_dict=True, cpu_offload=True)  # plain tensors, on rank 0
    return restored, get_model_state_dict(model, options=options)


def convert(restored, full):  # rank 0 alone: it reads the files, no collective
    print("every rank got its shard back:", restored)
    # read every shard into one ordinary torch.save file
    dcp_to_torch_save("checkpoint/step1", "step1.pt")
    loaded = torch.load("step1.pt")  # tensors and plain values: weights_only=True loads it
    print(list(loaded), list(loaded["model"]))
    print(
        "same as the sharded model:",
        all(torch.equal(loaded["model"][k], v) for k, v in full.items()),
    )
    plain = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
    print(plain.load_state_dict(loaded["model"]))


if __name__ == "__main__":
    if "RANK" in os.environ:  # started by torchrun, which sets RANK, WORLD_SIZE, MASTER_ADDR, ...
        dist.init_process_group("gloo")  # "nccl" on GPUs
    else:  # plain `python dcp_checkpoint.py`: a group of one process, handy for debugging
        dist.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)
    try:
        restored, full = main()  # the sharded models and optimizers are gone when it returns
        if dist.get_rank() == 0:
            convert(restored, full)  # reads the files alone: no collective
        dist.barrier()  # the last collective, without tensors: no rank leaves while one works
    finally:
        dist.destroy_process_group()
# --8<-- [end:dcp_script]
