"""Normalization and dropout layers: BatchNorm1d/2d, LayerNorm, Dropout, Dropout2d."""

# --8<-- [start:batchnorm1d]
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(32, 3) * 5 + 10  # 32 samples, 3 features far from mean 0 / std 1
bn = nn.BatchNorm1d(num_features=3)  # one mean/std per feature
with torch.no_grad():
    y = bn(x)  # a new module is in training mode: it uses this batch's statistics
print("mean before:", x.mean(dim=0).round(decimals=2))
print("mean after: ", y.mean(dim=0).abs().round(decimals=4))
print("std after:  ", y.std(dim=0, correction=0).round(decimals=3))
print("running_mean:", bn.running_mean.round(decimals=3))  # moved 10% of the way
# --8<-- [end:batchnorm1d]

# --8<-- [start:batchnorm2d]
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(8, 4, 5, 5) + 3  # (batch, channels, height, width)
bn = nn.BatchNorm2d(num_features=4)  # one statistic per channel
with torch.no_grad():
    y = bn(x)
print(y.shape, "gamma:", tuple(bn.weight.shape), "beta:", tuple(bn.bias.shape))
print(y.mean(dim=(0, 2, 3)).abs().round(decimals=4))  # over batch, height, width
# --8<-- [end:batchnorm2d]

# --8<-- [start:batchnorm_single]
import torch
from torch import nn

torch.manual_seed(0)
bn1d = nn.BatchNorm1d(3)
try:
    bn1d(torch.randn(1, 3))  # (1, C): one value per channel, no variance to compute
except ValueError as e:
    print(type(e).__name__, e)

bn2d = nn.BatchNorm2d(3)
image = torch.rand(1, 3, 8, 8)  # (1, C, H, W): 64 values per channel, so no error
with torch.no_grad():
    out = bn2d(image)  # normalized with this one image's own mean and variance
    brighter = bn2d(image * 3 + 1)  # a brighter, higher-contrast copy of the image
print(out.mean(dim=(0, 2, 3)).abs().round(decimals=4))
print("brighter copy, same output:", torch.allclose(brighter, out, atol=1e-3))
# --8<-- [end:batchnorm_single]

# --8<-- [start:batchnorm_single_fixes]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
loader = DataLoader(TensorDataset(torch.randn(9, 3)), batch_size=4, drop_last=True)
print("batch sizes with drop_last=True:", [len(xb) for (xb,) in loader])  # the 1 left is dropped

image = torch.rand(1, 3, 8, 8)
bn = nn.BatchNorm2d(3).eval()  # inference: the running statistics, not the image's own
with torch.no_grad():
    print("eval, brighter copy, same output:", torch.allclose(bn(image * 3 + 1), bn(image)))

images = torch.rand(4, 3, 8, 8)
gn = nn.GroupNorm(num_groups=1, num_channels=3)  # statistics per sample: no batch needed
with torch.no_grad():
    print("GroupNorm, alone = in a batch:", torch.allclose(gn(images[:1]), gn(images)[:1]))
# --8<-- [end:batchnorm_single_fixes]

# --8<-- [start:layernorm]
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 5, 8) * 3 + 1  # (batch, tokens, features)
ln = nn.LayerNorm(8)  # normalizes each token over its last dimension
with torch.no_grad():
    y = ln(x)
print(round(y.mean(dim=-1).abs().max().item(), 4))
print(round(y.std(dim=-1, correction=0).mean().item(), 3))
print(torch.allclose(ln(x[:1]), y[:1]))  # per sample: the rest of the batch is irrelevant
# --8<-- [end:layernorm]

# --8<-- [start:dropout]
import torch
from torch import nn

torch.manual_seed(0)
drop = nn.Dropout(p=0.5)
x = torch.ones(2, 8)
print(drop(x))  # about half zeroed, survivors scaled by 1 / (1 - p)
drop.eval()
print(torch.equal(drop(x), x))  # identity in eval mode
# --8<-- [end:dropout]

# --8<-- [start:dropout2d]
import torch
from torch import nn

torch.manual_seed(0)
drop = nn.Dropout2d(p=0.5)  # drops whole channels of a (N, C, H, W) input
x = torch.ones(1, 6, 2, 2)
print(drop(x)[0].flatten(1))  # one row per channel: all 0 or all 2 (= 1 / (1 - p))
# --8<-- [end:dropout2d]
