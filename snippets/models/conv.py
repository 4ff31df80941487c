"""Convolution, pooling, flattening and unflattening layers: shapes and what each computes."""

# --8<-- [start:conv2d]
import torch
from torch import nn

conv = nn.Conv2d(in_channels=3, out_channels=8, kernel_size=3, padding=1)
x = torch.randn(2, 3, 32, 32)  # (batch, channels, height, width)
print(conv(x).shape)
print("weight:", tuple(conv.weight.shape))  # (out_channels, in_channels, kH, kW)
print("bias:  ", tuple(conv.bias.shape))
# --8<-- [end:conv2d]

# --8<-- [start:conv2d_stride]
import torch
from torch import nn

x = torch.randn(1, 3, 32, 32)
print(nn.Conv2d(3, 8, kernel_size=3)(x).shape)  # no padding: loses a border
print(nn.Conv2d(3, 8, kernel_size=3, padding="same")(x).shape)  # keeps the size
print(nn.Conv2d(3, 8, kernel_size=3, stride=2, padding=1)(x).shape)  # halves it
print(nn.Conv2d(3, 8, kernel_size=1)(x).shape)  # 1x1: mixes channels only
# --8<-- [end:conv2d_stride]

# --8<-- [start:conv1d]
import torch
from torch import nn

conv = nn.Conv1d(in_channels=4, out_channels=6, kernel_size=3)
signals = torch.randn(2, 4, 10)  # (batch, channels, length)
print(conv(signals).shape)
print("weight:", tuple(conv.weight.shape))  # (out_channels, in_channels, k)
# --8<-- [end:conv1d]

# --8<-- [start:conv1d_layout]
import torch
from torch import nn

conv = nn.Conv1d(in_channels=4, out_channels=6, kernel_size=3)
seq = torch.randn(2, 10, 4)  # (batch, length, features): the RNN/transformer layout
try:
    conv(seq)
except RuntimeError as e:
    print(type(e).__name__, e)

print(conv(seq.transpose(1, 2)).shape)  # move features to dim 1
# --8<-- [end:conv1d_layout]

# --8<-- [start:conv3d]
import torch
from torch import nn

conv = nn.Conv3d(in_channels=3, out_channels=8, kernel_size=3, padding=1)
clips = torch.randn(2, 3, 6, 16, 16)  # (batch, channels, frames, height, width)
print(conv(clips).shape)
print("weight:", tuple(conv.weight.shape))  # (out_channels, in_channels, kD, kH, kW)
frames = torch.randn(2, 6, 3, 16, 16)  # frames first, as many video loaders give clips
try:
    conv(frames)
except RuntimeError as e:
    print(type(e).__name__, e)
print(conv(frames.permute(0, 2, 1, 3, 4)).shape)  # channels to dim 1, frames to dim 2
# --8<-- [end:conv3d]

# --8<-- [start:functional_conv2d]
import torch
import torch.nn.functional as F

img = torch.zeros(1, 1, 5, 5)  # (N, C, H, W): dark left, bright right
img[..., 3:] = 1.0
sobel_x = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
weight = sobel_x.view(1, 1, 3, 3)  # (out_channels, in_channels / groups, kH, kW)
print(F.conv2d(img, weight)[0, 0])  # responds where the brightness changes

rgb = torch.rand(1, 3, 8, 8)
box = torch.full((3, 1, 3, 3), 1 / 9)  # one 3x3 mean filter per channel
blurred = F.conv2d(rgb, box, padding=1, groups=3)  # groups=3: channels stay separate
print(blurred.shape, torch.allclose(blurred[0, 1, 1:-1, 1:-1], F.avg_pool2d(rgb, 3, 1)[0, 1]))
# --8<-- [end:functional_conv2d]

# --8<-- [start:functional_conv1d]
import torch
import torch.nn.functional as F

signal = torch.tensor([1.0, 2.0, 6.0, 2.0, 1.0, 3.0, 5.0])
kernel = torch.full((1, 1, 3), 1 / 3)  # (out_channels, in_channels, k): a 3-point mean
print(F.conv1d(signal.view(1, 1, -1), kernel).squeeze())  # length 7 - 3 + 1 = 5
ramp = torch.arange(5.0).view(1, 1, -1)
print(
    F.conv1d(ramp, torch.tensor([[[1.0, 0.0, -1.0]]])).squeeze()
)  # x[i] - x[i+2]: the kernel is not flipped
# --8<-- [end:functional_conv1d]

# --8<-- [start:pooling]
import torch
from torch import nn

x = torch.arange(16.0).reshape(1, 1, 4, 4)
print(x[0, 0])
print(nn.MaxPool2d(kernel_size=2)(x)[0, 0])  # stride defaults to kernel_size
print(nn.AvgPool2d(kernel_size=2)(x)[0, 0])
# --8<-- [end:pooling]

# --8<-- [start:adaptive_pooling]
import torch
from torch import nn

pool = nn.AdaptiveAvgPool2d((1, 1))  # you choose the output size, not the kernel
for size in (7, 13, 32):
    x = torch.randn(2, 16, size, size)
    print(tuple(x.shape), "->", tuple(pool(x).shape))
print(torch.allclose(pool(x).flatten(1), x.mean(dim=(2, 3))))  # global average pooling
print(nn.AdaptiveMaxPool2d((2, 3))(torch.randn(2, 16, 9, 9)).shape)
# --8<-- [end:adaptive_pooling]

# --8<-- [start:flatten]
import torch
from torch import nn

x = torch.zeros(8, 16, 5, 5)
print(nn.Flatten()(x).shape)  # start_dim=1: keeps the batch dimension
print(x.flatten(start_dim=1).shape)  # the same as a tensor method
print(torch.flatten(x).shape)  # start_dim=0: flattens the batch away too
# --8<-- [end:flatten]

# --8<-- [start:unflatten]
import torch
from torch import nn

decoder = nn.Sequential(
    nn.Linear(10, 16 * 4 * 4),
    nn.Unflatten(1, (16, 4, 4)),  # split dim 1 (256 values) into (channels, height, width)
    nn.ConvTranspose2d(16, 1, kernel_size=2, stride=2),
)
z = torch.randn(8, 10)  # a batch of 8 latent vectors
print(decoder[:2](z).shape)
print(decoder(z).shape)
x = torch.randn(8, 16, 4, 4)
print(torch.equal(nn.Unflatten(1, (16, 4, 4))(nn.Flatten()(x)), x))  # undoes nn.Flatten()
# --8<-- [end:unflatten]
