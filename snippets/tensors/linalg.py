"""Linear algebra: matmul and friends, einsum, torch.linalg solvers and decompositions."""

# --8<-- [start:matmul]
import torch

A = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
B = torch.tensor([[5.0, 6.0], [7.0, 8.0]])
print(A @ B)  # matrix product, same as torch.matmul(A, B)
print(A * B)  # NOT a matrix product: element-wise
print(A @ torch.tensor([1.0, 1.0]))  # matrix @ vector gives a vector
# --8<-- [end:matmul]

# --8<-- [start:matmul_batch]
import torch

x = torch.ones(10, 4, 3)  # a batch of 10 matrices
w = torch.ones(3, 5)  # one matrix, shared by the batch
print((x @ w).shape)  # w broadcasts over the batch dim
print((torch.ones(2, 1, 4, 3) @ torch.ones(6, 3, 5)).shape)  # batch dims broadcast too
# --8<-- [end:matmul_batch]

# --8<-- [start:mm_mv]
import torch

A = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
v = torch.tensor([1.0, -1.0])
print(torch.mm(A, A))  # 2-D @ 2-D only, no broadcasting
print(torch.mv(A, v))  # 2-D @ 1-D only
try:
    torch.mm(torch.ones(3, 2, 2), A)
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:mm_mv]

# --8<-- [start:bmm]
import torch

a = torch.ones(8, 2, 3)
b = torch.ones(8, 3, 4)
print(torch.bmm(a, b).shape)  # (B, n, m) @ (B, m, p): batch sizes must be equal
try:
    torch.bmm(a, torch.ones(3, 4))  # no broadcasting: use @ for that
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:bmm]

# --8<-- [start:addmm_baddbmm]
import torch

torch.manual_seed(0)
bias, x, W = torch.randn(3), torch.randn(4, 5), torch.randn(5, 3)
y = torch.addmm(bias, x, W)  # bias + x @ W in one call: what nn.Linear runs
print(y.shape, torch.allclose(y, bias + x @ W, atol=1e-5))
q, k = torch.randn(8, 4, 16), torch.randn(8, 6, 16)  # (batch, tokens, dim)
pad = torch.zeros(8, 4, 6)
pad[:, :, -1] = float("-inf")  # an additive mask: the last key is padding
scores = torch.baddbmm(pad, q, k.transpose(1, 2), beta=1.0, alpha=16**-0.5)
print(scores.shape, torch.allclose(scores, pad + q @ k.transpose(1, 2) / 4, atol=1e-5))
# --8<-- [end:addmm_baddbmm]

# --8<-- [start:dot]
import torch

u = torch.tensor([1.0, 2.0, 3.0])
v = torch.tensor([4.0, 5.0, 6.0])
print(torch.dot(u, v), u @ v)  # 1*4 + 2*5 + 3*6
try:
    torch.dot(u.unsqueeze(0), v.unsqueeze(0))  # 2-D inputs are refused
except RuntimeError as e:
    print(type(e).__name__, e)
print((u.unsqueeze(0) * v.unsqueeze(0)).sum(dim=1))  # row-wise dot products
# --8<-- [end:dot]

# --8<-- [start:cross]
import torch

a = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])  # two 3-D vectors, one per row
b = torch.tensor([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
print(torch.linalg.cross(a, b))  # dim=-1 by default: one cross product per row
print(torch.equal(torch.cross(a, b, dim=1), torch.linalg.cross(a, b)))  # torch.cross: pass dim
c = torch.linalg.cross(a, b)
print(torch.linalg.vecdot(c, a), torch.linalg.vecdot(c, b))  # perpendicular to both inputs
# --8<-- [end:cross]

# --8<-- [start:einsum]
import torch

torch.manual_seed(0)
A, B = torch.randn(2, 3), torch.randn(3, 4)
X, Y = torch.randn(5, 2, 3), torch.randn(5, 3, 4)
S, u, v = torch.randn(3, 3), torch.randn(3), torch.randn(2)
print(torch.allclose(torch.einsum("ij,jk->ik", A, B), A @ B))  # matmul
print(torch.allclose(torch.einsum("bij,bjk->bik", X, Y), X @ Y))  # batch matmul
print(torch.allclose(torch.einsum("ii->", S), S.trace()))  # trace
print(torch.einsum("i,j->ij", u, v).shape)  # outer product, like torch.outer(u, v)
# --8<-- [end:einsum]

# --8<-- [start:inv_det]
import torch

A = torch.tensor([[4.0, 7.0], [2.0, 6.0]])
print(torch.round(torch.linalg.det(A), decimals=4))  # 4*6 - 7*2
A_inv = torch.linalg.inv(A)
print(torch.round(A_inv, decimals=4))
print(torch.allclose(A @ A_inv, torch.eye(2)))
# --8<-- [end:inv_det]

# --8<-- [start:pinv]
import torch

A = torch.tensor([[1.0, 2.0], [2.0, 4.0]])  # singular: row 2 is twice row 1
try:
    torch.linalg.inv(A)
except torch.linalg.LinAlgError as e:  # a subclass of RuntimeError
    print(e)
P = torch.linalg.pinv(A)  # the pseudo-inverse exists for any matrix
print(torch.round(P, decimals=4))
print(torch.allclose(A @ P @ A, A, atol=1e-5))  # the defining property
print(torch.linalg.pinv(torch.ones(5, 3)).shape)  # (m, n) gives (n, m)
# --8<-- [end:pinv]

# --8<-- [start:solve]
import torch

A = torch.tensor([[3.0, 1.0], [1.0, 2.0]])
b = torch.tensor([9.0, 8.0])
x = torch.linalg.solve(A, b)  # solves A @ x = b; faster and more accurate than inv(A) @ b
print(torch.round(x, decimals=4))
print(torch.allclose(A @ x, b))
# --8<-- [end:solve]

# --8<-- [start:linalg_norm]
import torch

M = torch.tensor([[3.0, 0.0], [4.0, 0.0]])
print(torch.linalg.norm(M))  # Frobenius norm for a matrix
spectral = torch.linalg.matrix_norm(M, ord=2)  # the largest singular value
print(torch.round(spectral, decimals=4))
print(torch.linalg.norm(M, dim=0))  # with dim: vector norms (here per column)
# --8<-- [end:linalg_norm]

# --8<-- [start:svd]
import torch

torch.manual_seed(0)
A = torch.randn(5, 3)
U, S, Vh = torch.linalg.svd(A, full_matrices=False)  # the "thin" SVD
print(U.shape, S.shape, Vh.shape)
print(torch.linalg.svd(A).U.shape)  # the full U is square
print(torch.allclose(U @ torch.diag(S) @ Vh, A, atol=1e-5))
print(bool((S[:-1] >= S[1:]).all()))  # singular values come sorted, largest first
# --8<-- [end:svd]

# --8<-- [start:eigh]
import torch

S = torch.tensor([[2.0, 1.0], [1.0, 2.0]])  # symmetric
values, vectors = torch.linalg.eigh(S)  # ascending eigenvalues, vectors in columns
print(torch.round(values, decimals=4))
print(torch.allclose(S @ vectors, vectors * values, atol=1e-6))
# --8<-- [end:eigh]

# --8<-- [start:qr]
import torch

torch.manual_seed(0)
A = torch.randn(5, 3)
Q, R = torch.linalg.qr(A)  # A = Q @ R; "reduced" by default: Q (5, 3), R (3, 3)
print(Q.shape, R.shape)
print(torch.allclose(Q.T @ Q, torch.eye(3), atol=1e-5))  # orthonormal columns
print(torch.equal(R, R.triu()), torch.allclose(Q @ R, A, atol=1e-5))  # R is upper triangular
print(torch.linalg.qr(A, mode="complete").Q.shape)  # a square Q
# --8<-- [end:qr]

# --8<-- [start:cholesky]
import torch

S = torch.tensor([[4.0, 2.0], [2.0, 3.0]])  # symmetric positive-definite, like a covariance
L = torch.linalg.cholesky(S)  # lower triangular with S = L @ L.T
print(torch.round(L, decimals=4), torch.allclose(L @ L.T, S))
bad = torch.tensor([[1.0, 2.0], [2.0, 1.0]])  # symmetric, but an eigenvalue is -1
try:
    torch.linalg.cholesky(bad)
except torch.linalg.LinAlgError as e:
    print(e)
L, info = torch.linalg.cholesky_ex(torch.stack([S, bad]))  # no exception: one code per matrix
print(info)  # 0: factorised; k > 0: the leading minor of order k is not positive-definite
# --8<-- [end:cholesky]

# --8<-- [start:lstsq]
import torch

x = torch.tensor([0.0, 1.0, 2.0, 3.0])
y = torch.tensor([1.0, 3.0, 5.0, 7.0])  # exactly y = 2x + 1
X = torch.stack([x, torch.ones(4)], dim=1)  # design matrix (4, 2)
fit = torch.linalg.lstsq(X, y.unsqueeze(1))  # B must be 2-D: (4, 1)
print(fit.solution.shape)
print(torch.round(fit.solution.squeeze(1), decimals=4))  # slope, intercept
# --8<-- [end:lstsq]

# --8<-- [start:build_matrices]
import torch

d = torch.tensor([[1.0, 2.0], [3.0, 4.0]])  # a batch of two diagonals
D = torch.diag_embed(d)  # (2, 2, 2): one diagonal matrix per row of d
print(D)
print(torch.equal(torch.diagonal(D, dim1=-2, dim2=-1), d))  # diagonal reads them back
print(torch.block_diag(torch.ones(2, 2), torch.tensor([[5.0]])))  # blocks along the diagonal
print(torch.kron(torch.eye(2), torch.tensor([[1.0, 2.0], [3.0, 4.0]])))  # a[i, j] * b, tiled
# --8<-- [end:build_matrices]

# --8<-- [start:shape_mismatch]
import torch

x = torch.ones(2, 3)
w = torch.ones(2, 3)
try:
    y = x @ w  # inner dims 3 and 2 differ
except RuntimeError as e:
    print(type(e).__name__, e)
print((x @ w.T).shape)  # (2, 3) @ (3, 2)
# --8<-- [end:shape_mismatch]
