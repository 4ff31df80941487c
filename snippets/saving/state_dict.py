"""Save and load a state_dict: for inference, with strict=False, across devices."""

# --8<-- [start:save_load]
import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "model.pt")
    torch.save(model.state_dict(), path)  # only the tensors, by name

    restored = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))  # same architecture
    print(restored.load_state_dict(torch.load(path, weights_only=True)))
restored.eval()  # before inference: dropout off, batch norm uses running stats

x = torch.randn(3, 4)
print(torch.equal(model(x), restored(x)))
# --8<-- [end:save_load]

# --8<-- [start:contents]
import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.Linear(8, 2))
for name, tensor in model.state_dict().items():  # parameters and buffers
    print(name, tuple(tensor.shape))
# --8<-- [end:contents]

# --8<-- [start:strict_false]
import torch
from torch import nn

old = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
new = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2), nn.ReLU(), nn.Linear(2, 1))
state = {k: v for k, v in old.state_dict().items() if k != "2.bias"}  # one key dropped
state["extra.weight"] = torch.zeros(1)  # one key the model does not have

result = new.load_state_dict(state, strict=False)  # load what matches, report the rest
print(result.missing_keys)
print(result.unexpected_keys)
print(torch.equal(new[0].weight, old[0].weight))
# --8<-- [end:strict_false]

# --8<-- [start:strict_error]
import torch
from torch import nn

old = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
new = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2), nn.ReLU(), nn.Linear(2, 1))
try:
    new.load_state_dict(old.state_dict())  # strict=True is the default
except RuntimeError as e:
    print(type(e).__name__, " ".join(str(e).split()))
# --8<-- [end:strict_error]

# --8<-- [start:size_mismatch]
import torch
from torch import nn

old = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 10))  # 10 classes
new = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))  # a new 3-class head
try:
    new.load_state_dict(old.state_dict(), strict=False)  # strict=False does not help here
except RuntimeError as e:
    print(type(e).__name__, str(e).splitlines()[1].strip())

own = new.state_dict()
fits = {k: v for k, v in old.state_dict().items() if v.shape == own[k].shape}
print(new.load_state_dict(fits, strict=False).missing_keys)
# --8<-- [end:size_mismatch]

# --8<-- [start:prefix]
import torch
from torch import nn
from torch.nn.modules.utils import consume_prefix_in_state_dict_if_present

model = nn.Linear(2, 1)
state = {"module." + k: v for k, v in model.state_dict().items()}  # as saved from DDP
print(list(state))
consume_prefix_in_state_dict_if_present(state, "module.")  # edits state in place
print(list(state), model.load_state_dict(state))
# --8<-- [end:prefix]

# --8<-- [start:map_location]
import os
import tempfile

import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
model = nn.Linear(2, 1).to(device)
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "model.pt")
    torch.save(model.state_dict(), path)  # tensors remember their device
    on_cpu = torch.load(path, map_location="cpu", weights_only=True)  # works without a GPU
    on_device = torch.load(path, map_location=device, weights_only=True)
# compare the type: map_location="cuda" loads to "cuda:0", whose .type is "cuda"
print(on_cpu["weight"].device, on_device["weight"].device.type == device)
# --8<-- [end:map_location]

# --8<-- [start:from_url]
import os

import torch
from torchvision.models import resnet18

url = "https://download.pytorch.org/models/resnet18-f37072fd.pth"  # ResNet18_Weights.DEFAULT.url
state_dict = torch.hub.load_state_dict_from_url(
    url,
    map_location="cpu",
    weights_only=True,  # its default is False, unlike torch.load's
    check_hash=True,  # check the download against "f37072fd", the start of its SHA-256
)
model = resnet18()  # the architecture, built in code, as for any state_dict
print(model.load_state_dict(state_dict))
print(os.listdir(os.path.join(torch.hub.get_dir(), "checkpoints")))  # where the file is kept
# --8<-- [end:from_url]
