"""The PostgreSQL server of the tests: ``chronique.bench.postgres``'s throwaway cluster, with Debian's
``postgresql`` package installed here (``apt-get``, as root) when it is missing. Where that cannot be
done the PostgreSQL tests are skipped, except under CI where they fail."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from chronique.bench.postgres import bin_dir, new_database, throwaway_server

__all__ = ["new_database", "server"]


def _install() -> None:
    if bin_dir() is None and shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, check=False)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "postgresql"], env=env, capture_output=True, check=False
        )


@contextmanager
def server() -> Iterator[str]:
    _install()
    running = throwaway_server()
    try:
        url = running.__enter__()
    except RuntimeError as exc:  # only a failure to start skips (or fails, under CI)
        if os.environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    try:
        yield url
    finally:
        running.__exit__(None, None, None)
