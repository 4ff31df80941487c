"""Transforms: ToTensor and the v2 way, Normalize, augmentations, custom and paired transforms."""

# --8<-- [start:to_tensor]
import numpy as np
from PIL import Image
from torchvision import transforms

array = np.random.default_rng(0).integers(0, 256, size=(32, 48, 3), dtype=np.uint8)
image = Image.fromarray(array)  # what an image file decodes to: height x width x RGB, 0..255
x = transforms.ToTensor()(image)
print("PIL image:", image.size, image.mode)  # PIL reports (width, height)
print("array:    ", array.shape, array.dtype, array.min(), array.max())
print("tensor:   ", tuple(x.shape), x.dtype, x.min().item(), x.max().item())
# --8<-- [end:to_tensor]

# --8<-- [start:v2_pipeline]
import numpy as np
import torch
from PIL import Image
from torchvision.transforms import v2

image = Image.fromarray(np.random.default_rng(0).integers(0, 256, (32, 48, 3), dtype=np.uint8))
transform = v2.Compose(
    [
        v2.ToImage(),  # PIL image or HWC array -> tv_tensors.Image, CHW, still uint8
        v2.ToDtype(torch.float32, scale=True),  # uint8 0..255 -> float32 0..1
        v2.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
    ]
)
x = image
for step in transform.transforms:  # run the steps one by one to see each result
    x = step(x)
    print(f"{type(step).__name__:10} -> {type(x).__name__} {tuple(x.shape)} {x.dtype}")
print("mean per channel:", torch.round(x.mean(dim=(1, 2)), decimals=4))
# --8<-- [end:v2_pipeline]

# --8<-- [start:classic_vs_v2]
import numpy as np
import torch
from PIL import Image
from torchvision import transforms
from torchvision.transforms import v2

image = Image.fromarray(np.random.default_rng(0).integers(0, 256, (32, 48, 3), dtype=np.uint8))
mean, std = [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]
classic = transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])
modern = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True), v2.Normalize(mean, std)])
a, b = classic(image), modern(image)
print("types:", type(a).__name__, type(b).__name__)
print("same shape and dtype:", a.shape == b.shape and a.dtype == b.dtype)
print("largest difference:", f"{(a - b).abs().max().item():.1e}")  # float rounding only
print("range:", a.min().item(), a.max().item())  # Normalize(0.5, 0.5) maps 0..1 to -1..1
# --8<-- [end:classic_vs_v2]

# --8<-- [start:v2_to_tensor_warns]
import warnings

from torchvision.transforms import v2

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    v2.ToTensor()  # deprecated: warns as soon as it is created
print(caught[0].category.__name__)
print(str(caught[0].message).split(".")[0])
# --8<-- [end:v2_to_tensor_warns]

# --8<-- [start:scale_pitfall]
import torch
from torchvision.transforms import v2

torch.manual_seed(0)
image = torch.randint(0, 256, (3, 8, 8), dtype=torch.uint8)  # as v2.ToImage() returns it
print(v2.ToDtype(torch.float32)(image).max())  # wrong: floats, but still 0..255
print(v2.ToDtype(torch.float32, scale=True)(image).max())
try:
    v2.Normalize(mean=[0.5] * 3, std=[0.5] * 3)(image)
except TypeError as e:
    print(type(e).__name__, e)
# --8<-- [end:scale_pitfall]

# --8<-- [start:dataset_stats]
import torch
from torchvision.transforms import v2

torch.manual_seed(0)
images = torch.rand(100, 3, 16, 16) * torch.tensor([0.9, 0.6, 0.3]).view(1, 3, 1, 1)  # N, C, H, W
mean = images.mean(dim=(0, 2, 3))  # one value per channel, over all images and pixels
std = images.std(dim=(0, 2, 3))
print("mean", torch.round(mean, decimals=4), "std", torch.round(std, decimals=4))
normalized = v2.Normalize(mean.tolist(), std.tolist())(images)
print("mean now 0:", torch.allclose(normalized.mean(dim=(0, 2, 3)), torch.zeros(3), atol=1e-6))
print("std now 1: ", torch.allclose(normalized.std(dim=(0, 2, 3)), torch.ones(3), atol=1e-6))
# --8<-- [end:dataset_stats]

