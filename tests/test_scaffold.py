"""`nox -s new -- <section>/<topic>` makes a snippet module, a page and a nav entry that pass the
tests as created and appear on the built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from torchsheet.tools.scaffold import ScaffoldError, scaffold, similar_pages

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The real site configuration with a one-section nav, and the machinery it needs."""
    root = tmp_path / "project"
    (root / "docs" / "start").mkdir(parents=True)
    (root / "snippets" / "start").mkdir(parents=True)
    shutil.copytree(ROOT / "overrides", root / "overrides")
    shutil.copy(ROOT / "docs" / "index.md", root / "docs" / "index.md")
    shutil.copytree(ROOT / "docs" / "stylesheets", root / "docs" / "stylesheets")
    (root / "docs" / "start" / "index.md").write_text(
        "# Start here\n\n- [Install](install.md): pip and versions\n  on two lines\n\nMore text.\n"
    )
    (root / "docs" / "start" / "install.md").write_text("# Install and check versions\n")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # no walkthroughs here: leave out mkdocs-jupyter (its import is most of a small build's time)
    start = config.index("  - mkdocs-jupyter:")
    end = config.index("\n\n", start)
    config = config[:start] + config[end + 1 :]
    config = config[: config.index("\nnav:")] + (
        "\nnav:\n  - Home: index.md\n  - Start here:\n      - start/index.md\n"
        "      - Install: start/install.md\n"
    )
    (root / "mkdocs.yml").write_text(config)
    (root / "docs" / "index.md").write_text("# Home\n")
    return root


def test_new_recipe_passes_the_tests_and_appears_on_the_site(project: Path, capsys):
    written = scaffold("start/first-steps", root=project, title="First steps")
    assert [p.relative_to(project).as_posix() for p in written] == [
        "snippets/start/first_steps.py",
        "docs/start/first-steps.md",
        "mkdocs.yml",
        "docs/start/index.md",
    ]
    assert '      - "First steps": start/first-steps.md\n' in (project / "mkdocs.yml").read_text()
    index = (project / "docs" / "start" / "index.md").read_text()
    assert "  on two lines\n- [First steps](first-steps.md)\n\nMore text." in index

    args = ["-p", "torchsheet.pytest_plugin", "-p", "no:cacheprovider", "--rootdir", str(project)]
    args += ["-c", os.devnull, "-m", "cpu or not cuda", "-q"]
    targets = [str(project / "docs/start/first-steps.md"), str(project / "snippets/start")]
    cwd = Path.cwd()
    os.chdir(project)
    try:
        ret = pytest.main([*args, *targets])
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    assert ret == 0, out
    assert "2 passed" in out, out  # the block (CPU pass) and the module's [sections] check

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    html = (project / "site" / "start" / "first-steps" / "index.html").read_text()
    assert "First steps" in html and "arange" in html  # code is split into highlight spans


def test_scaffold_refuses_bad_names_and_existing_pages(project: Path):
    with pytest.raises(ScaffoldError, match="lowercase with dashes"):
        scaffold("start/My_Topic", root=project)
    with pytest.raises(ScaffoldError, match="shadow the standard library module 'random'"):
        scaffold("start/random", root=project)
    with pytest.raises(ScaffoldError, match="shadow the installed package 'safetensors'"):
        scaffold("start/safetensors", root=project)
    with pytest.raises(ScaffoldError, match="no nav section holds pages under vision/"):
        scaffold("vision/new-page", root=project)
    scaffold("start/twice", root=project)
    with pytest.raises(ScaffoldError, match="exists already"):
        scaffold("start/twice", root=project)


def test_scaffold_names_pages_on_a_similar_topic(project: Path):
    assert similar_pages("start/check-versions", project) == [
        "docs/start/install.md (install and check versions)"
    ]
    assert similar_pages("start/gradient-clipping", project) == []
