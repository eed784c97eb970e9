"""``mkdocs serve`` (what ``make serve`` runs after generating) rebuilds after an edit to the
dated facts and to the court data, not only to docs/: nothing is cached past a rebuild."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from builds import copy_project, small_court_data

WAIT_SECONDS = 120  # a bound on the wait for each rebuild, not a timing assertion


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, server: subprocess.Popen) -> str:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped"
        body = page(url)
        if text in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r} (rebuilds: see the server's log)")


def test_serve_rebuilds_after_an_edit_to_the_facts_and_to_the_court_data(tmp_path):
    project = copy_project(tmp_path / "project")
    env = small_court_data(tmp_path / "courts")
    courts_dir = Path(env["PACER_HELP_COURTS_CSV"]).parent
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1", **env},
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/account/", "fake notices of electronic filing", server)
        wait_for(f"{base}/courts/mnd/", "CM/ECF Helpdesk", server)

        facts = project / "checker" / "data" / "facts.toml"
        text = facts.read_text(encoding="utf-8")
        edited = text.replace("fake notices of electronic filing", "forged notices of filing", 1)
        assert edited != text
        facts.write_text(edited, encoding="utf-8")
        wait_for(f"{base}/account/", "forged notices of filing", server)

        data = courts_dir / "court_facts.json"
        courts = json.loads(data.read_text(encoding="utf-8"))
        courts["courts"]["mnd"]["contact"]["label"] = "E-Filing Help Line"
        data.write_text(json.dumps(courts), encoding="utf-8")
        body = wait_for(f"{base}/courts/mnd/", "E-Filing Help Line", server)
        assert not re.search(r"CM/ECF Helpdesk", body)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
