"""Every torchvision.transforms.v2 transform applied to the same small image, in tables."""

# --8<-- [start:geometry]
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2

geometry = {
    "Resize(16)": v2.Resize(16),  # the shorter side; Resize((16, 16)) for both
    "RandomResizedCrop(16)": v2.RandomResizedCrop(16),
    "CenterCrop(16)": v2.CenterCrop(16),
    "RandomCrop(16)": v2.RandomCrop(16),
    "FiveCrop(16)": v2.FiveCrop(16),
    "TenCrop(16)": v2.TenCrop(16),
    "Pad(2)": v2.Pad(2),
    "RandomRotation(30)": v2.RandomRotation(30),
    "RandomAffine(30)": v2.RandomAffine(30),
    "RandomPerspective(p=1)": v2.RandomPerspective(p=1.0),
    "ElasticTransform()": v2.ElasticTransform(),
    "RandomHorizontalFlip(p=1)": v2.RandomHorizontalFlip(p=1.0),
    "RandomVerticalFlip(p=1)": v2.RandomVerticalFlip(p=1.0),
    "RandomZoomOut(p=1)": v2.RandomZoomOut(p=1.0),
    "ScaleJitter((32, 48))": v2.ScaleJitter((32, 48)),
    "RandomResize(16, 32)": v2.RandomResize(16, 32),
    "RandomShortestSize([16, 24])": v2.RandomShortestSize([16, 24]),
}
torch.manual_seed(0)
image = tv_tensors.Image(torch.randint(0, 256, (3, 32, 48), dtype=torch.uint8))
boxes = tv_tensors.BoundingBoxes([[8, 4, 24, 20]], format="XYXY", canvas_size=(32, 48))


def describe(x):
    if isinstance(x, tuple):  # FiveCrop and TenCrop return one image per crop
        return f"{len(x)} x {describe(x[0])}"
    return f"{type(x).__name__} {str(x.dtype).removeprefix('torch.')} {tuple(x.shape)}"


print(f"{'input':<29}{describe(image):<30}{boxes.tolist()}")
for name, transform in geometry.items():
    torch.manual_seed(0)
    try:
        out_image, out_boxes = transform(image, boxes)
        print(f"{name:<29}{describe(out_image):<30}{out_boxes.tolist()}")
    except TypeError as e:  # the crops that return several images refuse boxes
        print(f"{name:<29}{describe(transform(image)):<30}{type(e).__name__}")

others = [image.float() / 255, v2.functional.to_pil_image(image)]  # float in [0, 1], PIL
print(
    "all take float and PIL too:", all(t(x) is not None for t in geometry.values() for x in others)
)
# --8<-- [end:geometry]

# --8<-- [start:color]
import torch
from torchvision.transforms import v2

color = {
    "ColorJitter(.4, .4, .4, .1)": v2.ColorJitter(0.4, 0.4, 0.4, 0.1),
    "Grayscale()": v2.Grayscale(),  # one channel; num_output_channels=3 keeps three
    "RandomGrayscale(p=1)": v2.RandomGrayscale(p=1.0),
    "RandomInvert(p=1)": v2.RandomInvert(p=1.0),
    "RandomPosterize(4, p=1)": v2.RandomPosterize(4, p=1.0),
    "RandomSolarize(128, p=1)": v2.RandomSolarize(128, p=1.0),
    "RandomAdjustSharpness(2, p=1)": v2.RandomAdjustSharpness(2, p=1.0),
    "RandomAutocontrast(p=1)": v2.RandomAutocontrast(p=1.0),
    "RandomEqualize(p=1)": v2.RandomEqualize(p=1.0),
    "RandomChannelPermutation()": v2.RandomChannelPermutation(),
    "RandomPhotometricDistort(p=1)": v2.RandomPhotometricDistort(p=1.0),
    "GaussianBlur(3)": v2.GaussianBlur(3),
    "GaussianNoise()": v2.GaussianNoise(),  # sigma=0.1 of the full range
    "RGB()": v2.RGB(),  # grayscale to three channels; RGB unchanged
    "Normalize(mean, std)": v2.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    "AutoAugment()": v2.AutoAugment(),  # the policies: random operations from a fixed list
    "RandAugment()": v2.RandAugment(),
    "TrivialAugmentWide()": v2.TrivialAugmentWide(),
    "AugMix()": v2.AugMix(),
}
torch.manual_seed(0)
image = torch.randint(0, 256, (3, 32, 48), dtype=torch.uint8)  # a plain tensor is an image too
inputs = {"uint8": image, "float32": image.float() / 255, "PIL": v2.functional.to_pil_image(image)}


