"""EmbeddingBag: bags of ids with offsets, per_sample_weights, padding_idx."""

# --8<-- [start:bag_offsets]
import torch
from torch import nn

torch.manual_seed(0)
docs = [[1, 2, 4], [5], [4, 3, 2, 9]]  # 3 bags (documents) of different lengths
ids = torch.tensor([i for doc in docs for i in doc])  # all ids end to end
lengths = torch.tensor([len(doc) for doc in docs])
offsets = torch.cat([torch.zeros(1, dtype=torch.long), lengths.cumsum(0)[:-1]])  # where each starts
print(ids, offsets)
bag = nn.EmbeddingBag(10, 3, mode="mean")  # mode="mean" is the default
out = bag(ids, offsets)  # one vector per bag
print(out.shape)
emb = nn.Embedding(10, 3)
emb.weight = bag.weight  # the same table
by_hand = torch.stack([emb(torch.tensor(doc)).mean(dim=0) for doc in docs])
print(torch.allclose(out, by_hand))
# --8<-- [end:bag_offsets]

# --8<-- [start:bag_2d]
import torch
from torch import nn

torch.manual_seed(0)
bag = nn.EmbeddingBag(10, 3, mode="max")  # "sum", "mean" or "max" over each bag
ids = torch.tensor([[1, 2, 4], [5, 3, 2]])  # 2-D: every row is a bag of the same size
print(bag(ids).shape)
try:
    bag(ids, torch.tensor([0, 3]))
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:bag_2d]

# --8<-- [start:per_sample_weights]
import torch
from torch import nn

torch.manual_seed(0)
ids = torch.tensor([1, 2, 4, 5])
offsets = torch.tensor([0, 3])
weights = torch.tensor([0.5, 2.0, 1.0, 3.0])  # e.g. tf-idf weights, one per id
bag = nn.EmbeddingBag(10, 3, mode="sum")
out = bag(ids, offsets, per_sample_weights=weights)
by_hand = (bag.weight[ids[:3]] * weights[:3, None]).sum(dim=0)
print(torch.allclose(out[0], by_hand))
try:
    nn.EmbeddingBag(10, 3, mode="mean")(ids, offsets, per_sample_weights=weights)
except NotImplementedError as e:
    print(type(e).__name__, e)
# --8<-- [end:per_sample_weights]

# --8<-- [start:padding_idx]
import torch
from torch import nn

torch.manual_seed(0)
bag = nn.EmbeddingBag(10, 3, mode="mean", padding_idx=0)
emb = nn.Embedding(10, 3, padding_idx=0)
emb.weight = bag.weight
padded = torch.tensor([[4, 5, 0, 0], [7, 0, 0, 0]])  # 0 is padding
out = bag(padded)
print(torch.allclose(out[0], emb(torch.tensor([4, 5])).mean(dim=0)))  # padding left out
print(torch.allclose(out[0], emb(padded[0]).mean(dim=0)))  # Embedding + mean counts the zeros
print(bag(torch.tensor([[0, 0]])).tolist())  # a bag of padding only: zeros
# --8<-- [end:padding_idx]

# --8<-- [start:empty_bags]
import torch
from torch import nn

torch.manual_seed(0)
bag = nn.EmbeddingBag(10, 3)
ids = torch.tensor([1, 2, 4, 5])
print(bag(ids, torch.tensor([0, 2, 2])).shape)  # offsets 2, 2: the middle bag is empty
print(bag(ids, torch.tensor([0, 2, 2]))[1].tolist())  # an empty bag gives zeros
print(bag(ids, torch.tensor([0, 2, 4])).shape)  # a trailing 4 = len(ids) adds an empty bag
last = nn.EmbeddingBag(10, 3, include_last_offset=True)  # offsets with the end, CSR style
print(last(ids, torch.tensor([0, 2, 4])).shape)
# --8<-- [end:empty_bags]
