"""Tiny datasets in the real on-disk formats, written under ./data for trying recipes offline."""

# --8<-- [start:mnist]
import struct
from pathlib import Path

import torch

raw = Path("data/MNIST/raw")  # where datasets.MNIST(root="data") looks
raw.mkdir(parents=True, exist_ok=True)
torch.manual_seed(0)
for split, n in [("train", 60), ("t10k", 20)]:
    labels = torch.randint(0, 10, (n,), dtype=torch.uint8)
    images = torch.randint(0, 64, (n, 28, 28), dtype=torch.uint8)  # dark noise
    for img, y in zip(images, labels, strict=True):
        r, c = divmod(int(y), 5)  # a bright bar whose position gives the label
        img[4 + 12 * r : 12 + 12 * r, 2 + 5 * c : 6 + 5 * c] = 255
    for name, t in [("images-idx3", images), ("labels-idx1", labels)]:
        # idx header, big-endian: magic 0x0800 + number of dims (2051 or 2049), then each dim
        header = struct.pack(f">{1 + t.dim()}I", 0x0800 + t.dim(), *t.shape)
        path = raw / f"{split}-{name}-ubyte"
        path.write_bytes(header + t.numpy().tobytes())
        print(path.as_posix(), path.stat().st_size, "bytes")
# --8<-- [end:mnist]

# --8<-- [start:fashion_mnist]
import struct
from pathlib import Path

import torch

raw = Path("data/FashionMNIST/raw")  # where datasets.FashionMNIST(root="data") looks
raw.mkdir(parents=True, exist_ok=True)
torch.manual_seed(1)
for split, n in [("train", 60), ("t10k", 20)]:
    labels = torch.randint(0, 10, (n,), dtype=torch.uint8)
    images = torch.randint(0, 64, (n, 28, 28), dtype=torch.uint8)
    for img, y in zip(images, labels, strict=True):
        img[4 : 4 + 2 * int(y) + 4, 6:22] = 200  # a block whose height gives the label
    for name, t in [("images-idx3", images), ("labels-idx1", labels)]:
        header = struct.pack(f">{1 + t.dim()}I", 0x0800 + t.dim(), *t.shape)
        path = raw / f"{split}-{name}-ubyte"
        path.write_bytes(header + t.numpy().tobytes())
        print(path.as_posix(), path.stat().st_size, "bytes")
# --8<-- [end:fashion_mnist]

# --8<-- [start:cifar10]
import pickle
from pathlib import Path

import torch

root = Path("data/cifar-10-batches-py")
root.mkdir(parents=True, exist_ok=True)
torch.manual_seed(0)
# the class names, as bytes like everything in the real files
names = b"airplane automobile bird cat deer dog frog horse ship truck".split()
for file, n in [(f"data_batch_{i}", 10) for i in range(1, 6)] + [("test_batch", 20)]:
    batch = {
        b"batch_label": file.encode(),
        b"labels": torch.randint(0, 10, (n,)).tolist(),  # a list of ints
        # one row per image: 1024 red, then 1024 green, then 1024 blue values
        b"data": torch.randint(0, 256, (n, 3072), dtype=torch.uint8).numpy(),
        b"filenames": [f"{file}_{i}.png".encode() for i in range(n)],
    }
    (root / file).write_bytes(pickle.dumps(batch))
    print((root / file).as_posix(), batch[b"data"].shape, len(batch[b"labels"]), "labels")
meta = {b"label_names": names, b"num_cases_per_batch": 10, b"num_vis": 3072}
(root / "batches.meta").write_bytes(pickle.dumps(meta))
print((root / "batches.meta").as_posix(), len(names), "class names")
# --8<-- [end:cifar10]

# --8<-- [start:imagefolder]
from pathlib import Path

import torch
from PIL import Image

torch.manual_seed(0)
classes = ["daisy", "rose", "tulip"]
for split, per_class in [("train", 4), ("val", 2)]:
    for k, name in enumerate(classes):
        folder = Path("data/flowers") / split / name
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            pixels = torch.randint(0, 128, (32, 32, 3), dtype=torch.uint8)  # H, W, C for PIL
            pixels[:, :, k] += 127  # each class is brighter in its own channel
            Image.fromarray(pixels.numpy()).save(folder / f"{name}_{i}.png")
        print(folder.as_posix(), len(list(folder.glob("*.png"))), "PNGs of 32x32 RGB")
# --8<-- [end:imagefolder]

# --8<-- [start:csv]
from pathlib import Path

import torch

torch.manual_seed(0)
n = 40
area = torch.empty(n).uniform_(40, 200)  # square metres
rooms = torch.randint(1, 7, (n,)).float()
age = torch.empty(n).uniform_(0, 80)  # years
price = 2.5 * area + 15 * rooms - 0.8 * age + 10 * torch.randn(n)  # thousands
Path("data").mkdir(exist_ok=True)
table = torch.stack([area, rooms, age, price], dim=1)  # 40 x 4
rows = [",".join(f"{v:.1f}" for v in row) for row in table.tolist()]
Path("data/houses.csv").write_text("area,rooms,age,price\n" + "\n".join(rows) + "\n")
text = Path("data/houses.csv").read_text()
print(len(text.splitlines()), "lines,", len(text.encode()), "bytes")
print(text.splitlines()[:3])
# --8<-- [end:csv]
