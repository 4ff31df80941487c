"""Model ensembling: stack_module_state + vmap over several models instead of a loop."""

# --8<-- [start:stack_and_vmap]
import copy

import torch
from torch import nn
from torch.func import functional_call, stack_module_state, vmap


def make_model():
    return nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))


torch.manual_seed(0)
models = [make_model() for _ in range(5)]  # same architecture, different weights
params, buffers = stack_module_state(models)  # each entry: (5, *shape of one model's tensor)
print({name: tuple(p.shape) for name, p in params.items()})

base = copy.deepcopy(models[0]).to("meta")  # a shell with the structure, holding no data


def call_one(params, buffers, x):
    return functional_call(base, (params, buffers), (x,))


x = torch.randn(8, 4)  # one minibatch for every model
out = vmap(call_one, in_dims=(0, 0, None))(params, buffers, x)
loop = torch.stack([m(x) for m in models])
print(out.shape, torch.allclose(out, loop, atol=1e-6))
# --8<-- [end:stack_and_vmap]

# --8<-- [start:different_batches]
import copy

import torch
from torch import nn
from torch.func import functional_call, stack_module_state, vmap

torch.manual_seed(0)
models = [nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3)) for _ in range(5)]
params, buffers = stack_module_state(models)
base = copy.deepcopy(models[0]).to("meta")


def call_one(params, buffers, x):
    return functional_call(base, (params, buffers), (x,))


xs = torch.randn(5, 8, 4)  # a different minibatch for each model
out = vmap(call_one)(params, buffers, xs)  # in_dims=0 everywhere
loop = torch.stack([m(xi) for m, xi in zip(models, xs, strict=True)])
print(out.shape, torch.allclose(out, loop, atol=1e-6))
# --8<-- [end:different_batches]

# --8<-- [start:stacked_are_copies]
import torch
from torch import nn
from torch.func import stack_module_state

torch.manual_seed(0)
models = [nn.Linear(2, 2) for _ in range(3)]
params, _ = stack_module_state(models)
with torch.no_grad():
    models[0].weight.zero_()  # change an original after stacking
print(torch.equal(params["weight"][0], models[0].weight))  # the stack kept the old values
print(params["weight"].is_leaf, params["weight"].requires_grad)  # trainable tensors of their own
# --8<-- [end:stacked_are_copies]

# --8<-- [start:train_ensemble]
import copy

import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call, stack_module_state, vmap

torch.manual_seed(0)
models = [nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3)) for _ in range(5)]
params, buffers = stack_module_state(models)
base = copy.deepcopy(models[0]).to("meta")
ensemble = vmap(lambda p, b, x: functional_call(base, (p, b), (x,)), in_dims=(0, 0, None))
optimizer = torch.optim.Adam(params.values(), lr=1e-2)  # one optimizer for all 5 models
x, y = torch.randn(64, 4), torch.randint(0, 3, (64,))
for step in range(30):
    optimizer.zero_grad()
    logits = ensemble(params, buffers, x)  # (5, 64, 3)
    losses = torch.stack([F.cross_entropy(out, y) for out in logits])  # one loss per model
    losses.sum().backward()  # the models share nothing, so each gets its own gradient
    optimizer.step()
    if step in (0, 29):
        print(step, [round(v, 2) for v in losses.tolist()])
# --8<-- [end:train_ensemble]
