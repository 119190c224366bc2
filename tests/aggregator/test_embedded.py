"""Embedded mode against the real Envoy with the filter and `llmtap mock`, on short windows:
the aggregator scrapes Envoy's /stats/prometheus into its redb state, is `kill -9`ed and
restarted in the middle, and must still (a) find the drift of the prompt lengths we shift and
not of the output lengths we keep stationary, (b) count every request exactly once.

Timing: the current window (10 s) slides with the clock, so the shifted traffic keeps flowing
while /report is polled: the drift is looked for while it is happening, however slow the
machine. The reference (300 s) is longer than the whole test, so the store keeps every step
(it keeps current + reference + one spike window) and the final count can cover them all."""

from __future__ import annotations

import itertools
import json
import signal
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

import harness

MODEL = "agg-embedded"
REFERENCE_S = 300
WINDOWS = ["--current", "10s", "--reference", f"{REFERENCE_S}s", "--spike-window", "2s",
           "--trailing", "10s", "--min-samples", "50", "--min-requests", "5"]
# Output lengths cycle through these for every phase: the output_tokens distribution is the
# same in every window (a stationary feature with several bins).
OUTPUT_TOKENS = [1, 3, 6, 12, 18, 30]
# Upper bound for the drift to show while the shifted traffic flows.
DRIFT_WAIT_S = 120


class Traffic:
    """Requests through Envoy, counted only once the response was read in full."""

    def __init__(self, envoy: harness.Envoy, pool: ThreadPoolExecutor):
        self.envoy = envoy
        self.pool = pool
        self.sent = 0
        self._lock = threading.Lock()
        self._output = itertools.cycle(OUTPUT_TOKENS)

    def send(self, prompt_chars: int) -> None:
        with self._lock:
            tokens = next(self._output)
        body = json.dumps({
            "model": MODEL, "stream": True, "stream_options": {"include_usage": True},
            "messages": [{"role": "user", "content": "x" * prompt_chars}],
        }).encode()
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.envoy.port}/v1/chat/completions", data=body,
            headers={"content-type": "application/json", "x-mock-ttft-ms": "0",
                     "x-mock-token-delay-ms": "0", "x-mock-tokens": str(tokens)},
        )
        with urllib.request.urlopen(req, timeout=harness.WAIT_S) as r:
            r.read()
        with self._lock:
            self.sent += 1

    def batch(self, prompt_chars: int) -> None:
        list(self.pool.map(lambda _: self.send(prompt_chars), range(len(OUTPUT_TOKENS))))
        time.sleep(0.05)

    def run_for(self, seconds: float, prompt_chars: int) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.batch(prompt_chars)

    def run_until(self, stop: threading.Event, prompt_chars: int, errors: list) -> None:
        try:
            while not stop.is_set():
                self.batch(prompt_chars)
        except Exception as e:  # reported by the test thread
            errors.append(e)


def start_aggregator(tmp, envoy, state, port, name):
    proc = harness.Proc(
        name,
        [harness.LLMTAP_BIN, "aggregate", "--envoy", f"http://127.0.0.1:{envoy.admin_port}",
         "--state", state, "--listen", f"127.0.0.1:{port}", "--scrape-interval", "500ms",
         "--step", "1s", "--evaluate-every", "1s", *WINDOWS],
        tmp / f"{name}.log",
    )
    proc.wait_for_log(r"llmtap aggregate listening on 127\.0\.0\.1:\d+")
    return proc


def get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def entry(report: dict, feature: str) -> dict | None:
    found = [e for e in report["drift"]
             if e["feature"] == feature and e["gen_ai_request_model"] == MODEL]
    assert len(found) <= 1, found
    return found[0] if found else None


def wait_for_drift(port: int, shift_started: float) -> tuple[dict, list[str]]:
    """Polls /report until prompt_tokens is `drift` in an evaluation whose current window
    began after the shift; returns that report and what was seen before it."""
    seen = []
    deadline = time.monotonic() + DRIFT_WAIT_S
    while time.monotonic() < deadline:
        code, text = get(port, "/report")
        if code == 200:
            report = json.loads(text)
            prompt = entry(report, "prompt_tokens")
            current = report["windows"]["current"]
            verdict = prompt["verdict"] if prompt else None
            seen.append(f"current={current} prompt_tokens={verdict}")
            if verdict == "drift" and current["start"] >= shift_started:
                return report, seen
        time.sleep(0.5)
    raise AssertionError(f"no drift within {DRIFT_WAIT_S}s of shifted traffic; reports: {seen[-20:]}")


