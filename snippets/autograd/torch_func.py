"""torch.func: grad, vmap, jacrev/jacfwd, hessian, functional_call, and their pitfalls."""

# --8<-- [start:func_grad]
import torch
from torch.func import grad


def f(x):
    return (x**3).sum()


x = torch.tensor([1.0, 2.0])
print(grad(f)(x))  # 3 x^2: a function that returns the gradient
print(grad(lambda x: grad(f)(x).sum())(x))  # 6 x: grad composes with itself
x_ag = x.clone().requires_grad_()
f(x_ag).backward()
print(torch.equal(grad(f)(x), x_ag.grad))  # the same numbers as .backward()
# --8<-- [end:func_grad]

# --8<-- [start:argnums_aux]
import torch
from torch.func import grad


def loss_fn(w, b, x, y):
    pred = x @ w + b
    loss = ((pred - y) ** 2).mean()
    return loss, pred  # (the value to differentiate, anything else)


torch.manual_seed(0)
w, b = torch.randn(3), torch.tensor(0.5)
x, y = torch.randn(4, 3), torch.randn(4)
(dw, db), pred = grad(loss_fn, argnums=(0, 1), has_aux=True)(w, b, x, y)
print(dw.shape, db.shape, pred.shape)
# --8<-- [end:argnums_aux]

# --8<-- [start:vmap]
import torch
from torch.func import vmap

torch.manual_seed(0)
a, b = torch.randn(5, 3), torch.randn(5, 3)
print(vmap(torch.dot)(a, b).shape)  # torch.dot takes 1-D vectors; vmap maps it over dim 0
print(torch.allclose(vmap(torch.dot)(a, b), (a * b).sum(dim=1)))
W = torch.randn(3, 3)
quad = vmap(lambda x, W: x @ W @ x, in_dims=(0, None))  # W is shared, not batched
print(quad(a, W).shape)
# --8<-- [end:vmap]

# --8<-- [start:jacobians]
import warnings

import torch
from torch.func import hessian, jacfwd, jacrev

torch.manual_seed(0)
A = torch.randn(3, 4)


def f(x):  # R^4 -> R^3
    return torch.tanh(A @ x)


x = torch.randn(4)
J_rev = jacrev(f)(x)
with warnings.catch_warnings():  # torch 2.14 warns from its own code on the first forward-mode call
    warnings.filterwarnings("ignore", "`torch.jit.script` is deprecated", FutureWarning)
    J_fwd = jacfwd(f)(x)
by_hand = (1 - torch.tanh(A @ x) ** 2)[:, None] * A  # diag(1 - tanh^2) A
print(J_rev.shape, torch.allclose(J_rev, by_hand), torch.allclose(J_fwd, by_hand))


def g(x):  # R^4 -> R
    return (x.sin() * x).sum()


print(torch.allclose(hessian(g)(x), jacfwd(jacrev(g))(x)))  # hessian is forward-over-reverse
print(torch.vmap(jacrev(f))(torch.randn(10, 4)).shape)  # a batch of 10 Jacobians
# --8<-- [end:jacobians]

# --8<-- [start:functional_call]
import torch
from torch import nn
from torch.func import functional_call, grad

torch.manual_seed(0)
model = nn.Linear(3, 1)
x, y = torch.randn(8, 3), torch.randn(8, 1)
params = {name: p.detach() for name, p in model.named_parameters()}
doubled = {name: 2 * p for name, p in params.items()}
out = functional_call(model, doubled, (x,))  # forward with other weights
print(torch.allclose(out, x @ doubled["weight"].T + doubled["bias"]))
print(torch.equal(model.weight, params["weight"]))  # the module itself is unchanged


def loss_fn(params, x, y):
    return nn.functional.mse_loss(functional_call(model, params, (x,)), y)


grads = grad(loss_fn)(params, x, y)  # a dict, like params
nn.functional.mse_loss(model(x), y).backward()
print(list(grads), torch.allclose(grads["weight"], model.weight.grad))
# --8<-- [end:functional_call]

# --8<-- [start:item_pitfall]
import torch
from torch.func import grad, vmap


def f(x):
    return x.sin() * x.item()  # .item() leaves autograd: a constant to grad


def f_fixed(x):
    return x.sin() * x


x = torch.tensor(1.0)
print(round(grad(f)(x).item(), 4), round(grad(f_fixed)(x).item(), 4))  # cos(1) vs cos(1) + sin(1)
try:
    vmap(f)(torch.randn(3))
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:item_pitfall]

# --8<-- [start:control_flow_pitfall]
import torch
from torch.func import vmap


def relu_if(x):
    if x.sum() > 0:  # a Python `if` on a tensor's value
        return x
    return torch.zeros_like(x)


try:
    vmap(relu_if)(torch.randn(4, 2))
except RuntimeError as e:
    print(type(e).__name__, e)


def relu_where(x):
    return torch.where(x.sum() > 0, x, torch.zeros_like(x))  # both branches, chosen per sample


print(vmap(relu_where)(torch.tensor([[1.0, 2.0], [-3.0, 1.0]])))
# --8<-- [end:control_flow_pitfall]

# --8<-- [start:randomness]
import torch
import torch.nn.functional as F
from torch.func import vmap

x = torch.ones(3, 4)
try:
    vmap(lambda row: F.dropout(row, p=0.5))(x)
except RuntimeError as e:
    print(type(e).__name__, e)
torch.manual_seed(0)
different = vmap(lambda row: F.dropout(row, p=0.5), randomness="different")(x)
same = vmap(lambda row: F.dropout(row, p=0.5), randomness="same")(x)
print(bool((same == same[0]).all()), bool((different == different[0]).all()))
# --8<-- [end:randomness]
