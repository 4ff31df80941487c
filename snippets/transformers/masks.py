"""Attention masks: key padding masks, attention masks, causal masks, is_causal."""

# --8<-- [start:key_padding_mask]
import torch
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=1, batch_first=True)
x = torch.randn(1, 4, 8)  # one sequence: 3 real tokens and 1 padding token
padding = torch.tensor([[False, False, False, True]])  # (batch, keys): True = padding, ignore
out, weights = mha(x, x, x, key_padding_mask=padding)
print(weights.detach().round(decimals=2))  # (batch, queries, keys): the last column is 0
out_short, _ = mha(x[:, :3], x[:, :3], x[:, :3])  # the same sequence without its padding
print(torch.allclose(out[:, :3], out_short, atol=1e-5))
# --8<-- [end:key_padding_mask]

# --8<-- [start:attn_mask_bool]
import torch
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=1, batch_first=True)
x = torch.randn(1, 3, 8)
blocked = torch.tensor(
    [
        [False, False, True],  # query 0 may not look at key 2
        [False, False, False],
        [True, False, False],  # query 2 may not look at key 0
    ]
)  # (queries, keys): True = may NOT attend
_, weights = mha(x, x, x, attn_mask=blocked)
print(weights.detach().round(decimals=2))
# --8<-- [end:attn_mask_bool]

# --8<-- [start:float_mask]
import torch
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=1, batch_first=True)
x = torch.randn(1, 3, 8)
blocked = torch.tensor([[False, False, True], [False, False, False], [True, False, False]])
additive = torch.zeros(3, 3).masked_fill(blocked, float("-inf"))  # added to the scores
print(additive)
out_bool, _ = mha(x, x, x, attn_mask=blocked)
out_float, _ = mha(x, x, x, attn_mask=additive)
print(torch.allclose(out_bool, out_float))
bias = torch.tensor([[0.0, 0.0, -2.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]])  # finite: a soft bias
_, plain = mha(x, x, x)
_, biased = mha(x, x, x, attn_mask=bias)
print(plain[0, 0, 2].item() > biased[0, 0, 2].item())  # key 2 gets less weight, not none
# --8<-- [end:float_mask]

# --8<-- [start:sdpa_bool_opposite]
import torch
import torch.nn.functional as F

torch.manual_seed(0)
q, k, v = torch.randn(3, 1, 2, 4, 8).unbind(0)  # (batch, heads, tokens, head_dim)
blocked = torch.tensor([[False, True, True, True]])  # nn.Transformer style: True = ignore
padding_float = torch.zeros(1, 4).masked_fill(blocked, float("-inf"))
reference = F.scaled_dot_product_attention(q, k, v, attn_mask=padding_float)
wrong = F.scaled_dot_product_attention(q, k, v, attn_mask=blocked)  # True = take part here
right = F.scaled_dot_product_attention(q, k, v, attn_mask=~blocked)  # invert it
print(torch.allclose(wrong, reference), torch.allclose(right, reference))
# --8<-- [end:sdpa_bool_opposite]

# --8<-- [start:sdpa_padding_shape]
import torch
import torch.nn.functional as F

q = k = v = torch.randn(2, 4, 5, 8)  # (batch, heads, tokens, head_dim)
lengths = torch.tensor([5, 3])
keep = torch.arange(5) < lengths[:, None]  # (batch, keys): True = real token
print(keep)
mask = keep[:, None, None, :]  # (batch, 1, 1, keys): broadcasts over heads and queries
out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
print(out.shape)
# --8<-- [end:sdpa_padding_shape]

# --8<-- [start:causal_mask]
import torch
from torch import nn

print(nn.Transformer.generate_square_subsequent_mask(4))  # float: -inf above the diagonal
print(torch.triu(torch.ones(4, 4, dtype=torch.bool), diagonal=1))  # the same, as bool
# --8<-- [end:causal_mask]

