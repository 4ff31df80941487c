"""Copy or share memory: torch.tensor, from_numpy, as_tensor, .numpy(), frombuffer, DLPack,
torch.Tensor, clone, storage_offset."""

# --8<-- [start:tensor_copies]
import numpy as np
import torch

a = np.array([1, 2, 3])
t = torch.tensor(a)  # always a copy
a[0] = 100
print(a)
print(t)  # unchanged
# --8<-- [end:tensor_copies]

# --8<-- [start:from_numpy_shares]
import numpy as np
import torch

a = np.array([1.0, 2.0, 3.0])
t = torch.from_numpy(a)  # no copy: the tensor uses the array's memory
a[0] = 100  # change the array...
print(t)  # ...and the tensor sees it
t[1] = -1  # and the other way round
print(a)
print(t.dtype)  # NumPy's default float is float64, and from_numpy keeps it
# --8<-- [end:from_numpy_shares]

# --8<-- [start:as_tensor]
import numpy as np
import torch

a = np.array([1.0, 2.0, 3.0])  # float64
same = torch.as_tensor(a)  # dtype matches: shares, like from_numpy
cast = torch.as_tensor(a, dtype=torch.float32)  # dtype changes: must copy
a[0] = 100
print(same)
print(cast)
# --8<-- [end:as_tensor]

# --8<-- [start:cast_copies]
import numpy as np
import torch

a = np.zeros((2, 3))  # float64
t = torch.from_numpy(a).float()  # .float() makes a float32 copy
print(t.dtype)
a[0, 0] = 100
print(t[0, 0])  # the copy does not follow the array
print(torch.from_numpy(a).float().dtype, torch.from_numpy(a).dtype)  # each call copies anew
# --8<-- [end:cast_copies]

# --8<-- [start:numpy_shares]
import torch

t = torch.zeros(3)
n = t.numpy()  # no copy: the array uses the tensor's memory
t.add_(1)  # an in-place change of the tensor...
print(n)  # ...shows in the array
n[0] = 7
print(t)
c = t.numpy().copy()  # an independent array
t.zero_()
print(n, c)
# --8<-- [end:numpy_shares]

# --8<-- [start:frombuffer]
import torch

data = bytearray(b"\x01\x00\x02\x00\x03\x00")  # e.g. bytes read from a file
t = torch.frombuffer(data, dtype=torch.int16)  # no copy; the machine's byte order
print(t)
data[0] = 9  # the tensor follows the buffer
print(t)
print(torch.frombuffer(data, dtype=torch.uint8, count=2, offset=2))  # a part of it
# --8<-- [end:frombuffer]

# --8<-- [start:dlpack]
import numpy as np
import torch

t = torch.arange(4.0)
a = np.from_dlpack(t)  # NumPy reads the tensor's memory: no copy
t[0] = 100
print(a, a.dtype)
b = torch.from_dlpack(np.ones(3))  # and the other way: shares, keeps float64
print(b)
w = torch.ones(2, requires_grad=True)
try:
    np.from_dlpack(w)
except BufferError as e:
    print(type(e).__name__, e)
# --8<-- [end:dlpack]

# --8<-- [start:negative_strides]
import numpy as np
import torch

a = np.arange(4)[::-1]  # a reversed view: negative strides
try:
    torch.from_numpy(a)
except ValueError as e:
    print(type(e).__name__, str(e).split(",")[0])
print(torch.from_numpy(a.copy()))  # fix: hand over a fresh, ordinary array
# --8<-- [end:negative_strides]

# --8<-- [start:legacy_tensor]
import torch

print(torch.Tensor([1, 2, 3]))  # legacy constructor: the default float dtype, even for ints
print(torch.tensor([1, 2, 3]))  # torch.tensor infers int64
u = torch.Tensor(3)  # an int means a SIZE: 3 uninitialized floats
print(u.shape)
print(torch.tensor(3))  # torch.tensor(3) is the number 3
torch.set_default_dtype(torch.float64)
print(torch.Tensor([1, 2, 3]).dtype)  # it follows torch.get_default_dtype()
torch.set_default_dtype(torch.float32)  # back to the usual default
# --8<-- [end:legacy_tensor]

# --8<-- [start:legacy_tensor_shares]
import numpy as np
import torch

a = np.array([1.0, 2.0], dtype=np.float32)
t = torch.Tensor(a)  # float32 array: the legacy constructor shares it
a[0] = 100
print(t)
# --8<-- [end:legacy_tensor_shares]

# --8<-- [start:clone]
import torch

x = torch.tensor([1, 2, 3, 4])
alias = x  # the same tensor under a second name
part = x[:2]  # slicing gives a view: it shares x's memory
copy = x.clone()  # new memory
x[0] = 100
print(alias, part, copy)
print(part.data_ptr() == x.data_ptr(), copy.data_ptr() == x.data_ptr())
# --8<-- [end:clone]

# --8<-- [start:storage_offset]
import torch

x = torch.arange(12).reshape(3, 4)
row, col = x[1], x[:, 2]  # views into x's storage
print(row.storage_offset(), row.stride())  # starts 4 elements in, steps by 1
print(col.storage_offset(), col.stride())  # starts 2 in, steps by a whole row
print(row.untyped_storage().data_ptr() == x.untyped_storage().data_ptr())  # one storage
print(row.clone().storage_offset())  # a copy has a storage of its own
# --8<-- [end:storage_offset]

# --8<-- [start:save_view]
import os

import torch

big = torch.zeros(1000, 1000)
torch.save(big[0], "row.pt")  # a view: its whole storage is saved, 4 MB
torch.save(big[0].clone(), "row_copy.pt")  # only the 1000 floats of the row
print(os.path.getsize("row.pt") > 4_000_000, os.path.getsize("row_copy.pt") < 10_000)
# --8<-- [end:save_view]
