"""Sections used by the broken example pages."""

# --8<-- [start:prints_six]
import torch

print(torch.ones(2, 3).sum().item())
# --8<-- [end:prints_six]

# --8<-- [start:warns]
import warnings

warnings.warn("this API is deprecated", DeprecationWarning, stacklevel=1)
# --8<-- [end:warns]

# --8<-- [start:downloads]
import urllib.request

urllib.request.urlopen("https://download.pytorch.org/models/resnet18-f37072fd.pth")
# --8<-- [end:downloads]

# --8<-- [start:raises]
import torch

torch.zeros(2, 3).view(7)
# --8<-- [end:raises]

# --8<-- [start:draws]
import torch
from torchvision.utils import save_image

save_image(torch.rand(3, 8, 8), "drawn.png")
# --8<-- [end:draws]

# --8<-- [start:reads_numbers]
with open("data/numbers.txt") as file:
    print(file.read().split())
# --8<-- [end:reads_numbers]

# --8<-- [start:orphan]
print("no page includes this section")
# --8<-- [end:orphan]

# --8<-- [start:datasets]
from torchvision import datasets

for name in ("MNIST", "FashionMNIST", "CIFAR10"):
    for train in (True, False):
        data = getattr(datasets, name)(root="data", train=train, download=True)
        image, label = data[0]
        print(name, train, len(data), image.size, len(data.classes))
# --8<-- [end:datasets]
