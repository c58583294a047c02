"""The README's first command: on a fresh clone (no PDF cache), `mkdocs serve` serves the
theme sheets. They render in the background; until one is ready a short PDF says so."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import THEME


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_fresh_serve_serves_the_theme_pdf(project, tmp_path):
    from pypdf import PdfReader
    port = _free_port()
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1",
           "KC_CACHE_DIR": str(tmp_path / "empty-cache")}
    env.pop("I18N_ONLY", None)
    log = open(tmp_path / "serve.log", "w", encoding="utf-8")
    # Its own process group: the server's PDF workers go when it goes.
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}",
                             "-f", str(project / "mkdocs.yml")], cwd=project, env=env,
                            stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}/temaer/{THEME}/{THEME}-da.pdf"
    seen = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            try:
                data = urllib.request.urlopen(url, timeout=5).read()
            except OSError:
                time.sleep(0.5)
                continue
            assert data.startswith(b"%PDF"), data[:40]  # never a 404 page
            pages = len(PdfReader(io.BytesIO(data)).pages)
            seen.append(pages)
            if pages == 2:  # the real two-page sheet
                break
            time.sleep(0.5)
        assert seen and seen[-1] == 2, f"the sheet never arrived (pages seen: {seen})"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "Traceback" not in output, output[-3000:]
