"""PromQL from the PrometheusRule and the Grafana dashboard: extraction and a light lexer."""

from __future__ import annotations

import json
import re

import yaml

from deploy_common import DASHBOARD, PROMETHEUS_RULE

KEYWORDS = {
    "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "and",
    "or", "unless", "atan2", "inf", "nan", "start", "end",
}

# Substitutions for Grafana's built-in and dashboard variables.
GRAFANA_VARS = {"__rate_interval": "1m", "__interval": "1m", "__range": "1h", "__range_s": "3600"}


def rule_spec() -> dict:
    return yaml.safe_load(PROMETHEUS_RULE.read_text())["spec"]


def rules() -> list[dict]:
    return [r for g in rule_spec()["groups"] for r in g["rules"]]


def recorded_names() -> set[str]:
    return {r["record"] for r in rules() if "record" in r}


def dashboard() -> dict:
    return json.loads(DASHBOARD.read_text())


def dashboard_targets() -> list[tuple[dict, dict]]:
    """(panel, target) for every query of every panel (rows' nested panels included)."""
    out = []

    def walk(panels):
        for p in panels:
            for t in p.get("targets", []):
                out.append((p, t))
            walk(p.get("panels", []))

    walk(dashboard()["panels"])
    return out


def variable_queries() -> list[str]:
    out = []
    for var in dashboard()["templating"]["list"]:
        if var.get("type") == "query":
            q = var["query"]
            out.append(q["query"] if isinstance(q, dict) else q)
    return out


def substitute(expr: str) -> str:
    """Replaces Grafana variables so the expression is plain PromQL."""
    def repl(m):
        name = m.group(1) or m.group(2)
        return GRAFANA_VARS.get(name, ".*")

    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)", repl, expr)


def label_values_parts(query: str) -> tuple[str, str]:
    """label_values(SELECTOR, LABEL) -> (SELECTOR, LABEL)."""
    m = re.fullmatch(r"\s*label_values\((.*),\s*(\w+)\s*\)\s*", query, re.S)
    assert m, f"unsupported variable query: {query}"
    return m.group(1), m.group(2)


def identifiers(expr: str) -> tuple[set[str], set[str]]:
    """(metric names, label names) used by a PromQL expression."""
    labels: set[str] = set()
    s = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'', '""', expr)
    for block in re.findall(r"\{([^{}]*)\}", s):
        labels |= set(re.findall(r"([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)", block))
    s = re.sub(r"\{[^{}]*\}", " ", s)
    for _, block in re.findall(r"\b(by|without|on|ignoring|group_left|group_right)\s*\(([^()]*)\)", s):
        labels |= {x.strip() for x in block.split(",") if x.strip()}
    s = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)", " ", s)
    s = re.sub(r"\[[^\]]*\]", " ", s)
    s = re.sub(r"\boffset\s+-?\w+", " ", s)
    s = re.sub(r"(?<![A-Za-z0-9_:.])\d+(\.\d+)?([eE][+-]?\d+)?", " ", s)
    metrics = set()
    for m in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", s):
        name = m.group(0)
        rest = s[m.end():].lstrip()
        if rest.startswith("("):
            continue  # function or aggregation
        if name.lower() in KEYWORDS:
            continue
        metrics.add(name)
    return metrics, labels


def all_queries() -> list[tuple[str, str]]:
    """(where, plain PromQL) for every rule expression and dashboard query (variables too)."""
    out = [(f"rule {r.get('record') or r.get('alert')}", r["expr"]) for r in rules()]
    for panel, target in dashboard_targets():
        out.append((f"panel {panel['id']} {panel['title']!r} {target['refId']}", substitute(target["expr"])))
    for q in variable_queries():
        selector, label = label_values_parts(q)
        out.append((f"variable query {q!r}", f"count by ({label}) ({substitute(selector)})"))
    return out
