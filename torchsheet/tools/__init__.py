"""The nox sessions' tools: check_site, bench, scaffold, links (`python -m torchsheet.tools.X`)."""
