"""Parametrizations: a custom constraint, weight_norm, orthogonal, spectral_norm, removal; pruning."""

# --8<-- [start:symmetric]
import torch
import torch.nn.utils.parametrize as parametrize
from torch import nn


class Symmetric(nn.Module):
    def forward(self, X):  # the weight the layer uses, computed from an unconstrained tensor
        return X.triu() + X.triu(1).transpose(-1, -2)


torch.manual_seed(0)
layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Symmetric())
print(torch.equal(layer.weight, layer.weight.T))
optimizer = torch.optim.SGD(layer.parameters(), lr=0.1)
layer(torch.randn(4, 3)).pow(2).sum().backward()
optimizer.step()  # trains the unconstrained tensor ...
print(torch.equal(layer.weight, layer.weight.T))  # ... so the weight stays symmetric
print(list(layer.state_dict()))  # the original tensor is what is saved
# --8<-- [end:symmetric]

# --8<-- [start:weight_norm]
import torch
from torch import nn
from torch.nn.utils import parametrizations

torch.manual_seed(0)
layer = parametrizations.weight_norm(nn.Linear(4, 2))  # weight = g * v / ||v||, per output row
g = layer.parametrizations.weight.original0  # the magnitude of each row
v = layer.parametrizations.weight.original1  # the direction
print(g.shape, v.shape)
print(torch.allclose(layer.weight, g * v / v.norm(dim=1, keepdim=True)))
print(list(layer.state_dict()))
# --8<-- [end:weight_norm]

# --8<-- [start:orthogonal]
import torch
from torch import nn
from torch.nn.utils import parametrizations

torch.manual_seed(0)
constrained = parametrizations.orthogonal(nn.Linear(4, 4))
initialized = nn.Linear(4, 4)
nn.init.orthogonal_(initialized.weight)  # orthogonal at the start only
for layer in (constrained, initialized):
    optimizer = torch.optim.SGD(layer.parameters(), lr=0.05)
    for _ in range(3):
        optimizer.zero_grad()
        layer(torch.randn(8, 4)).pow(2).sum().backward()
        optimizer.step()
    W = layer.weight
    print(torch.allclose(W @ W.T, torch.eye(4), atol=1e-5))
# --8<-- [end:orthogonal]

# --8<-- [start:spectral_norm]
import torch
from torch import nn
from torch.nn.utils import parametrizations

torch.manual_seed(0)
layer = parametrizations.spectral_norm(nn.Linear(8, 8))  # divides W by its largest singular value
W = layer.parametrizations.weight.original
print(round(torch.linalg.matrix_norm(W, ord=2).item(), 3))  # before: sigma of W itself
for _ in range(5):
    layer(torch.randn(1, 8))  # in training mode each forward runs one power iteration
print(round(torch.linalg.matrix_norm(layer.weight, ord=2).item(), 3))  # after: 1
print(list(layer.state_dict()))  # the power-iteration vectors are saved too
# --8<-- [end:spectral_norm]

# --8<-- [start:remove]
import torch
import torch.nn.utils.parametrize as parametrize
from torch import nn
from torch.nn.utils import parametrizations

torch.manual_seed(0)
layer = parametrizations.weight_norm(nn.Linear(4, 2))
result = nn.Linear(4, 2).load_state_dict(layer.state_dict(), strict=False)
print(result.missing_keys, len(result.unexpected_keys))  # a plain Linear cannot load it
weight = layer.weight.detach().clone()
parametrize.remove_parametrizations(layer, "weight")  # keeps the current value as a plain weight
print(type(layer).__name__, list(layer.state_dict()))
print(torch.equal(layer.weight, weight))
# --8<-- [end:remove]

# --8<-- [start:cached]
import torch
import torch.nn.utils.parametrize as parametrize
from torch import nn
from torch.nn.utils import parametrizations

layer = parametrizations.orthogonal(nn.Linear(4, 4))
print(layer.weight is layer.weight)  # recomputed on every access
with parametrize.cached():  # computed once inside the block, e.g. for an RNN's time steps
    print(layer.weight is layer.weight)
# --8<-- [end:cached]

# --8<-- [start:prune]
import torch
import torch.nn.utils.prune as prune
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(8, 4)
prune.l1_unstructured(layer, name="weight", amount=0.5)  # mask the 50% smallest |weights|
print([n for n, _ in layer.named_parameters()], [n for n, _ in layer.named_buffers()])
print(torch.equal(layer.weight, layer.weight_orig * layer.weight_mask))
optimizer = torch.optim.SGD(layer.parameters(), lr=0.1)
layer(torch.randn(16, 8)).pow(2).sum().backward()
optimizer.step()  # trains weight_orig; the mask keeps the pruned entries at zero
layer(torch.randn(1, 8))  # the next forward pass recomputes layer.weight
print(f"sparsity after a step: {(layer.weight == 0).float().mean():.0%}")
# --8<-- [end:prune]

# --8<-- [start:prune_remove]
import torch
import torch.nn.utils.prune as prune
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(10, 10)  # 100 weights
for _ in range(3):
    prune.l1_unstructured(layer, name="weight", amount=0.5)  # 50% of the weights still left
    print(f"sparsity: {(layer.weight == 0).float().mean():.1%}")
prune.remove(layer, "weight")  # permanent: an ordinary weight parameter that holds zeros
print(list(layer.state_dict()), prune.is_pruned(layer))
print(f"sparsity: {(layer.weight == 0).float().mean():.1%}")
# --8<-- [end:prune_remove]
