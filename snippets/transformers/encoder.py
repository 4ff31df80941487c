"""Transformer encoder: nn.TransformerEncoderLayer/Encoder, shapes and options; the decoder after it."""

# --8<-- [start:encoder_layer]
import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(
    d_model=16,  # features per token; must be divisible by nhead
    nhead=2,
    dim_feedforward=64,  # hidden size of the MLP after attention
    dropout=0.0,
    batch_first=True,  # inputs are (batch, tokens, d_model)
)
x = torch.randn(3, 5, 16)  # 3 sequences of 5 tokens
print(layer(x).shape)  # same shape in and out
# --8<-- [end:encoder_layer]

# --8<-- [start:batch_first_pitfall]
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(3, 5, 16)  # (batch, tokens, d_model)
y = x.clone()
y[1] += 1.0  # change sequence 1 only
for batch_first in (False, True):
    layer = nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=batch_first)
    leaks = not torch.allclose(layer(x)[0], layer(y)[0])  # did sequence 0 change?
    print(f"batch_first={batch_first}: sequence 0 sees sequence 1: {leaks}")
# --8<-- [end:batch_first_pitfall]

# --8<-- [start:encoder_stack]
import torch
from torch import nn

layer = nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=3, enable_nested_tensor=False)
print(encoder(torch.randn(3, 5, 16)).shape)
print(len(encoder.layers), encoder.layers[0] is layer)  # num_layers deep copies
w0 = encoder.layers[0].linear1.weight
w1 = encoder.layers[1].linear1.weight
print(w0.data_ptr() == w1.data_ptr(), torch.equal(w0, w1))  # separate tensors, same start values
count = lambda m: sum(p.numel() for p in m.parameters())  # noqa: E731
print(count(encoder) == 3 * count(layer))
# --8<-- [end:encoder_stack]

# --8<-- [start:dim_feedforward_default]
from torch import nn

count = lambda m: sum(p.numel() for p in m.parameters())  # noqa: E731
default = nn.TransformerEncoderLayer(d_model=32, nhead=4, batch_first=True)
sized = nn.TransformerEncoderLayer(d_model=32, nhead=4, dim_feedforward=128, batch_first=True)
print(default.linear1, count(default))  # dim_feedforward=2048 by default
print(sized.linear1, count(sized))  # the usual 4 * d_model
print(default.dropout.p, default.activation.__name__)  # the other defaults
# --8<-- [end:dim_feedforward_default]

# --8<-- [start:norm_first]
import torch
from torch import nn

torch.manual_seed(0)
x = 3 * torch.randn(2, 5, 16) + 1
post = nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=True)
pre = nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=True, norm_first=True)
for name, layer in [("post-norm (default)", post), ("pre-norm, norm_first=True", pre)]:
    out = layer(x)
    mean = out.mean(-1).abs().max().item()
    std = out.std(-1, correction=0).mean().item()
    print(f"{name}: token mean {mean:.2f}, token std {std:.2f}")
# --8<-- [end:norm_first]

# --8<-- [start:pre_norm_stack]
import torch
from torch import nn

layer = nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=True, norm_first=True)
encoder = nn.TransformerEncoder(
    layer,
    num_layers=2,
    norm=nn.LayerNorm(16),  # the final norm that a pre-norm stack needs
    enable_nested_tensor=False,  # nested tensors need norm_first=False: say so, no warning
)
out = encoder(3 * torch.randn(2, 5, 16) + 1)
print(round(out.mean(-1).abs().max().item(), 2), round(out.std(-1, correction=0).mean().item(), 2))
# --8<-- [end:pre_norm_stack]

# --8<-- [start:nested_tensor_warning]
import warnings

from torch import nn

layer = nn.TransformerEncoderLayer(16, 2, 64, batch_first=True, norm_first=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    nn.TransformerEncoder(layer, num_layers=2)  # enable_nested_tensor=True by default
for w in caught:
    print(w.category.__name__, w.message)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
print(len(caught), "warnings")
# --8<-- [end:nested_tensor_warning]

# --8<-- [start:padding_outputs]
import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
x = torch.randn(2, 4, 16)
padding = torch.tensor([[False, False, False, False], [False, False, True, True]])  # True = pad
out = encoder(x, src_key_padding_mask=padding)
x2 = x.clone()
x2[1, 2:] = 100.0  # change what sits in the padded slots
out2 = encoder(x2, src_key_padding_mask=padding)
print(torch.allclose(out[1, :2], out2[1, :2]))  # real tokens: unchanged
print(bool(out[1, 2:].abs().sum() > 0))  # padded slots still hold numbers: ignore them
keep = (~padding).unsqueeze(-1).float()  # (batch, tokens, 1): 1 for real tokens
pooled = (out * keep).sum(1) / keep.sum(1)  # mean over real tokens only
print(pooled.shape, torch.allclose(pooled[1], out[1, :2].mean(0)))
# --8<-- [end:padding_outputs]

# --8<-- [start:decoder]
import torch
from torch import nn

torch.manual_seed(0)
encoder = nn.TransformerEncoder(
    nn.TransformerEncoderLayer(16, 2, 64, dropout=0.0, batch_first=True),
    num_layers=2,
    enable_nested_tensor=False,
)
decoder = nn.TransformerDecoder(
    nn.TransformerDecoderLayer(16, 2, 64, dropout=0.0, batch_first=True), num_layers=2
)
src = torch.randn(3, 7, 16)  # 3 source sequences of 7 tokens
tgt = torch.randn(3, 5, 16)  # the target tokens so far: 5 each
memory = encoder(src)  # every decoder layer cross-attends to it
causal = nn.Transformer.generate_square_subsequent_mask(5)  # (tgt tokens, tgt tokens)
out = decoder(tgt, memory, tgt_mask=causal)
print(tuple(memory.shape), "->", tuple(out.shape))
tgt2 = tgt.clone()
tgt2[:, 3:] = 0.0  # change target tokens 3 and 4
print(torch.allclose(decoder(tgt2, memory, tgt_mask=causal)[:, :3], out[:, :3], atol=1e-6))
print(torch.allclose(decoder(tgt2, memory)[:, :3], out[:, :3], atol=1e-6))  # no mask: they see it
# --8<-- [end:decoder]
