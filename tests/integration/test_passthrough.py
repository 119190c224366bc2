"""Acceptance 1: the filter passes every recorded stream through byte for byte.

Every corpus file (all 9 wire formats) is replayed by `llmtap mock` through Envoy + llmtap,
with the upstream writing it in pieces of 1, 7 and 113 bytes (so events, lines, CRLF pairs,
UTF-8 sequences and Bedrock frames are cut at awkward places), on the API path of its format
so the filter parses it as that format. The bytes the client receives must hash to the file,
and the filter must have counted the stream (under the provider of that API).
"""

from __future__ import annotations

from collections import Counter

import pytest

from harness import CORPUS, http_request, load_manifest_entries, sha256

# The API path each format is served on (the filter detects the format from the path).
FORMAT_PATHS = {
    "openai-chat-sse": "/v1/chat/completions",
    "openai-completions-sse": "/v1/completions",
    "openai-responses-sse": "/v1/responses",
    "anthropic-messages-sse": "/v1/messages",
    "gemini-sse": "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse",
    "ollama-ndjson": "/api/generate",
    "tgi-sse": "/generate_stream",
    "vllm-sse": "/v1/chat/completions",
    "bedrock-eventstream": "/model/anthropic.claude-3-haiku/converse-stream",
}
EXPECTED_FORMATS = set(FORMAT_PATHS)
# gen_ai_provider_name the filter derives from each path (docs/metrics.md).
FORMAT_PROVIDERS = {
    "openai-chat-sse": "openai",
    "openai-completions-sse": "openai",
    "openai-responses-sse": "openai",
    "anthropic-messages-sse": "anthropic",
    "gemini-sse": "gcp.gemini",
    "ollama-ndjson": "ollama",
    "tgi-sse": "huggingface",
    "vllm-sse": "openai",
    "bedrock-eventstream": "aws.bedrock",
}
SPLITS = [1, 7, 113]
MODEL = "it-passthrough"

ENTRIES = load_manifest_entries()


def path_for(entry: dict) -> str:
    if "invoke" in entry["file"]:
        return "/model/anthropic.claude-3-haiku/invoke-with-response-stream"
    return FORMAT_PATHS[entry["format"]]


def test_corpus_covers_every_format(corpus):
    """Guards the parametrised test below against a corpus that silently shrank."""
    formats = Counter(e["format"] for e in corpus.entries)
    assert set(formats) == EXPECTED_FORMATS, formats
    assert sum(formats.values()) == len(ENTRIES) >= 60
    files_on_disk = {
        str(p.relative_to(CORPUS))
        for fmt in EXPECTED_FORMATS
        for p in (CORPUS / fmt).iterdir()
        if p.is_file()
    }
    assert files_on_disk == {e["file"] for e in corpus.entries}, "manifest and corpus folders differ"


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("entry", ENTRIES, ids=[e["file"] for e in ENTRIES])
def test_stream_passes_through_unchanged(envoy, corpus, entry, split):
    provider = FORMAT_PROVIDERS[entry["format"]]
    counted_before = envoy.scrape().total(
        "llm_requests_total", gen_ai_request_model=MODEL, gen_ai_provider_name=provider
    )
    expected = (CORPUS / entry["file"]).read_bytes()
    assert sha256(expected) == entry["sha256"], "corpus file differs from its manifest entry"
    resp = http_request(
        envoy.port,
        "POST",
        path_for(entry),
        headers={
            "x-mock-replay": entry["file"],
            "x-mock-split-bytes": split,
            "x-mock-replay-delay-ms": 0,
        },
        body={"model": MODEL, "stream": True, "messages": [{"role": "user", "content": "hi"}]},
    )
    assert resp.status == 200, resp.body[:500]
    assert resp.complete, "response body framing did not finish"
    if sha256(resp.body) != entry["sha256"]:
        # Say where the bytes first differ.
        first = next(
            (i for i, (a, b) in enumerate(zip(resp.body, expected)) if a != b),
            min(len(resp.body), len(expected)),
        )
        pytest.fail(
            f"{entry['file']} split {split}: got {len(resp.body)} bytes, want {len(expected)}; "
            f"first difference at byte {first}: got {resp.body[first:first + 40]!r}, "
            f"want {expected[first:first + 40]!r}"
        )
    # The filter measured the stream (it did not just stay out of the way): counted once,
    # under the provider of the detected API.
    m = envoy.wait_for(
        lambda m: m.total(
            "llm_requests_total", gen_ai_request_model=MODEL, gen_ai_provider_name=provider
        )
        > counted_before
    )
    assert (
        m.total("llm_requests_total", gen_ai_request_model=MODEL, gen_ai_provider_name=provider)
        == counted_before + 1
    ), m.llm_lines(gen_ai_request_model=MODEL)
