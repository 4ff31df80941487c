"""The machinery that proves every page: collect each code block, expand its snippet includes
exactly as the site does, run it like a reader pasting it into a fresh ``python``, and compare
what it prints with the output the page shows.

    pages.py     read a page: its fences, their directives (fence titles) and Output fences
    snippets.py  the snippet settings from mkdocs.yml, include expansion, the section index
    runner.py    run one block: fresh ``__main__``, reset torch state, no warnings, no network
    outputs.py   compare printed output with the page, make the diff, rewrite Output fences
    plugin.py    the pytest side: collect docs/**/*.md and snippets/**/*.py, report failures
"""
