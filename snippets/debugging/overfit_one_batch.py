"""Overfit one batch: the quickest test that a model, its loss and its optimizer are wired up."""

# --8<-- [start:overfit]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(16, 10)  # ONE batch, e.g. next(iter(train_loader)), reused every step
y = (x @ torch.randn(10, 4)).argmax(dim=1)  # labels that depend on x
model = nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 4))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
for step in range(101):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    if step in (0, 25, 100):
        print(f"step {step:3d}  loss {loss.item():.3f}")
print("accuracy on the batch:", (model(x).argmax(1) == y).float().mean().item())
# --8<-- [end:overfit]

# --8<-- [start:catches_bug]
import torch
import torch.nn.functional as F
from torch import nn

for name, last in [
    ("softmax + cross_entropy (bug)", nn.Softmax(dim=1)),
    ("logits (fixed)", nn.Identity()),
]:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 4), last)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    x, y = torch.randn(16, 10), torch.randint(0, 4, (16,))
    for _ in range(101):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
    print(f"{name}: final loss {loss.item():.2f}")
# --8<-- [end:catches_bug]

# --8<-- [start:random_labels]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
W = torch.randn(10, 4)
x_new = torch.randn(1000, 10)  # held-out data for both models
y_new = (x_new @ W).argmax(dim=1)
x = torch.randn(16, 10)
for name, y in [
    ("real labels", (x @ W).argmax(dim=1)),
    ("random labels", torch.randint(0, 4, (16,))),
]:
    model = nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 4))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(101):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
    accuracy = (model(x_new).argmax(1) == y_new).float().mean().item()
    print(f"{name}: batch loss {loss.item():.3f}, accuracy on new data {accuracy:.2f}")
# --8<-- [end:random_labels]
