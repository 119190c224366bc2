"""Acceptance 4: a bad plugin configuration is rejected with the filter's log line, `llmtap run`
refuses a bad `--config`, a good one is applied, and non-LLM requests produce no `llm_` metric.
"""

from __future__ import annotations

import json
import re
import subprocess
import time

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
    dicts,
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
    typed = (d.get("typed_config") for d in dicts(node))
    return [
        tc["config"]
        for tc in typed
        if isinstance(tc, dict) and str(tc.get("@type", "")).endswith("envoy.extensions.filters.http.wasm.v3.Wasm")
    ]


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


# --------------------------------------------------------------------------------------
# Every invalid configuration, table-driven (issue #9), pushed as a configuration UPDATE to a
# running Envoy: the listener (with the filter and its configuration) comes from a file
# (LDS `path_config_source` + `watched_directory`; the file is replaced atomically, as a
# ConfigMap volume or an xDS server would). Each bad configuration must be rejected at
# `on_configure` with one clear log line, Envoy must refuse the update
# (`listener_manager.lds.update_rejected`) and keep serving with the previous configuration.

TOO_LONG_PHRASE = "x" * 201

# (invalid plugin configuration, what the filter's one log line must say after the prefix)
INVALID_CONFIGS = [
    ("[]", "expected a JSON object"),
    ('"x"', "expected a JSON object"),
    ("{", "EOF"),
    ('{"max_event_byte": 1}', "unknown field `max_event_byte`"),
    ('{"max_event_bytes": "big"}', "invalid type: string"),
    ('{"max_event_bytes": 1023}', "max_event_bytes = 1023 is outside 1024..=16777216"),
    ('{"max_event_bytes": 16777217}', "max_event_bytes = 16777217 is outside 1024..=16777216"),
    ('{"max_event_bytes": -1}', "invalid value: integer `-1`"),
    ('{"max_request_body_bytes": 16777217}',
     "max_request_body_bytes = 16777217 is outside 0..=16777216"),
    ('{"max_label_values": 0}', "max_label_values = 0 is outside 1..=10000"),
    ('{"max_label_values": 10001}', "max_label_values = 10001 is outside 1..=10000"),
    ('{"provider_name": "  "}', "provider_name must not be empty"),
    ('{"detect_by_path": "yes"}', "invalid type: string"),
    ('{"filter_state": 1}', "invalid type: integer"),
    ('{"labels": {"model": true}}', "unknown field `model`"),
    ('{"label_allow_list": ["gpt-4o", " "]}', "label_allow_list must not be empty"),
    ('{"consumer_header": "X-Tenant"}', "consumer_header must be a lower-case HTTP header name"),
    ('{"consumer_header": ""}', "consumer_header must be a lower-case HTTP header name"),
    ('{"prices": {"gpt-4o": {"input": 1}}}', "missing field `output`"),
    ('{"prices": {"gpt-4o": {"input": -1, "output": 1}}}', 'prices["gpt-4o"]: price must be'),
    ('{"prices": {"gpt-4o": {"input": 1, "output": 1, "tip": 1}}}', "unknown field `tip`"),
    ('{"routes": [{"format": "openai_chat"}]}',
     "routes[].path_prefix or routes[].path_suffix must not be empty"),
    ('{"routes": [{"path_prefix": "/x"}]}', "missing field `format`"),
    ('{"routes": [{"path_prefix": "/x", "format": "openai_chatt"}]}',
     "unknown variant `openai_chatt`"),
    ('{"routes": [{"path_prefix": "/x", "format": "tgi", "provider_name": ""}]}',
     "routes[].provider_name must not be empty"),
    ('{"refusals": {"window_chars": 15}}', "refusals.window_chars = 15 is outside 16..=4096"),
    ('{"refusals": {"languages": ["xx"]}}', "unknown variant `xx`"),
    ('{"refusals": {"extra_anchored": ["  "]}}', "refusals.extra_anchored[0] must not be blank"),
    ('{"refusals": {"extra_anywhere": ["' + TOO_LONG_PHRASE + '"]}}',
     "refusals.extra_anywhere[0] is longer than 200 characters"),
    ('{"refusals": {"remove": ["not a default phrase"]}}', "is not a default phrase"),
    ('{"refusals": {"enable": false}}', "unknown field `enable`"),
]


def filter_error_lines(log: str) -> list[str]:
    """The filter's rejection messages (the text from the prefix on), one per `on_configure`
    that failed."""
    return [l[l.index(FILTER_ERROR):] for l in log.splitlines() if FILTER_ERROR in l]


