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

# --8<-- [start:eager_only]
import torch

graphs = []


def counting_backend(gm, example_inputs):  # runs each captured graph as it is: no compiling
    graphs.append(gm)
    return gm.forward


@torch.compiler.disable  # never traced: runs as plain Python, between two graphs
def log_mean(x):
    print(f"mean {x.mean().item():.2f}")


def step(x):
    if not torch.compiler.is_compiling():  # True while tracing: the check is left out there
        assert torch.isfinite(x).all(), "non-finite input"
    x = x * 2
    log_mean(x)
    return x + 1


print(torch.compile(step, backend=counting_backend)(torch.ones(3)))
print(len(graphs), "graphs", torch.compiler.is_compiling())
# --8<-- [end:eager_only]

# --8<-- [start:custom_op]
import numpy as np
import torch


@torch.library.custom_op("mylib::numpy_sin", mutates_args=())  # "namespace::name"
def numpy_sin(x: torch.Tensor) -> torch.Tensor:  # type hints are required
    return torch.from_numpy(np.sin(x.numpy(force=True))).to(x.device)  # opaque to the compiler


@numpy_sin.register_fake  # what the output looks like (shape, dtype, device), without data
def _(x):
    return torch.empty_like(x)


def f(x):
    return numpy_sin(x) * 2


compiled = torch.compile(f, backend="eager", fullgraph=True)  # fullgraph: a break would raise
x = torch.linspace(0, 1, 5)
print(torch.allclose(compiled(x), 2 * torch.sin(x)))
# --8<-- [end:custom_op]
