"""DataLoader: batch size, shuffling, drop_last, workers, pinned memory, samplers, one batch."""

# --8<-- [start:batches]
import torch
from torch.utils.data import DataLoader, TensorDataset

ds = TensorDataset(torch.arange(10).float().unsqueeze(1), torch.arange(10))  # 10 samples
loader = DataLoader(ds, batch_size=4)
print(len(loader), [xb.shape[0] for xb, yb in loader])  # ceil(10 / 4) batches, the last one short

loader = DataLoader(ds, batch_size=4, drop_last=True)
print(len(loader), [xb.shape[0] for xb, yb in loader])  # floor(10 / 4): the short one is dropped
print(len(loader.dataset))  # the number of samples, not of batches
# --8<-- [end:batches]

# --8<-- [start:shuffle]
import torch
from torch.utils.data import DataLoader, TensorDataset

ds = TensorDataset(torch.arange(8))
loader = DataLoader(ds, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(0))
for epoch in range(2):
    print(f"epoch {epoch}:", [batch.tolist() for (batch,) in loader])  # a new order every epoch

again = DataLoader(ds, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(0))
print("again, epoch 0:", [batch.tolist() for (batch,) in again])  # same seed, same orders
# --8<-- [end:shuffle]

# --8<-- [start:one_batch]
import torch
from torch.utils.data import DataLoader, TensorDataset

ds = TensorDataset(torch.randn(10, 3), torch.arange(10))
loader = DataLoader(ds, batch_size=4)
xb, yb = next(iter(loader))  # the first batch, e.g. to check shapes
print(xb.shape, yb.shape, yb.dtype)

try:
    iter(loader).next()  # old tutorials: dataiter.next()
except AttributeError as e:
    print(type(e).__name__, e)
# --8<-- [end:one_batch]

# --8<-- [start:workers]
import torch
from torch.utils.data import DataLoader, Dataset, get_worker_info


class Numbers(Dataset):  # at module level, so spawned workers can import it
    def __len__(self):
        return 8

    def __getitem__(self, i):
        worker = get_worker_info()  # None in the main process
        return torch.tensor([i, worker.id if worker else -1])


if __name__ == "__main__":  # workers that re-import this file skip the loop
    loader = DataLoader(Numbers(), batch_size=2, num_workers=2)
    for batch in loader:  # batches come back in order, made by the workers in turn
        print("samples", batch[:, 0].tolist(), "from worker", batch[0, 1].item())
# --8<-- [end:workers]

# --8<-- [start:start_methods]
import multiprocessing
import pickle
import warnings

import torch
from torch.utils.data import DataLoader, Dataset


class Squares(Dataset):  # at module level: a spawned worker imports it by name
    def __len__(self):
        return 4

    def __getitem__(self, i):
        return i * i


def as_tensor(batch):  # collate_fn at module level, not a lambda: it is pickled
    return torch.tensor(batch)


if __name__ == "__main__":  # a spawned worker imports this file: it must not run this part
    print(multiprocessing.get_all_start_methods()[0])  # this platform's default start method
    loader = DataLoader(
        Squares(),
        batch_size=2,
        num_workers=1,
        collate_fn=as_tensor,
        multiprocessing_context="spawn",
    )
    print([batch.tolist() for batch in loader])

    lam = DataLoader(
        Squares(),
        batch_size=2,
        num_workers=1,
        collate_fn=lambda batch: torch.tensor(batch),  # fine with fork, not with spawn
        multiprocessing_context="spawn",
    )
    with warnings.catch_warnings(record=True) as caught:  # torch warns, then re-raises
        warnings.simplefilter("always")
        try:
            next(iter(lam))
        except pickle.PicklingError as e:
            print(type(e).__name__, str(e).split(" at ")[0])
    print(str(caught[0].message).split(". ")[0])
# --8<-- [end:start_methods]

# --8<-- [start:pin_memory]
import torch
from torch.utils.data import DataLoader, TensorDataset

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
ds = TensorDataset(torch.randn(16, 3), torch.arange(16))
loader = DataLoader(ds, batch_size=8, pin_memory=device != "cpu")  # only with an accelerator

for xb, yb in loader:
    print(xb.is_pinned())  # page-locked memory: True only with an accelerator
    xb, yb = xb.to(device, non_blocking=True), yb.to(device, non_blocking=True)
    print(xb.device.type == device)
# --8<-- [end:pin_memory]

# --8<-- [start:weighted_sampler]
import torch
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

y = torch.tensor([0] * 90 + [1] * 10)  # 90 to 10
ds = TensorDataset(torch.randn(100, 3), y)
print("dataset:  ", torch.bincount(y).tolist())

weights = 1.0 / torch.bincount(y)[y].double()  # one weight per sample: rare class, large weight
g = torch.Generator().manual_seed(0)
sampler = WeightedRandomSampler(weights, num_samples=len(ds), replacement=True, generator=g)
loader = DataLoader(ds, batch_size=20, sampler=sampler)
drawn = torch.cat([yb for xb, yb in loader])
print("one epoch:", torch.bincount(drawn).tolist())

try:
    DataLoader(ds, batch_size=20, sampler=sampler, shuffle=True)
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:weighted_sampler]
