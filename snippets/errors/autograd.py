"""Autograd errors: each one raised with its real message, then fixed."""

# --8<-- [start:backward_twice]
import torch
from torch import nn

torch.manual_seed(0)
cell = nn.RNNCell(2, 3)
h = torch.zeros(1, 3)
for step in range(3):
    h = cell(torch.randn(1, 2), h)  # h carries the graph of every earlier step
    try:
        h.sum().backward()
    except RuntimeError as e:
        print(f"step {step}: {type(e).__name__}: {str(e).split('. ')[0]}")
        break
# --8<-- [end:backward_twice]

# --8<-- [start:backward_twice_fix]
import torch
from torch import nn

torch.manual_seed(0)
cell = nn.RNNCell(2, 3)
optimizer = torch.optim.SGD(cell.parameters(), lr=0.1)
h = torch.zeros(1, 3)
for step in range(3):
    optimizer.zero_grad()
    h = cell(torch.randn(1, 2), h.detach())  # keep the values, drop the old graph
    loss = h.pow(2).sum()
    loss.backward()
    optimizer.step()
    print(f"step {step}: loss {loss.item():.4f}")
# --8<-- [end:backward_twice_fix]

# --8<-- [start:no_grad_fn]
import torch
from torch import nn

model = nn.Linear(3, 1)
x, y = torch.randn(4, 3), torch.randn(4, 1)
with torch.no_grad():  # e.g. copied from the validation code
    loss = nn.functional.mse_loss(model(x), y)
try:
    loss.backward()
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
print(loss.requires_grad, loss.grad_fn)
# --8<-- [end:no_grad_fn]

# --8<-- [start:no_grad_fn_fix]
import torch
from torch import nn

model = nn.Linear(3, 1)
x, y = torch.randn(4, 3), torch.randn(4, 1)
loss = nn.functional.mse_loss(model(x), y)  # the training forward pass: no no_grad()
print(loss.requires_grad, type(loss.grad_fn).__name__)
loss.backward()
print(model.weight.grad.shape)
# --8<-- [end:no_grad_fn_fix]

# --8<-- [start:inplace_modified]
import torch

w = torch.randn(3, requires_grad=True)
p = torch.sigmoid(w)  # sigmoid keeps its output p for the backward pass
p[0] = 0.0  # in-place: overwrites the saved output
try:
    p.sum().backward()
except RuntimeError as e:
    print(f"{type(e).__name__}: {str(e).split(' Hint:')[0]}")
# --8<-- [end:inplace_modified]

# --8<-- [start:inplace_modified_fix]
import torch

w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
p = torch.sigmoid(w)
mask = torch.tensor([0.0, 1.0, 1.0])
p = p * mask  # out of place: a new tensor, the saved output stays intact
p.sum().backward()
print(torch.round(w.grad, decimals=4))
# --8<-- [end:inplace_modified_fix]

# --8<-- [start:leaf_inplace]
import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w**2).sum()
loss.backward()
try:
    w -= 0.1 * w.grad  # a hand-written gradient step
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
# --8<-- [end:leaf_inplace]

# --8<-- [start:leaf_inplace_fix]
import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w**2).sum()
loss.backward()
with torch.no_grad():  # the update itself must not be recorded
    w -= 0.1 * w.grad
w.grad = None
print(w)
# --8<-- [end:leaf_inplace_fix]

# --8<-- [start:numpy_requires_grad]
import torch
from torch import nn

model = nn.Linear(3, 1)
pred = model(torch.randn(4, 3))  # e.g. to plot or score the predictions
try:
    pred.numpy()
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
# --8<-- [end:numpy_requires_grad]

# --8<-- [start:numpy_requires_grad_fix]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
model = nn.Linear(3, 1).to(device)
pred = model(torch.randn(4, 3, device=device))
arr = pred.detach().cpu().numpy()  # detach from the graph, copy to host memory, convert
print(type(arr).__name__, arr.shape, arr.dtype)
with torch.no_grad():  # or predict without recording a graph at all
    print(model(torch.randn(4, 3, device=device)).cpu().numpy().shape)
# --8<-- [end:numpy_requires_grad_fix]
