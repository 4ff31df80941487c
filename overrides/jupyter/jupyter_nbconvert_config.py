# Jupyter settings for the site build (the nox sessions point JUPYTER_CONFIG_PATH here).
# mkdocs-jupyter executes the walkthrough notebooks through nbconvert, which reads this file.
# The kernel talks to the build over local IPC sockets (files /tmp/torchsheet-kernel-<pid>-N,
# removed when the kernel stops) instead of TCP ports: nothing listens on the network, and ipykernel has nothing to warn about
# ("Kernel is running over TCP without encryption"), so the build log shows only real problems.
import os
import tempfile

c = get_config()  # noqa: F821 - provided by traitlets when it loads this file
c.KernelManager.transport = "ipc"
c.KernelManager.ip = os.path.join(tempfile.gettempdir(), f"torchsheet-kernel-{os.getpid()}")
