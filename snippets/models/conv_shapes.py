"""The CNN output size formula checked against real layers; finding the flatten size."""

# --8<-- [start:formula]
import torch
from torch import nn


def out_size(w, k, s=1, p=0):
    return (w - k + 2 * p) // s + 1  # floor((W - K + 2P) / S) + 1


print("  W  K  S  P  formula  Conv2d")
for w, k, s, p in [(28, 3, 1, 0), (28, 3, 1, 1), (32, 5, 2, 2), (27, 4, 3, 0), (224, 7, 2, 3)]:
    x = torch.zeros(1, 1, w, w)
    actual = nn.Conv2d(1, 1, kernel_size=k, stride=s, padding=p)(x).shape[-1]
    print(f"{w:3} {k:2} {s:2} {p:2} {out_size(w, k, s, p):8} {actual:7}")
# --8<-- [end:formula]

# --8<-- [start:pooling_formula]
import torch
from torch import nn


def out_size(w, k, s=1, p=0):
    return (w - k + 2 * p) // s + 1


x = torch.zeros(1, 1, 27, 27)
# stride defaults to kernel_size: (27 - 2) // 2 + 1 = 13
print("MaxPool2d(2):      ", out_size(27, 2, 2), nn.MaxPool2d(2)(x).shape[-1])
print("AvgPool2d(2):      ", out_size(27, 2, 2), nn.AvgPool2d(2)(x).shape[-1])
print("MaxPool2d(3, 2, 1):", out_size(27, 3, 2, 1), nn.MaxPool2d(3, 2, 1)(x).shape[-1])
print("ceil_mode=True:    ", nn.MaxPool2d(2, ceil_mode=True)(x).shape[-1])  # rounds up
# --8<-- [end:pooling_formula]

# --8<-- [start:dilation]
import torch
from torch import nn


def out_size(w, k, s=1, p=0, d=1):
    return (w + 2 * p - d * (k - 1) - 1) // s + 1  # a dilated kernel spans d*(k-1)+1 pixels


x = torch.zeros(1, 1, 32, 32)
for k, s, p, d in [(3, 1, 0, 2), (3, 1, 2, 2), (5, 2, 1, 3)]:
    actual = nn.Conv2d(1, 1, k, stride=s, padding=p, dilation=d)(x).shape[-1]
    print(f"k={k} s={s} p={p} d={d}: formula={out_size(32, k, s, p, d)} actual={actual}")
# --8<-- [end:dilation]

# --8<-- [start:non_square]
import torch
from torch import nn

conv = nn.Conv2d(3, 8, kernel_size=(3, 5), stride=(1, 2), padding=(1, 0))
x = torch.zeros(1, 3, 40, 60)  # height 40, width 60: each axis has its own K, S, P
print(conv(x).shape)
print((40 - 3 + 2 * 1) // 1 + 1, (60 - 5 + 2 * 0) // 2 + 1)
# --8<-- [end:non_square]

# --8<-- [start:transpose]
import torch
from torch import nn


def up_size(w, k, s=1, p=0, output_padding=0):
    return (w - 1) * s - 2 * p + k + output_padding  # the inverse of out_size


x = torch.zeros(1, 4, 16, 16)
up = nn.ConvTranspose2d(4, 2, kernel_size=2, stride=2)  # the usual 2x upsampling
print(up_size(16, 2, 2), up(x).shape[-1])
up = nn.ConvTranspose2d(4, 2, kernel_size=3, stride=2, padding=1, output_padding=1)
print(up_size(16, 3, 2, 1, 1), up(x).shape[-1])
# --8<-- [end:transpose]

# --8<-- [start:dummy_forward]
import torch
from torch import nn

features = nn.Sequential(
    nn.Conv2d(1, 16, 3),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
)
with torch.no_grad():  # one fake image of the real input size
    n_features = features(torch.zeros(1, 1, 28, 28)).shape[1]
print(n_features)  # 32 channels * 5 * 5
model = nn.Sequential(features, nn.Linear(n_features, 10))
print(model(torch.zeros(4, 1, 28, 28)).shape)
# --8<-- [end:dummy_forward]

# --8<-- [start:lazy_linear]
import torch
from torch import nn

model = nn.Sequential(
    nn.Conv2d(1, 16, 3),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.LazyLinear(10),  # in_features is inferred on the first call
)
print(model[-1])
try:
    sum(p.numel() for p in model.parameters())  # too early: no shape yet
except ValueError as e:
    print(type(e).__name__, str(e).split(" in <")[0])

model(torch.zeros(1, 1, 28, 28))  # a dry run materializes the weight
print(model[-1])
print(sum(p.numel() for p in model.parameters()))
# --8<-- [end:lazy_linear]

# --8<-- [start:lazy_load_state_dict]
import torch
from torch import nn

torch.manual_seed(0)
saved = nn.Linear(5, 3).state_dict()  # e.g. torch.load("model.pt", weights_only=True)
lazy = nn.LazyLinear(3)  # no batch has gone through it
print(lazy.load_state_dict(saved))  # the saved shapes materialize the weights
print(lazy.weight.shape, torch.equal(lazy.weight, saved["weight"]))
print(lazy(torch.randn(2, 5)).shape, lazy)  # the first call turns it into a Linear
# --8<-- [end:lazy_load_state_dict]
