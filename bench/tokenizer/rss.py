"""Envoy RSS at --concurrency 2 for each tokenizer mode, and the estimate's error on the corpus.

    .venv/bin/python bench/tokenizer/rss.py        (after `make wasm wasm-tokenizer cli`)

Modes: the default module (no vocabulary linked); llmtap-tokenizer.wasm with every stream
reporting usage (vocabularies linked, never built); the same after streams without usage for
an o200k model and a cl100k model (built lazily, in the workers that needed them); and
`tokenizer.preload` (built in on_configure in every VM). Prints a Markdown table."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "integration"))

import harness  # noqa: E402
import tiktoken_offline  # noqa: E402


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


def measure(mock, wasm, config, usage: bool, models=("gpt-4o", "gpt-4")) -> tuple[float, float]:
    tmp = Path(tempfile.mkdtemp(prefix="llmtap-rss-"))
    cfg = tmp / "config.json"
    cfg.write_text(json.dumps(config))
    port, admin = harness.free_port(), harness.free_port()
    boot = tmp / "bootstrap.yaml"
    boot.write_text(harness.render_bootstrap(mock.url, port, admin, cfg, wasm=wasm))
    envoy = harness.Envoy(tmp, bootstrap=boot, listen_port=port, admin_port=admin, concurrency=2)
    try:
        time.sleep(1.0)
        idle = rss_mib(envoy.proc.pid)
        for i in range(40):
            body = harness.chat_body(models[i % len(models)], "Tell me a story " * 20)
            if usage:
                body["stream_options"] = {"include_usage": True}
            resp = harness.http_request(port, "POST", "/v1/chat/completions", body=body,
                                        headers={"x-mock-tokens": "200", "x-mock-token-delay-ms": "0"})
            assert resp.status == 200
        time.sleep(1.0)
        return idle, rss_mib(envoy.proc.pid)
    finally:
        envoy.stop()


def estimate_error() -> str:
    tk = tiktoken_offline.install()
    enc = tk.get_encoding("o200k_base")
    errors = []
    for e in harness.load_manifest_entries():
        text = e.get("expected_text") or ""
        if len(text) < 20:
            continue
        res = subprocess.run([str(harness.LLMTAP_BIN), "tokens"], input=text.encode(), capture_output=True)
        est = json.loads(res.stdout)["estimate"]
        exact = len(enc.encode_ordinary(text))
        errors.append((est - exact) / exact)
    errors.sort()
    mean_abs = sum(abs(x) for x in errors) / len(errors)
    return (f"estimate vs o200k on {len(errors)} corpus texts (>= 20 chars): mean |error| "
            f"{mean_abs:.1%}, median {errors[len(errors)//2]:+.1%}, min {errors[0]:+.1%}, max {errors[-1]:+.1%}")


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="llmtap-rss-mock-"))
    mock = harness.Mock(tmp, extra=["--usage", "false"])
    try:
        rows = [
            ("default module (no vocabulary)", harness.WASM, {}, False),
            ("tokenizer module, every stream reports usage (never built)", harness.WASM_TOKENIZER, {}, True),
            ("tokenizer module, streams without usage (built lazily)", harness.WASM_TOKENIZER, {}, False),
            ("tokenizer module, preload", harness.WASM_TOKENIZER, {"tokenizer": {"preload": True}}, True),
        ]
        print("| mode | module bytes | RSS idle (MiB) | RSS after 40 streams (MiB) |")
        print("|---|---|---|---|")
        for name, wasm, config, usage in rows:
            idle, after = measure(mock, wasm, config, usage)
            print(f"| {name} | {wasm.stat().st_size:,} | {idle:.0f} | {after:.0f} |", flush=True)
    finally:
        mock.stop()
    print()
    print(estimate_error())


if __name__ == "__main__":
    main()
