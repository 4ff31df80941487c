"""nn.Linear in depth: weight shape, y = x W^T + b, setting weights."""

# --8<-- [start:shapes]
from torch import nn

layer = nn.Linear(in_features=4, out_features=3)
print(layer)
print("weight:", tuple(layer.weight.shape))  # (out_features, in_features)
print("bias:  ", tuple(layer.bias.shape))
print(sum(p.numel() for p in layer.parameters()))  # 4*3 + 3
# --8<-- [end:shapes]

# --8<-- [start:formula]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(4, 3)
x = torch.randn(5, 4)

manual = x @ layer.weight.T + layer.bias
print(torch.allclose(layer(x), manual))
print(torch.allclose(layer(x), F.linear(x, layer.weight, layer.bias)))
# --8<-- [end:formula]

# --8<-- [start:leading_dims]
import torch
from torch import nn

layer = nn.Linear(4, 3)
print(layer(torch.randn(4)).shape)  # one sample
print(layer(torch.randn(2, 4)).shape)  # a batch
print(layer(torch.randn(2, 7, 4)).shape)  # a batch of sequences: acts on the last dim
# --8<-- [end:leading_dims]

# --8<-- [start:set_weights]
import torch
from torch import nn

layer = nn.Linear(2, 2)
with torch.no_grad():  # in-place changes to a parameter must not be recorded
    layer.weight.copy_(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
    layer.bias.fill_(0.5)

print(layer(torch.tensor([[1.0, 1.0]])))
print(layer.weight.requires_grad)  # still a trainable parameter
# --8<-- [end:set_weights]

# --8<-- [start:assign_parameter]
import torch
from torch import nn

layer = nn.Linear(2, 1, bias=False)
try:
    layer.weight = torch.tensor([[1.0, -1.0]])  # a plain tensor is refused
except TypeError as e:
    print(type(e).__name__, e)

layer.weight = nn.Parameter(torch.tensor([[1.0, -1.0]]))  # replaces the parameter
print(layer(torch.tensor([[3.0, 1.0]])))
print([name for name, _ in layer.named_parameters()])
# --8<-- [end:assign_parameter]

# --8<-- [start:inplace_pitfall]
import torch
from torch import nn

layer = nn.Linear(2, 2)
try:
    layer.weight.fill_(1.0)  # outside no_grad
except RuntimeError as e:
    print(type(e).__name__, e)

with torch.no_grad():
    layer.weight.fill_(1.0)
print(layer.weight.sum().item())
# --8<-- [end:inplace_pitfall]
