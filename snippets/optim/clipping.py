"""Gradient clipping: clip_grad_norm_, clip_grad_value_, and where clipping goes in the loop."""

# --8<-- [start:clip_norm]
import torch
from torch import nn

w = nn.Parameter(torch.tensor([1.0, 2.0]))
b = nn.Parameter(torch.tensor([3.0]))
(10 * (w.sum() + b.sum()) ** 2).backward()  # a big gradient: [120, 120], [120]

total = nn.utils.clip_grad_norm_([w, b], max_norm=1.0)  # returns the norm BEFORE clipping
print(round(total.item(), 4))
after = torch.cat([w.grad, b.grad]).norm()  # all gradients scaled by the same factor
print(round(after.item(), 4), w.grad, b.grad)
# --8<-- [end:clip_norm]

# --8<-- [start:clip_norm_small]
import torch
from torch import nn

w = nn.Parameter(torch.tensor([0.3, 0.4]))
(w**2 / 2).sum().backward()  # gradient = w, norm 0.5

total = nn.utils.clip_grad_norm_([w], max_norm=1.0)
print(round(total.item(), 4), w.grad)  # under max_norm: left untouched
# --8<-- [end:clip_norm_small]

# --8<-- [start:clip_value]
import torch
from torch import nn

w = nn.Parameter(torch.zeros(4))
(w * torch.tensor([-5.0, -0.5, 0.2, 3.0])).sum().backward()
print(w.grad)

nn.utils.clip_grad_value_([w], clip_value=1.0)  # clamp each element to [-1, 1]
print(w.grad)  # the direction changes, unlike clip_grad_norm_
# --8<-- [end:clip_value]

# --8<-- [start:in_the_loop]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(16, 3), 10 * torch.randn(16, 1)  # large targets: large gradients

for step in range(3):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)  # after backward...
    opt.step()  # ...before step
    print(f"step {step}  loss {loss.item():.2f}  grad norm {norm.item():.2f} -> at most 1")
# --8<-- [end:in_the_loop]

# --8<-- [start:two_steps]
import torch
from torch import nn

w = nn.Parameter(torch.tensor([3.0, 4.0]))
(w**2 / 2).sum().backward()  # gradient = w, norm 5

total = nn.utils.get_total_norm([w.grad])  # 1. measure (e.g. to log it)
nn.utils.clip_grads_with_norm_([w], max_norm=1.0, total_norm=total)  # 2. scale
print(round(total.item(), 4), w.grad)
# --8<-- [end:two_steps]
