"""A throw-away PostgreSQL server for the test suite.

initdb + pg_ctl from the Debian binaries into a temporary directory, on a
free loopback port; as the `postgres` system user when the suite runs as
root (PostgreSQL refuses to run as root). Stopped at the end of the session.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def find_bin_dir() -> Path | None:
    override = os.environ.get("COOPBOT_PG_BIN")
    candidates = [override] if override else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="coopbot-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.user = "coopbot"
        self._run_as = None
        if os.geteuid() == 0:
            self._run_as = pwd.getpwnam("postgres")
            os.chown(self.root, self._run_as.pw_uid, self._run_as.pw_gid)

    def _cmd(self, *args: str) -> list[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._run_as is not None:
            command = ["runuser", "-u", self._run_as.pw_name, "--", *command]
        return command

    def start(self) -> None:
        subprocess.run(
            self._cmd("initdb", "-D", str(self.data), "-U", self.user, "--auth=trust", "-E", "UTF8",
                      "--no-locale", "--no-sync"),
            check=True, capture_output=True,
        )
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off " \
                  "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        subprocess.run(
            self._cmd("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start"),
            check=True, capture_output=True,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            ready = subprocess.run(
                self._cmd("pg_isready", "-h", "127.0.0.1", "-p", str(self.port)), capture_output=True
            )
            if ready.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("PostgreSQL did not become ready")

    def create_database(self, name: str) -> str:
        subprocess.run(
            self._cmd("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, name),
            check=True, capture_output=True,
        )
        return self.url(name)

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run(
            self._cmd("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"), capture_output=True
        )
        shutil.rmtree(self.root, ignore_errors=True)
