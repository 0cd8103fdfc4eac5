"""The PostgreSQL server of the tests: ``chronique.bench.postgres``'s throwaway cluster, with Debian's
``postgresql`` package installed here (``apt-get``, as root) when it is missing, started on first use
and stopped at the end of the session. Where that cannot be done the PostgreSQL tests are skipped,
except under CI where they fail."""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import AbstractContextManager

import pytest

from chronique.bench.postgres import bin_dir, new_database, throwaway_server

__all__ = ["new_database", "server_url", "stop"]

_running: tuple[AbstractContextManager[str], str] | None = None
_failure: str | None = None


def _install() -> None:
    if bin_dir() is None and shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, check=False)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "postgresql"], env=env, capture_output=True, check=False
        )


def server_url() -> str:
    """The base URL of the session's server, started on the first call."""
    global _running, _failure
    if _running is None and _failure is None:
        _install()
        server = throwaway_server()
        try:
            _running = (server, server.__enter__())
        except RuntimeError as exc:  # only a failure to start skips (or fails, under CI)
            _failure = str(exc)
    if _running is None:
        message = _failure or "PostgreSQL is not running"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return _running[1]


def stop() -> None:
    global _running
    if _running is not None:
        _running[0].__exit__(None, None, None)
        _running = None
