"""`nox -s new -- <section>/<topic>`: start a recipe page that passes the tests as created.

Writes snippets/<section>/<topic>.py (one example section), docs/<section>/<topic>.md (a title,
the include, the Output fence), adds the page to the section's `nav:` entry in mkdocs.yml and to
the list on the section's index page, and names existing pages on a similar topic (add to one of
those instead, if it fits). Then: replace the example with your recipes and run
`nox -s tests -- docs/<section>/<topic>.md`.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import re
import sys
from pathlib import Path

NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

MODULE = '''"""{title}: {what}."""

# --8<-- [start:example]
import torch

x = torch.arange(4)
print(x.sum())
# --8<-- [end:example]
'''

PAGE = """# {title}

One sentence: what the reader can do after this page.

## An example

One line of why.

```python
--8<-- "snippets/{section}/{module}.py:example"
```

<!--pytest-codeblocks:expected-output-->
```text title="Output"
tensor(6)
```

**Pitfall:** one line, where there is one.
"""


class ScaffoldError(Exception):
    pass


def scaffold(spec: str, root: Path, title: str | None = None) -> list[Path]:
    section, _, topic = spec.strip("/").partition("/")
    if not (NAME.match(section or "") and NAME.match(topic or "")):
        raise ScaffoldError(
            f"'{spec}': expected <section>/<topic> in lowercase with dashes, e.g. data/my-topic"
        )
    module = topic.replace("-", "_")
    if module in sys.stdlib_module_names:
        raise ScaffoldError(f"'{topic}' would shadow the standard library module '{module}'")
    if importlib.util.find_spec(module) is not None:
        raise ScaffoldError(f"'{topic}' would shadow the installed package '{module}'")
    title = title or topic.replace("-", " ").capitalize()
    snippet = root / "snippets" / section / f"{module}.py"
    page = root / "docs" / section / f"{topic}.md"
    for path in (snippet, page):
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(root)} exists already")
    config = root / "mkdocs.yml"
    nav_text = _with_nav_entry(config.read_text(encoding="utf-8"), section, topic, title)
    index = root / "docs" / section / "index.md"

    snippet.parent.mkdir(parents=True, exist_ok=True)
    page.parent.mkdir(parents=True, exist_ok=True)
    snippet.write_text(MODULE.format(title=title, what="recipes"), encoding="utf-8")
    page.write_text(PAGE.format(title=title, section=section, module=module), encoding="utf-8")
    config.write_text(nav_text, encoding="utf-8")
    written = [snippet, page, config]
    if index.is_file():
        index.write_text(_with_index_entry(index.read_text(encoding="utf-8"), topic, title))
        written.append(index)
    return written


def similar_pages(spec: str, root: Path, title: str | None = None) -> list[str]:
    """Existing pages whose name or title is close to the new topic's (a hint, not a refusal)."""
    _, _, topic = spec.strip("/").partition("/")
    words = set(re.split(r"[-\s]+", (title or topic).lower())) - {"and", "the", "a", "of", "with"}
    found = []
    for page in sorted((root / "docs").rglob("*.md")):
        if page.stem == "index":
            continue
        first = page.read_text(encoding="utf-8").split("\n", 1)[0].lstrip("# ").lower()
        theirs = set(re.split(r"[-\s,:]+", f"{page.stem} {first}")) - {"and", "the", "a", "of"}
        close = difflib.SequenceMatcher(None, topic, page.stem).ratio() >= 0.75
        if close or len(words & theirs) >= max(1, min(2, len(words))):
            found.append(f"{page.relative_to(root).as_posix()} ({first})")
    return found


def _with_index_entry(text: str, topic: str, title: str) -> str:
    """Append `- [Title](topic.md)` after the last page link of the section's index list."""
    lines = text.splitlines(keepends=True)
    last = max(
        (n for n, line in enumerate(lines) if re.match(r"^- \[.+\]\([\w.-]+\.md\)", line)),
        default=None,
    )
    entry = f"- [{title}]({topic}.md)\n"
    if last is None:
        return text.rstrip("\n") + "\n\n" + entry
    end = last + 1
    while end < len(lines) and lines[end].startswith("  "):  # the entry's wrapped lines
        end += 1
    return "".join(lines[:end] + [entry] + lines[end:])


def _with_nav_entry(text: str, section: str, topic: str, title: str) -> str:
    """Insert `- Title: section/topic.md` after the last nav line of that section."""
    lines = text.splitlines(keepends=True)
    in_nav = False
    last = None
    for number, line in enumerate(lines):
        if line.startswith("nav:"):
            in_nav = True
        elif in_nav and line.strip() and not line.startswith((" ", "#")):
            break
        elif in_nav and re.search(rf"\b{re.escape(section)}/[\w.-]+\.md\s*$", line):
            last = number
    if last is None:
        raise ScaffoldError(
            f"mkdocs.yml: no nav section holds pages under {section}/. Add the section to nav: "
            f"first (with {section}/index.md), then run this again."
        )
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    entry = f'{indent}- "{title}": {section}/{topic}.md\n'
    return "".join(lines[: last + 1] + [entry] + lines[last + 1 :])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="nox -s new --", description=__doc__.splitlines()[0])
    parser.add_argument("spec", metavar="SECTION/TOPIC", help="e.g. data/my-topic")
    parser.add_argument("--title", help="the page title and nav entry (default: from the topic)")
    args = parser.parse_args(argv)
    root = Path.cwd()
    similar = similar_pages(args.spec, root, args.title)
    try:
        written = scaffold(args.spec, root, title=args.title)
    except ScaffoldError as error:
        print(f"nox -s new: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    if similar:
        print(
            "note: pages on a similar topic exist; if yours fits one of them, add a section there:"
        )
        for page in similar:
            print(f"    docs/{page.removeprefix('docs/')}")
    page = written[1].relative_to(root)
    if len(written) > 3:
        print(f"edit {written[3].relative_to(root)}: describe the new entry in one line")
    print(f"next: write your recipes, then `nox -s tests -- {page} {written[0].relative_to(root)}`")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
