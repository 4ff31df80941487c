"""Looking at images: make_grid, matplotlib, un-normalizing, save_image, augmentations."""

# --8<-- [start:make_grid]
import torch
from torchvision.utils import make_grid, save_image

torch.manual_seed(0)  # 8 synthetic RGB images: a colored disk on a gradient, values 0..1
ys, xs = torch.meshgrid(torch.linspace(-1, 1, 48), torch.linspace(-1, 1, 48), indexing="ij")
centers, radii = torch.rand(8, 2, 1, 1) - 0.5, torch.rand(8, 1, 1) * 0.3 + 0.25
disk = ((xs - centers[:, 0]) ** 2 + (ys - centers[:, 1]) ** 2 < radii**2).unsqueeze(1)
background = torch.stack([(xs + 1) / 2, (ys + 1) / 4, (1 - xs) / 2]) * 0.6
images = torch.where(disk, torch.rand(8, 3, 1, 1), background)  # (N, C, H, W)

grid = make_grid(images, nrow=4, padding=2, pad_value=1.0)  # one (C, H, W) image
print(tuple(images.shape), "->", tuple(grid.shape))
save_image(grid, "grid.png")  # or save_image(images, "grid.png", nrow=4): it calls make_grid
# --8<-- [end:make_grid]

# --8<-- [start:matplotlib]
import matplotlib.pyplot as plt
import torch
from torchvision.utils import make_grid

torch.manual_seed(0)  # 8 images: the same disk in 8 random colors, on a gradient
ys, xs = torch.meshgrid(torch.linspace(-1, 1, 48), torch.linspace(-1, 1, 48), indexing="ij")
background = torch.stack([(xs + 1) / 2, (ys + 1) / 4, (1 - xs) / 2]) * 0.6
images = torch.where(xs**2 + ys**2 < 0.4, torch.rand(8, 3, 1, 1), background)

grid = make_grid(images, nrow=4, pad_value=1.0)
print("torch:", tuple(grid.shape), "matplotlib:", tuple(grid.permute(1, 2, 0).shape))
fig, ax = plt.subplots(figsize=(4, 2.4), dpi=100)
ax.imshow(grid.permute(1, 2, 0).numpy())  # matplotlib wants height, width, channels
ax.set_title("8 images, one grid")
ax.axis("off")
fig.savefig("grid-matplotlib.png", bbox_inches="tight")
plt.close(fig)
# --8<-- [end:matplotlib]

# --8<-- [start:chw_pitfall]
import warnings

import matplotlib.pyplot as plt
import torch

image = torch.rand(3, 32, 32)  # C, H, W as torch and torchvision use it
fig, ax = plt.subplots()
try:
    ax.imshow(image.numpy())
