"""Label smoothing, MixUp and CutMix (transforms v2) and the loss that goes with them."""

# --8<-- [start:mixup]
import torch
from torchvision.transforms import v2

torch.manual_seed(0)
images = torch.rand(4, 3, 8, 8)  # a batch, as the DataLoader gives it (float images)
labels = torch.tensor([0, 1, 2, 3])  # class indices
mixup = v2.MixUp(num_classes=5)  # alpha=1.0: the mixing weight is drawn from Beta(1, 1)
mixed, targets = mixup(images, labels)
print(mixed.shape, targets.shape, targets.dtype)
print(targets)
lam = targets[0, 0].item()  # the weight of sample 0's own image and label
print(
    "image 0 = lam * image 0 + (1 - lam) * image 3:",
    torch.allclose(mixed[0], lam * images[0] + (1 - lam) * images[3]),
)
# --8<-- [end:mixup]

# --8<-- [start:cutmix]
import torch
from torchvision.transforms import v2

torch.manual_seed(0)
images = torch.rand(4, 3, 8, 8)
labels = torch.tensor([0, 1, 2, 3])
mixed, targets = v2.CutMix(num_classes=5)(images, labels)
print(targets[0])
pasted = (mixed[0] != images[0]).any(dim=0)  # the pixels that came from another image
print(
    "pasted area:", pasted.float().mean().item(), "- label weight of image 3:", targets[0, 3].item()
)
print("pasted from image 3:", torch.equal(mixed[0][:, pasted], images[3][:, pasted]))
# --8<-- [end:cutmix]

# --8<-- [start:training_loop]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torchvision.transforms import v2

torch.manual_seed(0)
dataset = TensorDataset(torch.rand(64, 3, 8, 8), torch.randint(0, 10, (64,)))
loader = DataLoader(dataset, batch_size=16, shuffle=True)
cutmix_or_mixup = v2.RandomChoice([v2.CutMix(num_classes=10), v2.MixUp(num_classes=10)])
model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 8 * 8, 10))
criterion = nn.CrossEntropyLoss()  # accepts class indices or class probabilities
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for images, labels in loader:
    images, labels = cutmix_or_mixup(images, labels)  # after the loader: on whole batches
    optimizer.zero_grad()
    loss = criterion(model(images), labels)  # labels: (16, 10) probabilities
    loss.backward()
    optimizer.step()
print(labels.shape, labels.dtype, torch.allclose(labels.sum(1), torch.ones(16)))
# --8<-- [end:training_loop]

# --8<-- [start:collate_fn]
import torch
from torch.utils.data import DataLoader, TensorDataset, default_collate
from torchvision.transforms import v2

cutmix_or_mixup = v2.RandomChoice([v2.CutMix(num_classes=10), v2.MixUp(num_classes=10)])


def collate_fn(batch):  # at module level: workers must be able to pickle it
    return cutmix_or_mixup(*default_collate(batch))


if __name__ == "__main__":
    dataset = TensorDataset(torch.rand(32, 3, 8, 8), torch.randint(0, 10, (32,)))
    loader = DataLoader(dataset, batch_size=8, num_workers=2, collate_fn=collate_fn)
    images, labels = next(iter(loader))
    print(images.shape, labels.shape)
# --8<-- [end:collate_fn]

# --8<-- [start:mixup_errors]
import torch
from torchvision.transforms import v2

mixup = v2.MixUp(num_classes=10)
image, label = torch.rand(3, 8, 8), torch.tensor(4)  # one sample, as a Dataset returns it
try:
    mixup(image, label)
except ValueError as e:
    print(type(e).__name__, e)
try:
    mixup(torch.randint(0, 256, (4, 3, 8, 8), dtype=torch.uint8), torch.arange(4))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    v2.MixUp()(torch.rand(4, 3, 8, 8), torch.arange(4))
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:mixup_errors]

# --8<-- [start:smoothing_soft_targets]
import torch
from torch import nn
from torchvision.transforms import v2

torch.manual_seed(0)
images, labels = v2.MixUp(num_classes=5)(torch.rand(4, 3, 8, 8), torch.tensor([0, 1, 2, 3]))
logits = torch.randn(4, 5)
eps = 0.1
smoothed = nn.CrossEntropyLoss(label_smoothing=eps)(logits, labels)
by_hand = nn.CrossEntropyLoss()(logits, labels * (1 - eps) + eps / 5)  # the targets, smoothed
print(round(smoothed.item(), 4), round(by_hand.item(), 4))
# --8<-- [end:smoothing_soft_targets]
