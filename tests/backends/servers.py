"""Real SPARQL servers for the tests: an Oxigraph server and a Virtuoso, each on a free
loopback port with its data in a temporary directory, started and stopped by the tests."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
MISSING = "{what} is missing ({why}): run `make system-packages` (CI does), then the tests again"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"{url}: server exited with {process.returncode}:\n{log.read_text()[-2000:]}"
            )
        try:
            requests.get(url, timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError(f"{url}: server not up after {seconds} s:\n{log.read_text()[-2000:]}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Server:
    def __init__(
        self, process: subprocess.Popen[bytes], base: str, location: str, directory: Path
    ) -> None:
        self.process, self.base, self.location, self.directory = process, base, location, directory
        self.command: list[str] = [str(a) for a in process.args]  # type: ignore[union-attr]
        self.ready = base

    def stop(self) -> None:
        stop(self.process)

    def kill(self) -> None:
        """Kill the server at once (SIGKILL: no clean shutdown, as in a crash)."""
        self.process.kill()
        self.process.wait()

    def restart(self) -> None:
        """Start the server again on the same port and data, after ``kill`` or ``stop``."""
        (self.directory / "virtuoso.lck").unlink(missing_ok=True)  # left by a killed Virtuoso
        log = self.directory / "restart.log"
        self.process = subprocess.Popen(
            self.command, cwd=self.directory, stdout=log.open("ab"), stderr=subprocess.STDOUT
        )
        wait_until_up(self.ready, self.process, log, 120)


def start_oxigraph(directory: Path) -> Server:
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
        "oxigraph"
    )
    if binary is None:
        raise FileNotFoundError(
            MISSING.format(what="the oxigraph server", why="pip package oxigraph")
        )
    port = free_port()
    log = directory / "oxigraph.log"
    process = subprocess.Popen(
        [binary, "serve", "--location", str(directory / "data"), "--bind", f"127.0.0.1:{port}"],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/query?query=ASK%7B%7D", process, log, 20)
    server = Server(process, base, f"oxigraph+{base}", directory)
    server.ready = base + "/query?query=ASK%7B%7D"
    return server


def virtuoso_ini(directory: Path, sql_port: int, http_port: int) -> str:
    """Debian's virtuoso.ini with every path in ``directory`` and loopback ports."""
    text = VIRTUOSO_INI.read_text()
    text = text.replace("/var/lib/virtuoso-opensource-7/db", str(directory))
    text = re.sub(r"(?m)^(ServerPort\s*=\s*)1111\b.*$", rf"\g<1>127.0.0.1:{sql_port}", text)
    text = re.sub(r"(?m)^(ServerPort\s*=\s*)8890\b.*$", rf"\g<1>127.0.0.1:{http_port}", text)
    text = re.sub(
        r"(?m)^(DirsAllowed\s*=).*$",
        rf"\1 ., {directory}, /usr/share/virtuoso-opensource-7/vad",
        text,
    )
    text = re.sub(r"(?m)^(MaxClientConnections\s*=).*$", r"\1 20", text)
    return text


def start_virtuoso(directory: Path) -> Server:
    binary = shutil.which("virtuoso-t")
    if binary is None or not VIRTUOSO_INI.exists():
        raise FileNotFoundError(
            MISSING.format(what="Virtuoso", why="Debian package virtuoso-opensource")
        )
    sql_port, http_port = free_port(), free_port()
    (directory / "virtuoso.ini").write_text(virtuoso_ini(directory, sql_port, http_port))
    log = directory / "virtuoso.out"
    process = subprocess.Popen(
        [binary, "+configfile", str(directory / "virtuoso.ini"), "+foreground"],
        cwd=directory,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{http_port}"
    wait_until_up(base + "/sparql?query=ASK%7B%7D", process, log, 90)
    server = Server(process, base, f"virtuoso+http://dba:dba@127.0.0.1:{http_port}", directory)
    server.ready = base + "/sparql?query=ASK%7B%7D"
    server.sql_port = sql_port  # type: ignore[attr-defined]
    return server


def isql(server: Server, statement: str) -> str:
    """Run one SQL statement as dba through isql-vt (Virtuoso's admin client)."""
    binary = shutil.which("isql-vt")
    if binary is None:
        raise FileNotFoundError(
            MISSING.format(what="isql-vt", why="Debian package virtuoso-opensource")
        )
    port = server.sql_port  # type: ignore[attr-defined]
    done = subprocess.run(
        [binary, f"127.0.0.1:{port}", "dba", "dba", f"exec={statement}"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    if done.returncode != 0 or "Error" in done.stdout:
        raise RuntimeError(f"isql: {statement}: {done.stdout}{done.stderr}")
    return done.stdout
