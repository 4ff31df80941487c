"""GroupNorm, InstanceNorm, RMSNorm, LayerNorm: the dims each normalises, by hand; the F.* forms."""

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

# --8<-- [start:functional]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
images, tokens = torch.randn(4, 6, 5, 5), torch.randn(2, 7, 8)  # (N, C, H, W), (N, T, D)
gn, inorm, bn = nn.GroupNorm(3, 6), nn.InstanceNorm2d(6), nn.BatchNorm2d(6)
ln, rms = nn.LayerNorm(8), nn.RMSNorm(8)
for p in (*gn.parameters(), *ln.parameters(), *rms.parameters(), *bn.parameters()):
    nn.init.uniform_(p)  # not the initial ones and zeros, so the weights must be passed
pairs = {  # the layer's weights become arguments of the function
    "GroupNorm": (gn(images), F.group_norm(images, 3, gn.weight, gn.bias, eps=gn.eps)),
    "InstanceNorm2d": (inorm(images), F.instance_norm(images)),
    "LayerNorm": (ln(tokens), F.layer_norm(tokens, (8,), ln.weight, ln.bias)),
    "RMSNorm": (rms(tokens), F.rms_norm(tokens, (8,), rms.weight)),  # eps=None: finfo.eps
    "BatchNorm2d": (
        bn(images),  # training mode: batch statistics
        F.batch_norm(images, None, None, bn.weight, bn.bias, training=True),
    ),
}
for name, (module_out, function_out) in pairs.items():
    print(f"{name:14}", torch.allclose(module_out, function_out, atol=1e-6))
# --8<-- [end:functional]

# --8<-- [start:batch_norm_functional]
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(16, 3) * 2 + 5  # (N, C)
running_mean, running_var = torch.zeros(3), torch.ones(3)  # the buffers, yours to keep

y = F.batch_norm(x, running_mean, running_var, training=True, momentum=0.1)
print("batch stats used:", torch.allclose(y.mean(dim=0), torch.zeros(3), atol=1e-5))
print("mean updated:    ", torch.allclose(running_mean, 0.9 * 0 + 0.1 * x.mean(dim=0)))
print("var updated:     ", torch.allclose(running_var, 0.9 * 1 + 0.1 * x.var(dim=0)))  # unbiased

z = F.batch_norm(x, running_mean, running_var)  # training=False, the default
print("running stats:   ", torch.allclose(z, (x - running_mean) / torch.sqrt(running_var + 1e-5)))
fresh = F.batch_norm(x, torch.zeros(3), torch.ones(3))  # new buffers, training forgotten
print("input unchanged: ", torch.allclose(fresh, x, atol=1e-4))
# --8<-- [end:batch_norm_functional]

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