class LdsEnvoy:
    """Envoy whose listener is read from `<tmp>/xds/lds.yaml` and reloaded when it changes."""

    def __init__(self, mock_url: str, tmp):
        listen, admin = free_port(), free_port()
        doc = yaml.safe_load(render_bootstrap(mock_url, listen, admin))
        self.listener = doc["static_resources"].pop("listeners")[0]
        self.xds = tmp / "xds"
        self.xds.mkdir()
        self.lds = self.xds / "lds.yaml"
        self.write(GOOD_CONFIG)
        doc["dynamic_resources"] = {
            "lds_config": {
                "resource_api_version": "V3",
                "path_config_source": {
                    "path": str(self.lds),
                    "watched_directory": {"path": str(self.xds)},
                },
            }
        }
        doc["node"] = {"id": "llmtap-test", "cluster": "llmtap-test"}
        path = tmp / "bootstrap-lds.yaml"
        path.write_text(yaml.safe_dump(doc, sort_keys=False))
        self.envoy = Envoy(tmp, bootstrap=path, listen_port=listen, admin_port=admin, concurrency=1)

    def write(self, plugin_config: str) -> None:
        listener = json.loads(json.dumps(self.listener))
        configs = wasm_filter_configs(listener)
        assert len(configs) == 1
        configs[0]["configuration"]["value"] = plugin_config
        resource = {"@type": "type.googleapis.com/envoy.config.listener.v3.Listener", **listener}
        tmp = self.xds / "lds.yaml.tmp"
        tmp.write_text(yaml.safe_dump({"resources": [resource]}, sort_keys=False))
        tmp.rename(self.lds)  # atomic: Envoy never reads half a file

    def counter(self, name: str) -> int:
        status, text = self.envoy.admin(f"/stats?filter=^{re.escape(name)}$")
        assert status == 200 and ": " in text, f"no stat {name}: {text!r}"
        return int(text.split(": ", 1)[1])

    def push(self, plugin_config: str, outcome: str) -> str:
        """Writes a new configuration and waits for Envoy to take (`success`) or refuse
        (`rejected`) it; returns the log written meanwhile."""
        stat = f"listener_manager.lds.update_{outcome}"
        before = self.counter(stat)
        log_from = len(self.envoy.proc.log())
        self.write(plugin_config)
        deadline = time.monotonic() + WAIT_S
        while self.counter(stat) == before and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self.counter(stat) == before + 1, (
            f"{stat} did not move after pushing {plugin_config!r}:\n{self.envoy.proc.tail(20)}"
        )
        return self.envoy.proc.log()[log_from:]

    def request_counted(self, model: str, provider: str) -> None:
        resp = http_request(
            self.envoy.port, "POST", "/v1/chat/completions",
            headers={"x-mock-tokens": 2}, body=chat_body(model),
        )
        assert resp.status == 200 and resp.complete, (resp.status, resp.body[:200])
        m = self.envoy.wait_for(
            lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= 1
        )
        providers = {
            s.labels.get("gen_ai_provider_name")
            for s in m.select("llm_requests_total", gen_ai_request_model=model)
        }
        assert providers == {provider}, f"{model}: counted under providers {providers}"


GOOD_CONFIG = '{"provider_name": "before-update"}'


@pytest.fixture(scope="module")
def lds_envoy(artifacts, mock, tmp_path_factory):
    e = LdsEnvoy(mock.url, tmp_path_factory.mktemp("envoy-lds"))
    yield e
    e.envoy.stop()


@pytest.mark.parametrize(
    "case", range(len(INVALID_CONFIGS)), ids=[b[:60] for b, _ in INVALID_CONFIGS]
)
def test_every_invalid_configuration_update_is_rejected_with_one_clear_line(lds_envoy, case):
    bad, reason = INVALID_CONFIGS[case]
    log = lds_envoy.push(bad, "rejected")
    lines = filter_error_lines(log)
    assert len(lines) == 1, f"want one rejection line for {bad!r}, got {lines}"
    assert reason in lines[0], lines[0]
    assert "panicked" not in log and "Uncaught" not in log, log[-2000:]
    # Envoy keeps serving, with the filter still measuring under the previous configuration.
    lds_envoy.request_counted(f"it-lds-bad-{case}", "before-update")


def test_good_update_applies_and_a_later_bad_one_keeps_it(lds_envoy):
    lds_envoy.push('{"provider_name": "after-update"}', "success")
    lds_envoy.request_counted("it-lds-good", "after-update")
    lds_envoy.push('{"max_event_bytes": 1}', "rejected")
    lds_envoy.request_counted("it-lds-good-then-bad", "after-update")
    lds_envoy.push(GOOD_CONFIG, "success")  # back to the state the table expects
