"""Move tensors and models between devices: to, cpu, cuda, default device, pin_memory,
non_blocking."""

# --8<-- [start:device_idiom]
import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(torch.accelerator.is_available(), device)
x = torch.ones(2, 3, device=device)  # create it where it will be used
y = torch.zeros_like(x)  # *_like copies the device (and dtype) of x
print(x.device == y.device)
# --8<-- [end:device_idiom]

# --8<-- [start:to_device]
import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
x = torch.arange(3.0)  # made on the CPU
x = x.to(device)  # a tensor on `device`; keep the result
print(x)
print(x.to(device, torch.float64).dtype)  # device and dtype in one call
print(x.to(torch.int64).dtype)  # or only a dtype
# --8<-- [end:to_device]

# --8<-- [start:to_not_in_place]
import torch

x = torch.ones(2)
x.to(torch.float64)  # returns a new tensor, which is thrown away
print(x.dtype)  # unchanged; x.to(device) alone leaves x on its old device the same way
x = x.to(torch.float64)  # assign the result
print(x.dtype)
# --8<-- [end:to_not_in_place]

# --8<-- [start:module_to]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
model = nn.Linear(3, 1)
returned = model.to(device)  # a module moves its parameters in place...
print(returned is model)  # ...and returns itself, so assigning is optional
print(model.weight.device.type == device)
x = torch.ones(2)
print(x.to(torch.float64) is x)  # a tensor is never changed in place: new tensor
print(model(torch.ones(4, 3, device=device)).shape)  # inputs go to the same device
# --8<-- [end:module_to]

# --8<-- [start:cpu]
import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
x = torch.tensor([1.0, 2.0], device=device)
y = (x * 2).cpu()  # a copy in host memory; returns the tensor itself if already there
print(y, y.device)
print(y.tolist())  # host memory is what Python, NumPy and printing work with
# --8<-- [end:cpu]

# --8<-- [start:cuda]
import torch

if torch.cuda.is_available():  # .cuda() raises on a machine without a GPU
    x = torch.ones(2).cuda()  # same as .to("cuda"): the current GPU
    print(x.device, x.cpu().device)
# --8<-- [end:cuda]

# --8<-- [start:set_default_device]
import numpy as np
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.set_default_device(device)  # from here on, for the rest of the program (this thread)
print(torch.zeros(3).device.type == device, torch.get_default_device().type == device)
print(nn.Linear(2, 2).weight.device.type == device)  # layers create their parameters there
print(torch.zeros(3, device="cpu").device)  # an explicit device= still wins
print(torch.from_numpy(np.zeros(2)).device)  # shared NumPy memory stays on the CPU
torch.set_default_device(None)  # undo: back to the CPU
print(torch.get_default_device())
# --8<-- [end:set_default_device]

# --8<-- [start:device_context]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
with torch.device(device):  # the default device only inside the block
    model = nn.Linear(4, 2)
    x = torch.ones(3, 4)
print(model(x).device.type == device)
print(torch.ones(1).device)  # after the block: the CPU again
# --8<-- [end:device_context]

# --8<-- [start:pin_memory]
import torch

if torch.cuda.is_available():  # pinning needs a working CUDA driver
    x = torch.ones(1000).pin_memory()  # page-locked host memory
    print(x.is_pinned(), x.device)  # still a CPU tensor
    y = x.to("cuda", non_blocking=True)  # an asynchronous copy
    torch.cuda.synchronize()  # wait for it before timing it
    print(y.is_cuda)
# --8<-- [end:pin_memory]

# --8<-- [start:non_blocking]
import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
batch = torch.ones(64, 3, 32, 32)
on_gpu = device == "cuda"  # device is a string here
if on_gpu:
    batch = batch.pin_memory()  # pin only where there is a CUDA GPU to copy to
batch = batch.to(device, non_blocking=on_gpu)  # returns at once; the copy overlaps other work
print(batch.shape, batch.sum().item())  # .item() waits for the copy to finish
# --8<-- [end:non_blocking]
