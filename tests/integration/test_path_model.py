"""Issue 15 through the real Envoy: (1) Gemini/Vertex and Bedrock requests name their model
only in the URL path; it labels them (`gen_ai_request_model`, percent-decoded, sanitised), and
the request body's `model` wins when present. (2) A stream cut off before its final usage
reports output tokens counted from the text seen (`token_source="estimate"` in the default
module), never the `message_start` placeholder."""

from __future__ import annotations

import math

import pytest

from harness import CORPUS, http_request

GEMINI = "gemini-sse/pai-gemini-2.0-flash-exp-stream.sse"
CONVERSE = "bedrock-eventstream/apisix-bedrock-converse-stream.bin"
INVOKE = "bedrock-eventstream/agentgateway-bedrock-invoke-stream.bin"
ANTHROPIC = "anthropic-messages-sse/agentgateway-anthropic-stream-basic.sse"

# Body of a Gemini or Bedrock request: no `model`.
NO_MODEL = {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]}


def replay(envoy, path: str, file: str, body: dict, **headers) -> None:
    resp = http_request(
        envoy.port,
        "POST",
        path,
        headers={"x-mock-replay": file, "x-mock-split-bytes": 7, **headers},
        body=body,
    )
    assert resp.status == 200, resp.body[:300]


@pytest.mark.parametrize(
    "path,file,provider,want",
    [
        (
            "/v1beta/models/it-path-gemini-2.0-flash:streamGenerateContent?alt=sse",
            GEMINI,
            "gcp.gemini",
            "it-path-gemini-2.0-flash",
        ),
        (
            "/v1/projects/p/locations/us-central1/publishers/google/models/it-path-gemini-1.5-pro:streamGenerateContent",
            GEMINI,
            "gcp.vertex_ai",
            "it-path-gemini-1.5-pro",
        ),
        (
            "/model/it-path.anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream",
            CONVERSE,
            "aws.bedrock",
            "it-path.anthropic.claude-3-5-sonnet-20240620-v1:0",
        ),
        (
            "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A1%3Ainference-profile%2Fit-path.claude/invoke-with-response-stream",
            INVOKE,
            "aws.bedrock",
            "arn:aws:bedrock:us-east-1:1:inference-profile/it-path.claude",
        ),
    ],
    ids=["gemini", "vertex", "bedrock-converse", "bedrock-invoke-arn"],
)
def test_the_model_in_the_path_labels_the_request(envoy, corpus, path, file, provider, want):
    entry = corpus.entry(file)
    labels = {"gen_ai_request_model": want, "gen_ai_provider_name": provider}
    before = envoy.scrape()
    replay(envoy, path, file, NO_MODEL)
    m = envoy.settle(
        lambda m: m.total("llm_requests_total", **labels) >= before.total("llm_requests_total", **labels) + 1
    )
    assert m.total("llm_requests_total", **labels) == before.total("llm_requests_total", **labels) + 1, m.llm_lines()
    output = {"gen_ai_token_type": "output", "token_source": "usage", **labels}
    assert m.total("llm_tokens_total", **output) - before.total("llm_tokens_total", **output) == entry["completion_tokens"]
    # Nothing of this request fell into the `unknown` model series.
    unknown = {"gen_ai_request_model": "unknown", "gen_ai_provider_name": provider}
    assert m.total("llm_requests_total", **unknown) == before.total("llm_requests_total", **unknown)


def test_the_body_model_wins_over_the_path(envoy):
    labels = {"gen_ai_request_model": "it-path-from-body", "gen_ai_provider_name": "gcp.gemini"}
    path_labels = {"gen_ai_request_model": "it-path-not-this", "gen_ai_provider_name": "gcp.gemini"}
    before = envoy.scrape()
    replay(
        envoy,
        "/v1beta/models/it-path-not-this:streamGenerateContent?alt=sse",
        GEMINI,
        {"model": "it-path-from-body", **NO_MODEL},
    )
    m = envoy.settle(
        lambda m: m.total("llm_requests_total", **labels) >= before.total("llm_requests_total", **labels) + 1
    )
    assert m.total("llm_requests_total", **labels) == before.total("llm_requests_total", **labels) + 1
    assert m.total("llm_requests_total", **path_labels) == 0


def test_a_stream_cut_before_its_final_usage_counts_the_text_seen(envoy):
    data = (CORPUS / ANTHROPIC).read_bytes()
    cut = data.index(b"event: message_delta")
    # The text of the content_block_delta events before the cut.
    text = "Hi there! How are you doing today? Is there anything I can help you with?"
    assert data[:cut].count(b"text_delta") == 5
    model = "it-path-cut-anthropic"
    labels = {"gen_ai_request_model": model}
    resp = http_request(
        envoy.port,
        "POST",
        "/v1/messages",
        headers={"x-mock-replay": ANTHROPIC, "x-mock-split-bytes": 7, "x-mock-abort-after-bytes": cut},
        body={"model": model, "stream": True, "messages": [{"role": "user", "content": "hi"}]},
    )
    assert resp.status == 200
    assert not resp.complete
    m = envoy.settle(lambda m: m.total("llm_requests_total", **labels) >= 1)
    assert m.total("llm_requests_total", outcome="upstream_reset", **labels) == 1, m.llm_lines()
    tokens = {
        (s.labels["gen_ai_token_type"], s.labels["token_source"]): s.value
        for s in m.select("llm_tokens_total", **labels)
        if s.value
    }
    # Input tokens from message_start are final; the output is the text seen, estimated
    # (ASCII: 1 token per 4 characters), not message_start's placeholder `output_tokens: 5`.
    assert tokens == {("input", "usage"): 15, ("output", "estimate"): math.ceil(len(text) / 4)}, tokens
