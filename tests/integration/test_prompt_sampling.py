"""Prompt sampling (issue #18, docs/prompt-sampling.md) through the real Envoy: the filter
samples by a hash of `x-request-id`, redacts, batches from the root context's tick, and
sends NDJSON to the `llmtap_aggregator` cluster that `llmtap run --aggregator` adds. The
receiver is samples_receiver.py (the aggregator's side of the wire contract).
"""

from __future__ import annotations

import json
import statistics
import time

import pytest
import yaml

from harness import (
    CORPUS,
    WAIT_S,
    Envoy,
    chat_body,
    dicts,
    envoy_binary,
    free_port,
    http_request,
    poll,
    render_bootstrap,
    run_cmd,
    sha256,
)
from samples_receiver import SamplesReceiver

TOKEN = "test-token-7f3a"
MASK64 = (1 << 64) - 1


def unit_interval(request_id: str) -> float:
    """The filter's decision hash (src/core/src/prompt_sample/decision.rs): fmix64(FNV-1a 64)
    of the id, top 53 bits as a fraction of 1."""
    h = 0xCBF29CE484222325
    for byte in request_id.encode():
        h = ((h ^ byte) * 0x100000001B3) & MASK64
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & MASK64
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & MASK64
    h ^= h >> 33
    return (h >> 11) * 2.0**-53


def sampled(request_id: str, rate: float) -> bool:
    return unit_interval(request_id) < rate


def test_the_python_hash_is_the_filters():
    # The values the core's unit test pins (decision.rs).
    assert unit_interval("3f1c2a9e-6a4b-4c53-9a55-0d9f0cf1b8a2") == 0.5942474268307916
    assert unit_interval("req-0") == 0.06461446389127734


def start_envoy(tmp_path, mock, aggregator_url: str, sampling: dict) -> Envoy:
    """Envoy from `llmtap run --aggregator URL --print-bootstrap` with this sampling section."""
    config = tmp_path / "plugin-config.json"
    config.write_text(json.dumps({"max_label_values": 1000, "prompt_sampling": sampling}))
    listen, admin = free_port(), free_port()
    text = render_bootstrap(mock.url, listen, admin, config=config, extra=["--aggregator", aggregator_url])
    doc = yaml.safe_load(text)
    clusters = [c["name"] for c in doc["static_resources"]["clusters"]]
    assert "llmtap_aggregator" in clusters, clusters
    bootstrap = tmp_path / "bootstrap.yaml"
    bootstrap.write_text(text)
    return Envoy(tmp_path, bootstrap=bootstrap, listen_port=listen, admin_port=admin)


@pytest.fixture
def receiver():
    r = SamplesReceiver(TOKEN)
    yield r
    r.stop()


def chat(envoy: Envoy, model: str, content: str, request_id: str, stream: bool = False):
    resp = http_request(
        envoy.port,
        "POST",
        "/v1/chat/completions",
        headers={"x-request-id": request_id},
        body=chat_body(model, content, stream=stream),
    )
    assert resp.status == 200, resp.body[:300]
    return resp


def samples_total(envoy: Envoy, result: str) -> float:
    return envoy.scrape().total("llm_prompt_samples_total", result=result)


def test_every_request_is_sampled_at_rate_one(artifacts, mock, tmp_path, receiver):
    envoy = start_envoy(tmp_path, mock, receiver.url, {"rate": 1.0, "token": TOKEN, "flush_interval_ms": 100})
    try:
        model = "sampling-all"
        prompts = {f"question {i} about gardening tomatoes" for i in range(20)}
        for i, prompt in enumerate(sorted(prompts)):
            chat(envoy, model, prompt, f"all-{i}", stream=i % 2 == 0)
        got = poll(receiver.samples, lambda s: len(s) >= len(prompts), WAIT_S, 0.05)
        assert {s["prompt"] for s in got} == prompts
        assert len(got) == len(prompts), "each request sampled once"
        for s in got:
            assert s["gen_ai_request_model"] == model
            assert s["gen_ai_provider_name"] == "openai"
            assert s["truncated"] is False
            assert abs(s["time_unix_ms"] - time.time() * 1000) < 60_000
        assert receiver.rejections == []
        m = envoy.wait_for(lambda m: m.total("llm_prompt_samples_total", result="sent") >= len(prompts))
        assert m.total("llm_prompt_samples_total", result="sent") == len(prompts)
        assert m.total("llm_prompt_samples_total", result="dropped") == 0
    finally:
        envoy.stop()


