"""Containers: nn.Sequential (plain and named), nn.ModuleList, nn.ModuleDict."""

# --8<-- [start:sequential]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))

x = torch.randn(3, 4)
print(model(x).shape)  # no forward to write: layers run in order
print(len(model), model[0])  # index like a list
print(model[:2](x).shape)  # a slice is a Sequential too: the hidden features
# --8<-- [end:sequential]

# --8<-- [start:named_sequential]
from collections import OrderedDict

import torch
from torch import nn

model = nn.Sequential(
    OrderedDict(
        [
            ("hidden", nn.Linear(4, 8)),
            ("act", nn.ReLU()),
            ("out", nn.Linear(8, 2)),
        ]
    )
)
print(model)
print(model.hidden is model[0])  # reach a layer by name or by position
print(model.out.weight.shape)
# --8<-- [end:named_sequential]

# --8<-- [start:list_pitfall]
from torch import nn


class PlainList(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(4, 4) for _ in range(3)]  # a Python list hides them


class Registered(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(4, 4) for _ in range(3))


for model in (PlainList(), Registered()):
    n = sum(p.numel() for p in model.parameters())
    print(f"{type(model).__name__:<10} parameters={n:<3} state_dict keys={len(model.state_dict())}")
# --8<-- [end:list_pitfall]

# --8<-- [start:module_list]
import torch
from torch import nn


class Deep(nn.Module):
    def __init__(self, width, depth):
        super().__init__()
        self.blocks = nn.ModuleList(nn.Linear(width, width) for _ in range(depth))

    def forward(self, x):
        for block in self.blocks:  # your own loop: residual connections, skips, ...
            x = x + torch.relu(block(x))
        return x


model = Deep(width=4, depth=3)
print(model(torch.randn(2, 4)).shape, len(model.blocks))
# --8<-- [end:module_list]

# --8<-- [start:module_dict]
import torch
from torch import nn


class Heads(nn.Module):
    def __init__(self):
        super().__init__()
        self.heads = nn.ModuleDict({"age": nn.Linear(8, 1), "label": nn.Linear(8, 5)})

    def forward(self, x, task):
        return self.heads[task](x)


model = Heads()
x = torch.randn(2, 8)
print(model(x, "age").shape, model(x, "label").shape)
print(list(model.state_dict()))
# --8<-- [end:module_dict]
