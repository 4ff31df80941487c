# %% [markdown]
# # An LSTM on sequences
#
# Classify sequences of different lengths with an LSTM: pad them into a batch, pack them so the
# LSTM skips the padding, and classify from the hidden state at each sequence's last real step.

# %% [markdown]
# ## 1. The problem
#
# Each sample is a noisy piece of a sine wave, between 8 and 40 steps long, with a random frequency
# and phase. The question: **at its last step, is the wave rising or falling?** The answer depends
# on the end of each sequence, wherever that end is, so it punishes a model that reads the padding
# instead of the real last step.
#
# The label comes from the clean wave (the sign of its slope at the last step); the model sees the
# noisy one. Near a peak or a trough the slope is close to zero and the noise can hide it, so a
# perfect score is out of reach.

# %%
import math

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)


def make_waves(n: int) -> tuple[list[torch.Tensor], torch.Tensor]:
    waves, labels = [], []
    for _ in range(n):
        length = int(torch.randint(8, 41, ()))
        freq = float(torch.empty(()).uniform_(0.2, 0.6))  # radians per step
        phase = float(torch.rand(()) * 2 * math.pi)
        t = torch.arange(length, dtype=torch.float32)
        wave = torch.sin(freq * t + phase) + 0.1 * torch.randn(length)
        rising = math.cos(freq * (length - 1) + phase) > 0  # slope of the clean wave at the end
        waves.append(wave.unsqueeze(1))  # (length, 1): one feature per step
        labels.append(int(rising))
    return waves, torch.tensor(labels)


train_waves, train_labels = make_waves(640)
val_waves, val_labels = make_waves(200)
print("lengths from", min(len(w) for w in train_waves), "to", max(len(w) for w in train_waves))
print("share rising:", round(train_labels.float().mean().item(), 3))
print("first sample:", tuple(train_waves[0].shape), "label", train_labels[0].item())

# %% [markdown]
# ## 2. Batches of different lengths
#
# The default collate function stacks samples, which fails for different lengths. A small
# `collate_fn` pads them instead: `pad_sequence(..., batch_first=True)` fills the short ones with
# zeros up to the longest of the batch, and we keep the real lengths next to the padded tensor.


# %%
class WaveDataset(Dataset):
    def __init__(self, waves, labels):
        self.waves, self.labels = waves, labels

    def __len__(self):
        return len(self.waves)

    def __getitem__(self, i):
        return self.waves[i], self.labels[i]


def pad_collate(batch):
    waves, labels = zip(*batch, strict=True)
    lengths = torch.tensor([len(w) for w in waves])
    return pad_sequence(waves, batch_first=True), lengths, torch.stack(labels)


train_loader = DataLoader(
    WaveDataset(train_waves, train_labels), batch_size=64, shuffle=True, collate_fn=pad_collate
)
val_loader = DataLoader(WaveDataset(val_waves, val_labels), batch_size=200, collate_fn=pad_collate)

padded, lengths, labels = next(iter(train_loader))
print("padded batch:", tuple(padded.shape), "(batch, longest length, features)")
print("lengths:", lengths[:8].tolist())
shortest = lengths.argmin()
print(
    "the shortest sequence ends in zeros:",
    padded[shortest, lengths[shortest] :].abs().sum().item() == 0,
)

# %% [markdown]
# ## 3. Pack, run the LSTM, take the last real hidden state
#
# `pack_padded_sequence` tells the LSTM the real lengths, so it stops each sequence at its last real
# step. `enforce_sorted=False` lets the batch come in any order (the lengths must be a CPU tensor).
# With `batch_first=True`, inputs are `(batch, time, features)`.
#
# The LSTM returns `output, (h_n, c_n)`. For packed input, `h_n[-1]` (the last layer) holds each
# sequence's hidden state **at its own last step**: that is what we classify.


