"""`llmtap aggregate --prometheus URL --alertmanager URL` pushes its alarms to Alertmanager's v2
API (`POST /api/v2/alerts`, prometheus/alertmanager api/v2/openapi.yaml `postableAlerts`). A
real Prometheus holds a week of synthetic history with a known drift and a known refusal spike
up to now; a small fake Alertmanager records what it is sent."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.request
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import harness
import prometheus_backfill
import synthetic

HOUR = 3600
DAY = 24 * HOUR
STEP = 300
EVERY = "1s"


class FakeAlertmanager:
    """Records the JSON body of every `POST /api/v2/alerts`; answers 200 like Alertmanager."""

    def __init__(self):
        self.posts: list = []
        self.other_requests: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                if self.path == "/api/v2/alerts" and self.headers.get("content-type") == "application/json":
                    outer.posts.append(json.loads(body))
                    self.send_response(200)
                else:
                    outer.other_requests.append(f"POST {self.path} {self.headers.get('content-type')}")
                    self.send_response(400)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def prometheus(artifacts, tmp_path_factory):
    # The aggregator evaluates at now, rounded down to the hour: keep clear of an hour
    # boundary falling between the data's end and the evaluations.
    if int(time.time()) % HOUR > HOUR - 300:
        time.sleep(HOUR - int(time.time()) % HOUR + 5)
    end = int(time.time()) // STEP * STEP
    hour = end // HOUR * HOUR
    tmp = tmp_path_factory.mktemp("prometheus-am")
    models = [
        synthetic.Model("steady", 40, lambda t: 120, lambda t: 0.01),
        synthetic.Model(
            "shifted",
            40,
            lambda t: 400 if t > hour - DAY else 120,
            lambda t: 0.10 if t > hour - HOUR else 0.01,
        ),
    ]
    url, proc = prometheus_backfill.start(tmp, synthetic.generate(models, hour - 8 * DAY - HOUR, end, STEP))
    yield url
    proc.stop()


def aggregate(tmp_path, prometheus: str, alertmanager: str) -> tuple[harness.Proc, str]:
    port = harness.free_port()
    proc = harness.Proc(
        "llmtap-aggregate",
        [harness.LLMTAP_BIN, "aggregate", "--prometheus", prometheus, "--alertmanager", alertmanager,
         "--listen", f"127.0.0.1:{port}", "--evaluate-every", EVERY],
        tmp_path / "aggregate.log",
    )
    proc.wait_for_log("listening on")
    return proc, f"http://127.0.0.1:{port}"


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def wait_for(predicate, what: str, proc: harness.Proc, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        assert proc.alive(), f"{proc.name} exited:\n{proc.tail()}"
        time.sleep(0.2)
    raise AssertionError(f"{what} within {timeout}s; log:\n{proc.tail()}")


def pages_at_first_push(tmp_path, prometheus: str, *paths: str) -> tuple[FakeAlertmanager, dict[str, tuple[int, str]]]:
    """Runs the aggregator against a fake Alertmanager until its first push of alerts, then
    GETs `paths` from it; returns the fake (its posts) and (status, body) per path."""
    am = FakeAlertmanager()
    proc, base = aggregate(tmp_path, prometheus, am.url)
    try:
        wait_for(lambda: am.posts, "no POST /api/v2/alerts", proc)
        return am, {path: get(f"{base}{path}") for path in paths}
    finally:
        proc.stop()
        am.stop()


def rfc3339(text: str) -> datetime:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", text), text
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_alarms_are_pushed_as_postable_alerts(prometheus, tmp_path):
    am, pages = pages_at_first_push(tmp_path, prometheus, "/report", "/metrics")
    status, report = pages["/report"]
    assert status == 200
    report = json.loads(report)
    _, metrics = pages["/metrics"]
    assert am.other_requests == []
    alerts = am.posts[0]
    assert isinstance(alerts, list) and alerts, alerts
    for a in alerts:
        assert set(a) <= {"labels", "annotations", "startsAt", "endsAt", "generatorURL"}, a
        assert all(isinstance(v, str) and v for v in a["labels"].values()), a
        assert all(re.fullmatch(r"[a-zA-Z_][a-zA-Z0-9_]*", k) for k in a["labels"]), a
        assert all(isinstance(v, str) for v in a["annotations"].values()), a
        assert a["annotations"]["summary"]
        starts, ends = rfc3339(a["startsAt"]), rfc3339(a["endsAt"])
        assert 0 < (ends - starts).total_seconds() <= 10  # three evaluations of 1 s
        assert abs(starts.timestamp() - time.time()) < 600
    by_name = {}
    for a in alerts:
        by_name.setdefault(a["labels"]["alertname"], []).append(a["labels"])
    assert set(by_name) == {"LlmtapDrift", "LlmtapSpike"}, by_name
    assert {"alertname": "LlmtapDrift", "feature": "prompt_tokens", "gen_ai_request_model": "shifted",
            "severity": "warning"} in by_name["LlmtapDrift"]
    assert {"alertname": "LlmtapSpike", "signal": "refusal_rate", "verdict": "spike",
            "gen_ai_request_model": "shifted", "severity": "warning"} in by_name["LlmtapSpike"]
    # The stationary model raises nothing; every alarm of the report is pushed, nothing else.
    assert all(l["gen_ai_request_model"] == "shifted" for ls in by_name.values() for l in ls), by_name
    assert report["healthy"] and len(alerts) == report["alarms"]
    assert "llmtap_aggregator_alertmanager_up 1" in metrics


def test_an_unreachable_alertmanager_is_reported_and_evaluation_goes_on(prometheus, tmp_path):
    dead = f"http://127.0.0.1:{harness.free_port()}"
    proc, base = aggregate(tmp_path, prometheus, dead)
    try:
        proc.wait_for_log(r"push to Alertmanager .* failed: unreachable: .*(refused|Connect)", timeout=120)
        metrics = wait_for(
            lambda: (lambda m: m if "llmtap_aggregator_alertmanager_up 0" in m else None)(get(f"{base}/metrics")[1]),
            "no llmtap_aggregator_alertmanager_up 0",
            proc,
        )
        status, report = get(f"{base}/report")
        assert proc.alive(), proc.tail()
    finally:
        proc.stop()
    assert re.search(r"^llmtap_aggregator_alertmanager_consecutive_failures [1-9]", metrics, re.M), metrics
    assert "llmtap_aggregator_alertmanager_last_success_timestamp_seconds 0" in metrics
    # The verdicts are still published: Alertmanager is a consumer, not a source.
    assert "llmtap_aggregator_up 1" in metrics
    assert status == 200 and json.loads(report)["alarms"] >= 2
