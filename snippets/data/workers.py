"""DataLoader workers: persistent_workers, prefetch_factor, seeding, worker_init_fn."""

# --8<-- [start:persistent_workers]
import os

import torch
from torch.utils.data import DataLoader, Dataset


class WhichProcess(Dataset):
    def __len__(self):
        return 4

    def __getitem__(self, i):
        return os.getpid()  # the process that loads this sample


if __name__ == "__main__":
    for persistent in (False, True):
        loader = DataLoader(
            WhichProcess(), batch_size=2, num_workers=2, persistent_workers=persistent
        )
        epochs = [set(torch.cat(list(loader)).tolist()) for epoch in range(2)]
        print(
            f"persistent_workers={persistent}: same processes in epoch 1:", epochs[0] == epochs[1]
        )
# --8<-- [end:persistent_workers]

# --8<-- [start:prefetch_factor]
import torch
from torch.utils.data import DataLoader, Sampler, TensorDataset


class LoggedSampler(Sampler[int]):  # runs in the main process: records what is requested
    def __init__(self, n):
        self.n, self.requested = n, 0

    def __iter__(self):
        for i in range(self.n):
            self.requested += 1
            yield i

    def __len__(self):
        return self.n


if __name__ == "__main__":
    sampler = LoggedSampler(100)
    loader = DataLoader(
        TensorDataset(torch.arange(100)),
        batch_size=5,
        sampler=sampler,
        num_workers=2,
        prefetch_factor=3,
    )
    batches = iter(loader)  # starts the workers and sends them work at once
    print("batches requested before the first is used:", sampler.requested // 5)
    next(batches)
    print("after one batch is taken:", sampler.requested // 5)
# --8<-- [end:prefetch_factor]

# --8<-- [start:workers_options_errors]
import torch
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.arange(10))
for kwargs in ({"prefetch_factor": 4}, {"persistent_workers": True}):
    try:
        DataLoader(dataset, num_workers=0, **kwargs)
    except ValueError as e:
        print(type(e).__name__, e)
# --8<-- [end:workers_options_errors]

# --8<-- [start:worker_seeds]
import random

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset


class Draws(Dataset):
    def __len__(self):
        return 2  # one sample per worker and epoch

    def __getitem__(self, i):
        return torch.rand(1).item(), random.random(), np.random.rand()


if __name__ == "__main__":
    loader = DataLoader(Draws(), batch_size=None, num_workers=2)
    draws = [draw for epoch in range(2) for draw in loader]
    for name, values in zip(("torch", "random", "numpy"), zip(*draws, strict=True), strict=True):
        print(f"{name:6} 2 workers x 2 epochs, all draws different:", len(set(values)) == 4)
# --8<-- [end:worker_seeds]

# --8<-- [start:dataset_rng_copied]
import numpy as np
from torch.utils.data import DataLoader, Dataset


class Jitter(Dataset):
    def __init__(self):
        self.rng = np.random.default_rng()  # a generator object in the dataset

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return self.rng.random()


if __name__ == "__main__":
    loader = DataLoader(Jitter(), batch_size=None, num_workers=2)
    draws = [float(x) for epoch in range(2) for x in loader]
    print("2 workers x 2 epochs, different draws:", len(set(draws)))
# --8<-- [end:dataset_rng_copied]

# --8<-- [start:worker_init_fn]
import numpy as np
from torch.utils.data import DataLoader, Dataset, get_worker_info


class Jitter(Dataset):
    def __init__(self):
        self.rng = np.random.default_rng()  # used as is with num_workers=0

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return self.rng.random()


def seed_worker(worker_id):  # runs in each worker, before it loads anything
    info = get_worker_info()
    info.dataset.rng = np.random.default_rng(info.seed)  # this worker's copy of the dataset


if __name__ == "__main__":
    loader = DataLoader(Jitter(), batch_size=None, num_workers=2, worker_init_fn=seed_worker)
    draws = [float(x) for epoch in range(2) for x in loader]
    print("2 workers x 2 epochs, different draws:", len(set(draws)))
# --8<-- [end:worker_init_fn]
