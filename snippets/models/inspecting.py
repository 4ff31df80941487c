"""Inspecting a model: print it (extra_repr), list parameters and state, count and flatten them."""

# --8<-- [start:print_model]
from torch import nn

model = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1),
    nn.BatchNorm2d(8),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Linear(8, 10),
)
print(model)
# --8<-- [end:print_model]

# --8<-- [start:extra_repr]
from torch import nn


class Scale(nn.Module):
    def __init__(self, factor):
        super().__init__()
        self.factor = factor

    def forward(self, x):
        return x * self.factor


class ScaleWithRepr(Scale):
    def extra_repr(self):  # the text between the parentheses of print(module)
        return f"factor={self.factor}"


print(nn.Sequential(nn.Linear(4, 4), Scale(0.5), ScaleWithRepr(0.5)))
# --8<-- [end:extra_repr]

# --8<-- [start:named_parameters]
from torch import nn

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
for name, param in model.named_parameters():
    print(f"{name:<9} {tuple(param.shape)!s:<7} requires_grad={param.requires_grad}")
print(type(next(model.parameters())).__name__)  # parameters() yields the same tensors
# --8<-- [end:named_parameters]

# --8<-- [start:state_dict]
from torch import nn

model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.Linear(8, 2))
for key, tensor in model.state_dict().items():
    print(f"{key:<24} {tuple(tensor.shape)}")
print(len(list(model.parameters())), "parameters,", len(model.state_dict()), "state_dict entries")
# --8<-- [end:state_dict]

# --8<-- [start:count]
from torch import nn

model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
model[0].requires_grad_(False)  # freeze the first layer

total = sum(p.numel() for p in model.parameters())
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"total: {total:,}  trainable: {trainable:,}")  # 784*128 + 128 + 128*10 + 10
# --8<-- [end:count]

# --8<-- [start:parameters_to_vector]
import torch
from torch import nn
from torch.nn.utils import parameters_to_vector, vector_to_parameters


def make():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))


torch.manual_seed(0)
a, b, soup = make(), make(), make()
va = parameters_to_vector(a.parameters())  # one 1-D copy, in parameters() order
vb = parameters_to_vector(b.parameters())
print(va.shape, va.requires_grad)  # 4*8 + 8 + 8*2 + 2 = 58 values, differentiable
mean = (va + vb).detach() / 2  # average the two models, weight by weight
vector_to_parameters(mean, soup.parameters())  # cut back into the parameters' shapes
print(torch.allclose(soup[2].weight, (a[2].weight + b[2].weight) / 2))
print(soup[0].weight.data_ptr() == mean.data_ptr())  # the parameters now view mean's memory
# --8<-- [end:parameters_to_vector]

# --8<-- [start:submodules]
import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Sequential(nn.Linear(8, 8), nn.ReLU()))
print([name for name, _ in model.named_children()])  # direct children only
print([name for name, _ in model.named_modules()])  # recursive, "" is the model itself
print(model.get_submodule("2.0"))  # reach a nested layer by its dotted name
print(torch.equal(model.state_dict()["2.0.weight"], model[2][0].weight))
# --8<-- [end:submodules]
