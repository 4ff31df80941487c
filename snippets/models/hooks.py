"""Module hooks: forward, forward-pre and full backward hooks, Grad-CAM, global hooks, removal."""

# --8<-- [start:capture_activations]
import torch
from torch import nn

model = nn.Sequential(
    nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(4 * 4 * 4, 3)
)
activations = {}


def save_to(name):
    def hook(module, inputs, output):  # runs right after module.forward
        activations[name] = output.detach()  # detach: keep the values, not the graph

    return hook


for name, module in model.named_modules():
    if isinstance(module, (nn.Conv2d, nn.Linear)):
        module.register_forward_hook(save_to(name))
model(torch.randn(2, 1, 8, 8))
print({name: tuple(a.shape) for name, a in activations.items()})
# --8<-- [end:capture_activations]

# --8<-- [start:shared_module_pitfall]
import torch
from torch import nn


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 4), nn.Linear(4, 4)
        self.relu = nn.ReLU()  # one module, used twice below (torchvision's ResNet blocks do this)

    def forward(self, x):
        return self.relu(self.fc2(self.relu(self.fc1(x))))


calls = []
block = Block()
block.relu.register_forward_hook(lambda module, inputs, output: calls.append(output.shape))
block(torch.randn(2, 4))
print(len(calls), "calls for one forward pass")  # a dict keyed by name keeps only the last
# --8<-- [end:shared_module_pitfall]

# --8<-- [start:forward_pre_hook]
import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(3, 2)


def clamp_input(module, args):  # runs before forward; args is the tuple of positional inputs
    (x,) = args
    return (x.clamp(-1, 1),)  # a returned tuple replaces the inputs


x = torch.tensor([[5.0, -5.0, 0.5]])
handle = layer.register_forward_pre_hook(clamp_input)
print(torch.allclose(layer(x), layer.weight @ torch.tensor([1.0, -1.0, 0.5]) + layer.bias))
handle.remove()
print(torch.allclose(layer(x), layer.weight @ x[0] + layer.bias))  # the plain layer again
# --8<-- [end:forward_pre_hook]

# --8<-- [start:forward_hook_replace]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
x = torch.randn(5, 4)


def ablate_unit_0(module, inputs, output):
    output = output.clone()
    output[:, 0] = 0.0  # switch off hidden unit 0
    return output  # a returned value replaces the module's output


handle = model[1].register_forward_hook(ablate_unit_0)
ablated = model(x)
handle.remove()
by_hand = model[2](torch.relu(model[0](x)) * torch.tensor([0.0, 1.0, 1.0]))
print(torch.allclose(ablated, by_hand))
# --8<-- [end:forward_hook_replace]

# --8<-- [start:full_backward_hook]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2))
grads = {}


def save_grads(module, grad_input, grad_output):  # runs during backward()
    grads["out"] = grad_output[0]  # dLoss / d(module output)
    grads["in"] = grad_input[0]  # dLoss / d(module input)


model[2].register_full_backward_hook(save_grads)
model(torch.randn(5, 4)).pow(2).sum().backward()
print(grads["out"].shape, grads["in"].shape)
print(torch.allclose(grads["in"], grads["out"] @ model[2].weight))  # the chain rule for a Linear
# --8<-- [end:full_backward_hook]

# --8<-- [start:full_backward_pre_hook]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
x = torch.randn(5, 4)
model(x).sum().backward()
plain = {name: p.grad.clone() for name, p in model.named_parameters()}


def scale_grad(module, grad_output):  # runs before the module's own backward
    return (0.1 * grad_output[0],)  # a returned tuple replaces grad_output


model.zero_grad()
handle = model[2].register_full_backward_pre_hook(scale_grad)
model(x).sum().backward()
handle.remove()
print({name: torch.allclose(p.grad, 0.1 * plain[name]) for name, p in model.named_parameters()})
# --8<-- [end:full_backward_pre_hook]

# --8<-- [start:backward_hook_first_layer]
import warnings

import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2))
seen = []
model[0].register_full_backward_hook(lambda m, grad_input, grad_output: seen.append(grad_input))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model(torch.randn(5, 4)).sum().backward()  # the input batch does not require grad
for w in caught:
    print(w.category.__name__, w.message)
print(seen[0])  # no gradient for the input
# --8<-- [end:backward_hook_first_layer]

