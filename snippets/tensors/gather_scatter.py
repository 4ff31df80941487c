"""Gather, scatter and group reductions: the index rule, scatter_reduce, index_add, masked_select."""

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