def test_drift_and_exact_counts_across_a_kill_9(artifacts, tmp_path):
    mock = harness.Mock(tmp_path)
    envoy = harness.Envoy(tmp_path, upstream=mock.url)
    state = tmp_path / "state.redb"
    port = harness.free_port()
    agg = None
    first_request = time.time()
    stop_shift, shift_errors = threading.Event(), []
    try:
        agg = start_aggregator(tmp_path, envoy, state, port, "aggregate-1")
        with ThreadPoolExecutor(len(OUTPUT_TOKENS) + 1) as pool:
            traffic = Traffic(envoy, pool)
            traffic.run_for(10, 40)
            # kill -9 in the middle of the reference period, while it scrapes and writes.
            agg.popen.send_signal(signal.SIGKILL)
            agg.popen.wait(timeout=5)
            agg.stop()
            traffic.run_for(3, 40)  # nobody scrapes: Envoy's counters hold it
            agg = start_aggregator(tmp_path, envoy, state, port, "aggregate-2")
            traffic.run_for(10, 40)
            # Prompts ×50 longer (10 → 500 tokens), from the next whole second on, and for as
            # long as it takes the sliding current window to be full of them.
            shift_started = int(time.time()) + 1
            time.sleep(shift_started - time.time())
            shifter = threading.Thread(target=traffic.run_until, args=(stop_shift, 2000, shift_errors))
            shifter.start()
            try:
                report, seen = wait_for_drift(port, shift_started)
                code, metrics = get(port, "/metrics")
            finally:
                stop_shift.set()
                shifter.join(timeout=2 * harness.WAIT_S)
        assert not shift_errors, shift_errors
        prompt, output = entry(report, "prompt_tokens"), entry(report, "output_tokens")
        assert prompt["statistics"]["psi"] > prompt["statistics"]["critical_psi"], prompt
        # The stationary feature, in the same evaluation: compared, and no drift.
        assert output is not None and output["verdict"] == "no_drift", (output, seen[-5:])
        assert output["statistics"]["bins"] >= 2, output
        assert code == 200
        assert "llmtap_aggregator_up 1" in metrics
        assert 'llmtap_drift_verdict{feature="prompt_tokens",verdict="drift",' \
            f'gen_ai_request_model="{MODEL}",destination_service=""}} 1' in metrics
        assert get(port, "/healthz")[0] == 200
        # Read-only: anything but GET is refused.
        req = urllib.request.Request(f"http://127.0.0.1:{port}/report", data=b"{}", method="POST")
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(req, timeout=5)
        assert e.value.code == 405
        # Let the last requests reach a scrape, then stop the aggregator and count.
        time.sleep(3)
        agg.stop()
    finally:
        stop_shift.set()
        if agg is not None:
            agg.stop()
        envoy.stop()
        mock.stop()
    # The store keeps REFERENCE_S + 10 + 2 s of steps: everything, if the test was that quick.
    assert time.time() - first_request < REFERENCE_S, "the test outlived the history it counts from"
    time.sleep(2)  # the last step is complete
    r = harness.run_cmd([harness.LLMTAP_BIN, "drift", "--once", "--json", "--state", state,
                         "--current", "1h", "--reference", "1h", "--spike-window", "1s",
                         "--trailing", "2s"])
    assert r.returncode == 0, r.stderr
    counted = json.loads(r.stdout)
    outcome = entry(counted, "outcome")
    # Every request counted once: none lost to the kill, none counted twice after it.
    assert outcome["statistics"]["current_samples"] == traffic.sent, (outcome, traffic.sent)


def test_unreachable_envoy_gives_a_health_signal_and_no_verdict(artifacts, tmp_path):
    port = harness.free_port()
    dead = harness.free_port()
    proc = harness.Proc(
        "aggregate-dead",
        [harness.LLMTAP_BIN, "aggregate", "--envoy", f"http://127.0.0.1:{dead}", "--state",
         tmp_path / "s.redb", "--listen", f"127.0.0.1:{port}", "--scrape-interval", "500ms",
         "--step", "1s", "--evaluate-every", "1s", *WINDOWS],
        tmp_path / "dead.log",
    )
    try:
        proc.wait_for_log(r"listening on")
        proc.wait_for_log(r"scrape of http://127\.0\.0\.1:\d+ failed")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            code, text = get(port, "/report")
            if code == 200:
                break
            time.sleep(0.2)
        report = json.loads(text)
        assert report["healthy"] is False and report["drift"] == [] and report["spikes"] == []
        assert "failed" in report["errors"][0]
        code, metrics = get(port, "/metrics")
        assert "llmtap_aggregator_up 0" in metrics
        assert f'llmtap_aggregator_source_up{{source="http://127.0.0.1:{dead}"}} 0' in metrics
        assert "llmtap_drift_verdict" not in metrics
        assert get(port, "/healthz")[0] == 503
    finally:
        proc.stop()


def test_damaged_state_file_is_explained_and_recoverable(artifacts, tmp_path):
    state = tmp_path / "s.redb"
    state.write_bytes(b"this is not a redb file" * 100)
    port = harness.free_port()
    argv = [harness.LLMTAP_BIN, "aggregate", "--envoy", "http://127.0.0.1:1", "--state", state,
            "--listen", f"127.0.0.1:{port}", "--step", "1s", *WINDOWS]
    r = harness.run_cmd(argv)
    assert r.returncode == 1
    assert "is damaged" in r.stderr and "--reset-state" in r.stderr, r.stderr
    proc = harness.Proc("aggregate-reset", [*argv, "--reset-state"], tmp_path / "reset.log")
    try:
        proc.wait_for_log(r"listening on")
        assert list(tmp_path.glob("s.redb.corrupt-*"))
    finally:
        proc.stop()
