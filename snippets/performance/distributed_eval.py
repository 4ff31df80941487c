"""Distributed evaluation: DistributedSampler's padding, and metrics that count every sample once."""

# --8<-- [start:padding]
import torch
from torch.utils.data import DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(10))  # 10 samples on 3 ranks
shares = [
    list(DistributedSampler(dataset, num_replicas=3, rank=r, shuffle=False)) for r in range(3)
]
print(shares)  # each rank: ceil(10 / 3) = 4 samples, so 12 in all
seen = [i for share in shares for i in share]
print(len(seen), "seen; twice:", sorted({i for i in seen if seen.count(i) > 1}))
# --8<-- [end:padding]

# --8<-- [start:naive_metric]
import torch
from torch.utils.data import DistributedSampler, TensorDataset

correct = torch.tensor([1, 1, 0, 1, 0, 1, 1, 1, 0, 1])  # per sample: was the model right?
dataset = TensorDataset(torch.arange(10))
totals = torch.zeros(2)  # what all_reduce would sum over the 3 ranks: correct, seen
for rank in range(3):  # in a real run, each rank computes only its own part
    share = list(DistributedSampler(dataset, num_replicas=3, rank=rank, shuffle=False))
    totals += torch.tensor([correct[share].sum().item(), len(share)])
print("true accuracy:    ", round(correct.float().mean().item(), 4))
print(
    "summed over ranks:",
    round((totals[0] / totals[1]).item(), 4),
    "from",
    int(totals[1]),
    "samples",
)
# --8<-- [end:naive_metric]

# --8<-- [start:mask_padding]
import torch
from torch.utils.data import DistributedSampler, TensorDataset

correct = torch.tensor([1, 1, 0, 1, 0, 1, 1, 1, 0, 1])
dataset = TensorDataset(torch.arange(10))
world_size, totals = 3, torch.zeros(2)
for rank in range(world_size):
    sampler = DistributedSampler(dataset, num_replicas=world_size, rank=rank, seed=0)  # shuffled
    share = torch.tensor(list(sampler))
    positions = torch.arange(len(share)) * world_size + rank  # place in the padded order
    real = positions < len(dataset)  # the repeats come after the last real position
    totals += torch.tensor([correct[share[real]].sum().item(), real.sum().item()])
print(round((totals[0] / totals[1]).item(), 4), "from", int(totals[1]), "samples")
# --8<-- [end:mask_padding]

# --8<-- [start:dedupe_by_index]
import torch
from torch.utils.data import DistributedSampler, TensorDataset

correct = torch.tensor([1, 1, 0, 1, 0, 1, 1, 1, 0, 1])
dataset = TensorDataset(torch.arange(10))
gathered = []  # what all_gather_object returns: one dict per rank, {sample index: result}
for rank in range(3):
    share = list(DistributedSampler(dataset, num_replicas=3, rank=rank, shuffle=False))
    gathered.append({i: correct[i].item() for i in share})
merged = {i: c for part in gathered for i, c in part.items()}  # a repeat replaces itself
print(len(merged), round(sum(merged.values()) / len(merged), 4))
# --8<-- [end:dedupe_by_index]

# --8<-- [start:drop_last_pitfall]
import torch
from torch.utils.data import DistributedSampler, TensorDataset

correct = torch.tensor([1, 1, 0, 1, 0, 1, 1, 1, 0, 1])
dataset = TensorDataset(torch.arange(10))
shares = [
    list(DistributedSampler(dataset, num_replicas=3, rank=r, shuffle=False, drop_last=True))
    for r in range(3)
]
seen = [i for share in shares for i in share]
print(len(seen), "samples; never seen:", sorted(set(range(10)) - set(seen)))
print(round(correct[seen].float().mean().item(), 4))  # exact, but for 9 of the 10 samples
# --8<-- [end:drop_last_pitfall]

# --8<-- [start:unpadded_split]
import torch
from torch.utils.data import DataLoader, Subset, TensorDataset

correct = torch.tensor([1, 1, 0, 1, 0, 1, 1, 1, 0, 1])
dataset = TensorDataset(torch.arange(10))
world_size, totals = 3, torch.zeros(2)
for rank in range(world_size):
    part = Subset(dataset, range(rank, len(dataset), world_size))  # 4, 3 and 3 samples
    for (index,) in DataLoader(part, batch_size=2):
        totals += torch.tensor([correct[index].sum().item(), len(index)])
print(round((totals[0] / totals[1]).item(), 4), "from", int(totals[1]), "samples")
# --8<-- [end:unpadded_split]
