"""torch.autograd.grad, higher-order gradients, hooks and a custom autograd.Function."""

# --8<-- [start:autograd_grad]
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**2
(dy_dx,) = torch.autograd.grad(y, x)  # returns a tuple, one entry per input
print(dy_dx)
print(x.grad)  # untouched: nothing accumulates into .grad
# --8<-- [end:autograd_grad]

# --8<-- [start:higher_order]
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**3
(d1,) = torch.autograd.grad(y, x, create_graph=True)  # 3x^2, itself differentiable
(d2,) = torch.autograd.grad(d1, x, create_graph=True)  # 6x
(d3,) = torch.autograd.grad(d2, x)  # 6
print(d1.item(), d2.item(), d3.item())
# --8<-- [end:higher_order]

# --8<-- [start:hook_inspect]
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 3
handle = h.register_hook(lambda g: print("grad reaching h:", g))
(h**2).sum().backward()
print(x.grad)
handle.remove()  # hooks stay until removed
# --8<-- [end:hook_inspect]

# --8<-- [start:hook_modify]
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
x.register_hook(lambda g: g.clamp(max=5.0))  # a returned tensor replaces the gradient
(x**3).sum().backward()  # raw gradient: 3x^2 = [3, 12]
print(x.grad)
# --8<-- [end:hook_modify]

# --8<-- [start:step_in_backward]
import torch
from torch import nn

torch.manual_seed(0)
model, reference = nn.Linear(4, 2), nn.Linear(4, 2)
reference.load_state_dict(model.state_dict())
x = torch.randn(8, 4)

optimizers = {p: torch.optim.SGD([p], lr=0.1) for p in model.parameters()}  # one per parameter


def step_now(p):  # called once p.grad holds this backward's whole gradient
    optimizers[p].step()
    optimizers[p].zero_grad()  # frees the gradient at once


for p in model.parameters():
    p.register_post_accumulate_grad_hook(step_now)
model(x).pow(2).mean().backward()  # updates the weights during the backward pass
print([p.grad for p in model.parameters()])

opt = torch.optim.SGD(reference.parameters(), lr=0.1)  # the usual way, for comparison
reference(x).pow(2).mean().backward()
opt.step()
pairs = zip(model.parameters(), reference.parameters(), strict=True)
print(all(torch.allclose(a, b) for a, b in pairs))
# --8<-- [end:step_in_backward]

# --8<-- [start:custom_function]
import torch


class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(x):  # only the computation: no ctx
        return 1 / (1 + torch.exp(-x))

    @staticmethod
    def setup_context(ctx, inputs, output):  # save what backward needs
        ctx.save_for_backward(output)

    @staticmethod
    def backward(ctx, grad_out):
        (out,) = ctx.saved_tensors
        return grad_out * out * (1 - out)  # one gradient per forward input


x = torch.tensor([0.0, 2.0], requires_grad=True)
Sigmoid.apply(x).sum().backward()  # call .apply, never forward()
print(torch.round(x.grad, decimals=4))
grad_fn = torch.func.grad(lambda t: Sigmoid.apply(t).sum())  # torch.func works with it too
print(torch.round(grad_fn(torch.tensor([0.0, 2.0])), decimals=4))
# --8<-- [end:custom_function]

# --8<-- [start:old_style_function]
import torch


class OldSigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):  # the older combined style: ctx first, no setup_context
        out = 1 / (1 + torch.exp(-x))
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, grad_out):
        (out,) = ctx.saved_tensors
        return grad_out * out * (1 - out)


x = torch.tensor([0.0, 2.0], requires_grad=True)
OldSigmoid.apply(x).sum().backward()  # plain autograd still accepts it
print(torch.round(x.grad, decimals=4))
try:
    torch.func.grad(lambda t: OldSigmoid.apply(t).sum())(torch.tensor([0.0, 2.0]))
except RuntimeError as e:
    print(type(e).__name__, str(e).split(". For more")[0])
# --8<-- [end:old_style_function]

# --8<-- [start:gradcheck]
import torch


class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return 1 / (1 + torch.exp(-x))

    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(output)

    @staticmethod
    def backward(ctx, grad_out):
        (out,) = ctx.saved_tensors
        return grad_out * out * (1 - out)


torch.manual_seed(0)
x = torch.randn(5, dtype=torch.float64, requires_grad=True)  # float64 for gradcheck
print(torch.autograd.gradcheck(Sigmoid.apply, (x,)))  # compares with finite differences
# --8<-- [end:gradcheck]

# --8<-- [start:straight_through]
import torch


class RoundSTE(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return torch.round(x)  # round() alone has a zero gradient almost everywhere

    @staticmethod
    def setup_context(ctx, inputs, output):
        pass  # backward needs nothing saved

    @staticmethod
    def backward(ctx, grad_out):
        return grad_out  # pretend it was the identity


x = torch.tensor([0.4, 1.6], requires_grad=True)
y = RoundSTE.apply(x)
(y * 10).sum().backward()
print(y, x.grad)
# --8<-- [end:straight_through]
