"""Linear algebra: matmul and friends, einsum, torch.linalg."""

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

# --8<-- [start:lstsq]
import torch

x = torch.tensor([0.0, 1.0, 2.0, 3.0])
y = torch.tensor([1.0, 3.0, 5.0, 7.0])  # exactly y = 2x + 1
X = torch.stack([x, torch.ones(4)], dim=1)  # design matrix (4, 2)
fit = torch.linalg.lstsq(X, y.unsqueeze(1))  # B must be 2-D: (4, 1)
print(fit.solution.shape)
print(torch.round(fit.solution.squeeze(1), decimals=4))  # slope, intercept
# --8<-- [end:lstsq]

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