# --8<-- [start:is_causal_equal]
import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
x = torch.randn(2, 5, 16)
causal = nn.Transformer.generate_square_subsequent_mask(5)
out_float = encoder(x, mask=causal)
out_bool = encoder(x, mask=torch.triu(torch.ones(5, 5, dtype=torch.bool), diagonal=1))
out_hint = encoder(x, mask=causal, is_causal=True)  # a hint: the mask is causal
print(
    torch.allclose(out_float, out_bool, atol=1e-5), torch.allclose(out_float, out_hint, atol=1e-5)
)
x2 = x.clone()
x2[:, 3:] = 0.0  # change the future
print(torch.allclose(encoder(x2, mask=causal)[:, :3], out_float[:, :3], atol=1e-5))
# --8<-- [end:is_causal_equal]

# --8<-- [start:is_causal_wrong_hint]
import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=1, enable_nested_tensor=False)
x = torch.randn(2, 5, 16)
not_causal = torch.zeros(5, 5, dtype=torch.bool)
not_causal[0, 1] = True  # only: query 0 may not see key 1
causal = torch.triu(torch.ones(5, 5, dtype=torch.bool), diagonal=1)
wrong = encoder(x, mask=not_causal, is_causal=True)  # a false hint
print(torch.allclose(wrong, encoder(x, mask=not_causal), atol=1e-5))  # not what the mask says
print(torch.allclose(wrong, encoder(x, mask=causal), atol=1e-5))  # a causal mask was used
# --8<-- [end:is_causal_wrong_hint]

# --8<-- [start:is_causal_needs_mask]
import torch
from torch import nn

layer = nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=1, enable_nested_tensor=False)
x = torch.randn(2, 5, 16)
try:
    encoder(x, is_causal=True)  # the hint alone
except RuntimeError as e:
    print(type(e).__name__, e)
print(encoder(x, mask=nn.Transformer.generate_square_subsequent_mask(5), is_causal=True).shape)
# --8<-- [end:is_causal_needs_mask]

# --8<-- [start:sdpa_is_causal]
import torch
import torch.nn.functional as F

q, k, v = torch.randn(3, 2, 4, 5, 8).unbind(0)  # (batch, heads, tokens, head_dim)
may_attend = torch.tril(torch.ones(5, 5, dtype=torch.bool))  # sdpa: True = take part
a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
b = F.scaled_dot_product_attention(q, k, v, attn_mask=may_attend)
print(torch.allclose(a, b, atol=1e-5))
try:
    F.scaled_dot_product_attention(q, k, v, attn_mask=may_attend, is_causal=True)
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:sdpa_is_causal]

# --8<-- [start:padding_and_causal]
import warnings

import torch
from torch import nn

layer = nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=1, enable_nested_tensor=False)
x = torch.randn(2, 5, 16)
padding = torch.tensor([[False] * 5, [False, False, False, True, True]])  # bool, True = pad
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    encoder(x, mask=nn.Transformer.generate_square_subsequent_mask(5), src_key_padding_mask=padding)
for w in caught:
    print(w.category.__name__, w.message)
causal = torch.triu(torch.ones(5, 5, dtype=torch.bool), diagonal=1)  # bool too: no warning
print(encoder(x, mask=causal, src_key_padding_mask=padding).shape)
# --8<-- [end:padding_and_causal]

# --8<-- [start:fully_masked_nan]
import torch
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=1, batch_first=True)
x = torch.randn(1, 4, 8)
causal = torch.triu(torch.ones(4, 4, dtype=torch.bool), diagonal=1)
left_padded = torch.tensor([[True, False, False, False]])  # the padding comes first
out, _ = mha(x, x, x, key_padding_mask=left_padded, attn_mask=causal)
print(out.isnan().any(dim=-1))  # query 0 may attend to nothing: NaN
right_padded = torch.tensor([[False, False, False, True]])  # the padding comes last
out, _ = mha(x, x, x, key_padding_mask=right_padded, attn_mask=causal)
print(out.isnan().any(dim=-1))
# --8<-- [end:fully_masked_nan]
