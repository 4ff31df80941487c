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
