"""CUDA graphs by hand and with torch.compile(mode="reduce-overhead"); pinned-memory copy timing.

Every section needs an NVIDIA GPU: the page marks them "Needs CUDA", and each section does nothing
without one, so that the module still runs as a script on a CPU.
"""

# --8<-- [start:capture_replay]
import torch
from torch import nn

if torch.cuda.is_available():  # CUDA graphs exist on NVIDIA GPUs only
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 10)).cuda().eval()
    static_input = torch.zeros(32, 64, device="cuda")  # every replay reads this memory
    with torch.no_grad():
        side = torch.cuda.Stream()  # warm up on a side stream before capturing
        side.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(side):
            for _ in range(3):
                model(static_input)
        torch.cuda.current_stream().wait_stream(side)

        graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(graph):  # records the kernels instead of running them
            static_output = model(static_input)

        for _ in range(3):
            batch = torch.randn(32, 64, device="cuda")
            static_input.copy_(batch)  # new data into the same memory
            graph.replay()  # launches every recorded kernel with one call
            print(torch.allclose(static_output, model(batch), atol=1e-5))
# --8<-- [end:capture_replay]

# --8<-- [start:static_output]
if torch.cuda.is_available():
    kept = static_output  # the same memory, not a copy
    saved = static_output.clone()  # a copy: survives the next replay
    static_input.copy_(torch.randn(32, 64, device="cuda"))
    graph.replay()
    print(torch.equal(kept, static_output), torch.equal(saved, static_output))
# --8<-- [end:static_output]

# --8<-- [start:reduce_overhead]
import torch
from torch import nn

if torch.cuda.is_available():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 10)).cuda().eval()
    compiled = torch.compile(model, mode="reduce-overhead")  # Inductor kernels in a CUDA graph
    x = torch.randn(32, 64, device="cuda")
    with torch.no_grad():
        for _ in range(3):  # the first calls compile, warm up and record; later calls replay
            out = compiled(x).clone()  # clone what you keep: the next call reuses the memory
        print(torch.allclose(out, model(x), atol=1e-4))
# --8<-- [end:reduce_overhead]

# --8<-- [start:overwritten]
import torch

if torch.cuda.is_available():
    compiled = torch.compile(lambda x: x @ x, mode="reduce-overhead")
    x = torch.randn(16, 16, device="cuda")
    first = compiled(x)
    second = compiled(x)  # a new run: may reuse the memory `first` points to
    try:
        print(first.sum())
    except RuntimeError as e:
        print(type(e).__name__, str(e).split(". ")[0])
# --8<-- [end:overwritten]

# --8<-- [start:pinned_timing]
import torch

if torch.cuda.is_available():
    x = torch.randn(32, 1024, 1024)  # 128 MiB in ordinary (pageable) memory
    pinned = x.pin_memory()  # a page-locked copy
    for name, source in (("pageable", x), ("pinned", pinned)):
        source.to("cuda")  # warm up
        start = torch.cuda.Event(enable_timing=True)
        end = torch.cuda.Event(enable_timing=True)
        torch.cuda.synchronize()
        start.record()
        for _ in range(5):
            source.to("cuda", non_blocking=True)
        end.record()
        torch.cuda.synchronize()  # wait for the copies before reading the events
        ms = start.elapsed_time(end) / 5
        print(f"{name:8}: {ms:.1f} ms per copy, {x.nbytes / ms / 1e6:.1f} GB/s")
    on_gpu = pinned.to("cuda", non_blocking=True)  # returns at once; the copy runs on
    print("copy still running when .to() returned:", not torch.cuda.current_stream().query())
    torch.cuda.synchronize()  # before using on_gpu from another stream or the CPU
# --8<-- [end:pinned_timing]
