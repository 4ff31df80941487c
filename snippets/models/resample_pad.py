"""Resize, pad and rearrange feature maps: interpolate, pool, grid_sample, pad, PixelShuffle, Fold."""

# --8<-- [start:interpolate_shapes]
import torch
import torch.nn.functional as F
from torch import nn

images = torch.rand(8, 3, 32, 32)  # (N, C, H, W)
print(F.interpolate(images, scale_factor=2, mode="nearest").shape)
print(F.interpolate(images, size=(48, 40), mode="bilinear").shape)  # any output size
print(F.interpolate(images, scale_factor=0.5, mode="bicubic").shape)  # also downsampling
up = nn.Upsample(scale_factor=2, mode="bilinear")  # the module form, for nn.Sequential
print(torch.equal(up(images), F.interpolate(images, scale_factor=2, mode="bilinear")))
try:
    F.interpolate(images[0], scale_factor=2, mode="bilinear")  # (C, H, W): no batch dim
except NotImplementedError as e:
    print(type(e).__name__, e)
# --8<-- [end:interpolate_shapes]

# --8<-- [start:align_corners]
import torch
import torch.nn.functional as F

row = torch.tensor([[[0.0, 10.0, 20.0]]])  # (N, C, L): 3 samples
print(F.interpolate(row, size=5, mode="linear", align_corners=False))  # the default
print(F.interpolate(row, size=5, mode="linear", align_corners=True))
# --8<-- [end:align_corners]

# --8<-- [start:nearest_exact]
import torch
import torch.nn.functional as F

x = torch.arange(5.0).reshape(1, 1, 5)
print(F.interpolate(x, size=3, mode="nearest"))  # picks 0, 1, 3: shifted to the left
print(F.interpolate(x, size=3, mode="nearest-exact"))  # picks 0, 2, 4: the centres
# --8<-- [end:nearest_exact]

# --8<-- [start:resize_masks]
import torch
import torch.nn.functional as F

mask = torch.tensor([[[[0.0, 3.0], [3.0, 0.0]]]])  # a segmentation mask: classes 0 and 3
print(F.interpolate(mask, size=(4, 4), mode="bilinear").unique())  # classes that do not exist
print(F.interpolate(mask, size=(4, 4), mode="nearest-exact").unique())  # labels kept
# --8<-- [end:resize_masks]

# --8<-- [start:downsample_pool]
import torch
import torch.nn.functional as F

x = torch.arange(16.0).reshape(1, 1, 4, 4)  # (N, C, H, W)
print(F.max_pool2d(x, kernel_size=2)[0, 0])  # the max of each 2 x 2 window
print(F.adaptive_avg_pool2d(x, output_size=(2, 2))[0, 0])  # give the size; windows follow
area = F.interpolate(x, size=(2, 2), mode="area")
print(torch.equal(area, F.adaptive_avg_pool2d(x, (2, 2))))  # "area" is adaptive average pooling
print(F.adaptive_avg_pool2d(torch.rand(8, 3, 7, 5), 1).shape)  # any input size: (N, C, 1, 1)
# --8<-- [end:downsample_pool]

# --8<-- [start:conv_transpose_upsample]
import torch
import torch.nn.functional as F

x = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]]]])  # (N, C, H, W)
weight = torch.ones(1, 1, 2, 2)  # (in_channels, out_channels, kH, kW): in before out
up = F.conv_transpose2d(x, weight, stride=2)  # each input pixel stamps a 2 x 2 block
print(up[0, 0])
print(torch.equal(up, F.interpolate(x, scale_factor=2, mode="nearest")))
# --8<-- [end:conv_transpose_upsample]

# --8<-- [start:grid_sample]
import torch
import torch.nn.functional as F

img = torch.arange(16.0).reshape(1, 1, 4, 4)  # (N, C, H, W)
identity = torch.tensor([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])  # theta: (N, 2, 3)
grid = F.affine_grid(identity, size=img.shape, align_corners=False)
print(grid.shape)  # (N, H, W, 2): an (x, y) position in [-1, 1] for every output pixel
print(torch.allclose(F.grid_sample(img, grid, align_corners=False), img))

