"""Extract features: cut the head off, pick inner layers by name, train a linear probe."""

# --8<-- [start:identity_head]
import torch
from torch import nn
from torchvision import models

model = models.resnet18(weights=None)  # weights=ResNet18_Weights.DEFAULT in real use
model.fc = nn.Identity()  # the model now returns what fc received
model.eval()
with torch.no_grad():
    print(model(torch.rand(2, 3, 32, 32)).shape)
# --8<-- [end:identity_head]

# --8<-- [start:children]
import torch
from torch import nn
from torchvision import models

model = models.resnet18(weights=None).eval()  # weights=ResNet18_Weights.DEFAULT in real use
body = nn.Sequential(*list(model.children())[:-1])  # every child but fc
with torch.no_grad():
    features = body(torch.rand(2, 3, 32, 32))
print(features.shape)
print(features.flatten(1).shape)  # forward() flattened here; the Sequential does not
# --8<-- [end:children]

# --8<-- [start:node_names]
from torchvision import models
from torchvision.models.feature_extraction import get_graph_node_names

model = models.resnet18(weights=None)
train_nodes, eval_nodes = get_graph_node_names(model)
print(len(eval_nodes), eval_nodes[:3])
print(eval_nodes[-4:])
# --8<-- [end:node_names]

# --8<-- [start:feature_extractor]
import torch
from torchvision import models
from torchvision.models.feature_extraction import create_feature_extractor

model = models.resnet18(weights=None).eval()  # weights=ResNet18_Weights.DEFAULT in real use
extractor = create_feature_extractor(
    model, return_nodes={"layer2": "fine", "layer4": "coarse", "flatten": "pooled"}
)
with torch.no_grad():
    out = extractor(torch.rand(2, 3, 64, 64))
for name, t in out.items():
    print(name, tuple(t.shape))
# --8<-- [end:feature_extractor]

# --8<-- [start:linear_probe]
import torch
from torch import nn
from torchvision import models

torch.manual_seed(0)
backbone = models.resnet18(weights=None).eval()  # weights=ResNet18_Weights.DEFAULT in real use
backbone.fc = nn.Identity()
images, labels = torch.rand(8, 3, 32, 32), torch.tensor([0, 1, 2, 3] * 2)
with torch.no_grad():
    features = backbone(images)  # run the backbone once, keep the features

probe = nn.Linear(512, 4)
optimizer = torch.optim.Adam(probe.parameters(), lr=0.01)
for _ in range(100):  # each step costs a matrix product, not a ResNet
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(probe(features), labels)
    loss.backward()
    optimizer.step()
print(features.shape, (probe(features).argmax(1) == labels).float().mean().item())
# --8<-- [end:linear_probe]
