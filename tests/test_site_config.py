"""The site's configuration keeps its promises: code-aware search, offline, versions not typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from torchsheet.site import with_versions

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def config():
    return load_config(config_file=str(ROOT / "mkdocs.yml"))


def tokens(separator: str, text: str) -> list[str]:
    # lunr (Material's search) splits the indexed text and the query with the same separator
    return [t.lower() for t in re.split(separator, text) if t]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("zeros", "x = torch.zeros(2, 3)"),
        ("zero_grad", "optimizer.zero_grad()"),
        ("set_to_none", "optimizer.zero_grad(set_to_none=True)"),
        ("from_numpy", "t = torch.from_numpy(a)"),
        ("cuda", "device = torch.device('cuda')"),
        ("Linear", "nn.Linear(4, 2)"),
    ],
)
def test_search_finds_a_name_inside_code(config, query, code):
    search = next(p for name, p in config["plugins"].items() if name.endswith("search"))
    separator = search.config["separator"]
    assert set(tokens(separator, query)) <= set(tokens(separator, code))


def test_default_separator_would_not(config):
    # what the tuned separator fixes: MkDocs' default keeps `torch.zeros(2,` as one token
    assert "zeros" not in tokens(r"[\s\-]+", "x = torch.zeros(2, 3)")


def test_theme_loads_nothing_from_another_host(config):
    assert config["theme"]["font"] is False
    assert "privacy" not in config["plugins"]  # it downloads assets at build time
    assert not config["repo_url"]  # Material would fetch the repository's stars from GitHub


def test_theme_features_readers_rely_on(config):
    features = set(config["theme"]["features"])
    assert {
        "content.code.copy",
        "search.highlight",
        "search.suggest",
        "navigation.instant",
        "content.action.edit",
    } <= features
    assert len(config["theme"]["palette"]) == 2  # the light/dark toggle
    assert config["edit_uri"].startswith("https://")


def test_snippets_fail_loudly_and_dedent(config):
    snippets = config["mdx_configs"]["pymdownx.snippets"]
    assert snippets["check_paths"] is True
    assert snippets["dedent_subsections"] is True
    assert "snippets" in config["watch"][0]


def test_home_page_versions_come_from_the_installed_packages():
    from importlib.metadata import version

    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "{{ torch_version }}" in home and "{{ torchvision_version }}" in home
    rendered = with_versions(home)
    assert f"torch **{version('torch')}**" in rendered
    assert f"torchvision **{version('torchvision')}**" in rendered
    assert "{{" not in rendered


def test_open_in_colab_points_at_the_published_branch(config):
    """Colab opens github/OWNER/REPO/blob/BRANCH/PATH; the deploy job pushes the site there."""
    from torchsheet.site import colab_url

    where = config["extra"]["notebooks_on_github"]
    owner_repo, _, branch = where.partition("/blob/")
    assert config["edit_uri"].startswith(f"https://github.com/{owner_repo}/")
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    assert f" {branch}\n" in workflow  # git push ... gh-pages
    assert colab_url(where, "tensors/creation.ipynb") == (
        "https://colab.research.google.com/github/torchsheet/torchsheet/blob/gh-pages/"
        "tensors/creation.ipynb"
    )
