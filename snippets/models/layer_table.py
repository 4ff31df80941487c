"""Every commonly used layer of torch.nn, with its input shape, output shape and parameter count."""

# --8<-- [start:conv_pool]
import torch
from torch import nn


def shape(x):  # "2x4x16" for a tensor, "(a, b)" for a tuple of outputs
    if isinstance(x, torch.Tensor):
        return "x".join(map(str, x.shape)) or "scalar"
    return "(" + ", ".join(map(shape, x)) + ")"


def row(layer, *inputs):
    name = type(layer).__name__  # read it first: a Lazy layer changes class on its first call
    with torch.no_grad():
        out = layer(*inputs)
    params = sum(p.numel() for p in layer.parameters())
    print(f"{name:<27}{', '.join(map(shape, inputs)):<24}{shape(out):<28}{params:>6}")


torch.manual_seed(0)
x1, x2, x3 = torch.randn(2, 4, 16), torch.randn(2, 4, 8, 8), torch.randn(2, 4, 4, 8, 8)
print(f"{'layer':<27}{'input':<24}{'output':<28}{'params':>6}")
row(nn.Conv1d(4, 8, kernel_size=3), x1)
row(nn.Conv2d(4, 8, kernel_size=3, padding="same"), x2)
row(nn.Conv3d(4, 8, kernel_size=3, padding=1), x3)
row(nn.ConvTranspose1d(4, 8, kernel_size=2, stride=2), x1)
row(nn.ConvTranspose2d(4, 8, kernel_size=2, stride=2), x2)
row(nn.ConvTranspose3d(4, 8, kernel_size=2, stride=2), x3)
row(nn.LazyConv2d(8, kernel_size=3), x2)  # in_channels read from the first input
row(nn.MaxPool1d(2), x1)
row(nn.MaxPool2d(2), x2)
row(nn.MaxPool3d(2), x3)
row(nn.AvgPool1d(2), x1)
row(nn.AvgPool2d(2), x2)
row(nn.AvgPool3d(2), x3)
row(nn.AdaptiveAvgPool1d(1), x1)
row(nn.AdaptiveAvgPool2d((1, 1)), x2)
row(nn.AdaptiveAvgPool3d(1), x3)
row(nn.AdaptiveMaxPool1d(1), x1)
row(nn.AdaptiveMaxPool2d((1, 1)), x2)
row(nn.LPPool2d(norm_type=2, kernel_size=2), x2)
pooled, indices = nn.MaxPool2d(2, return_indices=True)(x2)
row(nn.MaxUnpool2d(2), pooled, indices)  # back to 8x8: zeros except at the maxima
row(nn.FractionalMaxPool2d(3, output_size=5), x2)
# --8<-- [end:conv_pool]

# --8<-- [start:padding]
import torch
from torch import nn


def shape(x):  # "2x4x16" for a tensor, "(a, b)" for a tuple of outputs
    if isinstance(x, torch.Tensor):
        return "x".join(map(str, x.shape)) or "scalar"
    return "(" + ", ".join(map(shape, x)) + ")"


def row(layer, *inputs):
    name = type(layer).__name__
    with torch.no_grad():
        out = layer(*inputs)
    params = sum(p.numel() for p in layer.parameters())
    print(f"{name:<27}{', '.join(map(shape, inputs)):<24}{shape(out):<28}{params:>6}")


torch.manual_seed(0)
x1, x2, x3 = torch.randn(2, 4, 16), torch.randn(2, 4, 8, 8), torch.randn(2, 4, 4, 8, 8)
print(f"{'layer':<27}{'input':<24}{'output':<28}{'params':>6}")
row(nn.ZeroPad1d(2), x1)
row(nn.ZeroPad2d((2, 2, 1, 0)), x2)  # (left, right, top, bottom): the last dimension first
row(nn.ConstantPad1d(2, value=-1.0), x1)
row(nn.ConstantPad2d(1, value=-1.0), x2)
row(nn.ConstantPad3d(1, value=-1.0), x3)
row(nn.ReflectionPad1d(2), x1)
row(nn.ReflectionPad2d(1), x2)
row(nn.ReflectionPad3d(1), x3)
row(nn.ReplicationPad1d(2), x1)
row(nn.ReplicationPad2d(1), x2)
row(nn.ReplicationPad3d(1), x3)
row(nn.CircularPad1d(2), x1)
row(nn.CircularPad2d(1), x2)
row(nn.CircularPad3d(1), x3)
# --8<-- [end:padding]

# --8<-- [start:norm_dropout]
import torch
from torch import nn


def shape(x):  # "2x4x16" for a tensor, "(a, b)" for a tuple of outputs
    if isinstance(x, torch.Tensor):
        return "x".join(map(str, x.shape)) or "scalar"
    return "(" + ", ".join(map(shape, x)) + ")"


def row(layer, *inputs):
    name = type(layer).__name__
    with torch.no_grad():
        out = layer(*inputs)
    params = sum(p.numel() for p in layer.parameters())
    print(f"{name:<27}{', '.join(map(shape, inputs)):<24}{shape(out):<28}{params:>6}")


