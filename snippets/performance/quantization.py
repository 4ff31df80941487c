"""Dynamic int8 quantization for CPU inference with torchao: accuracy, size, save and load, speed."""

# --8<-- [start:float_model]
import torch
from torch import nn

torch.manual_seed(0)
centers = torch.randn(4, 32) * 0.3  # 4 classes, overlapping clouds in 32 dimensions
y_train, y_test = torch.randint(0, 4, (1000,)), torch.randint(0, 4, (1000,))
x_train = centers[y_train] + torch.randn(1000, 32)
x_test = centers[y_test] + torch.randn(1000, 32)


def make_model():
    return nn.Sequential(
        nn.Linear(32, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 4)
    )


model = make_model()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for _ in range(60):  # full-batch steps: enough for this task
    optimizer.zero_grad()
    nn.functional.cross_entropy(model(x_train), y_train).backward()
    optimizer.step()
model.eval()


def accuracy(m):
    with torch.inference_mode():
        return (m(x_test).argmax(1) == y_test).float().mean().item()


print("float32 test accuracy:", round(accuracy(model), 3))
# --8<-- [end:float_model]

# --8<-- [start:quantize]
import copy

from torchao.quantization import Int8DynamicActivationInt8WeightConfig, quantize_

quantized = copy.deepcopy(model)  # quantize_ changes the model in place
config = Int8DynamicActivationInt8WeightConfig(set_inductor_config=False)  # see below
quantize_(quantized, config)  # every nn.Linear, in place
print(type(quantized[0]).__name__, type(quantized[0].weight).__name__)
print("int8 test accuracy:", round(accuracy(quantized), 3))
with torch.inference_mode():
    float_out, int8_out = model(x_test), quantized(x_test)
print(
    "same predictions:", round((float_out.argmax(1) == int8_out.argmax(1)).float().mean().item(), 3)
)
largest = (float_out - int8_out).abs().max() / float_out.abs().max()
print("largest logit difference < 1% of the largest logit:", largest.item() < 0.01)
# --8<-- [end:quantize]

# --8<-- [start:size]
import io


def saved_bytes(m):
    buffer = io.BytesIO()
    torch.save(m.state_dict(), buffer)
    return buffer.tell()


print("float32 state_dict:", saved_bytes(model), "bytes")
print("int8 state_dict:   ", saved_bytes(quantized), "bytes")
print("ratio:", round(saved_bytes(model) / saved_bytes(quantized), 2))
# --8<-- [end:size]

# --8<-- [start:save_load]
torch.save(quantized.state_dict(), "int8.pt")
state = torch.load("int8.pt", weights_only=True)  # torchao's tensor types load with weights_only
plain = make_model()
try:
    plain.load_state_dict(state)  # a float model cannot take int8 weights by copying
except RuntimeError as e:
    print(type(e).__name__, str(e).splitlines()[0], str(e).splitlines()[1].strip())
restored = make_model()
quantize_(restored, config)  # the same structure first
restored.load_state_dict(state)
with torch.inference_mode():
    print(torch.equal(restored(x_test), quantized(x_test)))
# --8<-- [end:save_load]

# --8<-- [start:speed]
import copy

import torch
from torch import nn
from torch.utils import benchmark
from torchao.quantization import Int8DynamicActivationInt8WeightConfig, quantize_

big = nn.Sequential(nn.Linear(1024, 4096), nn.ReLU(), nn.Linear(4096, 1024)).eval()
big_int8 = copy.deepcopy(big)
quantize_(big_int8, Int8DynamicActivationInt8WeightConfig(set_inductor_config=False))
x = torch.randn(64, 1024)
with torch.inference_mode():
    for name, m in (("float32", big), ("int8", big_int8)):
        timer = benchmark.Timer("m(x)", globals={"m": m, "x": x})
        print(f"{name:8} {timer.blocked_autorange(min_run_time=0.2).median * 1e3:.1f} ms")
# --8<-- [end:speed]

# --8<-- [start:torch_ao_deprecated]
import warnings

import torch
from torch import nn

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from torch.ao.quantization import quantize_dynamic

    quantize_dynamic(nn.Sequential(nn.Linear(4, 4)), {nn.Linear}, dtype=torch.qint8)
deprecations = [w for w in caught if w.category is DeprecationWarning]
print(deprecations[0].category.__name__, str(deprecations[0].message).split(". ")[0])
# --8<-- [end:torch_ao_deprecated]
