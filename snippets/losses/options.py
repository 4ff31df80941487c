"""Loss options: reduction, class weights, ignore_index, pos_weight, label_smoothing; F forms."""

# --8<-- [start:reduction]
import torch
from torch import nn

pred = torch.tensor([1.0, 2.0, 3.0, 4.0])
target = torch.tensor([1.5, 2.0, 1.0, 4.0])

for reduction in ("none", "mean", "sum"):
    print(f"{reduction:4}", nn.MSELoss(reduction=reduction)(pred, target))
# --8<-- [end:reduction]

# --8<-- [start:class_weights]
import torch
from torch import nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3], [0.0, 0.2, 1.0]])
target = torch.tensor([0, 1, 2])
weight = torch.tensor([1.0, 1.0, 5.0])  # class 2 is rare: count its mistakes 5 times

plain = nn.CrossEntropyLoss()(logits, target)
weighted = nn.CrossEntropyLoss(weight=weight)(logits, target)
per_sample = nn.CrossEntropyLoss(reduction="none")(logits, target)
by_hand = (weight[target] * per_sample).sum() / weight[target].sum()  # a weighted MEAN
print(round(plain.item(), 4), round(weighted.item(), 4), round(by_hand.item(), 4))
# --8<-- [end:class_weights]

# --8<-- [start:ignore_index]
import torch
from torch import nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3], [0.0, 0.2, 1.0]], requires_grad=True)
target = torch.tensor([0, -100, 2])  # -100 marks padding: no loss, no gradient

loss = nn.CrossEntropyLoss()(logits, target)  # ignore_index=-100 is the default
only_real = nn.CrossEntropyLoss()(logits[[0, 2]], target[[0, 2]])
print(round(loss.item(), 4), round(only_real.item(), 4))
loss.backward()
print(logits.grad[1])
# --8<-- [end:ignore_index]

# --8<-- [start:pos_weight]
import torch
from torch import nn

logits = torch.tensor([[0.5, -1.0], [2.0, 0.0]])  # 2 samples, 2 independent labels
target = torch.tensor([[1.0, 0.0], [1.0, 1.0]])
pos_weight = torch.tensor([1.0, 3.0])  # label 1: about 3 negatives per positive

loss = nn.BCEWithLogitsLoss(pos_weight=pos_weight)(logits, target)
p = torch.sigmoid(logits)
by_hand = -(pos_weight * target * p.log() + (1 - target) * (1 - p).log()).mean()
print(round(loss.item(), 4), round(by_hand.item(), 4))
# --8<-- [end:pos_weight]

# --8<-- [start:label_smoothing]
import torch
from torch import nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3]])
target = torch.tensor([0, 1])
eps, num_classes = 0.1, 3

loss = nn.CrossEntropyLoss(label_smoothing=eps)(logits, target)
soft = torch.full((2, num_classes), eps / num_classes)
soft[torch.arange(2), target] += 1 - eps  # 0.9333 on the true class, 0.0333 elsewhere
by_hand = nn.CrossEntropyLoss()(logits, soft)
print(round(loss.item(), 4), round(by_hand.item(), 4))
# --8<-- [end:label_smoothing]

# --8<-- [start:functional_options]
import torch
import torch.nn.functional as F
from torch import nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3], [0.0, 0.2, 1.0]])
target = torch.tensor([0, -100, 2])
options = dict(weight=torch.tensor([1.0, 1.0, 5.0]), label_smoothing=0.1, reduction="sum")

module = nn.CrossEntropyLoss(**options)(logits, target)
function = F.cross_entropy(logits, target, **options)  # the same options, per call
print(round(module.item(), 4), round(function.item(), 4))
labels = torch.tensor([[1.0, 0.0], [0.0, 0.0], [1.0, 1.0], [0.0, 0.0]])  # a multi-label batch
positives = labels.sum(dim=0).clamp(min=1)  # clamp: a label with no positive here
pos_weight = (1 - labels).sum(dim=0) / positives  # negatives / positives, in this batch
print(pos_weight)
bce = F.binary_cross_entropy_with_logits(torch.zeros(4, 2), labels, pos_weight=pos_weight)
print(round(bce.item(), 4))
# --8<-- [end:functional_options]
