"""TensorBoard: write scalars, images and a graph with SummaryWriter, then read them back."""

# --8<-- [start:scalars]
import os

import torch
from torch import nn
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
X, y = torch.randn(32, 3), torch.randn(32, 1)
model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

writer = SummaryWriter("runs/exp1")  # one folder per run
for step in range(20):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    writer.add_scalar("loss/train", loss.item(), step)  # tag, value, x-axis
    writer.add_scalar("lr", optimizer.param_groups[0]["lr"], step)
writer.close()  # writes what is buffered to disk
print("final loss:", round(loss.item(), 4))
print([name.startswith("events.out.tfevents.") for name in os.listdir("runs/exp1")])
# --8<-- [end:scalars]

# --8<-- [start:images]
import torch
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
with SummaryWriter("runs/images") as writer:  # closed at the end of the block
    writer.add_image("sample", torch.rand(3, 16, 24), global_step=0)  # C, H, W in [0, 1]
    writer.add_image("gray", torch.rand(1, 16, 24), global_step=0)
    writer.add_images("batch", torch.rand(4, 3, 16, 24), global_step=0)  # N, C, H, W: one row
    writer.add_image("hwc", torch.rand(16, 24, 3), global_step=0, dataformats="HWC")
    writer.add_histogram("weights", torch.randn(100), global_step=0)
    print(writer.get_logdir())
# --8<-- [end:images]

# --8<-- [start:hwc_pitfall]
import torch
from torch.utils.tensorboard import SummaryWriter

with SummaryWriter("runs/images") as writer:
    try:
        writer.add_image("photo", torch.rand(16, 24, 3))  # H, W, C read as C, H, W
    except TypeError as e:
        print(type(e).__name__, e)
# --8<-- [end:hwc_pitfall]

# --8<-- [start:graph]
import warnings

import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from torch import nn
from torch.utils.tensorboard import SummaryWriter

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
with SummaryWriter("runs/graph") as writer:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        writer.add_graph(model, torch.randn(1, 4))  # traces one forward pass
for message in sorted({f"{w.category.__name__}: {w.message}" for w in caught}):
    print(message)

events = EventAccumulator("runs/graph")
events.Reload()
print(events.Tags()["graph"], len(events.Graph().node), "nodes")
# --8<-- [end:graph]

# --8<-- [start:read_back]
import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from torch.utils.tensorboard import SummaryWriter

writer = SummaryWriter("runs/check")
for step, loss in enumerate([0.9, 0.5, 0.3]):
    writer.add_scalar("loss/train", loss, step)
writer.add_image("sample", torch.rand(3, 16, 24), global_step=2)
writer.flush()  # on disk now; the writer stays open

events = EventAccumulator("runs/check")  # a run folder, or one event file
events.Reload()  # reads what is on disk
tags = events.Tags()
print(tags["scalars"], tags["images"])
print([(e.step, round(e.value, 4)) for e in events.Scalars("loss/train")])
image = events.Images("sample")[0]  # stored as PNG bytes
print(image.step, image.width, image.height, image.encoded_image_string[1:4])
writer.close()
# --8<-- [end:read_back]

# --8<-- [start:hparams]
import os

import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from torch import nn
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
X, y = torch.randn(32, 3), torch.randn(32, 1)
for lr in (0.01, 0.1, 0.5):
    torch.manual_seed(0)
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    with SummaryWriter(f"runs/hp/lr={lr}") as writer:  # one folder per run
        for step in range(20):
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(X), y)
            loss.backward()
            optimizer.step()
            writer.add_scalar("loss/train", loss.item(), step)
        hparams, metrics = {"lr": lr, "steps": 20}, {"hparam/loss": loss.item()}
        writer.add_hparams(hparams, metrics, run_name=".")  # "." : into this run's folder
print(sorted(os.listdir("runs/hp")))
events = EventAccumulator("runs/hp/lr=0.1").Reload()
print(events.Tags()["scalars"], round(events.Scalars("hparam/loss")[0].value, 4))
# --8<-- [end:hparams]

# --8<-- [start:figure]
import matplotlib.pyplot as plt
import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
fig, ax = plt.subplots(figsize=(4, 3), dpi=50)  # 200 x 150 pixels
ax.scatter(*torch.randn(2, 50).tolist())
ax.set_title("predictions")
with SummaryWriter("runs/figures") as writer:
    writer.add_figure("scatter", fig, global_step=0)  # rendered to a PNG image
print("figure still open:", plt.fignum_exists(fig.number))  # close=True by default

image = EventAccumulator("runs/figures").Reload().Images("scatter")[0]
print(image.width, image.height)
# --8<-- [end:figure]

# --8<-- [start:embedding]
import os

import torch
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
features = torch.randn(30, 16)  # one row per sample: (N, D), e.g. a model's penultimate layer
labels = [["cat", "dog", "bird"][i % 3] for i in range(30)]  # one label per row
with SummaryWriter("runs/embedding") as writer:
    writer.add_embedding(features, metadata=labels, tag="features", global_step=0)
    for root, _, files in sorted(os.walk("runs/embedding")):
        print(root, sorted(f for f in files if not f.startswith("events")))
    try:
        writer.add_embedding(torch.randn(30, 4, 4), metadata=labels)  # (N, H, W): not 2-D
    except AssertionError as e:
        print(type(e).__name__, e)
# --8<-- [end:embedding]
