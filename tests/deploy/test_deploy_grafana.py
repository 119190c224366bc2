"""The Grafana dashboard (Grafana cannot run here): schema round-trip, layout, queries."""

from __future__ import annotations

import copy
import importlib
import json

import pytest

from deploy_common import DASHBOARD
from deploy_promql import dashboard, dashboard_targets

from grafana_foundation_sdk.models.dashboard import Dashboard  # noqa: E402
from grafana_foundation_sdk.models import prometheus  # noqa: E402


def _plain(obj):
    return json.loads(json.dumps(obj, default=lambda o: o.to_json() if hasattr(o, "to_json") else str(o)))


def _lost(src, out, path=""):
    """Paths present in `src` that the SDK round-trip dropped or changed (= unknown or wrongly
    typed keys; the SDK ignores unknown keys and adds defaults, so only losses count)."""
    lost = []
    if isinstance(src, dict):
        for k, v in src.items():
            if not isinstance(out, dict) or k not in out:
                lost.append(f"{path}.{k}")
            else:
                lost += _lost(v, out[k], f"{path}.{k}")
    elif isinstance(src, list):
        if not isinstance(out, list) or len(src) != len(out):
            return [path]
        for i, (a, b) in enumerate(zip(src, out)):
            lost += _lost(a, b, f"{path}[{i}]")
    elif src != out:
        lost.append(f"{path}: {src!r} -> {out!r}")
    return lost


def roundtrip_losses(doc: dict) -> list[str]:
    """Dashboard, then each panel's typed options/field config and each Prometheus query."""
    lost = _lost(doc, _plain(Dashboard.from_json(copy.deepcopy(doc))))
    for panel in doc.get("panels", []):
        mod = importlib.import_module(f"grafana_foundation_sdk.models.{panel['type']}")
        where = f"panel {panel.get('id')} ({panel['type']})"
        if "options" in panel:
            lost += [f"{where} options{p}" for p in _lost(panel["options"], _plain(mod.Options.from_json(copy.deepcopy(panel["options"]))))]
        custom = panel.get("fieldConfig", {}).get("defaults", {}).get("custom")
        if custom is not None and hasattr(mod, "FieldConfig"):
            lost += [f"{where} custom{p}" for p in _lost(custom, _plain(mod.FieldConfig.from_json(copy.deepcopy(custom))))]
        for t in panel.get("targets", []):
            lost += [f"{where} target{p}" for p in _lost(t, _plain(prometheus.Dataquery.from_json(copy.deepcopy(t))))]
    return lost


def test_dashboard_roundtrips_through_grafana_foundation_sdk():
    assert roundtrip_losses(dashboard()) == []


@pytest.mark.parametrize(
    "mutate,expect",
    [
        (lambda d: d["panels"][0].__setitem__("datasouce", {}), "datasouce"),
        (lambda d: d["templating"]["list"][2].__setitem__("multii", True), "multii"),
        (lambda d: d["panels"][4]["options"]["legend"].__setitem__("displayMod", "table"), "displayMod"),
        (lambda d: d["panels"][4]["fieldConfig"]["defaults"]["custom"].__setitem__("lineWidht", 2), "lineWidht"),
        (lambda d: d["panels"][4]["targets"][0].__setitem__("legendFormt", "x"), "legendFormt"),
        (lambda d: d["panels"][6]["options"].__setitem__("colr", {}), "colr"),
    ],
    ids=["panel key", "variable key", "panel option", "field config", "query key", "heatmap option"],
)
def test_roundtrip_catches_typos(mutate, expect):
    doc = copy.deepcopy(dashboard())
    mutate(doc)
    assert any(expect in x for x in roundtrip_losses(doc))


