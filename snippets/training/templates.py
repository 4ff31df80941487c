"""Three complete training templates: regression, binary and multiclass classification."""

# --8<-- [start:regression]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
X = torch.rand(512, 1) * 6 - 3  # inputs in [-3, 3], shape (N, 1)
y = torch.sin(X) + 0.1 * torch.randn_like(X)  # noisy sine, float target (N, 1)
X_train, y_train, X_val, y_val = X[:400], y[:400], X[400:], y[400:]
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=64, shuffle=True)

model = nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 1)).to(device)
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)

for _ in range(50):  # epochs
    model.train()
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()

model.eval()
with torch.no_grad():
    val_mse = loss_fn(model(X_val.to(device)), y_val.to(device)).item()
print("val MSE:", round(val_mse, 3))
print("val MSE below 0.02:", val_mse < 0.02)  # the noise alone gives 0.01
# --8<-- [end:regression]

# --8<-- [start:binary]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
X = torch.randn(512, 2)
y = (X.pow(2).sum(dim=1) < 1.5).float().unsqueeze(1)  # inside a circle? float 0/1, (N, 1)
X_train, y_train, X_val, y_val = X[:400], y[:400], X[400:], y[400:]
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=64, shuffle=True)

model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 1)).to(device)  # 1 logit
loss_fn = nn.BCEWithLogitsLoss()  # applies the sigmoid itself
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)

for _ in range(10):  # epochs
    model.train()
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()

model.eval()
with torch.no_grad():
    logits = model(X_val.to(device))
    pred = (logits > 0).float()  # logit > 0  <=>  probability > 0.5
    accuracy = (pred == y_val.to(device)).float().mean().item()
print("val accuracy:", round(accuracy, 2))
print("accuracy above 0.9:", accuracy > 0.9)
# --8<-- [end:binary]

# --8<-- [start:multiclass]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
centers = torch.tensor([[0.0, 3.0], [-3.0, -2.0], [3.0, -2.0]])
y = torch.randint(0, 3, (600,))  # class indices: int64, shape (N,)
X = centers[y] + torch.randn(600, 2)  # three Gaussian blobs
X_train, y_train, X_val, y_val = X[:480], y[:480], X[480:], y[480:]
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=64, shuffle=True)

model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3)).to(device)  # 3 logits
loss_fn = nn.CrossEntropyLoss()  # applies log-softmax itself
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)

for _ in range(5):  # epochs
    model.train()
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()

model.eval()
with torch.no_grad():
    pred = model(X_val.to(device)).argmax(dim=1)
    accuracy = (pred == y_val.to(device)).float().mean().item()
print("val accuracy:", round(accuracy, 2))
print("accuracy above 0.9:", accuracy > 0.9)
# --8<-- [end:multiclass]
