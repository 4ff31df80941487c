"""Draw boxes and masks on images: draw_bounding_boxes, draw_segmentation_masks, saved as PNG."""

# --8<-- [start:boxes]
import torch
from torchvision.transforms.v2.functional import to_pil_image
from torchvision.utils import draw_bounding_boxes

ys, xs = torch.meshgrid(torch.arange(120), torch.arange(200), indexing="ij")
image = torch.stack([xs * 0.6, ys * 0.8 + 60, 200 - xs * 0.5]).to(torch.uint8)  # (3, H, W)
disk = (xs - 55) ** 2 + (ys - 60) ** 2 < 35**2
square = (xs >= 110) & (xs < 180) & (ys >= 30) & (ys < 100)
image[:, disk] = torch.tensor([250, 210, 40], dtype=torch.uint8)[:, None]
image[:, square] = torch.tensor([230, 60, 60], dtype=torch.uint8)[:, None]

boxes = torch.tensor([[20, 25, 90, 95], [110, 30, 180, 100]])  # x1, y1, x2, y2 in pixels
drawn = draw_bounding_boxes(
    image, boxes, labels=["disk", "square"], colors=["white", "black"], width=3
)
print(drawn.shape, drawn.dtype)  # a new image: the input is not changed
to_pil_image(drawn).save("boxes.png")  # a PIL image; PNG from the file name
# --8<-- [end:boxes]

# --8<-- [start:masks]
import torch
from torchvision.transforms.v2.functional import to_pil_image
from torchvision.utils import draw_segmentation_masks

ys, xs = torch.meshgrid(torch.arange(120), torch.arange(200), indexing="ij")
image = torch.stack([xs * 0.6, ys * 0.8 + 60, 200 - xs * 0.5]).to(torch.uint8)
classes = torch.zeros(120, 200, dtype=torch.int64)  # a class index per pixel, 0: background
classes[(xs - 55) ** 2 + (ys - 60) ** 2 < 35**2] = 1
classes[(xs >= 110) & (xs < 180) & (ys >= 30) & (ys < 100)] = 2

masks = classes == torch.arange(1, 3)[:, None, None]  # (2, H, W) bool: one mask per class
print(masks.shape, masks.dtype, masks.sum(dim=(1, 2)).tolist())
drawn = draw_segmentation_masks(image, masks, alpha=0.6, colors=["yellow", "red"])
to_pil_image(drawn).save("masks.png")
# --8<-- [end:masks]

# --8<-- [start:errors]
import torch
from torchvision.utils import draw_bounding_boxes, draw_segmentation_masks

image = torch.zeros(3, 40, 60, dtype=torch.uint8)
tries = {
    "float masks": lambda: draw_segmentation_masks(image, torch.zeros(1, 40, 60)),
    "xywh boxes": lambda: draw_bounding_boxes(image, torch.tensor([[30, 10, 20, 20]])),
    "one label for two boxes": lambda: draw_bounding_boxes(
        image, torch.tensor([[0, 0, 10, 10], [5, 5, 20, 20]]), labels=["cat"]
    ),
    "a batch": lambda: draw_bounding_boxes(image[None], torch.tensor([[0, 0, 10, 10]])),
}
for what, draw in tries.items():
    try:
        draw()
    except ValueError as e:
        print(f"{what}: {e}")
# --8<-- [end:errors]

# --8<-- [start:float_range]
import torch
from torchvision.utils import draw_bounding_boxes

box = torch.tensor([[5, 5, 20, 20]])
in_0_255 = torch.full((3, 40, 60), 128.0)  # float, but 0..255 like a uint8 image
in_0_1 = in_0_255 / 255
print(draw_bounding_boxes(in_0_255, box)[:, 30, 30].tolist())  # saturated: every channel 1.0
print([round(v, 4) for v in draw_bounding_boxes(in_0_1, box)[:, 30, 30].tolist()])  # unchanged
# --8<-- [end:float_range]

# --8<-- [start:encode_in_memory]
import io

import torch
from PIL import Image
from torchvision.transforms.v2.functional import pil_to_tensor, to_pil_image
from torchvision.utils import draw_bounding_boxes

image = torch.full((3, 40, 60), 90, dtype=torch.uint8)
drawn = draw_bounding_boxes(image, torch.tensor([[5, 5, 30, 30]]), colors="yellow", width=2)
to_pil_image(drawn).save("drawn.png")  # a file: the format from the name
for fmt, options in (("PNG", {}), ("JPEG", {"quality": 90})):
    buffer = io.BytesIO()  # bytes in memory, to send or store
    to_pil_image(drawn).save(buffer, format=fmt, **options)
    decoded = pil_to_tensor(Image.open(io.BytesIO(buffer.getvalue())))
    print(fmt, tuple(decoded.shape), decoded.dtype, "same pixels:", torch.equal(decoded, drawn))
# --8<-- [end:encode_in_memory]
