"""Weight initialization with nn.init (constants, orthogonal, identity) and model.apply."""

# --8<-- [start:default_init]
import math

import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(256, 64)  # already initialized: uniform in +-1/sqrt(in_features)
bound = 1 / math.sqrt(256)
print("bound:", round(bound, 4))
print("max |weight|:", round(layer.weight.abs().max().item(), 4))
print("max |bias|:  ", round(layer.bias.abs().max().item(), 4))
# --8<-- [end:default_init]

# --8<-- [start:xavier_kaiming]
import math

import torch
from torch import nn

torch.manual_seed(0)
w = torch.empty(128, 256)  # (fan_out, fan_in), like a Linear weight
nn.init.xavier_uniform_(w)  # U(-a, a), a = sqrt(6 / (fan_in + fan_out))
print("xavier max:", round(w.abs().max().item(), 4), "bound:", round(math.sqrt(6 / (256 + 128)), 4))
nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu")  # N(0, 2 / fan_in)
print("kaiming std:", round(w.std().item(), 3), "expected:", round(math.sqrt(2 / 256), 3))
print("gain for relu:", round(nn.init.calculate_gain("relu"), 4))  # sqrt(2)
# --8<-- [end:xavier_kaiming]

# --8<-- [start:constant_orthogonal]
import torch
from torch import nn

layer = nn.Linear(4, 4)
nn.init.zeros_(layer.bias)
nn.init.constant_(layer.weight, 0.5)
print(layer(torch.ones(1, 4)).tolist())  # each output: 4 * 0.5 + 0

torch.manual_seed(0)
nn.init.orthogonal_(layer.weight)  # rows are orthonormal: W @ W.T = I
print(torch.allclose(layer.weight @ layer.weight.T, torch.eye(4), atol=1e-6))
# --8<-- [end:constant_orthogonal]

# --8<-- [start:identity]
import torch
from torch import nn

torch.manual_seed(0)
linear = nn.Linear(4, 4)
nn.init.eye_(linear.weight)  # the identity matrix
nn.init.zeros_(linear.bias)
x = torch.randn(2, 4)
print(torch.equal(linear(x), x))

conv = nn.Conv2d(3, 3, kernel_size=3, padding=1)
nn.init.dirac_(conv.weight)  # a 1 at the kernel's centre, from each channel to itself
nn.init.zeros_(conv.bias)
images = torch.randn(2, 3, 8, 8)
print(torch.allclose(conv(images), images))
print(conv.weight[0, 0].tolist())
try:
    nn.init.eye_(conv.weight)  # eye_ is for 2-D weights only
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:identity]

# --8<-- [start:apply]
import torch
from torch import nn


def init_weights(m):
    if isinstance(m, nn.Linear):  # apply() visits every submodule, containers included
        nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
        nn.init.zeros_(m.bias)


torch.manual_seed(0)
model = nn.Sequential(nn.Linear(100, 200), nn.ReLU(), nn.Linear(200, 10))
model.apply(init_weights)  # weight std: sqrt(2 / 100) and sqrt(2 / 200)
for name, p in model.named_parameters():
    print(f"{name:<9} mean={p.mean().item():+.3f} std={p.std().item():.3f}")
# --8<-- [end:apply]
