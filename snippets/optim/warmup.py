"""Warm-up and one-cycle schedules: LambdaLR, LinearLR + SequentialLR, OneCycleLR."""

# --8<-- [start:warmup_lambda_lr]
import torch
from torch.optim.lr_scheduler import LambdaLR

warmup = 4
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
sched = LambdaLR(opt, lr_lambda=lambda step: min(1.0, (step + 1) / warmup))  # factor x base lr
lrs = []
for _ in range(6):  # steps
    lrs.append(round(sched.get_last_lr()[0], 4))
    opt.step()
    sched.step()
print(lrs)
# --8<-- [end:warmup_lambda_lr]

# --8<-- [start:warmup_then_cosine]
import torch
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR

opt = torch.optim.AdamW([torch.zeros(1, requires_grad=True)], lr=0.1)
warmup = LinearLR(opt, start_factor=0.25, total_iters=3)  # 0.025 -> 0.1 in 3 steps
decay = CosineAnnealingLR(opt, T_max=5, eta_min=0.0)  # then 0.1 -> 0 in 5 steps
sched = SequentialLR(opt, schedulers=[warmup, decay], milestones=[3])
lrs = []
for _ in range(9):
    lrs.append(round(sched.get_last_lr()[0], 4))
    opt.step()
    sched.step()
print(lrs)
# --8<-- [end:warmup_then_cosine]

# --8<-- [start:one_cycle_lr]
import torch
from torch.optim.lr_scheduler import OneCycleLR

opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=0.9)
sched = OneCycleLR(opt, max_lr=0.1, epochs=2, steps_per_epoch=4)  # steps once per BATCH
lrs, momenta = [], []
for _ in range(8):  # 2 epochs x 4 batches
    lrs.append(round(sched.get_last_lr()[0], 4))
    momenta.append(round(opt.param_groups[0]["momentum"], 4))
    opt.step()
    sched.step()
print(lrs)
print(momenta)  # cycled the other way round
# --8<-- [end:one_cycle_lr]
