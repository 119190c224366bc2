"""Token-counting speed inside Envoy's own V8: the filter's real path, measured as CPU.

    .venv/bin/python bench/tokenizer/envoy_speed.py [--model gpt-4o|gpt-4] [--text mixed|one-letter]
                                                    [--reps 3] [--streams 20]
    (after `make wasm-tokenizer cli`)

Envoy 1.40 (`--concurrency 1`) runs `build/llmtap-tokenizer.wasm` in front of `llmtap mock`,
which replays a generated OpenAI chat stream without usage (so every stream is counted) whose
text is the mixed text of `src/core/examples/tokenizer_speed.rs` (English prose, Rust code,
CJK), 128 KB per stream in events of about 1 KB; or, with `--text one-letter`, the worst case:
50 KB of `a` (one pre-token), with `max_text_bytes` raised to 64 KiB in both variants so the
piece is counted whole rather than cut. Two configurations of the same module alternate:

- `exact`: `{"tokenizer": {"preload": true}}` — a `gpt-4o` stream is counted with o200k_base
  (`gpt-4`: cl100k_base) as the filter does it (text kept, settled pre-tokens counted every `max_text_bytes`, the rest
  at the end);
- `estimate`: `{"tokenizer": {"enabled": false}}` — the same streams, estimated.

The worker thread's CPU (`/proc/PID/task/*/schedstat`, `wrk:*`) over the streams is
compared: the difference divided by the text bytes is the counting speed inside Envoy,
everything else (proxying, framing, decoding, the estimate) cancelling out. The output token
count the filter reports is checked against `tiktoken` (offline vocabularies, as the tests
use). Prints a Markdown table."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "integration"))

sys.path.insert(0, str(ROOT / "bench"))

import harness  # noqa: E402
import tiktoken_offline  # noqa: E402
from run import worker_cpu_ns  # noqa: E402  (bench/run.py)

STREAM_TEXT_BYTES = 128 * 1024
EVENT_TEXT_BYTES = 1024
REPLAY_NAME = "mixed-128k.sse"
ENCODING_OF = {"gpt-4o": "o200k_base", "gpt-4": "cl100k_base"}


def mixed_text() -> str:
    """The mixed text of `tokenizer_speed.rs`, to about `STREAM_TEXT_BYTES`."""
    english = ("The quick brown fox jumps over the lazy dog. They're sure it'll work, "
               "don't you think? ")
    code = ('fn main() { let x: Vec<u32> = (0..10).map(|i| i * 2).collect(); '
            'println!("{x:?}"); }\n')
    cjk = "日本語のテキストと한국어 문장, 中文句子。"
    out = ""
    while len(out.encode()) < STREAM_TEXT_BYTES:
        out += english + english + code + cjk + "\n"
    return out


def one_letter_text() -> str:
    return "a" * 51_200


def write_replay(directory: Path, text: str, model: str) -> None:
    """An OpenAI chat stream carrying `text` in ~1 KB content events, no usage."""
    events = []
    chunk = {"id": "chatcmpl-speed", "object": "chat.completion.chunk", "created": 1763900000,
             "model": model}
    piece = ""
    for ch in text:
        piece += ch
        if len(piece.encode()) >= EVENT_TEXT_BYTES:
            events.append({**chunk, "choices": [{"index": 0, "delta": {"content": piece},
                                                 "finish_reason": None}]})
            piece = ""
    if piece:
        events.append({**chunk, "choices": [{"index": 0, "delta": {"content": piece},
                                             "finish_reason": None}]})
    events.append({**chunk, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    body = "".join(f"data: {json.dumps(e, ensure_ascii=False)}\n\n" for e in events)
    (directory / REPLAY_NAME).write_text(body + "data: [DONE]\n\n")


def run_variant(mock: harness.Mock, config: dict, streams: int,
                model: str) -> tuple[float, int, float]:
    """Worker CPU seconds and text bytes over `streams` streams (after one warm-up stream),
    and the output tokens the filter reported for them."""
    tmp = Path(tempfile.mkdtemp(prefix="llmtap-tokspeed-"))
    cfg = tmp / "config.json"
    cfg.write_text(json.dumps(config))
    port, admin = harness.free_port(), harness.free_port()
    boot = tmp / "bootstrap.yaml"
    boot.write_text(harness.render_bootstrap(mock.url, port, admin, cfg,
                                             wasm=harness.WASM_TOKENIZER))
    envoy = harness.Envoy(tmp, bootstrap=boot, listen_port=port, admin_port=admin,
                          concurrency=1)
    headers = {"x-mock-replay": REPLAY_NAME}
    try:
        harness.http_request(port, "POST", "/v1/chat/completions",
                             body=harness.chat_body(model, "warm up"), headers=headers)
        before_warm = envoy.settle(lambda m: m.total("llm_tokens_total",
                                                     gen_ai_token_type="output") > 0)
        warm_tokens = before_warm.total("llm_tokens_total", gen_ai_token_type="output")
        text_bytes = 0
        before = worker_cpu_ns(envoy.proc.pid)
        for _ in range(streams):
            resp = harness.http_request(port, "POST", "/v1/chat/completions",
                                        body=harness.chat_body(model, "Tell me a story."),
                                        headers=headers)
            if resp.status != 200:
                sys.exit(f"envoy_speed: status {resp.status}")
            text_bytes += sum(len(harness.content_of(c).encode())
                              for c in harness.chat_chunks(resp.body))
        cpu_s = (worker_cpu_ns(envoy.proc.pid) - before) / 1e9
        metrics = envoy.settle(lambda m: m.total("llm_tokens_total",
                                                 gen_ai_token_type="output") > 0)
        tokens = metrics.total("llm_tokens_total", gen_ai_token_type="output") - warm_tokens
        return cpu_s, text_bytes, tokens
    finally:
        envoy.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=sorted(ENCODING_OF), default="gpt-4o")
    parser.add_argument("--text", choices=["mixed", "one-letter"], default="mixed")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--streams", type=int, default=20)
    args = parser.parse_args()
    cap = {"max_text_bytes": 65_536} if args.text == "one-letter" else {}
    variants = {"exact": {"tokenizer": {"preload": True, **cap}},
                "estimate": {"tokenizer": {"enabled": False, **cap}}}
    tmp = Path(tempfile.mkdtemp(prefix="llmtap-tokspeed-mock-"))
    text = mixed_text() if args.text == "mixed" else one_letter_text()
    write_replay(tmp, text, args.model)
    encoding = ENCODING_OF[args.model]
    exact_tokens = len(tiktoken_offline.install().get_encoding(encoding).encode_ordinary(text))
    mock = harness.Mock(tmp, replay_dir=tmp)
    runs: dict[str, list[tuple[float, int, float]]] = {v: [] for v in variants}
    try:
        for rep in range(args.reps):
            order = list(variants) if rep % 2 == 0 else list(reversed(variants))
            for name in order:
                runs[name].append(run_variant(mock, variants[name], args.streams, args.model))
    finally:
        mock.stop()
    if runs["exact"][-1][2] != exact_tokens * args.streams:
        print(f"WARNING: the filter reported {runs['exact'][-1][2]:,.0f} output tokens, "
              f"tiktoken counts {exact_tokens * args.streams:,}")
    speeds = []
    for (cpu_exact, text, _), (cpu_est, _, _) in zip(runs["exact"], runs["estimate"]):
        added = cpu_exact - cpu_est
        speeds.append(text / added / 1e6 if added > 0 else float("inf"))
    text_bytes = runs["exact"][0][1]
    print(f"{args.streams} `{args.model}` streams of {args.text} text ({text_bytes / args.streams / 1e3:.0f} KB "
          f"each), {args.reps} alternating repetitions, Envoy `--concurrency 1`, worker CPU. "
          f"`tiktoken` {encoding}: {exact_tokens:,} tokens per stream, "
          f"{exact_tokens * args.streams:,} in all.")
    print()
    print("| variant | worker CPU s per repetition | output tokens reported (last repetition) |")
    print("|---|---|---|")
    for name in variants:
        print(f"| {name} | {', '.join(f'{r[0]:.3f}' for r in runs[name])} | "
              f"{runs[name][-1][2]:,.0f} |")
    print()
    # bytes ÷ (MB/s) = µs
    ms_per_stream = text_bytes / args.streams / statistics.median(speeds) / 1e3
    print(f"Counting speed inside Envoy's V8 (text bytes ÷ added worker CPU): "
          f"{', '.join(f'{s:.1f}' for s in speeds)} MB/s per repetition, median "
          f"**{statistics.median(speeds):.1f} MB/s**; added CPU per stream "
          f"({text_bytes / args.streams / 1e3:.0f} KB of text): {ms_per_stream:.2f} ms.")


if __name__ == "__main__":
    main()
