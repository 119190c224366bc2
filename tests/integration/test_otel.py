"""Issue 19: OpenTelemetry from the mesh. Envoy started by `llmtap run --otlp-endpoint URL
--access-log PATH`, pointed at an OTLP/gRPC receiver in this test (`otlp_receiver.py`, built
on the official `opentelemetry-proto` messages).

- Every corpus stream (all nine formats) gives exactly one span, whose llmtap attributes
  agree with the filter's metrics as they arrive over OTLP (tokens, finish reasons, outcomes,
  time-to-first-chunk counts, per format) and with the manifest (usage exact), and whose time
  to first chunk lies within this test's own measurement of the response.
- The filter's metrics arrive over OTLP with their labels as attributes, under the GenAI
  names (`gen_ai.client.operation.time_to_first_chunk`, `gen_ai.client.token.usage`, …), and
  equal to what Prometheus scrapes from the same Envoy.
- Failures: an error status gives `error.type = error_event`; a client disconnect and an
  upstream reset end the span mid-stream (Envoy finalises the span before any filter callback
  runs after a reset), so the span says `interrupted` with Envoy's response flag, while the
  access log and the metrics have the exact outcome.
- The JSON access log carries the same fields.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import Counter, defaultdict

import pytest

from harness import Envoy, Mock, CORPUS, http_request, chat_body, load_manifest_entries, render_bootstrap
from otlp_receiver import OtlpReceiver
from test_formats import api_path, model_for, provider_of

ENTRIES = load_manifest_entries()
EXPORT_WAIT_S = 30.0
FAILED_OUTCOMES = {"error_event", "truncated", "upstream_reset", "client_disconnect"}  # the tracer batches spans for up to 5 s


@pytest.fixture(scope="module")
def receiver():
    r = OtlpReceiver()
    yield r
    r.stop()


@pytest.fixture(scope="module")
def otel_envoy(artifacts, mock, receiver, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("otel")
    access_log = tmp / "access.json"
    from harness import free_port

    listen, admin = free_port(), free_port()
    yaml_text = render_bootstrap(
        mock.url, listen_port=listen, admin_port=admin,
        extra=["--otlp-endpoint", receiver.endpoint, "--access-log", str(access_log),
               "--stats-flush-interval-ms", "500"],
    )
    path = tmp / "bootstrap.yaml"
    path.write_text(yaml_text)
    e = Envoy(tmp, bootstrap=path, listen_port=listen, admin_port=admin)
    e.access_log = access_log
    yield e
    e.stop()


def same_request(request_id: str | None, rid: str) -> bool:
    """Envoy rewrites one digit of `x-request-id` (the UUID version nibble carries its trace
    sampling decision); the other groups are the client's."""
    if not request_id:
        return False
    a, b = request_id.split("-"), rid.split("-")
    return len(a) == len(b) == 5 and a[:2] + a[3:] == b[:2] + b[3:] and a[2][1:] == b[2][1:]


def by_request_id(receiver: OtlpReceiver, rid: str, timeout: float = EXPORT_WAIT_S):
    return receiver.wait_spans(lambda s: same_request(s.attributes.get("guid:x-request-id"), rid), 1, timeout)


