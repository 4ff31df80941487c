# %% [markdown]
# # Tabular data with an MLP
#
# Predict a house price from six numeric columns with a small multilayer perceptron, following the
# road map from raw table to predictions on new rows. The data is synthetic and made in memory, so
# the whole notebook runs offline in a few seconds.

# %% [markdown]
# ## 1. The problem
#
# Each row is a house: floor area, rooms, age, distance to the center, floor and whether it has a
# garden. The target is its price in thousands. That is **regression**: one real number out, so the
# model ends in `nn.Linear(..., 1)` with no activation, and the loss is the mean squared error.
#
# We invent the table from a fixed seed. The price depends on the columns in a non-linear way
# (old houses lose value quadratically, price falls off with `1 / distance`), plus noise that no
# model can predict.

# %%
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)

COLUMNS = ["area_m2", "rooms", "age_years", "distance_km", "floor", "garden"]


def fair_price(x: torch.Tensor) -> torch.Tensor:
    area, rooms, age, distance, floor, garden = x.unbind(dim=1)
    return 2.5 * area + 12 * rooms - 0.03 * age**2 + 600 / (distance + 2) + 2 * floor + 40 * garden


def make_houses(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    area = torch.empty(n).uniform_(30, 200)
    rooms = torch.randint(1, 7, (n,)).float()
    age = torch.empty(n).uniform_(0, 80)
    distance = torch.empty(n).uniform_(0.5, 30)
    floor = torch.randint(0, 12, (n,)).float()
    garden = torch.bernoulli(torch.full((n,), 0.4))
    x = torch.stack([area, rooms, age, distance, floor, garden], dim=1)
    price = fair_price(x) + 10 * torch.randn(n)  # plus noise: what the market adds
    return x, price.unsqueeze(1)  # targets shaped (n, 1), like the model's output


x_all, y_all = make_houses(1200)
print(x_all.shape, y_all.shape, x_all.dtype)
print("first row:", {c: round(v, 1) for c, v in zip(COLUMNS, x_all[0].tolist(), strict=True)})
print(f"price from {y_all.min():.0f} to {y_all.max():.0f}, standard deviation {y_all.std():.0f}")

# %% [markdown]
# ## 2. Split, then standardize with the training statistics
#
# The columns live on very different scales (area in the hundreds, garden 0 or 1), which slows
# gradient descent down. Standardizing gives every column mean 0 and standard deviation 1. The mean
# and standard deviation come from the **training rows only**: the validation rows, and later any
# new row, are transformed with those same numbers, as if we had never seen them. We standardize the
# target too and undo that when we report prices.

# %%
perm = torch.randperm(len(x_all))
train_idx, val_idx = perm[:1000], perm[1000:]
x_train, y_train = x_all[train_idx], y_all[train_idx]
x_val, y_val = x_all[val_idx], y_all[val_idx]

x_mean, x_std = x_train.mean(dim=0), x_train.std(dim=0)
y_mean, y_std = y_train.mean(), y_train.std()

print("train means:", [round(v, 1) for v in x_mean.tolist()])
standardized = (x_train - x_mean) / x_std
print(
    "after standardizing:",
    standardized.mean(0).abs().max().item() < 1e-5,
    torch.allclose(standardized.std(0), torch.ones(6)),
)

# %% [markdown]
# ## 3. A `Dataset` and `DataLoader`s
#
# The `Dataset` applies the standardization, so raw rows go in and model-ready tensors come out. The
# training loader shuffles every epoch; the validation loader does not need to.


# %%
class HouseDataset(Dataset):
    def __init__(self, x, y):
        self.x = (x - x_mean) / x_std
        self.y = (y - y_mean) / y_std

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


train_ds, val_ds = HouseDataset(x_train, y_train), HouseDataset(x_val, y_val)
train_loader = DataLoader(train_ds, batch_size=64, shuffle=True)
val_loader = DataLoader(val_ds, batch_size=256)

xb, yb = next(iter(train_loader))
print(len(train_ds), len(val_ds), "rows;", len(train_loader), "batches per epoch")
print("one batch:", xb.shape, yb.shape)

# %% [markdown]
# ## 4. Model, loss, optimizer
#
# Two hidden layers of 64 units with ReLU. The last layer stays linear: a price can be any number.

# %%
model = nn.Sequential(
    nn.Linear(len(COLUMNS), 64),
    nn.ReLU(),
    nn.Linear(64, 64),
    nn.ReLU(),
    nn.Linear(64, 1),
)
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
print(model)
print("parameters:", sum(p.numel() for p in model.parameters()))

# %% [markdown]
# ## 5. Train and validate
#
# One epoch is a pass over the training loader. `loss.item()` is the **mean** over a batch, and the
# last batch is smaller (1000 = 15 × 64 + 40), so the epoch loss weights each batch loss by its size
# and divides by the number of rows. Validation runs in `eval()` mode under `torch.no_grad()`.


# %%
def run_epoch(loader, train: bool) -> float:
    model.train(train)
    total = 0.0
    with torch.set_grad_enabled(train):
        for xb, yb in loader:
            if train:
                optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            if train:
                loss.backward()
                optimizer.step()
            total += loss.item() * len(xb)
    return total / len(loader.dataset)


history = {"train": [], "val": []}
EPOCHS = 30
for epoch in range(EPOCHS):
    history["train"].append(run_epoch(train_loader, train=True))
    history["val"].append(run_epoch(val_loader, train=False))
    if epoch % 10 == 9:
        train_loss, val_loss = history["train"][-1], history["val"][-1]
        print(f"epoch {epoch + 1:2d}  train {train_loss:.4f}  validation {val_loss:.4f}")

# %% [markdown]
# ## 6. The loss curve
#
# Both curves drop fast, then flatten. The training loss ends close to the noise floor: the noise
# we put into the prices has a standard deviation of 10, against 143 for the prices, so no model can
# get below about (10 / 143)² ≈ 0.005 in standardized units. The validation loss stays somewhat
# higher (the model fits the rows it trained on a little better than rows it has never seen), but
# it does not rise: no sign of overfitting.

# %%
fig, ax = plt.subplots(figsize=(5, 3), dpi=100)
ax.plot(range(1, EPOCHS + 1), history["train"], label="train")
ax.plot(range(1, EPOCHS + 1), history["val"], label="validation")
ax.set_yscale("log")
ax.set_xlabel("epoch")
ax.set_ylabel("MSE (standardized)")
ax.legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 7. Evaluate in real units
#
# Undo the target standardization and report the root mean squared error in thousands, and R², the
# share of the price variance the model explains (1 is perfect, 0 is "always predict the mean").

# %%
model.eval()
with torch.no_grad():
    pred_val = model((x_val - x_mean) / x_std) * y_std + y_mean

rmse = torch.sqrt(((pred_val - y_val) ** 2).mean()).item()
r2 = 1 - ((pred_val - y_val) ** 2).sum().item() / ((y_val - y_val.mean()) ** 2).sum().item()
print(f"validation RMSE: {rmse:.1f} thousand")
print(f"validation R^2: {r2:.3f}")
print("R^2 above 0.95:", r2 > 0.95)
assert r2 > 0.95

# %% [markdown]
# ## 8. Predict on new rows, save, reload
#
# New rows go through exactly the same steps: standardize with the **training** statistics, run the
# model in `eval()` mode without gradients, then turn the output back into a price. Since we made
# the data, we can compare with the noise-free price. To reuse the
# model later, save its `state_dict` together with the statistics: without them, the weights are
# useless. (We save into a temporary folder here; use your own path.)

# %%
new_houses = torch.tensor(
    [
        # area, rooms, age, distance, floor, garden
        [120.0, 4, 10, 3.0, 2, 1],
        [60.0, 2, 30, 12.0, 3, 0],
    ]
)


def predict(net, rows, stats):
    net.eval()
    with torch.no_grad():
        scaled = net((rows - stats["x_mean"]) / stats["x_std"])
    return scaled * stats["y_std"] + stats["y_mean"]


stats = {"x_mean": x_mean, "x_std": x_std, "y_mean": y_mean, "y_std": y_std}
print("predicted prices:", predict(model, new_houses, stats).squeeze(1).round().tolist())
print("fair prices:     ", fair_price(new_houses).round().tolist())

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "house_mlp.pt"
    torch.save({"model": model.state_dict(), "stats": stats}, path)
    checkpoint = torch.load(path, weights_only=True)  # tensors and dicts only: safe to load

restored = nn.Sequential(
    nn.Linear(len(COLUMNS), 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1)
)
restored.load_state_dict(checkpoint["model"])
same = torch.equal(
    predict(restored, new_houses, checkpoint["stats"]), predict(model, new_houses, stats)
)
print("reloaded model predicts the same:", same)
assert same
