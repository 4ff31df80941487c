"""Reproduce a failing batch: save the batch, the weights and the RNG state when a step fails."""

# --8<-- [start:save_on_failure]
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X, Y = torch.randn(256, 8), torch.randn(256, 1)
X[173, 2] = float("nan")  # one corrupt sample, somewhere in the data
ids = torch.arange(len(X))  # carry each sample's index through the loader
loader = DataLoader(TensorDataset(ids, X, Y), batch_size=32, shuffle=True)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(x, y):
    optimizer.zero_grad()
    out = model(x)
    loss = F.mse_loss(out, y)
    if not torch.isfinite(loss):
        raise FloatingPointError(f"loss is {loss.item()}")
    loss.backward()
    optimizer.step()
    return out


try:
    for epoch in range(2):
        for step, (batch_ids, x, y) in enumerate(loader):
            # what this step runs with; the RNG state before dropout draws from it
            current = dict(
                epoch=epoch, step=step, ids=batch_ids, x=x, y=y, rng=torch.get_rng_state()
            )
            train_step(x, y)
except Exception as e:
    torch.save(
        {**current, "model": model.state_dict(), "optimizer": optimizer.state_dict()},
        "failing_batch.pt",
    )
    print(f"{type(e).__name__} at epoch {current['epoch']}, step {current['step']}: {e}; saved")
# --8<-- [end:save_on_failure]

# --8<-- [start:reload_and_rerun]
torch.use_deterministic_algorithms(True)  # on a GPU: no run-to-run differences in kernels
saved = torch.load("failing_batch.pt", weights_only=True)
model.load_state_dict(saved["model"])
optimizer.load_state_dict(saved["optimizer"])
model.train()  # the mode it failed in: dropout on
bad = ~torch.isfinite(saved["x"]).all(dim=1)
print("samples with non-finite inputs:", saved["ids"][bad].tolist())

torch.set_rng_state(saved["rng"])
first = model(saved["x"])
torch.set_rng_state(saved["rng"])
again = model(saved["x"])  # the same dropout masks: the same numbers
unseeded = model(saved["x"])  # the RNG has moved on: other masks
good = ~bad
print(torch.equal(first[good], again[good]), torch.equal(first[good], unseeded[good]))
# --8<-- [end:reload_and_rerun]
