"""Every activation module of torch.nn on one input, its functional form, completeness checks."""

# --8<-- [start:table]
import torch
import torch.nn.modules.activation as activation_module
from torch import nn

acts = {
    "ELU": nn.ELU(),
    "CELU": nn.CELU(),
    "SELU": nn.SELU(),
    "GELU": nn.GELU(),
    "ReLU": nn.ReLU(),
    "ReLU6": nn.ReLU6(),
    "LeakyReLU": nn.LeakyReLU(0.1),
    "PReLU": nn.PReLU(),
    "RReLU": nn.RReLU().eval(),  # eval: a fixed slope, no randomness
    "Threshold": nn.Threshold(0.5, -1.0),
    "Hardtanh": nn.Hardtanh(),
    "Hardshrink": nn.Hardshrink(),
    "Softshrink": nn.Softshrink(),
    "Tanhshrink": nn.Tanhshrink(),
    "Sigmoid": nn.Sigmoid(),
    "Hardsigmoid": nn.Hardsigmoid(),
    "LogSigmoid": nn.LogSigmoid(),
    "Tanh": nn.Tanh(),
    "Softsign": nn.Softsign(),
    "Softplus": nn.Softplus(),
    "SiLU": nn.SiLU(),
    "Hardswish": nn.Hardswish(),
    "Mish": nn.Mish(),
    # these act along a dimension rather than element by element
    "Softmax": nn.Softmax(dim=0),
    "Softmin": nn.Softmin(dim=0),
    "LogSoftmax": nn.LogSoftmax(dim=0),
    "GLU": nn.GLU(dim=0),
    "Softmax2d": nn.Softmax2d(),
}
x = torch.tensor([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 4.0])
print(f"{'x':<12}" + "".join(f"{v:7.2f}" for v in x.tolist()))
with torch.no_grad():
    for name, act in acts.items():
        y = act(x.view(8, 1, 1)).flatten() if name == "Softmax2d" else act(x)  # (C, H, W)
        print(f"{name:<12}" + "".join(f"{v:7.2f}" for v in y.tolist()))

exported = set(activation_module.__all__) - {"MultiheadAttention"}  # not element-wise
print("all activations covered:", set(acts) == exported)
# --8<-- [end:table]

# --8<-- [start:prelu]
from torch import nn

prelu = nn.PReLU(num_parameters=3)  # one learnable slope per channel, starting at 0.25
print([(name, tuple(p.shape)) for name, p in prelu.named_parameters()])
print(prelu.weight.detach())
print(sum(p.numel() for p in nn.LeakyReLU(0.25).parameters()))  # a fixed slope: nothing to train
# --8<-- [end:prelu]

# --8<-- [start:adaptive_log_softmax]
import torch
from torch import nn

torch.manual_seed(0)
asm = nn.AdaptiveLogSoftmaxWithLoss(in_features=16, n_classes=1000, cutoffs=[10, 100])
hidden = torch.randn(4, 16)  # e.g. the last hidden state of a language model
target = torch.tensor([3, 50, 500, 999])
with torch.no_grad():
    out = asm(hidden, target)  # a named tuple: (output, loss)
    log_probs = asm.log_prob(hidden)  # the full (batch, n_classes) log-probabilities
print(tuple(out.output.shape), round(out.loss.item(), 4))
print(tuple(log_probs.shape), log_probs.exp().sum(dim=1).round(decimals=4))
print(torch.allclose(log_probs[torch.arange(4), target], out.output))  # target log-probs
# --8<-- [end:adaptive_log_softmax]

# --8<-- [start:functional_table]
import torch
import torch.nn.functional as F
import torch.nn.modules.activation as activation_module
from torch import nn

functional = {  # module: (function, how to call it); one row per row of the page's table
    nn.ELU(alpha=0.5): lambda t: F.elu(t, alpha=0.5),
    nn.CELU(): F.celu,
    nn.SELU(): F.selu,
    nn.GELU(): F.gelu,
    nn.ReLU(): F.relu,
    nn.ReLU6(): F.relu6,
    nn.LeakyReLU(0.1): lambda t: F.leaky_relu(t, 0.1),
    nn.PReLU(): lambda t: F.prelu(t, torch.tensor([0.25])),  # the slope is an argument
    nn.RReLU().eval(): F.rrelu,  # training=False by default: the fixed mean slope
    nn.Threshold(0.5, -1.0): lambda t: F.threshold(t, 0.5, -1.0),
    nn.Hardtanh(): F.hardtanh,
    nn.Hardshrink(): F.hardshrink,
    nn.Softshrink(): F.softshrink,
    nn.Tanhshrink(): F.tanhshrink,
    nn.Sigmoid(): torch.sigmoid,
    nn.Hardsigmoid(): F.hardsigmoid,
    nn.LogSigmoid(): F.logsigmoid,
    nn.Tanh(): torch.tanh,
    nn.Softsign(): F.softsign,
    nn.Softplus(beta=2.0): lambda t: F.softplus(t, beta=2.0),
    nn.SiLU(): F.silu,
    nn.Hardswish(): F.hardswish,
    nn.Mish(): F.mish,
    nn.Softmax(dim=1): lambda t: F.softmax(t, dim=1),
    nn.Softmin(dim=1): lambda t: F.softmin(t, dim=1),
    nn.LogSoftmax(dim=1): lambda t: F.log_softmax(t, dim=1),
    nn.GLU(dim=1): lambda t: F.glu(t, dim=1),  # halves dim 1: (2, 8, 3) -> (2, 4, 3)
    nn.Softmax2d(): lambda t: F.softmax(t, dim=-3),  # over the channels of (C, H, W)
}
torch.manual_seed(0)
x = torch.randn(2, 8, 3)  # 3-D, so Softmax2d reads it as (C, H, W)
with torch.no_grad():
    same = {type(m).__name__: torch.equal(m(x), fn(x)) for m, fn in functional.items()}
print(f"{len(same)} pairs, all equal: {all(same.values())}")
print(tuple(F.glu(x, dim=1).shape))
exported = set(activation_module.__all__) - {"MultiheadAttention"}
print("all activations covered:", set(same) == exported)
# --8<-- [end:functional_table]