def access_log_entry(envoy, rid: str, timeout: float = 10.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if envoy.access_log.exists():
            for line in envoy.access_log.read_text().splitlines():
                entry = json.loads(line)
                if same_request(entry.get("request_id"), rid):
                    return entry
        time.sleep(0.1)
    raise AssertionError(f"no access-log line for {rid}")


def points_named(points, name, **attrs):
    return [p for p in points if p.metric == name and all(p.attributes.get(k) == v for k, v in attrs.items())]


def test_every_format_one_span_agreeing_with_the_metrics(otel_envoy, receiver):
    sent = []
    for entry in ENTRIES:
        rid = str(uuid.uuid4())
        resp = http_request(
            otel_envoy.port, "POST", api_path(entry),
            headers={"x-mock-replay": entry["file"], "x-mock-split-bytes": 7, "x-request-id": rid},
            body={"model": model_for(entry), "stream": True, "messages": [{"role": "user", "content": "hi"}]},
        )
        assert resp.status == 200, resp.body[:300]
        sent.append((entry, rid, resp))

    spans = {}
    for entry, rid, resp in sent:
        found = by_request_id(receiver, rid)
        assert len(found) == 1, f"{entry['file']}: {len(found)} spans for one request"
        spans[rid] = found[0].attributes

    per_format = defaultdict(Counter)
    for entry, rid, resp in sent:
        a = spans[rid]
        where = entry["file"]
        assert a["gen_ai.provider.name"] == provider_of(entry), where
        assert a["gen_ai.request.model"] == model_for(entry), where
        assert a["gen_ai.request.stream"] is True, where
        assert isinstance(a["gen_ai.operation.name"], str), where
        # Usage exact (typed INT on the span).
        if entry["completion_tokens"] is not None:
            assert a["gen_ai.usage.output_tokens"] == entry["completion_tokens"], where
            assert a["llmtap.token_source"] == "usage", where
        if entry["prompt_tokens"] is not None:
            assert a["gen_ai.usage.input_tokens"] == entry["prompt_tokens"], where
        # Time to first chunk (typed DOUBLE, seconds) inside the client's own measurement: the
        # client's interval (request sent → response ended) contains the proxy's (request
        # headers → first content event), so 0 < ttfc < the client's whole response time. No
        # lower bound from the client's first byte: a client scheduled late reads it late (80 ms
        # seen on a loaded CI machine) while the proxy's clock is unaffected.
        if entry["content_chunks"] > 0:
            ttfc = a["gen_ai.response.time_to_first_chunk"]
            assert isinstance(ttfc, float), where
            assert 0 < ttfc <= resp.ended - resp.started, (where, ttfc, resp.ended - resp.started)
        else:
            assert "gen_ai.response.time_to_first_chunk" not in a, where
        if entry["content_chunks"] > 1:
            assert a["llmtap.time_per_output_chunk"] >= 0, where
        assert a["llmtap.refusal"] is bool(entry["refusal"]), where
        if entry["refusal"]:
            assert a["llmtap.refusal_source"], where
        if entry["errors"]:
            assert a["error.type"] == "error_event" == a["llmtap.outcome"], where
        # error.type is the outcome of a failed request and absent otherwise.
        failed = a["llmtap.outcome"] in FAILED_OUTCOMES
        assert a.get("error.type") == (a["llmtap.outcome"] if failed else None), where
        c = per_format[model_for(entry)]
        c["requests"] += 1
        c[f"outcome:{a['llmtap.outcome']}"] += 1
        c["output"] += a.get("gen_ai.usage.output_tokens", 0)
        c["input"] += a.get("gen_ai.usage.input_tokens", 0)
        c["ttfc"] += 1 if "gen_ai.response.time_to_first_chunk" in a else 0
        if "gen_ai.response.finish_reasons" in a:
            c[f"finish:{a['gen_ai.response.finish_reasons']}"] += 1

    def metrics_of(points, model):
        got = Counter()
        for p in points_named(points, "llm_requests_total", gen_ai_request_model=model):
            got["requests"] += p.value
            got[f"outcome:{p.attributes['outcome']}"] += p.value
        for p in points_named(points, "llm_tokens_total", gen_ai_request_model=model):
            if p.attributes["gen_ai_token_type"] in ("input", "output"):
                got[p.attributes["gen_ai_token_type"]] += p.value
        for p in points_named(points, "gen_ai.client.operation.time_to_first_chunk", gen_ai_request_model=model):
            got["ttfc"] += p.count
        for p in points_named(points, "llm_finish_reasons_total", gen_ai_request_model=model):
            got[f"finish:{p.attributes['finish_reason']}"] += p.value
        return +got

    def all_agree(points):
        return all(metrics_of(points, model) == +want for model, want in per_format.items())

    points = receiver.wait_points(all_agree, EXPORT_WAIT_S)
    for model, want in per_format.items():
        assert metrics_of(points, model) == +want, model


def test_metrics_over_otlp_have_attributes_and_equal_prometheus(otel_envoy, receiver):
    model = "otel-metrics"
    for _ in range(3):
        resp = http_request(otel_envoy.port, "POST", "/v1/chat/completions",
                            body=chat_body(model, stream_options={"include_usage": True}))
        assert resp.status == 200

    def complete(points):
        return sum(p.value for p in points_named(points, "llm_requests_total", gen_ai_request_model=model)) == 3

    points = receiver.wait_points(complete, EXPORT_WAIT_S)
    assert complete(points), sorted({p.metric for p in points})
    names = {p.metric for p in points}
    # Only the filter's stats, under the GenAI names where one exists.
    assert {"gen_ai.client.operation.time_to_first_chunk", "gen_ai.client.operation.time_per_output_chunk",
            "gen_ai.client.operation.duration", "gen_ai.client.token.usage", "llm_requests_total",
            "llm_tokens_total"} <= names, names
    assert all(n.startswith(("llm_", "gen_ai.")) for n in names), names
    requests = points_named(points, "llm_requests_total", gen_ai_request_model=model)
    assert requests[0].attributes["gen_ai_provider_name"] == "openai"
    assert requests[0].attributes["gen_ai_operation_name"] == "chat"
    assert requests[0].attributes["outcome"] == "complete"
    ttfc = points_named(points, "gen_ai.client.operation.time_to_first_chunk", gen_ai_request_model=model)
    assert ttfc[0].kind == "histogram" and ttfc[0].count == 3 and ttfc[0].attributes["llmtap.unit"] == "ms"
    usage = points_named(points, "gen_ai.client.token.usage", gen_ai_request_model=model)
    assert {p.attributes["gen_ai.token.type"] for p in usage} == {"input", "output"}
    # The same numbers Prometheus scrapes.
    prom = otel_envoy.scrape()
    for token_type in ("input", "output"):
        otlp = sum(p.value for p in points_named(points, "llm_tokens_total", gen_ai_request_model=model,
                                                  gen_ai_token_type=token_type))
        assert otlp == prom.total("llm_tokens_total", gen_ai_request_model=model, gen_ai_token_type=token_type)
    assert ttfc[0].count == prom.total("llm_time_to_first_token_milliseconds_count", gen_ai_request_model=model)


def test_error_status_span_has_error_type(otel_envoy, receiver):
    rid = str(uuid.uuid4())
    resp = http_request(otel_envoy.port, "POST", "/v1/chat/completions",
                        headers={"x-mock-status": 500, "x-request-id": rid}, body=chat_body("otel-err"))
    assert resp.status == 500
    (span,) = by_request_id(receiver, rid)
    assert span.attributes["error.type"] == "error_event"
    assert span.attributes["llmtap.outcome"] == "error_event"
    assert access_log_entry(otel_envoy, rid)["error.type"] == "error_event"


@pytest.mark.parametrize("case", ["client_disconnect", "upstream_reset"])
def test_interrupted_stream_span_and_exact_outcome_in_log_and_metrics(otel_envoy, receiver, case):
    rid = str(uuid.uuid4())
    model = f"otel-{case}"
    headers = {"x-request-id": rid, "x-mock-token-delay-ms": 20}
    stop_when = None
    if case == "client_disconnect":
        stop_when = lambda body: body.count(b"data:") >= 3  # noqa: E731
    else:
        headers["x-mock-abort-after-bytes"] = 600
    before = otel_envoy.scrape().total("llm_requests_total", gen_ai_request_model=model, outcome=case)
    http_request(otel_envoy.port, "POST", "/v1/chat/completions", headers=headers,
                 body=chat_body(model), stop_when=stop_when)
    (span,) = by_request_id(receiver, rid)
    a = span.attributes
    # Known before the end: the request, and the first chunk.
    assert a["gen_ai.provider.name"] == "openai"
    assert a["gen_ai.request.model"] == model
    assert a["gen_ai.request.stream"] is True
    assert a["gen_ai.response.time_to_first_chunk"] > 0
    assert a["error.type"] == "interrupted" == a["llmtap.outcome"]
    assert a["response_flags"] in (("DC",) if case == "client_disconnect" else ("UR", "UC", "URX", "UPE")), a
    assert access_log_entry(otel_envoy, rid)["error.type"] == case
    after = otel_envoy.wait_for(
        lambda m: m.total("llm_requests_total", gen_ai_request_model=model, outcome=case) > before)
    assert after.total("llm_requests_total", gen_ai_request_model=model, outcome=case) == before + 1


def test_access_log_has_every_span_field(otel_envoy, receiver):
    rid = str(uuid.uuid4())
    resp = http_request(otel_envoy.port, "POST", "/v1/chat/completions", headers={"x-request-id": rid},
                        body=chat_body("otel-log", stream_options={"include_usage": True}))
    assert resp.status == 200
    entry = access_log_entry(otel_envoy, rid)
    (span,) = by_request_id(receiver, rid)
    for tag, value in span.attributes.items():
        if tag.startswith(("gen_ai.", "llmtap.")):
            assert tag in entry, tag
            assert str(value).lower() == str(entry[tag]).lower() or float(entry[tag]) == value, (tag, value, entry[tag])
    assert entry["trace_id"] and entry["response_code"] == 200


# --------------------------------------------------------------------------------------
# The shipped formats (envoy/, istio/) say the same as the rendered bootstrap.

def _rendered(tmp_path):
    import yaml

    text = render_bootstrap("http://127.0.0.1:8000",
                            extra=["--otlp-endpoint", "http://127.0.0.1:4317", "--access-log", "/dev/stdout"])
    doc = yaml.safe_load(text)
    hcm = doc["static_resources"]["listeners"][0]["filter_chains"][0]["filters"][0]["typed_config"]
    tags = {t["tag"]: t["value"] for t in hcm["tracing"]["custom_tags"]}
    log = hcm["access_log"][0]["typed_config"]["log_format"]["json_format"]
    return doc, tags, log


def test_shipped_access_log_and_istio_resources_match_the_rendered_bootstrap(artifacts, tmp_path):
    import yaml
    from harness import REPO_ROOT

    doc, tags, log = _rendered(tmp_path)
    assert set(tags) <= set(log), "every span attribute is an access-log field"
    for tag, value in tags.items():
        assert log[tag] == value, tag
    shipped = yaml.safe_load((REPO_ROOT / "envoy" / "access-log-json.yaml").read_text())
    assert shipped["access_log"][0]["typed_config"]["log_format"]["json_format"] == log

    telemetry = [d for d in yaml.safe_load_all((REPO_ROOT / "istio" / "telemetry-otel.yaml").read_text())
                 if d and d["kind"] == "Telemetry"]
    assert len(telemetry) == 1
    custom = telemetry[0]["spec"]["tracing"][0]["customTags"]
    assert {k: v["formatter"]["value"] for k, v in custom.items()} == tags

    (mesh,) = [d for d in yaml.safe_load_all((REPO_ROOT / "istio" / "meshconfig-otel.yaml").read_text()) if d]
    providers = {p["name"]: p for p in mesh["spec"]["meshConfig"]["extensionProviders"]}
    assert set(providers) == {"llmtap-otel", "llmtap-json-log"}
    assert providers["llmtap-json-log"]["envoyFileAccessLog"]["logFormat"]["labels"] == log
    otel = providers["llmtap-otel"]["opentelemetry"]
    assert otel["port"] == 4317 and otel["service"].endswith(".svc.cluster.local")
    # The Telemetry resource selects exactly these providers.
    spec = telemetry[0]["spec"]
    assert [p["name"] for p in spec["tracing"][0]["providers"]] == ["llmtap-otel"]
    assert [p["name"] for p in spec["accessLogging"][0]["providers"]] == ["llmtap-json-log"]