# --8<-- [start:backward_hook_inplace]
import torch
from torch import nn

for inplace in (True, False):
    model = nn.Sequential(nn.Linear(4, 4), nn.Linear(4, 4), nn.ReLU(inplace=inplace))
    model[1].register_full_backward_hook(lambda module, grad_input, grad_output: None)
    try:
        model(torch.randn(2, 4)).sum().backward()
        print(f"ReLU(inplace={inplace}): backward ran")
    except RuntimeError as e:
        print(f"ReLU(inplace={inplace}):", type(e).__name__, e)
# --8<-- [end:backward_hook_inplace]

# --8<-- [start:grad_cam]
import torch
import torch.nn.functional as F
from torch import nn


def make_batch(n, gen):  # label 1: a bright 3 x 3 square somewhere; label 0: noise only
    x = 0.3 * torch.randn(n, 1, 12, 12, generator=gen)
    y = torch.randint(0, 2, (n,), generator=gen)
    corner = torch.randint(0, 10, (n, 2), generator=gen)  # top-left (row, col) of the square
    for i in torch.nonzero(y).flatten().tolist():
        r, c = corner[i].tolist()
        x[i, 0, r : r + 3, c : c + 3] += 1.0
    return x, y, corner


torch.manual_seed(0)
gen = torch.Generator().manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(),
    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 2),
)  # fmt: skip
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
for _ in range(30):
    x, y, _ = make_batch(32, gen)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()

saved = {}
target = model[3]  # the last conv block's output: (n, 8, 12, 12) feature maps
h1 = target.register_forward_hook(lambda m, i, o: saved.update(act=o.detach()))
h2 = target.register_full_backward_hook(lambda m, gi, go: saved.update(grad=go[0]))
x, y, corner = make_batch(64, gen)
x, corner = x[y == 1], corner[y == 1]  # images with a square
model.zero_grad()
model(x)[:, 1].sum().backward()  # gradient of the "square" logit
h1.remove()
h2.remove()
weights = saved["grad"].mean(dim=(2, 3), keepdim=True)  # one weight per channel
cam = F.relu((weights * saved["act"]).sum(dim=1))  # (n, 12, 12): where the evidence is
peak = cam.flatten(1).argmax(dim=1)
row, col = peak // 12, peak % 12
dr, dc = row - corner[:, 0], col - corner[:, 1]  # the peak, relative to the square's corner
inside = (dr >= 0) & (dr <= 2) & (dc >= 0) & (dc <= 2)
print(cam.shape, f"peak inside the square: {int(inside.sum())}/{len(x)}")
# --8<-- [end:grad_cam]

# --8<-- [start:remove_handle]
import torch
from torch import nn

layer = nn.Linear(2, 2)
count = 0


def counter(module, inputs, output):
    global count
    count += 1


handle = layer.register_forward_hook(counter)
layer(torch.randn(1, 2))
layer(torch.randn(1, 2))
handle.remove()
layer(torch.randn(1, 2))  # not counted
print(count, len(layer._forward_hooks))
# --8<-- [end:remove_handle]

# --8<-- [start:global_hooks]
from collections import Counter

import torch
from torch import nn
from torch.nn.modules.module import register_module_forward_hook

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 2))
calls = Counter()
handle = register_module_forward_hook(  # for every module of every model in this process
    lambda module, inputs, output: calls.update([type(module).__name__])
)
model(torch.randn(3, 4))
handle.remove()
model(torch.randn(3, 4))  # not counted
print(dict(calls))
# --8<-- [end:global_hooks]

# --8<-- [start:vs_feature_extractor]
import torch
from torchvision.models import resnet18
from torchvision.models.feature_extraction import create_feature_extractor

torch.manual_seed(0)
model = resnet18(weights=None).eval()
x = torch.randn(1, 3, 64, 64)
captured = {}
handle = model.layer2.register_forward_hook(lambda m, i, o: captured.update(layer2=o))
with torch.no_grad():
    model(x)
handle.remove()  # before tracing: a hook would also fire while the model is traced
extractor = create_feature_extractor(model, return_nodes={"layer2": "layer2"})
with torch.no_grad():
    features = extractor(x)
print(features["layer2"].shape, torch.equal(features["layer2"], captured["layer2"]))
# --8<-- [end:vs_feature_extractor]
