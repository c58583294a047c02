"""The deployment example run by the real server, for the tests and the reports.

deploy/nginx.conf is copied into a throw-away prefix with only its certificate (a
self-signed one made here), its root and its ports changed, so what is tested is what
an operator copies. The deployment test checks its headers; the browser tests run
through it, so the site is tested as deployed (HTTP/2, TLS, gzip, the real headers).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "kontaktcenter-trivsel.example.org"  # server_name in deploy/nginx.conf


def nginx_path() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _mime_types() -> Path:
    for path in (Path("/etc/nginx/mime.types"), Path("/usr/share/nginx/mime.types")):
        if path.exists():
            return path
    raise RuntimeError("nginx's mime.types was not found next to the server")


class Nginx:
    """deploy/nginx.conf serving ``site`` on 127.0.0.1: ``https`` and ``http`` ports, ``base``."""

    def __init__(self, site: Path, prefix: Path):
        self.site, self.prefix = site, prefix
        self.https, self.http = _free_port(), _free_port()
        self.base = f"https://127.0.0.1:{self.https}/"
        self.check = ""
        self.proc = None

    def __enter__(self) -> "Nginx":
        prefix, binary = self.prefix, nginx_path()
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        f"/CN={HOST}", "-keyout", str(prefix / "key.pem"), "-out", str(prefix / "cert.pem")],
                       check=True, capture_output=True)
        server = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
        replaced = {"listen 443 ssl http2;": f"listen 127.0.0.1:{self.https} ssl http2;",
                    "listen 80;": f"listen 127.0.0.1:{self.http};",
                    "/etc/ssl/kontaktcenter-trivsel/fullchain.pem": str(prefix / "cert.pem"),
                    "/etc/ssl/kontaktcenter-trivsel/privkey.pem": str(prefix / "key.pem"),
                    "/srv/kontaktcenter-trivsel/site": str(self.site)}
        for old, new in replaced.items():
            if server.count(old) != 1:
                raise RuntimeError(f"deploy/nginx.conf no longer has {old!r} exactly once")
            server = server.replace(old, new)
        (prefix / "site.conf").write_text(server, encoding="utf-8")
        shutil.copy(ROOT / "deploy" / "security-headers.conf", prefix / "security-headers.conf")
        shutil.copy(_mime_types(), prefix / "mime.types")
        # As root (CI), nginx's workers would run as nobody and could not read the test's files.
        user = "user root;\n" if os.geteuid() == 0 else ""
        (prefix / "nginx.conf").write_text(
            f"{user}pid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\ndaemon off;\nevents {{}}\n"
            f"http {{\n  access_log off;\n  client_body_temp_path {prefix}/tmp;\n  proxy_temp_path {prefix}/tmp;\n"
            f"  fastcgi_temp_path {prefix}/tmp;\n  uwsgi_temp_path {prefix}/tmp;\n  scgi_temp_path {prefix}/tmp;\n"
            f"  include {prefix}/site.conf;\n}}\n", encoding="utf-8")
        check = subprocess.run([binary, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx -t failed: {check.stderr}")
        self.check = check.stderr
        self.proc = subprocess.Popen([binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.https), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start listening")

    def __exit__(self, *exc) -> None:
        if self.proc:
            self.proc.terminate()
            self.proc.wait(timeout=10)
