"""Early stopping with the best weights kept in memory; gradient accumulation."""

# --8<-- [start:early_stopping]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
X = torch.rand(40, 1) * 4 - 2
y = X**2 / 2 + 0.3 * torch.randn_like(X)  # few noisy samples: easy to overfit
X, y = X.to(device), y.to(device)
X_train, y_train, X_val, y_val = X[:20], y[:20], X[20:], y[20:]
model = nn.Sequential(nn.Linear(1, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
model = model.to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()

patience, bad_epochs, best_loss = 10, 0, float("inf")
for epoch in range(1, 501):
    model.train()
    optimizer.zero_grad()
    loss = loss_fn(model(X_train), y_train)
    loss.backward()
    optimizer.step()
    model.eval()
    with torch.no_grad():
        val_loss = loss_fn(model(X_val), y_val).item()
    if val_loss < best_loss:  # improvement: remember these weights
        best_loss, best_epoch, bad_epochs = val_loss, epoch, 0
        # a copy on the CPU: it does not follow later updates and holds no GPU memory
        best_state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
    else:
        bad_epochs += 1
        if bad_epochs == patience:  # no improvement for `patience` epochs
            break
print("stopped at epoch", epoch, "- best epoch", best_epoch, "- best val loss", round(best_loss, 4))
# --8<-- [end:early_stopping]

# --8<-- [start:restore_best]
model.load_state_dict(best_state)
model.eval()
with torch.no_grad():
    restored = loss_fn(model(X_val), y_val).item()
print("last:", round(val_loss, 4), "restored:", round(restored, 4), restored == best_loss)
print("best copy kept on:", best_state["0.weight"].device.type)  # load_state_dict copies it back
# --8<-- [end:restore_best]

# --8<-- [start:state_dict_is_live]
import torch
from torch import nn

model = nn.Linear(2, 1)
live = model.state_dict()  # tensors that share memory with the model
snapshot = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}  # a copy
with torch.no_grad():
    model.weight.add_(1.0)  # what optimizer.step() does: update in place
print(torch.equal(live["weight"], model.weight))  # the "saved" weights moved too
print(torch.equal(snapshot["weight"], model.weight))  # the snapshot kept the old ones
# --8<-- [end:state_dict_is_live]

# --8<-- [start:accumulation_gradient]
import torch
from torch import nn

torch.manual_seed(0)
model, loss_fn = nn.Linear(3, 1), nn.MSELoss()
X, y = torch.randn(8, 3), torch.randn(8, 1)

loss_fn(model(X), y).backward()  # one batch of 8
full = model.weight.grad.clone()
model.zero_grad()

accum_steps = 4
for xb, yb in zip(X.split(2), y.split(2), strict=True):  # 4 micro-batches of 2
    (loss_fn(model(xb), yb) / accum_steps).backward()  # .grad adds up across the calls
print(torch.allclose(model.weight.grad, full))
model.zero_grad()

for xb, yb in zip(X.split(2), y.split(2), strict=True):
    loss_fn(model(xb), yb).backward()  # forgot to divide by accum_steps
print(torch.allclose(model.weight.grad, full), torch.allclose(model.weight.grad, 4 * full))
# --8<-- [end:accumulation_gradient]

# --8<-- [start:accumulation_loop]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def train(batch_size, accum_steps):
    torch.manual_seed(0)
    data = TensorDataset(torch.randn(32, 3), torch.randn(32, 1))
    loader = DataLoader(data, batch_size=batch_size)  # same order in both runs
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for i, (xb, yb) in enumerate(loader):
        if i % accum_steps == 0:  # the first of accum_steps batches: start from zero
            optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(xb), yb) / accum_steps
        loss.backward()  # adds to .grad
        if (i + 1) % accum_steps == 0:  # step once every accum_steps batches
            optimizer.step()
    return model.weight.detach()


print(torch.allclose(train(batch_size=8, accum_steps=1), train(batch_size=2, accum_steps=4)))
# --8<-- [end:accumulation_loop]
