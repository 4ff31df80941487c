"""Regression losses: MSELoss, L1Loss, SmoothL1Loss, HuberLoss and their F.* forms, vs formulas."""

# --8<-- [start:mse]
import torch
from torch import nn

pred = torch.tensor([2.5, 0.0, 2.0, 8.0])
target = torch.tensor([3.0, -0.5, 2.0, 7.0])

loss = nn.MSELoss()(pred, target)
by_hand = ((pred - target) ** 2).mean()
print(round(loss.item(), 4), round(by_hand.item(), 4))
# --8<-- [end:mse]

# --8<-- [start:l1]
import torch
from torch import nn

pred = torch.tensor([2.5, 0.0, 2.0, 8.0])
target = torch.tensor([3.0, -0.5, 2.0, 7.0])

loss = nn.L1Loss()(pred, target)
by_hand = (pred - target).abs().mean()
print(round(loss.item(), 4), round(by_hand.item(), 4))
# --8<-- [end:l1]

# --8<-- [start:huber_formula]
import torch
from torch import nn

pred = torch.tensor([0.0, 0.0, 0.0, 0.0])
target = torch.tensor([0.5, -1.0, 2.0, -4.0])
delta = 1.0

err = (pred - target).abs()
by_hand = torch.where(err < delta, 0.5 * err**2, delta * (err - 0.5 * delta))
print(by_hand)
print(nn.HuberLoss(reduction="none", delta=delta)(pred, target))
# --8<-- [end:huber_formula]

# --8<-- [start:smooth_l1_vs_huber]
import torch
from torch import nn

pred = torch.zeros(4)
target = torch.tensor([0.5, -1.0, 2.0, -4.0])

for k in (1.0, 2.0):
    smooth = nn.SmoothL1Loss(beta=k)(pred, target)
    huber = nn.HuberLoss(delta=k)(pred, target)
    print(f"beta = delta = {k}: SmoothL1 {smooth.item():.4f}  Huber {huber.item():.4f}")
print(
    torch.isclose(
        nn.HuberLoss(delta=2.0)(pred, target), 2.0 * nn.SmoothL1Loss(beta=2.0)(pred, target)
    )
)
# --8<-- [end:smooth_l1_vs_huber]

# --8<-- [start:functional]
import torch
import torch.nn.functional as F
from torch import nn

pred = torch.zeros(4)
target = torch.tensor([0.5, -1.0, 2.0, -4.0])

pairs = [  # module, function with the same options as keyword arguments
    (nn.MSELoss(), F.mse_loss),
    (nn.L1Loss(reduction="sum"), lambda p, t: F.l1_loss(p, t, reduction="sum")),
    (nn.SmoothL1Loss(beta=2.0), lambda p, t: F.smooth_l1_loss(p, t, beta=2.0)),
    (nn.HuberLoss(delta=2.0), lambda p, t: F.huber_loss(p, t, delta=2.0)),
]
print(all(torch.equal(module(pred, target), fn(pred, target)) for module, fn in pairs))
huber = F.huber_loss(pred, target, delta=2.0)
smooth = F.smooth_l1_loss(pred, target, beta=2.0)
print(round(huber.item(), 4), round(smooth.item(), 4), round((huber / smooth).item(), 4))
# --8<-- [end:functional]

# --8<-- [start:outliers]
import torch
from torch import nn

target = torch.zeros(5)
pred = torch.tensor([0.1, -0.2, 0.1, 0.0, 10.0])  # one outlier

for loss_fn in (nn.MSELoss(), nn.L1Loss(), nn.HuberLoss()):
    print(f"{type(loss_fn).__name__:9} {loss_fn(pred, target).item():.4f}")
# --8<-- [end:outliers]

# --8<-- [start:shape_pitfall]
import warnings

import torch
from torch import nn

pred = torch.tensor([[1.0], [2.0], [3.0]])  # model output: (N, 1)
target = torch.tensor([1.0, 2.0, 3.0])  # labels: (N,)

with warnings.catch_warnings(record=True) as caught:  # MSELoss warns about this...
    warnings.simplefilter("always")
    wrong = nn.MSELoss()(pred, target)  # ...and broadcasts to (N, N)
(warning,) = caught  # exactly one warning, shown as Python prints it
print(f"{warning.category.__name__}: {warning.message}")
print(round(wrong.item(), 4))
print(round(nn.MSELoss()(pred.squeeze(1), target).item(), 4))  # fix: same shapes
# --8<-- [end:shape_pitfall]
