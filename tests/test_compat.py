"""The committed torch-release measurements (compat/*.json) agree with the pages: every file is a
release of the table and of CI's matrix, nothing is claimed for a block as it is now that was
measured on another version of it (a changed block is "unknown"), the works-on line and the
marks are computed from the data, and each "Before torch X.Y" line is measured on an older
release. Fast: no block runs here (`nox -s compat -- X` measures; see torchsheet/compat.py)."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from torchsheet import compat
from torchsheet.plan import Action, Pass, plan
from torchsheet.project import Project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def measured() -> list[compat.Measurement]:
    return compat.measurements(ROOT)


@pytest.fixture(scope="module")
def blocks() -> list:
    project = Project(ROOT)
    return [b for page in project.page_paths() for b in project.read_quietly(page)]


def test_every_data_file_names_a_release_of_the_table_and_of_ci(measured):
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "compat.yml").read_text())
    matrix = workflow["jobs"]["measure"]["strategy"]["matrix"]["release"]
    assert tuple(matrix) == compat.MEASURED
    assert [m.torch for m in measured] == list(compat.MEASURED), "one file per measured release"
    for m in measured:
        assert m.path.name == f"torch-{m.torch}.json"
        assert compat.minor(m.torch) in compat.TORCHVISION
        assert m.data["format"] == compat.FORMAT
        assert m.data["torchvision"].startswith(compat.TORCHVISION[compat.minor(m.torch)] + ".")
        assert set(m.data["counts"]) == set(compat.RESULTS)
        assert sum(m.data["counts"].values()) == len(m.data["blocks"])
        for fp, record in m.data["blocks"].items():
            assert re.fullmatch(r"[0-9a-f]{16}", fp) and record[1] in compat.RESULTS, record


def test_the_pinned_release_is_measured_and_newest(measured):
    pyproject = (ROOT / "pyproject.toml").read_text()
    pinned = re.search(r'"torch==([\d.]+)"', pyproject)[1]
    assert compat.MEASURED[0] == pinned
    assert compat.key(compat.MEASURED[-1]) < compat.key(pinned)
    assert len(compat.MEASURED) >= 4  # the pinned one and at least three older ones


def test_a_changed_block_is_unknown_not_claimed(measured, blocks):
    """Edit a measured block's code or its shown output: the data no longer speaks for it."""
    block = next(
        b for b in blocks if b.output is not None and compat.status(b, measured[0])[0] == "same"
    )
    for change in ("code", "output"):
        edited = copy.copy(block)
        if change == "code":
            edited.code = block.code + "print('changed')\n"
        else:
            edited.output = copy.copy(block.output)
            fence = copy.copy(block.output.fence)
            object.__setattr__(fence, "body", block.output.fence.body + "changed\n")
            object.__setattr__(edited.output, "fence", fence)
        for m in measured:
            assert compat.status(edited, m) == (compat.UNKNOWN, ""), (change, m.torch)
        assert compat.since(edited, measured) == compat.UNKNOWN
        assert "not measured" in compat.mark(edited, measured)
        line = compat.works_on([block, edited], measured, "x")
        assert "not measured since it changed" in line and "Works on" not in line


def test_statuses_come_from_the_data_file_of_each_release(measured, blocks):
    """Every status shown is the record of that release for that exact block, or unknown, or
    skipped by that release's plan; no page claims a release that has no data file."""
    for block in blocks:
        for m in measured:
            result, detail = compat.status(block, m)
            decision = plan(block, Pass.CPU, torch_version=m.torch)
            if decision.action is not Action.RUN:
                assert result == "skipped"
                continue
            record = m.data["blocks"].get(compat.fingerprint(block))
            if record is None:
                assert result == compat.UNKNOWN
            else:
                assert [result, detail][: len(record) - 1] == record[1:], block.id


