"""Checkpoints whose keys differ: module. and _orig_mod. prefixes, renamed layers, strict=False."""

# --8<-- [start:prefixes]
import torch
from torch import nn

model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
compiled = torch.compile(model)  # nothing is compiled until the first call
print(list(compiled.state_dict())[:2])
print(list(nn.DataParallel(model).state_dict())[:2])  # DistributedDataParallel: the same
print(list(torch.compile(nn.DataParallel(model)).state_dict())[:2])  # wrappers nest
print(compiled._orig_mod is model)  # the wrapped model is inside, unchanged
# --8<-- [end:prefixes]

# --8<-- [start:missing_unexpected]
import torch
from torch import nn

model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
torch.save(torch.compile(model).state_dict(), "model.pt")  # saved from the compiled model

fresh = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
try:
    fresh.load_state_dict(torch.load("model.pt"))
except RuntimeError as e:
    first, *rest = [line.strip() for line in str(e).splitlines()]  # drop tabs and end spaces
    print(type(e).__name__, first)
    print(*rest, sep="\n")
# --8<-- [end:missing_unexpected]

# --8<-- [start:consume_prefix]
import torch
from torch import nn
from torch.nn.modules.utils import consume_prefix_in_state_dict_if_present

model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
torch.save(torch.compile(nn.DataParallel(model)).state_dict(), "model.pt")

state = torch.load("model.pt")
print(list(state)[0])
for prefix in ("_orig_mod.", "module."):  # outermost wrapper first
    consume_prefix_in_state_dict_if_present(state, prefix)  # edits state in place
print(list(state)[0])
fresh = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
print(fresh.load_state_dict(state))
# --8<-- [end:consume_prefix]

# --8<-- [start:returns_none]
import torch
from torch import nn
from torch.nn.modules.utils import consume_prefix_in_state_dict_if_present

state = {"module." + k: v for k, v in nn.Linear(2, 1).state_dict().items()}
result = consume_prefix_in_state_dict_if_present(state, "module.")
print(result, list(state))  # None: the dict itself was changed
# --8<-- [end:returns_none]

# --8<-- [start:save_unwrapped]
import torch
from torch import nn

model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
compiled = torch.compile(model)
torch.save(compiled._orig_mod.state_dict(), "model.pt")  # for DDP: ddp_model.module.state_dict()
print(list(torch.load("model.pt"))[:2])

fresh = torch.compile(nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1)))
print(fresh._orig_mod.load_state_dict(torch.load("model.pt")))  # load into the inner model too
# --8<-- [end:save_unwrapped]

# --8<-- [start:strict_false_pitfall]
import torch
from torch import nn

trained = nn.Linear(2, 1)
state = {"module." + k: v for k, v in trained.state_dict().items()}  # as saved from DDP

model = nn.Linear(2, 1)
result = model.load_state_dict(state, strict=False)  # "fixes" the error: loads nothing
print(result.missing_keys, result.unexpected_keys)
print("weights loaded:", torch.equal(model.weight, trained.weight))
# --8<-- [end:strict_false_pitfall]

# --8<-- [start:checkpoint_dict]
import torch
from torch import nn

model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
torch.save(
    {"epoch": 3, "model": model.state_dict(), "optimizer": optimizer.state_dict()}, "ckpt.pt"
)

checkpoint = torch.load("ckpt.pt")
try:
    model.load_state_dict(checkpoint)  # the whole checkpoint, not its model entry
except RuntimeError as e:
    first, *rest = [line.strip() for line in str(e).splitlines()]  # drop tabs and end spaces
    print(type(e).__name__, first)
    print(*rest, sep="\n")
print(model.load_state_dict(checkpoint["model"]))
# --8<-- [end:checkpoint_dict]

# --8<-- [start:rename_layers]
import torch
from torch import nn


class Old(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Linear(4, 8)
        self.fc = nn.Linear(8, 2)


class New(nn.Module):  # the same layers, renamed in a later version of the code
    def __init__(self):
        super().__init__()
        self.backbone = nn.Linear(4, 8)
        self.head = nn.Linear(8, 2)


renames = {"features.": "backbone.", "fc.": "head."}  # old prefix -> new prefix


def rename(key):
    for old, new in renames.items():
        if key.startswith(old):
            return new + key.removeprefix(old)
    return key


state = {rename(key): value for key, value in Old().state_dict().items()}
print(list(state))
print(New().load_state_dict(state))
# --8<-- [end:rename_layers]
