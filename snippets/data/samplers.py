"""Samplers: SubsetRandomSampler, BatchSampler, a custom Sampler, and batch_sampler=."""

# --8<-- [start:subset_random]
import torch
from torch.utils.data import DataLoader, SubsetRandomSampler, TensorDataset

dataset = TensorDataset(torch.arange(10))
generator = torch.Generator().manual_seed(0)
indices = torch.randperm(10, generator=generator).tolist()
train_idx, val_idx = indices[:7], indices[7:]
train_loader = DataLoader(dataset, batch_size=4, sampler=SubsetRandomSampler(train_idx, generator))
val_loader = DataLoader(dataset, batch_size=4, sampler=val_idx)  # a list works as a fixed order
for epoch in range(2):
    print(f"epoch {epoch}:", [batch.tolist() for (batch,) in train_loader])
print("validation:", [batch.tolist() for (batch,) in val_loader])
print(len(train_loader.sampler), len(train_loader))
# --8<-- [end:subset_random]

# --8<-- [start:batch_sampler]
import torch
from torch.utils.data import BatchSampler, RandomSampler, SequentialSampler

print(list(BatchSampler(SequentialSampler(range(10)), batch_size=4, drop_last=False)))
print(list(BatchSampler(SequentialSampler(range(10)), batch_size=4, drop_last=True)))
generator = torch.Generator().manual_seed(0)
print(
    list(BatchSampler(RandomSampler(range(10), generator=generator), batch_size=4, drop_last=False))
)
# --8<-- [end:batch_sampler]

# --8<-- [start:batch_sampler_loader]
import torch
from torch.utils.data import BatchSampler, DataLoader, SequentialSampler, TensorDataset

dataset = TensorDataset(torch.arange(10) * 10)
batches = BatchSampler(SequentialSampler(dataset), batch_size=4, drop_last=False)
loader = DataLoader(dataset, batch_sampler=batches)  # the loader asks it for whole batches
print([xb.tolist() for (xb,) in loader])
try:
    DataLoader(dataset, batch_sampler=batches, batch_size=4)
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:batch_sampler_loader]

# --8<-- [start:custom_sampler]
import torch
from torch.utils.data import Sampler


class EveryOther(Sampler[int]):  # yields indices; __len__ says how many
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        yield from range(0, self.n, 2)  # even indices first, then odd ones
        yield from range(1, self.n, 2)

    def __len__(self):
        return self.n


print(list(EveryOther(7)), len(EveryOther(7)))
# --8<-- [end:custom_sampler]

# --8<-- [start:bucket_by_length]
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Sampler


class BucketBatchSampler(Sampler[list[int]]):
    """Batches of sequences of similar length: less padding per batch."""

    def __init__(self, lengths, batch_size, generator=None):
        self.lengths, self.batch_size, self.generator = lengths, batch_size, generator

    def __iter__(self):
        order = torch.randperm(len(self.lengths), generator=self.generator)  # shuffle first,
        order = sorted(order.tolist(), key=lambda i: self.lengths[i])  # then sort by length
        batches = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        for b in torch.randperm(len(batches), generator=self.generator).tolist():
            yield batches[b]  # batches in a random order

    def __len__(self):
        return (len(self.lengths) + self.batch_size - 1) // self.batch_size


def pad(batch):
    return pad_sequence(batch, batch_first=True)


torch.manual_seed(0)
sequences = [torch.ones(n) for n in torch.randint(1, 20, (12,)).tolist()]  # 12 lengths
lengths = [len(s) for s in sequences]
sampler = BucketBatchSampler(lengths, batch_size=4, generator=torch.Generator().manual_seed(0))
bucketed = list(DataLoader(sequences, batch_sampler=sampler, collate_fn=pad))
print("lengths per batch:", [batch.sum(1).int().tolist() for batch in bucketed])
shuffled = list(DataLoader(sequences, batch_size=4, shuffle=True, collate_fn=pad))
print("real elements:", sum(lengths))
print("after padding, bucketed:", sum(b.numel() for b in bucketed))
print("after padding, shuffled:", sum(b.numel() for b in shuffled))
# --8<-- [end:bucket_by_length]
