"""Issue #5, refusal detection through the real Envoy: every structured refusal signal in
every wire format it exists in, text refusals in several languages, near-misses and
compliant answers, each replayed by `llmtap mock` from `tests/fixtures/refusals/` (see its
README.md and cases.json) on its API path, in 7-byte upstream writes.

Per response: the client gets the file byte for byte; `llm_refusals_total` grows by exactly
one under the expected `refusal_source` (`stop_reason`, `delta_refusal`, `content_filter`,
`safety_block`, `phrase`) and nowhere else, or not at all; and the access log's
`%FILTER_STATE(wasm.llmtap.refusal:PLAIN)%` says the same source (`none` when not a refusal).
A second Envoy checks that the `refusals` configuration adds and removes phrases.
"""

from __future__ import annotations

import importlib.util
import json
import re
import time
from pathlib import Path
from typing import Iterable

import pytest
import yaml

from harness import (
    REPO_ROOT,
    WAIT_S,
    Envoy,
    Mock,
    free_port,
    http_request,
    render_bootstrap,
    sha256,
)

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "refusals"
CASES: list[dict] = json.loads((FIXTURES / "cases.json").read_text())
SOURCES = ["stop_reason", "delta_refusal", "content_filter", "safety_block", "phrase"]
MODEL = "it-refusals"
CASE_HEADER = "x-llmtap-case"


