"""The canonical training loop, and what goes wrong without zero_grad."""

# --8<-- [start:canonical]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
X = torch.randn(64, 3)
y = X @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.3  # the line to learn
loader = DataLoader(TensorDataset(X, y), batch_size=16, shuffle=True)

model = nn.Linear(3, 1).to(device)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(1, 31):
    model.train()
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()  # 1. zero: clear .grad left by the previous batch
        pred = model(xb)  # 2. forward
        loss = loss_fn(pred, yb)  # 3. loss
        loss.backward()  # 4. backward: adds d(loss)/d(param) into .grad
        optimizer.step()  # 5. step: param -= lr * param.grad
    if epoch in (1, 10, 30):
        print(f"epoch {epoch}: loss {loss.item():.4f}")
print(torch.round(model.weight.detach(), decimals=2), torch.round(model.bias.detach(), decimals=2))
# --8<-- [end:canonical]

# --8<-- [start:grads_accumulate]
import torch

w = torch.tensor(3.0, requires_grad=True)
loss = w**2  # d(loss)/dw = 2w = 6
loss.backward(retain_graph=True)
print(w.grad)
loss.backward()  # a second backward ADDS to .grad
print(w.grad)
w.grad = None  # what optimizer.zero_grad() does (set_to_none=True)
loss = w**2
loss.backward()
print(w.grad)
# --8<-- [end:grads_accumulate]

# --8<-- [start:forgot_zero_grad]
import torch
from torch import nn


def train(zero_grad):
    torch.manual_seed(0)
    X = torch.randn(64, 3)
    y = X @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.3
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(40):
        if zero_grad:
            optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        loss.backward()
        optimizer.step()
    return loss.item()


print("without zero_grad:", round(train(zero_grad=False), 4))
print("with zero_grad:   ", round(train(zero_grad=True), 4))
# --8<-- [end:forgot_zero_grad]
