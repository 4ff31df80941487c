"""Back to Python and NumPy: item, tolist, numpy, from_numpy, print options."""

# --8<-- [start:item]
import torch

loss = torch.tensor(0.25)
value = loss.item()  # a 0-d (or one-element) tensor to a Python number
print(value, type(value).__name__)
n = torch.tensor([7]).item()  # integer tensors give int
print(n, type(n).__name__)
print(torch.tensor(True).item())
# --8<-- [end:item]

# --8<-- [start:item_error]
import torch

x = torch.tensor([1.0, 2.0, 3.0])
try:
    x.item()
except RuntimeError as e:
    print(type(e).__name__, e)
print(x[1].item(), x.sum().item())  # pick or reduce to one element first
# --8<-- [end:item_error]

# --8<-- [start:tolist]
import torch

x = torch.tensor([[1, 2], [3, 4]])
print(x.tolist())  # nested Python lists of Python numbers
print(torch.tensor(2.5).tolist())  # a 0-d tensor gives a plain number
print(torch.tensor([0.1]).tolist())  # float32 values, shown at double precision
print([round(v, 4) for v in torch.tensor([0.1, 0.2]).tolist()])
# --8<-- [end:tolist]

# --8<-- [start:numpy_requires_grad]
import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    w.numpy()
except RuntimeError as e:
    print(type(e).__name__, e)
print(w.detach().numpy())  # detach: same data, no autograd history
# --8<-- [end:numpy_requires_grad]

# --8<-- [start:numpy_idiom]
import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
w = torch.tensor([1.0, 2.0], requires_grad=True, device=device)
out = (w * 3).detach().cpu().numpy()  # drop autograd, copy to host memory, view as NumPy
print(out, out.dtype)
print(w.numpy(force=True))  # the same three steps in one call
# --8<-- [end:numpy_idiom]

# --8<-- [start:numpy_shares]
import torch

t = torch.zeros(3)
a = t.numpy()  # no copy: both use the same memory
t[0] = 5.0
a[1] = 7.0
print(t, a)
b = t.numpy().copy()  # an independent array
t[2] = 9.0
print(b)
# --8<-- [end:numpy_shares]

# --8<-- [start:from_numpy]
import numpy as np
import torch

arr = np.array([1.0, 2.0, 3.0])  # NumPy defaults to float64
t = torch.from_numpy(arr)  # shares memory with arr
arr[0] = 100.0
print(t, t.dtype)
print(t.float().dtype)  # models want float32: cast (this makes a copy)
print(torch.tensor(arr).dtype)  # torch.tensor always copies
# --8<-- [end:from_numpy]

# --8<-- [start:printoptions]
import torch

x = torch.tensor([1 / 3, 12345.678, 0.00001])
print(x)  # 4 digits; this spread of magnitudes switches to scientific notation
torch.set_printoptions(precision=2, sci_mode=False)  # for every print from now on
print(x)
torch.set_printoptions(threshold=5)  # summarize tensors of more than 5 elements...
print(torch.arange(10), x)  # ...and sci_mode went back to automatic
torch.set_printoptions(profile="default")  # restore the defaults
print(x)
# --8<-- [end:printoptions]
