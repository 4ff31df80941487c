"""Which blocks have been verified as they are now: a ledger the tests write and the preview reads.

A block's fingerprint covers what it runs (its chain's code and data makers) and what the page
claims it prints, with the torch version. Each time the tests pass a block in the CPU pass they
note its fingerprint under .cache/verified/ (one empty file each: safe with parallel workers).
`nox -s serve` then flags, on the page and in its log, every block whose fingerprint is not in
the ledger: its code or its output changed since the tests last ran it, so the preview may show
an output the code no longer prints. Reading the ledger is one directory listing per build.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from .pages import Block

LEDGER = Path(".cache") / "verified"


def fingerprint(block: Block) -> str:
    digest = hashlib.sha256(version("torch").encode())
    for part in block.chain:
        digest.update(part.code.encode())
        digest.update(part.directives.title.encode())
        for setup in part.makers:
            digest.update(setup.code.encode())
    digest.update((block.expected_output or "").encode())
    return digest.hexdigest()[:24]


def record(block: Block, root: Path) -> None:
    folder = root / LEDGER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / fingerprint(block)).touch()


def known(root: Path) -> set[str] | None:
    """The fingerprints the tests have verified here; None if they never ran in this clone."""
    folder = root / LEDGER
    return {p.name for p in folder.iterdir()} if folder.is_dir() else None


def unverified(blocks: list[Block], ledger: set[str]) -> list[Block]:
    """Blocks that show an output the tests have not checked against their current code."""
    return [b for b in blocks if b.output is not None and fingerprint(b) not in ledger]
