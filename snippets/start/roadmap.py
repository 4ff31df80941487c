"""The deep-learning road map as one tiny end-to-end example."""

# --8<-- [start:problem]
import torch

# Problem: is a point (x1, x2) above the line x1 + x2 = 0?
# Input: 2 float features. Output: 2 classes (0 = below, 1 = above).
n_features, n_classes = 2, 2


def label(points):
    return (points.sum(dim=1) > 0).long()


print(label(torch.tensor([[1.0, 2.0], [-3.0, 1.0]])))
# --8<-- [end:problem]

# --8<-- [start:data]
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)
X = torch.randn(200, n_features)  # float32 features
y = label(X)  # int64 class indices
train_set, val_set = random_split(TensorDataset(X, y), [160, 40])
train_loader = DataLoader(train_set, batch_size=32, shuffle=True)
val_loader = DataLoader(val_set, batch_size=40)
print(len(train_set), len(val_set), X.dtype, y.dtype)
# --8<-- [end:data]

# --8<-- [start:model]
from torch import nn

model = nn.Sequential(nn.Linear(n_features, 16), nn.ReLU(), nn.Linear(16, n_classes))
print(model(X[:3]).shape)  # one row of 2 logits per point
# --8<-- [end:model]

# --8<-- [start:loss]
loss_fn = nn.CrossEntropyLoss()  # takes logits and class indices
print(round(loss_fn(model(X), y).item(), 4))  # untrained: about ln(2) = 0.6931
# --8<-- [end:loss]

# --8<-- [start:optimizer]
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
print(optimizer.defaults["lr"])
# --8<-- [end:optimizer]

# --8<-- [start:loop]
for _ in range(10):  # 10 epochs: passes over the training set
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()  # clear the previous batch's gradients
        loss = loss_fn(model(xb), yb)  # forward and loss
        loss.backward()  # gradients
        optimizer.step()  # update
print(round(loss.item(), 2))
# --8<-- [end:loop]

# --8<-- [start:evaluate]
model.eval()
correct = 0
with torch.no_grad():
    for xb, yb in val_loader:
        correct += (model(xb).argmax(dim=1) == yb).sum().item()
print(f"validation accuracy {correct / len(val_set):.3f}")
# --8<-- [end:evaluate]

# --8<-- [start:save]
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "model.pt"
    torch.save(model.state_dict(), path)  # the weights, not the Python object
    restored = nn.Sequential(nn.Linear(n_features, 16), nn.ReLU(), nn.Linear(16, n_classes))
    print(restored.load_state_dict(torch.load(path)))
print(torch.equal(restored(X[:5]), model(X[:5])))
# --8<-- [end:save]
