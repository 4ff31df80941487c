"""Reshaping: view, reshape, squeeze, unsqueeze, flatten, unflatten, permute, movedim, transpose,
rot90, expand, broadcast_to, repeat, tile."""

# --8<-- [start:reshape]
import torch

x = torch.arange(12)
print(x.reshape(3, 4))
print(x.view(3, 4).shape)  # same result here
print(x.reshape(2, -1).shape)  # -1: "whatever fits", 12 / 2 = 6
print(x.reshape(-1, 2, 3).shape)  # at most one -1
try:
    x.view(5, -1)  # the element count must stay the same
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:reshape]

# --8<-- [start:view_shares]
import torch

x = torch.arange(6)
v = x.view(2, 3)  # a view: same memory, new shape
v[0, 0] = 100
print(x)  # x changed too
print(v.data_ptr() == x.data_ptr())
# --8<-- [end:view_shares]

# --8<-- [start:view_noncontiguous]
import torch

x = torch.arange(6).reshape(2, 3)
t = x.t()  # a transposed view: not contiguous
try:
    t.view(6)
except RuntimeError as e:
    print(type(e).__name__, str(e).split(" (")[0])
print(t.reshape(6))  # fix: reshape copies when it must...
print(t.contiguous().view(6))  # ...or make it contiguous first
print(t.reshape(6).data_ptr() == x.data_ptr())  # here reshape did copy
# --8<-- [end:view_noncontiguous]

# --8<-- [start:atleast_2d]
import torch

print(torch.atleast_2d(torch.tensor(3.0)).shape)  # 0-d -> (1, 1)
print(torch.atleast_2d(torch.tensor([1, 2, 3])))  # 1-D -> one row, (1, 3)
m = torch.zeros(2, 3)
print(torch.atleast_2d(m) is m)  # already 2-D or more: returned as is
a, b = torch.atleast_2d(torch.tensor(1), torch.tensor([1, 2]))  # several tensors: a tuple
print(a.shape, b.shape)
# --8<-- [end:atleast_2d]

# --8<-- [start:squeeze]
import torch

x = torch.zeros(1, 3, 1, 2)
print(x.squeeze().shape)  # drops every size-1 dim
print(x.squeeze(0).shape)  # only dim 0
print(x.squeeze((0, 2)).shape)  # a tuple of dims
print(x.squeeze(1).shape)  # dim 1 has size 3: nothing happens, no error
# --8<-- [end:squeeze]

# --8<-- [start:squeeze_batch_of_one]
import torch

out = torch.tensor([[0.7]])  # model output for a batch of ONE sample: (batch, 1)
print(out.squeeze().shape)  # the batch dimension is gone too
print(out.squeeze(1).shape)  # fix: name the dim you mean
# --8<-- [end:squeeze_batch_of_one]

# --8<-- [start:unsqueeze]
import torch

img = torch.zeros(3, 32, 32)  # one image: channels, height, width
batch = img.unsqueeze(0)  # a model wants (batch, C, H, W)
print(batch.shape)
print(img[None].shape)  # indexing with None does the same
v = torch.tensor([1, 2, 3])
print(v.unsqueeze(1))  # a column: shape (3, 1)
print(v.unsqueeze(-1).shape, v[:, None].shape)
# --8<-- [end:unsqueeze]

# --8<-- [start:flatten]
import torch

x = torch.zeros(8, 3, 4, 4)  # batch of 8 feature maps
print(x.flatten().shape)  # everything into one dim, batch included
print(x.flatten(start_dim=1).shape)  # keep the batch: (8, 3 * 4 * 4)
print(x.flatten(2).shape)  # merge only height and width
print(x.reshape(x.size(0), -1).shape)  # the same as flatten(1)
print(torch.ravel(x).shape)  # torch.ravel: like flatten(), a view when it can be
# --8<-- [end:flatten]

# --8<-- [start:unflatten]
import torch

x = torch.zeros(8, 48)
print(x.unflatten(1, (3, 4, 4)).shape)  # split dim 1 into three: the inverse of flatten(1)
print(x.unflatten(1, (3, -1)).shape)  # one size may be -1
tokens = torch.zeros(2, 10, 64)  # (batch, seq, embed)
print(tokens.unflatten(-1, (8, -1)).shape)  # attention heads: (batch, seq, heads, head_dim)
try:
    x.unflatten(1, (5, -1))  # 48 is not a multiple of 5
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:unflatten]

# --8<-- [start:permute]
import torch

hwc = torch.arange(24).reshape(2, 4, 3)  # an image as (H, W, C), e.g. from PIL or NumPy
chw = hwc.permute(2, 0, 1)  # new order: old dim 2, then 0, then 1
print(chw.shape)  # (C, H, W), what PyTorch layers expect
print(torch.equal(chw[1], hwc[:, :, 1]))  # channel 1: the same H x W plane
print(chw.permute(1, 2, 0).shape)  # and back for plotting
nhwc = torch.zeros(5, 32, 32, 3)
print(nhwc.permute(0, 3, 1, 2).shape)  # a batch: NHWC -> NCHW
# --8<-- [end:permute]

