"""`nox -s links`: every link from the built site to another host, per page.

Internal links and anchors are checked by the strict build (mkdocs.yml: validation). External
links need the network, which CI does not have: this lists them (with the pages that use them)
so a person or a link checker with network access can go through them.

    python -m torchsheet.tools.links site            # list
    python -m torchsheet.tools.links site --check    # also try each URL (needs the network)
"""

from __future__ import annotations

import sys
import urllib.request
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

OWN_HOSTS = {"torchsheet.github.io", "github.com/torchsheet"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href and urlparse(href).scheme in ("http", "https"):
            self.urls.append(href.split("#", 1)[0])


def external_links(site: Path) -> dict[str, list[str]]:
    pages: dict[str, list[str]] = defaultdict(list)
    for html in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for url in parser.urls:
            parsed = urlparse(url)
            if parsed.netloc in OWN_HOSTS or f"{parsed.netloc}{parsed.path}".startswith(
                tuple(OWN_HOSTS)
            ):
                continue  # the site itself and its edit links
            page = html.relative_to(site).as_posix()
            if page not in pages[url]:
                pages[url].append(page)
    return dict(sorted(pages.items()))


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv and not argv[0].startswith("-") else "site")
    links = external_links(site)
    broken = 0
    for url, pages in links.items():
        status = ""
        if "--check" in argv:
            try:
                request = urllib.request.Request(url, method="HEAD")
                with urllib.request.urlopen(request, timeout=10) as response:
                    status = f" [{response.status}]"
            except Exception as error:  # noqa: BLE001 - report every kind of failure
                status, broken = f" [FAILED: {error}]", broken + 1
        print(f"{url}{status}")
        for page in pages:
            print(f"    {page}")
    print(f"{len(links)} external links" + (f", {broken} broken" if "--check" in argv else ""))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
