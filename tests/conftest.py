from tests.notebook_kernel import kernel  # noqa: F401 - the shared kernel fixture
