"""The imports almost every PyTorch script starts with."""

# --8<-- [start:everyday]
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, Dataset
from torchvision import datasets, models
from torchvision.transforms import v2

print(torch.tensor([1.0, 2.0, 3.0]).sum())  # torch: tensors and maths
print(nn.Linear(4, 2))  # nn: layers and losses as modules
print(F.relu(torch.tensor([-1.0, 2.0])))  # F: the same operations as functions
print(optim.Adam.__name__, Dataset.__name__, DataLoader.__name__)
print(datasets.FakeData.__name__, models.resnet18.__name__, v2.ToImage.__name__)
# --8<-- [end:everyday]
