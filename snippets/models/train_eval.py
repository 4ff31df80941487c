"""Freezing layers, and what train() and eval() change: dropout and batch norm."""

# --8<-- [start:freeze]
import torch
from torch import nn


def trainable(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


torch.manual_seed(0)
model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 2))
print("trainable before:", trainable(model))
model[:4].requires_grad_(False)  # freeze everything but the head
print("trainable after: ", trainable(model))
optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.1)
print(len(optimizer.param_groups[0]["params"]), "tensors handed to the optimizer")
# --8<-- [end:freeze]

# --8<-- [start:freeze_step]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
model[0].requires_grad_(False)
optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.1)
frozen, head = model[0].weight.clone(), model[2].weight.clone()

model(torch.randn(16, 4)).pow(2).mean().backward()
optimizer.step()
print("frozen unchanged:", torch.equal(frozen, model[0].weight), model[0].weight.grad)
print("head unchanged:  ", torch.equal(head, model[2].weight))
# --8<-- [end:freeze_step]

# --8<-- [start:eval_is_not_freezing]
import torch
from torch import nn

model = nn.Linear(4, 1)
model.eval()  # changes layer behavior only; gradients still flow
print("requires_grad:", all(p.requires_grad for p in model.parameters()))
model(torch.randn(3, 4)).sum().backward()
print("got a gradient:", model.weight.grad is not None)
# --8<-- [end:eval_is_not_freezing]

# --8<-- [start:modes]
from torch import nn

model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5), nn.BatchNorm1d(4))
print(model.training, [m.training for m in model])  # new modules are in training mode
model.eval()  # recursive: every submodule switches
print(model.training, [m.training for m in model])
model.train()
print(model.training, [m.training for m in model])
# --8<-- [end:modes]

# --8<-- [start:forgot_eval]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 3))
x = torch.randn(5, 4)
with torch.no_grad():  # no_grad does NOT switch dropout off
    preds = [model(x).argmax(dim=1).tolist() for _ in range(3)]
print(preds)  # the same inputs, different predictions
model.eval()
with torch.no_grad():
    print([model(x).argmax(dim=1).tolist() for _ in range(3)])
# --8<-- [end:forgot_eval]

# --8<-- [start:batchnorm_modes]
import torch
from torch import nn

torch.manual_seed(0)
bn = nn.BatchNorm1d(3)
batch = torch.randn(8, 3) * 2 + 5
with torch.no_grad():
    alone, in_batch = bn(batch[:2]), bn(batch)[:2]  # train mode: batch statistics
    print("train: same rows alone and in the batch?", torch.allclose(alone, in_batch))
    bn.eval()  # eval mode: the running statistics gathered during training
    alone, in_batch = bn(batch[:2]), bn(batch)[:2]
    print("eval:  same rows alone and in the batch?", torch.allclose(alone, in_batch))
print("running_mean:", bn.running_mean.round(decimals=3))
# --8<-- [end:batchnorm_modes]

# --8<-- [start:frozen_batchnorm]
import torch
from torch import nn

torch.manual_seed(0)
bn = nn.BatchNorm1d(3)
bn.requires_grad_(False)  # freezes gamma and beta only
bn(torch.randn(8, 3) + 5)
print("running_mean moved:", bn.running_mean.round(decimals=3))

bn.reset_running_stats()
bn.eval()  # eval() is what stops the running statistics from updating
bn(torch.randn(8, 3) + 5)
print("running_mean kept: ", bn.running_mean)
# --8<-- [end:frozen_batchnorm]
