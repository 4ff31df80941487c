"""Pick a device and put the model and the data on it."""

# --8<-- [start:pick]
import torch

# CUDA (NVIDIA, or AMD with a ROCm build), MPS (Apple silicon), XPU (Intel), ... or the CPU
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(device)
x = torch.ones(2, device=device)  # a string such as "cuda" works wherever a device is expected
print(x.device.type == device)
# --8<-- [end:pick]

# --8<-- [start:device_objects]
import torch

gpu1 = torch.device("cuda:1")  # only a name: no GPU is needed to create it
print(gpu1.type == "cuda", gpu1.index)  # type and index
print(torch.device("cuda", 1) == gpu1)
print(torch.device("cuda").index)  # None: "the current CUDA device"
print(torch.device("cuda") == torch.device("cuda:0"))
print(torch.zeros(2).device == "cpu")  # a device is never equal to a string
print(torch.zeros(2).device.type == "cpu")  # compare .type instead
# --8<-- [end:device_objects]

# --8<-- [start:move]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
model = nn.Linear(3, 2).to(device)  # a module moves in place (and returns itself)
x = torch.randn(4, 3).to(device)  # a tensor is copied: keep the result
y = model(x)
print(y.shape, y.device.type == device)
z = torch.ones(4, 2, device=device)  # create on the device directly, no copy
print((y + z).shape)
# --8<-- [end:move]

# --8<-- [start:where]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
model = nn.Linear(3, 2).to(device)
x = torch.randn(4, 3, device=device)
print(x.device)  # cpu, or cuda:0 (mps:0, ...) for the first GPU
print(next(model.parameters()).device)  # a model has no .device: ask a parameter
print({p.device.type for p in model.parameters()})  # all of them, in one set
# --8<-- [end:where]

# --8<-- [start:accelerator]
import torch

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()  # a torch.device: type and index
    print(device, torch.accelerator.device_count(), torch.accelerator.current_device_index())
else:
    print("no accelerator: the CPU")
# --8<-- [end:accelerator]

# --8<-- [start:accelerator_pitfall]
import torch

print(torch.accelerator.is_available())
print(torch.accelerator.current_accelerator())  # what the build supports
print(torch.accelerator.current_accelerator(check_available=True))  # what is usable
# --8<-- [end:accelerator_pitfall]

# --8<-- [start:same_device]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
model = nn.Linear(3, 2).to(device)
x = torch.randn(4, 3)  # forgot .to(device)
print(next(model.parameters()).device == x.device)  # False on a GPU machine
x = x.to(device)
print(next(model.parameters()).device == x.device)
print(model(x).shape)
# --8<-- [end:same_device]

# --8<-- [start:mismatch_error]
import torch
from torch import nn

if torch.cuda.is_available():
    model = nn.Linear(3, 2).to("cuda")
    try:
        model(torch.randn(4, 3))  # the batch is still on the CPU
    except RuntimeError as e:
        print(type(e).__name__, str(e).split(",")[0])
else:
    print("needs a CUDA GPU to fail")
# --8<-- [end:mismatch_error]

# --8<-- [start:before_2_6_accelerator]
import torch

device = (
    "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
)
x = torch.ones(2, device=device)
# --8<-- [end:before_2_6_accelerator]
