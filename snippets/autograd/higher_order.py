"""Higher-order derivatives: create_graph, jacobian, hessian, Hessian-vector products, penalties."""

# --8<-- [start:second_derivative]
import torch

x = torch.linspace(-3, 3, 7, requires_grad=True)
y = torch.sin(x)
(dy,) = torch.autograd.grad(y.sum(), x, create_graph=True)  # dy is part of a graph now
(d2y,) = torch.autograd.grad(dy.sum(), x)  # differentiate the derivative
print(torch.allclose(dy, torch.cos(x)), torch.allclose(d2y, -torch.sin(x)))
# --8<-- [end:second_derivative]

# --8<-- [start:no_create_graph]
import torch

x = torch.linspace(-3, 3, 7, requires_grad=True)
(dy,) = torch.autograd.grad(torch.sin(x).sum(), x)  # create_graph=False: a plain tensor
print(dy.requires_grad, dy.grad_fn)
try:
    torch.autograd.grad(dy.sum(), x)
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:no_create_graph]

# --8<-- [start:jacobian]
import torch
from torch.autograd.functional import jacobian

torch.manual_seed(0)
A = torch.randn(3, 4)


def f(x):  # R^4 -> R^3
    return A @ x + x[:3] ** 2


x = torch.randn(4)
J = jacobian(f, x)  # J[i, j] = d f_i / d x_j
by_hand = A + torch.cat([torch.diag(2 * x[:3]), torch.zeros(3, 1)], dim=1)
print(J.shape, torch.allclose(J, by_hand))
# --8<-- [end:jacobian]

# --8<-- [start:hessian]
import torch
from torch.autograd.functional import hessian

torch.manual_seed(0)
A = torch.randn(4, 4)


def f(x):  # a quadratic form: R^4 -> R
    return x @ A @ x


x = torch.randn(4)
H = hessian(f, x)  # H[i, j] = d^2 f / dx_i dx_j
print(H.shape, torch.allclose(H, A + A.T))
print(torch.allclose(hessian(lambda x: (x**3).sum(), x), torch.diag(6 * x)))
# --8<-- [end:hessian]

# --8<-- [start:hvp]
import torch
from torch.autograd.functional import hessian, hvp

torch.manual_seed(0)


def f(x):
    return (x.sin() * x.roll(1)).sum()


x, v = torch.randn(5), torch.randn(5)
_, Hv = hvp(f, x, v)  # H @ v without building H
x.requires_grad_()
(g,) = torch.autograd.grad(f(x), x, create_graph=True)
(Hv_double,) = torch.autograd.grad(g, x, grad_outputs=v)  # the same by double backward
H = hessian(f, x.detach())
print(torch.allclose(Hv, H @ v, atol=1e-6), torch.allclose(Hv_double, H @ v, atol=1e-6))
# --8<-- [end:hvp]

# --8<-- [start:gradient_penalty]
import torch
from torch import nn

torch.manual_seed(0)
critic = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1))
x = torch.randn(8, 2, requires_grad=True)  # e.g. points between real and generated samples
scores = critic(x)
(grad_x,) = torch.autograd.grad(scores.sum(), x, create_graph=True)  # (8, 2): one per sample
penalty = ((grad_x.norm(dim=1) - 1) ** 2).mean()  # WGAN-GP: push gradient norms towards 1
penalty.backward()  # reaches the critic's weights through grad_x
print(grad_x.shape, round(penalty.item(), 4))
print([name for name, p in critic.named_parameters() if p.grad is None])  # the slope ignores it
# --8<-- [end:gradient_penalty]