def test_five_percent_samples_exactly_the_requests_the_hash_picks(artifacts, mock, tmp_path, receiver):
    rate = 0.05
    envoy = start_envoy(tmp_path, mock, receiver.url, {"rate": rate, "token": TOKEN, "flush_interval_ms": 100})
    try:
        ids = [f"drift-{i:04d}" for i in range(300)]
        expected = {f"prompt of {rid}" for rid in ids if sampled(rid, rate)}
        assert 3 <= len(expected) <= 40, len(expected)  # 300 × 5 % = 15 expected
        for rid in ids:
            chat(envoy, "sampling-five", f"prompt of {rid}", rid)
        poll(receiver.samples, lambda s: len(s) >= len(expected), WAIT_S, 0.05)
        # A few more ticks: nothing else arrives.
        time.sleep(0.5)
        got = [s["prompt"] for s in receiver.samples()]
        assert sorted(got) == sorted(expected)
        m = envoy.wait_for(lambda m: m.total("llm_prompt_samples_total", result="sent") >= len(expected))
        assert m.total("llm_prompt_samples_total", result="sent") == len(expected)
        assert m.total("llm_prompt_samples_total", result="dropped") == 0
    finally:
        envoy.stop()


SENSITIVE = [
    "alice.smith@example.com",
    "bob+llm@corp.example.org",
    "4111 1111 1111 1111",
    "5500-0055-5555-5559",
    "378282246310005",
    "+1 (415) 555-2671",
    "+44 20 7946 0958",
    "sk-proj-Abc123def456GHI789jkl012mno345",
    "sk-ant-api03-Zyx987Wvu654Tsr321Qpo000",
    "AKIAIOSFODNN7EXAMPLE",
    "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
    "d41d8cd98f00b204e9800998ecf8427e",
    "078051120",
]


def test_sensitive_data_never_leaves_the_filter(artifacts, mock, tmp_path, receiver):
    envoy = start_envoy(tmp_path, mock, receiver.url, {"rate": 1.0, "token": TOKEN, "flush_interval_ms": 100})
    try:
        n = 12
        for i in range(n):
            # Every secret in every prompt, in a different order and framing each time.
            rotated = SENSITIVE[i % len(SENSITIVE):] + SENSITIVE[: i % len(SENSITIVE)]
            prompt = f"Ticket {i}: " + "; ".join(f"value {v}" for v in rotated) + ". Please help."
            body = chat_body("sampling-redact", prompt, stream=False)
            body["messages"].insert(0, {"role": "system", "content": f"Reply to {SENSITIVE[i % 2]} only."})
            resp = http_request(
                envoy.port, "POST", "/v1/chat/completions", headers={"x-request-id": f"redact-{i}"}, body=body
            )
            assert resp.status == 200
        got = poll(receiver.samples, lambda s: len(s) >= n, WAIT_S, 0.05)
        assert len(got) == n
        raw = b"".join(receiver.raw_bodies)
        for value in SENSITIVE:
            assert value.encode() not in raw, f"{value} left the filter"
            # Not even its distinctive digits/letters without separators.
            compact = "".join(ch for ch in value if ch.isalnum())
            assert compact.encode() not in raw, f"{compact} left the filter"
        for placeholder in ["<email>", "<card>", "<phone>", "<secret>", "<number>"]:
            assert all(placeholder in s["prompt"] for s in got), placeholder
        assert all(s["prompt"].startswith("Reply to <email> only.\nTicket ") for s in got), got[0]
    finally:
        envoy.stop()


