"""Data types: the dtype table, defaults, casting, type promotion, can_cast, overflow, precision,
complex numbers."""

# --8<-- [start:table]
import torch

floats = [torch.float16, torch.bfloat16, torch.float32, torch.float64]
others = [torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8, torch.bool]
print(f"{'dtype':<15}{'bytes':>5}  {'float':<6}{'min':>21}{'max':>21}")
for dt in floats + others:
    if dt == torch.bool:
        lo, hi = False, True  # finfo and iinfo do not take bool
    else:
        info = torch.finfo(dt) if dt.is_floating_point else torch.iinfo(dt)
        lo, hi = info.min, info.max
    lo, hi = (f"{v:.5g}" if dt.is_floating_point else str(v) for v in (lo, hi))
    print(f"{str(dt):<15}{dt.itemsize:>5}  {dt.is_floating_point!s:<6}{lo:>21}{hi:>21}")
# --8<-- [end:table]

# --8<-- [start:float_resolution]
import torch

for dt in [torch.float16, torch.bfloat16, torch.float32, torch.float64]:
    fi = torch.finfo(dt)
    print(f"{str(dt):<15} eps={fi.eps:.3g}  smallest normal={fi.tiny:.3g}")
# --8<-- [end:float_resolution]

# --8<-- [start:aliases]
import torch

print(torch.float is torch.float32, torch.double is torch.float64, torch.half is torch.float16)
print(torch.long is torch.int64, torch.int is torch.int32, torch.short is torch.int16)
# --8<-- [end:aliases]

# --8<-- [start:defaults]
import numpy as np
import torch

print(torch.tensor([1, 2]).dtype)  # Python ints
print(torch.tensor([1.0, 2.0]).dtype)  # Python floats: the default dtype
print(torch.tensor([True, False]).dtype)
print(torch.tensor(np.array([1.0, 2.0])).dtype)  # NumPy arrays keep their dtype
print(torch.get_default_dtype())
# --8<-- [end:defaults]

# --8<-- [start:casting]
import torch

x = torch.tensor([1.7, -1.7, 0.0])
print(x.to(torch.float16))  # .to(dtype): the general form
print(x.double().dtype, x.half().dtype, x.bfloat16().dtype)  # shorthands
print(x.long(), x.int().dtype)  # float -> int truncates toward zero
print(x.bool())  # nonzero -> True
print(x.round().long())  # round first if you mean rounding
# --8<-- [end:casting]

# --8<-- [start:cast_like]
import torch

x = torch.tensor([1, 2, 3])
w = torch.tensor([0.5, 0.5, 0.5], dtype=torch.float64)
print(x.to(w.dtype))  # match another tensor's dtype
print(x.to(w).dtype)  # a tensor argument: its dtype and device
print(x.type(torch.float32))  # type(dtype) casts too
print(x.type())  # without an argument: the legacy type name, a string
# --8<-- [end:cast_like]

# --8<-- [start:promotion]
import torch

i = torch.tensor([1, 2])  # int64
f = torch.tensor([0.5, 0.5])  # float32
print((i + f).dtype)  # int and float tensors: float
print((i * 2.5).dtype)  # int tensor and Python float: the default float dtype
print((f + f.double()).dtype)  # two float tensors: the wider one
print((f.half() + torch.tensor(1.0, dtype=torch.float64)).dtype)  # a 0-d tensor does not widen
print(torch.tensor([1], dtype=torch.int8) + 1000)  # nor does a Python int: int8 overflows
print(torch.result_type(i, 2.5), torch.promote_types(torch.int32, torch.float16))
# --8<-- [end:promotion]

# --8<-- [start:inplace_promotion]
import torch

x = torch.tensor([1, 2])  # int64
try:
    x += 0.5  # in place: the result must fit x's dtype
except RuntimeError as e:
    print(type(e).__name__, e)
x = x + 0.5  # out of place: a new float32 tensor
print(x)
# --8<-- [end:inplace_promotion]

# --8<-- [start:can_cast]
import torch

print(torch.can_cast(torch.float32, torch.int64))  # float to int: a lower category, refused
print(torch.can_cast(torch.int64, torch.float32), torch.can_cast(torch.float64, torch.float16))
print(torch.can_cast(torch.int64, torch.uint8))  # the category decides, not the range
print(torch.promote_types(torch.uint8, torch.int8))  # neither holds the other: int16


def fits_in_place(a, b):  # can a.add_(b) keep a's dtype?
    return torch.can_cast(torch.result_type(a, b), a.dtype)


x = torch.tensor([1, 2])
print(fits_in_place(x, 0.5), fits_in_place(x.float(), 0.5))
# --8<-- [end:can_cast]

# --8<-- [start:uint8_overflow]
import torch

a = torch.tensor([200, 250], dtype=torch.uint8)  # e.g. two pixel values
b = torch.tensor([100, 10], dtype=torch.uint8)
print(a + b)  # 300 and 260 wrap around modulo 256
print((a + b) / 2)  # a wrong average
print((a.float() + b) / 2)  # fix: widen before the arithmetic
print(b - a)  # negative results wrap too
# --8<-- [end:uint8_overflow]

# --8<-- [start:float16_precision]
import torch

x = torch.tensor([2049.0, 70000.0, 0.1])
print(x.half().tolist())  # 2049 -> 2048, 70000 overflows to inf, 0.1 is approximate
print(x.bfloat16().tolist())  # float32's range, but even fewer digits
one = torch.tensor(1.0, dtype=torch.float16)
print(one + 1e-4 == one)  # the small addend is lost entirely
print(x.float().tolist())  # float32 keeps all three (0.1 to about 7 digits)
# --8<-- [end:float16_precision]

# --8<-- [start:complex]
import torch

z = torch.complex(torch.tensor([1.0, 0.0]), torch.tensor([0.0, 2.0]))  # real, imaginary parts
print(z, z.dtype)  # float32 parts give complex64
print(z.real, z.imag, z.abs())
w = torch.polar(torch.tensor([1.0, 2.0]), torch.tensor([0.0, torch.pi / 2]))  # magnitude, angle
print(torch.allclose(w, z))  # equal up to rounding: float32 cos(pi / 2) is not exactly 0
try:
    torch.complex(torch.tensor([1]), torch.tensor([2]))  # integer parts
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:complex]