# %%
class WaveClassifier(nn.Module):
    def __init__(self, hidden_size: int = 32):
        super().__init__()
        self.lstm = nn.LSTM(input_size=1, hidden_size=hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, 2)

    def forward(self, padded, lengths):
        packed = pack_padded_sequence(padded, lengths.cpu(), batch_first=True, enforce_sorted=False)
        _, (h_n, _) = self.lstm(packed)
        return self.head(h_n[-1])  # (batch, 2) logits


model = WaveClassifier()
print(model)
print("logits:", tuple(model(padded, lengths).shape))

# %% [markdown]
# Why not `output[:, -1]`? After unpacking, the output is padded again, with zeros after each
# sequence's end, so its last time step is the real last step only for the longest sequence. The
# right time step is `lengths - 1`, and there the output equals `h_n[-1]`:

# %%
with torch.no_grad():
    packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
    output, (h_n, _) = model.lstm(packed)
    output, _ = pad_packed_sequence(output, batch_first=True)
    at_last_step = output[torch.arange(len(lengths)), lengths - 1]
print(
    "output[:, -1] of the shortest sequence is all zeros:",
    output[shortest, -1].abs().sum().item() == 0,
)
print("h_n[-1] equals the output at lengths - 1:", torch.allclose(h_n[-1], at_last_step))

# %% [markdown]
# ## 4. Train
#
# Two classes, so `CrossEntropyLoss` on two logits with class-index targets. The epoch loss weights
# every batch by its size; accuracy on the validation set comes after each epoch, in `eval()` mode
# without gradients.

# %%
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=2e-2)


def accuracy(loader):
    model.eval()
    correct = 0
    with torch.no_grad():
        for padded, lengths, labels in loader:
            correct += (model(padded, lengths).argmax(dim=1) == labels).sum().item()
    return correct / len(loader.dataset)


batch_losses, epoch_losses = [], []
for epoch in range(4):
    model.train()
    total = 0.0
    for padded, lengths, labels in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(padded, lengths), labels)
        loss.backward()
        optimizer.step()
        batch_losses.append(loss.item())
        total += loss.item() * len(labels)
    epoch_losses.append(total / len(train_loader.dataset))
    val_acc = accuracy(val_loader)
    print(f"epoch {epoch + 1}  loss {epoch_losses[-1]:.4f}  validation accuracy {val_acc:.3f}")

# %% [markdown]
# ## 5. Loss curve and final accuracy
#
# Single batches are noisy; the epoch means show the trend.

# %%
steps_per_epoch = len(train_loader)
fig, ax = plt.subplots(figsize=(5, 3), dpi=100)
ax.plot(range(1, len(batch_losses) + 1), batch_losses, alpha=0.4, label="batch")
ax.plot(
    [steps_per_epoch * (e + 1) for e in range(len(epoch_losses))],
    epoch_losses,
    "o-",
    label="epoch mean",
)
ax.set_xlabel("step")
ax.set_ylabel("cross-entropy")
ax.legend()
fig.tight_layout()
plt.show()

acc = accuracy(val_loader)
print(f"validation accuracy: {acc:.3f}")
print("accuracy above 0.85:", acc > 0.85)
assert acc > 0.85

# %% [markdown]
# ## 6. Classify new sequences
#
# A new sequence of any length goes through the same collate function, here as a batch of three:
# a wave clearly rising at its end, one clearly falling, and a short one.

# %%
t = torch.arange(30, dtype=torch.float32)
new_waves = [
    torch.sin(0.3 * t[:20] - 6.0).unsqueeze(1),  # ends at 0.3 * 19 - 6 = -0.3 rad: rising
    torch.sin(0.3 * t[:30] - 6.5).unsqueeze(1),  # ends at 2.2 rad: falling
    torch.sin(0.5 * t[:9] + 3.0).unsqueeze(1),  # ends at 7.0 rad: rising
]
padded, lengths, _ = pad_collate([(w, torch.tensor(0)) for w in new_waves])
model.eval()
with torch.no_grad():
    probs = model(padded, lengths).softmax(dim=1)
names = ["falling", "rising"]
for n, p in zip(lengths.tolist(), probs, strict=True):
    print(f"length {n:2d}: {names[p.argmax().item()]:7} (p = {p.max().item():.2f})")