def test_a_down_aggregator_costs_the_traffic_nothing_and_drops_are_counted(artifacts, mock, envoy, tmp_path):
    closed_port = free_port()  # bound then released: nothing listens there
    sampling_envoy = start_envoy(
        tmp_path,
        mock,
        f"http://127.0.0.1:{closed_port}",
        {"rate": 1.0, "token": TOKEN, "flush_interval_ms": 50, "timeout_ms": 200},
    )
    try:
        entry = next(e for e in json.loads((CORPUS / "manifest.json").read_text())["entries"] if e["format"] == "openai-chat-sse")
        expected = (CORPUS / entry["file"]).read_bytes()
        durations = {"sampling": [], "plain": []}
        n = 30
        for i in range(n):
            # Interleaved, so both Envoys see the same load on the machine.
            for name, target in (("sampling", sampling_envoy), ("plain", envoy)):
                resp = http_request(
                    target.port,
                    "POST",
                    "/v1/chat/completions",
                    headers={
                        "x-request-id": f"down-{name}-{i}",
                        "x-mock-replay": entry["file"],
                        "x-mock-replay-delay-ms": 0,
                    },
                    body=chat_body("sampling-down", f"question {i}"),
                )
                assert resp.status == 200
                assert sha256(resp.body) == entry["sha256"] == sha256(expected), f"{name} request {i}: bytes differ"
                durations[name].append(resp.ended - resp.started)
        sampling_ms = statistics.median(durations["sampling"]) * 1000
        plain_ms = statistics.median(durations["plain"]) * 1000
        # Batches go from the root context on its tick, never on a request's path: the medians
        # agree within scheduling noise (2 ms or 50 %, whichever is larger).
        assert sampling_ms <= plain_ms + max(2.0, 0.5 * plain_ms), (sampling_ms, plain_ms)
        m = sampling_envoy.wait_for(lambda m: m.total("llm_prompt_samples_total", result="dropped") >= n)
        assert m.total("llm_prompt_samples_total", result="dropped") == n
        assert m.total("llm_prompt_samples_total", result="sent") == 0
        assert m.total("llm_requests_total", gen_ai_request_model="sampling-down") == n
    finally:
        sampling_envoy.stop()


def test_a_failing_aggregator_drops_and_counts(artifacts, mock, tmp_path):
    failing = SamplesReceiver(TOKEN, status=503)
    envoy = start_envoy(tmp_path, mock, failing.url, {"rate": 1.0, "token": TOKEN, "flush_interval_ms": 100})
    try:
        for i in range(5):
            chat(envoy, "sampling-503", f"question {i}", f"fail-{i}")
        m = envoy.wait_for(lambda m: m.total("llm_prompt_samples_total", result="dropped") >= 5)
        assert m.total("llm_prompt_samples_total", result="dropped") == 5
        assert m.total("llm_prompt_samples_total", result="sent") == 0
        assert failing.rejections == []  # the batches were well formed; the receiver said 503
    finally:
        envoy.stop()
        failing.stop()


@pytest.mark.parametrize(
    "sampling, reason",
    [
        ({"rate": 1.5, "cluster": "c", "token": "t"}, "prompt_sampling.rate must be a number in 0..=1"),
        ({"rate": 0.1, "cluster": "c"}, "missing field `token`"),
        ({"rate": 0.1, "cluster": "c", "token": "t", "max_prompt_bytes": 1}, "prompt_sampling.max_prompt_bytes = 1 is outside 64..=65536"),
    ],
    ids=["rate", "token", "max-prompt-bytes"],
)
def test_bad_sampling_configuration_is_rejected(artifacts, mock, tmp_path, sampling, reason):
    bad = json.dumps({"prompt_sampling": sampling})
    # `llmtap run` refuses it…
    config = tmp_path / "bad.json"
    config.write_text(bad)
    res = run_cmd(
        [*render_argv(mock.url), "--config", config, "--print-bootstrap"],
    )
    assert res.returncode != 0 and reason in res.stderr, res.stderr
    # …and so does the filter in Envoy (one critical log line).
    doc = yaml.safe_load(render_bootstrap(mock.url))
    for d in dicts(doc):
        tc = d.get("typed_config")
        if isinstance(tc, dict) and str(tc.get("@type", "")).endswith("filters.http.wasm.v3.Wasm"):
            tc["config"]["configuration"]["value"] = bad
    path = tmp_path / "bootstrap.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    res = run_cmd([envoy_binary(), "--mode", "validate", "-c", path, "-l", "info"], cwd=tmp_path)
    out = res.stdout + res.stderr
    assert res.returncode != 0, out[-3000:]
    lines = [l for l in out.splitlines() if "llmtap: invalid plugin configuration:" in l]
    assert len(lines) >= 1 and all(reason in l for l in lines), out[-3000:]


def render_argv(upstream: str) -> list:
    from harness import LLMTAP_BIN, WASM

    return [
        LLMTAP_BIN, "run",
        "--upstream", upstream,
        "--listen", f"127.0.0.1:{free_port()}",
        "--admin", f"127.0.0.1:{free_port()}",
        "--wasm", WASM,
        "--envoy", envoy_binary(),
    ]


def test_aggregator_flag_needs_a_sampling_section(artifacts, mock):
    res = run_cmd([*render_argv(mock.url), "--aggregator", "http://127.0.0.1:9", "--print-bootstrap"])
    assert res.returncode != 0
    assert "--aggregator needs a prompt_sampling section" in res.stderr, res.stderr
