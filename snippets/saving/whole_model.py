"""Whole-model save/load: what weights_only means, and why to prefer state_dict."""

# --8<-- [start:default_refuses]
import os
import pickle
import tempfile

import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "whole.pt")
    torch.save(model, path)  # pickles the module object itself
    try:
        torch.load(path)  # weights_only=True is the default
    except pickle.UnpicklingError as e:
        msg = str(e)
        print(type(e).__name__, msg.split(".")[0])
        print(msg[msg.index("Unsupported global") :].split(" was")[0])
# --8<-- [end:default_refuses]

# --8<-- [start:weights_only_false]
import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "whole.pt")
    torch.save(model, path)
    loaded = torch.load(path, weights_only=False)  # runs pickle: only for files you trust
print(type(loaded).__name__, loaded is model)
x = torch.randn(2, 4)
print(torch.equal(loaded(x), model(x)))
# --8<-- [end:weights_only_false]

# --8<-- [start:class_needed]
import os
import tempfile

import torch
from torch import nn


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)

    def forward(self, x):
        return self.fc(x)


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "whole.pt")
    torch.save(TinyNet(), path)
    print(sorted(torch.serialization.get_unsafe_globals_in_checkpoint(path)))  # runs nothing
    del TinyNet  # as in a script that neither defines nor imports the class
    try:
        torch.load(path, weights_only=False)
    except AttributeError as e:
        print(type(e).__name__, str(e).split(" on <")[0])
# --8<-- [end:class_needed]

# --8<-- [start:safe_globals]
import os
import tempfile

import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "whole.pt")
    torch.save(model, path)
    with torch.serialization.safe_globals([nn.Sequential, nn.Linear, nn.ReLU]):
        loaded = torch.load(path, weights_only=True)  # only these classes may be built
print(type(loaded).__name__, [type(m).__name__ for m in loaded])
# --8<-- [end:safe_globals]

# --8<-- [start:add_safe_globals]
import pickle
from dataclasses import dataclass

import torch


@dataclass
class Config:
    hidden: int = 8
    lr: float = 1e-3


torch.save({"config": Config(), "step": 100}, "ckpt.pt")
try:
    torch.load("ckpt.pt")  # weights_only=True
except pickle.UnpicklingError as e:
    msg = str(e)
    print(msg[msg.index("Unsupported global") :].split(" was")[0])
torch.serialization.add_safe_globals([Config])  # from now on, for the whole process
ckpt = torch.load("ckpt.pt")
print(ckpt["config"], ckpt["step"])
print(Config in torch.serialization.get_safe_globals())
# --8<-- [end:add_safe_globals]

# --8<-- [start:prefer_state_dict]
import os
import tempfile

import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "weights.pt")
    torch.save(model.state_dict(), path)  # tensors only
    print(torch.serialization.get_unsafe_globals_in_checkpoint(path))  # nothing to trust
    state = torch.load(path, weights_only=True)
restored = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))  # the code builds it
print(restored.load_state_dict(state))
# --8<-- [end:prefer_state_dict]

# --8<-- [start:before_2_6_weights_only]
import torch
from torch import nn

torch.save(nn.Linear(2, 1).state_dict(), "weights.pt")
state = torch.load("weights.pt", weights_only=True)  # before 2.6 the default was False: say it
# --8<-- [end:before_2_6_weights_only]
