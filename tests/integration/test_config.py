"""Acceptance 4: a bad plugin configuration is rejected with the filter's log line, `llmtap run`
refuses a bad `--config`, a good one is applied, and non-LLM requests produce no `llm_` metric.
"""

from __future__ import annotations

import json
import subprocess

import pytest
import yaml

from harness import (
    LLMTAP_BIN,
    START_S,
    WAIT_S,
    WASM,
    Envoy,
    Proc,
    chat_body,
    envoy_binary,
    free_port,
    http_request,
    next_base_id,
    render_bootstrap,
    run_cmd,
)

FILTER_ERROR = "llmtap: invalid plugin configuration:"

# (invalid JSON given to the filter, what its log line must say after the prefix)
BAD_CONFIGS = [
    ('{"max_event_byte": 1}', "unknown field `max_event_byte`"),
    ("{", "EOF"),
    ('{"max_event_bytes": 10}', "max_event_bytes = 10 is outside 1024..=16777216"),
]


def wasm_filter_configs(node) -> list[dict]:
    """Every `envoy.filters.http.wasm` filter `config` in a parsed bootstrap."""
    found = []
    if isinstance(node, dict):
        tc = node.get("typed_config")
        if (
            isinstance(tc, dict)
            and str(tc.get("@type", "")).endswith("envoy.extensions.filters.http.wasm.v3.Wasm")
        ):
            found.append(tc["config"])
        for v in node.values():
            found += wasm_filter_configs(v)
    elif isinstance(node, list):
        for v in node:
            found += wasm_filter_configs(v)
    return found


def bootstrap_with_plugin_config(mock_url: str, plugin_config: str) -> tuple[dict, int, int]:
    listen, admin = free_port(), free_port()
    doc = yaml.safe_load(render_bootstrap(mock_url, listen, admin))
    configs = wasm_filter_configs(doc)
    assert len(configs) == 1, f"expected one llmtap wasm filter, found {len(configs)}"
    value = configs[0]["configuration"]
    assert value["@type"].endswith("google.protobuf.StringValue")
    assert json.loads(value["value"]) == {} or isinstance(json.loads(value["value"]), dict)
    value["value"] = plugin_config
    return doc, listen, admin


@pytest.mark.parametrize("bad, reason", BAD_CONFIGS, ids=[b for b, _ in BAD_CONFIGS])
def test_filter_rejects_bad_configuration(artifacts, mock, tmp_path, bad, reason):
    doc, listen, admin = bootstrap_with_plugin_config(mock.url, bad)
    path = tmp_path / "bootstrap.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    proc = Proc(
        "envoy (bad plugin config)",
        [envoy_binary(), "-c", path, "--base-id", next_base_id(), "--concurrency", 1, "-l", "info"],
        tmp_path / "envoy.log",
        cwd=tmp_path,
    )
    try:
        try:
            code = proc.popen.wait(timeout=START_S)
        except Exception:
            pytest.fail(f"Envoy kept running with plugin configuration {bad!r}:\n{proc.tail()}")
        log = proc.log()
        assert code != 0, f"Envoy exited 0 with plugin configuration {bad!r}"
        lines = [l for l in log.splitlines() if FILTER_ERROR in l]
        assert lines, f"no `{FILTER_ERROR}` line in Envoy's log:\n{proc.tail()}"
        assert any(reason in l for l in lines), lines
        assert any("[critical]" in l and "[wasm]" in l for l in lines), lines
    finally:
        proc.stop()


def test_validate_mode_also_rejects_bad_configuration(artifacts, mock, tmp_path):
    doc, _, _ = bootstrap_with_plugin_config(mock.url, '{"max_event_byte": 1}')
    path = tmp_path / "bootstrap.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    res = run_cmd([envoy_binary(), "--mode", "validate", "-c", path, "-l", "info"], cwd=tmp_path)
    out = res.stdout + res.stderr
    assert res.returncode != 0, out[-3000:]
    assert f"{FILTER_ERROR} unknown field `max_event_byte`" in out, out[-3000:]


def run_llmtap(tmp_path, args: list, timeout: float = WAIT_S) -> tuple[int | None, str]:
    """`llmtap run ...` in its own process group (so an Envoy it might start anyway is killed
    with it); returns (exit code or None if it kept running, output)."""
    proc = Proc("llmtap run (bad config)", [LLMTAP_BIN, "run", *args], tmp_path / "llmtap-run.log")
    try:
        code = proc.popen.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        code = None
    finally:
        proc.stop()
    return code, proc.log()


