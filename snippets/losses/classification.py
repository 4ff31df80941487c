"""Multiclass losses: CrossEntropyLoss (indices or probabilities), NLLLoss, KLDivLoss, F forms."""

# --8<-- [start:ce_indices]
import torch
from torch import nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3]])  # (N=2, C=3), raw scores
target = torch.tensor([0, 2])  # (N,) class indices, dtype long
print(target.dtype, target.shape)

loss = nn.CrossEntropyLoss()(logits, target)
by_hand = -torch.log_softmax(logits, dim=1)[torch.arange(2), target].mean()
print(round(loss.item(), 4), round(by_hand.item(), 4))
# --8<-- [end:ce_indices]

# --8<-- [start:ce_probabilities]
import torch
from torch import nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3]])
target = torch.tensor([[0.9, 0.1, 0.0], [0.0, 0.5, 0.5]])  # (N, C) float, rows sum to 1

loss = nn.CrossEntropyLoss()(logits, target)
by_hand = -(target * torch.log_softmax(logits, dim=1)).sum(dim=1).mean()
print(round(loss.item(), 4), round(by_hand.item(), 4))
# --8<-- [end:ce_probabilities]

# --8<-- [start:softmax_pitfall]
import torch
from torch import nn

logits = torch.tensor([[8.0, 0.0, 0.0], [8.0, 0.0, 0.0]], requires_grad=True)
target = torch.tensor([0, 2])  # row 0: confident and right; row 1: confident and wrong
loss_fn = nn.CrossEntropyLoss(reduction="none")

for name, scores in [
    ("wrong: softmax first", logits.softmax(dim=1)),
    ("right: raw logits", logits),
]:
    loss = loss_fn(scores, target)
    (grad,) = torch.autograd.grad(loss.sum(), logits)
    print(name)
    print("  loss per row     ", [round(v, 4) for v in loss.tolist()])
    print("  grad norm per row", [round(v, 4) for v in grad.norm(dim=1).tolist()])
# --8<-- [end:softmax_pitfall]

# --8<-- [start:onehot_pitfall]
import torch
from torch import nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3]])
one_hot = torch.tensor([[1, 0, 0], [0, 0, 1]])  # int64 one-hot: neither form CE accepts
loss_fn = nn.CrossEntropyLoss()

try:
    loss_fn(logits, one_hot)
except RuntimeError as e:
    print(type(e).__name__, e)
print(round(loss_fn(logits, one_hot.argmax(dim=1)).item(), 4))  # fix 1: class indices
print(round(loss_fn(logits, one_hot.float()).item(), 4))  # fix 2: probabilities
# --8<-- [end:onehot_pitfall]

# --8<-- [start:per_token]
import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(2, 5, 3)  # (N, L, C): a sequence model's usual layout
target = torch.randint(0, 3, (2, 5))  # (N, L): one class per token
try:
    nn.CrossEntropyLoss()(logits, target)
except RuntimeError as e:
    print(type(e).__name__, e)
print(round(nn.CrossEntropyLoss()(logits.permute(0, 2, 1), target).item(), 4))  # (N, C, L)
print(round(nn.CrossEntropyLoss()(logits.reshape(-1, 3), target.reshape(-1)).item(), 4))
# --8<-- [end:per_token]

# --8<-- [start:nll_log_softmax]
import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(4, 5)
target = torch.tensor([1, 0, 4, 2])

ce = nn.CrossEntropyLoss()(logits, target)
nll = nn.NLLLoss()(nn.LogSoftmax(dim=1)(logits), target)
print(round(ce.item(), 4), round(nll.item(), 4), torch.allclose(ce, nll))
# --8<-- [end:nll_log_softmax]

# --8<-- [start:functional]
import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 5)
target = torch.tensor([1, 0, 4, 2])

ce = F.cross_entropy(logits, target)
nll = F.nll_loss(F.log_softmax(logits, dim=1), target)
print(round(ce.item(), 4), round(nll.item(), 4), torch.allclose(ce, nll))
print(round(F.nll_loss(logits, target).item(), 4))  # raw logits: runs, and is wrong
# --8<-- [end:functional]

# --8<-- [start:kl_div]
import torch
from torch import nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3]])
p = torch.tensor([[0.7, 0.2, 0.1], [0.3, 0.3, 0.4]])  # target distribution
log_q = torch.log_softmax(logits, dim=1)  # the input must be LOG-probabilities

kl = nn.KLDivLoss(reduction="batchmean")(log_q, p)
by_hand = (p * (p.log() - log_q)).sum() / p.shape[0]
kl_log_target = nn.KLDivLoss(reduction="batchmean", log_target=True)(log_q, p.log())
print(round(kl.item(), 4), round(by_hand.item(), 4), round(kl_log_target.item(), 4))
# --8<-- [end:kl_div]
