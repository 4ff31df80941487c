"""Shape errors: each one raised with its real message, then fixed."""

# --8<-- [start:linear_mismatch]
import torch
from torch import nn

model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.Flatten(), nn.Linear(28 * 28, 10))
x = torch.randn(8, 1, 28, 28)  # a batch of 8 grayscale 28x28 images
try:
    model(x)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
# --8<-- [end:linear_mismatch]

# --8<-- [start:linear_mismatch_fix]
import torch
from torch import nn

x = torch.randn(8, 1, 28, 28)
features = nn.Sequential(nn.Conv2d(1, 4, 3), nn.Flatten())
print(features(x).shape)  # what really arrives at the Linear: 4 * 26 * 26 = 2704
model = nn.Sequential(features, nn.Linear(4 * 26 * 26, 10))
print(model(x).shape)
lazy = nn.Sequential(nn.Conv2d(1, 4, 3), nn.Flatten(), nn.LazyLinear(10))
print(lazy(x).shape, lazy[2].in_features)  # LazyLinear reads in_features on the first call
# --8<-- [end:linear_mismatch_fix]

# --8<-- [start:no_batch_dim]
import torch
from torch import nn

model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.Flatten(), nn.Linear(4 * 26 * 26, 10))
for image in (torch.randn(28, 28), torch.randn(1, 28, 28)):  # one image, no batch dimension
    try:
        model(image)
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")
# --8<-- [end:no_batch_dim]

# --8<-- [start:no_batch_dim_fix]
import torch
from torch import nn

model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.Flatten(), nn.Linear(4 * 26 * 26, 10))
image = torch.randn(1, 28, 28)  # (C, H, W), as a Dataset returns one sample
batch = image.unsqueeze(0)  # (1, C, H, W): a batch of one
print(batch.shape, model(batch).shape)
print(model(torch.randn(28, 28)[None, None]).shape)  # no channel either: add both
# --8<-- [end:no_batch_dim_fix]

# --8<-- [start:view_noncontiguous]
import torch

images = torch.randn(8, 28, 28, 3)  # channels last, as loaded from image files
x = images.permute(0, 3, 1, 2)  # (N, C, H, W): a view with reordered strides
try:
    x.view(8, -1)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
# --8<-- [end:view_noncontiguous]

# --8<-- [start:view_noncontiguous_fix]
import torch

images = torch.randn(8, 28, 28, 3)
x = images.permute(0, 3, 1, 2)
print(x.is_contiguous())
print(x.reshape(8, -1).shape)  # reshape copies when it has to
print(x.contiguous().view(8, -1).shape)  # or copy explicitly, then view
print(x.flatten(start_dim=1).shape)  # flatten works on any layout too
# --8<-- [end:view_noncontiguous_fix]

# --8<-- [start:stack_sizes]
import torch
from torch.utils.data import DataLoader

# (sequence, label) pairs of different lengths, e.g. tokenized sentences
data = [(torch.arange(n), label) for n, label in [(3, 0), (5, 1), (2, 1), (4, 0)]]
loader = DataLoader(data, batch_size=2)
try:
    next(iter(loader))
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
# --8<-- [end:stack_sizes]

# --8<-- [start:stack_sizes_fix]
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader


def pad_collate(batch):  # batch: a list of (sequence, label) pairs
    seqs = [seq for seq, _ in batch]
    labels = torch.tensor([label for _, label in batch])
    lengths = torch.tensor([len(seq) for seq in seqs])
    return pad_sequence(seqs, batch_first=True), lengths, labels


data = [(torch.arange(n), label) for n, label in [(3, 0), (5, 1), (2, 1), (4, 0)]]
for x, lengths, y in DataLoader(data, batch_size=2, collate_fn=pad_collate):
    print(x.shape, lengths.tolist(), y.tolist())
print(x)
# --8<-- [end:stack_sizes_fix]

# --8<-- [start:batchnorm_one]
import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2))
x = torch.randn(1, 4)  # a batch of one, e.g. the last batch of an epoch
try:
    model(x)
except ValueError as e:
    print(f"{type(e).__name__}: {e}")
# --8<-- [end:batchnorm_one]

# --8<-- [start:batchnorm_one_fix]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2))
data = TensorDataset(torch.randn(9, 4))  # 9 = 4 + 4 + 1
loader = DataLoader(data, batch_size=4, drop_last=True)  # drop the batch of one
print([len(xb) for (xb,) in loader])
model.eval()  # in eval mode BatchNorm uses its running statistics: one sample is fine
print(model(torch.randn(1, 4)).shape)
# --8<-- [end:batchnorm_one_fix]
