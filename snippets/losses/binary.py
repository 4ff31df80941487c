"""Binary and multi-label losses: BCELoss vs BCEWithLogitsLoss, and their functional forms."""

# --8<-- [start:bce_vs_logits]
import torch
from torch import nn

logits = torch.tensor([-1.0, 0.5, 2.0])
target = torch.tensor([0.0, 1.0, 1.0])  # float, same shape as the input

with_sigmoid = nn.BCELoss()(torch.sigmoid(logits), target)
from_logits = nn.BCEWithLogitsLoss()(logits, target)
p = torch.sigmoid(logits)
by_hand = -(target * p.log() + (1 - target) * (1 - p).log()).mean()
print(round(with_sigmoid.item(), 4), round(from_logits.item(), 4), round(by_hand.item(), 4))
# --8<-- [end:bce_vs_logits]

# --8<-- [start:bce_saturation]
import torch
from torch import nn

logits = torch.tensor([20.0, 100.0, 200.0], requires_grad=True)  # very wrong: target is 0
target = torch.zeros(3)

for name, loss_fn, x in [
    ("BCELoss(sigmoid(x))", nn.BCELoss(reduction="none"), torch.sigmoid(logits)),
    ("BCEWithLogitsLoss(x)", nn.BCEWithLogitsLoss(reduction="none"), logits),
]:
    loss = loss_fn(x, target)
    (grad,) = torch.autograd.grad(loss.sum(), logits)
    print(f"{name:20} loss {loss.tolist()}  grad {grad.tolist()}")
# --8<-- [end:bce_saturation]

# --8<-- [start:functional]
import torch
import torch.nn.functional as F

logits = torch.tensor([-1.0, 0.5, 2.0])
target = torch.tensor([0.0, 1.0, 1.0])

on_probs = F.binary_cross_entropy(torch.sigmoid(logits), target)  # = nn.BCELoss
on_logits = F.binary_cross_entropy_with_logits(logits, target)  # = nn.BCEWithLogitsLoss
print(round(on_probs.item(), 4), round(on_logits.item(), 4))
try:
    F.binary_cross_entropy(logits, target)  # logits where probabilities belong
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:functional]

# --8<-- [start:multi_label]
import torch
from torch import nn

logits = torch.tensor([[2.0, -1.0, 0.5], [-0.5, 3.0, -2.0]])  # (N, C): one logit per label
target = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])  # (N, C) multi-hot, float

loss = nn.BCEWithLogitsLoss()(logits, target)  # C independent yes/no questions
probs = torch.sigmoid(logits)  # NOT softmax: the labels do not compete
predicted = (logits > 0).float()  # same as probs > 0.5
print(round(loss.item(), 4))
print(torch.round(probs, decimals=4))
print(predicted)
# --8<-- [end:multi_label]

# --8<-- [start:target_dtype_pitfall]
import torch
from torch import nn

logits = torch.tensor([1.5, -0.3, 0.8])
labels = torch.tensor([1, 0, 1])  # int64, e.g. straight from a dataset

try:
    nn.BCEWithLogitsLoss()(logits, labels)
except RuntimeError as e:
    print(type(e).__name__, e)
print(round(nn.BCEWithLogitsLoss()(logits, labels.float()).item(), 4))  # fix: float targets
# --8<-- [end:target_dtype_pitfall]
