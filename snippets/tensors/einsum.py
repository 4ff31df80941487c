"""einsum beyond matmul, and pairwise distances with cdist."""

# --8<-- [start:einsum_reductions]
import torch

torch.manual_seed(0)
x = torch.randn(6, 3)
y = torch.randn(6, 3)
print(torch.allclose(torch.einsum("bi,bi->b", x, y), (x * y).sum(dim=1)))  # one dot per row
m = torch.arange(18.0).reshape(2, 3, 3)
print(torch.einsum("bii->bi", m))  # the diagonal of each matrix in a batch
print(torch.einsum("bii->b", m))  # ... and its trace
print(torch.equal(torch.einsum("bii->bi", m), m.diagonal(dim1=-2, dim2=-1)))
# --8<-- [end:einsum_reductions]

# --8<-- [start:einsum_bilinear]
import torch
from torch import nn

torch.manual_seed(0)
bilinear = nn.Bilinear(3, 4, 2)  # out[b, o] = x[b] @ W[o] @ y[b] + bias[o]
x, y = torch.randn(6, 3), torch.randn(6, 4)
by_hand = torch.einsum("bi,oij,bj->bo", x, bilinear.weight, y) + bilinear.bias
print(bilinear.weight.shape, by_hand.shape)
print(torch.allclose(by_hand, bilinear(x, y), atol=1e-6))
# --8<-- [end:einsum_bilinear]

# --8<-- [start:einsum_attention]
import torch

torch.manual_seed(0)
B, H, T, D = 2, 4, 5, 8  # batch, heads, tokens, head dim
q, k, v = torch.randn(B, H, T, D), torch.randn(B, H, T, D), torch.randn(B, H, T, D)
scores = torch.einsum("bhqd,bhkd->bhqk", q, k) / D**0.5  # no transpose to get wrong
print(scores.shape, torch.allclose(scores, q @ k.transpose(-2, -1) / D**0.5, atol=1e-6))
out = torch.einsum("bhqk,bhkd->bqhd", scores.softmax(dim=-1), v)  # tokens before heads
print(out.reshape(B, T, H * D).shape)  # heads merged back into one feature dim
# --8<-- [end:einsum_attention]

# --8<-- [start:einsum_ellipsis]
import torch

torch.manual_seed(0)
W = torch.randn(5, 6)
for x in (torch.randn(5), torch.randn(3, 5), torch.randn(2, 3, 4, 5)):
    y = torch.einsum("...i,ij->...j", x, W)  # ... stands for any leading dims
    print(tuple(y.shape), torch.allclose(y, x @ W, atol=1e-5))
# --8<-- [end:einsum_ellipsis]

# --8<-- [start:einsum_errors]
import torch

a, b = torch.zeros(3, 4), torch.zeros(5, 4)
for equation, operands in (("ij,jk->ik", (a, b)), ("ijk->ij", (a,))):
    try:
        torch.einsum(equation, *operands)
    except RuntimeError as e:
        print(type(e).__name__, e)
print(torch.einsum("ij,kj->ik", a, b).shape)  # name the shared dim with the same letter
# --8<-- [end:einsum_errors]

# --8<-- [start:cdist_vs_manual]
import torch

torch.manual_seed(0)
P, Q = torch.randn(50, 3), torch.randn(40, 3)  # 50 and 40 points in 3-D
d = torch.cdist(P, Q)  # d[i, j] = ||P[i] - Q[j]||
broadcast = (P[:, None, :] - Q[None, :, :]).norm(dim=-1)  # builds a (50, 40, 3) tensor
expanded = (P.pow(2).sum(1, keepdim=True) + Q.pow(2).sum(1) - 2 * P @ Q.T).clamp_min(0).sqrt()
print(d.shape)
print(torch.allclose(d, broadcast, atol=1e-5), torch.allclose(d, expanded, atol=1e-5))
print(torch.allclose(torch.cdist(P, Q, p=1), (P[:, None] - Q[None]).abs().sum(-1), atol=1e-5))
# --8<-- [end:cdist_vs_manual]

# --8<-- [start:cdist_precision]
import torch

torch.manual_seed(0)
X = torch.randn(30, 3) + 100  # points far from the origin
fast = torch.cdist(X, X)  # over 25 points: computed as |x|^2 + |y|^2 - 2 x.y
exact = torch.cdist(X, X, compute_mode="donot_use_mm_for_euclid_dist")
print(round(fast.diagonal().max().item(), 4))  # a point's distance to itself
print(exact.diagonal().max().item())
print(round((fast - exact).abs().max().item(), 4))  # the worst error anywhere
# --8<-- [end:cdist_precision]

# --8<-- [start:nearest_neighbours]
import torch

torch.manual_seed(0)
database = torch.randn(100, 8)
queries = database[[3, 42]] + 0.01 * torch.randn(2, 8)  # near rows 3 and 42
dist, idx = torch.cdist(queries, database).topk(3, dim=1, largest=False)  # 3 nearest
print(idx[:, 0])
print(dist.shape, bool((dist[:, 0] < dist[:, 1]).all()))
# --8<-- [end:nearest_neighbours]
