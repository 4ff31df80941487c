"""NaN and inf: where they come from, how to check for them, and how to find the op that made them."""

# --8<-- [start:sources]
import torch

zero, inf = torch.tensor(0.0), torch.tensor(float("inf"))
print("log(0)     ", torch.log(zero))
print("0 / 0      ", zero / zero)
print("0 * inf    ", zero * inf)
print("inf - inf  ", inf - inf)
print("sqrt(-1)   ", torch.sqrt(torch.tensor(-1.0)))
print("exp(89)    ", torch.exp(torch.tensor(89.0)))  # past float32's max, about 3.4e38
# --8<-- [end:sources]

# --8<-- [start:fp16_overflow]
import torch

print(torch.tensor(70000.0, dtype=torch.float16))  # float16 stops at 65504
print(torch.finfo(torch.float16).max, torch.finfo(torch.bfloat16).max)
x = torch.full((1, 256), 20.0)
for dtype in (torch.float32, torch.float16, torch.bfloat16):
    xd = x.to(dtype)
    print(dtype, (xd @ xd.T).item())  # 256 * 20 * 20 = 102400
# --8<-- [end:fp16_overflow]

# --8<-- [start:isfinite]
import torch
from torch import nn

model = nn.Linear(3, 1)
x = torch.tensor([[1.0, 2.0, float("nan")], [1.0, 2.0, 3.0]])  # one bad sample
loss = model(x).pow(2).mean()
print(torch.isfinite(loss).item(), torch.isnan(x).any(dim=1))  # which sample is bad
loss.backward()
finite = {name: torch.isfinite(p.grad).all().item() for name, p in model.named_parameters()}
print(finite)
# in a training loop: skip (or stop at) a step whose loss is not finite
if not torch.isfinite(loss):
    print("non-finite loss: skipping this step")
# --8<-- [end:isfinite]

# --8<-- [start:where_nan_grad]
import torch

x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = torch.where(x > 0, torch.log(x), torch.zeros_like(x))  # log only where x > 0 ...
print(y)  # ... and the forward pass is finite
y.sum().backward()
print(x.grad)  # but the gradient is NaN
# --8<-- [end:where_nan_grad]

# --8<-- [start:detect_anomaly]
import warnings

import torch

x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
with warnings.catch_warnings(record=True) as caught:  # anomaly mode reports through warnings
    warnings.simplefilter("always")
    try:
        with torch.autograd.detect_anomaly():
            y = torch.where(x > 0, torch.log(x), torch.zeros_like(x))
            y.sum().backward()
    except RuntimeError as e:
        print(type(e).__name__, e)
for w in caught:
    print(w.category.__name__, str(w.message).splitlines()[0])
# --8<-- [end:detect_anomaly]

# --8<-- [start:double_where]
import torch

x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
safe_x = torch.where(x > 0, x, torch.ones_like(x))  # log never sees a 0
y = torch.where(x > 0, torch.log(safe_x), torch.zeros_like(x))
y.sum().backward()
print(y.detach(), x.grad)
# --8<-- [end:double_where]

# --8<-- [start:exploding]
import torch

torch.manual_seed(0)
X = 10 * torch.randn(64, 3)  # large inputs
Y = X @ torch.tensor([1.0, -2.0, 3.0])
for clip in (False, True):
    w = torch.zeros(3, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.02)  # too large for inputs of this size
    first_bad = None
    for step in range(40):
        optimizer.zero_grad()
        loss = ((X @ w - Y) ** 2).mean()
        if first_bad is None and not torch.isfinite(loss):
            first_bad = step
        loss.backward()
        if clip:
            torch.nn.utils.clip_grad_norm_([w], max_norm=1.0)
        optimizer.step()
    print(f"clip={clip}: first non-finite loss at step {first_bad}, last loss {loss.item():.4g}")
# --8<-- [end:exploding]

# --8<-- [start:first_bad_module]
import torch
from torch import nn
from torch.nn.modules.module import register_module_forward_hook


class Scale(nn.Module):
    def forward(self, x):
        return x / (x - x)  # a bug: 0 / 0


model = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), Scale(), nn.Linear(4, 2))
names = {module: name for name, module in model.named_modules()}
bad = []


def check(module, inputs, output):
    if isinstance(output, torch.Tensor) and not torch.isfinite(output).all():
        bad.append(f"{names.get(module, '?')} ({type(module).__name__})")


handle = register_module_forward_hook(check)
model(torch.randn(2, 4))
handle.remove()
print(bad[0])  # modules finish inner first: the first entry is where it started
# --8<-- [end:first_bad_module]