def run(transform, x):
    torch.manual_seed(0)
    try:
        out = transform(x)
        return f"{str(out.dtype).removeprefix('torch.')} {tuple(out.shape)}" if x is image else "ok"
    except (TypeError, ValueError) as e:
        return type(e).__name__


print(f"{'transform':<31}{'uint8 (3, 32, 48) ->':<22}{'float32':<11}PIL")
for name, transform in color.items():
    u8, f32, pil = (run(transform, x) for x in inputs.values())
    print(f"{name:<31}{u8:<22}{f32:<11}{pil}")
# --8<-- [end:color]

# --8<-- [start:solarize_threshold]
import torch
from torchvision.transforms import v2

image = torch.tensor([[[0, 100, 200, 255]]], dtype=torch.uint8)  # one channel, four pixels
print(v2.RandomSolarize(128, p=1.0)(image).tolist())  # inverts the pixels >= 128
print(v2.RandomSolarize(0.5, p=1.0)(image.float() / 255).mul(255).round().tolist())
try:
    v2.RandomSolarize(128, p=1.0)(image.float() / 255)
except TypeError as e:
    print(type(e).__name__, e)
# --8<-- [end:solarize_threshold]

# --8<-- [start:conversions]
import torch
from torchvision.transforms import v2

convert = {
    "ToImage()": v2.ToImage(),
    "ToDtype(float32, scale=True)": v2.ToDtype(torch.float32, scale=True),
    "ToDtype(uint8, scale=True)": v2.ToDtype(torch.uint8, scale=True),
    "ToPureTensor()": v2.ToPureTensor(),
    "ToPILImage()": v2.ToPILImage(),
    "PILToTensor()": v2.PILToTensor(),
}
torch.manual_seed(0)
image = torch.randint(0, 256, (3, 32, 48), dtype=torch.uint8)
inputs = [image, image.float() / 255, v2.functional.to_pil_image(image)]


def describe(x):
    if isinstance(x, torch.Tensor):
        return f"{type(x).__name__} {str(x.dtype).removeprefix('torch.')}"
    return f"PIL {x.mode} {x.size}"  # a PIL image's size is (width, height)


print(f"{'input':<30}" + "".join(f"{describe(x):<22}" for x in inputs).rstrip())
for name, transform in convert.items():
    print(f"{name:<30}" + "".join(f"{describe(transform(x)):<22}" for x in inputs).rstrip())
# --8<-- [end:conversions]

# --8<-- [start:erase_mix]
import torch
from torchvision.transforms import v2

torch.manual_seed(0)
images = torch.randint(0, 256, (4, 3, 32, 48), dtype=torch.uint8)  # a batch
labels = torch.tensor([0, 1, 2, 3])

erase = v2.RandomErasing(p=1.0, value=0)  # value="random": normal noise, for normalized floats
to_tensor = v2.functional.pil_to_tensor
for x in [images[0], images[0].float() / 255, v2.functional.to_pil_image(images[0])]:
    out = erase(x)
    if isinstance(out, torch.Tensor):
        kind, changed = f"Tensor {str(out.dtype).removeprefix('torch.')}", out.ne(x).any()
    else:
        kind, changed = f"PIL {out.mode}", to_tensor(out).ne(to_tensor(x)).any()
    print(f"RandomErasing  {kind:<15}changed: {changed.item()}")

for mix in [v2.MixUp(num_classes=4), v2.CutMix(num_classes=4)]:
    for batch in [images, images.float() / 255]:
        name = f"{type(mix).__name__:<7}{str(batch.dtype).removeprefix('torch.'):<8}->"
        try:
            out, soft = mix(batch, labels)  # labels become (N, num_classes) probabilities
            sums = soft.sum(dim=1).allclose(torch.ones(4))
            print(
                name,
                str(out.dtype).removeprefix("torch."),
                tuple(soft.shape),
                "rows sum to 1:",
                sums,
            )
        except RuntimeError as e:
            print(name, f"RuntimeError: {e}")
# --8<-- [end:erase_mix]

# --8<-- [start:boxes]
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2

