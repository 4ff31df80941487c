"""Transfer learning: freeze a pretrained backbone, replace the head, fine-tune."""

# --8<-- [start:freeze_replace]
from torch import nn
from torchvision import models
from torchvision.models import ResNet18_Weights

model = models.resnet18(weights=ResNet18_Weights.DEFAULT)
model.requires_grad_(False)  # freeze every parameter of the backbone
model.fc = nn.Linear(model.fc.in_features, 5)  # a new head for 5 classes: trainable

trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
total = sum(p.numel() for p in model.parameters())
print(model.fc)
print(f"trainable {trainable} of {total}")
# --8<-- [end:freeze_replace]

# --8<-- [start:order_pitfall]
from torch import nn
from torchvision import models

model = models.resnet18(weights=None)  # weights=ResNet18_Weights.DEFAULT in real use
model.fc = nn.Linear(model.fc.in_features, 5)
model.requires_grad_(False)  # wrong order: freezes the new head too
print(sum(p.numel() for p in model.parameters() if p.requires_grad))
# --8<-- [end:order_pitfall]

# --8<-- [start:mobilenet_head]
import torch
from torch import nn
from torchvision import models
from torchvision.models import MobileNet_V3_Small_Weights

model = models.mobilenet_v3_small(weights=MobileNet_V3_Small_Weights.DEFAULT)
model.features.requires_grad_(False)  # the convolutional backbone
model.classifier[-1] = nn.Linear(model.classifier[-1].in_features, 5)
print(model.classifier)

model.eval()
with torch.no_grad():
    print(model(torch.rand(2, 3, 64, 64)).shape)
# --8<-- [end:mobilenet_head]

# --8<-- [start:concat_pool]
import torch
from torch import nn
from torchvision import models


class ConcatPool2d(nn.Module):
    """Average and max pooling side by side: twice the channels."""

    def __init__(self):
        super().__init__()
        self.avg, self.max = nn.AdaptiveAvgPool2d(1), nn.AdaptiveMaxPool2d(1)

    def forward(self, x):
        return torch.cat([self.avg(x), self.max(x)], dim=1)


model = models.resnet18(weights=None)  # weights=ResNet18_Weights.DEFAULT in real use
model.avgpool = ConcatPool2d()
model.fc = nn.Linear(2 * model.fc.in_features, 5)  # 1024 inputs, not 512
print(model.avgpool(torch.rand(2, 512, 2, 2)).shape)
print(model.eval()(torch.rand(2, 3, 64, 64)).shape)
# --8<-- [end:concat_pool]

# --8<-- [start:param_groups]
import torch
from torch import nn
from torchvision import models

model = models.resnet18(weights=None)  # weights=ResNet18_Weights.DEFAULT in real use
model.fc = nn.Linear(model.fc.in_features, 5)
head = list(model.fc.parameters())
backbone = [p for name, p in model.named_parameters() if not name.startswith("fc.")]

optimizer = torch.optim.AdamW(
    [{"params": backbone, "lr": 1e-5}, {"params": head}],  # the head gets the default lr
    lr=1e-3,
)
for name, group in zip(["backbone", "head"], optimizer.param_groups, strict=True):
    values = sum(p.numel() for p in group["params"])
    print(f"{name}: lr {group['lr']}, {len(group['params'])} tensors, {values} values")
# --8<-- [end:param_groups]

# --8<-- [start:batchnorm_pitfall]
import torch
from torchvision import models

model = models.resnet18(weights=None)  # weights=ResNet18_Weights.DEFAULT in real use
model.requires_grad_(False)
before = model.bn1.running_mean.clone()

model.train()
model(torch.rand(2, 3, 32, 32))  # a training-mode forward pass
print(torch.equal(before, model.bn1.running_mean))  # frozen, yet changed
# --8<-- [end:batchnorm_pitfall]

# --8<-- [start:train_head]
import torch
from torch import nn
from torchvision import models

torch.manual_seed(0)
model = models.resnet18(weights=None)  # weights=ResNet18_Weights.DEFAULT in real use
model.requires_grad_(False)
model.fc = nn.Linear(model.fc.in_features, 5)
optimizer = torch.optim.SGD(model.fc.parameters(), lr=0.1)
x, y = torch.rand(4, 3, 32, 32), torch.tensor([0, 1, 2, 3])
conv1, fc = model.conv1.weight.clone(), model.fc.weight.clone()

model.eval()  # backbone: batch norm keeps its running statistics
for step in range(2):
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    print(step, round(loss.item(), 3))
print(torch.equal(conv1, model.conv1.weight), torch.equal(fc, model.fc.weight))
# --8<-- [end:train_head]
