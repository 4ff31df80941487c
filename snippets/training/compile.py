"""torch.compile: compile once, check against eager."""

# --8<-- [start:compile_function]
import torch


def gelu_tanh(x):  # several element-wise ops: fusable
    return 0.5 * x * (1 + torch.tanh(0.7978845608 * (x + 0.044715 * x**3)))


compiled = torch.compile(gelu_tanh, dynamic=False)  # returns at once; compiles on first call
torch.manual_seed(0)
x = torch.randn(1000)
out = compiled(x)  # slow: traces and generates a kernel
print(out.shape, out.dtype)
print(torch.allclose(out, gelu_tanh(x), atol=1e-6))
print(torch.allclose(compiled(x), out))  # later calls with the same shape: fast
# --8<-- [end:compile_function]

# --8<-- [start:state_dict_prefix]
import torch
from torch import nn

model = nn.Linear(2, 1)
wrapped = torch.compile(model)  # a wrapper; nothing compiles before a call
print(type(wrapped).__name__, list(wrapped.state_dict()))
try:
    nn.Linear(2, 1).load_state_dict(wrapped.state_dict())
except RuntimeError as e:
    print(type(e).__name__, " ".join(str(e).split()))  # the message on one line
model.compile()  # in place: same object, same keys
print(type(model).__name__, list(model.state_dict()))
# --8<-- [end:state_dict_prefix]
