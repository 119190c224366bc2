"""Acceptance 5: every bootstrap we ship passes `envoy --mode validate` with the built wasm.

"Shipped" = what `llmtap run --print-bootstrap` renders from envoy/llmtap-bootstrap.yaml.tmpl
for typical invocations (plain and TLS upstreams, host names and IPs, a path prefix, a plugin
configuration) plus the standalone examples under envoy/examples/. Validate mode loads the
wasm module into V8, so a module that fails to load fails here too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from harness import REPO_ROOT, WASM, dicts, envoy_binary, render_bootstrap, run_cmd

RUN_CASES = {
    "http-ip": ("http://127.0.0.1:8000", []),
    "http-localhost-prefix": ("http://localhost:8000/openai", []),
    "https-openai": ("https://api.openai.com", []),
    "https-port-prefix": ("https://llm.example.com:8443/v1beta", ["--concurrency", "4"]),
    "https-ip": ("https://127.0.0.1:8443", []),
    "tuned": ("http://127.0.0.1:8000", ["--stats-flush-interval-ms", "250", "--concurrency", "1"]),
    # Issue 19: OpenTelemetry tracer + stat sink (h2c and TLS collectors) and the JSON access log.
    "otlp-ip-access-log": ("http://127.0.0.1:8000", ["--otlp-endpoint", "http://127.0.0.1:4317", "--access-log", "/dev/stdout"]),
    "otlp-tls-dns": ("https://api.openai.com", ["--otlp-endpoint", "https://otel-collector.example.com:4317"]),
    "access-log-only": ("http://127.0.0.1:8000", ["--access-log", "/tmp/llmtap-access.json"]),
    "otlp-tls-plain-upstream": ("http://127.0.0.1:8000", ["--otlp-endpoint", "https://otel-collector.example.com:4317"]),
}

EXAMPLE_CONFIG = {
    "provider_name": "vllm",
    "max_event_bytes": 262144,
    "routes": [{"path_prefix": "/models/", "path_suffix": "/chat/completions", "format": "openai_chat"}],
}


# src/aggregator/src/launch.rs CA_BUNDLES: with one present, TLS peers must be verified.
CA_BUNDLES = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"]


def validate(path, cwd) -> None:
    res = run_cmd([envoy_binary(), "--mode", "validate", "-c", path, "-l", "warning"], cwd=cwd)
    out = res.stdout + res.stderr
    assert res.returncode == 0, f"envoy --mode validate -c {path} failed:\n{out[-4000:]}"
    assert "OK" in out, out[-2000:]


def wasm_filenames(node) -> list[str]:
    return [d["vm_config"]["code"]["local"]["filename"] for d in dicts(node) if "vm_config" in d]


def find_key(node, key):
    return (d[key] for d in dicts(node) if key in d)


@pytest.mark.parametrize("config", [False, True], ids=["default-config", "with-config"])
@pytest.mark.parametrize("case", list(RUN_CASES))
def test_rendered_bootstrap_validates(artifacts, tmp_path, case, config):
    upstream, extra = RUN_CASES[case]
    cfg = None
    if config:
        cfg = tmp_path / "llmtap.json"
        cfg.write_text(json.dumps(EXAMPLE_CONFIG))
    text = render_bootstrap(upstream, config=cfg, extra=extra)
    doc = yaml.safe_load(text)

    # What the bootstrap must carry besides being valid Envoy config.
    assert wasm_filenames(doc) == [str(WASM)], "the bootstrap must load the built module"
    shipped_stats = yaml.safe_load((REPO_ROOT / "envoy" / "stats-config.yaml").read_text())
    assert doc["stats_config"] == shipped_stats["stats_config"]
    timeouts = [route["route"].get("timeout") for routes in find_key(doc, "routes") for route in routes]
    assert timeouts and all(t in ("0s", 0) for t in timeouts), f"route timeouts {timeouts}"
    plugin_values = [c["value"] for c in find_key(doc, "configuration")]
    assert [json.loads(v) for v in plugin_values] == [EXAMPLE_CONFIG if config else {}]
    if upstream.startswith("https://"):
        sockets = list(find_key(doc, "transport_socket"))
        assert sockets and sockets[0]["name"] == "envoy.transport_sockets.tls", sockets
        host = upstream.split("//")[1].split("/")[0].split(":")[0]
        if not host[0].isdigit():
            assert sockets[0]["typed_config"].get("sni") == host

    otlp = [c for c in doc["static_resources"]["clusters"] if c["name"] == "llmtap_otlp"]
    if "--otlp-endpoint" in extra:
        endpoint = extra[extra.index("--otlp-endpoint") + 1]
        assert len(otlp) == 1 and "tracing" in text and "envoy.stat_sinks.open_telemetry" in text
        if endpoint.startswith("https://"):
            tls = otlp[0]["transport_socket"]["typed_config"]
            assert tls.get("sni") == endpoint.split("//")[1].split(":")[0]
            if any(Path(p).is_file() for p in CA_BUNDLES):
                assert "trusted_ca" in tls["common_tls_context"]["validation_context"], "collector not verified"
    else:
        assert not otlp and "tracing" not in doc["static_resources"]["listeners"][0]["filter_chains"][0]["filters"][0]["typed_config"]

    path = tmp_path / "bootstrap.yaml"
    path.write_text(text)
    validate(path, cwd=tmp_path)


EXAMPLES = sorted((REPO_ROOT / "envoy" / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_bootstrap_validates(artifacts, example):
    # The examples name the module relative to the repository root (`build/llmtap.wasm`).
    validate(example, cwd=REPO_ROOT)
