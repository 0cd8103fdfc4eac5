"""A throwaway PostgreSQL server for benchmarks and tests: a new cluster in a temporary folder, on a
free local port, from Debian's binaries (``apt-get install postgresql``), stopped and deleted after.
PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` user."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_databases = itertools.count()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bin_dir() -> Path | None:
    """The folder of the newest installed PostgreSQL's ``initdb`` and ``pg_ctl``, if any."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a cluster; yield its base URL (``postgresql://postgres@127.0.0.1:PORT``)."""
    binaries = bin_dir()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="chronique-pg-"))
    data, sockets = root / "data", root / "run"
    sockets.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    pg_ctl = [*as_user, str(binaries / "pg_ctl"), "-D", str(data)]
    try:
        subprocess.run(
            [*as_user, str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"],
            check=True, capture_output=True,
        )  # fmt: skip
        options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        started = subprocess.run(
            [*pg_ctl, "-o", options, "-l", str(root / "log"), "-w", "start"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if started.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not start: {started.stderr or started.stdout}")
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True, check=False)
        shutil.rmtree(root, ignore_errors=True)


def new_database(base: str, name: str | None = None, template: str | None = None) -> str:
    """A new database on the server at ``base``, empty or a copy of the database ``template`` (which
    nobody may be connected to); its URL."""
    import psycopg

    name = name or f"chronique_{os.getpid()}_{next(_databases)}"
    copy = f" TEMPLATE {template}" if template else ""
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}{copy}")
    return f"{base}/{name}"
