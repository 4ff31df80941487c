"""Object detection models: the train-mode and eval-mode contract, common target errors, a new head,
the pretrained COCO detectors."""

# --8<-- [start:train_mode]
import torch
from torchvision.models.detection import fasterrcnn_mobilenet_v3_large_320_fpn

torch.manual_seed(0)
model = fasterrcnn_mobilenet_v3_large_320_fpn(
    weights=None, weights_backbone=None, num_classes=3, min_size=64, max_size=64
)  # num_classes counts the background: labels 1 and 2 are objects, 0 is background
images = [torch.rand(3, 96, 128), torch.rand(3, 80, 100)]  # a list: sizes may differ
targets = [
    {"boxes": torch.tensor([[10.0, 10.0, 50.0, 40.0]]), "labels": torch.tensor([1])},
    {
        "boxes": torch.tensor([[5.0, 5.0, 30.0, 30.0], [40.0, 20.0, 90.0, 70.0]]),
        "labels": torch.tensor([2, 1]),
    },
]  # one dict per image: boxes float (N, 4) as x1, y1, x2, y2 in pixels, labels int64 (N,)
model.train()
losses = model(images, targets)  # a dict of scalar losses
for name, value in losses.items():
    print(f"{name:17} {tuple(value.shape)} {value.dtype}")
loss = sum(losses.values())  # the sum is what you minimize
loss.backward()
# --8<-- [end:train_mode]

# --8<-- [start:eval_mode]
import torch
from torchvision.models.detection import fasterrcnn_mobilenet_v3_large_320_fpn

torch.manual_seed(0)
model = fasterrcnn_mobilenet_v3_large_320_fpn(
    weights=None, weights_backbone=None, num_classes=3, min_size=64, max_size=64
)
images = [torch.rand(3, 96, 128), torch.rand(3, 80, 100)]
model.eval()
with torch.no_grad():
    predictions = model(images)  # a list: one dict per image, no targets needed
print(type(predictions).__name__, len(predictions))
for name, value in predictions[0].items():
    print(f"{name:6} (N{', 4' if value.ndim == 2 else ','}) {value.dtype}")  # N: boxes found
for image, prediction in zip(images, predictions, strict=True):
    height, width = image.shape[1:]
    boxes = prediction["boxes"]
    inside = (boxes[:, 2] <= width).all() and (boxes[:, 3] <= height).all()
    print("boxes in the image's own pixels:", bool(inside))
# --8<-- [end:eval_mode]

# --8<-- [start:wrong_targets]
import torch
from torchvision.models.detection import fasterrcnn_mobilenet_v3_large_320_fpn

torch.manual_seed(0)
model = fasterrcnn_mobilenet_v3_large_320_fpn(
    weights=None, weights_backbone=None, num_classes=3, min_size=64, max_size=64
).train()
image, box = torch.rand(3, 64, 64), torch.tensor([[10.0, 10.0, 50.0, 40.0]])
wrong = {
    "no targets in train mode": ([image], None),
    "a uint8 image": (
        [(image * 255).to(torch.uint8)],
        [{"boxes": box, "labels": torch.tensor([1])}],
    ),
    "labels as floats": ([image], [{"boxes": box, "labels": torch.tensor([1.0])}]),
    "x2 < x1 (an xywh box)": (
        [image],
        [{"boxes": torch.tensor([[10.0, 10.0, 5.0, 40.0]]), "labels": torch.tensor([1])}],
    ),
    "label == num_classes": ([image], [{"boxes": box, "labels": torch.tensor([3])}]),
}
for what, (images, targets) in wrong.items():
    try:
        model(images, targets)
    except (AssertionError, TypeError, IndexError) as e:
        print(f"{what}:\n  {type(e).__name__} {e}")
# --8<-- [end:wrong_targets]

# --8<-- [start:new_predictor]
import torch
from torchvision.models.detection import fasterrcnn_mobilenet_v3_large_320_fpn
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor

model = fasterrcnn_mobilenet_v3_large_320_fpn(weights=None, weights_backbone=None)
print(model.roi_heads.box_predictor)  # 91 classes: COCO's ids, with the background
in_features = model.roi_heads.box_predictor.cls_score.in_features
model.roi_heads.box_predictor = FastRCNNPredictor(in_features, num_classes=3)
print(model.roi_heads.box_predictor)  # background + 2 classes: 4 box coordinates per class
try:  # the shortcut fails with pretrained weights (it raises before any download)
    fasterrcnn_mobilenet_v3_large_320_fpn(weights="DEFAULT", num_classes=3)
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:new_predictor]

# --8<-- [start:coco_weights]
from torchvision.models.detection import (
    FasterRCNN_ResNet50_FPN_Weights,
    MaskRCNN_ResNet50_FPN_Weights,
)

for weights in (FasterRCNN_ResNet50_FPN_Weights.DEFAULT, MaskRCNN_ResNet50_FPN_Weights.DEFAULT):
    print(weights, f"{weights.meta['num_params']:,}")
categories = weights.meta["categories"]  # index it with a predicted label
print(len(categories), categories[:4], categories[18], categories.count("N/A"))
print(weights.transforms())  # only scales uint8 to float 0..1: the model resizes and normalizes
# --8<-- [end:coco_weights]
