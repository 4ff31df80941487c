"""Sparse (COO, CSR) and nested (jagged) tensors: what they are for, one recipe each."""

# --8<-- [start:to_sparse]
import torch

dense = torch.zeros(1000, 1000)
dense[torch.arange(1000), torch.arange(1000)] = 1.0  # 1,000 non-zeros out of 1,000,000
sparse = dense.to_sparse()  # COO: the coordinates and values of the non-zeros only
print(sparse.layout, sparse.indices().shape, sparse.values().shape)
sparse_bytes = sparse.indices().nbytes + sparse.values().nbytes
print(sparse_bytes, dense.nbytes)
x = torch.randn(1000, 5)
print(torch.allclose(sparse @ x, dense @ x))  # sparse @ dense -> dense
# --8<-- [end:to_sparse]

# --8<-- [start:sparse_graph]
import torch

src = torch.tensor([0, 0, 1, 2, 3])  # edges src -> dst of a 4-node graph
dst = torch.tensor([1, 2, 2, 3, 0])
adj = torch.sparse_coo_tensor(
    torch.stack([dst, src]), torch.ones(5), (4, 4), check_invariants=True
)  # adj[dst, src] = 1
features = torch.arange(8.0).reshape(4, 2).requires_grad_()
summed = adj @ features  # each node: the sum of its in-neighbours' features
print(summed)
print(torch.equal(summed, torch.zeros(4, 2).index_add(0, dst, features[src])))
summed.sum().backward()
print(features.grad[:, 0])  # node i's features were used once per outgoing edge
# --8<-- [end:sparse_graph]

# --8<-- [start:coalesce]
import torch

indices = torch.tensor([[0, 0, 1], [1, 1, 2]])  # (0, 1) appears twice
s = torch.sparse_coo_tensor(indices, torch.tensor([1.0, 2.0, 3.0]), (2, 3), check_invariants=True)
print(s.is_coalesced())
c = s.coalesce()  # sorts the indices and sums duplicates
print(c.indices(), c.values())
print(s.to_dense())
# --8<-- [end:coalesce]

# --8<-- [start:sparse_limits]
import torch

s = torch.eye(3).to_sparse()
d = torch.ones(3, 3)
print((d + s).layout)  # dense + sparse works ...
try:
    s + d  # ... sparse + dense does not
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    s.view(-1)  # many operators have no sparse kernel
except NotImplementedError as e:
    print(type(e).__name__, str(e).split(". ")[0])
print(s.to_dense().view(-1).shape)  # densify when the data is small enough
# --8<-- [end:sparse_limits]

# --8<-- [start:sparse_csr]
import warnings

import torch

dense = torch.tensor([[0.0, 2.0, 0.0], [3.0, 0.0, 4.0], [0.0, 0.0, 5.0]])
with warnings.catch_warnings():  # CSR is beta: the first CSR tensor warns once per process
    warnings.filterwarnings("ignore", message=".*Sparse CSR tensor support is in beta state")
    csr = dense.to_sparse_csr()
print(csr.crow_indices())  # row i's values are values[crow[i]:crow[i + 1]]
print(csr.col_indices(), csr.values())
x = torch.randn(3, 2)
print(torch.allclose(csr @ x, dense @ x))
# --8<-- [end:sparse_csr]

# --8<-- [start:sparse_csr_tensor]
import warnings

import torch

crow = torch.tensor([0, 1, 3, 4])  # rows + 1 entries: row i holds values[crow[i]:crow[i + 1]]
col = torch.tensor([1, 0, 2, 2])  # the column of each value
values = torch.tensor([2.0, 3.0, 4.0, 5.0])
with warnings.catch_warnings():  # CSR is beta: the first CSR tensor warns once per process
    warnings.filterwarnings("ignore", message=".*Sparse CSR tensor support is in beta state")
    csr = torch.sparse_csr_tensor(crow, col, values, (3, 3), check_invariants=True)
    print(csr.layout, csr.to_dense())
    try:
        torch.sparse_csr_tensor(torch.tensor([0, 1, 3]), col, values, (3, 3), check_invariants=True)
    except RuntimeError as e:
        print(type(e).__name__, e)
print(csr @ torch.ones(3, 1))
# --8<-- [end:sparse_csr_tensor]

# --8<-- [start:nested_jagged]
import torch
from torch import nn

torch.manual_seed(0)
seqs = [torch.randn(n, 4) for n in (2, 5, 3)]  # 3 sequences of 2, 5 and 3 tokens
batch = torch.nested.nested_tensor(seqs, layout=torch.jagged)  # no padding
print(batch.is_nested, batch.dim(), batch.size(0), batch.size(-1))  # (3, ragged, 4)
layer = nn.Linear(4, 8)
out = layer(batch)  # works on the last, regular dim
print(out.size(-1), [o.shape[0] for o in out.unbind()])  # (3, ragged, 8)
print(all(torch.allclose(o, layer(s), atol=1e-6) for o, s in zip(out.unbind(), seqs, strict=True)))
print(batch.offsets(), batch.values().shape)  # stored packed: (2 + 5 + 3, 4)
# --8<-- [end:nested_jagged]

# --8<-- [start:nested_mean]
import torch

torch.manual_seed(0)
seqs = [torch.randn(n, 4) for n in (2, 5, 3)]
batch = torch.nested.nested_tensor(seqs, layout=torch.jagged)
exact = torch.stack([s.mean(dim=0) for s in seqs])
padded = batch.to_padded_tensor(0.0)  # (3, 5, 4): zeros after each sequence
print(padded.shape)
print(torch.allclose(padded.mean(dim=1), exact))  # the zeros count in the mean
print(torch.allclose(batch.mean(dim=1), exact, atol=1e-6))  # over each sequence's real tokens
# --8<-- [end:nested_mean]

# --8<-- [start:nested_autograd]
import torch
from torch import nn

torch.manual_seed(0)
a = torch.randn(2, 4, requires_grad=True)
b = torch.randn(3, 4, requires_grad=True)
copied = torch.nested.nested_tensor([a, b], layout=torch.jagged)
print(copied.requires_grad)  # a copy without history: no gradient would reach a and b
kept = torch.nested.as_nested_tensor([a, b], layout=torch.jagged)  # keeps the history
layer = nn.Linear(4, 1)
layer(kept).values().sum().backward()
print(a.grad.shape, torch.allclose(a.grad[0], layer.weight[0]))
# --8<-- [end:nested_autograd]

# --8<-- [start:nested_pool_backward]
import torch

x = torch.nested.nested_tensor(
    [torch.ones(2, 4), torch.ones(3, 4)], layout=torch.jagged, requires_grad=True
)
try:
    x.mean(dim=1).sum().backward()  # the forward works; its backward is not implemented
except RuntimeError as e:
    print(type(e).__name__, str(e).split(": ")[-1])
lengths = x.offsets().diff()  # tokens per sequence
seq_id = torch.repeat_interleave(torch.arange(len(lengths)), lengths)
pooled = torch.zeros(2, 4).index_add(0, seq_id, x.values()) / lengths.unsqueeze(1)
pooled.sum().backward()  # a mean over the packed values, by hand
print(pooled.shape, x.grad.values()[:, 0])
# --8<-- [end:nested_pool_backward]

# --8<-- [start:nested_errors]
import torch

try:
    torch.nested.nested_tensor([torch.ones(2, 4), torch.ones(3, 5)], layout=torch.jagged)
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:nested_errors]
