"""PrometheusRule: promtool check + unit tests, and the rule conventions."""

from __future__ import annotations

import re
import shutil

import yaml

from deploy_common import PROMETHEUS_RULE, RULE_TESTS, require_tool, run
from deploy_promql import rule_spec, rules


def _write_rules(tmp_path):
    path = tmp_path / "prometheusrule.rules.yaml"
    path.write_text(yaml.safe_dump(rule_spec(), sort_keys=False))
    return path


def test_promtool_check_rules(tmp_path):
    promtool = require_tool("promtool")
    result = run([promtool, "check", "rules", _write_rules(tmp_path)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(rules())} rules found" in result.stdout


def test_promtool_unit_tests(tmp_path):
    promtool = require_tool("promtool")
    _write_rules(tmp_path)
    shutil.copy(RULE_TESTS, tmp_path / RULE_TESTS.name)
    result = run([promtool, "test", "rules", tmp_path / RULE_TESTS.name], timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_unit_tests_catch_a_broken_threshold(tmp_path):
    """The unit tests bite: a changed threshold makes them fail."""
    promtool = require_tool("promtool")
    text = PROMETHEUS_RULE.read_text().replace("model:llm_requests_failed:ratio_rate10m > 0.05", "model:llm_requests_failed:ratio_rate10m > 0.5")
    spec = yaml.safe_load(text)["spec"]
    (tmp_path / "prometheusrule.rules.yaml").write_text(yaml.safe_dump(spec))
    tests = yaml.safe_load(RULE_TESTS.read_text())
    tests["tests"] = tests["tests"][:1]  # the failure-ratio case; keeps this fast
    (tmp_path / "t.yaml").write_text(yaml.safe_dump(tests))
    result = run([promtool, "test", "rules", tmp_path / "t.yaml"], timeout=120)
    assert result.returncode != 0
    assert "LlmFailedRequestRatioHigh" in result.stdout + result.stderr


def test_every_alert_is_tested_firing_and_quiet():
    tests = yaml.safe_load(RULE_TESTS.read_text())["tests"]
    firing, quiet = set(), set()
    for group in tests:
        for case in group.get("alert_rule_test", []):
            (firing if case.get("exp_alerts") else quiet).add(case["alertname"])
    alerts = {r["alert"] for r in rules() if "alert" in r}
    assert alerts - firing == set(), f"alerts never tested firing: {alerts - firing}"
    assert alerts - quiet == set(), f"alerts never tested quiet: {alerts - quiet}"


def test_alert_conventions():
    alerts = [r for r in rules() if "alert" in r]
    assert {a["alert"] for a in alerts} >= {
        "LlmTimeToFirstTokenAboveBaseline", "LlmRequestDurationP95High", "LlmFailedRequestRatioHigh",
        "LlmRefusalRateSpike", "LlmUsageReportsMissing", "LlmDailyCostOverBudget",
    }
    for a in alerts:
        assert re.fullmatch(r"\d+[smh]", a.get("for", "")), f"{a['alert']}: needs a `for`"
        assert a["labels"]["severity"] in ("critical", "warning", "info"), a["alert"]
        assert a["annotations"].get("summary") and a["annotations"].get("description"), a["alert"]


def test_recording_rule_names_follow_level_metric_operations():
    for r in rules():
        if "record" in r:
            assert re.fullmatch(r"[a-z_]+:[a-z0-9_]+:[a-z0-9_:]+", r["record"]), r["record"]


def test_ttft_alert_compares_with_a_seven_day_baseline():
    spec = rule_spec()
    exprs = {r.get("record") or r.get("alert"): r["expr"] for g in spec["groups"] for r in g["rules"]}
    assert "histogram_quantile(0.99" in exprs["model:llm_time_to_first_token_milliseconds:p99_rate10m"]
    assert "[7d" in exprs["model:llm_time_to_first_token_milliseconds:p99_rate10m:avg_over_time_7d"]
    assert "1.5 *" in exprs["LlmTimeToFirstTokenAboveBaseline"]
    assert "> 5000" in exprs["LlmRequestDurationP95High"]


def test_unit_tests_fix_the_group_order():
    """Without group_eval_order promtool evaluates groups in random order, and an alert read
    before its recording rule sees a stale (then missing) value: flaky tests."""
    tests = yaml.safe_load(RULE_TESTS.read_text())
    assert tests["group_eval_order"] == [g["name"] for g in rule_spec()["groups"]]
