"""Mixed precision: torch.autocast and torch.amp.GradScaler."""

# --8<-- [start:autocast_dtypes]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
if device == "cuda":  # bfloat16 where the GPU computes it natively (compute capability >= 8.0)
    native_bf16 = torch.cuda.is_bf16_supported(including_emulation=False)
    amp_dtype = torch.bfloat16 if native_bf16 else torch.float16
else:  # CPU autocast runs bfloat16; on other accelerators check what their autocast supports
    amp_dtype = torch.bfloat16
model = nn.Linear(8, 4).to(device)
x = torch.randn(2, 8).to(device)

with torch.autocast(device_type=device, dtype=amp_dtype):
    out = model(x)  # matmul: runs in amp_dtype
    loss = nn.functional.mse_loss(out, torch.zeros_like(out))  # loss: autocast keeps float32
print("input:", x.dtype, "- weights:", model.weight.dtype)
print("activations:", out.dtype, "- loss:", loss.dtype)
# --8<-- [end:autocast_dtypes]

# --8<-- [start:scaler_warns]
import warnings
import torch

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    scaler = torch.amp.GradScaler("cuda")  # asks for CUDA unconditionally
print(scaler.is_enabled())
print([str(w.message) for w in caught])
# --8<-- [end:scaler_warns]

# --8<-- [start:amp_training]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
if device == "cuda":
    native_bf16 = torch.cuda.is_bf16_supported(including_emulation=False)
    amp_dtype = torch.bfloat16 if native_bf16 else torch.float16
else:
    amp_dtype = torch.bfloat16
# only float16 needs a scaler; disabled, its methods pass everything through
scaler = torch.amp.GradScaler(device, enabled=(amp_dtype == torch.float16))
torch.manual_seed(0)
X = torch.randn(256, 8).to(device)
y = X.sum(dim=1, keepdim=True)
model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1)).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)

for step in range(1, 51):
    optimizer.zero_grad()
    with torch.autocast(device_type=device, dtype=amp_dtype):
        loss = nn.functional.mse_loss(model(X), y)  # forward + loss under autocast
    scaler.scale(loss).backward()  # backward outside autocast
    scaler.unscale_(optimizer)  # true gradients, before clipping
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    scaler.step(optimizer)  # skipped if gradients hold inf/NaN
    scaler.update()  # adjust the scale factor
    if step in (1, 10, 50):
        print(f"step {step}: loss {loss.item():.3f}")
print(amp_dtype, "- scaler enabled:", scaler.is_enabled())
print(model[0].weight.dtype)  # the weights stay float32
# --8<-- [end:amp_training]
