"""torch.compile in a training step: modes, graph breaks, recompilation, autocast."""

# --8<-- [start:train_step]
import copy

import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(64, 8)
Y = X.sum(1, keepdim=True)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
eager = copy.deepcopy(model)  # the same initial weights, not compiled
model.compile(dynamic=False)  # in place: same keys, same parameters; compiles on the first call


def train(net):
    optimizer = torch.optim.SGD(net.parameters(), lr=0.05)
    for _ in range(20):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(net(X), Y)  # compiled forward
        loss.backward()  # compiled backward
        optimizer.step()  # the optimizer itself runs eagerly
    return loss.item()


print(round(train(eager), 4), round(train(model), 4))
print(
    all(
        torch.allclose(p, q, atol=1e-5)
        for p, q in zip(model.parameters(), eager.parameters(), strict=True)
    )
)
# --8<-- [end:train_step]

# --8<-- [start:modes]
import torch._inductor

for mode in ("default", "reduce-overhead", "max-autotune", "max-autotune-no-cudagraphs"):
    print(f"{mode:27}", torch._inductor.list_mode_options(mode))  # what each mode switches on
# --8<-- [end:modes]

# --8<-- [start:explain]
import torch


def step(x):
    y = x.sin()
    print("logging from inside")  # Python side effect: graph break
    total = y.sum().item()  # a Python float: graph break
    return y / total


explanation = torch._dynamo.explain(step)(torch.ones(4))
print("graphs:", explanation.graph_count, "- breaks:", explanation.graph_break_count)
for reason in explanation.break_reasons:
    print("-", reason.reason.splitlines()[0])


def step_fixed(x):
    y = x.sin()
    return y / y.sum()  # stays a tensor: no break


explanation = torch._dynamo.explain(step_fixed)(torch.ones(4))
print("fixed - graphs:", explanation.graph_count, "- breaks:", explanation.graph_break_count)
# --8<-- [end:explain]

# --8<-- [start:fullgraph]
import torch


def step(x):
    print("logging from inside")
    return x.sin()


try:
    torch.compile(step, backend="eager", fullgraph=True)(torch.ones(4))
except torch._dynamo.exc.Unsupported as e:
    print(type(e).__name__, "-", str(e).splitlines()[0])
# --8<-- [end:fullgraph]

# --8<-- [start:recompile]
import torch

graphs = []


def counting_backend(gm, example_inputs):  # a backend receives each captured graph
    graphs.append(any(isinstance(a, torch.SymInt) for a in example_inputs))  # shape-generic?
    return gm.forward  # and runs it as captured: no code generation, no compile time


def f(x):
    return (x * 2).sum(0)


for dynamic in (None, False, True):
    torch.compiler.reset()  # forget earlier compilations
    graphs.clear()
    compiled = torch.compile(f, backend=counting_backend, dynamic=dynamic)
    for batch in (2, 3, 4, 5):
        compiled(torch.randn(batch, 3))
    print(f"dynamic={dynamic}: {len(graphs)} graph(s), shape-generic: {graphs}")
# --8<-- [end:recompile]

# --8<-- [start:mark_dynamic]
import torch

graphs = []


def counting_backend(gm, example_inputs):
    graphs.append(any(isinstance(a, torch.SymInt) for a in example_inputs))
    return gm.forward


def f(x):
    return (x * 2).sum(0)


compiled = torch.compile(f, backend=counting_backend, dynamic=False)
for batch in (2, 3, 4, 5):
    x = torch.randn(batch, 3)
    torch._dynamo.mark_dynamic(x, 0)  # dim 0 varies: compile it shape-generic
    compiled(x)
print(f"{len(graphs)} graph(s), shape-generic: {graphs}")
# --8<-- [end:mark_dynamic]

# --8<-- [start:mark_dynamic_violated]
import torch


def f(x):
    if x.shape[0] == 4:  # the code depends on the exact size
        return x + 1
    return x * 2


x = torch.randn(4, 3)
torch._dynamo.mark_dynamic(x, 0)
try:
    torch.compile(f, backend="eager")(x)
except RuntimeError as e:
    print(type(e).__name__, "-", "\n".join(str(e).splitlines()[:2]))
# --8<-- [end:mark_dynamic_violated]

# --8<-- [start:recompile_limit]
import torch

graphs = []


def counting_backend(gm, example_inputs):
    graphs.append(gm)
    return gm.forward


compiled = torch.compile(lambda x: x * 2, backend=counting_backend, dynamic=False)
for batch in range(1, 13):  # 12 different shapes
    compiled(torch.randn(batch))
print("recompile limit:", torch._dynamo.config.recompile_limit, "- graphs:", len(graphs))
# --8<-- [end:recompile_limit]

# --8<-- [start:autocast]
import copy

import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
X = torch.randn(64, 8, device=device)
Y = X.sum(1, keepdim=True)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1)).to(device)
eager = copy.deepcopy(model)
model.compile(dynamic=False)


def train(net):
    optimizer = torch.optim.SGD(net.parameters(), lr=0.05)
    for _ in range(20):
        optimizer.zero_grad()
        with torch.autocast(device, dtype=torch.bfloat16):  # around the compiled call
            out = net(X)
            loss = nn.functional.mse_loss(out, Y)
        loss.backward()  # outside autocast, as without compile
        optimizer.step()
    return out.dtype, loss


(dtype, loss), (_, loss_eager) = train(model), train(eager)
print(dtype, next(model.parameters()).dtype)
print(torch.allclose(loss, loss_eager, rtol=0.05))
# --8<-- [end:autocast]
