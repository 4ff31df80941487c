"""A minimal decoder-only language model: causal encoder stack, weight tying, greedy generation."""

# --8<-- [start:model]
import torch
from torch import nn


class TinyLM(nn.Module):
    def __init__(self, vocab, d_model=32, nhead=2, num_layers=2, max_len=64):
        super().__init__()
        self.tok = nn.Embedding(vocab, d_model)
        self.pos = nn.Embedding(max_len, d_model)  # learned positions
        layer = nn.TransformerEncoderLayer(
            d_model, nhead, 2 * d_model, dropout=0.0, batch_first=True, norm_first=True
        )
        self.blocks = nn.TransformerEncoder(layer, num_layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(d_model)  # pre-norm stacks end with a norm
        self.head = nn.Linear(d_model, vocab, bias=False)
        self.head.weight = self.tok.weight  # weight tying: one (vocab, d_model) matrix
        nn.init.normal_(self.tok.weight, std=0.1)
        nn.init.normal_(self.pos.weight, std=0.1)
        self.causal = True

    def forward(self, ids):  # ids: (batch, tokens) -> logits: (batch, tokens, vocab)
        t = ids.shape[1]
        h = self.tok(ids) + self.pos(torch.arange(t, device=ids.device))
        mask = nn.Transformer.generate_square_subsequent_mask(t, device=ids.device)
        if self.causal:
            h = self.blocks(h, mask=mask, is_causal=True)
        else:
            h = self.blocks(h)
        return self.head(self.norm(h))


torch.manual_seed(0)
vocab = 10
model = TinyLM(vocab)
print(model(torch.randint(0, vocab, (4, 16))).shape)
print(
    model.head.weight is model.tok.weight,
    model.head.weight.data_ptr() == model.tok.weight.data_ptr(),
)
n_params = sum(p.numel() for p in model.parameters())  # the shared matrix counts once
n_saved = sum(t.numel() for t in model.state_dict().values())  # both names are saved
print(n_params, n_saved - n_params, vocab * 32)
# --8<-- [end:model]

# --8<-- [start:causality_check]
ids = torch.randint(0, vocab, (1, 8))
changed = ids.clone()
changed[0, 5] = (ids[0, 5] + 1) % vocab  # change token 5 only
for causal in (True, False):
    model.causal = causal
    with torch.no_grad():
        before, after = model(ids), model(changed)
    same = torch.allclose(before[0, :5], after[0, :5], atol=1e-5)
    print(f"causal={causal}: positions 0-4 unaffected by token 5: {same}")
model.causal = True
# --8<-- [end:causality_check]

# --8<-- [start:train]
import math

import torch.nn.functional as F

torch.manual_seed(0)
pattern = torch.tensor([3, 1, 4, 1, 5, 9, 2, 6])  # after a 1 comes 4 or 5: context decides
data = pattern.repeat(20)  # 160 tokens
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
for step in range(60):
    starts = torch.randint(0, len(data) - 17, (8,))  # 8 random windows of 16 + 1 tokens
    x = torch.stack([data[s : s + 16] for s in starts])
    y = torch.stack([data[s + 1 : s + 17] for s in starts])  # the next token at every position
    optimizer.zero_grad()
    logits = model(x)
    loss = F.cross_entropy(logits.reshape(-1, vocab), y.reshape(-1))
    loss.backward()
    optimizer.step()
    if step % 20 == 0 or step == 59:
        print(f"step {step:2d}  loss {loss.item():.2f}")
print(f"ln(vocab) = {math.log(vocab):.2f}: the loss of a uniform guess")
# --8<-- [end:train]

# --8<-- [start:generate]
model.eval()
ids = torch.tensor([[3, 1, 4]])  # a prompt
with torch.no_grad():
    for _ in range(12):
        context = ids[:, -64:]  # never more than max_len positions
        next_id = model(context)[:, -1].argmax(dim=-1, keepdim=True)  # greedy: the most likely
        ids = torch.cat([ids, next_id], dim=1)
print(ids.tolist())
# --8<-- [end:generate]
