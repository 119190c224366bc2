"""Issue "every wire format": each corpus stream, replayed through Envoy + llmtap on its
format's API path (7-byte upstream writes), yields the metrics its manifest entry implies.

Per stream (deltas of the filter's own Prometheus output): output and input tokens equal the
manifest's usage (nothing when the stream has none); the TTFT histogram gains one sample iff
the stream has content; the gap histogram gains content_chunks − 1; a refusal in the manifest
is counted in `llm_refusals_total`, and a stream with an error event has outcome `error_event`.
"""

from __future__ import annotations

import pytest

from harness import http_request, load_manifest_entries
from test_passthrough import FORMAT_PROVIDERS, path_for

ENTRIES = load_manifest_entries()


def api_path(entry: dict) -> str:
    # TGI's Messages API is OpenAI chat on /v1/chat/completions, not /generate_stream.
    if "messages-api" in entry["file"]:
        return "/v1/chat/completions"
    return path_for(entry)


def provider_of(entry: dict) -> str:
    return "openai" if "messages-api" in entry["file"] else FORMAT_PROVIDERS[entry["format"]]


def model_for(entry: dict) -> str:
    # One model label per format keeps the series count far below the label cap.
    return "it-fmt-" + entry["format"]


def totals(metrics, entry: dict) -> dict[str, float]:
    labels = {"gen_ai_request_model": model_for(entry), "gen_ai_provider_name": provider_of(entry)}
    return {
        "requests": metrics.total("llm_requests_total", **labels),
        "error_outcomes": metrics.total("llm_requests_total", outcome="error_event", **labels),
        "output": metrics.total("llm_tokens_total", gen_ai_token_type="output", token_source="usage", **labels),
        "input": metrics.total("llm_tokens_total", gen_ai_token_type="input", token_source="usage", **labels),
        "ttft": metrics.total("llm_time_to_first_token_milliseconds_count", **labels),
        "gaps": metrics.total("llm_inter_chunk_gap_microseconds_count", **labels),
        "refusals": metrics.total("llm_refusals_total", **labels),
    }


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["file"] for e in ENTRIES])
def test_stream_metrics_match_the_manifest(envoy, entry):
    before = totals(envoy.scrape(), entry)
    resp = http_request(
        envoy.port,
        "POST",
        api_path(entry),
        headers={"x-mock-replay": entry["file"], "x-mock-split-bytes": 7},
        body={"model": model_for(entry), "stream": True, "messages": [{"role": "user", "content": "hi"}]},
    )
    assert resp.status == 200, resp.body[:300]
    want = dict(before)
    want["requests"] += 1
    want["output"] += entry["completion_tokens"] or 0
    want["input"] += entry["prompt_tokens"] or 0
    want["ttft"] += 1 if entry["content_chunks"] > 0 else 0
    want["gaps"] += max(entry["content_chunks"] - 1, 0)
    want["refusals"] += 1 if entry["refusal"] else 0
    want["error_outcomes"] += 1 if entry["errors"] else 0
    after = envoy.settle(lambda m: totals(m, entry)["requests"] >= want["requests"] and totals(m, entry)["ttft"] >= want["ttft"])
    got = totals(after, entry)
    assert got == want, f"{entry['file']}: " + "; ".join(
        f"{k} +{got[k] - before[k]:g} (want +{want[k] - before[k]:g})" for k in want if got[k] != want[k]
    )
