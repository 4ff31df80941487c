"""Stand-ins for what readers download, so every block runs offline in the tests.

A page shows the real call (``datasets.MNIST(root="data", download=True)``,
``resnet18(weights=ResNet18_Weights.DEFAULT)``) and titles the block ``Downloads: NAME``. Before
such a block runs, the tests put files in the real format where the library looks, so it finds
them and downloads nothing. They are test fixtures: never shown to readers, never used by the
site build (torchsheet/data.py says why). Each is made once per machine (seeded, so always the
same bytes) under ~/.cache/torchsheet/stand-ins/ and linked into the block's scratch directory.

- Datasets (pages download into ``root="data"``): the real file names, formats and sizes, and the
  real number of samples per class; the pixels are random. Pages print what a reader's real run
  prints too (shapes, dtypes, lengths, classes), never values that depend on the pixels.
  CIFAR-10 also checks the MD5 of each file, which no stand-in can match: for the block's run
  only, its checksum test only asks that the files exist (``patch``), and restored afterwards.
- Pretrained weights: the real file name and tensor shapes, random values, in the block's private
  torch hub cache (TORCH_HOME is inside its scratch directory). Pages print nothing that depends
  on the values. A reader must never put random weights in their real cache.

This module is a pytest plugin (conftest.py loads it): the engine asks it for stand-ins through
the ``pytest_torchsheet_standins`` hook.
"""

from __future__ import annotations

import os
import pickle
import struct
from pathlib import Path

import numpy as np

from torchsheet.data import Setup

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "torchsheet" / "stand-ins"

# --- pretrained weights ------------------------------------------------------------------------

# download name -> (torchvision model builder, weights enum member)
WEIGHTS = {
    "resnet18_weights.default": ("resnet18", "ResNet18_Weights.DEFAULT"),
    "mobilenet_v3_small_weights.default": (
        "mobilenet_v3_small",
        "MobileNet_V3_Small_Weights.DEFAULT",
    ),
}

_WEIGHTS_CODE = """\
import os

import torch
from torchvision import models

weights = models.get_weight({weights!r})
target = os.path.join(torch.hub.get_dir(), "checkpoints", os.path.basename(weights.url))
cached = os.path.join({cache!r}, os.path.basename(weights.url))
if not os.path.exists(cached):
    os.makedirs({cache!r}, exist_ok=True)
    torch.manual_seed(0)
    model = models.get_model({model!r}, weights=None, num_classes=len(weights.meta["categories"]))
    torch.save(model.state_dict(), cached + ".part-" + str(os.getpid()))
    os.replace(cached + ".part-" + str(os.getpid()), cached)
os.makedirs(os.path.dirname(target), exist_ok=True)
os.symlink(cached, target)
"""


def _weights(name: str):
    model, weights = WEIGHTS[name]

    def make(project) -> Setup:
        cache = str(CACHE / "weights")
        code = _WEIGHTS_CODE.format(weights=weights, model=model, cache=cache)
        return Setup(name, code, f"stand-in {weights} weights (tests/standins.py)", shown=False)

    return make


# --- datasets ----------------------------------------------------------------------------------

# samples per class in the real files: MNIST's are uneven, the others' even
MNIST_COUNTS = {
    "train": [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
    "t10k": [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009],
}
EVEN_COUNTS = {"train": [6000] * 10, "t10k": [1000] * 10}
CIFAR10_CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
                   "ship", "truck"]  # fmt: skip


def _labels(counts: list[int], seed: int) -> np.ndarray:
    labels = np.repeat(np.arange(len(counts), dtype=np.uint8), counts)
    np.random.default_rng(seed).shuffle(labels)
    return labels


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.part-{os.getpid()}")
    part.write_bytes(data)
    os.replace(part, path)


def _idx_files(folder: Path, counts: dict[str, list[int]], seed: int) -> None:
    """MNIST-style raw files: idx headers (big-endian), 28x28 uint8 images, uint8 labels."""
    for split, per_class in counts.items():
        images_file = folder / f"{split}-images-idx3-ubyte"
        if images_file.exists():
            continue
        labels = _labels(per_class, seed)
        rng = np.random.default_rng(seed + 1)
        images = rng.integers(0, 256, (len(labels), 28, 28), dtype=np.uint8)
        header = struct.pack(">4I", 0x0803, len(labels), 28, 28)
        _write_atomically(folder / f"{split}-labels-idx1-ubyte",
                          struct.pack(">2I", 0x0801, len(labels)) + labels.tobytes())  # fmt: skip
        _write_atomically(images_file, header + images.tobytes())


def _cifar10_files(folder: Path) -> None:
    if (folder / "test_batch").exists():
        return
    train = _labels([5000] * 10, seed=10)
    batches = [(f"data_batch_{i + 1}", train[i * 10000 : (i + 1) * 10000]) for i in range(5)]
    batches.append(("test_batch", _labels([1000] * 10, seed=11)))
    rng = np.random.default_rng(12)
    for name, labels in batches:
        data = rng.integers(0, 256, (len(labels), 3072), dtype=np.uint8)
        entry = {"batch_label": name, "labels": labels.tolist(), "data": data}
        _write_atomically(folder / name, pickle.dumps(entry))
    meta = {"label_names": CIFAR10_CLASSES, "num_cases_per_batch": 10000, "num_vis": 3072}
    _write_atomically(folder / "batches.meta", pickle.dumps(meta))


DATASETS = {
    # name -> (folder under root="data" where torchvision looks, maker of the cached files)
    "mnist": ("MNIST/raw", lambda folder: _idx_files(folder, MNIST_COUNTS, seed=0)),
    "fashionmnist": ("FashionMNIST/raw", lambda folder: _idx_files(folder, EVEN_COUNTS, seed=1)),
    "cifar10": ("cifar-10-batches-py", _cifar10_files),
}

_LINK_CODE = """\
import os

source, target = {source!r}, os.path.join("data", {folder!r})
os.makedirs(target, exist_ok=True)
for name in os.listdir(source):
    os.symlink(os.path.join(source, name), os.path.join(target, name))
"""

# CIFAR-10 checks each file's MD5; the stand-ins are in the real format but not the real bytes.
_CIFAR10_PATCH = """\
import os

from torchvision.datasets import cifar

_check = cifar.check_integrity
cifar.check_integrity = lambda fpath, md5=None: os.path.isfile(fpath)
undo.append(lambda: setattr(cifar, "check_integrity", _check))
"""


def _dataset(name: str):
    folder, make_files = DATASETS[name]

    def make(project) -> Setup:
        cache = CACHE / name
        make_files(cache)  # once per machine (~1 s), then reused by every block
        code = _LINK_CODE.format(source=str(cache), folder=folder)
        patch = _CIFAR10_PATCH if name == "cifar10" else None
        return Setup(name, code, f"stand-in {name} files (tests/standins.py)", False, patch)

    return make


STANDINS = {name: _weights(name) for name in WEIGHTS} | {name: _dataset(name) for name in DATASETS}


def pytest_torchsheet_standins(config):
    return STANDINS
