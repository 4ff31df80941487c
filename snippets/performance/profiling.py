"""Profiling and timing: torch.profiler tables, labels, schedules; torch.utils.benchmark.Timer."""

# --8<-- [start:profile]
import torch
from torch import nn
from torch.profiler import ProfilerActivity, profile

model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
x = torch.randn(32, 64)
with profile(activities=[ProfilerActivity.CPU]) as prof:  # add ProfilerActivity.CUDA on a GPU
    for _ in range(3):
        model(x)
table = prof.key_averages().table(sort_by="cpu_time_total", row_limit=5)  # print(table)
calls = {event.key: event.count for event in prof.key_averages()}
print(calls["aten::linear"], calls["aten::addmm"], calls["aten::relu"])
print("aten::addmm" in table)
# --8<-- [end:profile]

# --8<-- [start:record_function]
import torch
from torch import nn
from torch.profiler import profile, record_function

model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
x = torch.randn(32, 64)
with profile() as prof:
    with record_function("forward"):  # a named range: one row in the table
        loss = model(x).sum()
    with record_function("backward"):
        loss.backward()
names = {event.key for event in prof.key_averages()}
print(sorted(name for name in names if name in ("forward", "backward")))
print(sorted(name for name in names if name.endswith("Backward0") and "::" not in name))
# --8<-- [end:record_function]

# --8<-- [start:shapes_memory]
import torch
from torch import nn
from torch.profiler import profile

model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
x = torch.randn(32, 64)
with profile(record_shapes=True, profile_memory=True) as prof:
    model(x)
for event in prof.key_averages(group_by_input_shape=True):  # one row per op and input shapes
    if event.key == "aten::addmm":  # bias, input, weight.T, then the two scalars
        print(event.input_shapes, event.self_cpu_memory_usage, "bytes")
# --8<-- [end:shapes_memory]

# --8<-- [start:schedule]
import os

import torch
from torch import nn
from torch.profiler import profile, schedule

model = nn.Linear(64, 10)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(32, 64)
with profile(
    schedule=schedule(wait=1, warmup=1, active=2, repeat=1),  # skip 1, warm up 1, record 2
    on_trace_ready=lambda p: p.export_chrome_trace("trace.json"),  # when the 2 steps are done
) as prof:
    for _ in range(5):
        optimizer.zero_grad()
        model(x).sum().backward()
        optimizer.step()
        prof.step()  # tell the profiler that one step ended
steps = {event.key: event.count for event in prof.key_averages()}["ProfilerStep*"]
print("steps recorded:", steps)
print(os.path.exists("trace.json"))
# --8<-- [end:schedule]

# --8<-- [start:timer]
import torch
from torch.utils import benchmark


def python_loop(x):
    total = torch.tensor(0.0)
    for value in x:  # one tiny tensor operation per element
        total += value * value
    return total


x = torch.randn(200)
loop = benchmark.Timer("python_loop(x)", globals={"python_loop": python_loop, "x": x})
vectorized = benchmark.Timer("(x * x).sum()", globals={"x": x})
slow, fast = loop.timeit(number=10), vectorized.timeit(number=10)  # Measurements, in seconds
print(torch.allclose(python_loop(x), (x * x).sum()))
print("vectorized faster:", fast.mean < slow.mean)
print("more than 10x:", slow.mean / fast.mean > 10)
# --8<-- [end:timer]

# --8<-- [start:compare]
import torch
from torch.utils import benchmark

results = []
for n in (64, 256):
    a = torch.randn(n, n)
    for name, stmt in (("a @ a", "a @ a"), ("einsum", "torch.einsum('ij,jk->ik', a, a)")):
        timer = benchmark.Timer(
            stmt,
            globals={"a": a, "torch": torch},
            label="matmul",
            sub_label=f"{n}x{n}",
            description=name,
        )
        results.append(timer.timeit(number=20))
benchmark.Compare(results).print()  # one table: rows are sub_labels, columns descriptions
# --8<-- [end:compare]

# --8<-- [start:timer_threads]
import torch
from torch.utils import benchmark

a = torch.randn(128, 128)
default = benchmark.Timer("a @ a", globals={"a": a}).timeit(number=5)
all_threads = benchmark.Timer(
    "a @ a", globals={"a": a}, num_threads=torch.get_num_threads()
).timeit(number=5)
print(default.num_threads)  # 1, whatever the machine
print(all_threads.num_threads == torch.get_num_threads())
# --8<-- [end:timer_threads]

# --8<-- [start:num_threads]
import torch

before = torch.get_num_threads()  # threads one operator may use (intra-op), for the process
torch.set_num_threads(1)  # e.g. several processes sharing one machine's cores
print(torch.get_num_threads())
torch.set_num_threads(before)  # global: restore it for the rest of the program
print(torch.get_num_threads() == before)
# --8<-- [end:num_threads]