sample = {
    "image": tv_tensors.Image(torch.zeros(3, 32, 48, dtype=torch.uint8)),
    "boxes": tv_tensors.BoundingBoxes(
        [[-6, 4, 20, 20], [10, 10, 10, 30], [30, 8, 60, 28]],  # sticks out, empty, sticks out
        format="XYXY",
        canvas_size=(32, 48),
    ),
    "labels": torch.tensor([1, 2, 3]),
}
steps = {
    "ConvertBoundingBoxFormat('XYWH')": v2.ConvertBoundingBoxFormat("XYWH"),
    "ConvertBoundingBoxFormat('CXCYWH')": v2.ConvertBoundingBoxFormat("CXCYWH"),
    "ClampBoundingBoxes()": v2.ClampBoundingBoxes(),
    "SanitizeBoundingBoxes()": v2.SanitizeBoundingBoxes(),  # drops boxes and their labels
    "Clamp, then Sanitize": v2.Compose([v2.ClampBoundingBoxes(), v2.SanitizeBoundingBoxes()]),
}
for name, step in steps.items():
    out = step(sample)
    print(
        f"{name:<36}{out['boxes'].format.name:<7}{out['boxes'].tolist()} {out['labels'].tolist()}"
    )
# --8<-- [end:boxes]

# --8<-- [start:iou_crop]
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2

sample = {
    "image": tv_tensors.Image(torch.zeros(3, 64, 96, dtype=torch.uint8)),
    "boxes": tv_tensors.BoundingBoxes(
        [[4, 4, 40, 40], [50, 10, 90, 60]], format="XYXY", canvas_size=(64, 96)
    ),
    "labels": torch.tensor([1, 2]),
}
crop = v2.Compose([v2.RandomIoUCrop(), v2.SanitizeBoundingBoxes()])  # as in SSD training
for seed in range(4):
    torch.manual_seed(seed)
    out = crop(sample)
    print(tuple(out["image"].shape), out["boxes"].tolist(), out["labels"].tolist())
try:
    v2.RandomIoUCrop()(sample["image"])
except TypeError as e:
    print(type(e).__name__, e)
# --8<-- [end:iou_crop]

# --8<-- [start:composition]
import torch
from torchvision.transforms import v2

torch.manual_seed(0)
image = torch.randint(0, 256, (3, 32, 48), dtype=torch.uint8)
compose = {
    "Compose": v2.Compose([v2.Resize(16), v2.ToDtype(torch.float32, scale=True)]),
    "RandomApply(p=0.5)": v2.RandomApply([v2.Resize(16), v2.CenterCrop(8)], p=0.5),
    "RandomChoice": v2.RandomChoice([v2.Resize(16), v2.CenterCrop(8), v2.Pad(2)]),
    "RandomOrder": v2.RandomOrder([v2.CenterCrop(24), v2.Resize(16)]),
    "Identity": v2.Identity(),
    "Lambda": v2.Lambda(lambda x: x[:1]),  # any function; a v2.Transform subclass for boxes
}
for name, transform in compose.items():
    shapes = []
    for seed in range(5):
        torch.manual_seed(seed)
        out = transform(image)
        shapes.append(f"{tuple(out.shape)}")
    print(f"{name:<20}{str(out.dtype).removeprefix('torch.'):<9}{' '.join(shapes)}")
# --8<-- [end:composition]

# --8<-- [start:completeness]
from torchvision.transforms import v2

on_this_page = """
    Resize RandomResizedCrop CenterCrop RandomCrop FiveCrop TenCrop Pad RandomRotation RandomAffine
    RandomPerspective ElasticTransform RandomHorizontalFlip RandomVerticalFlip RandomZoomOut
    ScaleJitter RandomResize RandomShortestSize ColorJitter Grayscale RandomGrayscale RandomInvert
    RandomPosterize RandomSolarize RandomAdjustSharpness RandomAutocontrast RandomEqualize
    RandomChannelPermutation RandomPhotometricDistort GaussianBlur GaussianNoise RGB Normalize
    AutoAugment RandAugment TrivialAugmentWide AugMix ToImage ToDtype ToPureTensor ToPILImage
    PILToTensor RandomErasing MixUp CutMix ConvertBoundingBoxFormat ClampBoundingBoxes
    SanitizeBoundingBoxes RandomIoUCrop Compose RandomApply RandomChoice RandomOrder Identity Lambda
""".split()
every = {
    n for n, obj in vars(v2).items() if isinstance(obj, type) and issubclass(obj, v2.Transform)
}
every.discard("Transform")  # the base class
print(f"{len(on_this_page)} of {len(every)} transforms on this page; not here:")
print(sorted(every - set(on_this_page)))
# --8<-- [end:completeness]
