"""Positional encodings: learned nn.Embedding positions and sinusoidal encodings."""

# --8<-- [start:order_blind]
import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
x = torch.randn(1, 5, 16)  # token embeddings, no positions
perm = torch.tensor([4, 2, 0, 1, 3])  # shuffle the tokens
shuffled_out = encoder(x[:, perm])
print(torch.allclose(shuffled_out, encoder(x)[:, perm], atol=1e-5))  # same outputs, shuffled
# --8<-- [end:order_blind]

# --8<-- [start:learned_positions]
import torch
from torch import nn

torch.manual_seed(0)
vocab, d_model, max_len = 10, 16, 32
tok = nn.Embedding(vocab, d_model)
pos = nn.Embedding(max_len, d_model)  # one trainable vector per position
ids = torch.randint(0, vocab, (3, 5))  # (batch, tokens)
positions = torch.arange(ids.shape[1])  # 0, 1, 2, 3, 4
h = tok(ids) + pos(positions)  # (3, 5, 16) + (5, 16) broadcasts over the batch
print(h.shape)
same_token = torch.tensor([[7, 7]])  # one token id at two positions
h = tok(same_token) + pos(torch.arange(2))
print(torch.allclose(h[0, 0], h[0, 1]))  # now the two differ
# --8<-- [end:learned_positions]

# --8<-- [start:learned_max_len]
import torch
from torch import nn

pos = nn.Embedding(8, 16)  # max_len = 8
try:
    pos(torch.arange(10))  # a sequence longer than max_len
except IndexError as e:
    print(type(e).__name__, e)
# --8<-- [end:learned_max_len]

# --8<-- [start:sinusoidal]
import math

import torch


def sinusoidal(max_len: int, d_model: int) -> torch.Tensor:
    position = torch.arange(max_len).unsqueeze(1)  # (max_len, 1)
    freq = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))  # (d/2,)
    pe = torch.zeros(max_len, d_model)
    pe[:, 0::2] = torch.sin(position * freq)  # even features: sin(pos / 10000^(2i/d))
    pe[:, 1::2] = torch.cos(position * freq)  # odd features: cos of the same angle
    return pe


pe = sinusoidal(max_len=50, d_model=16)
print(pe.shape)
print(pe[:3, :4].round(decimals=4))  # row 0 is (0, 1, 0, 1, ...)
# --8<-- [end:sinusoidal]

# --8<-- [start:sinusoidal_properties]
import math

import torch


def sinusoidal(max_len: int, d_model: int) -> torch.Tensor:
    position = torch.arange(max_len).unsqueeze(1)
    freq = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
    pe = torch.zeros(max_len, d_model)
    pe[:, 0::2] = torch.sin(position * freq)
    pe[:, 1::2] = torch.cos(position * freq)
    return pe


pe = sinusoidal(max_len=50, d_model=16)
norms = pe.norm(dim=1)  # each (sin, cos) pair has length 1, so every row has norm sqrt(d/2)
print(torch.allclose(norms, torch.full((50,), math.sqrt(16 / 2))))
for k in (1, 5):  # dot product of positions p and p + k, for every p
    dots = (pe[:-k] * pe[k:]).sum(dim=1)
    print(k, round(dots[0].item(), 4), torch.allclose(dots, dots[0].expand_as(dots), atol=1e-4))
# --8<-- [end:sinusoidal_properties]

# --8<-- [start:positional_module]
import math

import torch
from torch import nn


class SinusoidalPositions(nn.Module):
    def __init__(self, d_model: int, max_len: int = 512):
        super().__init__()
        position = torch.arange(max_len).unsqueeze(1)
        freq = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
        pe = torch.zeros(max_len, d_model)
        pe[:, 0::2] = torch.sin(position * freq)
        pe[:, 1::2] = torch.cos(position * freq)
        self.register_buffer("pe", pe, persistent=False)  # follows .to(), not trained, not saved
        self.plain = pe  # a plain attribute, for comparison

    def forward(self, x):  # x: (batch, tokens, d_model)
        return x + self.pe[: x.shape[1]]


module = SinusoidalPositions(d_model=16).to(torch.float64)
print(module(torch.zeros(2, 5, 16, dtype=torch.float64)).shape)
print(module.pe.dtype, module.plain.dtype)  # .to() converted the buffer only
print(len(list(module.parameters())), list(module.state_dict()))  # nothing to train or save
# --8<-- [end:positional_module]
