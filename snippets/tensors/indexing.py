"""Indexing tensors: slices, masks, index tensors, gather, scatter, where, nonzero, topk, sort."""

# --8<-- [start:slice_rows_cols]
import torch

x = torch.arange(12).reshape(3, 4)
print(x)
print(x[0])  # first row
print(x[:, 1])  # second column
print(x[1:, ::2])  # rows 1.., every second column
print(x[-1, -2:])  # last row, last two columns
print(x[1, 2].shape)  # one element: a 0-d tensor
# --8<-- [end:slice_rows_cols]

# --8<-- [start:mixed_3d]
import torch

x = torch.arange(24).reshape(2, 3, 4)  # e.g. 2 sequences, 3 time steps, 4 features
print(x[1, :, 2])  # sequence 1, every step, feature 2
print(x[1, :, 2].shape)  # each integer removes its dimension: only the slice's is left
print(x[1:2, :, 2:3].shape)  # a slice of length 1 keeps it
print(x[:, -1].shape)  # the last step of every sequence: (sequences, features)
print(x[0, 1:, 1:3])  # sequence 0, steps 1 and 2, features 1 and 2
# --8<-- [end:mixed_3d]

# --8<-- [start:ellipsis]
import torch

images = torch.zeros(8, 3, 32, 32)  # batch, channels, height, width
print(images[0].shape)  # first image
print(images[:, 0].shape)  # first channel of every image
print(images[..., 0].shape)  # first column of every channel: ... fills in the rest
print(images[0, ..., :16].shape)  # left half of the first image
# --8<-- [end:ellipsis]

# --8<-- [start:negative_step]
import torch

x = torch.arange(5)
try:
    backwards = x[::-1]
except ValueError as e:
    print(type(e).__name__, e)
print(x.flip(0))  # reverse along dim 0 instead
# --8<-- [end:negative_step]

# --8<-- [start:boolean_mask]
import torch

x = torch.tensor([[3, -1, 4], [-1, 5, -9]])
mask = x > 0
print(mask)
print(x[mask])  # always 1-D, whatever the shape of x
print(x[(x > 0) & (x < 5)])  # combine with & | ~, not `and` / `or`
x[x < 0] = 0  # assign through a mask
print(x)
# --8<-- [end:boolean_mask]

# --8<-- [start:mask_rows]
import torch

x = torch.arange(12).reshape(4, 3)
keep = torch.tensor([True, False, True, False])  # one flag per row
print(x[keep])
print(x[x[:, 0] > 4])  # rows whose first column is above 4
# --8<-- [end:mask_rows]

# --8<-- [start:fancy_indexing]
import torch

x = torch.arange(12).reshape(3, 4)
print(x[[2, 0]])  # rows 2 and 0, in that order
print(x[:, torch.tensor([3, 0])])  # columns 3 and 0
print(x[[0, 2], [1, 3]])  # pairs: x[0, 1] and x[2, 3]
print(x[[[0], [2]], [1, 3]])  # the 2 x 2 block of rows 0, 2 and columns 1, 3
# --8<-- [end:fancy_indexing]

# --8<-- [start:index_select]
import torch

x = torch.arange(12).reshape(3, 4)
idx = torch.tensor([2, 0])
print(x.index_select(0, idx))  # same as x[idx]
print(x.index_select(1, idx))  # same as x[:, idx]
# --8<-- [end:index_select]

# --8<-- [start:gather]
import torch

scores = torch.tensor([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6]])
target = torch.tensor([1, 0, 0])  # the true class of each row
picked = scores.gather(1, target.unsqueeze(1))  # index needs as many dims as scores
print(picked)
print(picked.squeeze(1))
print(scores[torch.arange(3), target])  # the same with fancy indexing
# --8<-- [end:gather]

# --8<-- [start:gather_index_dtype]
import torch

scores = torch.tensor([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]])
for dtype in (torch.int64, torch.int32, torch.int16):
    index = torch.tensor([[1], [0]], dtype=dtype)
    try:
        print(dtype, scores.gather(1, index).flatten())
    except RuntimeError as e:
        print(dtype, f"{type(e).__name__}: {e}")
# --8<-- [end:gather_index_dtype]

# --8<-- [start:scatter_one_hot]
import torch
import torch.nn.functional as F

target = torch.tensor([1, 0, 2, 1])
one_hot = torch.zeros(4, 3).scatter_(1, target.unsqueeze(1), 1.0)
print(one_hot)
print(torch.equal(one_hot.long(), F.one_hot(target, num_classes=3)))
# --8<-- [end:scatter_one_hot]

# --8<-- [start:scatter_add]
import torch

group = torch.tensor([0, 1, 0, 2, 1])  # which group each value belongs to
value = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0])
totals = torch.zeros(3).scatter_add(0, group, value)  # out[group[i]] += value[i]
print(totals)
counts = torch.zeros(3)
counts.scatter_add_(0, group, torch.ones(5))  # in place: one count per member
print(counts, totals / counts)  # group sizes and group means
# --8<-- [end:scatter_add]

# --8<-- [start:where]
import torch

x = torch.tensor([[1.0, -2.0], [-3.0, 4.0]])
print(torch.where(x > 0, x, 0.0))  # pick from x where True, else 0
print(torch.where(x > 0, x, x * 10))  # the else-branch can be a tensor too
rows, cols = torch.where(x < 0)  # one argument: indices of the True elements
print(rows, cols)
# --8<-- [end:where]

# --8<-- [start:argwhere]
import torch

x = torch.tensor([[0, 3, 0], [5, 0, 7]])
print(torch.argwhere(x))  # one row of coordinates per nonzero element
print(torch.equal(torch.argwhere(x), x.nonzero()))  # the same as nonzero()
rows, cols = x.nonzero(as_tuple=True)  # one tensor per dim, ready for indexing
print(x[rows, cols])
print(torch.count_nonzero(x), torch.count_nonzero(x, dim=1))  # count without listing them
print(torch.count_nonzero(x > 4).item())  # how many elements meet a condition
# --8<-- [end:argwhere]

# --8<-- [start:masked_fill]
import torch

scores = torch.tensor([[2.0, 1.0, 0.5], [0.3, 1.5, 2.5]])
pad = torch.tensor([[False, False, True], [False, True, True]])
filled = scores.masked_fill(pad, float("-inf"))  # returns a new tensor
print(filled)
print(torch.round(filled.softmax(dim=1), decimals=4))  # padded positions get 0
# --8<-- [end:masked_fill]

# --8<-- [start:topk]
import torch

probs = torch.tensor([[0.1, 0.6, 0.3], [0.5, 0.2, 0.3]])
values, indices = probs.topk(2, dim=1)  # the 2 largest of each row
print(values)
print(indices)
print(probs.topk(1, dim=1, largest=False).indices)  # the smallest instead
# --8<-- [end:topk]

# --8<-- [start:sort]
import torch

x = torch.tensor([3, 1, 4, 2, 5])
values, indices = x.sort(descending=True)
print(values)
print(indices)  # where each sorted value came from: x[indices] == values
print(x.argsort())  # only the indices, ascending
# --8<-- [end:sort]
