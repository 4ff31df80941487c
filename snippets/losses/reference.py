"""Which loss for which task, every loss class in torch.nn on tiny inputs, distances, triplets."""

# --8<-- [start:task_table]
import torch
from torch import nn

torch.manual_seed(0)
N, C, d = 4, 3, 5  # batch size, classes, features
features = torch.randn(N, d)
rows = [  # task, last layer, loss, target
    ("regression", nn.Linear(d, 1), nn.MSELoss(), torch.randn(N, 1)),
    ("binary", nn.Linear(d, 1), nn.BCEWithLogitsLoss(), torch.tensor([[0.0], [1], [1], [0]])),
    ("multi-label", nn.Linear(d, C), nn.BCEWithLogitsLoss(), torch.randint(0, 2, (N, C)).float()),
    ("multiclass", nn.Linear(d, C), nn.CrossEntropyLoss(), torch.tensor([0, 2, 1, 2])),
    ("soft labels", nn.Linear(d, C), nn.CrossEntropyLoss(), torch.randn(N, C).softmax(dim=1)),
]
for task, last_layer, loss_fn, target in rows:
    out = last_layer(features)
    loss = loss_fn(out, target)
    shape = str(tuple(target.shape))
    print(
        f"{task:11}  output {tuple(out.shape)}  target {target.dtype} {shape:6}  loss {loss.item():.4f}"
    )
# --8<-- [end:task_table]

# --8<-- [start:every_loss]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x, y = torch.randn(4, 3), torch.randn(4, 3)  # any real values
a, p, n = torch.randn(3, 8), torch.randn(3, 8), torch.randn(3, 8)  # anchor, positive, negative
cls = torch.tensor([0, 2, 1, 2])  # class indices, long
sign = torch.tensor([1.0, -1.0, 1.0, -1.0])  # +1 / -1 labels
multi_hot = torch.tensor([[1.0, 0, 1], [0, 0, 1], [1, 1, 0], [0, 1, 0]])
log_probs = F.log_softmax(x, dim=1)

table = {
    "L1Loss": (nn.L1Loss(), x, y),
    "MSELoss": (nn.MSELoss(), x, y),
    "HuberLoss": (nn.HuberLoss(), x, y),
    "SmoothL1Loss": (nn.SmoothL1Loss(), x, y),
    "GaussianNLLLoss": (nn.GaussianNLLLoss(), x, y, torch.ones(4, 3)),  # + variance
    "PoissonNLLLoss": (nn.PoissonNLLLoss(), x, torch.tensor([[1.0, 0, 2]] * 4)),  # log-rate, counts
    "CrossEntropyLoss": (nn.CrossEntropyLoss(), x, cls),
    "NLLLoss": (nn.NLLLoss(), log_probs, cls),
    "KLDivLoss": (nn.KLDivLoss(reduction="batchmean"), log_probs, F.softmax(y, dim=1)),
    "MultiMarginLoss": (nn.MultiMarginLoss(), x, cls),
    "BCELoss": (nn.BCELoss(), torch.sigmoid(x), multi_hot),
    "BCEWithLogitsLoss": (nn.BCEWithLogitsLoss(), x, multi_hot),
    "MultiLabelSoftMarginLoss": (nn.MultiLabelSoftMarginLoss(), x, multi_hot),
    "MultiLabelMarginLoss": (nn.MultiLabelMarginLoss(), x, torch.tensor([[0, 2, -1]] * 4)),
    "SoftMarginLoss": (nn.SoftMarginLoss(), x[:, 0], sign),
    "HingeEmbeddingLoss": (nn.HingeEmbeddingLoss(), x[:, 0].abs(), sign),  # distances
    "MarginRankingLoss": (nn.MarginRankingLoss(), x[:, 0], y[:, 0], sign),
    "CosineEmbeddingLoss": (nn.CosineEmbeddingLoss(), x, y, sign),
    "TripletMarginLoss": (nn.TripletMarginLoss(), a, p, n),
    "TripletMarginWithDistanceLoss": (nn.TripletMarginWithDistanceLoss(), a, p, n),
    "CTCLoss": (
        nn.CTCLoss(),
        torch.randn(6, 1, 4).log_softmax(2),  # (T, N, C); blank = 0
        torch.tensor([[1, 2, 3]]),
        torch.tensor([6]),
        torch.tensor([3]),
    ),
    "LinearCrossEntropyLoss": (nn.LinearCrossEntropyLoss(8, 3), a, cls[:3]),  # features in
    "AdaptiveLogSoftmaxWithLoss": (
        nn.AdaptiveLogSoftmaxWithLoss(8, 6, cutoffs=[2]),
        a,
        torch.tensor([0, 3, 5]),
    ),  # returns (output, loss)
}
for name, (loss_fn, *args) in table.items():
    out = loss_fn(*args)
    value = out.loss if name == "AdaptiveLogSoftmaxWithLoss" else out
    print(f"{name:30} {value.item():8.4f}")

from torch.nn.modules.loss import _Loss

deprecated = {"NLLLoss2d"}  # an old alias of NLLLoss that warns when created
in_torch = {
    name
    for name in dir(nn)
    if name.endswith("Loss")
    or (isinstance(getattr(nn, name), type) and issubclass(getattr(nn, name), _Loss))
}
print("all losses covered:", set(table) == in_torch - deprecated)
# --8<-- [end:every_loss]

# --8<-- [start:distances]
import torch
import torch.nn.functional as F
from torch import nn

a = torch.tensor([[3.0, 4.0], [1.0, 0.0], [0.0, 0.0]])
b = torch.tensor([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]])
print(F.pairwise_distance(a, b))  # one distance per row: norm(a - b + eps), eps=1e-6
print(torch.equal(nn.PairwiseDistance(p=2)(a, b), F.pairwise_distance(a, b, p=2)))
print(nn.CosineSimilarity(dim=1)(a, b))  # one value per row; a zero vector gives 0
print(torch.equal(nn.CosineSimilarity(dim=1)(a, b), F.cosine_similarity(a, b, dim=1)))
# --8<-- [end:distances]

# --8<-- [start:triplet]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
a, p, n = torch.randn(3, 8), torch.randn(3, 8), torch.randn(3, 8)  # anchor, positive, negative

by_hand = (F.pairwise_distance(a, p) - F.pairwise_distance(a, n) + 1.0).clamp(min=0).mean()
losses = [
    F.triplet_margin_loss(a, p, n, margin=1.0),
    nn.TripletMarginLoss(margin=1.0)(a, p, n),
    nn.TripletMarginWithDistanceLoss(distance_function=nn.PairwiseDistance(), margin=1.0)(a, p, n),
]
print([round(loss.item(), 4) for loss in losses], round(by_hand.item(), 4))


def cosine_distance(x, y):
    return 1 - F.cosine_similarity(x, y)


cosine = F.triplet_margin_with_distance_loss(a, p, n, distance_function=cosine_distance, margin=0.5)
print(round(cosine.item(), 4))
# --8<-- [end:triplet]
