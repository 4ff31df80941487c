"""Autograd basics: requires_grad, backward(), .grad, grad_fn, is_leaf."""

# --8<-- [start:track]
import torch

x = torch.tensor(2.0, requires_grad=True)  # a leaf you created: autograd tracks it
y = x * x + 1  # the result of an operation: it remembers how it was made
print(x.requires_grad, x.is_leaf, x.grad_fn)
print(y.requires_grad, y.is_leaf, y.grad_fn.name())
# --8<-- [end:track]

# --8<-- [start:polynomial]
import torch

x = torch.tensor(2.0, requires_grad=True)
y = 9 * x**4 + 2 * x**3 + 3 * x**2 + 6 * x + 1
y.backward()  # fills x.grad with dy/dx at x = 2
print(x.grad)

by_hand = 36 * 2**3 + 6 * 2**2 + 6 * 2 + 6  # y' = 36x^3 + 6x^2 + 6x + 6
print(by_hand, x.grad.item() == by_hand)
# --8<-- [end:polynomial]

# --8<-- [start:partial]
import torch

x = torch.tensor(1.0, requires_grad=True)
z = torch.tensor(2.0, requires_grad=True)
f = x**2 * z + z**3
f.backward()  # one call fills the gradient of every leaf
print(x.grad)  # df/dx = 2xz        = 4
print(z.grad)  # df/dz = x^2 + 3z^2 = 13
# --8<-- [end:partial]

# --8<-- [start:vector]
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
loss = (x**2).sum()  # a scalar, like a loss
loss.backward()
print(x.grad)  # d(sum of x_i^2)/dx_i = 2 x_i
print(x.grad.shape == x.shape)
# --8<-- [end:vector]

# --8<-- [start:retain_grad]
import torch

x = torch.tensor(3.0, requires_grad=True)
h = x * 2  # an intermediate (non-leaf) tensor
h.retain_grad()  # ask autograd to keep its gradient too
y = h**2
y.backward()
print(h.grad, x.grad)  # dy/dh = 2h = 12, dy/dx = 12 * 2 = 24
# --8<-- [end:retain_grad]

# --8<-- [start:no_requires_grad]
import torch

x = torch.tensor([1.0, 2.0])  # requires_grad defaults to False
y = (x**2).sum()
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__, e)

x = torch.tensor([1.0, 2.0], requires_grad=True)  # the fix
(x**2).sum().backward()
print(x.grad)
# --8<-- [end:no_requires_grad]
