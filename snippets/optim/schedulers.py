"""Learning-rate schedulers: where scheduler.step() goes, and the decay schedules."""

# --8<-- [start:loop_order]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
x, y = torch.randn(12, 2), torch.randn(12, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.1)

for epoch in range(4):
    for xb, yb in zip(x.split(4), y.split(4), strict=True):  # the epoch's batches
        opt.zero_grad()
        nn.functional.mse_loss(model(xb), yb).backward()
        opt.step()
    sched.step()  # once per epoch, AFTER the optimizer steps
    print(epoch, round(sched.get_last_lr()[0], 4))  # the lr the next epoch will use
# --8<-- [end:loop_order]

# --8<-- [start:order_pitfall]
import warnings

import torch

opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
used = []
with warnings.catch_warnings(record=True) as caught:  # torch warns about this order
    warnings.simplefilter("always")
    for _ in range(3):  # epochs
        sched.step()  # WRONG: before the epoch's optimizer steps
        used.append(opt.param_groups[0]["lr"])
        opt.step()
print(used)  # the initial lr 0.1 was never used
print(caught[0].category.__name__, str(caught[0].message).split(". ")[0])
# --8<-- [end:order_pitfall]

# --8<-- [start:step_lr]
import torch
from torch.optim.lr_scheduler import StepLR

opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
sched = StepLR(opt, step_size=2, gamma=0.5)  # x0.5 every 2 epochs
lrs = []
for _ in range(6):  # epochs
    lrs.append(round(sched.get_last_lr()[0], 4))  # the lr this epoch trains with
    opt.step()  # (a whole epoch of training)
    sched.step()
print(lrs)
# --8<-- [end:step_lr]

# --8<-- [start:multi_step_lr]
import torch
from torch.optim.lr_scheduler import MultiStepLR

opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
sched = MultiStepLR(opt, milestones=[2, 5], gamma=0.1)  # x0.1 at epochs 2 and 5
lrs = []
for _ in range(7):  # epochs
    lrs.append(round(sched.get_last_lr()[0], 4))
    opt.step()
    sched.step()
print(lrs)
# --8<-- [end:multi_step_lr]

# --8<-- [start:exponential_lr]
import torch
from torch.optim.lr_scheduler import ExponentialLR

opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
sched = ExponentialLR(opt, gamma=0.8)  # x0.8 every epoch
lrs = []
for _ in range(6):  # epochs
    lrs.append(round(sched.get_last_lr()[0], 4))
    opt.step()
    sched.step()
print(lrs)
# --8<-- [end:exponential_lr]

# --8<-- [start:cosine_annealing_lr]
import torch
from torch.optim.lr_scheduler import CosineAnnealingLR

opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
sched = CosineAnnealingLR(opt, T_max=4, eta_min=0.01)  # half a cosine over 4 epochs
lrs = []
for _ in range(7):  # epochs
    lrs.append(round(sched.get_last_lr()[0], 4))
    opt.step()
    sched.step()
print(lrs)  # past T_max it climbs back up: set T_max to the number of epochs
# --8<-- [end:cosine_annealing_lr]

# --8<-- [start:reduce_on_plateau]
import torch
from torch.optim.lr_scheduler import ReduceLROnPlateau

opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
sched = ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=1)
val_losses = [1.0, 0.8, 0.8, 0.8, 0.79, 0.8, 0.8, 0.8]  # fake validation results
for epoch, val_loss in enumerate(val_losses):
    opt.step()  # (train one epoch, then validate)
    sched.step(val_loss)  # it needs the metric
    print(epoch, val_loss, round(sched.get_last_lr()[0], 4))
# --8<-- [end:reduce_on_plateau]
