"""Target and index errors: each one raised with its real message, then fixed."""

# --8<-- [start:ce_float_target]
import torch
from torch import nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3]])
labels = torch.tensor([0.0, 1.0])  # class indices stored as floats, e.g. read from a CSV
try:
    nn.CrossEntropyLoss()(logits, labels)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
# --8<-- [end:ce_float_target]

# --8<-- [start:ce_float_target_fix]
import torch
from torch import nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3]])
labels = torch.tensor([0.0, 1.0])
labels = labels.long()  # class indices: int64
print(labels.dtype, round(nn.CrossEntropyLoss()(logits, labels).item(), 4))
# --8<-- [end:ce_float_target_fix]

# --8<-- [start:bce_int_target]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)  # one logit per sample: a binary classifier
x = torch.randn(4, 3)
labels = torch.tensor([1, 0, 1, 1])  # int64, shape (4,), as a Dataset returns them
loss_fn = nn.BCEWithLogitsLoss()
for logits in (model(x), model(x).squeeze(1)):  # shape (4, 1), then (4,)
    try:
        loss_fn(logits, labels)
    except (ValueError, RuntimeError) as e:
        print(f"{type(e).__name__}: {e}")
# --8<-- [end:bce_int_target]

# --8<-- [start:bce_int_target_fix]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
x = torch.randn(4, 3)
labels = torch.tensor([1, 0, 1, 1])
logits = model(x).squeeze(1)  # (4,): the same shape as the labels
loss = nn.BCEWithLogitsLoss()(logits, labels.float())  # targets: float, 0.0 or 1.0
print(logits.shape, round(loss.item(), 4))
# --8<-- [end:bce_int_target_fix]

# --8<-- [start:target_out_of_bounds]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(4, 5)  # 5 outputs: classes 0 to 4
labels = torch.tensor([1, 5, 3])  # labels numbered 1 to 5
try:
    nn.CrossEntropyLoss()(model(torch.randn(3, 4)), labels)
except IndexError as e:
    print(f"{type(e).__name__}: {e}")
# --8<-- [end:target_out_of_bounds]

# --8<-- [start:target_out_of_bounds_fix]
import torch
from torch import nn

torch.manual_seed(0)
labels = torch.tensor([1, 5, 3])
print(labels.min().item(), labels.max().item())  # check the range before training
labels = labels - 1  # classes 0 to 4, as CrossEntropyLoss expects
model = nn.Linear(4, 5)
print(round(nn.CrossEntropyLoss()(model(torch.randn(3, 4)), labels).item(), 4))
# --8<-- [end:target_out_of_bounds_fix]

# --8<-- [start:embedding_index]
import torch
from torch import nn

vocab = {"<pad>": 0, "the": 1, "cat": 2, "sat": 3}
embed = nn.Embedding(len(vocab), 8)  # rows 0 to 3
tokens = torch.tensor([[1, 2, 3, 4]])  # token 4: a word added to the vocabulary later
try:
    embed(tokens)
except IndexError as e:
    print(f"{type(e).__name__}: {e}")
# --8<-- [end:embedding_index]

# --8<-- [start:embedding_index_fix]
import torch
from torch import nn

vocab = {"<pad>": 0, "the": 1, "cat": 2, "sat": 3, "mat": 4}
tokens = torch.tensor([[1, 2, 3, 4]])
print(tokens.max().item() < len(vocab))  # every index must be below num_embeddings
embed = nn.Embedding(len(vocab), 8)  # size it from the final vocabulary
print(embed(tokens).shape)
# --8<-- [end:embedding_index_fix]