def test_the_works_on_line_is_computed_from_the_data(tmp_path, blocks):
    """Synthetic data for three blocks of one page: the line says what the files say."""
    page = next(
        p
        for p in sorted({b.page for b in blocks})
        if sum(plan(b, Pass.CPU).runs for b in blocks if b.page == p) >= 3
        and not any(b.directives.before_torch for b in blocks if b.page == p)
    )
    own = [b for b in blocks if b.page == page and plan(b, Pass.CPU).runs][:3]
    fps = [compat.fingerprint(b) for b in own]
    results = {
        "2.14.1": ["same", "same", "same"],
        "2.12.1": ["same", "same", "same"],
        "2.9.1": ["same", "differs", "same"],
        "2.6.0": ["same", "fails", "warns"],
    }
    for release, rows in results.items():
        records = {fp: [b.id, r, "x"] for fp, b, r in zip(fps, own, rows, strict=True)}
        compat.write_data(
            tmp_path / "compat" / f"torch-{release}.json", {"torch": release}, records
        )
    ms = compat.measurements(tmp_path)
    assert [m.torch for m in ms] == list(results)
    line = compat.works_on(own, ms, "../versions.md#p")
    assert line == (
        "Works on torch 2.14.1 and 2.12.1 (all 3 blocks); 2.9.1: 2 of 3; 2.6.0: 1 of 3"
        " — [details](../versions.md#p)"
    )
    assert [compat.since(b, ms) for b in own] == [None, "2.12.1", "2.9.1"]
    assert compat.mark(own[1], ms) == "Since torch 2.12.1"
    counts = json.loads((tmp_path / "compat" / "torch-2.6.0.json").read_text())["counts"]
    assert counts == {"same": 1, "differs": 0, "fails": 1, "warns": 1, "skipped": 0}


def test_each_page_line_names_only_measured_releases(measured, blocks):
    releases = {m.torch for m in measured}
    pages = sorted({b.page for b in blocks})
    for page in pages:
        own = [b for b in blocks if b.page == page]
        line = compat.works_on(own, measured, "d")
        if line is None:
            continue
        named = set(re.findall(r"\b\d+\.\d+\.\d+\b", line))
        assert named <= releases, (page, line)
        counts = Counter()
        for m in measured:
            counts.update(r for r, _ in (compat.status(b, m) for b in own) if r != "skipped")
        assert counts, page


def test_before_torch_lines_run_on_an_older_measured_release(measured, blocks):
    """What a page says to write on an older release is tested there: at least one measured
    release is older, and wherever it was measured it ran cleanly."""
    for block in blocks:
        limit = block.directives.before_torch
        if not limit:
            continue
        below = compat.key(limit)
        older_releases = [r for r in compat.MEASURED if compat.key(r)[: len(below)] < below]
        assert older_releases, f"{block.id}: no release in compat.MEASURED is older than {limit}"
        older = [m for m in measured if m.torch in older_releases]
        for m in older:
            result, detail = compat.status(block, m)
            assert result in ("same", compat.UNKNOWN), f"{block.id} on torch {m.torch}: {detail}"


def test_install_plan_matches_torchvision_and_keeps_pins():
    recipes = ["torch==2.14.1", "torchvision==0.29.1", "onnx==1.23.*", "torchao==0.18.*"]
    test = [*recipes, "pytest==9.2.*", "mkdocs==1.6.*"]
    old = compat.install_plan("2.6", recipes, test)
    assert (old.torch, old.torchvision) == ("torch==2.6.*", "torchvision==0.21.*")
    assert old.extras == ("onnx==1.23.*", "torchao==0.18.*") and not old.pinned
    assert old.tools == ("pytest==9.2.*", "mkdocs==1.6.*")
    assert compat.install_plan("2.6.0", recipes, test).torch == "torch==2.6.0"
    pinned = compat.install_plan("2.14.1", recipes, test)
    assert pinned.pinned and pinned.torchvision == "torchvision==0.29.1"
    with pytest.raises(compat.CompatError, match="no torchvision for it"):
        compat.install_plan("1.13", recipes, test)


def test_a_changed_blocks_pass_merges_into_the_full_one():
    previous = {
        "format": compat.FORMAT,
        "torch": "2.6.0",
        "date": "2026-11-30",
        "wall_s": 500.0,
        "counts": {"same": 3},
        "blocks": {
            "a" * 16: ["docs/x.md:10", "same"],  # unchanged, moved to line 12
            "b" * 16: ["docs/x.md:20", "same"],  # changed: its new version is measured below
            "c" * 16: ["docs/y.md:5", "fails", "ImportError: x"],  # no longer on any page
        },
    }
    header = {"date": "2026-12-01", "wall_s": 30.0, "torch": "2.6.0"}
    new = {"d" * 16: ["docs/x.md:22", "differs", "line 1"]}
    on_pages = {"a" * 16: "docs/x.md:12", "d" * 16: "docs/x.md:22"}
    merged_header, records = compat.merge_changed(previous, header, new, on_pages)
    assert records == {
        "a" * 16: ["docs/x.md:12", "same"],
        "d" * 16: ["docs/x.md:22", "differs", "line 1"],
    }
    assert merged_header["wall_s"] == 500.0 and merged_header["date"] == "2026-11-30"
    assert merged_header["changed_pass"] == {"date": "2026-12-01", "wall_s": 30.0, "blocks": 1}
    assert "counts" not in merged_header and "blocks" not in merged_header
