"""Collation: default_collate, a custom collate_fn, detection-style targets, padding sequences."""

# --8<-- [start:default_collate]
import torch
from torch.utils.data import default_collate

samples = [(torch.zeros(2, 3), 1, 0.5, "cat"), (torch.ones(2, 3), 0, 1.5, "dog")]
batch = default_collate(samples)  # what a DataLoader does with each list of samples
print(type(batch).__name__, len(batch))  # one entry per field of the tuple
x, label, weight, name = batch
print(x.shape)  # tensors: stacked along a new first dimension
print(label, weight)  # Python ints -> int64, Python floats -> float64 (!)
print(name)  # strings: kept as they are, not tensors

batch = default_collate([{"image": torch.zeros(3), "id": 7}, {"image": torch.ones(3), "id": 8}])
print({key: tuple(value.shape) for key, value in batch.items()})  # dicts: collated per key
# --8<-- [end:default_collate]

# --8<-- [start:stack_dataset]
import torch
from torch.utils.data import DataLoader, StackDataset

images = torch.rand(4, 3)  # any two datasets of the same length: here a tensor and a list
labels = [0, 1, 0, 1]
data = StackDataset(image=images, label=labels)  # sample i is a dict of the datasets' items i
print(len(data), sorted(data[1]), data[1]["label"])
batch = next(iter(DataLoader(data, batch_size=2)))  # collated per key
print({key: value.shape for key, value in batch.items()})
print(type(StackDataset(images, labels)[0]).__name__)  # positional: a tuple per sample
try:
    StackDataset(images, labels[:3])
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:stack_dataset]

# --8<-- [start:default_convert]
import numpy as np
from torch.utils.data import DataLoader, default_collate, default_convert

batch = {"x": np.zeros((8, 3), dtype=np.float32), "y": np.arange(8)}  # already a whole batch
converted = default_convert(batch)  # NumPy arrays -> tensors, nothing stacked
print({key: (type(v).__name__, tuple(v.shape)) for key, v in converted.items()})
collated = default_collate([batch])  # stacks a list of samples: adds a dimension of 1
print({key: tuple(v.shape) for key, v in collated.items()})
loader = DataLoader([batch, batch], batch_size=None)  # no batching: collate_fn=default_convert
print(len(loader), next(iter(loader))["x"].shape)
# --8<-- [end:default_convert]

# --8<-- [start:custom_collate]
import torch
from torch.utils.data import DataLoader


def collate(batch):  # batch = [dataset[i] for i in the batch's indices]
    print(type(batch).__name__, len(batch), batch[0])
    xs, ys = zip(*batch, strict=True)
    return torch.stack(xs), torch.tensor(ys, dtype=torch.float32).unsqueeze(1)


data = [(torch.tensor([float(i), 2.0 * i]), i % 2) for i in range(6)]  # any list works as a dataset
loader = DataLoader(data, batch_size=3, collate_fn=collate)
xb, yb = next(iter(loader))
print(xb.shape, yb.shape, yb.dtype)  # float targets of shape (B, 1), e.g. for BCEWithLogitsLoss
# --8<-- [end:custom_collate]

# --8<-- [start:detection_targets]
import torch
from torch.utils.data import DataLoader

torch.manual_seed(0)
data = [  # (image, target): a different number of boxes per image
    (torch.rand(3, 32, 32), {"boxes": torch.rand(k, 4), "labels": torch.ones(k, dtype=torch.int64)})
    for k in (1, 3, 2, 2)
]

try:
    next(iter(DataLoader(data, batch_size=2)))
except RuntimeError as e:
    print(type(e).__name__, e)


def detection_collate(batch):  # [(img1, t1), (img2, t2)] -> ((img1, img2), (t1, t2))
    return tuple(zip(*batch, strict=True))


images, targets = next(iter(DataLoader(data, batch_size=2, collate_fn=detection_collate)))
print(type(images).__name__, len(images), [t["boxes"].shape[0] for t in targets])
print(torch.stack(images).shape)  # the images are the same size here, so they can be stacked
# --8<-- [end:detection_targets]

# --8<-- [start:pad_sequence]
import torch
from torch.nn.utils.rnn import pad_sequence

seqs = [torch.tensor([5, 3, 8]), torch.tensor([2, 9, 4, 4, 1]), torch.tensor([7, 6])]  # token ids
padded = pad_sequence(seqs, batch_first=True, padding_value=0)
lengths = torch.tensor([len(s) for s in seqs])
mask = torch.arange(padded.shape[1]) < lengths.unsqueeze(1)  # True on real tokens
print(padded)
print(lengths)
print(mask.int())
# --8<-- [end:pad_sequence]

# --8<-- [start:stack_error]
import torch
from torch.utils.data import DataLoader

data = [(torch.tensor([5, 3, 8]), 0), (torch.tensor([2, 9, 4, 4, 1]), 1), (torch.tensor([7, 6]), 0)]
loader = DataLoader(data, batch_size=3)  # default_collate stacks: same sizes needed
try:
    next(iter(loader))
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:stack_error]

# --8<-- [start:pad_collate]
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader


def pad_collate(batch):
    seqs, labels = zip(*batch, strict=True)
    lengths = torch.tensor([len(s) for s in seqs])
    return pad_sequence(seqs, batch_first=True), lengths, torch.tensor(labels)


data = [(torch.tensor([5, 3, 8]), 0), (torch.tensor([2, 9, 4, 4, 1]), 1), (torch.tensor([7, 6]), 0)]
loader = DataLoader(data, batch_size=3, collate_fn=pad_collate)
padded, lengths, labels = next(iter(loader))
print(padded.shape, lengths.tolist(), labels.tolist())
# --8<-- [end:pad_collate]

# --8<-- [start:pack_padded]
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
seqs = [torch.randn(3, 4), torch.randn(5, 4), torch.randn(2, 4)]  # 3 sequences of 4-d vectors
padded = pad_sequence(seqs, batch_first=True)  # (3, 5, 4)
lengths = torch.tensor([3, 5, 2])
gru = nn.GRU(input_size=4, hidden_size=6, batch_first=True)

packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
_, h = gru(packed)  # h: the hidden state after each sequence's own last step
_, h_alone = gru(seqs[2].unsqueeze(0))  # the third sequence on its own, no padding
print(h.shape, torch.allclose(h[0, 2], h_alone[0, 0], atol=1e-6))

_, h_padded = gru(padded)  # without packing, the GRU also runs over the padding
print(torch.allclose(h_padded[0, 2], h_alone[0, 0], atol=1e-6))
# --8<-- [end:pack_padded]
