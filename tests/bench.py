"""`nox -s bench`: how fast the suite and the build are, and how big the site is.

Prints the CPU suite's wall time, run as `nox -s tests` runs it (on every core), after one
warm-up run, so imports and compile caches are warm, its ten slowest blocks, the strict build's wall time, the number of pages and blocks,
and the largest built page in bytes. Pass --no-warmup to time a single run.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.blocks.pages import PYTHON, read_page
from tests.blocks.snippets import Expander

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def slowest(junit: Path, count: int = 10) -> list[tuple[float, str]]:
    cases = ET.parse(junit).getroot().iter("testcase")
    times = [(float(c.get("time", 0)), c.get("name", "")) for c in cases]
    return sorted(times, reverse=True)[:count]


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        suite = [sys.executable, "-m", "pytest", "-q", "-m", "not cuda", f"--junit-xml={junit}"]
        suite += ["-n", "auto", "--dist", "loadfile"]  # as `nox -s tests` runs it
        if "--no-warmup" not in argv:
            timed(suite)
        suite_s = timed(suite)
        top = slowest(junit)
        build_s = timed(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--quiet",
                "--site-dir",
                str(Path(tmp) / "site"),
            ]
        )
        pages = sorted(Path(tmp, "site").rglob("*.html"))
        largest = max(pages, key=lambda p: p.stat().st_size)
        largest_rel = largest.relative_to(Path(tmp, "site"))
        largest_size = largest.stat().st_size

    expander = Expander(ROOT / "mkdocs.yml")
    md_pages = sorted((ROOT / "docs").rglob("*.md"))
    blocks = [b for page in md_pages for b in read_page(page, ROOT, expander)]
    python_blocks = [b for b in blocks if b.language in PYTHON]

    print(f"CPU suite (warm):    {suite_s:6.1f} s")
    print(f"strict build:        {build_s:6.1f} s")
    print(f"pages:               {len(md_pages)} Markdown pages, {len(pages)} HTML files built")
    print(
        f"blocks:              {len(blocks)} runnable ({len(python_blocks)} Python), "
        f"{sum(b.expected_output is not None for b in blocks)} with their output shown"
    )
    print(f"largest page:        {largest_size} bytes ({largest_rel})")
    print("ten slowest test items:")
    for seconds, name in top:
        print(f"  {seconds:6.2f} s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
