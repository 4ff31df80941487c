"""Silent pitfalls: no error, wrong numbers. Each one shown misbehaving, then fixed."""

# --8<-- [start:no_zero_grad]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
x, y = torch.randn(8, 3), torch.randn(8, 1)
for step in range(3):  # the same batch three times, no zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    print(step, torch.round(model.bias.grad, decimals=4))
# --8<-- [end:no_zero_grad]

# --8<-- [start:no_zero_grad_fix]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
x, y = torch.randn(8, 3), torch.randn(8, 1)
for step in range(3):
    model.zero_grad()  # in a training loop: optimizer.zero_grad(), once per step
    nn.functional.mse_loss(model(x), y).backward()
    print(step, torch.round(model.bias.grad, decimals=4))
# --8<-- [end:no_zero_grad_fix]

# --8<-- [start:no_eval]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 1))
x = torch.randn(2, 4)
a, b = model(x), model(x)  # a new model is in training mode: dropout is on
print(model.training, torch.equal(a, b))
print(torch.round(a.detach().flatten(), decimals=4), torch.round(b.detach().flatten(), decimals=4))
# --8<-- [end:no_eval]

# --8<-- [start:no_eval_fix]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 1))
x = torch.randn(2, 4)
model.eval()  # dropout off, batch norm uses its running statistics
with torch.no_grad():
    a, b = model(x), model(x)
print(model.training, torch.equal(a, b))
model.train()  # and back before the next training epoch
# --8<-- [end:no_eval_fix]

# --8<-- [start:softmax_ce]
import torch
from torch import nn

loss_fn = nn.CrossEntropyLoss()  # applies log-softmax itself
target = torch.tensor([0])
good = torch.tensor([[10.0, 0.0, 0.0]])  # confidently right
bad = torch.tensor([[0.0, 10.0, 0.0]], requires_grad=True)  # confidently wrong
print("right, loss:", round(loss_fn(good.softmax(dim=1), target).item(), 4))
loss_fn(bad.softmax(dim=1), target).backward()  # softmax first: the mistake
print("wrong, gradient:", round(bad.grad.norm().item(), 4))
# --8<-- [end:softmax_ce]

# --8<-- [start:softmax_ce_fix]
import torch
from torch import nn

loss_fn = nn.CrossEntropyLoss()
target = torch.tensor([0])
good = torch.tensor([[10.0, 0.0, 0.0]])
bad = torch.tensor([[0.0, 10.0, 0.0]], requires_grad=True)
print("right, loss:", round(loss_fn(good, target).item(), 4))  # raw logits in
loss_fn(bad, target).backward()
print("wrong, gradient:", round(bad.grad.norm().item(), 4))
print(torch.round(good.softmax(dim=1), decimals=4))  # softmax only to read probabilities
# --8<-- [end:softmax_ce_fix]

# --8<-- [start:mean_of_means]
import torch
from torch.utils.data import DataLoader

losses = torch.tensor([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 5.0, 5.0])  # one per sample
batch_means = [batch.mean().item() for batch in DataLoader(losses, batch_size=4)]
print(batch_means)  # batches of 4, 4 and 2
print("mean of batch means:", round(sum(batch_means) / len(batch_means), 4))
print("true mean:", round(losses.mean().item(), 4))
# --8<-- [end:mean_of_means]

# --8<-- [start:mean_of_means_fix]
import torch
from torch.utils.data import DataLoader

losses = torch.tensor([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 5.0, 5.0])
total, count = 0.0, 0
for batch in DataLoader(losses, batch_size=4):
    total += batch.mean().item() * len(batch)  # weight each batch mean by its size
    count += len(batch)
print("epoch loss:", round(total / count, 4))
# --8<-- [end:mean_of_means_fix]
