"""Device and dtype errors: each one raised with its real message, then fixed."""

# --8<-- [start:different_devices]
import re

import torch
from torch import nn

if torch.cuda.is_available():
    model = nn.Linear(3, 2).to("cuda")
    x = torch.randn(4, 3)  # the batch is still on the CPU
    try:
        model(x)
    except RuntimeError as e:
        first_clause = re.split("[,.]", str(e))[0]  # the rest names the devices and the op
        print(f"{type(e).__name__}: {first_clause}")
else:
    print("no CUDA GPU here: nothing to reproduce")
# --8<-- [end:different_devices]

# --8<-- [start:different_devices_fix]
import torch
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
model = nn.Linear(3, 2).to(device)  # a module's .to() moves it in place
x = torch.randn(4, 3)
x = x.to(device)  # a tensor's .to() returns a copy: assign it
print(x.device == next(model.parameters()).device)
print(model(x).shape)
# --8<-- [end:different_devices_fix]

# --8<-- [start:numpy_float64]
import numpy as np
import torch
from torch import nn

features = np.random.default_rng(0).normal(size=(4, 3))  # NumPy's default: float64
x = torch.from_numpy(features)
print(x.dtype)
try:
    nn.Linear(3, 1)(x)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
# --8<-- [end:numpy_float64]

# --8<-- [start:numpy_float64_fix]
import numpy as np
import torch
from torch import nn

features = np.random.default_rng(0).normal(size=(4, 3))
x = torch.from_numpy(features).float()  # or torch.tensor(features, dtype=torch.float32)
print(x.dtype, nn.Linear(3, 1)(x).shape)
# --8<-- [end:numpy_float64_fix]

# --8<-- [start:uint8_image]
import torch
from torch import nn

image = torch.randint(0, 256, (1, 3, 8, 8), dtype=torch.uint8)  # pixels as decoded from a file
try:
    nn.Conv2d(3, 4, 3)(image)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
# --8<-- [end:uint8_image]

# --8<-- [start:uint8_image_fix]
import torch
from torch import nn

image = torch.randint(0, 256, (1, 3, 8, 8), dtype=torch.uint8)
x = image.float() / 255  # float32 in [0, 1]
print(x.dtype, x.min().item() >= 0, x.max().item() <= 1)
print(nn.Conv2d(3, 4, 3)(x).shape)
# --8<-- [end:uint8_image_fix]
