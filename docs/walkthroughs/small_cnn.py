# %% [markdown]
# # A small CNN on MNIST-format images
#
# Train a two-layer convolutional network on 28×28 grayscale images read by
# `torchvision.datasets.MNIST`. To stay offline and fast, the notebook first writes its own tiny
# dataset in the real MNIST file format; with internet, one argument swaps in the real digits.

# %% [markdown]
# ## 1. Write a tiny dataset in the MNIST file format
#
# MNIST ships as four **idx** files (gzipped for download; torchvision unpacks them): a big-endian
# header (a magic number, 2051 for images and 2049 for labels, then one 32-bit size per dimension)
# followed by raw `uint8` bytes. `datasets.MNIST(root)` expects them under `root/MNIST/raw/`.
#
# Our images are dark noise with one bright 4×4 spot. The spot sits at one of ten positions on a
# circle, like the hours on a clock face, and that position is the label. Its brightness varies and
# it is moved by up to two pixels at random, so neighboring positions can overlap. The CNN has to
# find the spot and tell where it is: a small version of what it does with digits.
#
# We write into a temporary folder that disappears at the end of the notebook. For the real
# dataset, pass a folder of your own, such as `root="data"`, and `download=True` instead of
# `download=False`: torchvision downloads the 60,000 + 10,000 digits once (about 12 MB) and reads
# them from disk afterwards. Everything below stays the same.

# %%
import math
import struct
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, Subset
from torchvision import datasets
from torchvision.transforms import v2
from torchvision.utils import make_grid

torch.manual_seed(0)


def clock_images(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    labels = torch.randint(0, 10, (n,), dtype=torch.uint8)
    images = torch.randint(0, 110, (n, 28, 28), dtype=torch.uint8)  # noisy background
    shift = torch.randint(-2, 3, (n, 2))  # up to 2 pixels off: neighbors can be confused
    brightness = torch.randint(150, 256, (n,))
    for img, label, (dr, dc), b in zip(
        images, labels.tolist(), shift.tolist(), brightness.tolist(), strict=True
    ):
        angle = 2 * math.pi * label / 10
        r = round(14 - 9 * math.cos(angle)) + dr  # label 0 at twelve o'clock
        c = round(14 + 9 * math.sin(angle)) + dc
        img[r - 2 : r + 2, c - 2 : c + 2] = b
    return images, labels


def write_idx(path: Path, t: torch.Tensor) -> None:
    magic = 0x0800 + t.dim()  # 0x08 = unsigned byte; 2051 for 3-D images, 2049 for 1-D labels
    header = struct.pack(f">{1 + t.dim()}I", magic, *t.shape)
    path.write_bytes(header + t.numpy().tobytes())


tmp = tempfile.TemporaryDirectory()
root = Path(tmp.name)
raw = root / "MNIST" / "raw"
raw.mkdir(parents=True)
for split, n in [("train", 600), ("t10k", 200)]:
    images, labels = clock_images(n)
    write_idx(raw / f"{split}-images-idx3-ubyte", images)
    write_idx(raw / f"{split}-labels-idx1-ubyte", labels)

for f in sorted(raw.iterdir()):
    magic = struct.unpack(">I", f.read_bytes()[:4])[0]
    print(f"{f.name:24} magic {magic}  {f.stat().st_size:7} bytes")

# %% [markdown]
# ## 2. Load it with `datasets.MNIST`, a `v2` transform and a validation split
#
# The test split is kept for one measurement at the very end. Every choice made while training
# (how many epochs, which learning rate) is made on a **validation split** carved from the
# training images: a test score that picked the settings overstates how well they do on new data.
# Here 100 of the 600 training images, chosen at random once, become the validation split.
#
# The dataset returns PIL images. The `v2` pipeline turns each into a `uint8` tensor image
# (`ToImage`), scales it to floats in [0, 1] (`ToDtype(..., scale=True)`), then normalizes it with
# the mean and standard deviation of the training pixels, measured once on the raw data of the
# training part. (For the real MNIST, the usual numbers are 0.1307 and 0.3081.)

# %%
order = torch.randperm(600, generator=torch.Generator().manual_seed(0)).tolist()
train_idx, val_idx = order[:500], order[500:]

pixels = datasets.MNIST(root, train=True, download=False).data[train_idx].float() / 255
mean, std = pixels.mean().item(), pixels.std().item()
print(f"pixel mean {mean:.4f}, std {std:.4f}")

transform = v2.Compose(
    [
        v2.ToImage(),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean=[mean], std=[std]),
    ]
)
full_train = datasets.MNIST(root, train=True, download=False, transform=transform)
train_ds, val_ds = Subset(full_train, train_idx), Subset(full_train, val_idx)
test_ds = datasets.MNIST(root, train=False, download=False, transform=transform)
print(len(train_ds), "training,", len(val_ds), "validation and", len(test_ds), "test images")

