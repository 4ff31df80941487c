"""nn.Module: layers in __init__, forward, call the model, the batch dimension, add_module."""

# --8<-- [start:define]
import torch
from torch import nn


class TinyNet(nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()  # always first: it sets up the layer registry
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(x)))


torch.manual_seed(0)
model = TinyNet(n_in=4, n_hidden=8, n_out=2)
x = torch.randn(5, 4)  # a batch of 5 samples with 4 features each
print(model(x).shape)
# --8<-- [end:define]

# --8<-- [start:functional_dropout]
import torch
import torch.nn.functional as F
from torch import nn


class Forgets(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)

    def forward(self, x):
        return F.dropout(self.fc(x), p=0.5)  # training=True by default: drops even in eval()


class Follows(Forgets):
    def forward(self, x):
        return F.dropout(self.fc(x), p=0.5, training=self.training)  # follows train()/eval()


class AsModule(Forgets):
    def __init__(self):
        super().__init__()
        self.drop = nn.Dropout(p=0.5)  # a module reads self.training itself

    def forward(self, x):
        return self.drop(self.fc(x))


torch.manual_seed(0)
x = torch.randn(4, 8)
with torch.no_grad():
    for model in (Forgets().eval(), Follows().eval(), AsModule().eval()):
        print(
            f"{type(model).__name__:8} in eval(), deterministic:", torch.equal(model(x), model(x))
        )
# --8<-- [end:functional_dropout]

# --8<-- [start:missing_super]
from torch import nn


class Broken(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(4, 2)  # forgot super().__init__()


try:
    Broken()
except AttributeError as e:
    print(type(e).__name__, e)
# --8<-- [end:missing_super]

# --8<-- [start:call_not_forward]
import torch
from torch import nn

model = nn.Linear(3, 2)
calls = []
model.register_forward_hook(lambda module, inputs, output: calls.append(output.shape))

x = torch.randn(4, 3)
model(x)
print("hook calls after model(x):        ", len(calls))
model.forward(x)
print("hook calls after model.forward(x):", len(calls))
# --8<-- [end:call_not_forward]

# --8<-- [start:batch_dimension]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))

batch = torch.randn(16, 4)  # (batch, features)
print(model(batch).shape)

sample = torch.randn(4)  # one sample: add the batch dimension
print(sample.unsqueeze(0).shape, "->", model(sample.unsqueeze(0)).shape)
# --8<-- [end:batch_dimension]

# --8<-- [start:missing_batch_dim]
import torch
from torch import nn

model = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.Flatten(), nn.Linear(8 * 28 * 28, 10))
image = torch.zeros(1, 28, 28)  # (channels, height, width): no batch dimension

try:
    model(image)
except RuntimeError as e:
    print(type(e).__name__, e)

print(model(image.unsqueeze(0)).shape)  # (1, 1, 28, 28) -> (1, 10)
# --8<-- [end:missing_batch_dim]

# --8<-- [start:buffers]
import torch
from torch import nn


class Scaler(nn.Module):
    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean))  # saved and moved, not trained
        self.std = torch.tensor(std)  # plain attribute: invisible to the model

    def forward(self, x):
        return (x - self.mean) / self.std


m = Scaler(2.0, 4.0)
print(m(torch.tensor([6.0, 10.0])))
print("state_dict:", list(m.state_dict()))
m.double()  # .to(), .cuda(), .double() convert buffers too, not plain attributes
print(m.mean.dtype, m.std.dtype)
# --8<-- [end:buffers]

# --8<-- [start:add_module]
import torch
from torch import nn


class Heads(nn.Module):
    def __init__(self, tasks):
        super().__init__()
        for task, n_out in tasks.items():
            self.add_module(f"head_{task}", nn.Linear(8, n_out))  # a name computed at run time

    def forward(self, x):
        return {name: head(x) for name, head in self.named_children()}


model = Heads({"age": 1, "label": 5})
model.register_module("head_mood", nn.Linear(8, 3))  # an alias of add_module
print([name for name, _ in model.named_children()])
print({name: tuple(y.shape) for name, y in model(torch.randn(2, 8)).items()})
try:
    model.add_module("backbone.fc", nn.Linear(8, 8))
except KeyError as e:
    print(type(e).__name__, e.args[0])
# --8<-- [end:add_module]