# --8<-- [start:geometry]
import torch
from torchvision.transforms import v2

torch.manual_seed(0)
image = torch.randint(0, 256, (3, 60, 80), dtype=torch.uint8)  # C, H, W
augmentations = {
    "Resize(30)": v2.Resize(30),  # shorter side to 30, aspect ratio kept
    "Resize((32, 32))": v2.Resize((32, 32)),
    "CenterCrop(48)": v2.CenterCrop(48),
    "RandomCrop(48, padding=4)": v2.RandomCrop(48, padding=4),
    "RandomResizedCrop(32)": v2.RandomResizedCrop(32, scale=(0.5, 1.0)),
    "RandomHorizontalFlip()": v2.RandomHorizontalFlip(),
    "RandomRotation(30)": v2.RandomRotation(30),
    "RandomRotation(30, expand=True)": v2.RandomRotation(30, expand=True),
}
for name, augment in augmentations.items():
    print(f"{name:32} {tuple(augment(image).shape)}")
# --8<-- [end:geometry]

# --8<-- [start:crop_too_large]
import torch
from torchvision.transforms import v2

image = torch.arange(1, 13, dtype=torch.uint8).reshape(1, 3, 4)  # 1 channel, 3 x 4 pixels
try:
    v2.RandomCrop(5)(image)  # a crop larger than the image
except ValueError as e:
    print(type(e).__name__, e)

torch.manual_seed(0)
print(v2.RandomCrop(5, pad_if_needed=True)(image)[0])  # pads (with 0 by default), then crops
# --8<-- [end:crop_too_large]

# --8<-- [start:padding_mode_alone]
import torch
from torchvision.transforms import v2

image = torch.arange(1, 13, dtype=torch.uint8).reshape(1, 3, 4)  # 1 channel, 3 x 4 pixels
for crop in (
    v2.RandomCrop(3),
    v2.RandomCrop(3, padding_mode="reflect"),  # no padding=: nothing to reflect
    v2.RandomCrop(3, padding_mode="no such mode"),  # not even checked
    v2.RandomCrop(3, padding=1, padding_mode="reflect"),
):
    torch.manual_seed(0)
    print(crop(image)[0].tolist())
try:  # checked only when there is padding to do
    v2.RandomCrop(3, padding=1, padding_mode="no such mode")
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:padding_mode_alone]

# --8<-- [start:random_each_call]
import torch
from torchvision.transforms import v2

image = torch.arange(12, dtype=torch.uint8).view(1, 3, 4)
flip = v2.RandomHorizontalFlip(p=0.5)
torch.manual_seed(0)
print([torch.equal(flip(image), image.flip(-1)) for _ in range(8)])
torch.manual_seed(0)  # same seed, same choices
print([torch.equal(flip(image), image.flip(-1)) for _ in range(8)])
# --8<-- [end:random_each_call]

# --8<-- [start:color]
import torch
from torchvision.transforms import v2

torch.manual_seed(0)
image = torch.rand(3, 32, 32)
augmentations = {
    "ColorJitter": v2.ColorJitter(brightness=0.4, contrast=0.4, saturation=0.4, hue=0.1),
    "RandomGrayscale(p=1)": v2.RandomGrayscale(p=1.0),  # keeps 3 channels
    "Grayscale()": v2.Grayscale(),  # 1 channel
    "GaussianBlur(5)": v2.GaussianBlur(kernel_size=5, sigma=(0.1, 2.0)),
}
print(f"{'original':22} {tuple(image.shape)} {torch.round(image.mean(dim=(1, 2)), decimals=3)}")
for name, augment in augmentations.items():
    out = augment(image)
    print(f"{name:22} {tuple(out.shape)} {torch.round(out.mean(dim=(1, 2)), decimals=3)}")
# --8<-- [end:color]

