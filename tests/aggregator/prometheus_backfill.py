"""A real Prometheus holding synthetic history: the OpenMetrics text is backfilled with
`promtool tsdb create-blocks-from openmetrics`, then Prometheus serves the blocks."""

from __future__ import annotations

import shutil
import time
import urllib.request
from pathlib import Path

import pytest

import harness


def require(tool: str) -> str:
    path = shutil.which(tool)
    if not path:
        pytest.fail(f"{tool} not found: `make deploy-tools` installs Debian's prometheus", pytrace=False)
    return path


def start(tmp: Path, openmetrics: str) -> tuple[str, harness.Proc]:
    """Backfills `openmetrics` and starts Prometheus on it; returns its URL and process."""
    promtool = require("promtool")
    prom = require("prometheus")
    (tmp / "data.om").write_text(openmetrics)
    data = tmp / "tsdb"
    result = harness.run_cmd(
        [promtool, "tsdb", "create-blocks-from", "openmetrics", tmp / "data.om", data], timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    port = harness.free_port()
    (tmp / "prometheus.yml").write_text("global:\n  scrape_interval: 1h\nscrape_configs: []\n")
    proc = harness.Proc(
        "prometheus",
        [prom, f"--config.file={tmp / 'prometheus.yml'}", f"--storage.tsdb.path={data}",
         f"--web.listen-address=127.0.0.1:{port}", "--storage.tsdb.retention.time=30d"],
        tmp / "prometheus.log",
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/-/ready", timeout=2) as r:
                if r.status == 200:
                    return url, proc
        except OSError:
            time.sleep(0.2)
    proc.stop()
    raise AssertionError("Prometheus not ready:\n" + proc.tail())
