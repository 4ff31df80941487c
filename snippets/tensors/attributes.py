"""Tensor attributes: shape, size, dtype, device, numel, dim, requires_grad, contiguity."""

# --8<-- [start:shape]
import torch

x = torch.zeros(2, 3, 4)
print(x.shape)  # an attribute...
print(x.size())  # ...and a method: the same torch.Size
print(x.size(1), x.shape[1])  # one dimension
print(x.size(-1))  # negative dims count from the end
print(x.shape == (2, 3, 4), tuple(x.shape))  # torch.Size is a tuple
batch, channels, length = x.shape  # so it unpacks
print(batch, channels, length)
# --8<-- [end:shape]

# --8<-- [start:numel_dim]
import torch

x = torch.zeros(2, 3, 4)
print(x.numel())  # number of elements: 2 * 3 * 4
print(x.dim(), x.ndim)  # number of dimensions
print(len(x))  # len() is the size of the first dimension only
s = torch.tensor(5.0)
print(s.shape, s.dim(), s.numel())  # a scalar: 0 dimensions, 1 element
# --8<-- [end:numel_dim]

# --8<-- [start:dtype_device]
import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
x = torch.ones(2, 2, device=device)
print(x.dtype)
print(x.device)  # torch.device; cpu, or cuda:0 for the first GPU
print(x.device.type)  # "cpu" or "cuda": the part to compare
print(x.is_floating_point(), x.element_size())  # bytes per element
# --8<-- [end:dtype_device]

# --8<-- [start:requires_grad]
import torch

x = torch.ones(3)
w = torch.ones(3, requires_grad=True)  # autograd records operations on w
print(x.requires_grad, w.requires_grad)
y = x * w
print(y.requires_grad, y.grad_fn is not None)  # results of w need grad too
x.requires_grad_()  # switch it on in place
print(x.requires_grad)
# --8<-- [end:requires_grad]

# --8<-- [start:contiguity]
import torch

x = torch.arange(6).reshape(2, 3)
print(x.is_contiguous(), x.stride())  # stride: steps in memory per index of each dim
t = x.t()  # the transpose is a view with swapped strides
print(t.is_contiguous(), t.stride())
print(t.contiguous().is_contiguous())  # contiguous() copies into row-major order
# --8<-- [end:contiguity]

# --8<-- [start:describe]
import torch


def describe(t: torch.Tensor) -> str:
    return f"{tuple(t.shape)} {t.dtype} {t.device} grad={t.requires_grad}"


print(describe(torch.zeros(8, 3, 32, 32)))
print(describe(torch.arange(5)))
# --8<-- [end:describe]
