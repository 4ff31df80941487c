"""SyncBatchNorm: convert_sync_batchnorm, what it computes, and why it needs a GPU process group."""

# --8<-- [start:convert]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.ReLU())
model(torch.randn(2, 3, 8, 8))  # a training step moved the running statistics
before = {k: v.clone() for k, v in model.state_dict().items()}
synced = nn.SyncBatchNorm.convert_sync_batchnorm(model)  # needs no process group
print(synced)
print(synced is model, type(model[1]).__name__)  # the container was changed in place
after = synced.state_dict()
print(list(before) == list(after), all(torch.equal(before[k], after[k]) for k in before))
# --8<-- [end:convert]

# --8<-- [start:global_statistics]
import torch

torch.manual_seed(0)
rank_batches = [torch.randn(2, 1) + 3 * r for r in range(2)]  # 2 samples on each of 2 GPUs
for r, batch in enumerate(rank_batches):  # BatchNorm: each rank normalizes with its own mean
    print(f"rank {r} mean:", round(batch.mean().item(), 3))
everything = torch.cat(rank_batches)  # SyncBatchNorm: the mean and variance of all 4 samples
print("global mean:", round(everything.mean().item(), 3))
# --8<-- [end:global_statistics]

# --8<-- [start:no_group]
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 3, 5, 5)
bn, sync_bn = nn.BatchNorm2d(3), nn.SyncBatchNorm(3)  # no process group in this process
print(torch.allclose(bn(x), sync_bn(x)))  # falls back to BatchNorm2d
print(torch.allclose(bn.running_mean, sync_bn.running_mean))
# --8<-- [end:no_group]

# --8<-- [start:cpu_error]
import torch
import torch.distributed as dist
from torch import nn

sync_bn = nn.SyncBatchNorm(3)
x = torch.randn(4, 3, 5, 5)
dist.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)  # a CPU group
try:
    sync_bn(x)  # training mode, with a process group: CPU tensors are refused
except ValueError as e:
    print(type(e).__name__, e)
finally:
    dist.destroy_process_group()
print(sync_bn.eval()(x).shape)  # eval mode uses the running statistics: nothing to sync
# --8<-- [end:cpu_error]
