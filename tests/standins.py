"""Stand-ins for what readers download, so every block runs offline in the tests.

A page shows the real call (``download=True``, ``weights=ResNet18_Weights.DEFAULT``) and titles the
block ``Downloads: NAME``; before such a block runs, the tests put a file in the real format where
the library looks, so the library finds it and downloads nothing. These are test fixtures, never
shown to readers and never used by the site build (torchsheet/data.py says why).

- Pretrained weights: the real file name and tensor shapes, random values, in the block's private
  torch hub cache (TORCH_HOME is inside its scratch directory). Pages print nothing that depends
  on the values. A reader must never put random weights in their real cache.

This module is a pytest plugin (conftest.py loads it): the engine asks it through the
``pytest_torchsheet_standins`` hook.
"""

from __future__ import annotations

from torchsheet.data import Setup

# download name -> (torchvision model builder, weights enum member)
WEIGHTS = {
    "resnet18_weights.default": ("resnet18", "ResNet18_Weights.DEFAULT"),
    "mobilenet_v3_small_weights.default": (
        "mobilenet_v3_small",
        "MobileNet_V3_Small_Weights.DEFAULT",
    ),
}

_WEIGHTS_CODE = """\
import os

import torch
from torchvision import models

weights = models.get_weight({weights!r})
target = os.path.join(torch.hub.get_dir(), "checkpoints", os.path.basename(weights.url))
cached = os.path.join({cache!r}, os.path.basename(weights.url))
if not os.path.exists(cached):
    os.makedirs({cache!r}, exist_ok=True)
    torch.manual_seed(0)
    model = models.get_model({model!r}, weights=None, num_classes=len(weights.meta["categories"]))
    torch.save(model.state_dict(), cached + ".part")
    os.replace(cached + ".part", cached)
os.makedirs(os.path.dirname(target), exist_ok=True)
os.symlink(cached, target)
"""


def _weights(name: str):
    model, weights = WEIGHTS[name]

    def make(project) -> Setup:
        cache = str(project.root / ".cache" / "stand-in-weights")
        code = _WEIGHTS_CODE.format(weights=weights, model=model, cache=cache)
        return Setup(name, code, f"stand-in {weights} weights (tests/standins.py)", shown=False)

    return make


STANDINS = {name: _weights(name) for name in WEIGHTS}


def pytest_torchsheet_standins(config):
    return STANDINS
