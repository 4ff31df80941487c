"""A learning-rate range test: sweep the learning rate exponentially and watch the loss."""

# --8<-- [start:range_test]
import copy
import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
X = torch.randn(2048, 10)
Y = (X @ torch.randn(10, 4)).argmax(dim=1)  # a learnable 4-class problem
model = nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 4))
saved = copy.deepcopy(model.state_dict())  # the test wrecks the weights: keep a copy

lr_min, lr_max, steps = 1e-4, 10.0, 60
optimizer = torch.optim.SGD(model.parameters(), lr=lr_min, momentum=0.9)
gamma = (lr_max / lr_min) ** (1 / (steps - 1))  # multiply the lr by this every step
scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=gamma)
lrs, losses, smooth, best = [], [], 0.0, math.inf
for step in range(steps):
    idx = torch.randint(0, len(X), (64,))
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X[idx]), Y[idx])
    loss.backward()
    optimizer.step()
    smooth = 0.9 * smooth + 0.1 * loss.item()  # an exponential moving average ...
    smoothed = smooth / (1 - 0.9 ** (step + 1))  # ... without its bias towards 0 at the start
    lrs.append(scheduler.get_last_lr()[0])
    losses.append(smoothed)
    best = min(best, smoothed)
    if not math.isfinite(smoothed) or smoothed > 4 * best:  # it blew up: stop
        break
    scheduler.step()
lowest = lrs[losses.index(best)]
print(f"{len(lrs)} steps, lowest loss at lr {lowest:.2g}, stopped at lr {lrs[-1]:.2g}")
print(f"suggested lr: {lowest / 10:.2g}")
model.load_state_dict(saved)  # back to the initial weights before real training
# --8<-- [end:range_test]

# --8<-- [start:plot]
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(5, 3))
ax.plot(lrs, losses)
ax.set_xscale("log")
ax.axvline(lowest / 10, color="tab:green", linestyle="--", label="suggested lr")
ax.axvline(lowest, color="tab:red", linestyle=":", label="lowest loss")
ax.set_xlabel("learning rate")
ax.set_ylabel("smoothed loss")
ax.legend()
fig.savefig("lr_range_test.png", bbox_inches="tight")
plt.close(fig)
# --8<-- [end:plot]

# --8<-- [start:use_it]
import torch
import torch.nn.functional as F

for lr in (lowest / 10, lowest, lrs[-1]):  # the suggestion, the lowest point, the blow-up
    torch.manual_seed(1)
    model.load_state_dict(saved)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    for _ in range(100):
        idx = torch.randint(0, len(X), (64,))
        optimizer.zero_grad()
        loss = F.cross_entropy(model(X[idx]), Y[idx])
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        full = F.cross_entropy(model(X), Y).item()
    print(f"lr {lr:.2g}: loss after 100 steps", f"{full:.2f}" if full < 1 else "above 1")
# --8<-- [end:use_it]
