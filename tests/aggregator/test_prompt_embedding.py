"""Prompt-embedding drift (issue #18) through the real CLI and the real model: the offline
`llmtap drift --once --reference-samples/--current-samples` verdict, and the same prompts
POSTed to `llmtap aggregate`, exported on its /metrics, kept by a real Prometheus (the
aggregator's /metrics snapshots backfilled with promtool) and read back with
`llmtap drift --once --prometheus`: the same verdict and centroid distance."""

from __future__ import annotations

import csv
import json
import os
import time
import urllib.request
from pathlib import Path

import pytest

import harness
import prometheus_backfill

HOUR = 3600
DAY = 24 * HOUR
REPO = Path(__file__).resolve().parents[2]
MODEL_DIR = Path(os.environ.get("LLMTAP_EMBEDDING_MODEL") or REPO / "build/models/all-MiniLM-L6-v2")
TOKEN = "test-token-18"
FAMILIES = (
    "llmtap_prompt_embedding_count",
    "llmtap_prompt_embedding_positive_sum",
    "llmtap_prompt_embedding_negative_sum",
    "llmtap_prompt_embedding_sum_squares",
    "llmtap_prompt_embedding_norm_squares_sum",
)


@pytest.fixture(scope="module")
def cli() -> None:
    if not Path(harness.LLMTAP_BIN).exists():
        pytest.fail(f"{harness.LLMTAP_BIN} missing: `make cli`", pytrace=False)


@pytest.fixture(scope="module")
def model() -> Path:
    if not (MODEL_DIR / "model.safetensors").exists():
        pytest.fail(f"no embedding model at {MODEL_DIR}: `make embedding-model`", pytrace=False)
    return MODEL_DIR


def xstest() -> list[str]:
    corpus = Path(os.environ.get("LLMTAP_CORPUS") or REPO.parent / "shared/corpus")
    with open(corpus / "refusals/labelled/xstest_v2_completions_gpt4.csv", newline="") as f:
        return [row["prompt"] for row in csv.DictReader(f)]


def coding() -> list[str]:
    lines = (REPO / "tests/fixtures/prompts/coding.jsonl").read_text().splitlines()
    return [json.loads(line)["prompt"] for line in lines if line.strip()]


def ndjson(prompts: list[str]) -> str:
    return "".join(json.dumps({"prompt": p, "gen_ai_request_model": "m"}) + "\n" for p in prompts)


def post(url: str, body: str, token: str | None = TOKEN) -> tuple[int, str]:
    req = urllib.request.Request(url, data=body.encode(), method="POST")
    req.add_header("content-type", "application/x-ndjson")
    if token:
        req.add_header("authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def metrics(base: str) -> str:
    with urllib.request.urlopen(f"{base}/metrics", timeout=10) as r:
        return r.read().decode()


def wait_embedded(base: str, n: int) -> str:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        text = metrics(base)
        if f"llmtap_prompt_samples_embedded_total {n}\n" in text:
            return text
        time.sleep(0.5)
    raise AssertionError(f"not {n} prompts embedded in time:\n" + text[:2000])


def embedding_samples(text: str) -> dict[str, float]:
    """series (name{labels}) → value of the embedding families of an exposition."""
    out = {}
    for line in text.splitlines():
        if line.startswith(FAMILIES):
            series, value = line.rsplit(" ", 1)
            out[series] = float(value)
    return out


def start_aggregator(tmp_path: Path, model: Path) -> tuple[harness.Proc, str]:
    """`llmtap aggregate` in scale mode (its own Prometheus is not needed to accept samples) with
    the embedding model and the test token; returns it and its base URL once it listens."""
    port = harness.free_port()
    agg = harness.Proc(
        "aggregate-embed",
        [harness.LLMTAP_BIN, "aggregate", "--prometheus", "http://127.0.0.1:1", "--listen", f"127.0.0.1:{port}",
         "--embedding-model", model, "--prompt-samples-token", TOKEN, "--evaluate-every", "1h"],
        tmp_path / "aggregate.log",
    )
    agg.wait_for_log(r"llmtap aggregate listening on", timeout=120)
    return agg, f"http://127.0.0.1:{port}"


def drift_once(*args) -> tuple[int, dict]:
    r = harness.run_cmd([harness.LLMTAP_BIN, "drift", "--once", "--json", *args], timeout=600)
    assert r.stdout, r.stderr
    return r.returncode, json.loads(r.stdout)


def test_the_prometheus_path_gives_the_offline_verdict(cli, model, tmp_path):
    reference, current = xstest()[:150], coding()
    (tmp_path / "ref.jsonl").write_text(ndjson(reference))
    (tmp_path / "cur.jsonl").write_text(ndjson(current))
    rc, offline = drift_once("--embedding-model", model, "--reference-samples", tmp_path / "ref.jsonl",
                             "--current-samples", tmp_path / "cur.jsonl", "--fail-on-alarm")
    [local] = offline["embedding_drift"]
    assert local["verdict"] == "drift", local
    assert rc == 3
    assert local["statistics"]["reference_samples"] == 150 and local["statistics"]["current_samples"] == 80

    agg, base = start_aggregator(tmp_path, model)
    try:
        url = f"{base}/v1/prompt-samples"
        assert post(url, ndjson(reference[:2]), token=None)[0] == 401
        assert post(url, '{"prompt": 1}\n')[0] == 400
        for i in range(0, len(reference), 50):
            assert post(url, ndjson(reference[i:i + 50])) == (202, '{"accepted":%d}\n' % len(reference[i:i + 50]))
        first = embedding_samples(wait_embedded(base, len(reference)))
        assert post(url, ndjson(current))[0] == 202
        second = embedding_samples(wait_embedded(base, len(reference) + len(current)))
    finally:
        agg.stop()
    assert first["llmtap_prompt_embedding_count{gen_ai_request_model=\"m\"}"] == 150
    assert len(second) == 2 + 3 * 384

    # Prometheus keeps the exported counters: zero before, the first snapshot during the
    # reference window, the second during the current one (hourly samples).
    at = (int(time.time()) // HOUR) * HOUR - 2 * HOUR
    start = at - 8 * DAY - 2 * HOUR
    rows = []
    for series in sorted(second):
        for t in range(start, at + 1, HOUR):
            v = 0.0 if t < at - 5 * DAY else first[series] if t < at - 12 * HOUR else second[series]
            rows.append(f"{series} {v!r} {t}")
    text = "".join(f"# TYPE {f} unknown\n" + "".join(r + "\n" for r in rows if r.startswith(f + "{"))
                   for f in FAMILIES) + "# EOF\n"
    prom_url, prom = prometheus_backfill.start(tmp_path, text)
    try:
        _, scaled = drift_once("--prometheus", prom_url, "--at", str(at))
    finally:
        prom.stop()
    [remote] = scaled["embedding_drift"]
    assert remote["verdict"] == local["verdict"]
    a, b = remote["statistics"], local["statistics"]
    assert abs(a["cosine_distance"] - b["cosine_distance"]) < 1e-6, (a, b)
    # increase() extrapolates a window's sums by one common factor (at most one sample interval).
    assert 150 <= a["reference_samples"] <= 150 * 1.05
    assert 80 <= a["current_samples"] <= 80 * 1.05
