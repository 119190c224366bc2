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
