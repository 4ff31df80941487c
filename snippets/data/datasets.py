"""Datasets and splits: Dataset subclasses, TensorDataset, ConcatDataset, Subset, random_split."""

# --8<-- [start:custom_dataset]
import torch
from torch.utils.data import Dataset


class Squares(Dataset):
    """Sample i is (i, i squared), made on demand."""

    def __init__(self, n):
        self.n = n

    def __len__(self):  # len(ds): the indices a DataLoader draws are 0 .. len(ds) - 1
        return self.n

    def __getitem__(self, i):  # one sample, by integer index
        if not 0 <= i < self.n:
            raise IndexError(f"index {i} out of range for {self.n} samples")
        x = torch.tensor([float(i)])
        return x, x**2


ds = Squares(5)
print(len(ds))
print(ds[3])
print([y.item() for x, y in ds])  # a plain for loop stops at the IndexError
# --8<-- [end:custom_dataset]

# --8<-- [start:no_index_error]
import itertools

from torch.utils.data import Dataset


class Doubles(Dataset):
    def __len__(self):
        return 3

    def __getitem__(self, i):  # no range check
        return 2 * i


ds = Doubles()
print(ds[10])  # no error, though len(ds) is 3
print(list(itertools.islice(ds, 6)))  # `for s in ds` would never stop
# --8<-- [end:no_index_error]

# --8<-- [start:getitems]
import torch
from torch.utils.data import DataLoader, Dataset


class Table(Dataset):
    def __init__(self):
        self.x = torch.arange(10.0).reshape(5, 2)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i]

    def __getitems__(self, indices):  # the whole batch in one indexing operation
        print("__getitems__", indices)
        return list(self.x[indices])  # a list of samples, as collate_fn expects


loader = DataLoader(Table(), batch_size=3)
for batch in loader:
    print(batch.shape)
# --8<-- [end:getitems]

# --8<-- [start:tensor_dataset]
import torch
from torch.utils.data import TensorDataset

X = torch.arange(12.0).reshape(6, 2)  # 6 samples, 2 features
y = torch.tensor([0, 1, 0, 1, 1, 0])
ds = TensorDataset(X, y)  # sample i is (X[i], y[i])
print(len(ds))
print(ds[1])
print(ds.tensors[0] is X)  # no copy: it indexes the tensors you gave it

try:
    TensorDataset(X, y[:5])
except AssertionError as e:
    print(type(e).__name__, e)
# --8<-- [end:tensor_dataset]

# --8<-- [start:concat_dataset]
import torch
from torch.utils.data import ConcatDataset, TensorDataset

a = TensorDataset(torch.zeros(3, 2))
b = TensorDataset(torch.ones(4, 2))
both = ConcatDataset([a, b])
print(len(both))
print(both.cumulative_sizes)  # where each part ends
print(both[2], both[3])  # the last of a, the first of b
print(both[-1])
# --8<-- [end:concat_dataset]

# --8<-- [start:subset]
import torch
from torch.utils.data import Subset, TensorDataset

ds = TensorDataset(torch.arange(10) * 10)
part = Subset(ds, indices=[7, 2, 5])
print(len(part))
print(part[0])  # = ds[7]
print(part.indices, part.dataset is ds)
# --8<-- [end:subset]

# --8<-- [start:random_split]
import torch
from torch.utils.data import TensorDataset, random_split

ds = TensorDataset(torch.arange(10))
g = torch.Generator().manual_seed(42)
train, val = random_split(ds, [8, 2], generator=g)
print(type(train).__name__, len(train), len(val))
print(sorted(train.indices), sorted(val.indices))

train2, val2 = random_split(ds, [8, 2], generator=torch.Generator().manual_seed(42))
print(val2.indices == val.indices)  # same seed, same split
# --8<-- [end:random_split]

# --8<-- [start:split_fractions]
import torch
from torch.utils.data import TensorDataset, random_split

ds = TensorDataset(torch.arange(11))
g = torch.Generator().manual_seed(0)
parts = random_split(ds, [0.6, 0.2, 0.2], generator=g)
print([len(p) for p in parts])  # floor(6.6), floor(2.2), floor(2.2) + 1 left over -> first

try:
    random_split(ds, [8, 2])  # lengths must add up to len(ds)
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:split_fractions]

# --8<-- [start:stratified_split]
import torch
from torch.utils.data import Subset, TensorDataset

torch.manual_seed(0)
y = torch.tensor([0] * 80 + [1] * 15 + [2] * 5)  # imbalanced labels
ds = TensorDataset(torch.randn(100, 3), y)


def stratified_split(labels, val_fraction, generator):
    train_idx, val_idx = [], []
    for c in labels.unique():
        idx = (labels == c).nonzero().flatten()  # the samples of class c
        idx = idx[torch.randperm(len(idx), generator=generator)]
        n_val = round(len(idx) * val_fraction)
        val_idx += idx[:n_val].tolist()
        train_idx += idx[n_val:].tolist()
    return train_idx, val_idx


train_idx, val_idx = stratified_split(y, 0.2, torch.Generator().manual_seed(0))
train, val = Subset(ds, train_idx), Subset(ds, val_idx)
print(len(train), len(val))
print(torch.bincount(y[train.indices]), torch.bincount(y[val.indices]))
# --8<-- [end:stratified_split]

# --8<-- [start:class_balance]
import torch
from torch.utils.data import TensorDataset, random_split

y = torch.tensor([0] * 80 + [1] * 15 + [2] * 5)  # imbalanced labels
ds = TensorDataset(torch.zeros(100, 3), y)
print("20% of each class:", (torch.bincount(y) * 0.2).long().tolist())

for seed in range(3):
    g = torch.Generator().manual_seed(seed)
    train, val = random_split(ds, [0.8, 0.2], generator=g)
    counts = torch.bincount(y[val.indices], minlength=3)  # labels of a Subset: y[subset.indices]
    print(f"seed {seed}: val counts {counts.tolist()}")
# --8<-- [end:class_balance]
