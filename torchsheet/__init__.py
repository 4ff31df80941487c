"""torchsheet's engine: read every page, plan and run every block, for every consumer.

The pytest plugin (pytest_plugin.py), the MkDocs hooks (overrides/hooks/) and the tools
(tools/) are thin adapters over it; CONTRIBUTING.md ("The engine, module by module") says what
each module owns. The engine imports neither pytest (except its pytest adapter) nor the tests.
"""
