"""Which torch releases each block works on, measured: the compatibility pass and what the site
shows from it.

    nox -s compat -- 2.6        # or 2.6.0: a fresh environment with that torch, then the CPU
                                # pass of every block, recorded in compat/torch-2.6.0.json

Three parts, each used by one adapter:

- the release table (TORCHVISION, MEASURED) and `install_plan()`: what the nox session installs
  for a release: torch, the torchvision built for it, the other `recipes` packages at their pins
  where those install with that torch (else the newest that does, else none: recorded);
- recording (`--compat-record`, pytest_plugin.py): each block of the CPU pass is "same" (runs and
  prints what the page shows; or runs, for a block that shows no output), "differs" (runs, prints
  something else: error wording changes between releases, so this is recorded, never failed),
  "fails" (the exception's type and first line), "warns" (the warning's category and message)
  or "skipped" (the reason). Each record is keyed by `fingerprint(block)`: what the block runs and
  what its page claims, without the torch version. A block whose code or output changes gets a
  new fingerprint, so the committed data no longer speaks for it: it is "unknown" until re-run;
- reading (overrides/hooks/compat.py): per page a "works on" line, per block that needs a newer
  release than the oldest measured a "since torch X" mark, and the table page (`table_page`).
  Only committed data is shown: nothing claims a release that was not run.

A `Before torch X.Y: ...` block (directives.py) says what to write on an older release; the
tests skip it (plan.py), the compatibility pass runs it on every measured release older than X.Y.

This module imports only the standard library at the top: noxfile.py reads the release table
without the engine's dependencies.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pages import Block
    from .project import Project

DATA = "compat"  # the committed data: compat/torch-<release>.json, one file per release
FORMAT = 1

# torch X.Y -> the torchvision X'.Y' built for it (torchvision's own table; its wheels pin the
# exact torch, so uv picks the matching patch release). A release not here cannot be measured.
TORCHVISION = {
    "2.0": "0.15",
    "2.1": "0.16",
    "2.2": "0.17",
    "2.3": "0.18",
    "2.4": "0.19",
    "2.5": "0.20",
    "2.6": "0.21",
    "2.7": "0.22",
    "2.8": "0.23",
    "2.9": "0.24",
    "2.10": "0.25",
    "2.11": "0.26",
    "2.12": "0.27",
    "2.13": "0.28",
    "2.14": "0.29",
    "2.15": "0.30",
}

# The releases the site shows, newest first: the pinned one and older ones spanning more than
# two years. CI measures each (.github/workflows/compat.yml); compat/ holds one file per release.
MEASURED = ("2.14.1", "2.12.1", "2.9.1", "2.6.0", "2.3.1")

RESULTS = ("same", "differs", "fails", "warns", "skipped")
TORCH_PAIR = ("torch", "torchvision")
UNKNOWN = "unknown"
DETAIL_CHARS = 160

# What a reader sees for each result, on the table page.
WORDS = {
    "same": "same output",
    "differs": "prints differently",
    "fails": "fails",
    "warns": "warns",
    "skipped": "skipped",
    UNKNOWN: "not measured since it changed",
}


class CompatError(ValueError):
    """A release that cannot be measured, or data that does not fit; the message says why."""


# --- releases and what to install ---------------------------------------------------------------


def minor(release: str) -> str:
    """ "2.6.0" -> "2.6"; "2.10" -> "2.10"."""
    m = re.fullmatch(r"(\d+)\.(\d+)(?:\.(\d+))?", release.strip())
    if m is None:
        raise CompatError(f"{release!r} is not a torch release (e.g. 2.6 or 2.6.0)")
    return f"{m[1]}.{m[2]}"


def key(release: str) -> tuple[int, ...]:
    """Sortable: "2.10.0" after "2.9.1"."""
    return tuple(int(n) for n in re.findall(r"\d+", release.split("+")[0])[:3])


def _name(requirement: str) -> str:
    return re.match(r"[A-Za-z0-9_.-]+", requirement)[0].lower().replace("_", "-")


@dataclasses.dataclass(frozen=True)
class InstallPlan:
    torch: str  # "torch==2.6.0" or "torch==2.6.*" (the newest patch release)
    torchvision: str  # "torchvision==0.21.*": uv picks the patch release built for that torch
    extras: tuple[str, ...]  # the other recipes packages, pinned as in pyproject.toml
    tools: tuple[str, ...]  # what runs the pass (pytest, the site's packages): as pinned
    pinned: bool  # the release the site is verified with (its packages are in uv's cache)


def install_plan(release: str, recipes: list[str], test_group: list[str]) -> InstallPlan:
    """What `nox -s compat -- <release>` installs; CompatError for a release not in the table."""
    if minor(release) not in TORCHVISION:
        raise CompatError(
            f"torch {release}: no torchvision for it in torchsheet/compat.py TORCHVISION "
            f"(known: {', '.join(TORCHVISION)}). Fix: add the torchvision built for it."
        )
    pins = {_name(r): r for r in recipes}
    pinned_torch = pins["torch"].split("==")[-1]
    exact = re.fullmatch(r"\d+\.\d+\.\d+", release.strip()) is not None
    torch = f"torch=={release.strip()}" if exact else f"torch=={release.strip()}.*"
    recipe_names = set(pins)
    pinned = exact and release.strip() == pinned_torch
    return InstallPlan(
        torch=torch,
        torchvision=pins["torchvision"]
        if pinned
        else f"torchvision=={TORCHVISION[minor(release)]}.*",
        extras=tuple(r for n, r in pins.items() if n not in ("torch", "torchvision")),
        tools=tuple(r for r in test_group if _name(r) not in recipe_names),
        pinned=pinned,
    )


def data_file(root: Path, torch_version: str) -> Path:
    return Path(root) / DATA / f"torch-{torch_version.split('+')[0]}.json"


# --- recording ----------------------------------------------------------------------------------


def fingerprint(block: Block) -> str:
    """What the block runs (its chain's code, titles and data makers) and what its page claims it
    prints (its Output fence and how it is compared), without the torch version."""
    digest = hashlib.sha256(b"torchsheet compat 1")
    for part in block.chain:
        for text in (part.code, part.directives.title, *(s.code for s in part.makers)):
            digest.update(text.encode() + b"\0")
    if block.output is not None:
        digest.update(block.output.fence.info.encode() + b"\0")
        digest.update(str(block.output.ignore_whitespace).encode() + b"\0")
    digest.update((block.expected_output or "").encode())
    return digest.hexdigest()[:16]


SITE_PACKAGES = re.compile(r"""[^\s'"(]*[/\\](site|dist)-packages[/\\]""")


def short(text: str) -> str:
    """The first non-empty line, at most DETAIL_CHARS characters, without this machine's paths
    to installed packages ("/home/me/.venv/lib/python3.11/site-packages/torch" -> "torch")."""
    line = next((s.strip() for s in str(text).splitlines() if s.strip()), "")
    line = SITE_PACKAGES.sub("", line)
    return line if len(line) <= DETAIL_CHARS else line[: DETAIL_CHARS - 3] + "..."


def failure(error: BaseException) -> str:
    """ "AttributeError: module 'torch' has no attribute 'accelerator'"; for a child process
    (a script, a shell block) the last exception line of its stderr."""
    text = str(error)
    if "Traceback (most recent call last)" in text or "--- stderr ---" in text:
        found = re.findall(
            r"^\s*(?:\[rank\d+\]:\s*)?((?:\w+\.)*\w+(?:Error|Exception|Exit|Interrupt)\b:.*)$",
            text,
            re.MULTILINE,
        )
        causes = [f for f in found if not f.split(":")[0].endswith("ChildFailedError")]
        if causes or found:
            return short((causes or found)[-1])
    return short(f"{type(error).__name__}: {text}" if text else type(error).__name__)


def warning_text(message: str) -> str:
    """From the sandbox's "the block raised N warning(s) ..." message: the first warning."""
    lines = [s.strip() for s in message.splitlines()[1:] if s.strip()]
    return short(lines[0] if lines else message)


def difference(expected: str, printed: str) -> str:
    """The first line that differs, from a little before its first differing character:
    "line 2: shows '...target dtype to be Long', prints '...scalar type Long but'"."""
    shown, got = expected.splitlines(), printed.splitlines()
    for number in range(max(len(shown), len(got))):
        a = shown[number] if number < len(shown) else None
        b = got[number] if number < len(got) else None
        if a == b:
            continue
        if a is None or b is None:
            return short(f"line {number + 1}: shows {_clip(a, 0)}, prints {_clip(b, 0)}")
        start = next(
            (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
        )
        start = max(0, start - 15)
        return short(f"line {number + 1}: shows {_clip(a, start)}, prints {_clip(b, start)}")
    return "whitespace only"


def _clip(line: str | None, start: int, width: int = 55) -> str:
    if line is None:
        return "(nothing)"
    text = ("..." if start else "") + line[start : start + width]
    return repr(text + ("..." if len(line) > start + width else ""))


def write_data(path: Path, header: dict, records: dict[str, list]) -> None:
    """One release's data, one block per line (small diffs when a page changes), by block id."""

    def order(item):
        page, _, line = item[1][0].rpartition(":")
        return page, int(line) if line.isdigit() else 0

    counts = Counter(record[1] for record in records.values())
    header = {**header, "counts": {r: counts.get(r, 0) for r in RESULTS}}
    lines = [json.dumps(header, indent=1)[:-2] + ",", ' "blocks": {']
    items = sorted(records.items(), key=order)
    for number, (fp, record) in enumerate(items):
        comma = "," if number < len(items) - 1 else ""
        lines.append(f"  {json.dumps(fp)}: {json.dumps(record, ensure_ascii=False)}{comma}")
    lines += [" }", "}"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def merge_changed(
    previous: dict, header: dict, records: dict[str, list], on_pages: dict[str, str]
) -> tuple[dict, dict[str, list]]:
    """A pass over only the blocks a release's data had no record of (`--compat-changed`),
    merged into that data: the full pass's header and figures stay, with this pass added as
    "changed_pass"; records of blocks no longer on the pages go; a kept record takes the block's
    id as it is now (a block that only moved keeps its fingerprint)."""
    kept = {
        fp: [on_pages[fp], *record[1:]]
        for fp, record in previous["blocks"].items()
        if fp in on_pages
    }
    changed = {"date": header["date"], "wall_s": header["wall_s"], "blocks": len(records)}
    merged_header = {k: v for k, v in previous.items() if k not in ("blocks", "counts")}
    merged_header["changed_pass"] = changed
    return merged_header, {**kept, **records}


def install_notes() -> dict:
    """What the nox session passed on about the install (fallbacks, time), as JSON."""
    return json.loads(os.environ.get("TORCHSHEET_COMPAT_INSTALL", "{}") or "{}")


# --- reading the committed data -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Measurement:
    path: Path
    data: dict

    @property
    def torch(self) -> str:
        return self.data["torch"]

    def result(self, fp: str) -> tuple[str, str] | None:
        """(result, detail) of the block with this fingerprint, None if not measured."""
        record = self.data["blocks"].get(fp)
        if record is None:
            return None
        return record[1], record[2] if len(record) > 2 else ""


def measurements(root: Path) -> list[Measurement]:
    """The committed data, newest release first."""
    found = []
    for path in sorted((Path(root) / DATA).glob("torch-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found.append(Measurement(path, data))
    return sorted(found, key=lambda m: key(m.torch), reverse=True)


def status(block: Block, measurement: Measurement) -> tuple[str, str]:
    """(result, detail) of a block on a measured release: a result, "unknown" when the data does
    not speak for the block as it is now, or "skipped" when that release does not run it."""
    from .plan import Action, Pass, plan

    decision = plan(block, Pass.CPU, torch_version=measurement.torch)
    if decision.action is not Action.RUN:
        return "skipped", decision.reason
    return measurement.result(fingerprint(block)) or (UNKNOWN, "")


def counted(statuses: list[tuple[str, str]]) -> Counter:
    return Counter(result for result, _ in statuses if result != "skipped")


def since(block: Block, ms: list[Measurement]) -> str | None:
    """The oldest measured release from which the block runs with the same output on every newer
    measured release, when that is newer than the oldest release that runs it; "unknown" when a
    measured release has no data for it as it is; "none" when even the newest does not; else
    None (it works on every measured release: no mark)."""
    if block.directives.before_torch:
        return None
    runs = [(m, status(block, m)[0]) for m in ms]
    runs = [(m, result) for m, result in runs if result != "skipped"]
    if not runs:
        return None
    if any(result == UNKNOWN for _, result in runs):
        return UNKNOWN
    oldest_same = None
    for m, result in runs:  # newest first
        if result != "same":
            break
        oldest_same = m.torch
    if oldest_same is None:
        return "none"
    return None if oldest_same == runs[-1][0].torch else oldest_same


def before_note(block: Block, ms: list[Measurement]) -> str | None:
    """For a "Before torch X.Y" block: where it was tested ("tested on torch 2.3.1")."""
    limit = block.directives.before_torch
    if not limit:
        return None
    older = [m for m in ms if key(m.torch)[: len(key(limit))] < key(limit)]
    results = [(m.torch, status(block, m)) for m in older]
    same = [v for v, (result, _) in results if result == "same"]
    other = [f"{v}: {WORDS[r]}" for v, (r, _) in results if r not in ("same", UNKNOWN)]
    if other:
        return "on older releases: " + "; ".join(other)
    if same and len(same) == len(results):
        return "tested on torch " + _and(same)
    return "not yet tested on an older release"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def page_counts(blocks: list[Block], ms: list[Measurement]) -> list[tuple[str, Counter]]:
    """Per measured release (newest first): the results of the blocks it runs."""
    return [(m.torch, counted([status(b, m) for b in blocks])) for m in ms]


def works_on(blocks: list[Block], ms: list[Measurement], details: str) -> str | None:
    """The page's line: "Works on torch 2.14.1 and 2.12.1 (all 14 blocks); 2.9.1: 12 of 14; ...
    — details", computed from the data; None for a page with no measured block."""
    per = [(v, c) for v, c in page_counts(blocks, ms) if sum(c.values())]
    if not per:
        return None
    full = [(v, c) for v, c in per if c["same"] == sum(c.values())]
    parts = []
    if full:
        sizes = {sum(c.values()) for _, c in full}
        size = f"all {sizes.pop()} blocks" if len(sizes) == 1 else "every block"
        parts.append(f"Works on torch {_and([v for v, _ in full])} ({size})")
    rest = []
    for version, c in per:
        if (version, c) in full:
            continue
        text = f"{version}: {c['same']} of {sum(c.values())}"
        if c[UNKNOWN]:
            text += (
                f" ({c[UNKNOWN]} not measured since {'it' if c[UNKNOWN] == 1 else 'they'} changed)"
            )
        rest.append(text)
    if rest:
        parts.append(("" if full else "Measured on torch ") + "; ".join(rest))
    return "; ".join(parts) + f" — [details]({details})"


def mark(block: Block, ms: list[Measurement]) -> str | None:
    """The small mark above a block, or None."""
    note = before_note(block, ms)
    if note is not None:
        return note[0].upper() + note[1:]
    found = since(block, ms)
    if found is None:
        return None
    if found == UNKNOWN:
        return "Torch releases: not measured since this block changed"
    if found == "none":
        return f"Does not run as shown on any measured release (newest: {ms[0].torch})"
    return f"Since torch {found}"


def anchor(page: str) -> str:
    """The table page's anchor for a page: docs/tensors/creation.md -> tensors-creation."""
    rel = Path(page).with_suffix("").as_posix().removeprefix("docs/")
    return re.sub(r"[^a-z0-9]+", "-", rel.lower()).strip("-")


def section_anchor(section: str) -> str:
    """The table page's anchor for a nav section: "Loss functions" -> section-loss-functions."""
    return "section-" + re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-")


def block_anchor(block: Block) -> str:
    return f"ts-compat-{block.lineno}"


# --- the table page -----------------------------------------------------------------------------

TABLE_URI = "versions.md"


def table_page(project: Project, nav: list, ms: list[Measurement]) -> str:
    """The generated page: every recipe page x every measured release, then the blocks that do
    not work on every measured release, with what each release did."""
    from .site import nav_sections

    releases = [m.torch for m in ms]
    out = [
        "# Which torch versions each recipe works on",
        "",
        "Every block of every page ran on each release below, in the tests' CPU pass, as a "
        "reader pasting it would run it: *same output* means it ran and printed exactly what the "
        "page shows (a block that shows no output ran without an error or a warning). A block "
        "whose code or shown output changed since it was measured is *not measured*: nothing "
        "here is claimed for a release that did not run it. Needs-CUDA blocks are not measured "
        "(the pass runs on CPUs).",
        "",
    ]
    if not ms:
        return "\n".join(out + ["No release has been measured yet.", ""])
    newest = {k: v for k, v in ms[0].data.get("installed", {}).items() if k not in TORCH_PAIR}
    out += [
        "| torch | torchvision | same output | prints differently | fails | warns | skipped | "
        "pass time | the other packages |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for m in ms:
        d = m.data
        c = d.get("counts", {})
        installed = {k: v for k, v in d.get("installed", {}).items() if k not in TORCH_PAIR}
        changed = [
            f"{name} {v}" if v else f"no {name}"
            for name, v in installed.items()
            if newest.get(name) != v
        ]
        others = ", ".join(changed) if m is not ms[0] else "as pinned"
        out.append(
            f"| **{m.torch}** | {d.get('torchvision', '?')} | {c.get('same', 0)} | "
            f"{c.get('differs', 0)} | {c.get('fails', 0)} | {c.get('warns', 0)} | "
            f"{c.get('skipped', 0)} | {d.get('wall_s', 0):.0f} s | {others or 'the same'} |"
        )
    if newest:
        listed = ", ".join(f"{name} {v}" for name, v in newest.items() if v)
        out += [
            "",
            f"The other packages the recipes use, as installed with {ms[0].torch}: {listed}; "
            "with an older torch, the same versions where they install (else the newest that "
            "does). Pass time: the wall time of the CPU pass on the machine that measured it, "
            "on " + ", ".join(sorted({m.data.get("date", "?") for m in ms})) + ".",
        ]
    out += [
        "",
        "Refresh a release with `nox -s compat -- 2.6` (CONTRIBUTING.md, 'Which torch releases').",
        "",
    ]
    pages_with_details: list[tuple[str, str, list[Block]]] = []
    for section, entries in nav_sections(nav).items():
        rows = []
        for entry in entries:
            path = project.docs / entry.uri
            if not entry.uri.endswith(".md") or not path.is_file():
                continue
            blocks = project.read_quietly(path)
            per = page_counts(blocks, ms)
            if not any(sum(c.values()) for _, c in per):
                continue
            title = entry.title or project.read(path).title
            odd = [
                b
                for b in blocks
                if since(b, ms) is not None or b.directives.before_torch is not None
            ]
            if odd:
                pages_with_details.append((title, entry.uri, odd))
            cells = []
            for _, c in per:
                n = sum(c.values())
                cell = f"{c['same']}/{n}" if n else "–"
                if c[UNKNOWN]:
                    cell += f" ({c[UNKNOWN]} not measured)"
                cells.append(cell if c["same"] < n else f"**{cell}**")
            link = f"[{title}]({entry.uri})"
            if odd:
                link += f" ([details](#{anchor(entry.uri)}))"
            rows.append(f"| {link} | " + " | ".join(cells) + " |")
        if rows:
            out += [
                f"## {section} {{#{section_anchor(section)}}}",
                "",
                "| page | " + " | ".join(releases) + " |",
                "| --- |" + " ---: |" * len(releases),
                *rows,
                "",
            ]
    if pages_with_details:
        out += [
            "## Blocks that need a newer release",
            "",
            "Each block that does not print what its page shows on every measured release, and "
            "each line that says what to write on an older release (`Before torch X.Y`), with "
            "what each release did.",
            "",
        ]
        for title, uri, blocks in pages_with_details:
            out += [
                f"### {title} {{#{anchor(uri)}}}",
                "",
                "| block | " + " | ".join(releases) + " |",
                "| --- |" + " --- |" * len(releases),
            ]
            for block in blocks:
                heading = block.heading.text if block.heading else Path(uri).stem
                name = f"[line {block.lineno}]({uri}#{block_anchor(block)}): {_cell(heading)}"
                if block.directives.before_torch:
                    name += f" (before torch {block.directives.before_torch})"
                cells = []
                for m in ms:
                    result, detail = status(block, m)
                    if result == "skipped" and block.directives.before_torch:
                        cells.append("–")
                        continue
                    text = WORDS[result]
                    if detail and result in ("differs", "fails", "warns"):
                        text += f": `{_code(detail)}`"
                    cells.append(text)
                out.append(f"| {name} | " + " | ".join(_cell(c) for c in cells) + " |")
            out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    return text.replace("`", "'")
