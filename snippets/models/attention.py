"""Attention: nn.MultiheadAttention and F.scaled_dot_product_attention, shapes and masks."""

# --8<-- [start:mha]
import torch
from torch import nn

mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
x = torch.randn(3, 5, 8)  # (batch, tokens, embed_dim)
out, weights = mha(x, x, x)  # self-attention: query = key = value
print("out:    ", tuple(out.shape))
print("weights:", tuple(weights.shape))  # (batch, query tokens, key tokens), head-averaged
print(torch.allclose(weights.sum(dim=-1), torch.ones(3, 5)))  # each row is a distribution
# --8<-- [end:mha]

# --8<-- [start:mha_cross]
import torch
from torch import nn

mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
queries = torch.randn(3, 4, 8)  # 4 query tokens
memory = torch.randn(3, 7, 8)  # attend over 7 other tokens
out, weights = mha(queries, memory, memory, average_attn_weights=False)
print("out:    ", tuple(out.shape))  # one output per query
print("weights:", tuple(weights.shape))  # (batch, heads, queries, keys)
# --8<-- [end:mha_cross]

# --8<-- [start:sdpa_shapes]
import torch
import torch.nn.functional as F

q = torch.randn(2, 4, 5, 16)  # (batch, heads, query tokens, head dim)
k = torch.randn(2, 4, 7, 16)  # (batch, heads, key tokens, head dim)
v = torch.randn(2, 4, 7, 32)  # values may have another size
print(F.scaled_dot_product_attention(q, k, v).shape)
# --8<-- [end:sdpa_shapes]

# --8<-- [start:sdpa_manual]
import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
q, k, v = torch.randn(3, 2, 5, 16).unbind(0)  # (batch=2, tokens=5, dim=16) each
scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
manual = torch.softmax(scores, dim=-1) @ v
print(torch.allclose(F.scaled_dot_product_attention(q, k, v), manual, atol=1e-6))
# --8<-- [end:sdpa_manual]

# --8<-- [start:sdpa_causal]
import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
q, k, v = torch.randn(3, 2, 5, 16).unbind(0)
future = torch.ones(5, 5, dtype=torch.bool).triu(diagonal=1)  # True above the diagonal
scores = (q @ k.transpose(-2, -1) / math.sqrt(16)).masked_fill(future, float("-inf"))
manual = torch.softmax(scores, dim=-1) @ v
print(future.int())
print(torch.allclose(F.scaled_dot_product_attention(q, k, v, is_causal=True), manual, atol=1e-6))
# --8<-- [end:sdpa_causal]

# --8<-- [start:mask_pitfall]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 3, 4)
mask = torch.tensor([[True, False, False]] * 3)  # meant: "attend to token 0 only"
eye = torch.eye(3).unsqueeze(0)  # identity values: the output IS the attention matrix
print(F.scaled_dot_product_attention(x, x, eye, attn_mask=mask)[0])  # True = may attend

mha = nn.MultiheadAttention(embed_dim=4, num_heads=1, batch_first=True)
with torch.no_grad():
    print(mha(x, x, x, attn_mask=mask)[1][0])  # True = may NOT attend: token 0 ignored
    print(mha(x, x, x, attn_mask=~mask)[1][0])  # inverted for MultiheadAttention
# --8<-- [end:mask_pitfall]
