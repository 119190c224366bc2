"""Scale mode against the real Prometheus: a week of synthetic histograms with a known drift
and a known refusal spike, backfilled with `promtool tsdb create-blocks-from openmetrics`,
then `llmtap drift --once --json --prometheus URL` is checked verdict by verdict."""

from __future__ import annotations

import json
import time

import pytest

import harness
import prometheus_backfill
import synthetic

HOUR = 3600
DAY = 24 * HOUR
STEP = 300  # one synthetic scrape every 5 minutes


@pytest.fixture(scope="module")
def at() -> int:
    # Evaluation time: an hour boundary safely inside Prometheus' default retention.
    return (int(time.time()) // HOUR) * HOUR - 2 * HOUR


@pytest.fixture(scope="module")
def prometheus(artifacts, tmp_path_factory, at):
    tmp = tmp_path_factory.mktemp("prometheus")
    drift_from = at - DAY  # the current window of the default settings
    spike_from = at - HOUR  # the current spike window
    models = [
        synthetic.Model("steady", 40, lambda t: 120, lambda t: 0.01),
        synthetic.Model(
            "shifted",
            40,
            lambda t: 400 if t > drift_from else 120,
            lambda t: 0.10 if t > spike_from else 0.01,
        ),
    ]
    text = synthetic.generate(models, at - 8 * DAY - 2 * HOUR, at, STEP)
    url, proc = prometheus_backfill.start(tmp, text)
    yield url
    proc.stop()


def drift_once(*args) -> tuple[int, dict | None, str]:
    r = harness.run_cmd([harness.LLMTAP_BIN, "drift", "--once", "--json", *args], timeout=120)
    try:
        report = json.loads(r.stdout)
    except json.JSONDecodeError:
        report = None
    return r.returncode, report, r.stderr


def entry(report: dict, section: str, model: str, **match) -> dict:
    found = [
        e for e in report[section]
        if e["gen_ai_request_model"] == model and all(e[k] == v for k, v in match.items())
    ]
    assert len(found) == 1, (model, match, [(e["gen_ai_request_model"], e.get("feature")) for e in report[section]])
    return found[0]


@pytest.fixture(scope="module")
def report(prometheus, at) -> dict:
    code, report, stderr = drift_once("--prometheus", prometheus, "--at", str(at))
    assert code == 0, stderr
    assert report["healthy"], report["errors"]
    return report


def test_known_drift_is_found_and_steady_traffic_is_not(report, at):
    assert report["windows"]["current"] == {"start": at - DAY, "end": at}
    assert report["windows"]["reference"] == {"start": at - 8 * DAY, "end": at - DAY}
    shifted = entry(report, "drift", "shifted", feature="prompt_tokens")
    steady = entry(report, "drift", "steady", feature="prompt_tokens")
    assert shifted["verdict"] == "drift"
    assert shifted["statistics"]["psi"] > 0.2 and shifted["statistics"]["band"] == "significant"
    assert steady["verdict"] == "no_drift", steady["statistics"]
    # About 40 requests per 5 minutes: 11 520 a day, 80 640 in the week before.
    assert abs(steady["statistics"]["current_samples"] - 11_520) < 200
    assert abs(steady["statistics"]["reference_samples"] - 80_640) < 1_000


def test_psi_kl_js_match_independent_oracles(report):
    for e in report["drift"]:
        b, s = e["bins"], e["statistics"]
        if s["psi"] is None:
            continue
        assert abs(s["psi"] - synthetic.psi(b["reference"], b["current"])) < 1e-9
        assert abs(s["kl"] - synthetic.kl(b["reference"], b["current"])) < 1e-9
        assert abs(s["js"] - synthetic.js_bits(b["reference"], b["current"])) < 1e-9
        if s["bins"] < 2:
            assert e["verdict"] == "no_data"
            continue
        n, m = s["reference_samples"], s["current_samples"]
        assert abs(s["expected_psi_without_drift"] - (s["bins"] - 1) * (1 / n + 1 / m)) < 1e-12


def test_known_refusal_spike_is_found(report):
    shifted = entry(report, "spikes", "shifted", signal="refusal_rate")
    steady = entry(report, "spikes", "steady", signal="refusal_rate")
    assert shifted["verdict"] == "spike", shifted["statistics"]
    assert shifted["statistics"]["three_sigma_alarm"] is True
    assert shifted["statistics"]["binomial_p_value"] < 1e-6
    assert steady["verdict"] == "no_spike", steady["statistics"]
    assert steady["statistics"]["binomial_alarm"] is False
    # The refusal spike also moves the finish-reason mix of the current day.
    assert entry(report, "drift", "shifted", feature="finish_reason")["statistics"]["psi"] > 0
    assert report["alarms"] >= 2


def test_replicas_agree(prometheus, at, report):
    """Stateless: another evaluation anywhere in the same hour gives the same verdicts."""
    code, again, _ = drift_once("--prometheus", prometheus, "--at", str(at + 1234))
    assert code == 0
    strip = lambda r: [(e["feature"], e["gen_ai_request_model"], e["verdict"], e["statistics"]["psi"]) for e in r["drift"]]
    assert strip(again) == strip(report)
    assert [s["verdict"] for s in again["spikes"]] == [s["verdict"] for s in report["spikes"]]


def test_fail_on_alarm_exit_code(prometheus, at):
    r = harness.run_cmd(
        [harness.LLMTAP_BIN, "drift", "--once", "--prometheus", prometheus, "--at", str(at), "--fail-on-alarm"],
        timeout=120,
    )
    assert r.returncode == 3, r.stderr
    assert "prompt_tokens" in r.stdout and "drift" in r.stdout


def test_unreachable_or_wrong_source_gives_an_error_and_no_verdict(tmp_path):
    dead = f"http://127.0.0.1:{harness.free_port()}"
    code, report, stderr = drift_once("--prometheus", dead)
    assert code == 2
    assert report["healthy"] is False and report["drift"] == [] and report["spikes"] == []
    assert "unreachable" in report["errors"][0] and "no verdict" in stderr
    # A server that is not Prometheus (the mock answers 404 with text).
    mock = harness.Mock(tmp_path)
    try:
        code, report, stderr = drift_once("--prometheus", mock.url)
    finally:
        mock.stop()
    assert code == 2
    assert report["drift"] == [] and "unusable" in report["errors"][0], report["errors"]
