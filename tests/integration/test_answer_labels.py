"""Issue 17, answer labels through the real Envoy: classifier answers carrying known labels
(JSON alone, JSON in a code fence after prose, an intent line, invalid JSON, values outside the
allowed set) in five wire formats — OpenAI chat SSE, OpenAI chat whole JSON, Anthropic SSE,
Gemini SSE, Ollama NDJSON — are replayed by `llmtap mock` in 7-byte upstream writes, and
`llm_answer_labels_total{label_name, label_value}` must hold exactly the expected count per value.
A route with its own `answer_labels` replaces the global list."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable

import pytest

from harness import Envoy, Mock, http_request

MODEL = "it-labels"
CONFIG = {
    "answer_labels": [
        {"name": "sentiment", "json_pointer": "/label", "values": ["positive", "negative", "neutral"],
         "case_fold": True},
        {"name": "intent", "regex": r"(?i)intent:\s*([a-z_]+)", "case_fold": True},
    ],
    "routes": [
        {"path_prefix": "/routed/", "format": "openai_chat",
         "answer_labels": [{"name": "verdict", "first_line": True, "max_values": 2}]},
    ],
}


def pieces(text: str, size: int = 5) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)]


def openai_sse(text: str) -> bytes:
    out = [{"id": "c1", "object": "chat.completion.chunk", "model": MODEL,
            "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]}]
    out += [{"id": "c1", "object": "chat.completion.chunk", "model": MODEL,
             "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]} for p in pieces(text)]
    out.append({"id": "c1", "object": "chat.completion.chunk", "model": MODEL,
                "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 9, "completion_tokens": 7, "total_tokens": 16}})
    return b"".join(f"data: {json.dumps(e)}\n\n".encode() for e in out) + b"data: [DONE]\n\n"


def openai_json(text: str) -> bytes:
    return json.dumps({"id": "c2", "object": "chat.completion", "model": MODEL,
                       "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                    "finish_reason": "stop"}],
                       "usage": {"prompt_tokens": 9, "completion_tokens": 7, "total_tokens": 16}}).encode()


def anthropic_sse(text: str) -> bytes:
    events = [("message_start", {"type": "message_start", "message": {
        "id": "msg_1", "type": "message", "role": "assistant", "model": MODEL, "content": [],
        "stop_reason": None, "usage": {"input_tokens": 9, "output_tokens": 1}}}),
        ("content_block_start", {"type": "content_block_start", "index": 0,
                                 "content_block": {"type": "text", "text": ""}})]
    events += [("content_block_delta", {"type": "content_block_delta", "index": 0,
                                        "delta": {"type": "text_delta", "text": p}}) for p in pieces(text)]
    events += [("content_block_stop", {"type": "content_block_stop", "index": 0}),
               ("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn"},
                                  "usage": {"output_tokens": 7}}),
               ("message_stop", {"type": "message_stop"})]
    return b"".join(f"event: {n}\ndata: {json.dumps(d)}\n\n".encode() for n, d in events)


def gemini_sse(text: str) -> bytes:
    parts = pieces(text)
    out = []
    for i, p in enumerate(parts):
        cand = {"content": {"parts": [{"text": p}], "role": "model"}}
        if i == len(parts) - 1:
            cand["finishReason"] = "STOP"
        out.append({"candidates": [cand], "usageMetadata": {"promptTokenCount": 9, "candidatesTokenCount": 7},
                    "modelVersion": MODEL})
    return b"".join(f"data: {json.dumps(e)}\r\n\r\n".encode() for e in out)


def ollama_ndjson(text: str) -> bytes:
    out = [{"model": MODEL, "message": {"role": "assistant", "content": p}, "done": False} for p in pieces(text)]
    out.append({"model": MODEL, "message": {"role": "assistant", "content": ""}, "done": True,
                "done_reason": "stop", "prompt_eval_count": 9, "eval_count": 7})
    return b"".join(json.dumps(e).encode() + b"\n" for e in out)


FORMATS = {
    # name: (path, file extension, renderer)
    "openai-sse": ("/v1/chat/completions", "sse", openai_sse),
    "openai-json": ("/v1/chat/completions", "json", openai_json),
    "anthropic": ("/v1/messages", "sse", anthropic_sse),
    "gemini": (f"/v1beta/models/{MODEL}:streamGenerateContent?alt=sse", "sse", gemini_sse),
    "ollama": ("/api/chat", "ndjson", ollama_ndjson),
}

# Answer text → the labels it must be counted under (sentiment, intent).
ANSWERS = [
    ('{"label": "positive", "confidence": 0.97}', "positive", "none"),
    ('Sure. Here is the classification:\n```json\n{\n  "label": "Negative",\n  "reason": "the '
     'customer says \\"never again\\" {sic}"\n}\n```\nIntent: refund_request', "negative", "refund_request"),
    ("Intent: BILLING\nThe sentiment is {\"label\": \"neutral\"}.", "neutral", "billing"),
    ('{"label": "mixed"}', "other", "none"),
    ('{"label": "positive"', "none", "none"),  # invalid JSON: cut short
    ("Je ne sais pas. Intent: question_générale", "none", "question_g"),
]


@pytest.fixture(scope="module")
def replay_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("label-replays")
    for fmt, (_, ext, render) in FORMATS.items():
        for i, (text, _, _) in enumerate(ANSWERS):
            (d / f"{fmt}-{i}.{ext}").write_bytes(render(text))
    return d


@pytest.fixture(scope="module")
def envoy(artifacts, replay_dir, tmp_path_factory) -> Iterable[Envoy]:
    tmp = tmp_path_factory.mktemp("labels")
    mock = Mock(tmp, replay_dir=replay_dir)
    config = tmp / "config.json"
    config.write_text(json.dumps(CONFIG))
    # One worker: the per-VM cap on distinct values (max_values) is then exact.
    e = Envoy(tmp, upstream=mock.url, config=config, concurrency=1)
    yield e
    e.stop()
    mock.stop()


def label_counts(metrics, name: str, **labels: str) -> Counter:
    out = Counter()
    for s in metrics.select("llm_answer_labels_total", label_name=name, **labels):
        out[s.labels["label_value"]] += s.value
    return out


def send(envoy: Envoy, path: str, replay: str, stream: bool = True):
    resp = http_request(
        envoy.port, "POST", path,
        headers={"x-mock-replay": replay, "x-mock-split-bytes": 7},
        body={"model": MODEL, "stream": stream, "messages": [{"role": "user", "content": "classify"}]},
    )
    assert resp.status == 200 and resp.complete, resp.body[:300]
    return resp


def test_every_format_counts_the_known_labels_exactly(envoy, replay_dir):
    before = envoy.scrape()
    requests_before = before.total("llm_requests_total")
    want_sentiment, want_intent = Counter(), Counter()
    rounds = 2
    for _ in range(rounds):
        for fmt, (path, ext, _) in FORMATS.items():
            for i, (_, sentiment, intent) in enumerate(ANSWERS):
                resp = send(envoy, path, f"{fmt}-{i}.{ext}", stream=ext != "json")
                assert resp.body == (replay_dir / f"{fmt}-{i}.{ext}").read_bytes(), "body changed in transit"
                want_sentiment[sentiment] += 1
                want_intent[intent] += 1
    n = rounds * len(FORMATS) * len(ANSWERS)
    after = envoy.wait_for(lambda m: m.total("llm_requests_total") >= requests_before + n)
    assert after.total("llm_requests_total") == requests_before + n
    got_sentiment = label_counts(after, "sentiment") - label_counts(before, "sentiment")
    got_intent = label_counts(after, "intent") - label_counts(before, "intent")
    assert got_sentiment == want_sentiment
    assert got_intent == want_intent
    # Per format too (the provider label tells them apart; both OpenAI formats are `openai`).
    formats_per_provider = {"openai": 2, "anthropic": 1, "gcp.gemini": 1, "ollama": 1}
    one_round = Counter(sentiment for _, sentiment, _ in ANSWERS)
    for provider, formats in formats_per_provider.items():
        got = label_counts(after, "sentiment", gen_ai_provider_name=provider) - label_counts(
            before, "sentiment", gen_ai_provider_name=provider)
        assert got == Counter({v: n * rounds * formats for v, n in one_round.items()}), provider


def test_a_route_list_replaces_the_global_one_and_caps_values(envoy, replay_dir):
    for i, text in enumerate(["Approve\nbecause", "Reject", "Escalate", "Approve"]):
        (replay_dir / f"routed-{i}.sse").write_bytes(openai_sse(text))
    before = envoy.scrape()
    for i in range(4):
        send(envoy, "/routed/v1/chat/completions", f"routed-{i}.sse")
    after = envoy.wait_for(lambda m: sum(label_counts(m, "verdict").values())
                           >= sum(label_counts(before, "verdict").values()) + 4)
    got = label_counts(after, "verdict") - label_counts(before, "verdict")
    assert got == Counter({"Approve": 2, "Reject": 1, "other": 1}), got
    # The global extractors do not run on that route.
    assert label_counts(after, "sentiment") == label_counts(before, "sentiment")


@pytest.mark.parametrize("bad, reason", [
    ('{"answer_labels": [{"name": "intent", "regex": "intent: \\\\w+"}]}',
     'answer_labels["intent"].regex: needs a capture group'),
    ('{"answer_labels": [{"name": "sentiment", "json_pointer": "label"}]}',
     'answer_labels["sentiment"].json_pointer must be'),
])
def test_envoy_rejects_an_invalid_extractor_with_one_line(artifacts, tmp_path, bad, reason):
    import yaml
    from harness import START_S, Proc, envoy_binary, next_base_id
    from test_config import FILTER_ERROR, bootstrap_with_plugin_config

    mock = Mock(tmp_path)
    doc, _, _ = bootstrap_with_plugin_config(mock.url, bad)
    path = tmp_path / "bootstrap.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    proc = Proc("envoy (bad answer_labels)",
                [envoy_binary(), "-c", path, "--base-id", next_base_id(), "--concurrency", 1, "-l", "info"],
                tmp_path / "envoy.log", cwd=tmp_path)
    try:
        code = proc.popen.wait(timeout=START_S)
        lines = [l for l in proc.log().splitlines() if FILTER_ERROR in l]
        assert code != 0 and lines, proc.tail()
        assert len(lines) == 1 and reason in lines[0], lines
    finally:
        proc.stop()
        mock.stop()