# --8<-- [start:reshape_is_not_permute]
import torch

hwc = torch.arange(24).reshape(2, 4, 3)  # (H, W, C)
wrong = hwc.reshape(3, 2, 4)  # the right shape...
right = hwc.permute(2, 0, 1)
print(wrong.shape == right.shape, torch.equal(wrong, right))  # ...but other elements
print(wrong[0])  # not channel 0: just the first 8 values
print(right[0])  # channel 0: every third value
# --8<-- [end:reshape_is_not_permute]

# --8<-- [start:movedim]
import torch

x = torch.zeros(5, 3, 32, 16)  # (N, C, H, W)
print(x.movedim(1, -1).shape)  # C to the end; the others keep their order
print(torch.equal(x.movedim(1, -1), x.permute(0, 2, 3, 1)))
print(torch.moveaxis(x, 1, -1).shape)  # NumPy's name for torch.movedim
print(x.movedim((2, 3), (0, 1)).shape)  # several dims: sources, then destinations
print(torch.swapaxes(x, 1, -1).shape)  # swaps the two: (N, W, H, C), not NHWC
# --8<-- [end:movedim]

# --8<-- [start:transpose]
import torch

x = torch.zeros(2, 3, 4)
print(x.transpose(1, 2).shape)  # swap exactly two dims
print(x.transpose(0, 2).shape)
seq = torch.zeros(10, 32, 64)  # (seq_len, batch, features)
print(seq.transpose(0, 1).shape)  # (batch, seq_len, features)
# --8<-- [end:transpose]

# --8<-- [start:matrix_transpose]
import torch

m = torch.arange(6).reshape(2, 3)
print(m.T)  # 2-D: .T, .t() and .mT all transpose
print(m.t().shape, m.mT.shape)
batch = torch.zeros(5, 2, 3)  # a batch of 2 x 3 matrices
print(batch.mT.shape)  # transposes the last two dims
try:
    batch.t()
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:matrix_transpose]

# --8<-- [start:rot90]
import torch

m = torch.arange(6).reshape(2, 3)
print(torch.rot90(m))  # 90 degrees counter-clockwise, in the plane of dims (0, 1)
print(torch.rot90(m, k=-1))  # clockwise; k=2 turns by 180 degrees
print(torch.equal(torch.rot90(m), m.flip(1).T))  # flip, then transpose: a copy, not a view
images = torch.zeros(4, 3, 32, 16)  # (N, C, H, W)
print(torch.rot90(images, dims=(-2, -1)).shape)  # rotate H and W, not N and C
# --8<-- [end:rot90]

# --8<-- [start:contiguous]
import torch

x = torch.arange(6).reshape(2, 3)
p = x.permute(1, 0)  # permute, transpose, t, expand and some slices give views
print(p.is_contiguous(), p.stride())
c = p.contiguous()  # a row-major copy
print(c.is_contiguous(), c.stride())
print(x.contiguous() is x)  # already contiguous: returned as is, no copy
# --8<-- [end:contiguous]

# --8<-- [start:expand_repeat]
import torch

row = torch.tensor([1, 2, 3])
e = row.expand(4, 3)  # a view: no new memory
r = row.repeat(4, 1)  # a real copy, 4 times along dim 0
print(torch.equal(e, r))  # same values
print(e.stride(), e.data_ptr() == row.data_ptr())  # stride 0: every row is the same memory
print(e.untyped_storage().nbytes(), r.untyped_storage().nbytes())  # bytes allocated
print(torch.tensor([[1], [2]]).expand(-1, 3))  # expand only size-1 dims; -1 keeps a size
# --8<-- [end:expand_repeat]

# --8<-- [start:expand_write]
import torch

e = torch.zeros(3).expand(2, 3)
try:
    e.add_(1)  # several elements share one memory location
except RuntimeError as err:
    print(type(err).__name__, str(err).split(".")[0])
print(e.clone().add_(1))  # fix: clone (or use repeat) before writing
# --8<-- [end:expand_write]

# --8<-- [start:broadcast_to]
import torch

row = torch.tensor([1, 2, 3])
b = torch.broadcast_to(row, (2, 3))  # row.expand(2, 3) under another name: a view
print(b, b.stride())
col, ones = torch.zeros(3, 1), torch.zeros(1, 4)
x, y = torch.broadcast_tensors(col, ones)  # every input to the common shape
print(x.shape, y.shape, torch.broadcast_shapes(col.shape, ones.shape))
try:
    torch.broadcast_to(torch.zeros(3), (3, 2))  # sizes align from the right: 3 vs 2
except RuntimeError as e:
    print(type(e).__name__, str(e).split(".")[0])
# --8<-- [end:broadcast_to]

# --8<-- [start:tile]
import torch

x = torch.tensor([[1, 2]])  # shape (1, 2)
print(torch.tile(x, (2, 2)))  # 2 copies along each dim, like repeat
print(x.tile(3).shape)  # fewer sizes than dims: reps (3,) is read as (1, 3)
try:
    x.repeat(3)  # repeat needs a size for every dim
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:tile]
