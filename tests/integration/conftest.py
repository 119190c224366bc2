"""Fixtures of the integration suite; the machinery is in harness.py.

Session-scoped: one `llmtap mock` (replaying the corpus) and one Envoy started by
`llmtap run` in front of it. Tests keep apart by using their own model names (every metric
carries `gen_ai_request_model`) or by diffing scrapes; tests that need a special Envoy start
their own and stop it.
"""

from __future__ import annotations

from typing import Iterable

import pytest

import harness
from harness import CORPUS, Corpus, Envoy, Mock


@pytest.fixture(scope="session")
def artifacts() -> None:
    missing = harness._missing_artifacts()
    if missing:
        pytest.fail(
            "integration tests need built artifacts; run `make wasm cli` first. Missing: "
            + ", ".join(missing),
            pytrace=False,
        )


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    if not (CORPUS / "manifest.json").exists():
        pytest.fail(
            f"corpus not found at {CORPUS} (set LLMTAP_CORPUS to the folder holding manifest.json)",
            pytrace=False,
        )
    return Corpus(CORPUS)


@pytest.fixture(scope="session")
def mock(artifacts, tmp_path_factory) -> Iterable[Mock]:
    m = Mock(tmp_path_factory.mktemp("mock"), replay_dir=CORPUS)
    yield m
    m.stop()


@pytest.fixture(scope="session")
def envoy(artifacts, mock, tmp_path_factory) -> Iterable[Envoy]:
    # Every test names its own model, and the whole suite shares this Envoy: with the default
    # max_label_values (64 per VM) a worker's VM that happened to serve more of them labelled
    # the later ones `other`, which made tests fail by the luck of which worker took a request.
    # The cap itself is tested with Envoys of their own (test_config.py, test_answer_labels.py).
    work = tmp_path_factory.mktemp("envoy")
    config = work / "plugin-config.json"
    config.write_text('{"max_label_values": 1000}')
    e = Envoy(work, upstream=mock.url, config=config)
    yield e
    e.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure, attach the tail of every process still running (Envoy's log first)."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and call.when in ("setup", "call"):
        for proc in sorted(harness._live, key=lambda p: "envoy" not in p.name):
            report.sections.append((f"{proc.name} log tail ({proc.log_path})", proc.tail(80)))
