"""Issue #15: events larger than `max_event_bytes` (64 KiB) are read exactly, through the real
Envoy 1.40 with the filter.

Every streamed corpus file (SSE, NDJSON and Bedrock AWS event-stream formats) is replayed with
one event inflated past the cap — padding in a member no decoder reads, in the first JSON event
or in the last one (which carries the usage and finish reason in most formats), a long
`context` array in Ollama's last line, a long answer repeated in the Responses
`response.completed`; for Bedrock the frame is re-encoded (lengths, CRC-32s), and in an invoke
stream the first chunk's model JSON is padded inside its base64 `bytes` — and must
give the metrics of its manifest entry, as the original does (`test_formats.py`): tokens from
usage, one TTFT sample iff it has content, `content_chunks − 1` gaps, refusals, error events;
and no request counted `oversized`. Files are 1 MiB larger, and 16 MiB for the first file of
each format (15 MiB for Bedrock: the protocol's frame limit is 16 MiB). A non-streaming 3 MB chat completion with `logprobs` gives its exact usage.

The bodies are written to a temporary folder replayed by a mock of this module's own, in
4 KiB upstream writes (64 KiB for the 16 MiB ones).
"""

from __future__ import annotations

import base64
import json
import re
import struct
import zlib
from pathlib import Path

import pytest

from harness import CORPUS, Envoy, Mock, http_request, load_manifest_entries
from test_formats import api_path, provider_of

ENTRIES = load_manifest_entries()
MIB = 1024 * 1024


def model_for(entry: dict) -> str:
    return "it-large-" + entry["format"]


def segments(data: bytes, ndjson: bool) -> list[bytes]:
    """The file cut after every event (blank line) or line."""
    pattern = rb"\n" if ndjson else rb"\r\n\r\n|\n\n|\r\r"
    out, start = [], 0
    for m in re.finditer(pattern, data):
        out.append(data[start:m.end()])
        start = m.end()
    if start < len(data):
        out.append(data[start:])
    return out


def json_start(segment: bytes) -> int | None:
    data = segment.find(b"data:")
    at = segment.find(b"{", 0 if data < 0 else data + 5)
    return None if at < 0 else at


