"""Answer-label drift in embedded mode, on short windows: Envoy with the filter (answer_labels
configured) in front of `llmtap mock` replaying classifier answers; `llmtap aggregate --envoy`
scrapes it. The `verdict` label's shares move 70/20/10 → 40/40/20 while the `topic` label of
the same answers stays 50/50: `answer_label:verdict` must drift and `answer_label:topic` must
not, in the same evaluation, on /report and /metrics."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import harness
from test_embedded import WINDOWS, get
from test_answer_labels import textbook_psi

MODEL = "agg-labels"
CONFIG = {"answer_labels": [
    {"name": "verdict", "first_line": True, "case_fold": True},
    {"name": "topic", "regex": r"topic:\s*(\w+)"},
]}
BEFORE = ["positive"] * 7 + ["negative"] * 2 + ["neutral"]
AFTER = ["positive"] * 4 + ["negative"] * 4 + ["neutral"] * 2
TOPICS = ["billing", "support"]
DRIFT_WAIT_S = 120


def answer(verdict: str, topic: str) -> bytes:
    chunks = [{"choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}], "model": MODEL}
              for p in (verdict.capitalize()[:3], verdict.capitalize()[3:] + "\n", f"topic: {topic}")]
    chunks.append({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "model": MODEL,
                   "usage": {"prompt_tokens": 5, "completion_tokens": 4, "total_tokens": 9}})
    return b"".join(f"data: {json.dumps(c)}\n\n".encode() for c in chunks) + b"data: [DONE]\n\n"


class Traffic:
    def __init__(self, envoy: harness.Envoy, pool: ThreadPoolExecutor):
        self.envoy, self.pool = envoy, pool

    def send(self, verdict: str, topic: str) -> None:
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.envoy.port}/v1/chat/completions",
            data=json.dumps({"model": MODEL, "stream": True, "messages": [{"role": "user", "content": "x"}]}).encode(),
            headers={"content-type": "application/json", "x-mock-replay": f"{verdict}-{topic}.sse"},
        )
        with urllib.request.urlopen(req, timeout=harness.WAIT_S) as r:
            r.read()

    def batch(self, verdicts: list[str]) -> None:
        jobs = [(v, TOPICS[i % 2]) for i, v in enumerate(verdicts)]
        list(self.pool.map(lambda j: self.send(*j), jobs))
        time.sleep(0.05)

    def run_until(self, stop: threading.Event, verdicts: list[str], errors: list) -> None:
        try:
            while not stop.is_set():
                self.batch(verdicts)
        except Exception as e:  # reported by the test thread
            errors.append(e)


def label_entry(report: dict, name: str) -> dict | None:
    found = [e for e in report["drift"]
             if e["feature"] == f"answer_label:{name}" and e["gen_ai_request_model"] == MODEL]
    assert len(found) <= 1, found
    return found[0] if found else None


def test_label_drift_is_found_where_injected_only(artifacts, tmp_path):
    replays = tmp_path / "replays"
    replays.mkdir()
    for verdict in set(BEFORE):
        for topic in TOPICS:
            (replays / f"{verdict}-{topic}.sse").write_bytes(answer(verdict, topic))
    config = tmp_path / "config.json"
    config.write_text(json.dumps(CONFIG))
    mock = harness.Mock(tmp_path, replay_dir=replays)
    envoy = harness.Envoy(tmp_path, upstream=mock.url, config=config)
    port = harness.free_port()
    agg = harness.Proc(
        "aggregate-labels",
        [harness.LLMTAP_BIN, "aggregate", "--envoy", f"http://127.0.0.1:{envoy.admin_port}",
         "--state", tmp_path / "state.redb", "--listen", f"127.0.0.1:{port}", "--scrape-interval", "500ms",
         "--step", "1s", "--evaluate-every", "1s", *WINDOWS],
        tmp_path / "aggregate.log",
    )
    stop, errors, seen = threading.Event(), [], []
    try:
        agg.wait_for_log(r"llmtap aggregate listening on 127\.0\.0\.1:\d+")
        with ThreadPoolExecutor(len(BEFORE)) as pool:
            traffic = Traffic(envoy, pool)
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                traffic.batch(BEFORE)
            shift_started = int(time.time()) + 1
            time.sleep(shift_started - time.time())
            shifter = threading.Thread(target=traffic.run_until, args=(stop, AFTER, errors))
            shifter.start()
            try:
                found = None
                deadline = time.monotonic() + DRIFT_WAIT_S
                while time.monotonic() < deadline and found is None:
                    code, text = get(port, "/report")
                    if code == 200:
                        report = json.loads(text)
                        verdict = label_entry(report, "verdict")
                        seen.append(f"{report['windows']['current']} {verdict and verdict['verdict']}")
                        if (verdict and verdict["verdict"] == "drift"
                                and report["windows"]["current"]["start"] >= shift_started):
                            found = report
                            _, metrics = get(port, "/metrics")
                    time.sleep(0.5)
            finally:
                stop.set()
                shifter.join(timeout=2 * harness.WAIT_S)
    finally:
        stop.set()
        agg.stop()
        envoy.stop()
        mock.stop()
    assert not errors, errors
    assert found is not None, f"no answer_label:verdict drift within {DRIFT_WAIT_S}s: {seen[-20:]}"
    verdict, topic = label_entry(found, "verdict"), label_entry(found, "topic")
    assert topic is not None and topic["verdict"] == "no_drift", topic
    assert verdict["bins"]["labels"] == ["negative", "neutral", "positive"], verdict["bins"]
    # The current window holds only shifted traffic: its shares are the injected ones (up to a
    # batch cut by the window's edges).
    cur = verdict["bins"]["current"]
    assert all(abs(c / sum(cur) - want) < 0.05 for c, want in zip(cur, [0.4, 0.2, 0.4])), cur
    ref = verdict["bins"]["reference"]
    assert abs(verdict["statistics"]["psi"] - textbook_psi(ref, cur)) < 1e-9
    assert ('llmtap_drift_verdict{feature="answer_label:verdict",verdict="drift",'
            f'gen_ai_request_model="{MODEL}",destination_service=""}} 1') in metrics
