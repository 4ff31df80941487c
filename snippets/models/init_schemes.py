"""Initialization schemes: kaiming modes and gains, xavier, trunc_normal_, zero-init, checked stds."""

# --8<-- [start:default_is_kaiming_uniform]
import math

import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(64, 32)  # PyTorch's default init, run in the constructor
torch.manual_seed(0)
w = torch.empty(32, 64)
nn.init.kaiming_uniform_(w, a=math.sqrt(5))  # what reset_parameters() calls for the weight
print(torch.equal(layer.weight, w))
print(round(w.abs().max().item(), 4), round(1 / math.sqrt(64), 4))  # bound = 1 / sqrt(fan_in)
# --8<-- [end:default_is_kaiming_uniform]

# --8<-- [start:fan_in_fan_out]
import math

import torch
from torch import nn

torch.manual_seed(0)
conv = nn.Conv2d(32, 64, kernel_size=3)  # weight (out, in, kh, kw) = (64, 32, 3, 3)
fan_in, fan_out = 32 * 3 * 3, 64 * 3 * 3  # channels times the kernel's area
nn.init.kaiming_normal_(conv.weight, mode="fan_in", nonlinearity="relu")
print(round(conv.weight.std().item(), 4), round(math.sqrt(2 / fan_in), 4))
nn.init.kaiming_normal_(conv.weight, mode="fan_out", nonlinearity="relu")  # torchvision's ResNets
print(round(conv.weight.std().item(), 4), round(math.sqrt(2 / fan_out), 4))
# --8<-- [end:fan_in_fan_out]

# --8<-- [start:gains]
import math

import torch
from torch import nn

for name in ("linear", "sigmoid", "tanh", "relu", "selu"):
    print(f"{name:<8}", round(nn.init.calculate_gain(name), 4))
print("leaky_relu(0.2)", round(nn.init.calculate_gain("leaky_relu", 0.2), 4))
torch.manual_seed(0)
w = torch.empty(256, 512)
nn.init.kaiming_normal_(w, a=0.2, nonlinearity="leaky_relu")  # std = gain / sqrt(fan_in)
print(round(w.std().item(), 4), round(math.sqrt(2 / (1 + 0.2**2)) / math.sqrt(512), 4))
# --8<-- [end:gains]

# --8<-- [start:xavier_tanh]
import math

import torch
from torch import nn

torch.manual_seed(0)
w = torch.empty(256, 512)  # (fan_out, fan_in)
gain = nn.init.calculate_gain("tanh")
nn.init.xavier_normal_(w, gain=gain)  # std = gain * sqrt(2 / (fan_in + fan_out))
print(round(w.std().item(), 4), round(gain * math.sqrt(2 / (512 + 256)), 4))
nn.init.xavier_uniform_(w, gain=gain)  # bound = gain * sqrt(6 / (fan_in + fan_out))
print(round(w.abs().max().item(), 4), round(gain * math.sqrt(6 / (512 + 256)), 4))
# --8<-- [end:xavier_tanh]

# --8<-- [start:trunc_normal]
import torch
from torch import nn

torch.manual_seed(0)
std = 0.02  # the ViT / BERT style init
w = torch.empty(768, 768)
nn.init.trunc_normal_(w, std=std)  # default a=-2.0, b=2.0: absolute values, i.e. 100 std here
print(round(w.abs().max().item(), 4), round(w.std().item(), 4))  # hardly truncated
nn.init.trunc_normal_(w, std=std, a=-2 * std, b=2 * std)  # cut at 2 standard deviations
print(round(w.abs().max().item(), 4), round(w.std().item(), 4))  # the cut also lowers the std
# --8<-- [end:trunc_normal]

# --8<-- [start:zero_init_residual]
import torch
from torch import nn


class Residual(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.branch = nn.Sequential(nn.Linear(dim, dim), nn.ReLU(), nn.Linear(dim, dim))
        nn.init.zeros_(self.branch[2].weight)  # the branch's last layer starts at zero
        nn.init.zeros_(self.branch[2].bias)

    def forward(self, x):
        return x + self.branch(x)


torch.manual_seed(0)
block = Residual(8)
x = torch.randn(4, 8)
print(torch.equal(block(x), x))  # the block starts as the identity
block(x).pow(2).sum().backward()
print(bool(block.branch[2].weight.grad.any()), bool(block.branch[0].weight.grad.any()))
# --8<-- [end:zero_init_residual]

# --8<-- [start:zero_init_head]
import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 10))
nn.init.zeros_(model[2].weight)  # classifier head at zero: every class equally likely
nn.init.zeros_(model[2].bias)
x, y = torch.randn(32, 20), torch.randint(0, 10, (32,))
print(round(F.cross_entropy(model(x), y).item(), 4), round(math.log(10), 4))
# --8<-- [end:zero_init_head]

# --8<-- [start:apply_schemes]
import torch
from torch import nn


def init_weights(m):
    if isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    elif isinstance(m, nn.Linear):
        nn.init.trunc_normal_(m.weight, std=0.02, a=-0.04, b=0.04)
        nn.init.zeros_(m.bias)
    elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm, nn.LayerNorm)):
        nn.init.ones_(m.weight)
        nn.init.zeros_(m.bias)


torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(3, 16, 3), nn.BatchNorm2d(16), nn.ReLU(), nn.Flatten(), nn.LazyLinear(10)
)
model(torch.zeros(1, 3, 8, 8))  # materialize LazyLinear before initializing it
model.apply(init_weights)
for name, p in model.named_parameters():
    print(
        f"{name:<9} {tuple(p.shape)!s:<15} |mean|={p.mean().abs().item():.3f} std={p.std().item():.4f}"
    )
# --8<-- [end:apply_schemes]
