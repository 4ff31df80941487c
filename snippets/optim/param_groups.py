"""Inside an optimizer: defaults, parameter groups, add_param_group, zero_grad, step."""

# --8<-- [start:defaults]
import torch
from torch import nn

model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
print(opt.defaults)
print(len(opt.param_groups), [p.shape for p in opt.param_groups[0]["params"]])
# --8<-- [end:defaults]

# --8<-- [start:per_layer_lr]
import torch
from torch import nn

model = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 2))
backbone, head = model[0], model[2]
opt = torch.optim.AdamW(
    [
        {"params": backbone.parameters(), "lr": 1e-4},  # pretrained part: small steps
        {"params": head.parameters()},  # no "lr" here: falls back to the default below
    ],
    lr=1e-2,
    weight_decay=0.01,
)

for group in opt.param_groups:
    n = sum(p.numel() for p in group["params"])
    print(f"lr {group['lr']:<6}  weight_decay {group['weight_decay']}  parameters {n}")
# --8<-- [end:per_layer_lr]

# --8<-- [start:overlap_pitfall]
import torch
from torch import nn

model = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 2))
try:  # WRONG: the head's parameters are also in model.parameters()
    torch.optim.SGD(
        [{"params": model.parameters()}, {"params": model[2].parameters(), "lr": 1e-2}], lr=1e-4
    )
except ValueError as e:
    print(type(e).__name__, e)
head_ids = {id(p) for p in model[2].parameters()}
rest = [p for p in model.parameters() if id(p) not in head_ids]
opt = torch.optim.SGD([{"params": rest}, {"params": model[2].parameters(), "lr": 1e-2}], lr=1e-4)
print([len(g["params"]) for g in opt.param_groups])
# --8<-- [end:overlap_pitfall]

# --8<-- [start:no_decay]
import torch
from torch import nn

model = nn.Sequential(nn.Linear(8, 4), nn.LayerNorm(4), nn.Linear(4, 2))
decay = [p for p in model.parameters() if p.dim() >= 2]  # weight matrices
no_decay = [p for p in model.parameters() if p.dim() < 2]  # biases, norm scales
opt = torch.optim.AdamW(
    [
        {"params": decay, "weight_decay": 0.05},
        {"params": no_decay, "weight_decay": 0.0},
    ],
    lr=1e-3,
)
print([(g["weight_decay"], len(g["params"])) for g in opt.param_groups])
# --8<-- [end:no_decay]

# --8<-- [start:change_lr]
import torch
from torch import nn

opt = torch.optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1)
for group in opt.param_groups:  # what a scheduler does for you
    group["lr"] *= 0.5
print(opt.param_groups[0]["lr"], opt.defaults["lr"])  # defaults keeps the original
# --8<-- [end:change_lr]

# --8<-- [start:add_param_group]
import torch
from torch import nn

model = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 2))
model[0].requires_grad_(False)  # frozen backbone
opt = torch.optim.SGD(model[2].parameters(), lr=1e-2, momentum=0.9)

# later: unfreeze the backbone and train it with a smaller learning rate
model[0].requires_grad_(True)
opt.add_param_group({"params": model[0].parameters(), "lr": 1e-4})
print([(g["lr"], g["momentum"], len(g["params"])) for g in opt.param_groups])
# --8<-- [end:add_param_group]

# --8<-- [start:zero_grad]
import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)

(w**2).sum().backward()
print(w.grad)
opt.zero_grad()  # set_to_none=True is the default
print(w.grad)
(w**2).sum().backward()
opt.zero_grad(set_to_none=False)  # keep the tensor, fill it with zeros
print(w.grad)
# --8<-- [end:zero_grad]

# --8<-- [start:step]
import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
frozen = torch.tensor([5.0], requires_grad=True)  # never gets a gradient
opt = torch.optim.SGD([w, frozen], lr=0.1, weight_decay=0.1)

(w**2).sum().backward()  # grad of w is 2w; frozen.grad stays None
opt.step()  # w <- w - lr * (grad + weight_decay * w)
print(w.detach(), frozen.detach())  # a parameter whose .grad is None is skipped
print(w.grad)  # step() does not clear the gradients
# --8<-- [end:step]

# --8<-- [start:step_hooks]
import torch
from torch.nn.utils import parameters_to_vector

w = torch.tensor([3.0, 4.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
saved = {}


def flat_params(optimizer):  # every parameter of the optimizer, as one vector
    return parameters_to_vector(p for g in optimizer.param_groups for p in g["params"]).detach()


def save(optimizer, args, kwargs):  # runs at the start of every opt.step()
    saved["before"] = flat_params(optimizer)


def log_update(optimizer, args, kwargs):  # runs at its end
    before = saved["before"]
    print(f"update / weights: {(flat_params(optimizer) - before).norm() / before.norm():.3f}")


pre = opt.register_step_pre_hook(save)
post = opt.register_step_post_hook(log_update)
for _ in range(2):
    opt.zero_grad()
    (w**2).sum().backward()
    opt.step()
pre.remove()  # each register_* returns a handle, as module and tensor hooks do
post.remove()
opt.step()  # no hook runs any more: prints nothing
# --8<-- [end:step_hooks]
