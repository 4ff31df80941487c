"""The site's shape: navigation sections, where a page is built, its URL. Read from mkdocs.yml
with MkDocs' own loader, so the tools and the hooks agree with the build."""

from __future__ import annotations

import datetime
import functools
import os
import platform
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


@dataclass(frozen=True)
class NavPage:
    section: str  # the nav section's title ("Tensors"), "" at the top level
    title: str | None  # the nav entry's title, None for a bare path (index pages)
    uri: str  # relative to docs/: tensors/creation.md


@functools.cache
def load_config(mkdocs_yml: Path):
    from mkdocs.config import load_config as mkdocs_load_config

    return mkdocs_load_config(config_file=str(mkdocs_yml))


def nav_pages(nav: list) -> list[NavPage]:
    """Every page in the nav, in order, with its section (one level of sections, as the site)."""
    pages: list[NavPage] = []

    def walk(entries, section: str) -> None:
        for entry in entries or []:
            if isinstance(entry, str):
                pages.append(NavPage(section, None, entry))
                continue
            ((title, value),) = entry.items()
            if isinstance(value, list):
                walk(value, title if not section else section)
            elif isinstance(value, str):
                pages.append(NavPage(section, title, value))

    walk(nav, "")
    return pages


def nav_sections(nav: list) -> dict[str, list[NavPage]]:
    sections: dict[str, list[NavPage]] = {}
    for page in nav_pages(nav):
        if page.section:
            sections.setdefault(page.section, []).append(page)
    return sections


def url_of(uri: str) -> str:
    """The directory URL MkDocs gives docs/<uri>: tensors/creation.md -> tensors/creation/."""
    path = Path(uri)
    if path.suffix not in (".md", ".py", ".ipynb"):
        return uri
    stem = path.with_suffix("")
    if stem.name in ("index", "README"):
        parent = stem.parent.as_posix()
        return "" if parent == "." else parent + "/"
    return stem.as_posix() + "/"


def colab_url(notebooks_on_github: str, notebook_uri: str) -> str:
    """Colab opens a notebook from a GitHub path: OWNER/REPO/blob/BRANCH/PATH.ipynb, here the
    published site's branch (mkdocs.yml extra.notebooks_on_github; ci.yml's deploy job)."""
    return f"{COLAB}{notebooks_on_github.strip('/')}/{notebook_uri.lstrip('/')}"


COLAB = "https://colab.research.google.com/github/"


def built_html(site: Path, uri: str) -> Path:
    """Where the build writes docs/<uri>."""
    return site / url_of(uri) / "index.html"


# --- versions: never typed by hand ------------------------------------------------------------


def _installed(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def verified_versions() -> dict[str, str]:
    return {
        "torch_version": _installed("torch"),
        "torchvision_version": _installed("torchvision"),
        "python_version": platform.python_version(),
    }


def build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch
        else datetime.datetime.now(datetime.UTC)
    )
    return now.date().isoformat()


def with_versions(markdown: str) -> str:
    """Fill in {{ torch_version }} etc. and append the 'Verified with ...' line."""
    versions = verified_versions()
    for name, value in versions.items():
        markdown = markdown.replace("{{ " + name + " }}", value)
    verified = (
        f"Verified with torch {versions['torch_version']} / torchvision "
        f"{versions['torchvision_version']} (Python {versions['python_version']}) on {build_date()}"
    )
    return markdown.rstrip("\n") + f'\n\n<p class="ts-verified">{verified}</p>\n'
