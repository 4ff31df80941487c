"""Running totals, differences, integrals and triangular masks: cummax, diff, trapezoid, tril."""

# --8<-- [start:cummax_cummin]
import torch

val_loss = torch.tensor([0.9, 0.7, 0.75, 0.6, 0.65, 0.62])  # one value per epoch
best, epoch = val_loss.cummin(dim=0)  # best so far, and the epoch it came from
print(best)
print(epoch)
acc = torch.tensor([0.5, 0.7, 0.6, 0.8])
print(acc.cummax(dim=0).values)
# --8<-- [end:cummax_cummin]

# --8<-- [start:diff]
import torch

x = torch.tensor([3, 1, 4, 1, 5, 9])
print(torch.diff(x))  # x[i+1] - x[i]: one element shorter
print(torch.diff(x, n=2))  # the difference of the differences
total = x.cumsum(dim=0)
print(torch.diff(total, prepend=torch.zeros(1, dtype=total.dtype)))  # undoes cumsum
changes = torch.tensor([0, 0, 1, 1, 1, 0])
print(torch.nonzero(torch.diff(changes)).flatten() + 1)  # where a new run starts
# --8<-- [end:diff]

# --8<-- [start:trapezoid]
import torch

t = torch.linspace(0, 1, 5)  # sample positions
y = t**2  # samples of f(t) = t^2, whose exact integral over [0, 1] is 1/3
print(torch.trapezoid(y, t))  # area under the samples
print(torch.trapezoid(y, dx=0.25))  # evenly spaced: the spacing, as a keyword
print(torch.cumulative_trapezoid(y, t))  # the running area: one element shorter than y
speed = torch.tensor([0.0, 2.0, 2.0, 0.0])  # speed measured once per second
print(torch.cumulative_trapezoid(speed))  # distance so far (dx=1 by default)
# --8<-- [end:trapezoid]

# --8<-- [start:cumsum_positions]
import torch

attention_mask = torch.tensor([[0, 0, 1, 1, 1], [1, 1, 1, 1, 1]])  # left-padded batch
position_ids = (attention_mask.cumsum(dim=1) - 1).clamp(min=0)  # 0 at each first real token
print(position_ids)
print(attention_mask.sum(dim=1))  # real lengths
print(torch.tensor([True, False, True]).cumsum(dim=0))  # bool and int inputs give int64
# --8<-- [end:cumsum_positions]

# --8<-- [start:logcumsumexp]
import torch

a = torch.tensor([10.0, 100.0, 1000.0])  # e.g. log-weights or logits
print(torch.log(torch.cumsum(torch.exp(a), dim=0)))  # exp(100) overflows float32
print(torch.logcumsumexp(a, dim=0))  # the same quantity, computed stably
small = torch.tensor([0.0, 0.5, 1.0])
print(torch.allclose(torch.logcumsumexp(small, 0), small.exp().cumsum(0).log()))
# --8<-- [end:logcumsumexp]

# --8<-- [start:tril_triu]
import torch

T = 4
allowed = torch.tril(torch.ones(T, T, dtype=torch.bool))  # row i may see columns 0..i
blocked = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)  # the strict future
print(allowed.int())
print(torch.equal(blocked, ~allowed))
i = torch.arange(T)
print(torch.equal(blocked, i[None, :] > i[:, None]))  # column index > row index
print(torch.ones(3, 5).tril(diagonal=1))  # diagonal=k shifts the edge k columns right
# --8<-- [end:tril_triu]

# --8<-- [start:causal_softmax]
import torch

torch.manual_seed(0)
T = 4
scores = torch.randn(T, T)  # query i (row) against key j (column)
blocked = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
weights = scores.masked_fill(blocked, float("-inf")).softmax(dim=-1)
print(weights.round(decimals=3))
print(weights.sum(dim=-1))
wrong = torch.tril(scores).softmax(dim=-1)  # future scores set to 0, and exp(0) = 1
print(wrong[0].round(decimals=3))
# --8<-- [end:causal_softmax]

# --8<-- [start:window_padding]
import torch

T, window = 5, 2
ones = torch.ones(T, T, dtype=torch.bool)
allowed = torch.tril(ones) & torch.triu(ones, diagonal=-(window - 1))  # self + 1 previous
print(allowed.int())
key_is_pad = torch.tensor([False, False, False, True, True])  # the last 2 tokens are padding
allowed = allowed & ~key_is_pad  # broadcasts over rows: no query may see a padded key
print(allowed.int())
# --8<-- [end:window_padding]
