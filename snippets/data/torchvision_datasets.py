"""torchvision datasets: MNIST, FashionMNIST and CIFAR-10 downloaded, ImageFolder, DatasetFolder,
VOC-style detection with wrap_dataset_for_transforms_v2, FakeData; targets and classes."""

# --8<-- [start:mnist_sample]
from torchvision import datasets

# the first run downloads MNIST into data/MNIST/raw (about 12 MB); later runs reuse the files
train = datasets.MNIST(root="data", train=True, download=True)
test = datasets.MNIST(root="data", train=False, download=True)
print(len(train), len(test))
img, label = train[0]  # no transform: a PIL image and a plain int
print(type(img).__name__, img.mode, img.size, type(label).__name__)
# --8<-- [end:mnist_sample]

# --8<-- [start:mnist_tensor]
import torch
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

to_tensor = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
train = datasets.MNIST(root="data", train=True, download=True, transform=to_tensor)
img, label = train[0]
print(img.shape, img.dtype, type(label).__name__)
images, labels = next(iter(DataLoader(train, batch_size=16, shuffle=True)))
print(images.shape, labels.shape, labels.dtype)
# --8<-- [end:mnist_tensor]

# --8<-- [start:no_transform]
from torch.utils.data import DataLoader
from torchvision import datasets

train = datasets.MNIST(root="data", train=True, download=True)  # no transform
try:
    next(iter(DataLoader(train, batch_size=16)))
except TypeError as e:
    print(type(e).__name__, e)
# --8<-- [end:no_transform]

# --8<-- [start:targets]
import torch
from torchvision import datasets

train = datasets.MNIST(root="data", train=True, download=True)
print(train.targets.shape, train.targets.dtype)  # every label, without loading an image
print(train.classes[:3])
counts = torch.bincount(train.targets, minlength=len(train.classes))
print(counts.tolist())
print(counts.min().item(), counts.max().item(), counts.sum().item())
# --8<-- [end:targets]

# --8<-- [start:old_names]
import warnings

from torchvision import datasets

train = datasets.MNIST(root="data", train=True, download=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old = train.train_labels  # an old name: still there, but it warns
print(type(caught[0].message).__name__, caught[0].message)
print(old is train.targets, train.data.shape)  # use .targets and .data
# --8<-- [end:old_names]

# --8<-- [start:fashion_classes]
import torch
from torchvision import datasets

train = datasets.FashionMNIST(root="data", train=True, download=True)  # about 30 MB
print(train.class_to_idx["Sneaker"], train.classes[7])
counts = torch.bincount(train.targets, minlength=len(train.classes))
print({name: n for name, n in zip(train.classes[:3], counts.tolist(), strict=False)})
# --8<-- [end:fashion_classes]

# --8<-- [start:wrong_root]
from torchvision import datasets

try:
    datasets.MNIST(root="data/MNIST", train=True)  # looks for data/MNIST/MNIST/raw
except RuntimeError as e:
    print(type(e).__name__, e)
print(len(datasets.MNIST(root="data", train=True, download=True)))  # the folder that holds MNIST/
# --8<-- [end:wrong_root]

# --8<-- [start:cifar]
import torch
from torchvision import datasets
from torchvision.transforms import v2

to_tensor = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
# the first run downloads CIFAR-10 (about 170 MB) and checks its checksum
train = datasets.CIFAR10(root="data", train=True, download=True, transform=to_tensor)
test = datasets.CIFAR10(root="data", train=False, download=True, transform=to_tensor)
img, label = train[0]
print(len(train), len(test), img.shape, img.dtype, type(train.targets).__name__)
print(train.classes)
# --8<-- [end:cifar]

# --8<-- [start:imagefolder_layout]
from pathlib import Path

from torchvision import datasets

print("data/flowers/")
for split in sorted(Path("data/flowers").iterdir()):
    print(f"  {split.name}/")
    for folder in sorted(split.iterdir()):
        print(f"    {folder.name + '/':7}", *sorted(p.name for p in folder.iterdir()))
train = datasets.ImageFolder("data/flowers/train")  # one sub-folder per class
print(train.classes, train.class_to_idx)
print(train.samples[:2])
print(len(train), train.targets)
# --8<-- [end:imagefolder_layout]

# --8<-- [start:imagefolder_load]
import torch
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

to_tensor = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
train = datasets.ImageFolder("data/flowers/train", transform=to_tensor)
val = datasets.ImageFolder("data/flowers/val", transform=to_tensor)
print(len(train), len(val), val.class_to_idx == train.class_to_idx)
torch.manual_seed(0)
images, labels = next(iter(DataLoader(train, batch_size=4, shuffle=True)))
print(images.shape, images.dtype, labels.tolist())
# --8<-- [end:imagefolder_load]

# --8<-- [start:imagefolder_wrong_root]
from torchvision import datasets

wrong = datasets.ImageFolder("data/flowers")  # the split folders become the "classes"
print(wrong.classes, len(wrong))
right = datasets.ImageFolder("data/flowers/train")
print(right.classes, len(right))
# --8<-- [end:imagefolder_wrong_root]

# --8<-- [start:datasetfolder]
from pathlib import Path

import numpy as np
import torch
from torchvision import datasets

for label in ("noise", "speech"):  # one folder per class, as for ImageFolder
    Path(f"data/clips/{label}").mkdir(parents=True, exist_ok=True)
    for i in range(3):
        np.save(f"data/clips/{label}/clip_{i}.npy", np.zeros(16000, dtype=np.float32))
Path("data/clips/speech/README.txt").write_text("not a clip")  # skipped: not an .npy file
clips = datasets.DatasetFolder(
    "data/clips", loader=np.load, extensions=(".npy",), transform=torch.from_numpy
)
x, label = clips[3]
print(clips.classes, len(clips), x.shape, x.dtype, label)
try:
    datasets.DatasetFolder("data/clips", loader=np.load)  # neither extensions nor is_valid_file
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:datasetfolder]