def load_generator():
    spec = importlib.util.spec_from_file_location("refusal_fixtures", FIXTURES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def with_access_log(bootstrap: str, log_path: Path) -> dict:
    """The rendered bootstrap with a file access log on the listener's connection manager:
    one line per request with the test's case id and the filter's refusal attribute."""
    doc = yaml.safe_load(bootstrap)
    managers = [
        f["typed_config"]
        for listener in doc["static_resources"]["listeners"]
        for chain in listener["filter_chains"]
        for f in chain["filters"]
        if f["name"] == "envoy.filters.network.http_connection_manager"
    ]
    assert len(managers) == 1, f"expected one connection manager, found {len(managers)}"
    managers[0]["access_log"] = [{
        "name": "envoy.access_loggers.file",
        "typed_config": {
            "@type": "type.googleapis.com/envoy.extensions.access_loggers.file.v3.FileAccessLog",
            "path": str(log_path),
            "log_format": {"text_format_source": {"inline_string":
                f"case=%REQ({CASE_HEADER.upper()})% "
                "refusal=%FILTER_STATE(wasm.llmtap.refusal:PLAIN)% "
                "outcome=%FILTER_STATE(wasm.llmtap.outcome:PLAIN)%\n"}},
        },
    }]
    return doc


class LoggedEnvoy:
    """Envoy + llmtap (rendered by `llmtap run --print-bootstrap`) with an access log."""

    def __init__(self, tmp: Path, upstream: str, config: Path | None = None):
        listen, admin = free_port(), free_port()
        self.log_path = tmp / "access.log"
        doc = with_access_log(render_bootstrap(upstream, listen, admin, config=config), self.log_path)
        path = tmp / "bootstrap.yaml"
        path.write_text(yaml.safe_dump(doc, sort_keys=False))
        self.envoy = Envoy(tmp, bootstrap=path, listen_port=listen, admin_port=admin)

    def access_line(self, case_id: str, timeout: float = 2 * WAIT_S) -> dict[str, str]:
        """The access-log fields of one request (Envoy flushes the file about once a second)."""
        rx = re.compile(rf"^case={re.escape(case_id)} (.*)$", re.M)
        deadline = time.monotonic() + timeout
        while True:
            text = self.log_path.read_text() if self.log_path.exists() else ""
            m = rx.search(text)
            if m:
                return dict(field.split("=", 1) for field in m.group(1).split())
            if time.monotonic() > deadline:
                raise AssertionError(f"no access-log line for {case_id} in {timeout}s:\n{text[-2000:]}")
            time.sleep(0.05)

    def stop(self) -> None:
        self.envoy.stop()


def refusals_by_source(metrics) -> dict[str, float]:
    return {s: metrics.total("llm_refusals_total", refusal_source=s) for s in SOURCES}


def replay(logged: LoggedEnvoy, case: dict, case_id: str, split: int = 7):
    """Replays one fixture; returns (response, refusal counts before, after)."""
    envoy = logged.envoy
    before_metrics = envoy.scrape()
    before = refusals_by_source(before_metrics)
    requests_before = before_metrics.total("llm_requests_total")
    resp = http_request(
        envoy.port,
        "POST",
        case["path"],
        headers={"x-mock-replay": case["file"], "x-mock-split-bytes": split, CASE_HEADER: case_id},
        body={"model": MODEL, "stream": True, "messages": [{"role": "user", "content": "hi"}]},
    )
    after_metrics = envoy.wait_for(lambda m: m.total("llm_requests_total") > requests_before)
    assert after_metrics.total("llm_requests_total") == requests_before + 1, "stream not counted once"
    return resp, before, refusals_by_source(after_metrics)


@pytest.fixture(scope="module")
def refusal_mock(artifacts, tmp_path_factory) -> Iterable[Mock]:
    m = Mock(tmp_path_factory.mktemp("refusal-mock"), replay_dir=FIXTURES)
    yield m
    m.stop()


@pytest.fixture(scope="module")
def logged_envoy(refusal_mock, tmp_path_factory) -> Iterable[LoggedEnvoy]:
    e = LoggedEnvoy(tmp_path_factory.mktemp("refusal-envoy"), refusal_mock.url)
    yield e
    e.stop()


def test_fixtures_are_what_the_generator_writes():
    """The committed fixtures and cases.json are current (generate.py is their source)."""
    generator = load_generator()
    generated = generator.cases()
    stale = [c["file"] for c in generated if (FIXTURES / c["file"]).read_bytes() != c["_data"]]
    assert not stale, f"run tests/fixtures/refusals/generate.py: stale {stale}"
    manifest = [{k: v for k, v in c.items() if not k.startswith("_")} for c in generated]
    assert manifest == CASES, "run tests/fixtures/refusals/generate.py: cases.json is stale"
    readme = (FIXTURES / "README.md").read_text()
    assert readme.endswith(generator.readme_table(manifest)), "README.md file table is stale"
    on_disk = {
        str(p.relative_to(FIXTURES))
        for p in FIXTURES.rglob("*")
        if p.is_file() and p.name not in ("generate.py", "cases.json", "README.md")
    }
    assert on_disk == {c["file"] for c in CASES}, "fixture files and cases.json differ"


def test_generated_stream_sets_are_what_their_generator_writes():
    """bench/refusals/streams/{tuning,heldout}.jsonl are current (generate.py there writes them;
    src/core/src/refusal/stream_eval.rs scores them)."""
    streams = REPO_ROOT / "bench" / "refusals" / "streams"
    spec = importlib.util.spec_from_file_location("refusal_streams", streams / "generate.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    for file, content in generator.render().items():
        assert (streams / file).read_text(encoding="utf-8") == content, (
            f"run bench/refusals/streams/generate.py: {file} is stale")


def test_every_signal_and_language_is_covered():
    """Guards the parametrised test below against a fixture set that silently shrank."""
    expects = {c["expect"] for c in CASES}
    assert expects == set(SOURCES) | {"none"}, expects
    folders = {(c["file"].split("/")[0], c["expect"]) for c in CASES}
    for needed in [
        ("openai-chat", "delta_refusal"), ("openai-chat", "content_filter"),
        ("openai-completions", "content_filter"), ("openai-responses", "delta_refusal"),
        ("openai-responses", "content_filter"), ("anthropic", "stop_reason"),
        ("gemini", "safety_block"), ("bedrock-converse", "safety_block"),
        ("bedrock-invoke", "safety_block"), ("bedrock-invoke", "stop_reason"),
    ]:
        assert needed in folders, needed
    text_langs = {c["file"].rsplit("-", 1)[1].split(".")[0] for c in CASES if "text-refusal-" in c["file"]}
    assert {"en", "zh", "ja", "es", "de", "ar"} <= text_langs, text_langs
    near_miss_langs = {c["file"].split("near-miss-")[1][:2] for c in CASES if "near-miss-" in c["file"]}
    assert len(near_miss_langs) >= 4, near_miss_langs


def case_id_of(case: dict, prefix: str = "c") -> str:
    return prefix + sha256(case["file"].encode())[:12]


def expected_outcome(case: dict) -> str:
    # Every fixture is a whole stream: a refusal is an answer, not a broken stream. Responses
    # `status: incomplete` is a length-type finish.
    return "length" if "incomplete" in case["file"] else "complete"


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_refusal_is_counted_once_under_its_source(logged_envoy, case):
    resp, before, after = replay(logged_envoy, case, case_id_of(case))
    expected = (FIXTURES / case["file"]).read_bytes()
    assert resp.status == 200, resp.body[:300]
    assert resp.complete, "response body framing did not finish"
    assert sha256(resp.body) == sha256(expected), f"{case['file']}: body changed in transit"
    want = dict(before)
    if case["expect"] != "none":
        want[case["expect"]] += 1
    assert after == want, f"{case['file']} ({case['what']}): " + ", ".join(
        f"{s} +{after[s] - before[s]:g}" for s in SOURCES if after[s] != before[s]
    ) + f" (want {case['expect']})"


def test_access_log_has_the_refusal_source_of_every_request(logged_envoy):
    """`%FILTER_STATE(wasm.llmtap.refusal:PLAIN)%` of each request. All requests first, then
    one wait: Envoy writes access-log files out every few seconds."""
    ids = {}
    for case in CASES:
        case_id = case_id_of(case, "log")
        replay(logged_envoy, case, case_id, split=113)
        ids[case_id] = case
    wrong = []
    for case_id, case in ids.items():
        line = logged_envoy.access_line(case_id)
        want = {"refusal": case["expect"], "outcome": expected_outcome(case)}
        if line != want:
            wrong.append(f"{case['file']}: {line}, want {want}")
    assert not wrong, "\n".join(wrong)


# ------------------------------------------------------------------------------------------
# Configuration: phrases added and removed through the plugin configuration


EXTRA_PHRASE = "violates our acceptable use policy"
REMOVED_PHRASES = ["i don't have personal opinions", "i do not have personal opinions"]


@pytest.fixture(scope="module")
def configured_envoy(refusal_mock, tmp_path_factory) -> Iterable[LoggedEnvoy]:
    tmp = tmp_path_factory.mktemp("refusal-config-envoy")
    config = tmp / "llmtap.json"
    config.write_text(json.dumps({"refusals": {
        "extra_anywhere": [EXTRA_PHRASE],
        "remove": REMOVED_PHRASES,
    }}))
    e = LoggedEnvoy(tmp, refusal_mock.url, config=config)
    yield e
    e.stop()


def case_named(file: str) -> dict:
    return next(c for c in CASES if c["file"] == file)


@pytest.mark.parametrize(
    "file, default_expect, configured_expect",
    [
        ("openai-chat/config-extra-phrase.sse", "none", "phrase"),
        ("openai-chat/config-removed-phrase.sse", "phrase", "none"),
        # Untouched by the configuration: other default phrases still count.
        ("openai-chat/text-refusal-en.sse", "phrase", "phrase"),
        ("openai-chat/near-miss-en.sse", "none", "none"),
    ],
)
def test_configured_phrases_are_added_and_removed(configured_envoy, file, default_expect, configured_expect):
    case = case_named(file)
    assert case["expect"] == default_expect, "the default lists' verdict is the premise of this test"
    resp, before, after = replay(configured_envoy, case, case_id_of(case, "cfg"))
    assert sha256(resp.body) == sha256((FIXTURES / file).read_bytes())
    want = dict(before)
    if configured_expect != "none":
        want[configured_expect] += 1
    assert after == want, f"{file}: {after} (before {before})"
