"""Checkpoints: save model, optimizer, epoch and loss together, then resume."""

# --8<-- [start:save_checkpoint]
import os
import tempfile

import torch
from torch import nn

model = nn.Linear(3, 1)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
checkpoint = {
    "epoch": 5,
    "model": model.state_dict(),
    "optimizer": optimizer.state_dict(),  # Adam's moments, step counts, lr
    "loss": 0.25,
}
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "checkpoint.pt")
    torch.save(checkpoint, path)
    loaded = torch.load(path, weights_only=True)  # plain dicts, tensors, numbers: allowed
print(list(loaded), loaded["epoch"], loaded["loss"])
# --8<-- [end:save_checkpoint]

# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
X, Y = torch.randn(64, 3), torch.randn(64, 1)  # a tiny regression data set


def make_model_and_optimizer():
    model = nn.Linear(3, 1)
    return model, torch.optim.Adam(model.parameters(), lr=0.05)


def train(model, optimizer, epochs):
    for _ in range(epochs):
        for idx in torch.randperm(64).split(16):  # shuffled mini-batches
            loss = nn.functional.mse_loss(model(X[idx]), Y[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


torch.manual_seed(1)
straight, opt = make_model_and_optimizer()
train(straight, opt, epochs=4)  # the reference: 4 epochs in one go
print(torch.round(straight.weight.detach(), decimals=4))
# --8<-- [end:setup]

# --8<-- [start:resume]
import os
import tempfile

torch.manual_seed(1)
model, opt = make_model_and_optimizer()
train(model, opt, epochs=2)
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "checkpoint.pt")
    checkpoint = {"epoch": 2, "model": model.state_dict(), "optimizer": opt.state_dict()}
    checkpoint["rng"] = torch.get_rng_state()  # the shuffling depends on it
    torch.save(checkpoint, path)
    ckpt = torch.load(path, weights_only=True)

model, opt = make_model_and_optimizer()  # new objects, new random weights
model.load_state_dict(ckpt["model"])
opt.load_state_dict(ckpt["optimizer"])
torch.set_rng_state(ckpt["rng"])
train(model, opt, epochs=4 - ckpt["epoch"])
print(torch.equal(model.weight, straight.weight), torch.equal(model.bias, straight.bias))
# --8<-- [end:resume]

# --8<-- [start:resume_pitfall]
torch.manual_seed(1)
model, opt = make_model_and_optimizer()
train(model, opt, epochs=2)
state, rng = model.state_dict(), torch.get_rng_state()  # optimizer state not kept

model, opt = make_model_and_optimizer()
model.load_state_dict(state)
torch.set_rng_state(rng)
train(model, opt, epochs=2)  # Adam restarts from zero moments
print(torch.equal(model.weight, straight.weight))
print(torch.round((model.weight - straight.weight).detach(), decimals=4))
# --8<-- [end:resume_pitfall]
