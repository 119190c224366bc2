"""Answer-label drift against the real Prometheus: a week of `llm_answer_labels_total` in which
one model's sentiment shares move 70/20/10 → 40/40/20 for the last day while a control model's
(and the moved model's other label) stay put, backfilled with promtool. Checked in the JSON
report of `llmtap drift --once --prometheus`, and on `/metrics` and in the Alertmanager alerts of
`llmtap aggregate --prometheus`: drift only where injected, PSI equal to an independent
computation."""

from __future__ import annotations

import json
import math
import re
import time

import pytest

import harness
import prometheus_backfill
import synthetic
from test_alertmanager import pages_at_first_push

HOUR = 3600
DAY = 24 * HOUR
STEP = 300
VALUES = ["positive", "negative", "neutral"]
BEFORE = [14, 4, 2]  # answers per step: 70 / 20 / 10 %
AFTER = [8, 8, 4]  # 40 / 40 / 20 %


def openmetrics(start: int, end: int, drift_from: int) -> str:
    """Cumulative counters per (model, label name, value), one sample per STEP."""
    totals: dict[tuple[str, str, str], int] = {}
    rows: list[str] = []
    for t in range(start, end + 1, STEP):
        plan = {
            ("shifted", "sentiment"): AFTER if t > drift_from else BEFORE,
            ("shifted", "intent"): [10, 6, 4],
            ("control", "sentiment"): BEFORE,
        }
        for (model, name), counts in plan.items():
            values = VALUES if name == "sentiment" else ["billing", "support", "none"]
            for value, n in zip(values, counts):
                key = (model, name, value)
                totals[key] = totals.get(key, 0) + n
                labels = (f'gen_ai_request_model="{model}",gen_ai_provider_name="openai",'
                          f'gen_ai_operation_name="chat",label_name="{name}",label_value="{value}"')
                rows.append(f"llm_answer_labels_total{{{labels}}} {totals[key]} {t}")
    rows.sort(key=lambda l: (l.rsplit(" ", 2)[0], int(l.rsplit(" ", 1)[1])))
    return "\n".join(["# TYPE llm_answer_labels counter", *rows, "# EOF"]) + "\n"


def textbook_psi(reference: list[float], current: list[float]) -> float:
    r = [x / sum(reference) for x in reference]
    c = [x / sum(current) for x in current]
    return sum((ci - ri) * math.log(ci / ri) for ri, ci in zip(r, c))


@pytest.fixture(scope="module")
def hour() -> int:
    # `aggregate` evaluates at now rounded down to the hour: stay clear of a boundary.
    if int(time.time()) % HOUR > HOUR - 300:
        time.sleep(HOUR - int(time.time()) % HOUR + 5)
    return int(time.time()) // HOUR * HOUR


@pytest.fixture(scope="module")
def prometheus(artifacts, tmp_path_factory, hour):
    end = int(time.time()) // STEP * STEP
    tmp = tmp_path_factory.mktemp("prometheus-labels")
    url, proc = prometheus_backfill.start(tmp, openmetrics(hour - 8 * DAY - HOUR, end, hour - DAY))
    yield url
    proc.stop()


def label_entries(report: dict) -> dict[tuple[str, str], dict]:
    return {(e["feature"], e["gen_ai_request_model"]): e
            for e in report["drift"] if e["feature"].startswith("answer_label:")}


def test_report_finds_the_injected_label_drift_only(prometheus, hour):
    r = harness.run_cmd([harness.LLMTAP_BIN, "drift", "--once", "--json", "--prometheus", prometheus,
                         "--at", str(hour)], timeout=120)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["healthy"], report["errors"]
    entries = label_entries(report)
    assert set(entries) == {("answer_label:sentiment", "shifted"), ("answer_label:intent", "shifted"),
                            ("answer_label:sentiment", "control")}, sorted(entries)
    verdicts = {k: e["verdict"] for k, e in entries.items()}
    assert verdicts == {("answer_label:sentiment", "shifted"): "drift",
                        ("answer_label:intent", "shifted"): "no_drift",
                        ("answer_label:sentiment", "control"): "no_drift"}, verdicts
    moved = entries[("answer_label:sentiment", "shifted")]
    assert moved["kind"] == "categorical"
    assert moved["bins"]["labels"] == sorted(VALUES)
    s = moved["statistics"]
    # The report's PSI, KL and JS are those of its bins (independent oracles) …
    assert abs(s["psi"] - synthetic.psi(moved["bins"]["reference"], moved["bins"]["current"])) < 1e-9
    assert abs(s["kl"] - synthetic.kl(moved["bins"]["reference"], moved["bins"]["current"])) < 1e-9
    assert abs(s["js"] - synthetic.js_bits(moved["bins"]["reference"], moved["bins"]["current"])) < 1e-9
    # … and the bins are the injected shares: 70/20/10 → 40/40/20 (sorted: negative, neutral,
    # positive), so the PSI is the textbook value of that move.
    order = [VALUES.index(v) for v in sorted(VALUES)]
    want = textbook_psi([BEFORE[i] for i in order], [AFTER[i] for i in order])
    assert abs(s["psi"] - want) < 0.01 * want, (s["psi"], want)
    # About 20 answers per 5 minutes: 5 760 in the current day, 40 320 in the week before.
    assert abs(s["current_samples"] - 5_760) < 100 and abs(s["reference_samples"] - 40_320) < 500
    for key in [("answer_label:intent", "shifted"), ("answer_label:sentiment", "control")]:
        assert entries[key]["statistics"]["psi"] < 1e-3, entries[key]["statistics"]


def test_metrics_and_alerts_name_the_label_feature(prometheus, tmp_path):
    am, pages = pages_at_first_push(tmp_path, prometheus, "/metrics")
    status, metrics = pages["/metrics"]
    assert status == 200
    samples = {}
    for name, labels, value in re.findall(r"^(llmtap_drift_\w+)\{(.*)\} (\S+)$", metrics, re.M):
        key = (name, tuple(sorted(re.findall(r'(\w+)="([^"]*)"', labels))))
        samples[key] = float(value)

    def sample(name: str, **labels: str) -> float | None:
        return samples.get((name, tuple(sorted({"destination_service": "", **labels}.items()))))

    for feature, model, want in [("answer_label:sentiment", "shifted", "drift"),
                                 ("answer_label:sentiment", "control", "no_drift"),
                                 ("answer_label:intent", "shifted", "no_drift")]:
        assert sample("llmtap_drift_verdict", feature=feature, gen_ai_request_model=model, verdict=want) == 1, \
            (feature, model, want)
    psi = sample("llmtap_drift_psi", feature="answer_label:sentiment", gen_ai_request_model="shifted")
    want = textbook_psi([4, 2, 14], [8, 4, 8])
    assert psi is not None and abs(psi - want) < 0.01 * want, (psi, want)
    drift_alerts = [a["labels"] for a in am.posts[0] if a["labels"]["alertname"] == "LlmtapDrift"]
    assert drift_alerts == [{"alertname": "LlmtapDrift", "feature": "answer_label:sentiment",
                             "gen_ai_request_model": "shifted", "severity": "warning"}], drift_alerts
