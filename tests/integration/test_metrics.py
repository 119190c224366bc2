"""Acceptance 3: what Envoy's `/stats/prometheus` shows equals the ground truth.

Ground truth is either what the mock was told to send (tokens, events, delays) and what the
client received, or the corpus manifest for recorded OpenAI chat streams replayed by the mock.
Each test uses its own model names, so the session Envoy's earlier traffic does not matter.

`_sum` of an Envoy histogram is approximate (Envoy keeps circllhist bins of two significant
digits and sums bin midpoints: +-5 ms for values of 100-999 ms), so the TTFT tolerance below is
+25 ms / -1 ms per stream around the injected delay, and distributions are also checked by
bucket.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from harness import (
    chat_body,
    chat_chunks,
    content_of,
    http_request,
    prompt_tokens_of,
    sse_data,
    sse_events,
)

TTFT = "llm_time_to_first_token_milliseconds"
GAP = "llm_inter_chunk_gap_microseconds"


def stream(envoy, body: dict, **headers) -> tuple[list[dict], "object"]:
    resp = http_request(envoy.port, "POST", "/v1/chat/completions", headers=headers, body=body)
    assert resp.status == 200, resp.body[:500]
    assert resp.complete
    return chat_chunks(resp.body), resp


def usage_of(chunks: list[dict]) -> dict | None:
    usages = [c["usage"] for c in chunks if c.get("usage")]
    return usages[-1] if usages else None


def bucket(m, name: str, le: str, **labels) -> float:
    return m.total(f"{name}_bucket", le=le, **labels)


def test_requests_are_counted_per_model(envoy):
    plan = {"it-count-a": 3, "it-count-b": 1, "it-count-c": 2}
    response_models = {}
    for model, n in plan.items():
        for _ in range(n):
            chunks, _ = stream(envoy, chat_body(model), **{"x-mock-tokens": 3, "x-mock-token-delay-ms": 1})
            response_models[model] = chunks[0].get("model")
    m = envoy.settle(
        lambda m: all(
            m.total("llm_requests_total", gen_ai_request_model=k) >= v for k, v in plan.items()
        )
    )
    for model, n in plan.items():
        series = [s for s in m.select("llm_requests_total", gen_ai_request_model=model) if s.value]
        assert sum(s.value for s in series) == n, (model, m.llm_lines(gen_ai_request_model=model))
        assert len(series) == 1, series
        labels = series[0].labels
        assert labels["outcome"] == "complete"
        assert labels["gen_ai_provider_name"] == "openai"
        assert labels["gen_ai_operation_name"] == "chat"
        assert labels["gen_ai_response_model"] == response_models[model]


def test_tokens_equal_the_usage_report(envoy):
    model = "it-tokens"
    plan = [  # (completion tokens, prompt text, usage requested how)
        (5, "Hi", {"stream_options": {"include_usage": True}}),
        (8, "Tell me a story about a lighthouse keeper.", {"stream_options": {"include_usage": True}}),
        (13, "x" * 401, {}),  # usage by header below
    ]
    want_out = want_in = 0
    for tokens, prompt, extra in plan:
        body = chat_body(model, prompt, **extra)
        headers = {"x-mock-tokens": tokens, "x-mock-token-delay-ms": 1}
        if not extra:
            headers["x-mock-usage"] = "true"
        chunks, _ = stream(envoy, body, **headers)
        usage = usage_of(chunks)
        assert usage is not None, "the mock sent no usage chunk"
        assert usage["completion_tokens"] == tokens
        assert usage["prompt_tokens"] == prompt_tokens_of(body)
        want_out += tokens
        want_in += usage["prompt_tokens"]
    # A stream without usage is still counted, labelled as an estimate (the default module
    # links no vocabulary and "it-tokens" maps to no encoding; docs/tokens.md).
    chunks, _ = stream(
        envoy, chat_body(model), **{"x-mock-tokens": 4, "x-mock-usage": "false", "x-mock-token-delay-ms": 1}
    )
    assert usage_of(chunks) is None

    m = envoy.settle(
        lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= 4
        and m.total("llm_output_tokens_count", gen_ai_request_model=model) >= 4
    )
    mine = dict(gen_ai_request_model=model)
    assert m.total("llm_requests_total", **mine) == 4
    assert m.total("llm_tokens_total", gen_ai_token_type="output", token_source="usage", **mine) == want_out
    assert m.total("llm_tokens_total", gen_ai_token_type="input", token_source="usage", **mine) == want_in
    assert m.total("llm_tokens_total", gen_ai_token_type="output", token_source="estimate", **mine) > 0
    assert m.total("llm_tokens_total", gen_ai_token_type="input", token_source="estimate", **mine) > 0
    assert m.total("llm_tokens_total", token_source="tokenizer", **mine) == 0
    assert m.total("llm_output_tokens_count", **mine) == 4
    assert m.total("llm_prompt_tokens_count", **mine) == 4


def test_ttft_and_gap_counts_and_ttft_delay(envoy):
    model = "it-ttft"
    ttft_ms = 150
    # (x-mock-tokens, x-mock-tokens-per-event) -> content events
    plan = [(5, 1)] * 4 + [(6, 2), (0, 1)]
    expected_events = [5, 5, 5, 5, 3, 0]

    def one(spec):
        tokens, per_event = spec
        chunks, _ = stream(
            envoy,
            chat_body(model),
            **{
                "x-mock-ttft-ms": ttft_ms,
                "x-mock-tokens": tokens,
                "x-mock-tokens-per-event": per_event,
                "x-mock-token-delay-ms": 10,
            },
        )
        return sum(1 for c in chunks if content_of(c))

    with ThreadPoolExecutor(max_workers=len(plan)) as pool:
        events = list(pool.map(one, plan, timeout=30))
    assert events == expected_events, "the mock sent other content events than asked"
    with_content = sum(1 for e in events if e)
    gaps = sum(e - 1 for e in events if e)

    m = envoy.settle(
        lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= len(plan)
        and m.total(f"{TTFT}_count", gen_ai_request_model=model) >= with_content
        and m.total(f"{GAP}_count", gen_ai_request_model=model) >= gaps
    )
    assert m.total("llm_requests_total", gen_ai_request_model=model) == len(plan)
    assert m.total(f"{TTFT}_count", gen_ai_request_model=model) == with_content == 5
    assert m.total(f"{GAP}_count", gen_ai_request_model=model) == gaps == 18
    ttft_sum = m.total(f"{TTFT}_sum", gen_ai_request_model=model)
    assert with_content * (ttft_ms - 1) <= ttft_sum <= with_content * (ttft_ms + 25), (
        f"TTFT sum {ttft_sum:.1f} ms for {with_content} streams delayed {ttft_ms} ms"
    )
    # Every TTFT sample in (100, 250] ms.
    assert bucket(m, TTFT, "100", gen_ai_request_model=model) == 0
    assert bucket(m, TTFT, "250", gen_ai_request_model=model) == with_content


def test_gaps_measure_the_upstream_spacing(envoy):
    model = "it-gaps"
    delay_ms = 120  # well inside the (100 ms, 150 ms] gap bucket
    for _ in range(2):
        chunks, _ = stream(
            envoy, chat_body(model), **{"x-mock-tokens": 6, "x-mock-token-delay-ms": delay_ms, "x-mock-ttft-ms": 5}
        )
        assert sum(1 for c in chunks if content_of(c)) == 6
    m = envoy.settle(lambda m: m.total(f"{GAP}_count", gen_ai_request_model=model) >= 10)
    assert m.total(f"{GAP}_count", gen_ai_request_model=model) == 10
    in_range = bucket(m, GAP, "150000", gen_ai_request_model=model) - bucket(
        m, GAP, "100000", gen_ai_request_model=model
    )
    assert in_range == 10, m.llm_lines(gen_ai_request_model=model)


def test_non_streaming_completion(envoy):
    """A plain JSON answer: one request, usage counted, one content event (TTFT = time to
    the whole answer), no gaps."""
    model = "it-plain"
    body = chat_body(model, "What is two plus two?", stream=False)
    resp = http_request(
        envoy.port, "POST", "/v1/chat/completions", headers={"x-mock-tokens": 9}, body=body
    )
    assert resp.status == 200 and resp.complete
    assert "json" in (resp.header("content-type") or "")
    answer = json.loads(resp.body)
    assert answer["usage"]["completion_tokens"] == 9
    assert answer["usage"]["prompt_tokens"] == prompt_tokens_of(body)
    m = envoy.settle(
        lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= 1
        and m.total(f"{TTFT}_count", gen_ai_request_model=model) >= 1
    )
    assert m.total("llm_requests_total", gen_ai_request_model=model) == 1
    assert m.total("llm_tokens_total", gen_ai_request_model=model, gen_ai_token_type="output") == 9
    assert (
        m.total("llm_tokens_total", gen_ai_request_model=model, gen_ai_token_type="input")
        == prompt_tokens_of(body)
    )
    assert m.total(f"{TTFT}_count", gen_ai_request_model=model) == 1
    assert m.total(f"{GAP}_count", gen_ai_request_model=model) == 0


def test_ttft_counts_from_the_first_content_event(envoy, corpus):
    """A recorded DeepSeek stream thinks for 199 events (reasoning deltas, no content) before
    its first content event. Replayed with 3 ms between events, the first byte and the first
    reasoning text arrive at once but the first content event only after >= 199 x 3 ms: TTFT
    must measure the latter, TTFB and time-to-first-reasoning the former."""
    rel = "openai-chat-sse/pai-deepseek-reasoning-content-stream.sse"
    events = sse_events((corpus.root / rel).read_bytes())
    first_content = next(
        i for i, e in enumerate(events)
        if sse_data(e) not in (None, b"[DONE]") and content_of(json.loads(sse_data(e)))
    )
    assert first_content == 199, "corpus file changed"
    delay_ms = 3
    model = "it-ttft-definition"
    resp = http_request(
        envoy.port, "POST", "/v1/chat/completions",
        headers={"x-mock-replay": rel, "x-mock-replay-delay-ms": delay_ms},
        body=chat_body(model),
    )
    assert resp.status == 200 and resp.complete
    m = envoy.settle(lambda m: m.total(f"{TTFT}_count", gen_ai_request_model=model) >= 1)
    labels = {"gen_ai_request_model": model}
    assert m.total(f"{TTFT}_count", **labels) == 1
    ttft = m.total(f"{TTFT}_sum", **labels)
    ttfb = m.total("llm_time_to_first_byte_milliseconds_sum", **labels)
    ttfr = m.total("llm_time_to_first_reasoning_token_milliseconds_sum", **labels)
    floor = first_content * delay_ms
    # -10 ms: Envoy's approximate histogram sum (bin midpoints) for one sample of 500-999 ms.
    assert ttft >= floor - 10, f"TTFT {ttft:.0f} ms, but the first content event left after {floor} ms"
    assert m.total("llm_time_to_first_byte_milliseconds_count", **labels) == 1
    assert ttfb < floor / 2, f"TTFB {ttfb:.0f} ms: the first byte left at once"
    assert m.total("llm_time_to_first_reasoning_token_milliseconds_count", **labels) == 1
    assert ttfr < floor / 2, f"time to first reasoning {ttfr:.0f} ms: the first reasoning event left at once"


# Recorded OpenAI chat streams (each gets its own model label).
REPLAYS = [
    "openai-chat-sse/aigw-gpt5nano-chat-streaming.sse",  # 48 content chunks, no usage
    "openai-chat-sse/pai-deepseek-reasoning-content-stream.sse",  # reasoning first, 11 content
    "openai-chat-sse/nearai-sglang-qwen35-stream.sse",  # usage-only chunk
    "openai-chat-sse/pai-openai-gpt5-moderation-stream.sse",  # extra choices:[] chunk
    "openai-chat-sse/aigw-gpt5nano-detailed-usage-length.sse",  # zero content, usage 12/100
    "openai-chat-sse/kong-gpt4-chat-stream-reformatted.sse",  # unterminated final event
    "openai-chat-sse/pai-openrouter-stream-error.sse",  # comments, error chunk with usage
]


@pytest.mark.parametrize("rel", REPLAYS, ids=[r.split("/")[1] for r in REPLAYS])
def test_replayed_corpus_stream_metrics_equal_the_manifest(envoy, corpus, rel):
    entry = corpus.entry(rel)
    model = f"it-replay-{REPLAYS.index(rel)}"
    # Twice: split at event boundaries (2 ms apart), then in 7-byte pieces.
    for headers in (
        {"x-mock-replay": rel, "x-mock-replay-delay-ms": 2},
        {"x-mock-replay": rel, "x-mock-split-bytes": 7, "x-mock-replay-delay-ms": 0},
    ):
        resp = http_request(envoy.port, "POST", "/v1/chat/completions", headers=headers, body=chat_body(model))
        assert resp.status == 200 and resp.complete
    runs = 2
    content = entry["content_chunks"]
    want = {
        "requests": runs,
        "output": runs * (entry["completion_tokens"] or 0),
        "input": runs * (entry["prompt_tokens"] or 0),
        "ttft_count": runs * (1 if content else 0),
        "gap_count": runs * max(content - 1, 0),
    }

    def observed(m):
        return {
            "requests": m.total("llm_requests_total", gen_ai_request_model=model),
            "output": m.total("llm_tokens_total", gen_ai_request_model=model, gen_ai_token_type="output", token_source="usage"),
            "input": m.total("llm_tokens_total", gen_ai_request_model=model, gen_ai_token_type="input", token_source="usage"),
            "ttft_count": m.total(f"{TTFT}_count", gen_ai_request_model=model),
            "gap_count": m.total(f"{GAP}_count", gen_ai_request_model=model),
        }

    m = envoy.settle(lambda m: all(observed(m)[k] >= v for k, v in want.items()))
    assert observed(m) == want, m.llm_lines(gen_ai_request_model=model)


def test_openai_sdk_through_envoy(envoy, mock):
    """The official OpenAI SDK streams through the proxy: it gets the whole text (the same
    as straight from the mock) and the usage, and the metrics agree."""
    import openai

    model = "it-openai-sdk"
    tokens = 7
    messages = [{"role": "user", "content": "Count to seven, please."}]
    headers = {"x-mock-tokens": str(tokens), "x-mock-token-delay-ms": "5"}

    # Reference: the same request straight to the mock (deterministic output).
    direct = http_request(
        mock.port, "POST", "/v1/chat/completions", headers=headers,
        body={"model": model + "-direct", "messages": messages, "stream": True},
    )
    want_text = "".join(content_of(c) for c in chat_chunks(direct.body))
    assert want_text, "the mock streamed no text"

    client = openai.OpenAI(
        base_url=f"http://127.0.0.1:{envoy.port}/v1", api_key="x", max_retries=0, timeout=15
    )
    text, usage, content_chunks = "", None, 0
    with client.chat.completions.create(
        model=model,
        messages=messages,
        stream=True,
        stream_options={"include_usage": True},
        extra_headers=headers,
    ) as response:
        for chunk in response:
            for choice in chunk.choices:
                if choice.delta.content:
                    text += choice.delta.content
                    content_chunks += 1
            if chunk.usage is not None:
                usage = chunk.usage
    assert text == want_text
    assert content_chunks == tokens
    assert usage is not None, "the SDK saw no usage chunk"
    assert usage.completion_tokens == tokens
    assert usage.prompt_tokens == prompt_tokens_of({"messages": messages})

    m = envoy.settle(
        lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= 1
        and m.total(f"{TTFT}_count", gen_ai_request_model=model) >= 1
    )
    assert m.total("llm_requests_total", gen_ai_request_model=model, outcome="complete") == 1
    assert m.total("llm_tokens_total", gen_ai_request_model=model, gen_ai_token_type="output") == tokens
    assert (
        m.total("llm_tokens_total", gen_ai_request_model=model, gen_ai_token_type="input")
        == usage.prompt_tokens
    )
    assert m.total(f"{TTFT}_count", gen_ai_request_model=model) == 1
    assert m.total(f"{GAP}_count", gen_ai_request_model=model) == tokens - 1
