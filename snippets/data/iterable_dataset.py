"""IterableDataset: streams, worker sharding with get_worker_info, and what goes wrong without it."""

# --8<-- [start:stream]
import torch
from torch.utils.data import DataLoader, IterableDataset


class Squares(IterableDataset):  # no __getitem__, no __len__: an __iter__ that yields samples
    def __init__(self, start, end):
        self.start, self.end = start, end

    def __iter__(self):
        for i in range(self.start, self.end):  # a file read line by line, a database cursor...
            yield torch.tensor([i, i * i])


loader = DataLoader(Squares(0, 10), batch_size=4)
for batch in loader:
    print(batch[:, 0].tolist(), batch.shape)
# --8<-- [end:stream]

# --8<-- [start:duplicates]
import torch
from torch.utils.data import DataLoader, IterableDataset


class Stream(IterableDataset):
    def __init__(self, n):
        self.n = n

    def __iter__(self):  # the same in every worker: every worker yields everything
        yield from range(self.n)


if __name__ == "__main__":
    loader = DataLoader(Stream(10), batch_size=None, num_workers=2)
    seen = sorted(int(x) for x in loader)
    print(len(seen), seen)
# --8<-- [end:duplicates]

# --8<-- [start:sharded]
import torch
from torch.utils.data import DataLoader, IterableDataset, get_worker_info


class ShardedStream(IterableDataset):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        info = get_worker_info()  # None in the main process (num_workers=0)
        worker, workers = (info.id, info.num_workers) if info else (0, 1)
        yield from range(worker, self.n, workers)  # worker w takes samples w, w + k, w + 2k, ...


if __name__ == "__main__":
    for num_workers in (0, 2):
        loader = DataLoader(ShardedStream(10), batch_size=None, num_workers=num_workers)
        seen = sorted(int(x) for x in loader)
        print(f"num_workers={num_workers}:", seen == list(range(10)), len(seen))
# --8<-- [end:sharded]

# --8<-- [start:shard_files]
import torch
from torch.utils.data import DataLoader, IterableDataset, get_worker_info


class Shards(IterableDataset):  # a data set stored as several files (shards)
    def __init__(self, shards):
        self.shards = shards

    def __iter__(self):
        info = get_worker_info()
        worker, workers = (info.id, info.num_workers) if info else (0, 1)
        for shard in self.shards[worker::workers]:  # whole files per worker: no overlap
            for row in range(3):  # stands for the rows read from the file
                yield f"{shard}:{row}", worker


if __name__ == "__main__":
    shards = ["part-0", "part-1", "part-2", "part-3"]
    loader = DataLoader(Shards(shards), batch_size=None, num_workers=2)
    by_worker = {}
    for name, worker in loader:
        by_worker.setdefault(worker, []).append(name)
    for worker, names in sorted(by_worker.items()):
        print(f"worker {worker}: {names}")
# --8<-- [end:shard_files]

# --8<-- [start:short_batches]
import torch
from torch.utils.data import DataLoader, IterableDataset, get_worker_info


class ShardedStream(IterableDataset):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        info = get_worker_info()
        worker, workers = (info.id, info.num_workers) if info else (0, 1)
        yield from range(worker, self.n, workers)


if __name__ == "__main__":
    loader = DataLoader(ShardedStream(10), batch_size=4, num_workers=2)  # 5 samples per worker
    print([batch.tolist() for batch in loader])
# --8<-- [end:short_batches]

# --8<-- [start:iterable_errors]
import torch
from torch.utils.data import DataLoader, IterableDataset


class Stream(IterableDataset):
    def __iter__(self):
        yield from range(10)


for kwargs in ({"shuffle": True}, {"sampler": range(10)}):
    try:
        DataLoader(Stream(), **kwargs)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    len(DataLoader(Stream()))
except TypeError as e:
    print(type(e).__name__, e)
# --8<-- [end:iterable_errors]

# --8<-- [start:chain]
from torch.utils.data import ChainDataset, ConcatDataset, DataLoader, IterableDataset


class Lines(IterableDataset):  # stands for one file, read line by line
    def __init__(self, name, n):
        self.name, self.n = name, n

    def __iter__(self):
        for i in range(self.n):
            yield f"{self.name}:{i}"


both = ChainDataset([Lines("a", 3), Lines("b", 2)])  # Lines("a", 3) + Lines("b", 2) is the same
print(list(both))
print(list(DataLoader(both, batch_size=2)))  # batches run across the seam
try:
    ConcatDataset([Lines("a", 3), Lines("b", 2)])  # the map-style version refuses streams
except AssertionError as e:
    print(type(e).__name__, e)
# --8<-- [end:chain]