image, label = train_ds[0]
print(image.shape, image.dtype, "label", label)

train_loader = DataLoader(train_ds, batch_size=50, shuffle=True)
val_loader = DataLoader(val_ds, batch_size=200)
test_loader = DataLoader(test_ds, batch_size=200)

# %% [markdown]
# ## 3. Look at a batch
#
# `make_grid` tiles a batch `(N, C, H, W)` into one `(3, H', W')` image; matplotlib wants the
# channels last as a NumPy array, hence `permute(1, 2, 0)` and `.numpy()`. Undo the normalization
# first, or the picture is shifted and clipped.

# %%
images, labels = next(iter(train_loader))
grid = make_grid(images[:16] * std + mean, nrow=8, padding=2, pad_value=1.0)
print("batch", tuple(images.shape), "-> grid", tuple(grid.shape))
print("labels of the 16 images shown, row by row:")
print(labels[:16].view(2, 8))

fig, ax = plt.subplots(figsize=(6, 1.6), dpi=100)
ax.imshow(grid.permute(1, 2, 0).clamp(0, 1).numpy(), interpolation="nearest")
ax.axis("off")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 4. The model
#
# Two convolution blocks (convolution, ReLU, 2×2 max pooling) halve the image twice, 28 → 14 → 7,
# then a linear layer maps the flattened 16 × 7 × 7 features to ten class scores (logits).
# `CrossEntropyLoss` applies the softmax itself, so the model ends without one.

# %%
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

model = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(16 * 7 * 7, 10),
).to(device)
print("output shape:", model(images.to(device)).shape)
print("parameters:", sum(p.numel() for p in model.parameters()))

# %% [markdown]
# ## 5. Train, validating after every epoch
#
# The usual loop. Accuracy is the share of images whose highest logit (`argmax(dim=1)`) is the
# right class, measured on the validation split in `eval()` mode without gradients. The validation
# accuracy is what you watch to choose the number of epochs; the test split stays untouched.

# %%
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)


def evaluate(loader):
    model.eval()
    correct, preds = 0, []
    with torch.no_grad():
        for xb, yb in loader:
            pred = model(xb.to(device)).argmax(dim=1).cpu()
            correct += (pred == yb).sum().item()
            preds.append(pred)
    return correct / len(loader.dataset), torch.cat(preds)


for epoch in range(3):
    model.train()
    total = 0.0
    for xb, yb in train_loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    acc, _ = evaluate(val_loader)
    print(f"epoch {epoch + 1}  loss {total / len(train_ds):.4f}  val accuracy {acc:.3f}")

# %% [markdown]
# ## 6. Test once: final accuracy and the confusion matrix
#
# With the training settled on the validation split, the test split is measured once. Row *i*, column *j* of the confusion matrix counts the test images of class *i* predicted as *j*;
# a perfect model has numbers on the diagonal only. `bincount` over `10 * target + prediction`
# builds it in one line.

# %%
acc, preds = evaluate(test_loader)
targets = test_ds.targets
print(f"test accuracy: {acc:.3f}")
print("accuracy above 0.9:", acc > 0.9)
assert acc > 0.9

confusion = torch.bincount(10 * targets + preds, minlength=100).reshape(10, 10)
print(confusion)

fig, ax = plt.subplots(figsize=(3.5, 3.2), dpi=100)
ax.imshow(confusion.numpy(), cmap="Blues")
ax.set_xticks(range(10))
ax.set_yticks(range(10))
ax.set_xlabel("predicted")
ax.set_ylabel("true")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 7. Predictions on a few test images
#
# `softmax` turns the logits into probabilities for reading; the prediction is the same `argmax`.

# %%
images, labels = next(iter(DataLoader(test_ds, batch_size=6)))
model.eval()
with torch.no_grad():
    probs = model(images.to(device)).softmax(dim=1).cpu()
confidence, predicted = probs.max(dim=1)

fig, axes = plt.subplots(1, 6, figsize=(6, 1.4), dpi=100)
for ax, img, y, p, c in zip(axes, images, labels, predicted, confidence, strict=True):
    ax.imshow((img[0] * std + mean).numpy(), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    ax.set_title(f"{p.item()} ({c.item():.0%})", fontsize=8, color="black" if p == y else "red")
    ax.axis("off")
fig.tight_layout()
plt.show()
print("true:     ", labels.tolist())
print("predicted:", predicted.tolist())

# %%
tmp.cleanup()  # delete the temporary dataset folder