# --8<-- [start:affine_apply]
import torch
from torchvision.transforms import v2

torch.manual_seed(0)
image = torch.randint(0, 256, (3, 32, 32), dtype=torch.uint8)
affine = v2.RandomAffine(degrees=15, translate=(0.1, 0.1), scale=(0.9, 1.1), shear=5)
print("RandomAffine:", tuple(affine(image).shape))  # same size, corners filled with 0
sometimes = v2.RandomApply([v2.ColorJitter(brightness=0.5), v2.GaussianBlur(5)], p=0.3)
changed = [not torch.equal(sometimes(image), image) for _ in range(20)]
print("RandomApply(p=0.3) changed", sum(changed), "of 20")  # both steps, or neither
# --8<-- [end:affine_apply]

# --8<-- [start:auto_augment]
import torch
from torchvision.transforms import v2

torch.manual_seed(0)
image = torch.randint(0, 256, (3, 32, 32), dtype=torch.uint8)  # uint8, before ToDtype
policies = {
    "RandAugment()": v2.RandAugment(),  # num_ops=2 random ops at magnitude 9 of 31
    "TrivialAugmentWide()": v2.TrivialAugmentWide(),  # 1 random op, random magnitude
    "AutoAugment(IMAGENET)": v2.AutoAugment(v2.AutoAugmentPolicy.IMAGENET),  # learned policy
    "AutoAugment(CIFAR10)": v2.AutoAugment(v2.AutoAugmentPolicy.CIFAR10),
}
for name, augment in policies.items():
    out = augment(image)
    print(f"{name:22} {tuple(out.shape)} {out.dtype}")
# --8<-- [end:auto_augment]

# --8<-- [start:random_erasing]
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2

transform = v2.Compose(
    [
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean=[0.5] * 3, std=[0.5] * 3),
        v2.RandomErasing(p=1.0, scale=(0.1, 0.1), ratio=(1.0, 1.0), value=0),  # last
    ]
)
torch.manual_seed(0)
image = tv_tensors.Image(torch.full((3, 20, 20), 255, dtype=torch.uint8))  # all white: 1.0
out = transform(image)
print(out.dtype, f"erased: {(out == 0).float().mean().item():.2f}")  # a 6 x 6 square of 20 x 20
# --8<-- [end:random_erasing]

# --8<-- [start:to_pil_pure_tensor]
import numpy as np
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2

image = tv_tensors.Image(torch.zeros(3, 32, 48, dtype=torch.uint8))
pil = v2.ToPILImage()(image)  # (C, H, W) -> PIL image, to save or show
print(type(pil).__name__, pil.mode, pil.size)
floats = torch.tensor([[[0.0, 0.5, 1.0, 1.5]]])  # 1 channel: mode "L"; float is scaled by 255
print(np.asarray(v2.ToPILImage()(floats)).tolist())  # 1.5 wraps around to 126
print(np.asarray(v2.ToPILImage()(floats.clamp(0, 1))).tolist())
boxes = tv_tensors.BoundingBoxes([[0, 0, 10, 10]], format="XYXY", canvas_size=(32, 48))
out_image, out_boxes = v2.ToPureTensor()(image, boxes)  # drops the tv_tensors types
print(type(image).__name__, "->", type(out_image).__name__, type(out_boxes).__name__)
# --8<-- [end:to_pil_pure_tensor]

# --8<-- [start:functional_same_flip]
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2
from torchvision.transforms.v2 import functional as F

image = tv_tensors.Image(torch.arange(6, dtype=torch.uint8).view(1, 2, 3))
mask = tv_tensors.Mask(torch.tensor([[0, 1, 1], [0, 0, 1]]))
torch.manual_seed(0)
if torch.rand(()) < 0.5:  # decide once, then apply the same op to both
    image, mask = F.hflip(image), F.hflip(mask)
print(image[0].tolist(), mask.tolist())

flip = v2.RandomHorizontalFlip()


def same_choice(out_image, out_mask):  # both flipped, or neither
    return torch.equal(out_image, image) == torch.equal(out_mask, mask)


