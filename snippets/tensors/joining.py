"""Joining and splitting: cat vs stack, split, narrow, chunk, unbind, hstack/vstack."""

# --8<-- [start:cat]
import torch

a = torch.arange(6).reshape(2, 3)
b = torch.arange(6, 12).reshape(2, 3)
print(torch.cat([a, b]))  # dim=0 by default: more rows
print(torch.cat([a, b], dim=1))  # more columns
print(torch.cat([a, torch.zeros(4, 3, dtype=torch.int64)]).shape)  # sizes may differ along dim
# --8<-- [end:cat]

# --8<-- [start:cat_mismatch]
import torch

a = torch.zeros(2, 3)
b = torch.zeros(2, 4)
try:
    torch.cat([a, b])  # along dim 0 every other dim must match
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.cat([a, b], dim=1).shape)  # along dim 1 they may differ
# --8<-- [end:cat_mismatch]

# --8<-- [start:stack]
import torch

a = torch.arange(6).reshape(2, 3)
b = torch.arange(6, 12).reshape(2, 3)
print(torch.stack([a, b]).shape)  # a new dim 0 of size 2
print(torch.stack([a, b], dim=2).shape)  # or anywhere else
images = [torch.zeros(3, 8, 8) for _ in range(5)]  # samples of the same shape
print(torch.stack(images).shape)  # a batch
try:
    torch.stack([torch.zeros(3), torch.zeros(4)])  # shapes must be identical
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:stack]

# --8<-- [start:cat_vs_stack]
import torch

rows = [torch.tensor([1, 2]), torch.tensor([3, 4]), torch.tensor([5, 6])]
print(torch.cat(rows))  # joined end to end: shape (6,)
print(torch.stack(rows))  # one above the other: shape (3, 2)
print(torch.equal(torch.stack(rows), torch.cat([r.unsqueeze(0) for r in rows])))
# --8<-- [end:cat_vs_stack]

# --8<-- [start:split]
import torch

x = torch.arange(10)
print(x.split(4))  # pieces of 4; the last one is what remains
print(x.split([2, 3, 5]))  # explicit sizes, which must add up to 10
m = torch.arange(12).reshape(2, 6)
features, target = m.split([5, 1], dim=1)  # e.g. columns of a table
print(features.shape, target.shape)
# --8<-- [end:split]

# --8<-- [start:narrow]
import torch

x = torch.arange(12).reshape(3, 4)
print(x.narrow(1, 1, 2))  # dim 1, start 1, length 2: the same as x[:, 1:3]
dim = 0  # the dim can be a variable, where slicing needs it written out
print(torch.narrow(x, dim, 2, 1))
print(x[:, 3:5].shape)  # a slice past the end is clipped silently...
try:
    x.narrow(1, 3, 2)  # ...narrow raises
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:narrow]

# --8<-- [start:chunk]
import torch

x = torch.arange(10)
print(x.chunk(3))  # 3 pieces of ceil(10 / 3) = 4, the last smaller
print([len(c) for c in x.chunk(4)])
print(len(torch.arange(6).chunk(4)))  # pieces of 2: only 3 chunks, not 4
print([len(c) for c in torch.tensor_split(torch.arange(6), 4)])  # exactly 4 pieces
print(torch.tensor_split(torch.arange(6), [1, 4]))  # a list: cut AT indices 1 and 4
# --8<-- [end:chunk]

# --8<-- [start:unbind]
import torch

x = torch.arange(6).reshape(2, 3)
print(x.unbind())  # a tuple of the rows, each one dim fewer
cols = x.unbind(dim=1)
print(cols)
print(torch.equal(torch.stack(cols, dim=1), x))  # stack undoes unbind
# --8<-- [end:unbind]

# --8<-- [start:hstack_vstack]
import torch

a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5, 6])
print(torch.hstack([a, b]))  # 1-D: end to end
print(torch.vstack([a, b]))  # 1-D inputs become rows
print(torch.column_stack([a, b]))  # 1-D inputs become columns
m = torch.zeros(2, 3)
print(torch.hstack([m, m]).shape, torch.vstack([m, m]).shape)  # 2-D: cat on dim 1 / dim 0
# --8<-- [end:hstack_vstack]
