"""`nox -s bench`: how fast the suite and the build are, and how big the site is.

Prints the CPU suite's wall time, run as `nox -s tests` runs it (on every core), after one
warm-up run so imports and compile caches are warm; its ten slowest items; the strict build's
wall time; the number of pages and blocks; the largest built page and the search index in bytes.
`--no-warmup` times a single run. A failing run prints its output and the bench stops.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from torchsheet.plan import Pass, plan
from torchsheet.project import Project


class StepFailed(Exception):
    pass


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        tail = (result.stdout + result.stderr)[-6000:]
        raise StepFailed(f"`{' '.join(command)}` exited with {result.returncode}:\n{tail}")
    return time.perf_counter() - start


def slowest(junit: Path, count: int = 10) -> list[tuple[float, str]]:
    cases = ET.parse(junit).getroot().iter("testcase")
    times = [(float(c.get("time", 0)), c.get("name", "")) for c in cases]
    return sorted(times, reverse=True)[:count]


def main(argv: list[str], project: Project) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        suite = [sys.executable, "-m", "pytest", "-q", "-m", "not cuda", f"--junit-xml={junit}"]
        suite += ["-n", "auto", "--dist", "worksteal"]  # as `nox -s tests` runs it
        site = Path(tmp) / "site"
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
        build += ["--site-dir", str(site)]
        try:
            if "--no-warmup" not in argv:
                timed(suite, project.root)
            suite_s = timed(suite, project.root)
            top = slowest(junit)
            build_s = timed(build, project.root)
        except StepFailed as error:
            print(f"nox -s bench: {error}", file=sys.stderr)
            return 1
        pages = sorted(site.rglob("*.html"))
        largest = max(pages, key=lambda p: p.stat().st_size)
        index = site / "search" / "search_index.json"
        sizes = (largest.stat().st_size, largest.relative_to(site), index.stat().st_size)

    md_pages = project.page_paths()
    blocks = [b for page in md_pages for b in project.blocks(page)]
    runs = [b for b in blocks if plan(b, Pass.CPU).runs]
    print(f"CPU suite (warm):    {suite_s:6.1f} s")
    print(f"strict build:        {build_s:6.1f} s")
    print(f"pages:               {len(md_pages)} Markdown pages, {len(pages)} HTML files built")
    print(
        f"blocks:              {len(blocks)} ({sum(b.is_python for b in blocks)} Python), "
        f"{len(runs)} run in the CPU pass, {sum(b.output is not None for b in blocks)} with "
        f"their output shown"
    )
    print(f"largest page:        {sizes[0]} bytes ({sizes[1]})")
    print(f"search index:        {sizes[2]} bytes")
    print("ten slowest test items:")
    for seconds, name in top:
        print(f"  {seconds:6.2f} s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], Project(Path.cwd())))
