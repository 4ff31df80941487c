"""LBFGS: the closure, how often it runs, and two small problems fitted to a checked solution."""

# --8<-- [start:least_squares]
import torch

torch.manual_seed(0)
X = torch.randn(50, 3)
y = X @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.1 * torch.randn(50, 1)
w = torch.zeros(3, 1, requires_grad=True)
optimizer = torch.optim.LBFGS([w], lr=1, max_iter=20, line_search_fn="strong_wolfe")
calls = 0


def closure():  # re-evaluates the loss and its gradient at the current w
    global calls
    calls += 1
    optimizer.zero_grad()
    loss = ((X @ w - y) ** 2).mean()
    loss.backward()
    return loss


optimizer.step(closure)  # one step = up to max_iter iterations
print("closure calls in one step:", calls)
exact = torch.linalg.lstsq(X, y).solution  # the least-squares solution in closed form
print(w.detach().flatten(), torch.allclose(w, exact, atol=1e-5))
# --8<-- [end:least_squares]

# --8<-- [start:returned_loss]
import torch

torch.manual_seed(0)
X = torch.randn(50, 3)
y = X @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.1 * torch.randn(50, 1)
w = torch.zeros(3, 1, requires_grad=True)
optimizer = torch.optim.LBFGS([w], line_search_fn="strong_wolfe")


def closure():
    optimizer.zero_grad()
    loss = ((X @ w - y) ** 2).mean()
    loss.backward()
    return loss


returned = optimizer.step(closure)
print("step() returned:", round(returned.item(), 4))  # the loss at the start of the step
with torch.no_grad():
    print("loss after the step:", round(((X @ w - y) ** 2).mean().item(), 4))
# --8<-- [end:returned_loss]

# --8<-- [start:logistic]
import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(200, 2)
y = (X @ torch.tensor([2.0, -1.0]) + 0.5 + 0.5 * torch.randn(200) > 0).float()
model = nn.Linear(2, 1)
optimizer = torch.optim.LBFGS(model.parameters(), max_iter=100, line_search_fn="strong_wolfe")


def closure():
    optimizer.zero_grad()
    logits = model(X).squeeze(1)
    loss = nn.functional.binary_cross_entropy_with_logits(logits, y)
    loss = loss + 1e-2 * model.weight.pow(2).sum()  # L2: one minimum, no drift to infinity
    loss.backward()
    return loss


optimizer.step(closure)
closure()  # one more evaluation, for the gradient at the final weights
grad_norm = torch.cat([p.grad.flatten() for p in model.parameters()]).norm()
print("gradient norm at the solution < 1e-4:", grad_norm.item() < 1e-4)
print("weights:", model.weight.detach().round(decimals=2), model.bias.detach().round(decimals=2))
accuracy = ((model(X).squeeze(1) > 0).float() == y).float().mean()
print("training accuracy:", round(accuracy.item(), 3))
# --8<-- [end:logistic]

# --8<-- [start:no_zero_grad]
import torch

torch.manual_seed(0)
X = torch.randn(50, 3)
y = X @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.1 * torch.randn(50, 1)
exact = torch.linalg.lstsq(X, y).solution


def fit(zero_grad):
    w = torch.zeros(3, 1, requires_grad=True)
    optimizer = torch.optim.LBFGS([w], line_search_fn="strong_wolfe")

    def closure():
        if zero_grad:
            optimizer.zero_grad()
        loss = ((X @ w - y) ** 2).mean()
        loss.backward()  # without zero_grad: added to the gradients of earlier calls
        return loss

    optimizer.step(closure)
    return torch.allclose(w, exact, atol=1e-4)


print("with zero_grad() in the closure, solved:", fit(zero_grad=True))
print("without, solved:", fit(zero_grad=False))
# --8<-- [end:no_zero_grad]

# --8<-- [start:lbfgs_errors]
import torch

w = torch.zeros(3, requires_grad=True)
optimizer = torch.optim.LBFGS([w])
try:
    optimizer.step()  # no closure
except TypeError as e:
    print(type(e).__name__, e)
try:
    torch.optim.LBFGS([{"params": [w]}, {"params": [torch.zeros(1, requires_grad=True)]}])
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:lbfgs_errors]
