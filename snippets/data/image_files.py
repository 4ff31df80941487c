"""A Dataset of image paths: PNG/JPEG files decoded with PIL into uint8 CHW tensors, then v2."""

# --8<-- [start:path_dataset]
import os

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset
from torchvision.transforms import v2

rng = np.random.default_rng(0)  # a few small files to read: 2 classes, PNG and JPEG
for label in ("cat", "dog"):
    os.makedirs(f"images/{label}", exist_ok=True)
    for i, ext in enumerate(("png", "jpg", "png")):
        pixels = rng.integers(0, 256, (12, 16, 3), dtype=np.uint8)  # height, width, channels
        Image.fromarray(pixels).save(f"images/{label}/{i}.{ext}")


class ImageFiles(Dataset):
    def __init__(self, root, transform=None):
        self.classes = sorted(os.listdir(root))  # class names from the folder names
        self.samples = [
            (os.path.join(root, c, f), label)
            for label, c in enumerate(self.classes)
            for f in sorted(os.listdir(os.path.join(root, c)))
        ]  # only the paths are kept in memory
        self.transform = transform

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, i):
        path, label = self.samples[i]
        with Image.open(path) as image:  # decoded here, one file at a time
            image = v2.functional.pil_to_tensor(image.convert("RGB"))  # uint8 (C, H, W)
        if self.transform:
            image = self.transform(image)
        return image, label


dataset = ImageFiles("images")
image, label = dataset[1]
print(len(dataset), dataset.classes, dataset.samples[1])
print(image.shape, image.dtype, label)
# --8<-- [end:path_dataset]

# --8<-- [start:transforms]
transform = v2.Compose(
    [
        v2.RandomResizedCrop(8, scale=(0.5, 1.0)),  # on uint8: cheaper
        v2.RandomHorizontalFlip(),
        v2.ToDtype(torch.float32, scale=True),  # uint8 0..255 -> float 0..1
        v2.Normalize(mean=[0.5, 0.5, 0.5], std=[0.5, 0.5, 0.5]),
    ]
)
dataset = ImageFiles("images", transform=transform)
torch.manual_seed(0)
image, label = dataset[0]
print(image.shape, image.dtype, image.min().item() >= -1, image.max().item() <= 1)
# --8<-- [end:transforms]

# --8<-- [start:loader]
from torch.utils.data import DataLoader

loader = DataLoader(dataset, batch_size=4, shuffle=True)
images, labels = next(iter(loader))
print(images.shape, labels)
# --8<-- [end:loader]

# --8<-- [start:sizes_differ]
import numpy as np
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision.transforms import v2

for name, (h, w) in {"a.png": (8, 10), "b.png": (12, 6)}.items():  # two sizes
    Image.fromarray(np.zeros((h, w, 3), dtype=np.uint8)).save(name)


class Files(Dataset):
    def __init__(self, paths, transform=None):
        self.paths, self.transform = paths, transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        with Image.open(self.paths[i]) as image:
            image = v2.functional.pil_to_tensor(image.convert("RGB"))
        return self.transform(image) if self.transform else image


for transform in (None, v2.Resize((8, 8))):
    try:
        print(next(iter(DataLoader(Files(["a.png", "b.png"], transform), batch_size=2))).shape)
    except RuntimeError as e:
        print(type(e).__name__, e)
# --8<-- [end:sizes_differ]

# --8<-- [start:modes]
import numpy as np
from PIL import Image
from torchvision.transforms import v2

Image.fromarray(np.zeros((4, 5), dtype=np.uint8)).save("gray.png")  # mode "L"
Image.fromarray(np.zeros((4, 5, 4), dtype=np.uint8)).save("rgba.png")  # mode "RGBA"
for path in ("gray.png", "rgba.png"):
    with Image.open(path) as image:
        as_stored = v2.functional.pil_to_tensor(image)
        as_rgb = v2.functional.pil_to_tensor(image.convert("RGB"))
    print(path, image.mode, tuple(as_stored.shape), "->", tuple(as_rgb.shape))
# --8<-- [end:modes]

# --8<-- [start:decode_image_deprecated]
import warnings

import numpy as np
from PIL import Image
from torchvision.io import decode_image

Image.fromarray(np.zeros((4, 5, 3), dtype=np.uint8)).save("x.png")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    image = decode_image("x.png")
print(image.shape, image.dtype)
print(caught[0].category.__name__, str(caught[0].message).split(". ")[0])
# --8<-- [end:decode_image_deprecated]
