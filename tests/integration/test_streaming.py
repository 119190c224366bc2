"""Acceptance 2 (no buffering) and streams that end early (client disconnect, upstream reset).

Timing here is functional, not a performance claim: the mock spaces its events by hundreds of
milliseconds, and a proxy that buffered the response would deliver them together at the end.
"""

from __future__ import annotations

import time

from harness import (
    WAIT_S,
    chat_body,
    chat_chunks,
    content_of,
    http_request,
)


def content_arrivals(resp) -> list[float]:
    """Client-side arrival time of each content event (the read that completed it)."""
    body = b""
    seen = 0
    arrivals = []
    for t, piece in resp.pieces:
        body += piece
        chunks = chat_chunks(body)
        for chunk in chunks[seen:]:
            if content_of(chunk):
                arrivals.append(t)
        seen = len(chunks)
    return arrivals


def test_events_reach_the_client_as_the_upstream_sends_them(envoy):
    tokens, delay_ms = 10, 200
    resp = http_request(
        envoy.port,
        "POST",
        "/v1/chat/completions",
        headers={"x-mock-tokens": tokens, "x-mock-token-delay-ms": delay_ms, "x-mock-ttft-ms": 50},
        body=chat_body("it-nobuffer"),
    )
    assert resp.status == 200 and resp.complete
    arrivals = content_arrivals(resp)
    assert len(arrivals) == tokens, f"{len(arrivals)} content events, want {tokens}"
    last_byte = resp.pieces[-1][0]
    total = last_byte - resp.started
    first = arrivals[0] - resp.started
    # The upstream needs >= 9 x 200 ms after the first content event; the first event must
    # be with the client long before the stream ends (a buffering proxy gives first ~ total).
    assert total >= (tokens - 1) * delay_ms / 1000, f"stream took only {total:.3f}s"
    assert first <= total - 5 * delay_ms / 1000, (
        f"first content event after {first:.3f}s of a {total:.3f}s stream: buffered?"
    )
    # ... and the events keep their spacing on the way.
    spread = arrivals[-1] - arrivals[0]
    assert spread >= (tokens - 1) * delay_ms / 1000 * 0.8, (
        f"content events arrived within {spread:.3f}s; upstream spaced them over "
        f"{(tokens - 1) * delay_ms / 1000:.1f}s"
    )
    assert len(set(arrivals)) == tokens, "several content events arrived in one read"


def test_client_disconnect_mid_stream_is_counted(envoy):
    model = "it-disconnect"
    before = envoy.scrape()
    assert before.total("llm_requests_total", gen_ai_request_model=model) == 0
    t0 = time.monotonic()
    resp = http_request(
        envoy.port,
        "POST",
        "/v1/chat/completions",
        headers={"x-mock-tokens": 30, "x-mock-token-delay-ms": 100, "x-mock-ttft-ms": 20},
        body=chat_body(model),
        # close the socket as soon as the first content event is in
        stop_when=lambda body: any(content_of(c) for c in chat_chunks(body)),
    )
    assert resp.status == 200
    assert not resp.complete, "the stream ended before we hung up"
    assert time.monotonic() - t0 < 2.0, "the disconnect happened too late to be mid-stream"

    m = envoy.settle(
        lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= 1
        and m.total("llm_time_to_first_token_milliseconds_count", gen_ai_request_model=model) >= 1
    )
    series = {
        s.labels.get("outcome"): s.value
        for s in m.select("llm_requests_total", gen_ai_request_model=model)
        if s.value
    }
    assert series == {"client_disconnect": 1}, series
    # What was seen before the disconnect is still recorded.
    assert m.total("llm_time_to_first_token_milliseconds_count", gen_ai_request_model=model) == 1
    # The stream left the in-flight gauge (nothing else is in flight: tests run one by one).
    deadline = time.monotonic() + WAIT_S
    while envoy.scrape().total("llm_requests_in_flight") != 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    m = envoy.scrape()
    assert m.total("llm_requests_in_flight") == 0, m.llm_lines()


def test_upstream_reset_mid_stream_is_counted(envoy):
    model = "it-upstream-reset"
    resp = http_request(
        envoy.port,
        "POST",
        "/v1/chat/completions",
        headers={
            "x-mock-tokens": 20,
            "x-mock-token-delay-ms": 20,
            "x-mock-ttft-ms": 10,
            # past the role chunk and a few content chunks, then the mock resets
            "x-mock-abort-after-bytes": 600,
        },
        body=chat_body(model),
    )
    assert resp.status == 200
    assert not resp.complete, "the client saw a complete response despite the upstream reset"
    assert b"[DONE]" not in resp.body
    m = envoy.settle(lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= 1)
    series = {
        s.labels.get("outcome"): s.value
        for s in m.select("llm_requests_total", gen_ai_request_model=model)
        if s.value
    }
    assert series == {"upstream_reset": 1}, series
