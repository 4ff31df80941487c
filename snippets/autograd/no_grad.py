"""Stop tracking: no_grad, inference_mode, detach, requires_grad_(False)."""

# --8<-- [start:no_grad]
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    y = x * 2  # computed, but not recorded
print(y.requires_grad, y.grad_fn)
print((x * 2).requires_grad)  # tracking is back outside the block
# --8<-- [end:no_grad]

# --8<-- [start:no_grad_decorator]
import torch
from torch import nn


@torch.no_grad()  # the same, for a whole function
def predict(model, x):
    return model(x)


model = nn.Linear(3, 1)
print(predict(model, torch.ones(2, 3)).requires_grad)
print(model(torch.ones(2, 3)).requires_grad)
# --8<-- [end:no_grad_decorator]

# --8<-- [start:set_grad_enabled]
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
for training in (True, False):
    with torch.set_grad_enabled(training):  # switch on a flag
        y = x * 2
    print(training, y.requires_grad)
# --8<-- [end:set_grad_enabled]

# --8<-- [start:enable_grad]
import torch
from torch import nn


@torch.enable_grad()  # tracks even when the caller has switched tracking off
def input_gradient(model, x):
    x = x.detach().requires_grad_(True)
    return torch.autograd.grad(model(x).sum(), x)[0]  # leaves the parameters' .grad alone


model = nn.Linear(3, 1)
x = torch.ones(1, 3)
with torch.no_grad():  # e.g. a validation loop that also wants a saliency map
    print(model(x).requires_grad)
    g = input_gradient(model, x)
    print(torch.equal(g, model.weight))  # d(x @ W.T + b)/dx is W
    with torch.enable_grad():  # the context-manager form
        print(model(x).requires_grad)
with torch.inference_mode(), torch.enable_grad():
    print(model(x).requires_grad)  # inference_mode still wins
# --8<-- [end:enable_grad]

# --8<-- [start:inference_mode]
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.inference_mode():  # like no_grad, with less bookkeeping
    y = x * 2
print(y.requires_grad, y.is_inference())
# --8<-- [end:inference_mode]

# --8<-- [start:inference_mode_pitfall]
import torch

with torch.inference_mode():
    features = torch.ones(2) * 3  # e.g. cached outputs of a frozen model
w = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    (features * w).sum().backward()
except RuntimeError as e:
    print(type(e).__name__, str(e).split(".")[0])

(features.clone() * w).sum().backward()  # a clone is a normal tensor
print(w.grad)
# --8<-- [end:inference_mode_pitfall]

# --8<-- [start:detach]
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
d = x.detach()  # same memory, cut out of the graph
print(d.requires_grad, d.data_ptr() == x.data_ptr())
print(d.numpy())  # x.numpy() would raise: x requires grad

y = x * x.detach()  # the detached factor counts as a constant
y.sum().backward()
print(x.grad)  # x, not 2x
# --8<-- [end:detach]

# --8<-- [start:requires_grad_false]
import torch
from torch import nn

layer = nn.Linear(3, 1)
layer.weight.requires_grad_(False)  # freeze the weight, train the bias
layer(torch.ones(4, 3)).sum().backward()
print(layer.weight.grad, layer.bias.grad)
print([name for name, p in layer.named_parameters() if p.requires_grad])
# --8<-- [end:requires_grad_false]