def test_panel_ids_unique_and_grid_within_24_columns_without_overlap():
    panels = dashboard()["panels"]
    ids = [p["id"] for p in panels]
    assert len(ids) == len(set(ids))
    cells = set()
    for p in panels:
        g = p["gridPos"]
        assert g["w"] > 0 and g["h"] > 0 and g["x"] >= 0 and g["y"] >= 0, p["title"]
        assert g["x"] + g["w"] <= 24, f"{p['title']}: x + w > 24"
        for x in range(g["x"], g["x"] + g["w"]):
            for y in range(g["y"], g["y"] + g["h"]):
                assert (x, y) not in cells, f"{p['title']} overlaps another panel at {(x, y)}"
                cells.add((x, y))


def test_ref_ids_unique_per_panel():
    for p in dashboard()["panels"]:
        refs = [t["refId"] for t in p.get("targets", [])]
        assert refs and len(refs) == len(set(refs)), p["title"]


def test_datasource_is_a_template_variable_everywhere():
    d = dashboard()
    variables = {v["name"]: v for v in d["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    assert variables["model"]["type"] == "query" and variables["model"]["includeAll"]
    for panel, target in dashboard_targets():
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, panel["title"]
        assert target["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, panel["title"]
        assert '$model' in target["expr"], f"{panel['title']}: ignores the model variable"
    assert "uid\": \"prometheus" not in DASHBOARD.read_text()  # no hard-coded datasource


def test_required_panels_exist():
    d = dashboard()
    by_title = {p["title"]: p for p in d["panels"]}
    ttft = by_title["Time to first token p50 / p95 / p99"]
    assert {t["expr"].split(",")[0] for t in ttft["targets"]} == {
        "histogram_quantile(0.5", "histogram_quantile(0.95", "histogram_quantile(0.99"}
    assert ttft["fieldConfig"]["defaults"]["custom"]["thresholdsStyle"]["mode"] != "off"
    assert len(ttft["fieldConfig"]["defaults"]["thresholds"]["steps"]) >= 2
    heat = [p for p in d["panels"] if p["type"] == "heatmap"]
    assert heat and "llm_inter_chunk_gap_microseconds_bucket" in heat[0]["targets"][0]["expr"]
    assert heat[0]["targets"][0]["format"] == "heatmap"
    assert "llm_tokens_total" in by_title["Output tokens/s"]["targets"][0]["expr"]
    refusals = by_title["Refusal rate (full refusals)"]["targets"][0]["expr"]
    assert "llm_refusals_total{" in refusals
    assert 'refusal_kind="full"' in refusals  # partial refusals are not in the refusal rate
    assert "outcome" in by_title["Outcomes"]["targets"][0]["expr"]
    shares = by_title["Answer label shares"]
    assert "llm_answer_labels_total" in shares["targets"][0]["expr"]
    assert "label_value" in shares["targets"][0]["legendFormat"]
    assert shares["fieldConfig"]["defaults"]["unit"] == "percentunit"
    for metric in ("llm_prompt_tokens", "llm_output_tokens"):
        panel = next(p for p in d["panels"] if metric in p["targets"][0]["expr"] and "offset" in json.dumps(p["targets"]))
        exprs = [t["expr"] for t in panel["targets"]]
        assert any("offset 7d" in e for e in exprs) and any("offset" not in e for e in exprs)


def test_aggregator_panels_show_verdicts_and_psi_over_time():
    by_title = {p["title"]: p for p in dashboard()["panels"]}
    verdicts = by_title["Aggregator verdicts (1 = drift / spike)"]
    exprs = [t["expr"] for t in verdicts["targets"]]
    assert any('llmtap_drift_verdict{verdict="drift"' in e for e in exprs)
    assert any("llmtap_spike_verdict" in e and "spike|sustained_rise" in e for e in exprs)
    psi = by_title["Aggregator PSI and critical PSI over time"]
    exprs = [t["expr"] for t in psi["targets"]]
    assert any("llmtap_drift_psi" in e for e in exprs) and any("llmtap_drift_critical_psi" in e for e in exprs)
    assert psi["fieldConfig"]["defaults"]["custom"]["scaleDistribution"]["type"] == "log"
