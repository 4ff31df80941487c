"""Parameters and buffers: ParameterList/Dict, register_buffer and nn.Buffer, what .to() moves."""

# --8<-- [start:parameter_list_dict]
import torch
from torch import nn


class Mixture(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.centres = nn.ParameterList([nn.Parameter(torch.randn(2)) for _ in range(n)])
        self.affine = nn.ParameterDict({"scale": nn.Parameter(torch.ones(1))})
        self.forgotten = [nn.Parameter(torch.randn(2))]  # a plain list: invisible to the module


m = Mixture(2)
print([name for name, _ in m.named_parameters()])  # no "forgotten"
m.affine["shift"] = torch.zeros(1)  # plain tensors are wrapped as Parameters
print(type(m.affine["shift"]).__name__, len(list(m.parameters())))
# --8<-- [end:parameter_list_dict]

# --8<-- [start:buffer_kinds]
import torch
from torch import nn


class Kinds(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(2))  # trained, saved, moved
        self.register_buffer("mean", torch.zeros(2))  # saved, moved, not trained
        self.register_buffer("cache", torch.zeros(2), persistent=False)  # moved, not saved
        self.plain = torch.zeros(2)  # none of these


m = Kinds()
print("parameters:", [n for n, _ in m.named_parameters()])
print("buffers:   ", [n for n, _ in m.named_buffers()])
print("state_dict:", list(m.state_dict()))
m.to(torch.float64)  # .to(device) moves exactly the same things
print({name: getattr(m, name).dtype for name in ("weight", "mean", "cache", "plain")})
# --8<-- [end:buffer_kinds]

# --8<-- [start:nn_buffer]
import torch
from torch import nn


class Normalize(nn.Module):
    def __init__(self):
        super().__init__()
        self.mean = nn.Buffer(torch.zeros(3))  # torch >= 2.5: same as register_buffer("mean", ...)
        self.table = nn.Buffer(torch.arange(4.0), persistent=False)  # persistent is keyword-only
        self.register_buffer("std", torch.ones(3))  # the older spelling, the same result
        self.plain = torch.zeros(3)  # a plain tensor: still not registered


m = Normalize()
print("buffers:   ", [n for n, _ in m.named_buffers()])
print("state_dict:", list(m.state_dict()))
print(type(m.mean).__name__)  # stored as an ordinary tensor
# --8<-- [end:nn_buffer]

# --8<-- [start:persistent_load]
import torch
from torch import nn


class WithBuffers(nn.Module):
    def __init__(self, persistent):
        super().__init__()
        self.linear = nn.Linear(2, 2)
        self.register_buffer("table", torch.arange(4.0), persistent=persistent)


linear = nn.Linear(2, 2)
old_checkpoint = {f"linear.{k}": v for k, v in linear.state_dict().items()}  # saved before "table"
try:
    WithBuffers(persistent=True).load_state_dict(old_checkpoint)
except RuntimeError as e:
    print(type(e).__name__, " ".join(str(e).split()))
print(WithBuffers(persistent=False).load_state_dict(old_checkpoint))
# --8<-- [end:persistent_load]

# --8<-- [start:load_post_hook]
import torch
from torch import nn


def rebuild_inv_std(module, incompatible_keys):  # runs after every load_state_dict
    module.inv_std = 1 / module.std


class Normalize(nn.Module):
    def __init__(self, rebuild):
        super().__init__()
        self.register_buffer("std", torch.ones(2))  # saved in the checkpoint
        self.register_buffer("inv_std", 1 / self.std, persistent=False)  # derived, not saved
        if rebuild:
            self.register_load_state_dict_post_hook(rebuild_inv_std)

    def forward(self, x):
        return x * self.inv_std


checkpoint = {"std": torch.tensor([2.0, 4.0])}
for rebuild in (False, True):
    m = Normalize(rebuild)
    m.load_state_dict(checkpoint)
    print(f"rebuild={rebuild}:", m(torch.ones(2)))
# --8<-- [end:load_post_hook]

# --8<-- [start:assign_buffer_parameter]
import torch
from torch import nn

m = nn.Module()
m.register_buffer("mean", torch.zeros(2))
m.mean = torch.ones(3)  # assigning a tensor to a buffer's name replaces the buffer
print(m.state_dict())
m.weight = nn.Parameter(torch.zeros(2))
try:
    m.weight = torch.ones(2)  # but a Parameter can only be replaced by a Parameter
except TypeError as e:
    print(type(e).__name__, e)
with torch.no_grad():
    m.weight.copy_(torch.ones(2))  # change its values in place instead
print(m.weight)
# --8<-- [end:assign_buffer_parameter]

# --8<-- [start:frozen_vs_buffer]
import torch
from torch import nn


class Frozen(nn.Module):
    def __init__(self):
        super().__init__()
        self.frozen = nn.Parameter(torch.ones(2), requires_grad=False)
        self.register_buffer("constant", torch.ones(2))


m = Frozen()
print(len(list(m.parameters())), len(list(m.buffers())))  # the frozen one is still a parameter
optimizer = torch.optim.SGD(m.parameters(), lr=0.1)
print(len(optimizer.param_groups[0]["params"]))  # ... and the optimizer holds it
m.frozen.requires_grad_(True)  # it can be unfrozen later; a buffer cannot
print(m.frozen.requires_grad)
# --8<-- [end:frozen_vs_buffer]
