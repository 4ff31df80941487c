"""EMA and SWA of weights: AveragedModel, get_ema_multi_avg_fn, SWALR, update_bn."""

# --8<-- [start:ema]
import torch
from torch import nn
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

torch.manual_seed(0)
model = nn.Linear(3, 1)
ema = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.9))  # a deep copy of model
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
by_hand = None
for _ in range(5):
    x = torch.randn(8, 3)
    optimizer.zero_grad()
    nn.functional.mse_loss(model(x), x.sum(1, keepdim=True)).backward()
    optimizer.step()
    ema.update_parameters(model)  # after every optimizer step
    w = model.weight.detach()
    by_hand = w.clone() if by_hand is None else 0.9 * by_hand + 0.1 * w  # the first update copies
print("updates:", ema.n_averaged.item())
print("EMA equals the hand-computed EMA:", torch.allclose(ema.module.weight, by_hand))
print("EMA equals the live weights:", torch.allclose(ema.module.weight, model.weight))
# --8<-- [end:ema]

# --8<-- [start:ema_use]
import torch
from torch import nn
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

model = nn.Linear(3, 1)
ema = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.999))
ema.update_parameters(model)
print(list(ema.state_dict()))  # the wrapper's keys: a counter and a `module.` prefix
torch.save(ema.module.state_dict(), "ema.pt")  # save the inner model: plain keys
plain = nn.Linear(3, 1)
plain.load_state_dict(torch.load("ema.pt", weights_only=True))
print(torch.equal(plain.weight, ema.module.weight))
# --8<-- [end:ema_use]

# --8<-- [start:ema_buffers]
import torch
from torch import nn
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4))
ema = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.9))
ema_buffers = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.9), use_buffers=True)
by_hand = None
for _ in range(10):
    model(torch.randn(16, 4))  # a training-mode forward updates BatchNorm's running_mean
    ema.update_parameters(model)
    ema_buffers.update_parameters(model)
    live = model[1].running_mean
    by_hand = live.clone() if by_hand is None else 0.9 * by_hand + 0.1 * live
print("default: copied from the live model:", torch.equal(ema.module[1].running_mean, live))
print(
    "use_buffers=True: averaged like the weights:",
    torch.allclose(ema_buffers.module[1].running_mean, by_hand),
)
# --8<-- [end:ema_buffers]

# --8<-- [start:swa]
import torch
from torch import nn
from torch.optim.swa_utils import SWALR, AveragedModel
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(64, 4)
loader = DataLoader(TensorDataset(X, X.sum(1, keepdim=True)), batch_size=16, shuffle=True)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
swa_model = AveragedModel(model)  # default: the plain average of every snapshot
swa_scheduler = SWALR(optimizer, swa_lr=0.01, anneal_epochs=3)  # from 0.1 down to 0.01
swa_start, snapshots, lrs = 4, [], []
for epoch in range(10):
    for xb, yb in loader:
        optimizer.zero_grad()
        nn.functional.mse_loss(model(xb), yb).backward()
        optimizer.step()
    lrs.append(round(optimizer.param_groups[0]["lr"], 4))
    if epoch >= swa_start:
        swa_model.update_parameters(model)  # once per epoch
        swa_scheduler.step()
        snapshots.append(model[3].weight.detach().clone())
print("lr per epoch:", lrs)
print("snapshots averaged:", swa_model.n_averaged.item())
print(
    "equal to their mean:",
    torch.allclose(swa_model.module[3].weight, torch.stack(snapshots).mean(0)),
)
# --8<-- [end:swa]

# --8<-- [start:update_bn]
from torch.optim.swa_utils import update_bn

bn = swa_model.module[1]
with torch.no_grad():
    seen = swa_model.module[0](X)  # what BatchNorm sees with the averaged weights
print(
    "running_mean fits the averaged weights:",
    torch.allclose(bn.running_mean, seen.mean(0), atol=1e-5),
)
update_bn(loader, swa_model)  # one pass over the data in train mode, no gradients
print(
    "after update_bn:                       ",
    torch.allclose(bn.running_mean, seen.mean(0), atol=1e-5),
)
# --8<-- [end:update_bn]