# --8<-- [start:voc_layout]
from pathlib import Path

from PIL import Image
from torchvision import datasets

root = Path("data/VOCdevkit/VOC2012")  # the layout VOCDetection reads under root="data"
for folder in ("JPEGImages", "Annotations", "ImageSets/Main"):
    (root / folder).mkdir(parents=True, exist_ok=True)
Image.new("RGB", (64, 48)).save(root / "JPEGImages/img_0.jpg")
(root / "Annotations/img_0.xml").write_text(
    "<annotation><object><name>dog</name><bndbox>"
    "<xmin>8</xmin><ymin>6</ymin><xmax>40</xmax><ymax>30</ymax></bndbox></object></annotation>"
)
(root / "ImageSets/Main/train.txt").write_text("img_0\n")
voc = datasets.VOCDetection("data", year="2012", image_set="train")
image, target = voc[0]
print(type(image).__name__, image.size)
print(target)  # the XML file as nested dicts of strings
# --8<-- [end:voc_layout]

# --8<-- [start:wrap_for_v2]
import torch
from torchvision import datasets
from torchvision.datasets import wrap_dataset_for_transforms_v2
from torchvision.transforms import v2

transform = v2.Compose(
    [v2.ToImage(), v2.RandomHorizontalFlip(p=1.0), v2.ToDtype(torch.float32, scale=True)]
)
voc = datasets.VOCDetection("data", year="2012", image_set="train", transforms=transform)
voc = wrap_dataset_for_transforms_v2(voc)  # targets become tv_tensors the transform can move
image, target = voc[0]
print(type(image).__name__, tuple(image.shape), image.dtype)
print(target["boxes"].tolist(), target["boxes"].format.name, target["labels"].tolist())
# --8<-- [end:wrap_for_v2]

# --8<-- [start:fakedata]
import torch
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

to_tensor = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
fake = datasets.FakeData(size=32, image_size=(3, 64, 64), num_classes=5, transform=to_tensor)
img, label = fake[0]  # random, but the same for the same index
print(len(fake), img.shape, label, torch.equal(img, fake[0][0]))
images, labels = next(iter(DataLoader(fake, batch_size=8)))
print(images.shape, labels)
# --8<-- [end:fakedata]
