"""Epoch loss and accuracy: weight each batch by its size, divide by the dataset size."""

# --8<-- [start:three_means]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X, y = torch.randn(10, 2), torch.randn(10, 1)
model, loss_fn = nn.Linear(2, 1), nn.MSELoss()  # loss_fn returns the mean over the batch
loader = DataLoader(TensorDataset(X, y), batch_size=4)  # batches of 4, 4 and 2

batch_means, total = [], 0.0
with torch.no_grad():
    for xb, yb in loader:
        loss = loss_fn(model(xb), yb)
        batch_means.append(loss.item())
        total += loss.item() * xb.size(0)  # undo the mean: sum of per-sample losses
    true_mean = loss_fn(model(X), y).item()  # the whole dataset in one go

naive = sum(batch_means) / len(batch_means)
weighted = total / len(loader.dataset)
print("naive mean of batch means:", round(naive, 4))
print("true mean over dataset:   ", round(true_mean, 4))
print("weighted by batch size:   ", round(weighted, 4))
print(torch.isclose(torch.tensor(weighted), torch.tensor(true_mean)).item())
# --8<-- [end:three_means]

# --8<-- [start:in_the_loop]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(10, 2)
y = (X[:, 0] > 0).long()
loader = DataLoader(TensorDataset(X, y), batch_size=4, shuffle=True)
model, loss_fn = nn.Linear(2, 2), nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)

for epoch in range(1, 4):
    running_loss, correct = 0.0, 0
    for xb, yb in loader:
        optimizer.zero_grad()
        logits = model(xb)
        loss = loss_fn(logits, yb)
        loss.backward()
        optimizer.step()
        running_loss += loss.item() * xb.size(0)  # sum, not mean
        correct += (logits.argmax(dim=1) == yb).sum().item()
    n = len(loader.dataset)
    print(f"epoch {epoch}: loss {running_loss / n:.4f}, accuracy {correct / n:.2f}")
# --8<-- [end:in_the_loop]
