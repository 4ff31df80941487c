"""Per-sample gradients with torch.func: vmap(grad(loss)) over functional_call, checked by a loop."""

# --8<-- [start:per_sample_grads]
import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call, grad, vmap

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
x, y = torch.randn(16, 4), torch.randint(0, 3, (16,))
params = {name: p.detach() for name, p in model.named_parameters()}  # plain tensors to grad


def sample_loss(params, xi, yi):  # written for ONE sample
    logits = functional_call(model, params, (xi.unsqueeze(0),))  # a batch of 1 for the model
    return F.cross_entropy(logits, yi.unsqueeze(0))


per_sample = vmap(grad(sample_loss), in_dims=(None, 0, 0))(params, x, y)  # params shared
print({name: tuple(g.shape) for name, g in per_sample.items()})  # a leading dim of 16
# --8<-- [end:per_sample_grads]

# --8<-- [start:check_loop]
import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call, grad, vmap

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
x, y = torch.randn(16, 4), torch.randint(0, 3, (16,))
params = {name: p.detach() for name, p in model.named_parameters()}


def sample_loss(params, xi, yi):
    return F.cross_entropy(functional_call(model, params, (xi.unsqueeze(0),)), yi.unsqueeze(0))


fast = vmap(grad(sample_loss), in_dims=(None, 0, 0))(params, x, y)
loop = {name: [] for name in params}
for xi, yi in zip(x, y, strict=True):  # the slow way: one backward pass per sample
    model.zero_grad()
    F.cross_entropy(model(xi.unsqueeze(0)), yi.unsqueeze(0)).backward()
    for name, p in model.named_parameters():
        loop[name].append(p.grad.clone())
print(all(torch.allclose(fast[n], torch.stack(loop[n]), atol=1e-6) for n in params))
model.zero_grad()
F.cross_entropy(model(x), y).backward()  # the batch gradient is their mean
print(all(torch.allclose(fast[n].mean(0), p.grad, atol=1e-6) for n, p in model.named_parameters()))
# --8<-- [end:check_loop]

# --8<-- [start:clip_per_sample]
import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call, grad, vmap

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
x, y = torch.randn(16, 4), torch.randint(0, 3, (16,))
params = {name: p.detach() for name, p in model.named_parameters()}


def sample_loss(params, xi, yi):
    return F.cross_entropy(functional_call(model, params, (xi.unsqueeze(0),)), yi.unsqueeze(0))


grads = vmap(grad(sample_loss), in_dims=(None, 0, 0))(params, x, y)
norms = torch.stack([g.flatten(1).norm(dim=1) for g in grads.values()]).norm(dim=0)  # (16,)
scale = (1.0 / norms).clamp(max=1.0)  # shrink each sample's gradient to norm <= 1
clipped = {n: g * scale.view(-1, *[1] * (g.dim() - 1)) for n, g in grads.items()}
new_norms = torch.stack([g.flatten(1).norm(dim=1) for g in clipped.values()]).norm(dim=0)
print(norms.shape, bool((new_norms <= 1 + 1e-6).all()))
update = {n: g.mean(0) for n, g in clipped.items()}  # average, then (in DP-SGD) add noise
print({n: tuple(u.shape) for n, u in update.items()})
# --8<-- [end:clip_per_sample]

# --8<-- [start:batchnorm_pitfall]
import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call, grad, vmap

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))
x, y = torch.randn(16, 4), torch.randint(0, 3, (16,))
params = {name: p.detach() for name, p in model.named_parameters()}
buffers = {name: b for name, b in model.named_buffers()}


def sample_loss(params, buffers, xi, yi):
    logits = functional_call(model, (params, buffers), (xi.unsqueeze(0),))
    return F.cross_entropy(logits, yi.unsqueeze(0))


per_sample = vmap(grad(sample_loss), in_dims=(None, None, 0, 0))
try:
    per_sample(params, buffers, x, y)  # train mode: batch norm over a batch of 1
except ValueError as e:
    print(type(e).__name__, e)
model.eval()  # use the running statistics: each sample on its own
print(per_sample(params, buffers, x, y)["0.weight"].shape)
# --8<-- [end:batchnorm_pitfall]
