"""Reproducibility: seeds, deterministic algorithms, DataLoader shuffling and workers."""

# --8<-- [start:seed_everything]
import random
import numpy as np
import torch


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)  # seeds the CPU and every CUDA device


seed_everything(0)
a = [random.random(), np.random.rand(), torch.rand(1).item()]
seed_everything(0)
b = [random.random(), np.random.rand(), torch.rand(1).item()]
print([round(v, 4) for v in a], a == b)
# --8<-- [end:seed_everything]

# --8<-- [start:fork_rng]
import torch

torch.manual_seed(0)
expected = torch.rand(3)  # what the global generator gives next, without the detour below
torch.manual_seed(0)
with torch.random.fork_rng(devices=[]):  # saves the CPU generator's state; devices=[]: no GPU
    torch.manual_seed(123)  # a local seed, e.g. for a fixed set of samples to plot
    print(torch.randperm(10)[:4].tolist())
print(torch.equal(torch.rand(3), expected))  # state restored on exit: as if nothing was drawn
# --8<-- [end:fork_rng]

# --8<-- [start:deterministic]
import os
import torch

os.environ["CUBLAS_WORKSPACE_CONFIG"] = ":4096:8"  # cuBLAS needs it; set before CUDA work
torch.use_deterministic_algorithms(True)  # global: lasts for the whole process
torch.backends.cudnn.benchmark = False  # no timing-based choice of conv algorithm
print(torch.are_deterministic_algorithms_enabled(), torch.backends.cudnn.benchmark)
print(torch.empty(3))  # uninitialised memory is filled with NaN
# --8<-- [end:deterministic]

# --8<-- [start:loader_generator]
import torch
from torch.utils.data import DataLoader, TensorDataset

data = TensorDataset(torch.arange(10))
for global_seed in (1, 2):
    torch.manual_seed(global_seed)  # the global seed differs...
    g = torch.Generator().manual_seed(0)  # ...but the loader has its own stream
    loader = DataLoader(data, batch_size=4, shuffle=True, generator=g)
    print([batch.tolist() for (batch,) in loader])
# --8<-- [end:loader_generator]

# --8<-- [start:worker_seeding]
import random
import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset


class Jittered(Dataset):  # random "augmentation" in each sample
    def __len__(self):
        return 8

    def __getitem__(self, i):
        return i + torch.rand(1).item() + np.random.rand() + random.random()


def seed_worker(worker_id):  # runs in each worker process at start-up
    worker_seed = torch.initial_seed() % 2**32  # the worker's torch seed, from `generator`
    np.random.seed(worker_seed)
    random.seed(worker_seed)


def load(seed):
    loader = DataLoader(
        Jittered(),
        batch_size=4,
        shuffle=True,
        num_workers=2,
        worker_init_fn=seed_worker,
        generator=torch.Generator().manual_seed(seed),
    )
    return torch.cat(list(loader))


print(torch.equal(load(0), load(0)))
# --8<-- [end:worker_seeding]
