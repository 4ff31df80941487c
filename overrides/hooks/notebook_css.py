"""MkDocs hook: walkthrough pages share their notebook stylesheet instead of inlining it.

mkdocs-jupyter inlines about 590 KB of JupyterLab CSS into every notebook page. This moves each
large inline <style> block of a notebook page into one file, assets/notebook/<hash>.css,
written once and linked from every notebook page: the browser downloads it once and caches it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

LARGE = 2000  # characters: small <style> blocks stay inline
STYLE = re.compile(r'<style type="text/css">(?P<css>.*?)</style>', re.DOTALL)

_written: set[str] = set()


def on_pre_build(config) -> None:
    _written.clear()


def on_post_page(output: str, page, config) -> str:
    if 'class="jupyter-wrapper"' not in output:
        return output
    depth = page.url.rstrip("/").count("/") + 1 if page.url else 0

    def link(match: re.Match) -> str:
        css = match["css"]
        if len(css) < LARGE:
            return match.group(0)
        name = hashlib.sha256(css.encode()).hexdigest()[:12] + ".css"
        if name not in _written:
            target = Path(config.site_dir) / "assets" / "notebook" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(css, encoding="utf-8")
            _written.add(name)
        return f'<link rel="stylesheet" href="{"../" * depth}assets/notebook/{name}">'

    return STYLE.sub(link, output)
