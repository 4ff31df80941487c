"""GroupNorm, InstanceNorm, RMSNorm and LayerNorm: which dims each normalises, checked by hand."""

# --8<-- [start:groupnorm_by_hand]
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 6, 4, 4) * 3 + 1  # (N, C, H, W)
gn = nn.GroupNorm(num_groups=3, num_channels=6)  # 3 groups of 2 channels
g = x.view(2, 3, -1)  # per sample and group: 2 channels x 4 x 4 values
mean = g.mean(dim=-1, keepdim=True)
var = g.var(dim=-1, unbiased=False, keepdim=True)  # biased variance, as the layer uses
by_hand = ((g - mean) / torch.sqrt(var + gn.eps)).view_as(x)
print(torch.allclose(gn(x), by_hand, atol=1e-5))
print(gn.weight.shape, gn.bias.shape)  # a scale and a shift per channel
# --8<-- [end:groupnorm_by_hand]

# --8<-- [start:instancenorm_by_hand]
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 6, 4, 4) * 3 + 1
inorm = nn.InstanceNorm2d(6)
mean = x.mean(dim=(2, 3), keepdim=True)  # per sample and channel, over H and W
var = x.var(dim=(2, 3), unbiased=False, keepdim=True)
print(torch.allclose(inorm(x), (x - mean) / torch.sqrt(var + inorm.eps), atol=1e-5))
print(inorm.affine, inorm.track_running_stats)  # no weights, no running stats by default
print(len(list(nn.InstanceNorm2d(6, affine=True).parameters())))
# --8<-- [end:instancenorm_by_hand]

# --8<-- [start:groupnorm_extremes]
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 6, 4, 4)
print(torch.allclose(nn.GroupNorm(6, 6)(x), nn.InstanceNorm2d(6)(x), atol=1e-5))  # 1 channel/group
print(torch.allclose(nn.GroupNorm(1, 6)(x), nn.LayerNorm([6, 4, 4])(x), atol=1e-5))  # 1 group
# --8<-- [end:groupnorm_extremes]

# --8<-- [start:rmsnorm_by_hand]
import torch
from torch import nn

torch.manual_seed(0)
tokens = torch.randn(2, 5, 8)  # (batch, seq, features)
rms = nn.RMSNorm(8)  # eps=None: torch.finfo(dtype).eps
eps = torch.finfo(tokens.dtype).eps
by_hand = tokens / torch.sqrt(tokens.pow(2).mean(dim=-1, keepdim=True) + eps) * rms.weight
print(torch.allclose(rms(tokens), by_hand, atol=1e-6))
print([name for name, _ in rms.named_parameters()])  # a scale, no shift
ln = nn.LayerNorm(8)
print([round(m, 3) for m in rms(tokens).mean(dim=-1)[0, :3].tolist()])  # the mean stays
print(ln(tokens).mean(dim=-1)[0, :3].abs().max().item() < 1e-6)  # LayerNorm centres
# --8<-- [end:rmsnorm_by_hand]

# --8<-- [start:batch_independence]
import torch
from torch import nn

torch.manual_seed(0)
sample = torch.randn(1, 6, 4, 4)
others_a, others_b = torch.randn(3, 6, 4, 4), 100 * torch.randn(3, 6, 4, 4)
for layer in (nn.GroupNorm(3, 6), nn.InstanceNorm2d(6), nn.BatchNorm2d(6)):  # training mode
    out_a = layer(torch.cat([sample, others_a]))[0]
    out_b = layer(torch.cat([sample, others_b]))[0]
    print(type(layer).__name__, torch.allclose(out_a, out_b, atol=1e-5))
# --8<-- [end:batch_independence]

# --8<-- [start:norm_errors]
import torch
from torch import nn

x = torch.randn(2, 6, 4, 4)  # channels first
try:
    nn.GroupNorm(4, 6)
except ValueError as e:
    print(type(e).__name__, e)
try:
    nn.LayerNorm(6)(x)  # normalized_shape must match the LAST dims
except RuntimeError as e:
    print(type(e).__name__, e)
per_pixel = nn.LayerNorm(6)(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)  # over C at each pixel
print(per_pixel.shape)
# --8<-- [end:norm_errors]

# --8<-- [start:before_2_4_rmsnorm]
import torch
from torch import nn


class RMSNorm(nn.Module):  # torch 2.4 added nn.RMSNorm; this is what it computes
    def __init__(self, dim: int):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        eps = torch.finfo(x.dtype).eps
        return x * torch.rsqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps) * self.weight


y = RMSNorm(8)(torch.randn(2, 5, 8))
# --8<-- [end:before_2_4_rmsnorm]
