"""Semantic segmentation models: output dict and shapes, the aux loss, a new head, per-class IoU."""

# --8<-- [start:eval_output]
import torch
from torchvision.models.segmentation import deeplabv3_mobilenet_v3_large

torch.manual_seed(0)
model = deeplabv3_mobilenet_v3_large(weights=None, weights_backbone=None, num_classes=3)
model.eval()
images = torch.rand(2, 3, 50, 70)  # a batch (N, 3, H, W), any H and W
with torch.no_grad():
    output = model(images)  # a dict, not a tensor
print(list(output))
print(output["out"].shape)  # (N, num_classes, H, W): a score per class for every pixel
mask = output["out"].argmax(dim=1)  # the predicted class of every pixel
print(mask.shape, mask.dtype)
# --8<-- [end:eval_output]

# --8<-- [start:train_aux]
import torch
from torch import nn
from torchvision.models.segmentation import deeplabv3_mobilenet_v3_large

torch.manual_seed(0)
model = deeplabv3_mobilenet_v3_large(
    weights=None, weights_backbone=None, num_classes=3, aux_loss=True
)
images = torch.rand(2, 3, 64, 64)
target = torch.randint(0, 3, (2, 64, 64))  # (N, H, W) int64: a class index per pixel
target[:, :2] = 255  # pixels to leave out of the loss, as on object borders in Pascal VOC
criterion = nn.CrossEntropyLoss(ignore_index=255)
model.train()
output = model(images)
print({name: tuple(value.shape) for name, value in output.items()})
loss = criterion(output["out"], target) + 0.5 * criterion(output["aux"], target)
loss.backward()
try:
    criterion(output, target)  # the whole dict
except TypeError as e:
    print(type(e).__name__, e)
# --8<-- [end:train_aux]

# --8<-- [start:batch_of_one]
import torch
from torchvision.models.segmentation import deeplabv3_mobilenet_v3_large

model = deeplabv3_mobilenet_v3_large(weights=None, weights_backbone=None, num_classes=3)
model.train()
try:
    model(torch.rand(1, 3, 64, 64))  # one image, in training mode
except ValueError as e:
    print(type(e).__name__, e)
print(model(torch.rand(2, 3, 64, 64))["out"].shape)
# --8<-- [end:batch_of_one]

# --8<-- [start:new_head]
import torch
from torch import nn
from torchvision.models.segmentation import deeplabv3_mobilenet_v3_large

model = deeplabv3_mobilenet_v3_large(weights=None, weights_backbone=None, aux_loss=True)
print(model.classifier[4])  # 21 classes: Pascal VOC's 20 and the background
model.classifier[4] = nn.Conv2d(model.classifier[4].in_channels, 3, kernel_size=1)
model.aux_classifier[4] = nn.Conv2d(model.aux_classifier[4].in_channels, 3, kernel_size=1)
print(model.classifier[4])
try:  # the shortcut fails with pretrained weights (it raises before any download)
    deeplabv3_mobilenet_v3_large(weights="DEFAULT", num_classes=3)
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:new_head]

# --8<-- [start:iou]
import torch

num_classes = 3
target = torch.tensor([[0, 0, 1, 1], [0, 2, 2, 1]])  # 8 pixels
predicted = torch.tensor([[0, 1, 1, 1], [0, 2, 0, 1]])
pairs = target.flatten() * num_classes + predicted.flatten()  # (true, predicted) as one number
confusion = torch.bincount(pairs, minlength=num_classes**2).reshape(num_classes, num_classes)
print(confusion)  # row: true class, column: predicted class
intersection = confusion.diag()
union = confusion.sum(0) + confusion.sum(1) - intersection
iou = intersection / union
print(iou, round(iou.mean().item(), 4))  # per class, and the mean IoU
print("pixel accuracy:", (predicted == target).float().mean().item())
# --8<-- [end:iou]
