"""channels_last memory format: strides, model and input, equal outputs, view vs reshape."""

# --8<-- [start:strides]
import torch

x = torch.randn(2, 3, 4, 5)  # N, C, H, W
y = x.to(memory_format=torch.channels_last)  # same shape, same values, other layout
print(x.shape, x.stride())  # contiguous: W varies fastest, then H, then C
print(y.shape, y.stride())  # channels_last: C varies fastest (the 3 channels of a pixel together)
print(y.is_contiguous(), y.is_contiguous(memory_format=torch.channels_last), torch.equal(x, y))
# --8<-- [end:strides]

# --8<-- [start:model_and_input]
import copy

import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
model = (
    nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.Conv2d(8, 8, 3))
    .to(device)
    .eval()
)
x = torch.randn(4, 3, 16, 16, device=device)
fast = copy.deepcopy(model).to(memory_format=torch.channels_last)  # 4-D weights change layout
x_cl = x.to(memory_format=torch.channels_last)
with torch.no_grad():
    reference, out = model(x), fast(x_cl)
print(out.shape, out.is_contiguous(memory_format=torch.channels_last))  # the layout propagates
print(torch.allclose(out, reference, rtol=1e-3, atol=1e-3))  # room for TF32 convolutions on GPUs
# --8<-- [end:model_and_input]

# --8<-- [start:view_pitfall]
import torch
from torch import nn

features = nn.Conv2d(3, 8, 3)(torch.randn(2, 3, 6, 6).to(memory_format=torch.channels_last))
try:
    features.view(2, -1)  # view needs the contiguous layout
except RuntimeError as e:
    print(type(e).__name__, e)
print(features.flatten(1).shape, features.reshape(2, -1).shape)  # copy when they must
# --8<-- [end:view_pitfall]

# --8<-- [start:rank_4_only]
import torch

try:
    torch.randn(2, 3, 4).to(memory_format=torch.channels_last)
except RuntimeError as e:
    print(type(e).__name__, e)
print(
    torch.randn(2, 3, 4, 5, 6).to(memory_format=torch.channels_last_3d).stride()
)  # 5-D: video, 3-D convs
# --8<-- [end:rank_4_only]

# --8<-- [start:measure]
import copy

import torch
from torch import nn
from torch.utils import benchmark

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1))
model = model.to(device).eval()
x = torch.randn(8, 3, 64, 64, device=device)
fast = copy.deepcopy(model).to(memory_format=torch.channels_last)
x_cl = x.to(memory_format=torch.channels_last)
with torch.no_grad():
    for name, m, inp in (("contiguous", model, x), ("channels_last", fast, x_cl)):
        timer = benchmark.Timer("m(inp)", globals={"m": m, "inp": inp})  # synchronizes CUDA
        print(f"{name:14} {timer.blocked_autorange(min_run_time=0.2).median * 1e3:.2f} ms")
# --8<-- [end:measure]