torch.manual_seed(0)
print("two calls:", [same_choice(flip(image), flip(mask)) for _ in range(8)])
print("one call: ", [same_choice(*flip(image, mask)) for _ in range(8)])
# --8<-- [end:functional_same_flip]

# --8<-- [start:custom_callable]
import torch
from torchvision.transforms import v2


class AddGaussianNoise:
    """Any callable that takes and returns an image works as a step of Compose."""

    def __init__(self, std=0.1):
        self.std = std

    def __call__(self, image):
        return (image + torch.randn_like(image) * self.std).clamp(0, 1)

    def __repr__(self):  # shows up when the pipeline is printed
        return f"AddGaussianNoise(std={self.std})"


torch.manual_seed(0)
transform = v2.Compose([v2.ToDtype(torch.float32, scale=True), AddGaussianNoise(0.05)])
image = torch.full((3, 4, 4), 128, dtype=torch.uint8)
print(transform)
print(torch.round(transform(image)[0, 0], decimals=4))
# --8<-- [end:custom_callable]

# --8<-- [start:custom_v2_transform]
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2


class RandomInvert(v2.Transform):
    """Invert the colors of images with probability p; boxes, masks and labels pass through."""

    def __init__(self, p=0.5):
        super().__init__()
        self.p = p

    def make_params(self, flat_inputs):  # drawn once per call, shared by all inputs
        return {"apply": torch.rand(()) < self.p}

    def transform(self, inpt, params):  # called for each input that can be transformed
        if not params["apply"] or not isinstance(inpt, tv_tensors.Image):
            return inpt
        return tv_tensors.wrap(255 - inpt, like=inpt)  # keep the tv_tensors.Image type


image = tv_tensors.Image(torch.tensor([[[0, 100, 255]]], dtype=torch.uint8))
boxes = tv_tensors.BoundingBoxes([[0, 0, 2, 1]], format="XYXY", canvas_size=(1, 3))
out_image, out_boxes = RandomInvert(p=1.0)(image, boxes)
print(type(255 - image).__name__)  # plain arithmetic drops the Image type
print(type(out_image).__name__, out_image.tolist(), out_boxes.tolist())
# --8<-- [end:custom_v2_transform]

# --8<-- [start:train_val]
import numpy as np
import torch
from PIL import Image
from torchvision.transforms import v2

mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
train_transform = v2.Compose(
    [
        v2.ToImage(),
        v2.RandomResizedCrop(32, scale=(0.6, 1.0)),  # random crops, flips and colors: augmentation
        v2.RandomHorizontalFlip(),
        v2.ColorJitter(brightness=0.2, contrast=0.2, saturation=0.2),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean, std),
    ]
)
val_transform = v2.Compose(
    [
        v2.ToImage(),
        v2.Resize(36),  # deterministic: same size and the same normalization as in training
        v2.CenterCrop(32),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean, std),
    ]
)
image = Image.fromarray(np.random.default_rng(0).integers(0, 256, (48, 64, 3), dtype=np.uint8))
torch.manual_seed(0)
print(tuple(train_transform(image).shape), tuple(val_transform(image).shape))
print("train, twice the same:", torch.equal(train_transform(image), train_transform(image)))
print("val, twice the same:  ", torch.equal(val_transform(image), val_transform(image)))
# --8<-- [end:train_val]

# --8<-- [start:boxes]
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2

image = tv_tensors.Image(torch.zeros(3, 100, 200, dtype=torch.uint8))
target = {
    "boxes": tv_tensors.BoundingBoxes([[10, 20, 60, 80]], format="XYXY", canvas_size=(100, 200)),
    "labels": torch.tensor([3]),
}
transform = v2.Compose([v2.RandomHorizontalFlip(p=1.0), v2.Resize((50, 100))])
out_image, out_target = transform(image, target)
print(tuple(out_image.shape))
print(out_target["boxes"].tolist(), out_target["boxes"].canvas_size)
print(out_target["labels"].tolist())  # not an image or a box: passed through unchanged
# --8<-- [end:boxes]
