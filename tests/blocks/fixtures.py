"""What a block titled "Needs data: NAME" gets run first, in its working directory.

- A dataset: NAME is a section of the data makers' module (``snippets/data/tiny_datasets.py``),
  a visible recipe on the page docs/data/tiny-datasets.md that writes tiny files in the real
  on-disk format under ./data. Readers can run the same maker, or put their own data there.
- Pretrained weights: NAME is one of ``WEIGHTS`` below. A reader's first run downloads the real
  file into the torch hub cache; the tests cannot (no network), so they put a stand-in there:
  the same file name and tensor shapes, random values. Pages print nothing that depends on the
  values. The stand-in is a test fixture, not a recipe: a reader must never put random weights in
  their real cache.
"""

from __future__ import annotations

from pathlib import Path

from .pages import Setup
from .snippets import Expander, sections_of

DATA_MAKERS = "snippets/data/tiny_datasets.py"

# NAME -> (torchvision model builder, weights enum member)
WEIGHTS = {
    "resnet18_weights": ("resnet18", "ResNet18_Weights.DEFAULT"),
    "mobilenet_v3_small_weights": ("mobilenet_v3_small", "MobileNet_V3_Small_Weights.DEFAULT"),
}

_STAND_IN = """\
import os
import shutil

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


def data_setup(name: str, expander: Expander) -> Setup:
    """The code to run before a block that needs NAME; ValueError names the choices."""
    if name in WEIGHTS:
        model, weights = WEIGHTS[name]
        cache = str(expander.root / ".cache" / "stand-in-weights")
        code = _STAND_IN.format(weights=weights, model=model, cache=cache)
        return Setup(name, code, f"stand-in {weights} weights (tests/blocks/fixtures.py)")
    makers = expander.root / DATA_MAKERS
    sections = sections_of(makers) if makers.is_file() else {}
    if name in sections:
        code = "\n".join(expander.expand_line(f'--8<-- "{DATA_MAKERS}:{name}"')) + "\n"
        return Setup(name, code, f"{DATA_MAKERS}, section '{name}'")
    choices = ", ".join([*sorted(sections), *sorted(WEIGHTS)])
    raise ValueError(
        f"'Needs data: {name}' names no data maker. Fix: use one of {choices} (a section of "
        f"{DATA_MAKERS}, or stand-in weights from tests/blocks/fixtures.py), or add a section "
        f"named '{name}' to {DATA_MAKERS} and show it on docs/data/tiny-datasets.md."
    )


def is_png(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(8) == b"\x89PNG\r\n\x1a\n"
