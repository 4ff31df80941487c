"""Reductions: sum, mean, std, max/argmax, maximum, keepdim, norms, cov, bincount, cumsum, any/all."""

# --8<-- [start:sum]
import torch

x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(x.sum())  # everything: a 0-d tensor
print(x.sum(dim=0))  # down the rows: one value per column
print(x.sum(dim=1))  # across the columns: one value per row
print(x.sum(dim=(0, 1)), x.sum(dim=-1))  # several dims; negative dims count from the end
# --8<-- [end:sum]

# --8<-- [start:prod]
import torch

x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(x.prod(), x.prod(dim=0))
print(torch.tensor([2, 3, 4]).prod().item())  # e.g. the number of elements of a shape
# --8<-- [end:prod]

# --8<-- [start:mean_int]
import torch

counts = torch.tensor([1, 2, 4])
try:
    counts.mean()
except RuntimeError as e:
    print(type(e).__name__, e)
print(counts.float().mean())  # cast first
print(counts.mean(dtype=torch.float32))  # or ask for a float result
# --8<-- [end:mean_int]

# --8<-- [start:std]
import torch

x = torch.tensor([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
print(torch.round(x.std(), decimals=4))  # sample std: divides by n - 1
print(x.std(correction=0))  # population std: divides by n, like NumPy's default
print(x.var(correction=0), x.mean())
# --8<-- [end:std]

# --8<-- [start:max_no_dim]
import torch

x = torch.tensor([[3, 8, 1], [9, 2, 7]])
print(x.max(), x.argmax())  # over all elements; argmax indexes the flattened tensor
print(divmod(x.argmax().item(), x.shape[1]))  # back to (row, column)
# --8<-- [end:max_no_dim]

# --8<-- [start:max_dim]
import torch

x = torch.tensor([[3, 8, 1], [9, 2, 7]])
result = x.max(dim=1)  # with a dim: a named tuple (values, indices)
print(result)
values, indices = x.max(dim=1)  # or unpack it
print(values, indices)
print(x.argmax(dim=1))  # only the indices: e.g. the predicted class per row
# --8<-- [end:max_dim]

# --8<-- [start:min]
import torch

x = torch.tensor([[3, 8, 1], [9, 2, 7]])
print(x.min(), x.argmin())
print(x.min(dim=0).values, x.argmin(dim=0))  # column-wise
print(x.amin(dim=0))  # values only, no indices
y = torch.tensor([[5, 5, 5], [5, 5, 5]])
print(torch.minimum(x, y))  # element-wise between two tensors, not a reduction
# --8<-- [end:min]

# --8<-- [start:maximum_vs_max]
import torch

x = torch.tensor([[1, 5], [4, 2]])
y = torch.tensor([[3, 3], [3, 3]])
print(torch.maximum(x, y))  # element-wise: the larger of each pair, same shape
print(torch.equal(torch.max(x, y), torch.maximum(x, y)))  # max with a tensor: the same thing
print(torch.max(x, 1))  # max with an int: a reduction along dim 1
a = torch.tensor([1.0, float("nan")])
b = torch.tensor([2.0, 0.0])
print(torch.maximum(a, b), torch.fmax(a, b))  # maximum propagates nan, fmax ignores it
# --8<-- [end:maximum_vs_max]

# --8<-- [start:keepdim]
import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 6.0, 8.0]])
print(x.mean(dim=1).shape, x.mean(dim=1, keepdim=True).shape)
centered = x - x.mean(dim=1, keepdim=True)  # (2, 3) - (2, 1): subtract each row's mean
print(centered)
print(x / x.sum(dim=1, keepdim=True))  # each row now sums to 1
# --8<-- [end:keepdim]

# --8<-- [start:keepdim_pitfall]
import torch

x = torch.tensor([[1.0, 2.0], [10.0, 20.0]])  # square: nothing fails
wrong = x - x.mean(dim=1)  # (2,) lines up with the columns, not the rows
right = x - x.mean(dim=1, keepdim=True)
print(wrong)
print(right)
# --8<-- [end:keepdim_pitfall]

# --8<-- [start:norm]
import torch
import torch.nn.functional as F

x = torch.tensor([[3.0, 4.0], [1.0, 0.0]])
print(torch.linalg.vector_norm(x))  # L2 norm of all elements: a number
print(torch.linalg.vector_norm(x, dim=1))  # one L2 norm per row
print(torch.linalg.vector_norm(x, ord=1, dim=1))  # L1 norm per row
unit = F.normalize(x, dim=1)  # divides each row by its norm: a tensor like x
print(unit, torch.linalg.vector_norm(unit, dim=1))
# --8<-- [end:norm]

# --8<-- [start:cov_corrcoef]
import torch

# 4 samples of 3 features, one row per sample, as in a batch
batch = torch.tensor([[1.0, 2.0, 4.0], [2.0, 4.0, 3.0], [3.0, 6.0, 3.0], [4.0, 8.0, 1.0]])
print(torch.cov(batch).shape)  # rows are taken as variables: 4 x 4, not what was meant
C = torch.cov(batch.T)  # transpose: variables in rows, observations in columns
print(torch.round(C, decimals=4))
print(torch.allclose(C.diagonal(), batch.var(dim=0)))  # n - 1 in the denominator, like var
print(torch.round(torch.corrcoef(batch.T), decimals=4))  # correlations: 1 on the diagonal
# --8<-- [end:cov_corrcoef]

# --8<-- [start:bincount]
import torch

labels = torch.tensor([0, 2, 2, 1, 2, 0])
print(labels.bincount())  # how many of each class 0, 1, 2
print(labels.bincount(minlength=4))  # class 3 has no sample but still gets a slot
print(labels.unique(return_counts=True))  # only the values present
# --8<-- [end:bincount]

# --8<-- [start:cumsum]
import torch

x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(x.cumsum(dim=1))  # running total along each row
print(x.cumsum(dim=0))  # running total down each column
print(torch.tensor([1.0, 2.0, 3.0]).cumprod(dim=0))
# --8<-- [end:cumsum]

# --8<-- [start:any_all]
import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, -5.0, float("nan")]])
print((x > 0).any(), (x > 0).all())
print((x > 0).all(dim=1))  # per row
print(torch.isnan(x).any().item())  # the usual check before training goes wrong
# --8<-- [end:any_all]

# --8<-- [start:nan_comparisons]
import torch

nan = torch.tensor(float("nan"))
print((nan > 0).item(), (nan < 0).item(), (nan == nan).item())  # ordered comparisons: False
print((nan != nan).item())  # != is the one comparison that is True
print(torch.isnan(nan).item(), torch.isfinite(torch.tensor([1.0, float("inf"), float("nan")])))
# --8<-- [end:nan_comparisons]
