"""Fixtures of the aggregator suite. Processes are started with the integration suite's
machinery (tests/integration/harness.py: own sessions, free ports, killed in teardown)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))

import pytest  # noqa: E402

import harness  # noqa: E402


@pytest.fixture(scope="session")
def artifacts() -> None:
    missing = harness._missing_artifacts()
    if missing:
        pytest.fail("aggregator tests need `make wasm cli`. Missing: " + ", ".join(missing), pytrace=False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed and call.when in ("setup", "call"):
        for proc in list(harness._live):
            report.sections.append((f"{proc.name} log tail ({proc.log_path})", proc.tail(80)))


class DemoRun:
    """One `llmtap demo` run (the scenario): its exit code, output and report directory."""

    def __init__(self, out: Path, proc):
        self.out = out
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr

    def report(self) -> dict:
        import json

        return json.loads((self.out / "report.json").read_text())


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory) -> DemoRun:
    """`llmtap demo` once for the session (about 90 s: 45 s baseline, then the incident until
    the aggregator's report covers it). Needs `make wasm cli` only."""
    missing = [str(p) for p in (harness.LLMTAP_BIN, harness.WASM) if not p.exists()]
    if missing:
        pytest.fail("the demo needs `make wasm cli`. Missing: " + ", ".join(missing), pytrace=False)
    out = tmp_path_factory.mktemp("demo")
    proc = harness.run_cmd([harness.LLMTAP_BIN, "demo", "--out", out], timeout=400)
    return DemoRun(out, proc)
