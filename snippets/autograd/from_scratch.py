"""Gradient descent by hand: linear regression from scratch with autograd."""

# --8<-- [start:linear_regression]
import torch

torch.manual_seed(0)
x = torch.rand(100, 1) * 4 - 2  # 100 points in [-2, 2)
y = 3 * x + 2 + 0.1 * torch.randn(100, 1)  # the line to find, plus noise

w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.1
for _ in range(200):
    loss = ((x * w + b - y) ** 2).mean()  # mean squared error
    loss.backward()
    with torch.no_grad():  # the update itself must not be recorded
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad = None  # start the next step from zero
    b.grad = None
print(round(w.item(), 2), round(b.item(), 2), round(loss.item(), 4))
print(abs(w.item() - 3) < 0.05, abs(b.item() - 2) < 0.05)  # close to the true 3 and 2
# --8<-- [end:linear_regression]

# --8<-- [start:update_pitfall]
import torch

w = torch.zeros(1, requires_grad=True)
loss = (w - 3) ** 2
loss.backward()
try:
    w -= 0.1 * w.grad  # outside no_grad: autograd refuses
except RuntimeError as e:
    print(type(e).__name__, e)

with torch.no_grad():
    w -= 0.1 * w.grad
print(w, w.is_leaf)
# --8<-- [end:update_pitfall]

# --8<-- [start:with_optim]
import torch
from torch import nn

torch.manual_seed(0)
x = torch.rand(100, 1) * 4 - 2
y = 3 * x + 2 + 0.1 * torch.randn(100, 1)

model = nn.Linear(1, 1)  # holds w and b as parameters
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(200):
    opt.zero_grad()  # w.grad = None, b.grad = None
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()  # w -= lr * w.grad, b -= lr * b.grad, under no_grad
print(round(model.weight.item(), 2), round(model.bias.item(), 2))
# --8<-- [end:with_optim]
