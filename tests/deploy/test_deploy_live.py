"""End to end on this machine: a mock OpenAI-compatible server, Envoy 1.40 with llmtap configured
exactly as the Istio manifests configure a sidecar (WasmPlugin pluginConfig, extraStatTags,
statsHistogramBuckets, Istio's stats inclusion list), Prometheus scraping Envoy with the
PrometheusRule loaded. Checks what the manifests promise against what really comes out:
metric names, labels, buckets, untruncated long names, rule health, and that every dashboard
query returns data."""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml

from deploy_common import ISTIO, catalogue, emitted_metrics, prometheus_series_names, histogram_buckets, load_docs, require_tool, require_wasm, tag_names
from deploy_envoy import EnvoyProcess, free_port, http_bootstrap, istio_stats_config, unique_base_id, wasmplugin_filter
from deploy_promql import dashboard_targets, label_values_parts, rule_spec, substitute, variable_queries

LONG_MODEL = "org-" + "x" * 55 + "-v1.0"  # 64 bytes, the sanitiser's cap
assert len(LONG_MODEL) == 64

BASE_LABELS = {"gen_ai_request_model", "gen_ai_provider_name", "gen_ai_operation_name"}


def _chunk(model, delta=None, finish=None, usage=None):
    body = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": model,
            "choices": [] if usage else [{"index": 0, "delta": delta or {}, "finish_reason": finish}]}
    if usage:
        body["usage"] = usage
    return f"data: {json.dumps(body)}\n\n".encode()


def script(model: str, kind: str) -> tuple[int, list[bytes]]:
    usage = {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17,
             "prompt_tokens_details": {"cached_tokens": 4}, "completion_tokens_details": {"reasoning_tokens": 2}}
    if kind == "error":
        return 500, [b'{"error": {"message": "overloaded", "type": "server_error"}}']
    events = [_chunk(model, {"role": "assistant"})]
    if kind == "reasoning":
        events += [_chunk(model, {"reasoning_content": "think "}), _chunk(model, {"reasoning_content": "more"})]
    events += [_chunk(model, {"content": w}) for w in ("Hello", " there", ", friend", "!")]
    if kind == "truncated":
        return 200, events
    finish = {"refusal": "content_filter", "length": "length"}.get(kind, "stop")
    events += [_chunk(model, {}, finish), _chunk(model, usage=usage), b"data: [DONE]\n\n"]
    return 200, events


