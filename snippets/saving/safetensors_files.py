"""safetensors: save_file/load_file, metadata, tied weights with save_model/load_model, safe_open."""

# --8<-- [start:save_load]
import torch
from safetensors.torch import load_file, save_file
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
save_file(model.state_dict(), "model.safetensors")  # a dict of tensors, nothing else

state = load_file("model.safetensors", device="cpu")  # a plain dict of tensors
new = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
print(new.load_state_dict(state))
print(all(torch.equal(a, b) for a, b in zip(model.parameters(), new.parameters(), strict=True)))
# --8<-- [end:save_load]

# --8<-- [start:metadata]
import torch
from safetensors import safe_open
from safetensors.torch import save_file

weights = {"weight": torch.ones(2, 3)}
save_file(weights, "model.safetensors", metadata={"epoch": "3", "arch": "linear-3-2"})
with safe_open("model.safetensors", framework="pt") as f:
    print(sorted(f.metadata().items()))  # str -> str only

try:
    save_file(weights, "model.safetensors", metadata={"epoch": 3})
except TypeError as e:
    print(type(e).__name__, e)
try:
    save_file({"weight": torch.ones(2), "lr": 0.1}, "model.safetensors")
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:metadata]

# --8<-- [start:tied_error]
import torch
from safetensors.torch import save_file
from torch import nn


class TiedLM(nn.Module):  # the output layer shares the embedding's matrix, as in many LMs
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(10, 4)
        self.head = nn.Linear(4, 10, bias=False)
        self.head.weight = self.embed.weight  # one tensor, two names in the state_dict


model = TiedLM()
try:
    save_file(model.state_dict(), "model.safetensors")
except RuntimeError as e:
    first, advice = [line.strip() for line in str(e).strip().splitlines()][:2]
    print(type(e).__name__, first.split(": [")[0])
    print(advice)
# --8<-- [end:tied_error]

# --8<-- [start:save_model]
import torch
from safetensors import safe_open
from safetensors.torch import load_model, save_model
from torch import nn


class TiedLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(10, 4)
        self.head = nn.Linear(4, 10, bias=False)
        self.head.weight = self.embed.weight


torch.manual_seed(0)
save_model(TiedLM(), "model.safetensors")  # stores the shared tensor once
with safe_open("model.safetensors", framework="pt") as f:
    print(list(f.keys()), sorted(f.metadata().items()))  # the alias is kept in the metadata

model = TiedLM()
missing, unexpected = load_model(model, "model.safetensors")  # strict=True by default
print(sorted(missing), sorted(unexpected), model.head.weight is model.embed.weight)
# --8<-- [end:save_model]

# --8<-- [start:safe_open]
import torch
from safetensors import safe_open
from safetensors.torch import save_file

save_file({"embed": torch.arange(12.0).reshape(6, 2), "bias": torch.zeros(6)}, "big.safetensors")
with safe_open("big.safetensors", framework="pt", device="cpu") as f:
    print(sorted(f.keys()))
    rows = f.get_slice("embed")  # nothing read yet
    print(rows.get_shape(), rows.get_dtype())
    print(rows[1:3])  # reads only these rows from the file
    print(f.get_tensor("bias").shape)
# --8<-- [end:safe_open]

# --8<-- [start:no_code]
import json

import torch
from safetensors.torch import save_file

save_file({"weight": torch.ones(2, 3)}, "model.safetensors", metadata={"epoch": "3"})
with open("model.safetensors", "rb") as f:
    header_size = int.from_bytes(f.read(8), "little")  # 8 bytes: the length of the header
    header = json.loads(f.read(header_size))  # then a JSON header, then raw tensor bytes
for name, entry in sorted(header.items()):
    print(name, entry)
# --8<-- [end:no_code]
