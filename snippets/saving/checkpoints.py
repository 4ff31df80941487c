"""Checkpoints: model, optimizer, scheduler, scaler and RNG states together, then resume."""

# --8<-- [start:save_checkpoint]
import random

import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
model = nn.Linear(3, 1).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)
scaler = torch.amp.GradScaler(device)  # only if you train in float16 with a GradScaler
checkpoint = {
    "epoch": 5,
    "model": model.state_dict(),
    "optimizer": optimizer.state_dict(),  # Adam's moments, step counts, current lr
    "scheduler": scheduler.state_dict(),  # how far along the schedule is
    "scaler": scaler.state_dict(),  # the loss scale and its growth counter
    "rng": {"torch": torch.get_rng_state(), "python": random.getstate()},  # CUDA, NumPy: below
}
torch.save(checkpoint, "checkpoint.pt")
loaded = torch.load("checkpoint.pt", weights_only=True)  # plain dicts, tensors, numbers: allowed
print(list(loaded), loaded["epoch"])
# --8<-- [end:save_checkpoint]

# --8<-- [start:setup]
import random

import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
X, Y = torch.randn(64, 3, device=device), torch.randn(64, 1, device=device)  # tiny regression


def make():  # model, optimizer and scheduler, built the same way every time
    model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Dropout(0.2), nn.Linear(8, 1)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=4)
    return model, optimizer, scheduler


def train(model, optimizer, scheduler, epochs):
    lrs = []
    for _ in range(epochs):
        for idx in torch.randperm(64).split(16):  # shuffling and dropout draw random numbers
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(X[idx]), Y[idx])
            loss.backward()
            optimizer.step()
        lrs.append(round(scheduler.get_last_lr()[0], 4))
        scheduler.step()  # once per epoch
    return lrs


torch.manual_seed(1)
straight, opt, sched = make()
print("learning rates:", train(straight, opt, sched, epochs=4))  # the reference, in one go
# --8<-- [end:setup]


# --8<-- [start:resume]
def rng_states():  # every generator the training draws from
    states = {"torch": torch.get_rng_state(), "python": random.getstate()}
    if torch.cuda.is_available():
        states["cuda"] = torch.cuda.get_rng_state_all()  # one per GPU: CUDA dropout draws here
    return states


def set_rng_states(states):
    torch.set_rng_state(states["torch"])
    random.setstate(states["python"])
    if "cuda" in states:
        torch.cuda.set_rng_state_all(states["cuda"])


torch.manual_seed(1)
model, opt, sched = make()
lrs = train(model, opt, sched, epochs=2)
checkpoint = {
    "epoch": 2,
    "model": model.state_dict(),
    "optimizer": opt.state_dict(),
    "scheduler": sched.state_dict(),
    "rng": rng_states(),  # last, after everything that draws random numbers
}
torch.save(checkpoint, "checkpoint.pt")

model, opt, sched = make()  # new objects, as in a new process
ckpt = torch.load("checkpoint.pt", weights_only=True)
model.load_state_dict(ckpt["model"])
opt.load_state_dict(ckpt["optimizer"])
sched.load_state_dict(ckpt["scheduler"])
set_rng_states(ckpt["rng"])
lrs += train(model, opt, sched, epochs=4 - ckpt["epoch"])
print("learning rates:", lrs)
print(
    all(torch.equal(a, b) for a, b in zip(model.parameters(), straight.parameters(), strict=True))
)
# --8<-- [end:resume]

# --8<-- [start:resume_pitfall]
torch.manual_seed(1)
model, opt, sched = make()
lrs = train(model, opt, sched, epochs=2)
state, rng = model.state_dict(), rng_states()  # optimizer and scheduler state not kept

model, opt, sched = make()
model.load_state_dict(state)
set_rng_states(rng)
lrs += train(model, opt, sched, epochs=2)  # Adam restarts from zero moments, the schedule at 0
print("learning rates:", lrs)
print(
    all(torch.equal(a, b) for a, b in zip(model.parameters(), straight.parameters(), strict=True))
)
# --8<-- [end:resume_pitfall]

# --8<-- [start:numpy_state]
import numpy as np
import torch

rng = np.random.default_rng(0)  # a NumPy Generator, if your pipeline uses one
torch.save({"numpy": rng.bit_generator.state}, "rng.pt")  # a dict of ints and strings

restored = np.random.default_rng()
restored.bit_generator.state = torch.load("rng.pt", weights_only=True)["numpy"]
print(rng.random() == restored.random())

torch.save({"numpy": np.random.get_state()}, "legacy.pt")  # the global one holds an ndarray
try:
    torch.load("legacy.pt", weights_only=True)
except Exception as e:
    print(type(e).__name__, str(e).split(".")[0])
# --8<-- [end:numpy_state]
