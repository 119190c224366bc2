#!/usr/bin/env python3
"""Writes the generated refusal-stream sets: every answer text of `texts.py` as a response
stream of several of the 9 wire formats, plus the structured refusal signals of each format.

    python3 bench/refusals/streams/generate.py      # rewrites tuning.jsonl and heldout.jsonl

Each line of `<set>.jsonl` is one response: `format`, `path` (the filter picks the wire format
from it), `content_type`, `language`, `kind` (`full` | `partial` | `near_miss` | `compliant`),
`variant` (`text`, `after_help`, `prompt_continuation`, `prompt_echo`, `one_char_events`,
`signal:<name>`), the expected `source` (`none` or a `refusal_source`) and `refusal_kind`,
and the body (`body` as text, or `body_hex` for binary AWS event streams).

The wire details come from the fixture writer (`tests/fixtures/refusals/generate.py`, each
format modelled on a real recording of the shared corpus); answer texts are cut into events of
1 to 8 characters chosen by a seeded generator (`one_char_events`: one character per event).
`src/core/src/refusal/stream_eval.rs` replays every line through the core stream state machine
and scores it; `tests/integration/test_refusals.py` checks the files are what this writes.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))
import texts  # noqa: E402

spec = importlib.util.spec_from_file_location("fixtures", ROOT / "tests/fixtures/refusals/generate.py")
fx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fx)

FORMATS = [
    "openai-chat", "openai-completions", "openai-responses", "anthropic", "gemini",
    "bedrock", "ollama", "tgi", "vllm",
]
# The fixture folder whose API path a format shares, where the names differ (vLLM serves the
# OpenAI chat path).
FIXTURE_FOLDER = {"bedrock": "bedrock-converse", "vllm": "openai-chat"}
PATHS = {f: fx.PATHS[FIXTURE_FOLDER.get(f, f)] for f in FORMATS}
CONTENT_TYPES = {"bedrock": "application/vnd.amazon.eventstream", "ollama": "application/x-ndjson"}


def completions_text(text: str, finish: str = "stop") -> bytes:
    """gpt-3.5-turbo-instruct shape (openai-completions-sse/aigw-babbage-completion-streaming.sse)."""
    def chunk(t: str, fin=None) -> str:
        return fx.j({"id": "cmpl-CKz4pmtksE5Tg3sqmeOXcZtoQEw7O", "object": "text_completion",
                     "created": 1759117375,
                     "choices": [{"text": t, "index": 0, "logprobs": None, "finish_reason": fin}],
                     "model": "gpt-3.5-turbo-instruct"})
    events = [(None, chunk(p)) for p in fx.pieces(text)]
    events += [(None, chunk("", finish)), (None, "[DONE]")]
    return fx.sse(events)


def vllm_text(text: str) -> bytes:
    """vLLM's OpenAI server (vllm-sse/nearai-vllm-deepseek-v31-stream.sse): `stop_reason` and
    `logprobs` in every choice, role-only first chunk, usage on the last chunk."""
    def chunk(delta: dict, fin=None, usage=None) -> str:
        c = {"id": "chatcmpl-9f3c", "object": "chat.completion.chunk", "created": 1765384744,
             "model": "meta-llama/Llama-3.1-8B-Instruct",
             "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": fin,
                          "stop_reason": None}]}
        if usage is not None:
            c["usage"] = usage
        return fx.j(c)
    events = [(None, chunk({"role": "assistant", "content": ""}))]
    events += [(None, chunk({"content": p})) for p in fx.pieces(text)]
    events += [(None, chunk({}, "stop", {"prompt_tokens": 20, "completion_tokens": 30, "total_tokens": 50})),
               (None, "[DONE]")]
    return fx.sse(events)


TEXT_STREAMS = {
    "openai-chat": lambda t: fx.chat_text(t),
    "openai-completions": completions_text,
    "openai-responses": lambda t: fx.responses_stream("output_text", t, "completed"),
    "anthropic": lambda t: fx.anthropic_stream(t, "end_turn"),
    "gemini": lambda t: fx.gemini_text(t),
    "bedrock": lambda t: fx.converse(t, "end_turn"),
    "ollama": lambda t: fx.ollama_text(t),
    "tgi": lambda t: fx.tgi_text(t),
    "vllm": vllm_text,
}

# Structured signals: (format, variant, source, builder). The text is a refusal or a cut answer.
SIGNALS = [
    ("openai-chat", "delta_refusal", "delta_refusal", lambda: fx.chat_delta_refusal()),
    ("openai-chat", "content_filter", "content_filter", lambda: fx.chat_content_filter()),
    ("openai-completions", "content_filter", "content_filter", lambda: fx.completions_content_filter()),
    ("openai-responses", "refusal_part", "delta_refusal",
     lambda: fx.responses_stream("refusal", "I'm sorry, I can't help with that.", "completed")),
    ("anthropic", "stop_reason_refusal", "stop_reason",
     lambda: fx.anthropic_stream("Here is an overview of the chemistry involved. The first", "refusal")),
    ("gemini", "finish_safety", "safety_block", lambda: fx.gemini_finish_block("SAFETY")),
    ("gemini", "finish_prohibited_content", "safety_block", lambda: fx.gemini_finish_block("PROHIBITED_CONTENT")),
    ("bedrock", "guardrail_intervened", "safety_block",
     lambda: fx.converse("Sorry, the model cannot answer this question.", "guardrail_intervened")),
]

# `echo: true`: the completion repeats the prompt before the answer.
ECHOED_PROMPT = "Q: Please answer the question below.\nA:\n"

EXPECT = {"full": ("phrase", "full"), "partial": ("phrase", "partial"),
          "near_miss": ("none", "none"), "compliant": ("none", "none"),
          "after_help": ("phrase", "full")}


def record(fmt, language, kind, variant, source, refusal_kind, body: bytes) -> dict:
    rec = {"format": fmt, "path": PATHS[fmt], "content_type": CONTENT_TYPES.get(fmt, "text/event-stream"),
           "language": language, "kind": kind, "variant": variant, "source": source,
           "refusal_kind": refusal_kind}
    if fmt == "bedrock":
        rec["body_hex"] = body.hex()
    else:
        rec["body"] = body.decode()
    return rec


def build(name: str, answers: dict, seed: int) -> list[dict]:
    rng = random.Random(seed)

    def random_pieces(text, sizes=None):
        out, i = [], 0
        while i < len(text):
            n = rng.randint(1, 8)
            out.append(text[i:i + n])
            i += n
        return out

    out, slot = [], 0
    for language, kinds in answers.items():
        for kind, items in kinds.items():
            for text in items:
                # Each answer in three formats, rotating, so every format sees every kind.
                for k in range(3):
                    fmt = FORMATS[(slot + k) % len(FORMATS)]
                    fx.pieces = random_pieces
                    source, rk = EXPECT[kind]
                    variant = "after_help" if kind == "after_help" else "text"
                    label = "full" if kind == "after_help" else kind
                    out.append(record(fmt, language, label, variant, source, rk, TEXT_STREAMS[fmt](text)))
                slot += 1
                if language == "en" and kind in ("full", "partial", "near_miss"):
                    # A refusal split into one-character events, in a rotating format.
                    fx.pieces = lambda t, sizes=None: list(t)
                    fmt = FORMATS[slot % len(FORMATS)]
                    source, rk = EXPECT[kind]
                    out.append(record(fmt, language, kind, "one_char_events", source, rk, TEXT_STREAMS[fmt](text)))
                    fx.pieces = random_pieces
                if kind in ("full", "partial") and language in ("en", "es", "de", "zh"):
                    # Legacy completions continue the prompt (the answer starts on a new line
                    # after its last words) or echo it first.
                    source, rk = EXPECT[kind]
                    cont = "?\n\n" + text if slot % 2 else ECHOED_PROMPT + text
                    variant = "prompt_continuation" if slot % 2 else "prompt_echo"
                    out.append(record("openai-completions", language, kind, variant, source, rk,
                                      completions_text(cont)))
    for fmt, variant, source, builder in SIGNALS:
        fx.pieces = random_pieces
        out.append(record(fmt, "en", "full", "signal:" + variant, source, "full", builder()))
    return out


def render() -> dict[str, str]:
    """File name -> content of every set."""
    out = {}
    for name, answers, seed in (("tuning", texts.TUNING, 21), ("heldout", texts.HELDOUT, 2021)):
        lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in build(name, answers, seed)]
        out[f"{name}.jsonl"] = "\n".join(lines) + "\n"
    return out


def main() -> int:
    for file, content in render().items():
        (HERE / file).write_text(content, encoding="utf-8")
        print(f"{file}: {content.count(chr(10))} streams")
    return 0


if __name__ == "__main__":
    sys.exit(main())
