# The pytest plugin that collects and runs every code block of every page (see tests/blocks/).
pytest_plugins = ["tests.blocks.plugin", "pytester"]
