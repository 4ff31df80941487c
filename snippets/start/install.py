"""Install PyTorch and check which versions and devices you have."""

# --8<-- [start:versions]
import torch
import torchvision

print("torch", torch.__version__)
print("torchvision", torchvision.__version__)
print("built for CUDA", torch.version.cuda)  # None on a CPU-only build
print("CUDA available", torch.cuda.is_available())
print("MPS available", torch.backends.mps.is_available())  # Apple silicon GPUs
# --8<-- [end:versions]

# --8<-- [start:minimum_version]
import torch

# torch.__version__ compares as a version, not as a string
print(torch.__version__ >= "2.6")
print(torch.__version__ >= (2, 6))
print(str(torch.__version__) >= "2.6")  # a plain string: "2.14.1" < "2.6"
# --8<-- [end:minimum_version]

# --8<-- [start:gpu_details]
import torch

if torch.cuda.is_available():
    print(torch.cuda.device_count(), "GPU(s)")
    print(torch.cuda.get_device_name(0))
    print("compute capability", torch.cuda.get_device_capability(0))
    free, total = torch.cuda.mem_get_info(0)
    print(f"{total / 2**30:.1f} GiB total, {free / 2**30:.1f} GiB free")
else:
    print("no CUDA GPU visible")
# --8<-- [end:gpu_details]

# --8<-- [start:extras]
from importlib.metadata import version

# what the recipes of this site import besides torch and torchvision
extras = ["numpy", "pillow", "matplotlib", "tensorboard", "onnx", "onnxscript", "onnxruntime"]
extras += ["safetensors", "scikit-learn", "torchao"]
for name in extras:
    print(f"{name:13} {version(name)}")
# --8<-- [end:extras]
