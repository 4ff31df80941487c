"""float32 matmul precision: set_float32_matmul_precision, the fp32_precision flags, the error."""

# --8<-- [start:levels]
import torch

for level in ("highest", "high", "medium"):
    torch.set_float32_matmul_precision(level)
    print(
        f"{torch.get_float32_matmul_precision():8}",
        "CUDA matmul:", torch.backends.cuda.matmul.fp32_precision,
        "- CPU (oneDNN) matmul:", torch.backends.mkldnn.matmul.fp32_precision,
    )  # fmt: skip
torch.set_float32_matmul_precision("highest")  # the default: full float32
# --8<-- [end:levels]

# --8<-- [start:fp32_precision]
import torch

print("cuDNN convolutions by default:", torch.backends.cudnn.conv.fp32_precision)
torch.backends.cuda.matmul.fp32_precision = "tf32"  # matrix multiplies on CUDA
print("CUDA matrix multiplies:", torch.backends.cuda.matmul.fp32_precision)
try:
    torch.backends.cuda.matmul.fp32_precision = "bf16"
except RuntimeError as e:
    print(type(e).__name__, e)
torch.backends.cuda.matmul.fp32_precision = "ieee"  # back to full float32
# --8<-- [end:fp32_precision]

# --8<-- [start:mixed_apis]
import torch

torch.backends.cuda.matmul.fp32_precision = "tf32"  # the per-backend setting...
try:
    torch.get_float32_matmul_precision()  # ...then the global getter
except RuntimeError as e:
    print(type(e).__name__, e)
torch.set_float32_matmul_precision("highest")  # one global setting makes them agree again
print(torch.get_float32_matmul_precision(), torch.backends.cuda.matmul.fp32_precision)
# --8<-- [end:mixed_apis]

# --8<-- [start:measure_error]
import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
torch.manual_seed(0)
a = torch.randn(512, 512, device=device)
b = torch.randn(512, 512, device=device)
exact = a.double() @ b.double()  # float64: the reference
for level in ("highest", "high", "medium"):
    torch.set_float32_matmul_precision(level)
    error = ((a @ b).double() - exact).abs().max().item()
    print(f"{level:8} max abs error {error:.1e}")
torch.set_float32_matmul_precision("highest")
# --8<-- [end:measure_error]
