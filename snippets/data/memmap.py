"""Memory-mapped arrays: np.load(mmap_mode=...), a memmap-backed Dataset, torch.from_file."""

# --8<-- [start:write_npy]
import numpy as np

rows, features = 1000, 16  # written in chunks: the whole array never has to be in memory
data = np.lib.format.open_memmap(
    "features.npy", mode="w+", dtype=np.float32, shape=(rows, features)
)
for start in range(0, rows, 250):
    data[start : start + 250] = np.arange(start * features, (start + 250) * features).reshape(
        250, features
    )
data.flush()
del data  # closes the map
print(np.array_equal(np.load("features.npy"), np.arange(16000).reshape(1000, 16)))
# --8<-- [end:write_npy]

# --8<-- [start:mmap_mode]
import numpy as np

np.save("features.npy", np.arange(16000, dtype=np.float32).reshape(1000, 16))  # 64 KB on disk
mapped = np.load("features.npy", mmap_mode="r")  # opens the file; reads nothing yet
print(type(mapped).__name__, mapped.shape, mapped.flags.writeable)
row = mapped[500]  # pages of the file are read when touched
print(row[:3], np.shares_memory(row, mapped))  # a view into the map, not a copy
batch = mapped[[1, 5, 9]]  # fancy indexing copies into memory
print(type(batch).__name__, np.shares_memory(batch, mapped))
# --8<-- [end:mmap_mode]

# --8<-- [start:memmap_dataset]
import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset


class MemmapDataset(Dataset):
    def __init__(self, features_path, labels_path):
        self.features_path = features_path  # only the path: cheap to pickle for workers
        self.labels = torch.from_numpy(np.load(labels_path))  # small: load it whole
        self.features = None

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        if self.features is None:  # opened on first use, in each worker process
            self.features = np.load(self.features_path, mmap_mode="r")
        return torch.from_numpy(np.array(self.features[i])), self.labels[i]  # copies one row


if __name__ == "__main__":
    np.save("features.npy", np.arange(16000, dtype=np.float32).reshape(1000, 16))
    np.save("labels.npy", np.arange(1000) % 3)  # row i has label i % 3
    dataset = MemmapDataset("features.npy", "labels.npy")
    loader = DataLoader(dataset, batch_size=8, shuffle=True, num_workers=2)
    x, y = next(iter(loader))
    print(x.shape, x.dtype, y.shape)
    print(torch.equal((x[:, 0].long() // 16) % 3, y))  # rows and labels still match
# --8<-- [end:memmap_dataset]

# --8<-- [start:not_writable]
import warnings

import numpy as np
import torch

np.save("features.npy", np.arange(16000, dtype=np.float32).reshape(1000, 16))  # 64 KB on disk
mapped = np.load("features.npy", mmap_mode="r")
torch.set_warn_always(True)  # torch shows this warning once per process otherwise
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    shared = torch.from_numpy(mapped[0])  # shares the read-only map
torch.set_warn_always(False)
print(caught[0].category.__name__, str(caught[0].message).split(".")[0])
copied = torch.from_numpy(np.array(mapped[0]))  # a copy of one row: writable, no warning
print(np.shares_memory(copied.numpy(), mapped))
# --8<-- [end:not_writable]

# --8<-- [start:copy_on_write]
import numpy as np
import torch

np.save("features.npy", np.arange(16000, dtype=np.float32).reshape(1000, 16))  # 64 KB on disk
private = np.load("features.npy", mmap_mode="c")  # copy-on-write: writable, file untouched
row = torch.from_numpy(private[7])  # no warning: the array is writable
print(np.shares_memory(row.numpy(), private))
row += 100  # writes into this process's copy of the page
print(private[7, :2], np.load("features.npy", mmap_mode="r")[7, :2])
# --8<-- [end:copy_on_write]

# --8<-- [start:pickle_copies]
import pickle

import numpy as np

np.save("features.npy", np.arange(16000, dtype=np.float32).reshape(1000, 16))  # 64 KB on disk
mapped = np.load("features.npy", mmap_mode="r")
print("array bytes:", mapped.nbytes)
print("pickled memmap:", len(pickle.dumps(mapped)))  # the whole array, copied
print("pickled path:", len(pickle.dumps("features.npy")))
# --8<-- [end:pickle_copies]

# --8<-- [start:from_file]
import numpy as np
import torch

np.arange(6, dtype=np.float32).tofile("raw.bin")  # raw bytes, no header
private = torch.from_file("raw.bin", shared=False, size=6, dtype=torch.float32)
private[0] = 100  # not written to the file
shared = torch.from_file("raw.bin", shared=True, size=6, dtype=torch.float32)
shared[1] = 200  # written to the file
print(private, shared)
print(np.fromfile("raw.bin", dtype=np.float32))
try:
    torch.from_file("raw.bin", shared=False, size=10, dtype=torch.float32)
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:from_file]
