"""Large models: the meta device, torch.load(mmap=True), load_state_dict(assign=True), to_empty."""

# --8<-- [start:meta_device]
import torch
from torch import nn

with torch.device("meta"):  # every tensor created inside is on the meta device
    layer = nn.Linear(50_000, 50_000)  # 2.5 billion parameters
weight = layer.weight
print(weight.device, weight.is_meta, weight.shape, f"{weight.nbytes / 1e9:.0f} GB if it were real")
print(layer(torch.empty(8, 50_000, device="meta")).shape)  # shapes still propagate
try:
    weight.tolist()
except NotImplementedError as e:
    print(type(e).__name__, e)
# --8<-- [end:meta_device]

# --8<-- [start:mmap_assign]
import torch
from torch import nn

torch.manual_seed(0)
trained = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.Linear(8, 2)).eval()
torch.save(trained.state_dict(), "model.pt")

state = torch.load("model.pt", mmap=True)  # weights_only=True is the default: tensors only
with torch.device("meta"):
    model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.Linear(8, 2)).eval()
print(model.load_state_dict(state, assign=True))  # the loaded tensors become the parameters
weight = model[0].weight
print(weight.device, type(weight).__name__, weight.requires_grad)
print("same memory as the loaded tensor:", weight.data_ptr() == state["0.weight"].data_ptr())
x = torch.randn(3, 4)
print("same outputs:", torch.equal(model(x), trained(x)))
# --8<-- [end:mmap_assign]

# --8<-- [start:no_assign_pitfall]
import warnings

import torch
from torch import nn

torch.save(nn.Linear(4, 2).state_dict(), "model.pt")
with torch.device("meta"):
    model = nn.Linear(4, 2)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(model.load_state_dict(torch.load("model.pt")))  # no assign=True
print(model.weight.device)  # still no data
print(caught[0].category.__name__, str(caught[0].message).split(". (")[0])
# --8<-- [end:no_assign_pitfall]

# --8<-- [start:assign_dtype]
import torch
from torch import nn

half = {k: v.to(torch.bfloat16) for k, v in nn.Linear(4, 2).state_dict().items()}
torch.save(half, "model_bf16.pt")  # a checkpoint published in bfloat16

copied = nn.Linear(4, 2)  # float32
copied.load_state_dict(torch.load("model_bf16.pt"))  # copies into float32 tensors
with torch.device("meta"):
    assigned = nn.Linear(4, 2)
assigned.load_state_dict(torch.load("model_bf16.pt", mmap=True), assign=True)
print(copied.weight.dtype, assigned.weight.dtype)  # assign keeps the file's dtype
# --8<-- [end:assign_dtype]

# --8<-- [start:non_persistent]
import torch
from torch import nn


class Scaled(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 2)
        self.register_buffer("scale", torch.tensor(2.0), persistent=False)  # not in state_dict

    def forward(self, x):
        return self.linear(x) * self.scale


torch.save(Scaled().state_dict(), "model.pt")
with torch.device("meta"):
    model = Scaled()
model.load_state_dict(torch.load("model.pt", mmap=True), assign=True)
print(sorted(torch.load("model.pt")), model.scale.device)
try:
    model(torch.randn(1, 4))
except RuntimeError as e:
    print(type(e).__name__, e)
model.scale = torch.tensor(2.0)  # recreate what the state dict does not hold
print(model(torch.randn(1, 4)).shape)
# --8<-- [end:non_persistent]

# --8<-- [start:to_empty]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
with torch.device("meta"):
    model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.Linear(8, 2))
model.to_empty(device=device)  # real memory on the device, with whatever bytes were there
for module in model.modules():
    if hasattr(module, "reset_parameters"):  # Linear, BatchNorm, Conv, ...: their usual init
        module.reset_parameters()
print(model[0].weight.device.type == device, model[0].weight.is_meta)
print(bool((model[1].running_var == 1).all()), int(model[1].num_batches_tracked))
# --8<-- [end:to_empty]