def aws_frames(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (headers, payload) of every AWS event-stream frame."""
    out, at = [], 0
    while at + 12 <= len(data):
        total, headers_len = struct.unpack(">II", data[at:at + 8])
        frame = data[at:at + total]
        out.append((frame[12:12 + headers_len], frame[12 + headers_len:-4]))
        at += total
    return out


def aws_frame(headers: bytes, payload: bytes) -> bytes:
    """One AWS event-stream frame (Smithy event-stream specification: prelude, CRC-32s)."""
    prelude = struct.pack(">II", 12 + len(headers) + len(payload) + 4, len(headers))
    head = prelude + struct.pack(">I", zlib.crc32(prelude)) + headers + payload
    return head + struct.pack(">I", zlib.crc32(head))


def pad_json(doc: bytes, size: int) -> bytes:
    at = doc.index(b"{") + 1
    return doc[:at] + b'"llmtap_pad":"' + b"pad\\\"ding " * (size // 10) + b'",' + doc[at:]


def inflate_aws(data: bytes, kind: str, size: int) -> bytes | None:
    """pad-first: the first frame's JSON (an invoke chunk's model JSON inside its base64
    `bytes`, grown by 3/4 of `size` so that the frame grows by `size`); pad-last: the last
    frame's own JSON."""
    frames = aws_frames(data)
    if kind not in ("pad-first", "pad-last") or not frames:
        return None
    index = 0 if kind == "pad-first" else len(frames) - 1
    headers, payload = frames[index]
    if kind == "pad-first" and b'"bytes":"' in payload:
        outer = json.loads(payload)
        inner = base64.b64decode(outer["bytes"])
        outer["bytes"] = base64.b64encode(pad_json(inner, size // 4 * 3)).decode()
        payload = json.dumps(outer, separators=(",", ":")).encode()
    else:
        payload = pad_json(payload, size)
    frames[index] = (headers, payload)
    return b"".join(aws_frame(h, p) for h, p in frames)


def inflate(entry: dict, kind: str, size: int) -> bytes | None:
    """The corpus file with one event inflated by `size` bytes; None when it has no such event."""
    data = (CORPUS / entry["file"]).read_bytes()
    if entry["format"] == "bedrock-eventstream":
        return inflate_aws(data, kind, size)
    segs = segments(data, entry["format"] == "ollama-ndjson")
    json_events = [i for i, s in enumerate(segs) if json_start(s) is not None]
    if kind in ("pad-first", "pad-last"):
        if not json_events:
            return None
        index = json_events[0] if kind == "pad-first" else json_events[-1]
        at = json_start(segs[index]) + 1
        insert = b'"llmtap_pad":"' + b"pad\\\"ding " * (size // 10) + b'",'
    elif kind == "context":
        done = [i for i, s in enumerate(segs) if b'"done":true' in s]
        if entry["format"] != "ollama-ndjson" or not done:
            return None
        index = done[-1]
        at = json_start(segs[index]) + 1
        numbers = ",".join(str(128_000 + i % 9_000) for i in range(size // 7))
        insert = b'"context":[' + numbers.encode() + b"],"
    elif kind == "completed":
        found = [i for i, s in enumerate(segs) if b'"type":"response.completed"' in s]
        if not found or b'"output":[' not in segs[found[0]]:
            return None
        index = found[0]
        at = segs[index].find(b'"output":[') + len(b'"output":[')
        text = "All work and no play makes Jack a dull boy. \\n" * (size // 46)
        item = {"type": "message", "role": "assistant",
                "content": [{"type": "output_text", "text": "@", "annotations": []}]}
        insert = json.dumps(item).replace('"@"', '"' + text + '"').encode() + b","
    else:
        raise AssertionError(kind)
    seg = segs[index]
    segs[index] = seg[:at] + insert + seg[at:]
    return b"".join(segs)


CASES = []
for _entry in ENTRIES:
    for _kind in ("pad-first", "pad-last", "context", "completed"):
        CASES.append((_entry, _kind, MIB))
_first_of_format: dict[str, dict] = {}
for _entry in ENTRIES:
    _first_of_format.setdefault(_entry["format"], _entry)
_first_of_format["bedrock-invoke"] = next(
    e for e in ENTRIES if e["format"] == "bedrock-eventstream" and "invoke" in e["file"]
)
for _entry in _first_of_format.values():
    if _entry["format"] == "bedrock-eventstream":
        CASES.append((_entry, "pad-first", 15 * MIB))
        CASES.append((_entry, "pad-last", 15 * MIB))
    else:
        CASES.append((_entry, "pad-last", 16 * MIB))


@pytest.fixture(scope="module")
def replay_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("large-replay")


@pytest.fixture(scope="module")
def large_envoy(artifacts, replay_dir, tmp_path_factory):
    mock = Mock(tmp_path_factory.mktemp("large-mock"), replay_dir=replay_dir)
    work = tmp_path_factory.mktemp("large-envoy")
    config = work / "plugin-config.json"
    config.write_text('{"max_label_values": 1000}')
    envoy = Envoy(work, upstream=mock.url, config=config)
    yield envoy
    envoy.stop()
    mock.stop()


def totals(metrics, entry: dict) -> dict[str, float]:
    labels = {"gen_ai_request_model": model_for(entry), "gen_ai_provider_name": provider_of(entry)}
    return {
        "requests": metrics.total("llm_requests_total", **labels),
        "oversized": metrics.total("llm_requests_total", outcome="oversized", **labels),
        "error_outcomes": metrics.total("llm_requests_total", outcome="error_event", **labels),
        "output": metrics.total("llm_tokens_total", gen_ai_token_type="output", token_source="usage", **labels),
        "input": metrics.total("llm_tokens_total", gen_ai_token_type="input", token_source="usage", **labels),
        "ttft": metrics.total("llm_time_to_first_token_milliseconds_count", **labels),
        "gaps": metrics.total("llm_inter_chunk_gap_microseconds_count", **labels),
        "refusals": metrics.total("llm_refusals_total", **labels),
    }


@pytest.mark.parametrize(
    "entry, kind, size", CASES, ids=[f"{e['file']}-{k}-{s // MIB}MiB" for e, k, s in CASES]
)
def test_inflated_stream_gives_the_manifest_metrics(large_envoy, replay_dir, entry, kind, size):
    body = inflate(entry, kind, size)
    if body is None:
        pytest.skip(f"{entry['file']} has no event for {kind}")
    name = f"{kind}-{size}-" + entry["file"].replace("/", "-")
    (replay_dir / name).write_bytes(body)
    before = totals(large_envoy.scrape(), entry)
    resp = http_request(
        large_envoy.port,
        "POST",
        api_path(entry),
        headers={"x-mock-replay": name, "x-mock-split-bytes": 4096 if size <= MIB else 65536},
        body={"model": model_for(entry), "stream": True, "messages": [{"role": "user", "content": "hi"}]},
    )
    assert resp.status == 200, resp.body[:300]
    assert resp.body == body, "the stream changed on the way"
    want = dict(before)
    want["requests"] += 1
    want["output"] += entry["completion_tokens"] or 0
    want["input"] += entry["prompt_tokens"] or 0
    want["ttft"] += 1 if entry["content_chunks"] > 0 else 0
    want["gaps"] += max(entry["content_chunks"] - 1, 0)
    want["refusals"] += 1 if entry["refusal"] else 0
    want["error_outcomes"] += 1 if entry["errors"] else 0
    after = large_envoy.settle(
        lambda m: totals(m, entry)["requests"] >= want["requests"]
        and totals(m, entry)["ttft"] >= want["ttft"]
    )
    got = totals(after, entry)
    (replay_dir / name).unlink()
    assert got == want, f"{entry['file']} {kind}: " + "; ".join(
        f"{k} +{got[k] - before[k]:g} (want +{want[k] - before[k]:g})" for k in want if got[k] != want[k]
    )


def test_a_3_mb_chat_completion_with_logprobs_gives_its_usage(large_envoy, replay_dir):
    entry = {"format": "openai-chat-sse", "file": "x"}
    token = {"token": "tok", "logprob": -0.25, "bytes": [116, 111, 107],
             "top_logprobs": [{"token": "alt", "logprob": -2.5, "bytes": [97, 108, 116]}]}
    body = json.dumps({
        "id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-4o-2024-08-06",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello there"},
                     "logprobs": {"content": [token] * (3 * MIB // 120)}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 12, "completion_tokens": 34567, "total_tokens": 34579},
    }).encode()
    assert len(body) > 3 * MIB
    (replay_dir / "logprobs.json").write_bytes(body)
    labels = {"gen_ai_request_model": model_for(entry), "outcome": "complete"}
    scrape = large_envoy.scrape()
    before = totals(scrape, entry)
    complete_before = scrape.total("llm_requests_total", **labels)
    resp = http_request(
        large_envoy.port, "POST", "/v1/chat/completions",
        headers={"x-mock-replay": "logprobs.json", "x-mock-split-bytes": 65536},
        body={"model": model_for(entry), "messages": [{"role": "user", "content": "hi"}]},
    )
    assert resp.status == 200 and resp.body == body
    after = large_envoy.settle(lambda m: totals(m, entry)["requests"] > before["requests"])
    got = totals(after, entry)
    complete = after.total("llm_requests_total", **labels) - complete_before
    assert (got["requests"] - before["requests"], got["input"] - before["input"],
            got["output"] - before["output"], complete) == (1, 12, 34567, 1)