@pytest.mark.parametrize(
    "content, reason",
    [
        ('{"max_event_byte": 1}', "unknown field `max_event_byte`"),
        ("{not json", "key must be a string"),
        ('{"max_event_bytes": 10}', "max_event_bytes = 10 is outside 1024..=16777216"),
    ],
    ids=["unknown-field", "bad-json", "out-of-range"],
)
def test_llmtap_run_refuses_bad_config_file(artifacts, mock, tmp_path, content, reason):
    cfg = tmp_path / "bad.json"
    cfg.write_text(content)
    admin = free_port()
    args = [
        "--upstream", mock.url,
        "--listen", f"127.0.0.1:{free_port()}",
        "--admin", f"127.0.0.1:{admin}",
        "--wasm", WASM,
        "--envoy", envoy_binary(),
        "--base-id", next_base_id(),
        "--config", cfg,
    ]
    code, out = run_llmtap(tmp_path, args)
    assert code is not None, f"`llmtap run` with config {content!r} kept running:\n{out[-3000:]}"
    assert code != 0, out
    assert "invalid plugin configuration" in out and reason in out, (
        f"unclear message for {content!r}:\n{out}"
    )
    assert cfg.name in out, f"the message should name the file:\n{out}"
    assert len(out) < 4000, "the error should be a short message, not a log dump"


def test_llmtap_run_refuses_missing_config_file(artifacts, mock, tmp_path):
    missing = tmp_path / "nope.json"
    code, out = run_llmtap(tmp_path, [
        "--upstream", mock.url,
        "--listen", f"127.0.0.1:{free_port()}",
        "--admin", f"127.0.0.1:{free_port()}",
        "--wasm", WASM,
        "--envoy", envoy_binary(),
        "--base-id", next_base_id(),
        "--config", missing,
    ])
    assert code is not None, f"`llmtap run` with a missing config file kept running:\n{out[-3000:]}"
    assert code != 0, out
    assert "nope.json" in out, out


@pytest.fixture(scope="module")
def vllm_envoy(artifacts, mock, tmp_path_factory):
    """An Envoy of its own, with a non-default plugin configuration given by `--config`."""
    tmp = tmp_path_factory.mktemp("envoy-config")
    cfg = tmp / "config.json"
    cfg.write_text(json.dumps({
        "provider_name": "vllm",
        "routes": [{"path_prefix": "/custom/", "format": "openai_chat"}],
    }))
    e = Envoy(tmp, upstream=mock.url, config=cfg)
    yield e
    e.stop()


@pytest.fixture
def fresh_envoy(artifacts, mock, tmp_path):
    e = Envoy(tmp_path, upstream=mock.url)
    yield e
    e.stop()


def test_non_llm_requests_produce_no_llm_metric(fresh_envoy):
    """On a fresh Envoy (default configuration): requests the filter must not measure leave no
    `llm_` series at all (and do reach the upstream, so the filter really saw them)."""
    envoy = fresh_envoy
    before = envoy.scrape()
    upstream_before = before.total("envoy_cluster_upstream_rq_total")
    llm_before = before.llm_lines()
    requests = [
        ("POST", "/v1/embeddings", {"model": "it-embed", "input": "hello"}),
        ("GET", "/healthz", None),
        ("GET", "/v1/models", None),
        ("POST", "/v1/chat/completions/extra", chat_body("it-not-llm")),
    ]
    for method, path, body in requests:
        resp = http_request(envoy.port, method, path, body=body)
        assert resp.complete
    m = envoy.settle(
        lambda m: m.total("envoy_cluster_upstream_rq_total") >= upstream_before + len(requests)
    )
    assert m.total("envoy_cluster_upstream_rq_total") - upstream_before == len(requests), (
        "the requests did not all reach the upstream"
    )
    assert m.llm_lines() == llm_before == [], m.llm_lines()
    status, raw = envoy.admin("/stats?filter=wasmcustom")
    assert status == 200
    assert raw.strip() == "", raw


def test_config_file_is_applied(vllm_envoy):
    """`--config` reaches the filter: the provider label and a configured route."""
    envoy = vllm_envoy
    for path, model in (("/v1/chat/completions", "it-vllm-a"), ("/custom/anything", "it-vllm-b")):
        resp = http_request(
            envoy.port, "POST", path, headers={"x-mock-tokens": 2, "x-mock-token-delay-ms": 1},
            body=chat_body(model),
        )
        assert resp.status in (200, 404), resp.status
    m = envoy.settle(
        lambda m: m.total("llm_requests_total", gen_ai_request_model="it-vllm-a") >= 1
    )
    assert m.total("llm_requests_total", gen_ai_request_model="it-vllm-a", gen_ai_provider_name="vllm") == 1
    assert m.total("llm_requests_total", gen_ai_provider_name="openai") == 0
    # The forced route is measured whatever the upstream answered on that path.
    assert m.total("llm_requests_total", gen_ai_request_model="it-vllm-b", gen_ai_provider_name="vllm") == 1
