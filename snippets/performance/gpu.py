"""GPU idioms: the device idiom, pinned batches, num_workers, cudnn.benchmark, timing GPU work."""

# --8<-- [start:device_idiom]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
model = nn.Linear(4, 2).to(device)  # once, before creating the optimizer
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

xb, yb = torch.randn(8, 4), torch.randn(8, 2)  # a batch as a DataLoader yields it: on the CPU
xb, yb = xb.to(device), yb.to(device)  # every batch, inside the loop
optimizer.zero_grad()
loss = nn.functional.mse_loss(model(xb), yb)
loss.backward()
optimizer.step()
mask = torch.ones(8, 2, device=device)  # new tensors: create them where they are needed
print(loss.device == xb.device == model.weight.grad.device == mask.device)
print(round(loss.item(), 4))  # .item() copies one number back to the CPU
# --8<-- [end:device_idiom]

# --8<-- [start:pinned_loader]
import torch
from torch.utils.data import DataLoader, TensorDataset

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
dataset = TensorDataset(torch.randn(64, 3, 8, 8), torch.randint(0, 10, (64,)))
loader = DataLoader(
    dataset,
    batch_size=16,
    shuffle=True,
    pin_memory=device == "cuda",  # page-locked batches: for CUDA copies (mps would warn)
)
for xb, yb in loader:
    xb = xb.to(device, non_blocking=True)  # returns at once; the copy overlaps other work
    yb = yb.to(device, non_blocking=True)
    # ... forward, loss, backward, step: they wait for the copy on their own
print(xb.shape, yb.shape, xb.device.type == device)
# --8<-- [end:pinned_loader]

# --8<-- [start:pin_without_gpu]
import warnings

import torch
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.arange(8.0))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    batches = list(DataLoader(dataset, batch_size=4, pin_memory=True))  # wrong on a CPU
for w in caught:
    print(w.category.__name__, w.message)

batches = list(DataLoader(dataset, batch_size=4, pin_memory=torch.cuda.is_available()))
print(len(batches))
# --8<-- [end:pin_without_gpu]

# --8<-- [start:num_workers]
import torch
from torch.utils.data import DataLoader, Dataset, get_worker_info


class Squares(Dataset):
    def __len__(self):
        return 8

    def __getitem__(self, i):
        worker = get_worker_info()  # None in the main process
        return i * i, -1 if worker is None else worker.id


if __name__ == "__main__":  # workers re-import the script on macOS and Windows
    loader = DataLoader(Squares(), batch_size=2, num_workers=2, persistent_workers=True)
    for epoch in range(2):  # persistent_workers: the same 2 processes serve both epochs
        batches = [(squares.tolist(), worker[0].item()) for squares, worker in loader]
        print(f"epoch {epoch}:", [b for b, _ in batches], "from workers", [w for _, w in batches])
# --8<-- [end:num_workers]

# --8<-- [start:cudnn_benchmark]
import torch
from torch import nn

torch.backends.cudnn.benchmark = True  # input shapes fixed: let cuDNN time its algorithms once

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = nn.Conv2d(3, 8, kernel_size=3, padding=1).to(device)
for _ in range(3):  # the first call with a new shape is slow on a GPU, the rest fast
    out = model(torch.randn(16, 3, 32, 32, device=device))
print(out.shape, torch.backends.cudnn.benchmark)
# --8<-- [end:cudnn_benchmark]

# --8<-- [start:tf32]
import torch

print(torch.get_float32_matmul_precision())  # "highest": full float32 everywhere
torch.set_float32_matmul_precision("high")  # allow TF32 for float32 matmuls on recent GPUs
print(torch.get_float32_matmul_precision())
# --8<-- [end:tf32]

# --8<-- [start:sync_timing]
import time

import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
a = torch.randn(256, 256, device=device)
a @ a  # warm-up: the first call pays one-off costs (device context, kernel choice)
if device != "cpu":
    torch.accelerator.synchronize()  # let queued work finish before starting the clock
start = time.perf_counter()
for _ in range(10):
    b = a @ a  # on a GPU this only queues the work and returns
if device != "cpu":
    torch.accelerator.synchronize()  # wait for the timed work before stopping the clock
elapsed = time.perf_counter() - start
print(b.shape, elapsed > 0)
# --8<-- [end:sync_timing]

# --8<-- [start:cuda_memory]
import torch

if torch.cuda.is_available():
    before = torch.cuda.memory_allocated()  # bytes held by tensors right now
    x = torch.empty(1024, 1024, device="cuda")  # 1M float32 = 4 MiB
    print((torch.cuda.memory_allocated() - before) / 2**20, "MiB allocated")
    del x
    print((torch.cuda.memory_allocated() - before) / 2**20, "MiB after del")
    print(torch.cuda.memory_reserved() >= 2**22)  # the caching allocator keeps the block
    torch.cuda.empty_cache()  # hand cached, unused blocks back to the driver
# --8<-- [end:cuda_memory]

# --8<-- [start:device_properties]
import torch

if torch.cuda.is_available():
    props = torch.cuda.get_device_properties(0)  # an index, "cuda:1" or a torch.device
    name = props.name  # as torch.cuda.get_device_name(0)
    total_gib = props.total_memory / 2**30  # the whole card, not what is free now
    capability = (props.major, props.minor)  # (8, 0) on an A100, (9, 0) on an H100
    sms = props.multi_processor_count  # streaming multiprocessors: the GPU's parallel units
    assert capability == torch.cuda.get_device_capability(0)
    batch_size = 256 if total_gib >= 40 else 64  # e.g. settings that depend on the card
# --8<-- [end:device_properties]
