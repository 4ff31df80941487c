"""Creating tensors: from data, filled, ranges, random, *_like, dtype and device, seeding."""

# --8<-- [start:from_data]
import torch

x = torch.tensor([[1, 2, 3], [4, 5, 6]])  # nested lists: one list per row
print(x)
print(x.shape, x.dtype)  # whole numbers give int64
print(torch.tensor([1.0, 2.5]).dtype)  # any float gives float32
print(torch.tensor(3.0), torch.tensor(3.0).shape)  # a scalar gives a 0-d tensor
# --8<-- [end:from_data]

# --8<-- [start:filled]
import torch

print(torch.zeros(2, 3))  # sizes as separate arguments...
print(torch.ones((2, 3), dtype=torch.int64))  # ...or as one tuple
print(torch.full((2, 2), 7.5))
print(torch.full((2,), 7).dtype)  # the fill value sets the dtype: int64 here
# --8<-- [end:filled]

# --8<-- [start:empty]
import torch

buf = torch.empty(2, 3)  # memory is allocated but never written
print(buf.shape, buf.dtype)
buf.fill_(0.5)  # give every element a value before reading any
print(buf)
# --8<-- [end:empty]

# --8<-- [start:eye]
import torch

print(torch.eye(3))  # 3 x 3 identity
print(torch.eye(2, 4))  # rows, columns: ones on the main diagonal
# --8<-- [end:eye]

# --8<-- [start:arange]
import torch

print(torch.arange(5))  # 0 .. 4: the end is excluded
print(torch.arange(2, 11, 3))  # start, end, step
print(torch.arange(0, 1, 0.25))  # a float argument gives float32
# --8<-- [end:arange]

# --8<-- [start:arange_float_step]
import torch

x = torch.arange(1, 1.3, 0.1)  # meant: 1.0, 1.1, 1.2
print(x)  # rounding error lets the "excluded" end slip in
print(torch.linspace(1, 1.2, 3))  # fix: say how many points you want
# --8<-- [end:arange_float_step]

# --8<-- [start:linspace]
import torch

print(torch.linspace(0, 1, 5))  # 5 points, both ends included
print(torch.linspace(-1, 1, 3))
print(torch.logspace(0, 3, 4))  # 10**0 .. 10**3
# --8<-- [end:linspace]

# --8<-- [start:random]
import torch

torch.manual_seed(0)
print(torch.round(torch.rand(2, 3), decimals=4))  # uniform on [0, 1)
print(torch.round(torch.randn(2, 3), decimals=4))  # normal, mean 0, std 1
print(torch.randint(0, 10, (2, 3)))  # integers in [0, 10): high is excluded
print(torch.randperm(5))  # a random order of 0 .. 4
# --8<-- [end:random]

# --8<-- [start:random_stats]
import torch

torch.manual_seed(0)
u = torch.rand(100_000)
n = torch.randn(100_000)
print(bool(u.min() >= 0), bool(u.max() < 1), round(u.mean().item(), 2))
print(abs(n.mean().item()) < 0.01, round(n.std().item(), 2))
print(round((3 + 2 * n).std().item(), 2))  # scale and shift for another mean and std
# --8<-- [end:random_stats]

# --8<-- [start:uniform_range]
import torch

torch.manual_seed(0)
a, b = -2.0, 3.0
x = a + (b - a) * torch.rand(10_000)  # rand is uniform on [0, 1): scale, then shift
print(bool(x.min() >= a), bool(x.max() < b), round(x.mean().item(), 2))  # mean (a + b) / 2
y = torch.empty(10_000).uniform_(a, b)  # the same in place, into an existing tensor
print(bool(y.min() >= a), bool(y.max() < b), round(y.mean().item(), 2))
print(torch.round(a + (b - a) * torch.rand(2, 3), decimals=4))
# --8<-- [end:uniform_range]

# --8<-- [start:uniform_rounding]
import torch

u_max = torch.tensor(1.0).nextafter(torch.tensor(0.0))  # the largest float32 below 1
print(u_max.item() < 1)  # rand can return it: still inside [0, 1)
a, b = 100.0, 101.0
print((a + (b - a) * u_max).item() == b)  # rounded to float32: it lands on b
high = torch.tensor(b).nextafter(torch.tensor(a))  # the largest float32 below b
x = (a + (b - a) * torch.rand(1000)).clamp(max=high)  # when b must never appear
print(bool(x.max() < b))
# --8<-- [end:uniform_rounding]

# --8<-- [start:multinomial]
import torch

torch.manual_seed(0)
weights = torch.tensor([1.0, 0.0, 3.0])  # need not sum to 1, but must be >= 0
draws = torch.multinomial(weights, 10_000, replacement=True)
print(torch.round(torch.bincount(draws, minlength=3) / 10_000, decimals=2))  # about 1/4, 0, 3/4
print(torch.multinomial(weights, 2).sort().values)  # without replacement: distinct indices
probs = torch.tensor([[0.9, 0.1, 0.0], [0.0, 0.0, 1.0]])
print(torch.multinomial(probs, 1).squeeze(1))  # a 2-D input: one draw per row
try:
    torch.multinomial(weights, 4)  # more draws than categories, without replacement
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:multinomial]

# --8<-- [start:like]
import torch

x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(torch.zeros_like(x))  # same shape, dtype and device as x
print(torch.full_like(x, 9))
print(torch.ones_like(x, dtype=torch.float32))  # override the dtype
print(x.new_zeros(2))  # new_*: a new shape, x's dtype and device
# --8<-- [end:like]

# --8<-- [start:rand_like_int]
import torch

labels = torch.tensor([0, 2, 1])  # int64
try:
    torch.rand_like(labels)
except NotImplementedError as e:
    print(type(e).__name__, e)
noise = torch.rand_like(labels, dtype=torch.float32)  # fix: ask for a float dtype
print(noise.shape, noise.dtype)
# --8<-- [end:rand_like_int]

# --8<-- [start:new_tensor]
import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
x = torch.zeros(2, 3, dtype=torch.float16, device=device)  # e.g. an input inside forward()
w = x.new_tensor([0.5, 1.0, 2.0])  # data, in x's dtype and on x's device
print(w, w.device.type == device)
print(x.new_full((2,), 7))  # new_full, new_zeros, new_ones, new_empty: a size
print(x.new_tensor([1, 2], dtype=torch.int64))  # dtype= (and device=) override
# --8<-- [end:new_tensor]

# --8<-- [start:dtype_device]
import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
x = torch.zeros(2, 3, dtype=torch.float16, device=device)  # made directly on the device
print(x.dtype, x.device)
y = torch.arange(3, dtype=torch.int32, device=device)
print(y)
# --8<-- [end:dtype_device]

# --8<-- [start:seeding]
import torch

torch.manual_seed(42)
a = torch.randn(3)
torch.manual_seed(42)  # same seed again...
b = torch.randn(3)
c = torch.randn(3)  # ...no reseed: the stream moves on
print(torch.equal(a, b), torch.equal(a, c))
# --8<-- [end:seeding]

# --8<-- [start:generator]
import torch

g = torch.Generator().manual_seed(0)  # a private stream; the global seed is untouched
a = torch.rand(3, generator=g)
g.manual_seed(0)
b = torch.rand(3, generator=g)
print(torch.equal(a, b))
print(torch.round(a, decimals=4))
# --8<-- [end:generator]
