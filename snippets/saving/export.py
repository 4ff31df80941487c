"""Export a model: torch.export to an ExportedProgram (.pt2), and to ONNX."""

# --8<-- [start:export]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)).eval()
x = torch.randn(3, 4)
exported = torch.export.export(model, (x,))  # traces forward into a graph of aten ops
print(type(exported).__name__)
print([str(n.target) for n in exported.graph.nodes if n.op == "call_function"])
print([spec.kind.name for spec in exported.graph_signature.input_specs])
print(torch.equal(exported.module()(x), model(x)))  # .module() runs it like a model
# --8<-- [end:export]

# --8<-- [start:static_shape_pitfall]
import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)).eval()
exported = torch.export.export(model, (torch.randn(3, 4),))  # the batch size 3 is baked in
try:
    exported.module()(torch.randn(5, 4))
except AssertionError as e:
    print(type(e).__name__, e)
# --8<-- [end:static_shape_pitfall]

# --8<-- [start:dynamic_batch]
import torch
from torch import nn
from torch.export import Dim

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)).eval()
batch = Dim("batch")  # dimension 0 of the first input may vary
exported = torch.export.export(model, (torch.randn(3, 4),), dynamic_shapes=({0: batch},))
for n in (1, 5, 64):
    print(exported.module()(torch.randn(n, 4)).shape)
# --8<-- [end:dynamic_batch]

# --8<-- [start:save_load_pt2]
import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)).eval()
x = torch.randn(3, 4)
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "model.pt2")
    torch.export.save(torch.export.export(model, (x,)), path)  # graph and weights
    loaded = torch.export.load(path)  # no Python class needed to load it
print(torch.equal(loaded.module()(x), model(x)))
# --8<-- [end:save_load_pt2]

# --8<-- [start:onnx]
import os
import tempfile

import numpy as np
import onnxruntime as ort
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)).eval()
x = torch.randn(3, 4)
onnx_program = torch.onnx.export(
    model, (x,), dynamo=True, input_names=["x"], dynamic_shapes=({0: "batch"},), verbose=False
)
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "model.onnx")
    onnx_program.save(path)  # one file: graph and weights
    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
x5 = torch.randn(5, 4)  # another batch size
(out,) = session.run(None, {"x": x5.numpy()})
with torch.no_grad():
    print(out.shape, np.allclose(out, model(x5).numpy(), atol=1e-5))
# --8<-- [end:onnx]
