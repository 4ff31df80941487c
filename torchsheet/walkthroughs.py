"""Execute the walkthrough notebooks while the rest of the site builds.

mkdocs-jupyter executes each walkthrough (docs/walkthroughs/*.py) when it renders that page, one
after the other, in the build's own thread: about 25 s on 2 cores for a build with a cold cache
(a fresh clone's first `nox -s serve`). It keeps what it renders in .cache/mkdocs-jupyter/, one
file per notebook and configuration. `start()` fills the missing files first, in one new Python
process per notebook started as the build begins, with mkdocs-jupyter's own key and converter; the
build renders its Markdown pages meanwhile and `wait()`s before the first walkthrough is rendered,
which then finds its cache file. A notebook whose process failed is left to mkdocs-jupyter, which
executes it again and reports the error as it always does.

    python -m torchsheet.walkthroughs SPEC.json   # the child: render one notebook into the cache
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import tempfile
from dataclasses import dataclass

# What mkdocs-jupyter's Plugin.on_pre_page passes to convert.nb2html, by its config's names.
CONVERT_OPTIONS = (
    "kernel_name",
    "theme",
    "allow_errors",
    "show_input",
    "no_input",
    "no_prompt",
    "remove_tag_config",
    "highlight_extra_classes",
    "include_requirejs",
    "custom_mathjax_url",
)


@dataclass
class Job:
    source: str
    process: subprocess.Popen
    spec: pathlib.Path


def executes(plugin, source: str) -> bool:
    """Whether mkdocs-jupyter executes this notebook (its `execute` and `execute_ignore`)."""
    ignored = any(pathlib.PurePath(source).match(p) for p in plugin.config["execute_ignore"])
    return bool(plugin.config["execute"]) and not ignored


def cache_path(plugin, source: str) -> pathlib.Path:
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

    key = _compute_cache_key(source, plugin.config, executes(plugin, source))
    return _get_cache_path(plugin.config["cache_dir"], key)


def start(plugin, sources: list[str], root: pathlib.Path) -> list[Job]:
    """One process per executed notebook whose cache file is missing."""
    if not plugin.config["cache"]:
        return []
    jobs = []
    for source in sources:
        cache = root / cache_path(plugin, source) if executes(plugin, source) else None
        if cache is None or cache.exists():
            continue
        spec = {
            "source": source,
            "cache": str(cache),
            "toc_depth": plugin.config["toc_depth"],
            "options": {name: plugin.config[name] for name in CONVERT_OPTIONS},
        }
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
            json.dump(spec, file)
        process = subprocess.Popen(
            [sys.executable, "-m", "torchsheet.walkthroughs", file.name],
            cwd=root,
            # side by side, torch's thread pool in each kernel would fight the others (and the
            # build) for the same cores and burn twice the CPU time: one thread each, unless set
            env={"OMP_NUM_THREADS": "1", **os.environ},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        jobs.append(Job(source, process, pathlib.Path(file.name)))
    return jobs


def wait(jobs: list[Job]) -> list[tuple[str, str]]:
    """Wait for every job; (source, its output) for each one that failed."""
    failed = []
    for job in jobs:
        output, _ = job.process.communicate()
        job.spec.unlink(missing_ok=True)
        if job.process.returncode != 0:
            failed.append((job.source, output[-3000:]))
    return failed


def render(spec: dict) -> None:
    """What mkdocs-jupyter's page render does on a cache miss, written where it will look."""
    from mkdocs_jupyter import convert
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens

    body = convert.nb2html(spec["source"], execute=True, **spec["options"])
    toc_tokens, title = _get_nb_toc_tokens(spec["source"], spec["toc_depth"])
    cache = pathlib.Path(spec["cache"])
    cache.parent.mkdir(parents=True, exist_ok=True)
    partial = cache.with_suffix(".partial")  # never a half-written cache file
    partial.write_text(
        json.dumps({"content": body, "toc_tokens": toc_tokens, "title": title}), encoding="utf-8"
    )
    partial.replace(cache)


if __name__ == "__main__":
    render(json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")))
