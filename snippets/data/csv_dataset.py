"""A dataset from a CSV file: read it with the csv module or numpy, features and targets as tensors."""

# --8<-- [start:read_small_csv]
import csv

import torch

rows = [
    ("length", "width", "species"),
    (5.1, 3.5, "setosa"),
    (7.0, 3.2, "versicolor"),
    (6.3, 3.3, "virginica"),
    (4.9, 3.0, "setosa"),
]
with open("flowers.csv", "w", newline="") as f:
    csv.writer(f).writerows(rows)

with open("flowers.csv", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)  # the first line
    records = list(reader)  # the others, every field a str
print(header, records[0])

classes = sorted({r[2] for r in records})  # class names -> indices 0, 1, 2
X = torch.tensor([[float(v) for v in r[:2]] for r in records])
y = torch.tensor([classes.index(r[2]) for r in records])
print(classes)
print(X.dtype, tuple(X.shape), y.dtype, y.tolist())
# --8<-- [end:read_small_csv]

# --8<-- [start:csv_dataset]
import csv

import torch
from torch.utils.data import Dataset


class CSVDataset(Dataset):
    """Every column but `target` is a feature; the file is parsed once, here."""

    def __init__(self, path, target):
        with open(path, newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            table = torch.tensor([[float(v) for v in row] for row in reader])  # float32
        keep = [i for i, name in enumerate(header) if name != target]
        self.features = [header[i] for i in keep]
        self.X = table[:, keep]
        self.y = table[:, [header.index(target)]]  # shape (N, 1), like a regression output

    def __len__(self):
        return len(self.X)

    def __getitem__(self, i):
        return self.X[i], self.y[i]


ds = CSVDataset("data/houses.csv", target="price")
x, y = ds[0]
print(len(ds), ds.features)
print(x.shape, x.dtype, y.shape, y.dtype)
# --8<-- [end:csv_dataset]

# --8<-- [start:numpy_loadtxt]
import numpy as np
import torch
from torch import nn

table = np.loadtxt("data/houses.csv", delimiter=",", skiprows=1)
X = torch.from_numpy(table[:, :3])  # shares memory with the array, keeps its dtype
print(table.dtype, X.dtype)

try:
    nn.Linear(3, 1)(X)
except RuntimeError as e:
    print(type(e).__name__, e)

table = np.loadtxt("data/houses.csv", delimiter=",", skiprows=1, dtype=np.float32)
X, y = torch.from_numpy(table[:, :3]), torch.from_numpy(table[:, 3:])
print(X.dtype, tuple(X.shape), tuple(y.shape), tuple(nn.Linear(3, 1)(X).shape))
# --8<-- [end:numpy_loadtxt]

# --8<-- [start:label_dtypes]
import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(4, 3)  # 4 samples, 3 classes
labels = torch.tensor([0.0, 2.0, 1.0, 0.0])  # class numbers read from a CSV as floats

try:
    nn.CrossEntropyLoss()(logits, labels)
except RuntimeError as e:
    print(type(e).__name__, e)
loss = nn.CrossEntropyLoss()(logits, labels.long())  # int64 class indices
print(labels.long().dtype, round(loss.item(), 4))
# --8<-- [end:label_dtypes]

# --8<-- [start:split_and_scale]
import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset

table = torch.from_numpy(np.loadtxt("data/houses.csv", delimiter=",", skiprows=1, dtype=np.float32))
X, y = table[:, :3], table[:, 3:]  # area, rooms, age | price
perm = torch.randperm(len(X), generator=torch.Generator().manual_seed(0))
train_idx, val_idx = perm[:32], perm[32:]

mean, std = X[train_idx].mean(dim=0), X[train_idx].std(dim=0)  # from the training rows only
print(torch.round(mean, decimals=1), torch.round(std, decimals=1))
train = TensorDataset((X[train_idx] - mean) / std, y[train_idx])
val = TensorDataset((X[val_idx] - mean) / std, y[val_idx])  # the same mean and std

loader = DataLoader(train, batch_size=8, shuffle=True)
xb, yb = next(iter(loader))
print(len(train), len(val), len(loader), tuple(xb.shape), tuple(yb.shape))
# --8<-- [end:split_and_scale]
