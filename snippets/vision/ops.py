"""Box operations: box_convert, box_iou, nms, batched_nms, roi_align, masks_to_boxes."""

# --8<-- [start:box_convert]
import torch
from torchvision.ops import box_convert

xywh = torch.tensor([[10.0, 20.0, 30.0, 40.0]])  # x, y of the top-left corner, width, height
xyxy = box_convert(xywh, in_fmt="xywh", out_fmt="xyxy")  # corners: x1, y1, x2, y2
print(xyxy)
print(box_convert(xyxy, in_fmt="xyxy", out_fmt="cxcywh"))  # center x, center y, width, height
# --8<-- [end:box_convert]

# --8<-- [start:box_iou]
import torch
from torchvision.ops import box_area, box_iou

a = torch.tensor([[0.0, 0.0, 4.0, 4.0]])  # 4 x 4: area 16
b = torch.tensor([[0.0, 0.0, 4.0, 3.0], [2.0, 0.0, 6.0, 4.0], [5.0, 5.0, 6.0, 6.0]])
print(box_area(b))
print(box_iou(a, b))  # (1, 3): every box of a against every box of b
# --8<-- [end:box_iou]

# --8<-- [start:nms]
import torch
from torchvision.ops import nms

boxes = torch.tensor(
    [[0.0, 0.0, 4.0, 4.0], [0.0, 0.0, 4.0, 3.0], [2.0, 0.0, 6.0, 4.0], [5.0, 5.0, 6.0, 6.0]]
)
scores = torch.tensor([0.9, 0.8, 0.7, 0.6])
keep = nms(boxes, scores, iou_threshold=0.5)  # indices kept, highest score first
print(keep)
print(nms(boxes, scores, iou_threshold=0.3))  # a lower threshold suppresses more
# --8<-- [end:nms]

# --8<-- [start:nms_int_boxes]
import torch
from torchvision.ops import nms

boxes = torch.tensor([[0, 0, 4, 4], [0, 0, 4, 3]])  # integers, e.g. pixel coordinates
scores = torch.tensor([0.9, 0.8])
try:
    nms(boxes, scores, iou_threshold=0.5)
except RuntimeError as e:
    print(type(e).__name__, e)
print(nms(boxes.float(), scores, iou_threshold=0.5))
# --8<-- [end:nms_int_boxes]

# --8<-- [start:batched_nms]
import torch
from torchvision.ops import batched_nms, nms

boxes = torch.tensor([[0.0, 0.0, 4.0, 4.0], [0.0, 0.0, 4.0, 3.0], [5.0, 5.0, 6.0, 6.0]])
scores = torch.tensor([0.9, 0.8, 0.6])
labels = torch.tensor([0, 1, 0])  # box 1 is another class than box 0
print("nms:        ", nms(boxes, scores, iou_threshold=0.5))
print("batched_nms:", batched_nms(boxes, scores, labels, iou_threshold=0.5))
# --8<-- [end:batched_nms]

# --8<-- [start:roi_align]
import torch
import torch.nn.functional as F
from torchvision.ops import roi_align

features = torch.arange(16.0).reshape(1, 1, 4, 4)  # (N, C, H, W): a map at 1/2 image resolution
boxes = [torch.tensor([[0.0, 0.0, 8.0, 8.0]])]  # one list entry per image, in image pixels
out = roi_align(features, boxes, output_size=2, spatial_scale=0.5, sampling_ratio=2, aligned=True)
print(out.shape)  # (number of boxes, C, 2, 2)
print(out[0, 0])
print(torch.equal(out, F.avg_pool2d(features, 2)))  # the box covers the whole map
# --8<-- [end:roi_align]

# --8<-- [start:roi_align_scale]
import torch
from torchvision.ops import roi_align

features = torch.arange(16.0).reshape(1, 1, 4, 4)  # 1/2 image resolution
boxes = torch.tensor([[0.0, 0.0, 0.0, 8.0, 8.0]])  # (K, 5): image index, then x1, y1, x2, y2
kwargs = dict(output_size=2, sampling_ratio=2, aligned=True)
print(roi_align(features, boxes, spatial_scale=0.5, **kwargs)[0, 0])
print(roi_align(features, boxes, **kwargs)[0, 0])  # spatial_scale=1.0: a box twice too big
try:
    roi_align(features, boxes[:, 1:], **kwargs)  # a (K, 4) tensor: which image?
except AssertionError as e:
    print(type(e).__name__, e)
# --8<-- [end:roi_align_scale]

# --8<-- [start:masks_to_boxes]
import torch
from torchvision.ops import clip_boxes_to_image, masks_to_boxes, remove_small_boxes

masks = torch.zeros(2, 6, 8, dtype=torch.bool)  # 2 objects in a 6 x 8 image
masks[0, 1:3, 2:5] = True  # rows 1-2, columns 2-4
masks[1, 4, 7] = True  # a single pixel
boxes = masks_to_boxes(masks)  # x1, y1, x2, y2 of the first and last pixel
print(boxes)
print(remove_small_boxes(boxes, min_size=1.0))  # indices of boxes at least 1 wide and high
print(clip_boxes_to_image(torch.tensor([[-3.0, 2.0, 10.0, 9.0]]), size=(6, 8)))  # (H, W)
# --8<-- [end:masks_to_boxes]

# --8<-- [start:focal_loss]
import torch
import torch.nn.functional as F
from torchvision.ops import sigmoid_focal_loss

logits = torch.tensor([4.0, 0.0, -2.0, -4.0])  # easy positive, unsure, hard positive, easy negative
targets = torch.tensor([1.0, 1.0, 1.0, 0.0])  # float 0/1, the shape of logits
bce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
focal = sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2)  # reduction="none": per element
print("bce:   ", [round(v, 4) for v in bce.tolist()])
print("focal: ", [round(v, 4) for v in focal.tolist()])
print("ratio: ", [round(v, 4) for v in (focal / bce).tolist()])  # easy ones all but vanish
loss = sigmoid_focal_loss(logits, targets, reduction="sum") / targets.sum().clamp(min=1)
print("per positive:", round(loss.item(), 4))  # RetinaNet's normalization
try:
    sigmoid_focal_loss(logits, targets.long())  # class indices or int targets
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:focal_loss]
