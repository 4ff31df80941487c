"""What a block's data directives mean, and the code that runs before the block because of them.

- ``Needs data: NAME``: NAME is a section of the data makers' module (``MAKERS``), a recipe
  shown on the site that writes files in the real on-disk format under ./data. It runs first, in
  the block's working directory; a reader runs the same recipe, or puts their own data there.
- ``Downloads: NAME``: a reader's first run downloads NAME (a dataset, pretrained weights); the
  page shows the real call (``download=True``, ``weights=...DEFAULT``). ``DOWNLOADS`` names what
  may be downloaded. The tests have no network: a stand-in provider puts files in the real format
  where the library looks before the block runs. Stand-ins are test fixtures (``tests/standins.py``),
  never shown to readers and never used by the site build: a picture on the site is never drawn
  from stand-in data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .project import Project

MAKERS = "snippets/data/tiny_datasets.py"

# NAME (lowercase, as written after "Downloads:") -> what a reader's first run fetches
DOWNLOADS: dict[str, str] = {
    "resnet18_weights.default": "ResNet18_Weights.DEFAULT (45 MB) into the torch hub cache",
    "mobilenet_v3_small_weights.default": (
        "MobileNet_V3_Small_Weights.DEFAULT (10 MB) into the torch hub cache"
    ),
    "mnist": "the MNIST files (about 11 MB) into ROOT/MNIST/raw",
    "fashionmnist": "the FashionMNIST files (about 30 MB) into ROOT/FashionMNIST/raw",
    "cifar10": "the CIFAR-10 archive (about 163 MB) into ROOT/cifar-10-batches-py",
}


@dataclass(frozen=True)
class Setup:
    """Code that runs before a block, silently, in its working directory."""

    name: str
    code: str
    origin: str  # for messages: "snippets/data/tiny_datasets.py, section 'mnist'"
    shown: bool  # a recipe on the site (a data maker), or a test-only stand-in
    # Stand-ins only: code run in the block's own process just before it, for a library check a
    # stand-in file cannot pass (a checksum of the real file). It appends to `undo` what
    # restores the library afterwards (run in reverse when the block ends).
    patch: str | None = None


# A stand-in provider: download NAME -> the code that puts its stand-in where the library looks.
StandIns = Mapping[str, Callable[["Project"], Setup]]


class DataError(ValueError):
    """A data directive that names nothing known; the message names the choices and the fix."""


def maker(name: str, project: Project) -> Setup:
    sections = project.sections(MAKERS)
    if name not in sections:
        choices = ", ".join(sorted(sections)) or "none"
        raise DataError(
            f"'Needs data: {name}' names no data maker. Fix: use one of {choices} (sections of "
            f"{MAKERS}), or add a section named '{name}' there and show it on its page; for "
            f"something a reader downloads, write 'Downloads: NAME' ({', '.join(sorted(DOWNLOADS))})."
        )
    code = "\n".join(project.expander.expand_line(f'--8<-- "{MAKERS}:{name}"')) + "\n"
    return Setup(name, code, f"{MAKERS}, section '{name}'", shown=True)


def check_download(name: str) -> None:
    if name not in DOWNLOADS:
        raise DataError(
            f"'Downloads: {name}' names nothing the site knows a reader downloads. Fix: use one "
            f"of {', '.join(sorted(DOWNLOADS))}, or add '{name}' to DOWNLOADS in "
            f"torchsheet/data.py and its stand-in to tests/standins.py."
        )


def stand_in(name: str, project: Project) -> Setup:
    """The test stand-in for a download; DataError where none is available here."""
    provider = (project.standins or {}).get(name)
    if provider is None:
        if project.standins is None:
            raise DataError(
                f"'Downloads: {name}': this run has no stand-ins for the network (the site build "
                f"draws pictures offline, from code a reader can run without a download). Fix: "
                f"draw the picture from a block that downloads nothing."
            )
        raise DataError(
            f"'Downloads: {name}' has no stand-in for the tests. Fix: add one to "
            f"tests/standins.py (real file format, where the library looks)."
        )
    return provider(project)
