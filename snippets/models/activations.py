"""Activation functions: module and functional forms, ELU, softplus, GLU, softmax and its dim."""

# --8<-- [start:relu_family]
import torch
from torch import nn

x = torch.tensor([-3.0, -1.0, 0.0, 0.5, 2.0])
print(nn.ReLU()(x))  # max(0, x)
print(nn.LeakyReLU(negative_slope=0.1)(x))  # keeps a small slope below 0
print(nn.Hardtanh(min_val=-1.0, max_val=1.0)(x))  # clips to [-1, 1]
# --8<-- [end:relu_family]

# --8<-- [start:sigmoid_tanh]
import torch
from torch import nn

x = torch.tensor([-5.0, 0.0, 5.0])
print(nn.Sigmoid()(x).round(decimals=4))  # squashes into (0, 1)
print(nn.Tanh()(x).round(decimals=4))  # squashes into (-1, 1), centred on 0
# --8<-- [end:sigmoid_tanh]

# --8<-- [start:gelu_silu]
import torch
from torch import nn

x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])
print(nn.GELU()(x).round(decimals=4))  # transformers' favourite
print(nn.GELU(approximate="tanh")(x).round(decimals=4))  # the tanh approximation
print(nn.SiLU()(x).round(decimals=4))  # x * sigmoid(x), also called swish
print(torch.allclose(nn.SiLU()(x), x * torch.sigmoid(x)))
# --8<-- [end:gelu_silu]

# --8<-- [start:elu]
import torch
import torch.nn.functional as F
from torch import nn

x = torch.tensor([-10.0, -1.0, 0.0, 2.0])
print(F.elu(x).round(decimals=4))  # alpha * (exp(x) - 1) below 0: tends to -alpha
print(F.elu(x, alpha=0.5).round(decimals=4))
print(torch.equal(nn.ELU(alpha=0.5)(x), F.elu(x, alpha=0.5)))
# --8<-- [end:elu]

# --8<-- [start:softplus_logsigmoid]
import torch
import torch.nn.functional as F

x = torch.tensor([-150.0, -2.0, 0.0, 1.0])
print(F.softplus(x).round(decimals=4))  # log(1 + exp(x)): a smooth ReLU, never negative
print(torch.log(torch.sigmoid(x)).round(decimals=4))  # sigmoid(-150) underflows: -inf
print(F.logsigmoid(x).round(decimals=4))  # the same function, computed stably
print(torch.allclose(F.logsigmoid(x), -F.softplus(-x)))
# --8<-- [end:softplus_logsigmoid]

# --8<-- [start:glu]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 16)
h = nn.Linear(16, 2 * 32)(x)  # project to twice the width you want
out = F.glu(h, dim=-1)  # first half * sigmoid(second half)
a, b = h.chunk(2, dim=-1)
print(h.shape, out.shape)
print(torch.allclose(out, a * torch.sigmoid(b)))
try:
    F.glu(torch.randn(4, 5))
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:glu]

# --8<-- [start:module_vs_functional]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 6)
pairs = [
    (nn.ReLU(), F.relu),
    (nn.LeakyReLU(0.1), lambda t: F.leaky_relu(t, 0.1)),
    (nn.Hardtanh(), F.hardtanh),
    (nn.Sigmoid(), torch.sigmoid),
    (nn.Tanh(), torch.tanh),
    (nn.Softmax(dim=1), lambda t: F.softmax(t, dim=1)),
    (nn.LogSoftmax(dim=1), lambda t: F.log_softmax(t, dim=1)),
    (nn.GELU(), F.gelu),
    (nn.SiLU(), F.silu),
]
print(all(torch.equal(module(x), fn(x)) for module, fn in pairs))
# --8<-- [end:module_vs_functional]

# --8<-- [start:softmax]
import torch
from torch import nn

logits = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])  # (batch, classes)
probs = nn.Softmax(dim=1)(logits)  # normalize across the classes of each row
print(probs.round(decimals=4))
print(probs.sum(dim=1))
# --8<-- [end:softmax]

# --8<-- [start:softmax_dim_pitfall]
import torch

logits = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
wrong = torch.softmax(logits, dim=0)  # normalizes down each column, across the batch
print(wrong.round(decimals=4))
print("row sums:", wrong.sum(dim=1).round(decimals=4))  # not probabilities per sample
print("dim=-1 rows:", torch.softmax(logits, dim=-1).sum(dim=-1))
# --8<-- [end:softmax_dim_pitfall]

# --8<-- [start:softmax_class_dim]
import torch

torch.manual_seed(0)
logits = torch.randn(2, 3, 4, 5)  # segmentation: (batch, classes, height, width)
probs = torch.softmax(logits, dim=1)  # the class dimension: one distribution per pixel
print(torch.allclose(probs.sum(dim=1), torch.ones(2, 4, 5)))
last = torch.softmax(logits, dim=-1)  # across the width: runs, and means nothing
print(torch.allclose(last.sum(dim=1), torch.ones(2, 4, 5)))
# --8<-- [end:softmax_class_dim]

# --8<-- [start:log_softmax]
import torch

logits = torch.tensor([[1000.0, 0.0]])
print(torch.log(torch.softmax(logits, dim=1)))  # softmax underflows to 0, log gives -inf
print(torch.log_softmax(logits, dim=1))  # computed stably in one step
print(round(torch.log_softmax(torch.tensor([[1.0, 2.0]]), dim=1).exp().sum().item(), 4))
# --8<-- [end:log_softmax]
