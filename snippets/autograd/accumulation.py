"""Non-scalar outputs, gradient accumulation and retain_graph."""

# --8<-- [start:nonscalar_error]
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2  # three outputs, not one
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:nonscalar_error]

# --8<-- [start:nonscalar_fixes]
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
y.sum().backward()  # fix 1: reduce to a scalar first
print(x.grad)

x.grad = None
y = x * 2
y.backward(gradient=torch.ones_like(y))  # fix 2: pass dL/dy yourself
print(x.grad)
# --8<-- [end:nonscalar_fixes]

# --8<-- [start:weighted_gradient]
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x**2
v = torch.tensor([1.0, 0.1, 0.0])  # weights for each output
y.backward(gradient=v)  # computes v @ (dy/dx), a vector-Jacobian product
print(x.grad)  # v * 2x
# --8<-- [end:weighted_gradient]

# --8<-- [start:accumulate]
import torch

w = torch.tensor(1.0, requires_grad=True)
for step in range(3):
    loss = 5 * w  # a fresh graph each time; d(loss)/dw = 5
    loss.backward()
    print(step, w.grad)  # adds up: 5, 10, 15
# --8<-- [end:accumulate]

# --8<-- [start:zero]
import torch

w = torch.tensor(1.0, requires_grad=True)
for step in range(3):
    loss = 5 * w
    loss.backward()
    print(step, w.grad)  # 5 every time
    w.grad = None  # or w.grad.zero_(); optimizer.zero_grad() does this for you
# --8<-- [end:zero]

# --8<-- [start:retain_graph_error]
import torch

x = torch.tensor(2.0, requires_grad=True)
y = x**3
y.backward()  # frees the values the graph saved for the backward pass
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__, str(e).split(" (")[0])
# --8<-- [end:retain_graph_error]

# --8<-- [start:retain_graph]
import torch

x = torch.tensor(2.0, requires_grad=True)
y = x**3
y.backward(retain_graph=True)  # keep the saved values
print(x.grad)  # 3x^2 = 12
y.backward()  # allowed once more; the gradients accumulate
print(x.grad)  # 12 + 12
# --8<-- [end:retain_graph]
