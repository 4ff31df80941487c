"""Gather, scatter and group reductions: the index rule, take_along_dim, scatter_reduce, index_add,
index_put_, masked_select."""

# --8<-- [start:gather_rule]
import torch

src = torch.arange(12).reshape(3, 4)
index = torch.tensor([[2, 0, 1, 0], [1, 1, 2, 2]])
out0 = src.gather(0, index)  # dim=0: out[i][j] = src[index[i][j]][j]
out1 = src.gather(1, index[:, :3])  # dim=1: out[i][j] = src[i][index[i][j]]
print(out0)
print(out1)
rule0 = [[src[index[i][j]][j] for j in range(4)] for i in range(2)]
rule1 = [[src[i][index[i][j]] for j in range(3)] for i in range(2)]
print(out0.tolist() == torch.tensor(rule0).tolist(), out1.tolist() == torch.tensor(rule1).tolist())
# --8<-- [end:gather_rule]

# --8<-- [start:gather_tokens]
import torch

torch.manual_seed(0)
logits = torch.randn(2, 5, 10)  # (batch, seq, vocab), e.g. a language model's output
tokens = torch.randint(0, 10, (2, 5))  # the token that actually came next
logp = logits.log_softmax(dim=-1)
picked = logp.gather(-1, tokens.unsqueeze(-1)).squeeze(-1)  # one vocab entry per position
print(picked.shape)
b, t = torch.meshgrid(torch.arange(2), torch.arange(5), indexing="ij")
print(torch.equal(picked, logp[b, t, tokens]))  # the same with fancy indexing
print(round(-picked.mean().item(), 4))  # the mean negative log-likelihood ...
print(round(torch.nn.functional.cross_entropy(logits.view(-1, 10), tokens.view(-1)).item(), 4))
# --8<-- [end:gather_tokens]

# --8<-- [start:gather_errors]
import torch

src = torch.arange(12).reshape(3, 4)
for index in (torch.tensor([0, 1, 2]), torch.tensor([[0], [1], [4]])):
    try:
        src.gather(1, index)
    except RuntimeError as e:
        print(type(e).__name__, e)
print(src.gather(1, torch.tensor([[0], [1], [3]])).squeeze(1))
# --8<-- [end:gather_errors]

# --8<-- [start:take_along_dim]
import torch

scores = torch.tensor([[0.2, 0.9, 0.5], [0.7, 0.1, 0.4]])
ids = torch.tensor([[10, 11, 12], [20, 21, 22]])  # something that goes with each score
order = scores.argsort(dim=1, descending=True)
print(torch.take_along_dim(ids, order, dim=1))  # each row in its own order
top = scores.topk(2, dim=1).indices
print(torch.take_along_dim(ids, top, dim=1))  # the ids of each row's top 2
print(torch.equal(torch.take_along_dim(ids, top, dim=1), ids.gather(1, top)))
print(torch.take_along_dim(scores, scores.argmax()))  # no dim: the flattened tensor
# --8<-- [end:take_along_dim]

# --8<-- [start:scatter_rule]
import torch

torch.manual_seed(0)
x = torch.randn(3, 5)
values, index = x.topk(2, dim=1)
sparse = torch.zeros_like(x).scatter(1, index, values)  # out[i][index[i][j]] = values[i][j]
print((sparse != 0).sum(dim=1))  # two survivors per row
check = torch.zeros_like(x)
for i in range(3):
    for j in range(2):
        check[i][index[i][j]] = values[i][j]
print(torch.equal(sparse, check))
# --8<-- [end:scatter_rule]

# --8<-- [start:scatter_reduce_groups]
import torch

value = torch.tensor([2.0, -1.0, 4.0, -3.0, 6.0])
group = torch.tensor([0, 1, 0, 1, 2])  # which group each value belongs to
n_groups = 3
for reduce in ("sum", "mean", "amax", "amin"):
    out = torch.zeros(n_groups).scatter_reduce(0, group, value, reduce=reduce, include_self=False)
    print(f"{reduce:<4}", out)
print(torch.stack([value[group == g].mean() for g in range(n_groups)]))  # mean, the slow way
# --8<-- [end:scatter_reduce_groups]

# --8<-- [start:include_self]
import torch

value = torch.tensor([2.0, -1.0, 4.0, -3.0, 6.0])
group = torch.tensor([0, 1, 0, 1, 3])  # group 2 is empty
print(torch.zeros(4).scatter_reduce(0, group, value, reduce="amax"))  # include_self=True
print(torch.zeros(4).scatter_reduce(0, group, value, reduce="mean"))
print(torch.zeros(4).scatter_reduce(0, group, value, reduce="mean", include_self=False))
start = torch.full((4,), float("-inf"))  # empty groups keep the start value
print(start.scatter_reduce(0, group, value, reduce="amax", include_self=False))
# --8<-- [end:include_self]

# --8<-- [start:index_add_rows]
import torch

features = torch.arange(10.0).reshape(5, 2)  # 5 rows (e.g. nodes, tokens), 2 features each
group = torch.tensor([0, 1, 0, 1, 2])
sums = torch.zeros(3, 2).index_add(0, group, features)  # out[group[i]] += features[i]
counts = torch.bincount(group, minlength=3)
print(sums)
print(counts)
print(sums / counts.unsqueeze(1))  # per-group mean rows
same = torch.zeros(3, 2).scatter_add(0, group.unsqueeze(1).expand(-1, 2), features)
print(torch.equal(sums, same))  # scatter_add needs the index expanded to every column
# --8<-- [end:index_add_rows]

# --8<-- [start:index_put_accumulate]
import torch

idx = torch.tensor([1, 3, 1])  # position 1 appears twice
counts = torch.zeros(5)
counts[idx] += 1  # reads, adds, writes back: the two writes to position 1 collide
print(counts)
counts = torch.zeros(5)
counts.index_put_((idx,), torch.ones(3), accumulate=True)  # adds every duplicate
print(counts)
grid = torch.zeros(2, 3)
rows, cols = torch.tensor([0, 0, 1]), torch.tensor([2, 2, 0])  # one index tensor per dim
grid.index_put_((rows, cols), torch.tensor([1.0, 2.0, 5.0]), accumulate=True)
print(grid)
# --8<-- [end:index_put_accumulate]

# --8<-- [start:index_add_inplace]
import torch

sums, counts = torch.zeros(3, 2), torch.zeros(3)  # running totals for 3 classes
batches = [
    (torch.tensor([[1.0, 2.0], [3.0, 4.0]]), torch.tensor([0, 2])),
    (torch.tensor([[5.0, 6.0], [7.0, 8.0], [9.0, 10.0]]), torch.tensor([0, 0, 1])),
]
for features, labels in batches:
    sums.index_add_(0, labels, features)  # in place: sums[labels[i]] += features[i]
    counts.index_add_(0, labels, torch.ones(len(labels)))
print(counts)
print(sums / counts.unsqueeze(1))  # per-class mean feature vectors
# --8<-- [end:index_add_inplace]

# --8<-- [start:masked_select]
import torch

x = torch.arange(6).reshape(2, 3)
mask = x % 2 == 0
print(torch.masked_select(x, mask), x[mask])  # the same 1-D result
col_mask = torch.tensor([True, False, True])
print(torch.masked_select(x, col_mask))  # the mask broadcasts to (2, 3) first
print(x[:, col_mask])  # boolean indexing keeps the 2-D structure
try:
    x[col_mask]  # a mask indexes from dim 0: sizes must match there
except IndexError as e:
    print(type(e).__name__, e)
# --8<-- [end:masked_select]