except TypeError as e:
    print(type(e).__name__, e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    ax.imshow(image.permute(1, 2, 0))  # right shape, but a tensor, not an array
print(caught[0].category.__name__, str(caught[0].message).split(",")[0])
ax.imshow(image.permute(1, 2, 0).numpy())  # (32, 32, 3) array: works, silently
plt.close(fig)
# --8<-- [end:chw_pitfall]

# --8<-- [start:grayscale]
import matplotlib.pyplot as plt
import torch

image = torch.zeros(1, 28, 28)  # one channel, as an MNIST digit after ToImage + ToDtype
image[0, 5:8, 7:21] = 1.0  # a "7": the top bar...
rows = torch.arange(8, 23)
image[0, rows, (20 - (rows - 8) * 0.5).long()] = 1.0  # ...and the slanted stroke
image[0, rows, (19 - (rows - 8) * 0.5).long()] = 1.0

fig, axes = plt.subplots(1, 2, figsize=(4, 2.2), dpi=100)
try:
    axes[0].imshow(image.numpy())  # (1, 28, 28): not an image to matplotlib
except TypeError as e:
    print(type(e).__name__, e)
pixels = image.squeeze(0).numpy()  # (28, 28): one value per pixel
print(pixels.shape)
axes[0].imshow(pixels, cmap="gray", vmin=0, vmax=1)  # gray, and 0 is black, 1 white
axes[0].set_title('cmap="gray"', fontsize=9)
axes[1].imshow(pixels)  # without cmap: matplotlib's default colormap, viridis
axes[1].set_title("no cmap: viridis", fontsize=9)
for ax in axes:
    ax.axis("off")
fig.savefig("grayscale.png", bbox_inches="tight")
plt.close(fig)
# --8<-- [end:grayscale]

# --8<-- [start:unnormalize]
import matplotlib.pyplot as plt
import torch
from torchvision.transforms import v2
from torchvision.utils import make_grid

torch.manual_seed(0)
ys, xs = torch.meshgrid(torch.linspace(-1, 1, 48), torch.linspace(-1, 1, 48), indexing="ij")
background = torch.stack([(xs + 1) / 2, (ys + 1) / 4, (1 - xs) / 2]) * 0.6
images = torch.where(xs**2 + ys**2 < 0.4, torch.rand(4, 3, 1, 1), background)
mean, std = torch.tensor([0.485, 0.456, 0.406]), torch.tensor([0.229, 0.224, 0.225])
normalized = v2.Normalize(mean.tolist(), std.tolist())(images)  # what the model is fed
print("normalized:", round(normalized.min().item(), 2), round(normalized.max().item(), 2))
restored = (normalized * std.view(3, 1, 1) + mean.view(3, 1, 1)).clamp(0, 1)
print("restored equals the original:", torch.allclose(restored, images, atol=1e-6))

fig, axes = plt.subplots(1, 2, figsize=(4, 2.3), dpi=100)
shown = [("normalized, clipped", normalized.clamp(0, 1)), ("un-normalized", restored)]
for ax, (title, batch) in zip(axes, shown, strict=True):
    ax.imshow(make_grid(batch, nrow=2, pad_value=1.0).permute(1, 2, 0).numpy())
    ax.set_title(title, fontsize=10)
    ax.axis("off")
fig.savefig("unnormalize.png", bbox_inches="tight")
plt.close(fig)
# --8<-- [end:unnormalize]

# --8<-- [start:grid_normalize]
import torch
from torchvision.utils import make_grid

torch.manual_seed(0)
feature_maps = torch.randn(8, 1, 16, 16) * 3  # any range, one channel
grid = make_grid(feature_maps, nrow=4, normalize=True, scale_each=True)
print(tuple(grid.shape), grid.min().item(), grid.max().item())
# --8<-- [end:grid_normalize]

# --8<-- [start:augmentations]
import matplotlib.pyplot as plt
import torch
from torchvision.transforms import v2
from torchvision.utils import make_grid

ys, xs = torch.meshgrid(torch.linspace(0, 1, 64), torch.linspace(0, 1, 64), indexing="ij")
image = torch.stack([xs, ys, torch.full_like(xs, 0.3)])  # a gradient, so turns and flips show
image[:, 8:24, 8:24] = torch.tensor([1.0, 0.1, 0.1]).view(3, 1, 1)  # red square, top left
image[:, 50:56, 8:56] = 1.0  # white bar along the bottom
augment = v2.Compose(
    [
        v2.RandomResizedCrop(64, scale=(0.5, 1.0)),
        v2.RandomHorizontalFlip(),
        v2.RandomRotation(20),
        v2.ColorJitter(brightness=0.4, contrast=0.4, saturation=0.4),
    ]
)
torch.manual_seed(0)
batch = torch.stack([image] + [augment(image) for _ in range(7)])
print(tuple(batch.shape))
fig, ax = plt.subplots(figsize=(4, 2.3), dpi=100)
ax.imshow(make_grid(batch, nrow=4, pad_value=1.0).permute(1, 2, 0).numpy())
ax.set_title("original (top left), 7 augmented", fontsize=10)
ax.axis("off")
fig.savefig("augmentations.png", bbox_inches="tight")
plt.close(fig)
# --8<-- [end:augmentations]

# --8<-- [start:imagefolder]
import matplotlib.pyplot as plt
import torch
from torch.utils.data import DataLoader
from torchvision.datasets import ImageFolder
from torchvision.transforms import v2

to_tensor = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
dataset = ImageFolder("data/flowers/train", transform=to_tensor)
loader = DataLoader(dataset, batch_size=6, shuffle=True, generator=torch.Generator().manual_seed(0))
images, labels = next(iter(loader))
print(dataset.classes, tuple(images.shape), labels.tolist())

fig, axes = plt.subplots(2, 3, figsize=(4, 3), dpi=100)
for ax, image, label in zip(axes.flat, images, labels, strict=True):
    ax.imshow(image.permute(1, 2, 0).numpy())
    ax.set_title(dataset.classes[label], fontsize=9)
    ax.axis("off")
fig.savefig("flowers.png", bbox_inches="tight")
plt.close(fig)
# --8<-- [end:imagefolder]
