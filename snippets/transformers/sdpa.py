"""F.scaled_dot_product_attention in depth: masks, scale, dropout, causal alignment, GQA, kernels."""

# --8<-- [start:by_hand_with_mask]
import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
q, k, v = torch.randn(3, 2, 4, 6, 8).unbind(0)  # (batch, heads, tokens, head_dim)
keep = torch.rand(6, 6) > 0.3  # sdpa: True = may attend
keep.fill_diagonal_(True)  # every query keeps at least one key
scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])  # (batch, heads, queries, keys)
scores = scores.masked_fill(~keep, float("-inf"))
by_hand = scores.softmax(dim=-1) @ v
print(torch.allclose(F.scaled_dot_product_attention(q, k, v, attn_mask=keep), by_hand, atol=1e-5))
additive = torch.zeros(6, 6).masked_fill(~keep, float("-inf"))  # the float form of the mask
print(
    torch.allclose(F.scaled_dot_product_attention(q, k, v, attn_mask=additive), by_hand, atol=1e-5)
)
# --8<-- [end:by_hand_with_mask]

# --8<-- [start:scale]
import torch
import torch.nn.functional as F

torch.manual_seed(0)
q, k, v = torch.randn(3, 1, 2, 5, 8).unbind(0)
by_hand = (q @ k.transpose(-2, -1) * 0.5).softmax(dim=-1) @ v
print(torch.allclose(F.scaled_dot_product_attention(q, k, v, scale=0.5), by_hand, atol=1e-5))
# --8<-- [end:scale]

# --8<-- [start:dropout_pitfall]
import torch
import torch.nn.functional as F
from torch import nn


class Attention(nn.Module):
    def __init__(self, p: float = 0.1):
        super().__init__()
        self.p = p

    def forward(self, q, k, v):
        wrong = F.scaled_dot_product_attention(q, k, v, dropout_p=self.p)  # always drops
        right = F.scaled_dot_product_attention(q, k, v, dropout_p=self.p if self.training else 0.0)
        return wrong, right


q = k = v = torch.randn(1, 2, 5, 8)
attention = Attention(p=0.5).eval()
(wrong1, right1), (wrong2, right2) = attention(q, k, v), attention(q, k, v)
print("dropout_p=p in eval(): same output twice:", torch.equal(wrong1, wrong2))
print("p if self.training else 0.0:            ", torch.equal(right1, right2))
# --8<-- [end:dropout_pitfall]

# --8<-- [start:causal_alignment]
import torch
import torch.nn.functional as F
from torch.nn.attention.bias import causal_lower_right

torch.manual_seed(0)
q = torch.randn(1, 1, 1, 8)  # 1 new query: the last position
k = torch.randn(1, 1, 4, 8)  # 4 keys: the 3 earlier positions and itself
v = torch.eye(4).view(1, 1, 4, 4)  # values = one-hot: the output shows the weights
print(F.scaled_dot_product_attention(q, k, v, is_causal=True))  # top-left: sees key 0 only
mask = causal_lower_right(1, 4)  # the causal mask aligned to the last key
print(F.scaled_dot_product_attention(q, k, v, attn_mask=mask).round(decimals=3))
# --8<-- [end:causal_alignment]

# --8<-- [start:mha_with_sdpa]
import torch
import torch.nn.functional as F
from torch import nn


class SelfAttention(nn.Module):
    def __init__(self, d_model: int, nhead: int):
        super().__init__()
        self.nhead = nhead
        self.qkv = nn.Linear(d_model, 3 * d_model)  # queries, keys, values in one matmul
        self.out = nn.Linear(d_model, d_model)

    def forward(self, x, is_causal=False):  # x: (batch, tokens, d_model)
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.nhead, d // self.nhead).permute(2, 0, 3, 1, 4)
        y = F.scaled_dot_product_attention(q, k, v, is_causal=is_causal)  # (b, heads, t, hd)
        return self.out(y.transpose(1, 2).reshape(b, t, d))  # heads back side by side


torch.manual_seed(0)
mine = SelfAttention(d_model=16, nhead=4)
reference = nn.MultiheadAttention(16, 4, batch_first=True)
with torch.no_grad():  # same weights: in_proj is (3 * d_model, d_model), q then k then v
    reference.in_proj_weight.copy_(mine.qkv.weight)
    reference.in_proj_bias.copy_(mine.qkv.bias)
    reference.out_proj.weight.copy_(mine.out.weight)
    reference.out_proj.bias.copy_(mine.out.bias)
x = torch.randn(2, 5, 16)
print(torch.allclose(mine(x), reference(x, x, x)[0], atol=1e-5))
causal = torch.triu(torch.ones(5, 5, dtype=torch.bool), diagonal=1)
print(torch.allclose(mine(x, is_causal=True), reference(x, x, x, attn_mask=causal)[0], atol=1e-5))
# --8<-- [end:mha_with_sdpa]

# --8<-- [start:gqa]
import torch
import torch.nn.functional as F

torch.manual_seed(0)
q = torch.randn(2, 8, 5, 16)  # 8 query heads
k = torch.randn(2, 2, 5, 16)  # 2 key/value heads, each shared by 4 query heads
v = torch.randn(2, 2, 5, 16)
out = F.scaled_dot_product_attention(q, k, v, enable_gqa=True)
repeated = F.scaled_dot_product_attention(
    q, k.repeat_interleave(4, dim=1), v.repeat_interleave(4, dim=1)
)
print(out.shape, torch.allclose(out, repeated, atol=1e-5))
try:
    F.scaled_dot_product_attention(q, k, v)  # without enable_gqa
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:gqa]

# --8<-- [start:sdpa_kernel]
import torch
import torch.nn.functional as F
from torch.nn.attention import SDPBackend, sdpa_kernel

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
q, k, v = torch.randn(3, 2, 4, 64, 32, device=device).unbind(0)
default = F.scaled_dot_product_attention(q, k, v, is_causal=True)  # PyTorch picks a kernel
with sdpa_kernel(SDPBackend.MATH):  # force the reference implementation
    math_only = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print(torch.allclose(default, math_only, atol=1e-4))
# --8<-- [end:sdpa_kernel]
