"""Gradient norms per layer: log them, spot vanishing and exploding gradients, clip with the total."""

# --8<-- [start:per_layer_norms]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1))
x, y = torch.randn(32, 8), torch.randn(32, 1)
nn.functional.mse_loss(model(x), y).backward()
norms = {name: p.grad.norm().item() for name, p in model.named_parameters() if p.grad is not None}
for name, norm in norms.items():
    print(f"{name:10s} {norm:.4f}")
# --8<-- [end:per_layer_norms]

# --8<-- [start:vanishing]
import torch
from torch import nn


def deep_mlp(activation, init=None, depth=8, width=32):
    layers = []
    for _ in range(depth):
        linear = nn.Linear(width, width)
        if init is not None:
            init(linear.weight)
            nn.init.zeros_(linear.bias)
        layers += [linear, activation()]
    return nn.Sequential(*layers, nn.Linear(width, 1))


def kaiming(weight):
    nn.init.kaiming_normal_(weight, nonlinearity="relu")


for name, activation, init in [
    ("sigmoid, default init", nn.Sigmoid, None),
    ("relu, kaiming init   ", nn.ReLU, kaiming),
]:
    torch.manual_seed(0)
    model = deep_mlp(activation, init)
    model(torch.randn(64, 32)).pow(2).mean().backward()
    first, last = model[0].weight.grad.norm().item(), model[14].weight.grad.norm().item()
    print(f"{name}: first layer {first:.0e}, last hidden layer {last:.0e}")
# --8<-- [end:vanishing]

# --8<-- [start:exploding_init]
import torch
from torch import nn

for std in (0.25, 0.5):  # kaiming's std for 32 inputs is sqrt(2 / 32) = 0.25
    torch.manual_seed(0)
    layers = []
    for _ in range(8):
        linear = nn.Linear(32, 32, bias=False)
        nn.init.normal_(linear.weight, std=std)
        layers += [linear, nn.ReLU()]
    model = nn.Sequential(*layers, nn.Linear(32, 1))
    model(torch.randn(64, 32)).pow(2).mean().backward()
    print(f"std {std}: first layer gradient norm {model[0].weight.grad.norm().item():.0e}")
# --8<-- [end:exploding_init]

# --8<-- [start:total_norm]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
nn.functional.mse_loss(model(torch.randn(32, 8)), torch.randn(32, 1)).backward()
per_param = torch.stack([p.grad.norm() for p in model.parameters()])
total = nn.utils.get_total_norm([p.grad for p in model.parameters()])
returned = nn.utils.clip_grad_norm_(model.parameters(), max_norm=float("inf"))  # measure only
print(torch.allclose(total, per_param.norm()), torch.allclose(returned, total))
print(round(returned.item(), 4))
# --8<-- [end:total_norm]

# --8<-- [start:nonfinite]
import torch
from torch import nn

model = nn.Linear(3, 1)
model(torch.tensor([[1.0, float("inf"), 0.0]])).sum().backward()  # an inf gradient
try:
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print(type(e).__name__, e)
print(nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0))  # default: no error
print(model.weight.grad)  # scaled by 1 / inf or nan: the gradients are ruined
# --8<-- [end:nonfinite]

# --8<-- [start:log_during_training]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(64, 8), torch.randn(64, 1)
history = []
for _ in range(30):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    norms = {n: p.grad.norm().item() for n, p in model.named_parameters()}  # after backward
    norms["total"] = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0).item()
    history.append(norms)  # or writer.add_scalars("grad_norm", norms, step)
    optimizer.step()
for step in (0, 29):
    print(step, {n: round(v, 3) for n, v in history[step].items()})
# --8<-- [end:log_during_training]