torch.manual_seed(0)
x1, x2, x3 = torch.randn(2, 4, 16), torch.randn(2, 4, 8, 8), torch.randn(2, 4, 4, 8, 8)
print(f"{'layer':<27}{'input':<24}{'output':<28}{'params':>6}")
row(nn.BatchNorm1d(4), x1)
row(nn.BatchNorm2d(4), x2)
row(nn.BatchNorm3d(4), x3)
row(nn.LayerNorm(8), x2)  # over the last dimension only
row(nn.GroupNorm(num_groups=2, num_channels=4), x2)
row(nn.InstanceNorm1d(4), x1)  # affine=False by default: no parameters
row(nn.InstanceNorm2d(4), x2)
row(nn.InstanceNorm3d(4), x3)
row(nn.LocalResponseNorm(size=2), x2)
row(nn.RMSNorm(8), x2)
row(nn.Dropout(0.5), x2)  # the model is in training mode: these do drop
row(nn.Dropout1d(0.5), x1)  # whole channels of (N, C, L)
row(nn.Dropout2d(0.5), x2)  # whole channels of (N, C, H, W)
row(nn.Dropout3d(0.5), x3)
row(nn.AlphaDropout(0.5), x2)  # for SELU networks
row(nn.FeatureAlphaDropout(0.5), x2)
# --8<-- [end:norm_dropout]

# --8<-- [start:linear_recurrent]
import torch
from torch import nn


def shape(x):  # "2x4x16" for a tensor, "(a, b)" for a tuple of outputs
    if isinstance(x, torch.Tensor):
        return "x".join(map(str, x.shape)) or "scalar"
    return "(" + ", ".join(map(shape, x)) + ")"


def row(layer, *inputs):
    name = type(layer).__name__  # read it first: a Lazy layer changes class on its first call
    with torch.no_grad():
        out = layer(*inputs)
    params = sum(p.numel() for p in layer.parameters())
    print(f"{name:<27}{', '.join(map(shape, inputs)):<24}{shape(out):<28}{params:>6}")


torch.manual_seed(0)
x, y = torch.randn(2, 8), torch.randn(2, 6)  # (batch, features)
seq, tgt = torch.randn(2, 5, 8), torch.randn(2, 3, 16)  # (batch, time, features)
memory = torch.randn(2, 5, 16)
print(f"{'layer':<27}{'input':<24}{'output':<28}{'params':>6}")
row(nn.Identity(), x)
row(nn.Linear(8, 4), x)
row(nn.Bilinear(8, 6, 4), x, y)
row(nn.LazyLinear(4), x)  # in_features read from the first input
row(nn.RNN(8, 16, batch_first=True), seq)  # output, h_n
row(nn.LSTM(8, 16, batch_first=True), seq)  # output, (h_n, c_n)
row(nn.GRU(8, 16, batch_first=True), seq)
row(nn.RNNCell(8, 16), x)  # one time step
row(nn.LSTMCell(8, 16), x)  # (h, c)
row(nn.GRUCell(8, 16), x)
row(nn.MultiheadAttention(16, num_heads=4, batch_first=True), tgt, memory, memory)
kw = dict(nhead=4, dim_feedforward=32, batch_first=True)  # the default feed-forward is 2048 wide
row(nn.TransformerEncoderLayer(16, **kw), memory)
row(nn.TransformerDecoderLayer(16, **kw), tgt, memory)
row(nn.Transformer(16, num_encoder_layers=1, num_decoder_layers=1, **kw), memory, tgt)
# --8<-- [end:linear_recurrent]

# --8<-- [start:shape_embedding]
import torch
from torch import nn


def shape(x):  # "2x4x16" for a tensor, "(a, b)" for a tuple of outputs
    if isinstance(x, torch.Tensor):
        return "x".join(map(str, x.shape)) or "scalar"
    return "(" + ", ".join(map(shape, x)) + ")"


def row(layer, *inputs):
    name = type(layer).__name__
    with torch.no_grad():
        out = layer(*inputs)
    params = sum(p.numel() for p in layer.parameters())
    print(f"{name:<27}{', '.join(map(shape, inputs)):<24}{shape(out):<28}{params:>6}")


torch.manual_seed(0)
x, x2 = torch.randn(2, 8), torch.randn(2, 4, 8, 8)
ids = torch.randint(0, 10, (2, 5))  # integer ids
print(f"{'layer':<27}{'input':<24}{'output':<28}{'params':>6}")
row(nn.Flatten(), x2)  # start_dim=1: keeps the batch
row(nn.Unflatten(1, (2, 4)), x)
row(nn.Upsample(scale_factor=2, mode="nearest"), x2)
row(nn.PixelShuffle(2), x2)  # channels into space
row(nn.PixelUnshuffle(2), x2)  # space into channels
row(nn.ChannelShuffle(2), x2)
row(nn.Unfold(kernel_size=2, stride=2), x2)  # (N, C * 2 * 2, number of patches)
row(nn.Fold(output_size=8, kernel_size=2, stride=2), torch.randn(2, 16, 16))
row(nn.Embedding(10, 4), ids)
row(nn.EmbeddingBag(10, 4, mode="mean"), ids)  # one bag per row
row(nn.CosineSimilarity(dim=1), x, torch.randn(2, 8))
row(nn.PairwiseDistance(p=2.0), x, torch.randn(2, 8))
row(nn.Softmax(dim=1), x)
row(nn.Softmin(dim=1), x)
row(nn.LogSoftmax(dim=1), x)
row(nn.Softmax2d(), x2)  # over the channels of (N, C, H, W)
row(nn.AdaptiveLogSoftmaxWithLoss(8, 20, cutoffs=[5]), x, torch.tensor([1, 15]))  # (output, loss)
# --8<-- [end:shape_embedding]
