"""Every PromQL expression (rules, dashboard, dashboard variables) parses and uses only metrics
and labels that llmtap emits."""

from __future__ import annotations

import yaml

from deploy_common import AGGREGATOR_LABELS, PLANNED_METRICS, aggregator_exposition_source, aggregator_metrics, emitted_metrics, prometheus_series_names, require_tool, run, tag_names
from deploy_promql import all_queries, identifiers, recorded_names

QUERIES = all_queries()


def test_all_queries_parse_with_promtool(tmp_path):
    """Each expression as a recording rule; promtool parses (and type-checks) it."""
    promtool = require_tool("promtool")
    groups = [{"name": "q", "rules": [{"record": f"check:q:{i}", "expr": e} for i, (_, e) in enumerate(QUERIES)]}]
    path = tmp_path / "queries.yaml"
    path.write_text(yaml.safe_dump({"groups": groups}))
    result = run([promtool, "check", "rules", path])
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_parse_check_bites(tmp_path):
    promtool = require_tool("promtool")
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "q", "rules": [{"record": "a:b:c", "expr": "sum(rate(x[5m])"}]}]}))
    assert run([promtool, "check", "rules", path]).returncode != 0


def test_queries_use_only_emitted_metrics_and_known_labels():
    allowed_metrics = prometheus_series_names(emitted_metrics()) | recorded_names() | aggregator_metrics()
    planned = prometheus_series_names({m: "counter" for m in PLANNED_METRICS})
    allowed_labels = set(tag_names()) | {"le"} | AGGREGATOR_LABELS
    problems = []
    for where, expr in QUERIES:
        metrics, labels = identifiers(expr)
        assert metrics or expr.startswith("vector("), f"{where}: no metric found in {expr!r}"
        for m in metrics:
            if m in planned:
                problems.append(f"{where}: {m} is planned, not emitted yet")
            elif m not in allowed_metrics:
                problems.append(f"{where}: unknown metric {m}")
            if m.startswith(("envoy_", "wasmcustom")):
                problems.append(f"{where}: {m}: /stats/prometheus has no envoy_/wasmcustom prefix")
        for label in labels - allowed_labels:
            problems.append(f"{where}: unknown label {label}")
    assert not problems, "\n".join(problems)


def test_aggregator_labels_are_the_aggregators():
    """Every label the dashboard may use on the aggregator's metrics is one its /metrics writes,
    and the dashboard's aggregator panels query metric names it exports."""
    source = aggregator_exposition_source()
    for label in AGGREGATOR_LABELS:
        assert f'("{label}", ' in source, f"the aggregator never writes label {label}"
    exported = aggregator_metrics()
    assert {"llmtap_drift_psi", "llmtap_drift_critical_psi", "llmtap_drift_verdict", "llmtap_spike_verdict"} <= exported
    used = {m for _, e in QUERIES for m in identifiers(e)[0] if m.startswith("llmtap_")}
    assert used and used <= exported, used - exported


def test_identifier_extraction_catches_mistakes():
    metrics, labels = identifiers('sum by (model) (rate(envoy_wasmcustom_llm_requests_total{outcme="x"}[5m]))')
    assert metrics == {"envoy_wasmcustom_llm_requests_total"}
    assert labels == {"model", "outcme"}


def test_recording_rules_used_are_defined():
    recorded = recorded_names()
    for where, expr in QUERIES:
        for m in identifiers(expr)[0]:
            if ":" in m:
                assert m in recorded, f"{where}: {m} is not a recording rule"
