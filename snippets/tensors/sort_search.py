"""Sort, rank and search: topk, quantile, stable sort, unique, searchsorted, bucketize, histc."""

# --8<-- [start:topk_smallest]
import torch

x = torch.tensor([[5.0, 1.0, 4.0, 2.0], [0.5, 3.0, 9.0, 7.0]])
print(x.topk(2, dim=1, largest=False))  # the 2 smallest of each row, smallest first
print(x.kthvalue(2, dim=1))  # only the 2nd smallest, with its position
print(x.median(dim=1))  # the lower of the two middle values for an even count
# --8<-- [end:topk_smallest]

# --8<-- [start:quantile]
import torch

x = torch.tensor([1.0, 2.0, 3.0, 4.0])
print(torch.quantile(x, 0.5), x.median())  # quantile interpolates; median takes the lower middle
print(torch.quantile(x, torch.tensor([0.25, 0.5, 0.75])))  # several q at once: one result each
print(torch.quantile(x, 0.5, interpolation="lower"))  # or pick an element, as median does
rows = torch.tensor([[1.0, 2.0, 3.0, 4.0], [10.0, 20.0, 30.0, float("nan")]])
print(torch.quantile(rows, 0.5, dim=1))  # one nan makes the row's answer nan
print(torch.nanquantile(rows, 0.5, dim=1))  # nanquantile skips nans
# --8<-- [end:quantile]

# --8<-- [start:stable_sort]
import torch

torch.manual_seed(0)
key = torch.randint(0, 3, (20,))  # 20 records, only 3 distinct keys: many ties


def ties_in_original_order(idx):
    k = key[idx]
    return bool(((k[1:] != k[:-1]) | (idx[1:] > idx[:-1])).all())


print(ties_in_original_order(key.sort().indices))
print(ties_in_original_order(key.sort(stable=True).indices))
print(ties_in_original_order(key.argsort(stable=True)))
# --8<-- [end:stable_sort]

# --8<-- [start:sort_two_keys]
import torch

name = torch.tensor([2, 0, 1, 0, 2, 1])  # secondary key
score = torch.tensor([7, 9, 7, 7, 9, 9])  # primary key, sorted descending
order = name.argsort(stable=True)  # sort by the secondary key first ...
order = order[score[order].argsort(descending=True, stable=True)]  # ... then stably by the primary
print(torch.stack([score[order], name[order]]))
by_python = sorted(range(6), key=lambda i: (-score[i].item(), name[i].item()))
print(order.tolist() == by_python)
# --8<-- [end:sort_two_keys]

# --8<-- [start:argsort_inverse]
import torch

lengths = torch.tensor([3, 7, 5, 2])
perm = lengths.argsort(descending=True)  # e.g. longest sequence first
sorted_lengths = lengths[perm]
inverse = perm.argsort()  # the permutation that undoes perm
print(sorted_lengths, sorted_lengths[inverse])
ranks = lengths.argsort().argsort()  # rank of each element, 0 = smallest
print(ranks)
# --8<-- [end:argsort_inverse]

# --8<-- [start:unique_counts]
import torch

labels = torch.tensor([30, 10, 20, 10, 30, 10])
values, inverse, counts = labels.unique(return_inverse=True, return_counts=True)
print(values)  # sorted distinct values
print(inverse)  # for each element, the position of its value in `values`
print(counts)
print(torch.equal(values[inverse], labels))  # inverse rebuilds the input
# --8<-- [end:unique_counts]

# --8<-- [start:unique_rows]
import torch

pairs = torch.tensor([[1, 2], [3, 4], [1, 2], [0, 5]])
rows, counts = pairs.unique(dim=0, return_counts=True)  # distinct rows, not elements
print(rows)
print(counts)
runs = torch.tensor([1, 1, 2, 2, 2, 1, 3, 3])
print(runs.unique_consecutive(return_counts=True))  # run-length encoding
# --8<-- [end:unique_rows]

# --8<-- [start:searchsorted]
import torch

edges = torch.tensor([0.0, 1.0, 2.0, 3.0])  # must be sorted
v = torch.tensor([-0.5, 1.0, 1.5, 3.0, 4.0])
print(torch.searchsorted(edges, v))  # first i with edges[i] >= v (insert to the left)
print(torch.searchsorted(edges, v, right=True))  # first i with edges[i] > v
probs = torch.tensor([0.1, 0.6, 0.3])
torch.manual_seed(0)
cdf = probs.cumsum(0)
cdf[-1] = 1.0  # rounding may leave the total a hair below 1: a draw past it gets index 3
draws = torch.searchsorted(cdf, torch.rand(10_000), right=True)  # inverse-CDF sampling
print(torch.bincount(draws, minlength=3) / 10_000)
# --8<-- [end:searchsorted]

# --8<-- [start:bucketize]
import numpy as np
import torch

boundaries = torch.tensor([0.0, 1.0, 2.0, 3.0])
v = torch.tensor([-0.5, 1.0, 1.5, 3.0, 4.0])
bins = torch.bucketize(v, boundaries)  # values first, boundaries second
print(bins)
print(torch.bincount(bins, minlength=5))  # a histogram over the 5 bins
print(np.digitize(v.numpy(), boundaries.numpy()))  # NumPy puts v == 1.0 in the next bin
print(np.digitize(v.numpy(), boundaries.numpy(), right=True))  # the same as torch's default
# --8<-- [end:bucketize]

# --8<-- [start:histc_histogram]
import torch

x = torch.tensor([1.0, 2.0, 2.5, 4.0, 7.0])
print(torch.histc(x, bins=3, min=0, max=6))  # counts only; 7.0 lies outside [0, 6]: not counted
hist, edges = torch.histogram(x, bins=3, range=(0.0, 6.0))  # counts and the bin edges
print(hist, edges)
print(torch.histogram(x, bins=torch.tensor([0.0, 2.0, 5.0, 8.0])).hist)  # uneven edges
w = torch.tensor([1.0, 1.0, 1.0, 1.0, 5.0])
print(torch.histogram(x, bins=torch.tensor([0.0, 2.0, 5.0, 8.0]), weight=w).hist)  # sums weights
# --8<-- [end:histc_histogram]

# --8<-- [start:searchsorted_unsorted]
import torch

seq = torch.tensor([30.0, 10.0, 20.0])  # not sorted
v = torch.tensor([25.0])
print(torch.searchsorted(seq, v))  # no error, meaningless answer
sorter = seq.argsort()
print(torch.searchsorted(seq, v, sorter=sorter))  # position in the sorted order
print(seq[sorter])
# --8<-- [end:searchsorted_unsorted]
