"""MkDocs hook: the site's search index and worker (torchsheet/search.py has the why and how).

Material's search box and its page script stay; this hook
- writes search/search_index.json from the engine's reading of every page (one document per
  section: heading, prose, code, error lines) instead of Material's lunr index, after Material's
  own search plugin has written it;
- points Material's config at torchsheet's worker (assets/javascripts/search-worker.js), which
  ranks that index and answers in Material's message format.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from torchsheet.build import plugin_errors, project_for
from torchsheet.search import IndexPage, build_index, dumps, load_synonyms
from torchsheet.site import nav_pages

WORKER = "assets/javascripts/search-worker.js"
MATERIAL_WORKER = re.compile(
    r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.\w+\.min\.js"'
)
log = logging.getLogger("mkdocs.hooks.search")

_pages: dict[str, dict] = {}  # src_uri -> what the build knows of the page (url, anchors, meta)


def on_pre_build(config) -> None:
    _pages.clear()


def _anchors(toc) -> list[str]:
    out = []
    for item in toc:
        out.append(item.id)
        out += _anchors(item.children)
    return out


def on_page_content(html: str, page, config, files) -> str:
    search = page.meta.get("search") or {}
    _pages[page.file.src_uri] = {
        "url": page.url,
        "anchors": _anchors(page.toc),
        "exclude": bool(search.get("exclude")),
        "boost": float(search.get("boost", 1.0)),
        # a generated page (the Torch versions table) has no file under docs/: its Markdown
        "markdown": page.markdown if page.file.abs_src_path is None else None,
    }
    return html


def on_post_page(output: str, page, config) -> str:
    version = hashlib.sha256(Path(config.theme.dirs[0], WORKER).read_bytes()).hexdigest()[:8]
    return MATERIAL_WORKER.sub(rf'\g<1>\g<2>{WORKER}?v={version}"', output, count=1)


def index_pages(config) -> list[IndexPage]:
    """Every built page in nav order (then the pages outside the nav), less the excluded ones."""
    nav = {entry.uri: entry for entry in nav_pages(config.nav or [])}
    order = [*nav, *sorted(set(_pages) - set(nav))]
    pages = []
    for src in order:
        built = _pages.get(src)
        if built is None or built["exclude"]:
            continue
        entry = nav.get(src)
        boost = built["boost"] * (0.5 if src.endswith("index.md") else 1.0)
        pages.append(
            IndexPage(
                src=src,
                url=built["url"],
                title=(entry.title if entry else None) or "",
                section=entry.section if entry else "",
                anchors=tuple(built["anchors"]),
                boost=boost,
                markdown=built["markdown"],
            )
        )
    return pages


@event_priority(-100)  # after Material's search plugin has written its own index
def on_post_build(config) -> None:
    search = config.plugins.get("material/search")
    if search is None:
        return
    with plugin_errors("the search index cannot be built"):
        index = build_index(
            project_for(config), index_pages(config), search.config.separator, load_synonyms()
        )
    target = Path(config.site_dir) / "search" / "search_index.json"
    material = target.stat().st_size // 1024 if target.is_file() else 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dumps(index), encoding="utf-8")
    log.info(
        f"search index: {len(index['docs'])} sections of "
        f"{len(index['config']['torchsheet']['pages'])} pages, {target.stat().st_size // 1024} KB "
        f"(Material's own index: {material} KB)"
    )
