"""Boxes and masks through v2 transforms: tv_tensors, flips, resizes, crops, SanitizeBoundingBoxes."""

# --8<-- [start:wrap]
import torch
from torchvision import tv_tensors

image = tv_tensors.Image(torch.zeros(3, 40, 60, dtype=torch.uint8))  # (C, H, W)
boxes = tv_tensors.BoundingBoxes([[10.0, 6.0, 30.0, 26.0]], format="XYXY", canvas_size=(40, 60))
mask = tv_tensors.Mask(torch.zeros(40, 60, dtype=torch.uint8))
mask[6:26, 10:30] = 1  # the same object as the box: rows 6-25, columns 10-29
print(type(image).__name__, type(boxes).__name__, type(mask).__name__)
print(boxes.format, boxes.canvas_size)  # canvas_size: (height, width) of the image
print(isinstance(boxes, torch.Tensor), boxes.dtype)
# --8<-- [end:wrap]

# --8<-- [start:flip_resize]
import torch
from torchvision import tv_tensors
from torchvision.ops import masks_to_boxes
from torchvision.transforms import v2

image = tv_tensors.Image(torch.zeros(3, 40, 60, dtype=torch.uint8))
boxes = tv_tensors.BoundingBoxes([[10.0, 6.0, 30.0, 26.0]], format="XYXY", canvas_size=(40, 60))
mask = tv_tensors.Mask(torch.zeros(40, 60, dtype=torch.uint8))
mask[6:26, 10:30] = 1


def mask_box(m):  # the pixels the mask covers, as x1, y1, x2, y2 (x2, y2: one past the last)
    return (masks_to_boxes(m[None].bool()) + torch.tensor([0, 0, 1, 1])).tolist()


for transform in [v2.RandomHorizontalFlip(p=1.0), v2.Resize((20, 30))]:
    out_image, out_boxes, out_mask = transform(image, boxes, mask)  # one call, same parameters
    print(f"{transform.__class__.__name__}: image {tuple(out_image.shape)}")
    print("  box: ", out_boxes.tolist(), out_boxes.canvas_size)
    print("  mask:", mask_box(out_mask))
# --8<-- [end:flip_resize]

# --8<-- [start:random_resized_crop]
import torch
from torchvision import tv_tensors
from torchvision.ops import masks_to_boxes
from torchvision.transforms import v2

image = tv_tensors.Image(torch.zeros(3, 40, 60, dtype=torch.uint8))
boxes = tv_tensors.BoundingBoxes([[10.0, 6.0, 30.0, 26.0]], format="XYXY", canvas_size=(40, 60))
mask = tv_tensors.Mask(torch.zeros(40, 60, dtype=torch.uint8))
mask[6:26, 10:30] = 1

torch.manual_seed(0)  # random crops draw from torch's generator
crop = v2.RandomResizedCrop(size=(32, 32), scale=(0.3, 1.0))
out_image, out_boxes, out_mask = crop(image, boxes, mask)
print(tuple(out_image.shape), out_boxes.canvas_size)
print("box: ", [round(v, 1) for v in out_boxes[0].tolist()])
print("mask:", (masks_to_boxes(out_mask[None].bool()) + torch.tensor([0, 0, 1, 1])).tolist())
# --8<-- [end:random_resized_crop]

# --8<-- [start:sanitize]
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2

sample = {
    "image": tv_tensors.Image(torch.zeros(3, 40, 60, dtype=torch.uint8)),
    "boxes": tv_tensors.BoundingBoxes(
        [[10.0, 5.0, 30.0, 25.0], [55.0, 5.0, 60.0, 25.0]], format="XYXY", canvas_size=(40, 60)
    ),
    "labels": torch.tensor([1, 2]),  # a plain tensor: passed through, but kept in step
}
crop = v2.CenterCrop((40, 50))  # cuts 5 columns on each side: box 1 is cropped away
out = crop(sample)
print(out["boxes"].tolist(), out["labels"].tolist())
out = v2.Compose([crop, v2.SanitizeBoundingBoxes()])(sample)
print(out["boxes"].tolist(), out["labels"].tolist())
# --8<-- [end:sanitize]

# --8<-- [start:sanitize_error]
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2

image = tv_tensors.Image(torch.zeros(3, 40, 60, dtype=torch.uint8))
boxes = tv_tensors.BoundingBoxes([[10.0, 5.0, 30.0, 5.0]], format="XYXY", canvas_size=(40, 60))
try:
    v2.SanitizeBoundingBoxes()(image, boxes)  # no dict: where are the labels?
except ValueError as e:
    print(type(e).__name__, str(e).split(", but got")[0])
out_image, out_boxes = v2.SanitizeBoundingBoxes(labels_getter=None)(image, boxes)
print(out_boxes.shape)  # the zero-height box is gone
# --8<-- [end:sanitize_error]

# --8<-- [start:plain_tensor_pitfall]
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2

image = tv_tensors.Image(torch.zeros(3, 40, 60, dtype=torch.uint8))
plain = torch.tensor([[10.0, 6.0, 30.0, 26.0]])  # boxes, but nothing says so
wrapped = tv_tensors.BoundingBoxes(plain, format="XYXY", canvas_size=(40, 60))
flip = v2.RandomHorizontalFlip(p=1.0)
print("plain:  ", flip(image, plain)[1].tolist())  # passed through: not flipped
print("wrapped:", flip(image, wrapped)[1].tolist())
print("alone:  ", flip(plain).tolist())  # without an Image, a plain tensor IS the image
# --8<-- [end:plain_tensor_pitfall]

# --8<-- [start:integer_boxes]
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2

resize = v2.Resize((20, 30))  # halves the 40 x 60 image
for dtype in (torch.int64, torch.float32):
    boxes = tv_tensors.BoundingBoxes([[11, 5, 31, 25]], format="XYXY", canvas_size=(40, 60))
    print(dtype, resize(boxes.to(dtype)).tolist())
# --8<-- [end:integer_boxes]
