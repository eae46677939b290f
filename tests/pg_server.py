"""A real PostgreSQL server for the tests and benchmarks, started in a temporary
folder with Debian's server binaries (`initdb`, `pg_ctl`), never a mock.

PostgreSQL refuses to run as root, so under root (CI) the server runs as a
dedicated unprivileged user, created here when missing. The server listens on
127.0.0.1 on a free port with password (SCRAM) logins, so wrong passwords and
refused connections are real. Start-up is awaited by polling `pg_isready`
against a generous deadline, never by sleeping a fixed time. When anything
fails, `ServerUnavailable` says why in one sentence: the caller fails the run
with it (nothing is skipped).
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SERVICE_USER = "facilitator-pg"
SUPERUSER = "postgres"
START_DEADLINE = 120.0  # seconds: a busy 2-core CI machine can be slow to start a cluster


class ServerUnavailable(RuntimeError):
    """The test PostgreSQL server could not be started; the message says why."""


def bin_dir() -> Path:
    """Where initdb and pg_ctl are: on PATH, else Debian's versioned folder (newest)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not candidates:
        raise ServerUnavailable("PostgreSQL server binaries (initdb, pg_ctl) were not found: install Debian's "
                                "`postgresql` package (`apt-get install -y postgresql`, as .ci/run does).")
    return Path(candidates[-1]).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    root: Path
    port: int
    password: str
    bin: Path
    as_user: str | None

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> str:
        secret = self.password if password is None else password
        return f"postgresql://{user}:{secret}@127.0.0.1:{self.port}/{database}"

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """Run a server binary, as the service user when we are root."""
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, cwd=self.root,
                              stdin=subprocess.DEVNULL)

    def ready(self) -> bool:
        pg_isready = self.bin / "pg_isready"
        probe = [str(pg_isready)] if pg_isready.exists() else [shutil.which("pg_isready") or "pg_isready"]
        result = subprocess.run([*probe, "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER, "-q"],
                                capture_output=True, stdin=subprocess.DEVNULL)
        return result.returncode == 0

    def wait_ready(self, deadline: float = START_DEADLINE) -> None:
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            if self.ready():
                return
            time.sleep(0.05)  # a poll interval, not a wait for the server: the deadline bounds the loop
        raise ServerUnavailable(f"The test PostgreSQL server did not accept connections within {deadline:.0f} s; "
                                f"its log: {self.log_tail()}")

    def log_tail(self) -> str:
        try:
            return " | ".join((self.root / "server.log").read_text(errors="replace").splitlines()[-5:])
        except OSError:
            return "(no log)"

    def start(self) -> None:
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{self.root}' "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        result = self.run("pg_ctl", "start", "-D", str(self.data), "-l", str(self.root / "server.log"),
                          "-o", options, check=False)
        if result.returncode != 0:
            raise ServerUnavailable(f"pg_ctl could not start the test PostgreSQL server: "
                                    f"{(result.stderr or result.stdout).strip()} {self.log_tail()}")
        self.wait_ready()

    def stop(self, mode: str = "fast") -> None:
        self.run("pg_ctl", "stop", "-D", str(self.data), "-m", mode, "-w", check=False)


def _service_user() -> str | None:
    """None when we are not root (the server runs as us); else the dedicated user, created if missing."""
    if os.geteuid() != 0:
        return None
    if subprocess.run(["id", "-u", SERVICE_USER], capture_output=True).returncode != 0:
        created = subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                                  SERVICE_USER], capture_output=True, text=True)
        if created.returncode != 0 and subprocess.run(["id", "-u", SERVICE_USER], capture_output=True).returncode:
            raise ServerUnavailable(f"Cannot create the user {SERVICE_USER} to run the test PostgreSQL server: "
                                    f"{created.stderr.strip()}")
    return SERVICE_USER


def start_server() -> Server:
    """initdb a new cluster in a temporary folder and start it; raises ServerUnavailable."""
    binaries = bin_dir()
    user = _service_user()
    root = Path(tempfile.mkdtemp(prefix="facilitator-pg-"))
    password = secrets.token_hex(12)
    if user:
        shutil.chown(root, user)
    root.chmod(0o700)
    pwfile = root / "pwfile"
    pwfile.write_text(password + "\n")
    if user:
        shutil.chown(pwfile, user)
    server = Server(root=root, port=free_port(), password=password, bin=binaries, as_user=user)
    result = server.run("initdb", "-D", str(server.data), "-U", SUPERUSER, f"--pwfile={pwfile}", "-E", "UTF8",
                        "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256", check=False)
    if result.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise ServerUnavailable(f"initdb failed: {(result.stderr or result.stdout).strip()}")
    pwfile.unlink()
    try:
        server.start()
    except ServerUnavailable:
        server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server


def remove_server(server: Server) -> None:
    server.stop("immediate")
    shutil.rmtree(server.root, ignore_errors=True)


def admin_execute(server: Server, statement: str, database: str = "postgres") -> list:
    """Run one statement as the superuser, outside a transaction (CREATE DATABASE needs that)."""
    import psycopg

    with psycopg.connect(server.url(database), autocommit=True) as conn:
        cursor = conn.execute(statement)
        return cursor.fetchall() if cursor.description else []
