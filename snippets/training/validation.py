"""Validation: eval mode, no gradients, accuracy with argmax, max and topk."""

# --8<-- [start:evaluate]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def evaluate(model, loader, loss_fn, device):
    model.eval()  # dropout off, batch norm uses running stats
    total_loss, correct = 0.0, 0
    with torch.no_grad():  # no graph: less memory, faster
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            logits = model(xb)
            total_loss += loss_fn(logits, yb).item() * xb.size(0)
            correct += (logits.argmax(dim=1) == yb).sum().item()
    n = len(loader.dataset)
    return total_loss / n, correct / n


device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
X_val, y_val = torch.randn(50, 4), torch.randint(0, 3, (50,))
val_loader = DataLoader(TensorDataset(X_val, y_val), batch_size=16)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.2), nn.Linear(8, 3)).to(device)
val_loss, val_acc = evaluate(model, val_loader, nn.CrossEntropyLoss(), device)
print(round(val_loss, 4), val_acc, model.training)
# --8<-- [end:evaluate]

# --8<-- [start:argmax_max]
import torch

logits = torch.tensor([[2.0, 0.5, 0.1], [0.2, 0.3, 1.5], [0.9, 1.2, 0.4], [1.1, 0.2, 0.3]])
labels = torch.tensor([0, 2, 0, 0])

pred = logits.argmax(dim=1)  # index of the largest logit in each row
print(pred)
values, indices = logits.max(dim=1)  # max(dim=...) returns both
print(values, indices)
accuracy = (pred == labels).float().mean().item()
print(accuracy)
print(logits.argmax())  # no dim: one index into the flattened tensor
# --8<-- [end:argmax_max]

# --8<-- [start:topk]
import torch

logits = torch.tensor([[2.0, 0.5, 0.1], [0.2, 0.3, 1.5], [0.9, 1.2, 0.4], [1.1, 0.2, 0.3]])
labels = torch.tensor([0, 2, 0, 1])

top2 = logits.topk(2, dim=1).indices  # shape (batch, k), best class first
print(top2)
hit = (top2 == labels.unsqueeze(1)).any(dim=1)  # is the label among the k best?
print(hit)
print("top-1:", (logits.argmax(dim=1) == labels).float().mean().item())
print("top-2:", hit.float().mean().item())
# --8<-- [end:topk]

# --8<-- [start:forgot_eval]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 2))
x = torch.randn(3, 4)

with torch.no_grad():
    print(torch.equal(model(x), model(x)))  # still in train mode: dropout is random
    model.eval()
    print(torch.equal(model(x), model(x)))  # eval mode: deterministic
model.train()  # back to training mode before the next epoch
print(model.training)
# --8<-- [end:forgot_eval]