class MockLLM(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        status, events = script(body["model"], body.get("metadata", {}).get("kind", "normal"))
        if status != 200:
            payload = events[0]
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        for event in events:
            self.wfile.write(f"{len(event):x}\r\n".encode() + event + b"\r\n")
            self.wfile.flush()
            time.sleep(0.01)
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


REQUESTS = [
    ("llama-3.1-8b", "reasoning"), ("llama-3.1-8b", "normal"), ("llama-3.1-8b", "length"),
    (LONG_MODEL, "normal"), ("qwen2.5-7b", "refusal"), ("qwen2.5-7b", "normal"),
    ("qwen2.5-7b", "truncated"), ("qwen2.5-7b", "error"),
]


def parse_prometheus(text: str) -> list[tuple[str, dict, float]]:
    out = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = re.match(r"([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$", line)
        assert m, f"unparseable line: {line}"
        labels = dict(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', m.group(2) or ""))
        out.append((m.group(1), labels, float(m.group(3))))
    return out


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    wasm = require_wasm()
    workdir = tmp_path_factory.mktemp("live")
    server = ThreadingHTTPServer(("127.0.0.1", 0), MockLLM)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    spec = load_docs(ISTIO / "wasmplugin.yaml")[0]["spec"]
    ann = load_docs(ISTIO / "pod-annotations.yaml")[0]["spec"]["template"]["metadata"]["annotations"]
    stats = istio_stats_config(ann["sidecar.istio.io/extraStatTags"].split(","),
                               json.loads(ann["sidecar.istio.io/statsHistogramBuckets"]))
    listen, admin = free_port(), free_port()
    # The shipped pluginConfig extracts no answer labels and samples no prompts (an application
    # opts in); one extractor here makes the filter emit llm_answer_labels_total like every
    # other metric, and prompt sampling to a cluster this bootstrap lacks makes every sample
    # count in llm_prompt_samples_total{result="dropped"} (Envoy refuses the call).
    plugin_config = {
        **spec["pluginConfig"],
        "answer_labels": [{"name": "reply", "first_line": True}],
        "prompt_sampling": {"rate": 1.0, "cluster": "llmtap_aggregator", "token": "t", "flush_interval_ms": 100},
    }
    bootstrap = http_bootstrap([wasmplugin_filter(plugin_config, wasm, spec["failStrategy"], spec["pluginName"])],
                               stats, listen_port=listen, admin_port=admin,
                               upstream_port=server.server_address[1], flush="1s")
    envoy = EnvoyProcess(bootstrap, admin, workdir, unique_base_id())
    try:
        for model, kind in REQUESTS:
            conn = http.client.HTTPConnection("127.0.0.1", listen, timeout=10)
            body = json.dumps({"model": model, "stream": kind != "error", "metadata": {"kind": kind},
                               "stream_options": {"include_usage": True},
                               "messages": [{"role": "user", "content": "hi"}]})
            conn.request("POST", "/v1/chat/completions", body, {"content-type": "application/json"})
            resp = conn.getresponse()
            resp.read()
            conn.close()
        deadline = time.time() + 15
        while time.time() < deadline:
            text = envoy.admin("/stats/prometheus")
            if re.search(r"^llm_time_to_first_token_milliseconds_count\{.*\} [1-9]", text, re.M):
                break
            time.sleep(0.2)
        time.sleep(1.2)  # one more flush: every histogram recorded at the end of a stream is in
        yield {"envoy": envoy, "admin": admin, "workdir": workdir, "samples": parse_prometheus(envoy.admin("/stats/prometheus"))}
    finally:
        envoy.stop()
        server.shutdown()


def _llm(samples):
    return [s for s in samples if s[0].startswith("llm_")]


def test_every_emitted_metric_appears_with_istio_config(stack):
    names = {n for n, _, _ in _llm(stack["samples"])}
    missing = []
    for metric, kind in emitted_metrics().items():
        want = f"{metric}_bucket" if kind == "histogram" else metric
        if want not in names:
            missing.append(want)
    assert not missing, f"not in /stats/prometheus: {missing}\nhave: {sorted(names)}"


def test_no_unknown_or_mangled_metric_names(stack):
    """A label key missing from extraStatTags would leave `…_key___value___` in the name."""
    allowed = set()
    for metric, kind in emitted_metrics().items():
        allowed |= {f"{metric}_bucket", f"{metric}_sum", f"{metric}_count"} if kind == "histogram" else {metric}
    allowed |= prometheus_series_names(catalogue())  # planned ones may already appear
    odd = sorted({n for n, _, _ in _llm(stack["samples"]) if n not in allowed})
    assert not odd, f"unexpected llm_* names (untagged labels?): {odd}"


# Metrics about the filter's own work, not about one request: no model/provider/operation.
PER_VM_METRICS = {"llm_prompt_samples_total"}


def test_labels_are_extracted(stack):
    tags = set(tag_names()) | {"le"}
    contract = prometheus_series_names(emitted_metrics())
    for name, labels, _ in _llm(stack["samples"]):
        if name not in contract:
            continue  # planned metrics (e.g. llm_active_series) have their own labels
        if name in PER_VM_METRICS:
            assert set(labels) <= tags, f"{name}: label not in the catalogue: {labels}"
            continue
        assert BASE_LABELS <= set(labels), f"{name} {labels}"
        assert set(labels) <= tags, f"{name}: label not in the catalogue: {labels}"
    outcomes = {l["outcome"] for n, l, _ in stack["samples"] if n == "llm_requests_total"}
    assert {"complete", "length", "truncated", "error_event"} <= outcomes
    reasons = {l["finish_reason"] for n, l, _ in stack["samples"] if n == "llm_finish_reasons_total"}
    assert {"stop", "length", "content_filter"} <= reasons
    types = {l["gen_ai_token_type"] for n, l, _ in stack["samples"] if n == "llm_tokens_total"}
    assert {"input", "output"} <= types
    providers = {
        l["gen_ai_provider_name"] for n, l, _ in _llm(stack["samples"]) if n in contract and n not in PER_VM_METRICS
    }
    assert providers == {"vllm"}  # pluginConfig.provider_name


def test_histogram_buckets_are_the_annotations(stack):
    expected = histogram_buckets()
    seen = {}
    for name, labels, _ in stack["samples"]:
        if name.endswith("_bucket") and name.startswith("llm_"):
            seen.setdefault(name[: -len("_bucket")], set()).add(labels["le"])
    for metric, bounds in expected.items():
        if metric not in seen:
            continue  # presence is another test's business
        got = sorted(float(x) for x in seen[metric] if x != "+Inf")
        assert got == [float(b) for b in bounds], f"{metric}: buckets {got}"


def test_long_names_are_not_truncated(stack):
    """statNameLength (189) does not apply: a 300+-byte tagged name comes out whole."""
    series = [(n, l) for n, l, _ in stack["samples"] if n == "llm_requests_total" and l.get("gen_ai_request_model") == LONG_MODEL]
    assert series, "the 64-byte model label is missing or cut"
    n, labels = series[0]
    raw = "wasmcustom.llm_requests_total." + "".join(
        f"{k}=.={labels[k]};.;" for k in ("gen_ai_request_model", "gen_ai_response_model", "gen_ai_provider_name", "gen_ai_operation_name", "outcome") if k in labels)
    assert len(raw) > 189
    assert labels.get("gen_ai_response_model") == LONG_MODEL


def test_prometheus_scrapes_and_every_dashboard_query_returns_data(stack, tmp_path):
    prometheus = require_tool("prometheus")
    rules = tmp_path / "rules.yaml"
    spec = rule_spec()
    for group in spec["groups"]:
        group["interval"] = "1s"  # evaluate now, not in 1-5 minutes
    rules.write_text(yaml.safe_dump(spec, sort_keys=False))
    port = free_port()
    cfg = tmp_path / "prometheus.yml"
    cfg.write_text(yaml.safe_dump({
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(rules)],
        "scrape_configs": [{"job_name": "envoy", "metrics_path": "/stats/prometheus",
                            "static_configs": [{"targets": [f"127.0.0.1:{stack['admin']}"]}]}],
    }))
    proc = subprocess.Popen(
        [prometheus, f"--config.file={cfg}", f"--storage.tsdb.path={tmp_path / 'tsdb'}",
         f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
        stdout=subprocess.DEVNULL, stderr=open(tmp_path / "prometheus.log", "w"),
    )

    def query(q):
        url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode({"query": q})
        with urllib.request.urlopen(url, timeout=5) as r:
            body = json.loads(r.read())
        assert body["status"] == "success", body
        return body["data"]["result"]

    try:
        deadline = time.time() + 40
        while time.time() < deadline:
            try:
                if query("count_over_time(llm_requests_total[1m]) >= 3"):
                    break
            except OSError:
                pass
            assert proc.poll() is None, (tmp_path / "prometheus.log").read_text()
            time.sleep(0.3)
        else:
            raise AssertionError("Prometheus never scraped llm_requests_total 3 times")
        time.sleep(2)  # a couple of rule evaluations

        empty = []
        for panel, target in dashboard_targets():
            if "offset" in target["expr"]:
                continue  # the 7-day overlay has no history here
            if "llmtap_" in target["expr"]:
                continue  # the aggregator's panels: no `llmtap aggregate` in this stack (tests/aggregator)
            if not query(substitute(target["expr"])):
                empty.append(f"panel {panel['title']!r} {target['refId']}: {substitute(target['expr'])}")
        for q in variable_queries():
            selector, label = label_values_parts(q)
            if not query(f"count by ({label}) ({substitute(selector)})"):
                empty.append(f"variable {q}")
        assert not empty, "queries without data:\n" + "\n".join(empty)

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/rules", timeout=5) as r:
            groups = json.loads(r.read())["data"]["groups"]
        unhealthy = [(g["name"], x.get("name"), x.get("lastError")) for g in groups for x in g["rules"] if x["health"] != "ok"]
        assert len(groups) == len(rule_spec()["groups"]) and not unhealthy, unhealthy
        for record in ("model:llm_requests:rate10m", "model:llm_requests_failed:ratio_rate10m",
                       "model:llm_time_to_first_token_milliseconds:p99_rate10m", "model:llm_refusals:ratio_rate10m",
                       "model:llm_usage_missing:ratio_rate30m", "model:llm_output_tokens:rate10m"):
            assert query(record), f"recording rule {record} has no data"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
