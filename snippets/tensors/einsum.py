"""einsum beyond matmul, tensordot, and pairwise distances and similarities."""

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

# --8<-- [start:tensordot]
import torch

torch.manual_seed(0)
A, B = torch.randn(2, 3, 4), torch.randn(3, 4, 5)
C = torch.tensordot(A, B, dims=2)  # contract A's last 2 dims with B's first 2
print(C.shape, torch.allclose(C, torch.einsum("ijk,jkl->il", A, B), atol=1e-5))
D = torch.tensordot(A, torch.randn(4, 6, 3), dims=([1, 2], [2, 0]))  # or list the dims in pairs
print(D.shape)  # A's free dims, then the other operand's
x, y = torch.randn(8, 3), torch.randn(8, 3)  # 8 pairs of vectors
print(torch.tensordot(x, y, dims=([1], [1])).shape)  # every x with every y: no batch dims
print(torch.einsum("bi,bi->b", x, y).shape)  # a shared letter kept in the output pairs them up
# --8<-- [end:tensordot]

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

# --8<-- [start:cosine_similarity]
import torch
import torch.nn.functional as F

torch.manual_seed(0)
a, b = torch.randn(4, 16), torch.randn(4, 16)
print(F.cosine_similarity(a, b, dim=1).shape)  # row i of a with row i of b
P, Q = torch.randn(50, 16), torch.randn(40, 16)
all_pairs = F.normalize(P, dim=1) @ F.normalize(Q, dim=1).T  # every row of P with every row of Q
broadcast = F.cosine_similarity(P[:, None, :], Q[None, :, :], dim=-1)  # via a (50, 40, 16) tensor
print(all_pairs.shape, torch.allclose(all_pairs, broadcast, atol=1e-5))
tokens, other = torch.randn(2, 5, 16), torch.randn(2, 5, 16)  # (batch, tokens, features)
print(torch.cosine_similarity(tokens, other).shape)  # default dim=1: along the tokens!
print(torch.cosine_similarity(tokens, other, dim=-1).shape)  # one value per token
print(F.cosine_similarity(torch.zeros(1, 16), b[:1]))  # a zero vector: 0, not nan (eps)
# --8<-- [end:cosine_similarity]

# --8<-- [start:nearest_neighbours]
import torch

torch.manual_seed(0)
database = torch.randn(100, 8)
queries = database[[3, 42]] + 0.01 * torch.randn(2, 8)  # near rows 3 and 42
dist, idx = torch.cdist(queries, database).topk(3, dim=1, largest=False)  # 3 nearest
print(idx[:, 0])
print(dist.shape, bool((dist[:, 0] < dist[:, 1]).all()))
# --8<-- [end:nearest_neighbours]