shift = torch.tensor([[[1.0, 0.0, 0.5], [0.0, 1.0, 0.0]]])  # x + 0.5: one pixel of 4
grid = F.affine_grid(shift, size=img.shape, align_corners=False)
print(F.grid_sample(img, grid, align_corners=False)[0, 0])  # reads 1 pixel right: moves left

grid_true = F.affine_grid(identity, size=img.shape, align_corners=True)
print(torch.allclose(F.grid_sample(img, grid_true, align_corners=False), img))  # mismatched
# --8<-- [end:grid_sample]

# --8<-- [start:pad_order]
import torch
import torch.nn.functional as F

x = torch.ones(1, 1, 2, 3)  # (N, C, H, W)
print(F.pad(x, (1, 1)).shape)  # pads W, the LAST dim: (left, right)
print(F.pad(x, (1, 1, 2, 2)).shape)  # (left, right, top, bottom): W first, then H
print(F.pad(x, (0, 0, 1, 1)).shape)  # only H: zeros for W first
print(F.pad(torch.arange(4), (1, 2), value=-1))  # constant padding takes any value
# --8<-- [end:pad_order]

# --8<-- [start:pad_modes]
import torch
import torch.nn.functional as F

row = torch.arange(4.0).reshape(1, 1, 4)  # (N, C, W)
for mode in ("constant", "reflect", "replicate", "circular"):
    print(f"{mode:<9}", F.pad(row, (2, 2), mode=mode))
try:
    F.pad(row, (4, 4), mode="reflect")  # reflection needs padding < size
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:pad_modes]

# --8<-- [start:pixel_shuffle]
import torch
import torch.nn.functional as F
from torch import nn

r = 2
x = torch.arange(16.0).reshape(1, 4, 2, 2)  # (N, C * r * r, H, W)
y = nn.PixelShuffle(r)(x)  # (N, C, H * r, W * r): channels become sub-pixels
print(y.shape)
print(y[0, 0])
c, h, w, i, j = 0, 1, 0, 1, 1  # out[c, h*r + i, w*r + j] = in[c*r*r + i*r + j, h, w]
print(y[0, c, h * r + i, w * r + j] == x[0, c * r * r + i * r + j, h, w])
print(torch.equal(nn.PixelUnshuffle(r)(y), x))  # the inverse: space to depth
print(torch.equal(F.pixel_shuffle(x, r), y), torch.equal(F.pixel_unshuffle(y, r), x))  # no module
# --8<-- [end:pixel_shuffle]

# --8<-- [start:unfold_conv]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 3, 5, 5)
conv = nn.Conv2d(3, 4, kernel_size=3, padding=1)
cols = F.unfold(x, kernel_size=3, padding=1)  # im2col: (N, C * 3 * 3, number of patches)
print(cols.shape)
out = conv.weight.view(4, -1) @ cols + conv.bias.view(1, 4, 1)  # one matmul for every patch
print(torch.allclose(out.view(2, 4, 5, 5), conv(x), atol=1e-5))
# --8<-- [end:unfold_conv]

# --8<-- [start:fold_overlap]
import torch
import torch.nn.functional as F

x = torch.arange(16.0).reshape(1, 1, 4, 4)
patches = F.unfold(x, kernel_size=2, stride=1)  # overlapping 2 x 2 patches
back = F.fold(patches, output_size=(4, 4), kernel_size=2, stride=1)  # overlaps are summed
print(torch.equal(back, x))
counts = F.fold(F.unfold(torch.ones_like(x), 2, stride=1), (4, 4), 2, stride=1)
print(counts[0, 0])
print(torch.equal(back / counts, x))  # divide by how often each pixel was covered
print(torch.equal(F.fold(F.unfold(x, 2, stride=2), (4, 4), 2, stride=2), x))  # no overlap
# --8<-- [end:fold_overlap]
