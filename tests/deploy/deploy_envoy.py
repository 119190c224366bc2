"""Wrapping manifest fragments into Envoy bootstraps, `envoy --mode validate`, live runs."""

from __future__ import annotations

import copy
import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

from deploy_common import ROOT, envoy_binary

HCM = "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager"
ROUTER = {
    "name": "envoy.filters.http.router",
    "typed_config": {"@type": "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router"},
}

# pilot-agent's stats inclusion list (istio/istio pkg/bootstrap/config.go): the required
# prefixes, the v2 prefix/suffixes and the rbac suffixes. llmtap's names start `wasmcustom.`,
# covered by the prefix `wasm`.
ISTIO_INCLUSION = {
    "prefix": ["reporter=", "cluster_manager", "listener_manager", "server", "cluster.xds-grpc", "wasm"],
    "suffix": ["rbac.allowed", "rbac.denied", "shadow_allowed", "shadow_denied", "component", "istio"],
    "regex": [r"vhost\.*\.route\.*"],
}


def remap_wasm_filename(filter_value: dict, wasm: Path) -> dict:
    """A copy of an envoy.filters.http.wasm filter whose local module is `wasm`."""
    out = copy.deepcopy(filter_value)
    code = out["typed_config"]["config"]["vm_config"]["code"]
    assert "local" in code, "expected a local module (remote fetch is not possible offline)"
    code["local"] = {"filename": str(wasm)}
    return out


def http_bootstrap(http_filters: list[dict], stats_config: dict | None = None,
                   listen_port: int = 0, admin_port: int = 0,
                   upstream_port: int | None = None, flush: str = "5s") -> dict:
    """A minimal bootstrap: one listener, HCM, the given filters then the router.

    Without `upstream_port` the route answers itself (direct_response): enough to validate.
    """
    if upstream_port is None:
        route = {"match": {"prefix": "/"}, "direct_response": {"status": 200}}
        clusters = []
    else:
        route = {"match": {"prefix": "/"}, "route": {"cluster": "llm_upstream", "timeout": "0s"}}
        clusters = [{
            "name": "llm_upstream", "type": "STATIC", "connect_timeout": "2s",
            "load_assignment": {"cluster_name": "llm_upstream", "endpoints": [{"lb_endpoints": [
                {"endpoint": {"address": {"socket_address": {"address": "127.0.0.1", "port_value": upstream_port}}}}]}]},
        }]
    bootstrap = {
        "admin": {"address": {"socket_address": {"address": "127.0.0.1", "port_value": admin_port}}},
        "stats_flush_interval": flush,
        "static_resources": {
            "listeners": [{
                "name": "llm",
                "address": {"socket_address": {"address": "127.0.0.1", "port_value": listen_port}},
                "filter_chains": [{"filters": [{
                    "name": "envoy.filters.network.http_connection_manager",
                    "typed_config": {
                        "@type": HCM, "stat_prefix": "llm",
                        "route_config": {"virtual_hosts": [{"name": "llm", "domains": ["*"], "routes": [route]}]},
                        "http_filters": [*http_filters, ROUTER],
                    },
                }]}],
            }],
            "clusters": clusters,
        },
    }
    if stats_config is not None:
        bootstrap["stats_config"] = stats_config
    return bootstrap


def wasmplugin_filter(plugin_config: dict | None, wasm: Path, fail_strategy: str = "FAIL_OPEN",
                      root_id: str = "llmtap") -> dict:
    """The HTTP filter istiod generates for a WasmPlugin (pluginConfig -> JSON StringValue)."""
    policy = {"FAIL_OPEN": "FAIL_OPEN", "FAIL_RELOAD": "FAIL_RELOAD", "FAIL_CLOSE": "FAIL_CLOSED"}[fail_strategy]
    config = {
        "name": "llm-serving.llmtap",
        "root_id": root_id,
        "failure_policy": policy,
        "vm_config": {"runtime": "envoy.wasm.runtime.v8", "code": {"local": {"filename": str(wasm)}}},
    }
    if plugin_config is not None:
        config["configuration"] = {
            "@type": "type.googleapis.com/google.protobuf.StringValue",
            "value": json.dumps(plugin_config, separators=(",", ":")),
        }
    return {"name": "envoy.filters.http.wasm",
            "typed_config": {"@type": "type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm", "config": config}}


def istio_stats_config(extra_stat_tags: list[str], histogram_buckets: dict[str, list] | None) -> dict:
    """What pilot-agent renders from extraStatTags and sidecar.istio.io/statsHistogramBuckets
    (tools/packaging/common/envoy_bootstrap.json): no default tags, one regex per extra tag,
    bucket settings sorted by prefix, Istio's inclusion list."""
    patterns = ([{"prefix": p} for p in ISTIO_INCLUSION["prefix"]]
                + [{"suffix": s} for s in ISTIO_INCLUSION["suffix"]]
                + [{"safe_regex": {"regex": r}} for r in ISTIO_INCLUSION["regex"]])
    cfg = {
        "use_all_default_tags": False,
        "stats_tags": [{"tag_name": t, "regex": f"({t}=\\.=(.*?);\\.;)"} for t in extra_stat_tags],
        "stats_matcher": {"inclusion_list": {"patterns": patterns}},
    }
    if histogram_buckets:
        cfg["histogram_bucket_settings"] = [
            {"match": {"prefix": p}, "buckets": b} for p, b in sorted(histogram_buckets.items())
        ]
    return cfg


def validate(bootstrap: dict | str | Path, *extra: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`envoy --mode validate -c …`; instantiates the Wasm VMs and runs on_configure."""
    with tempfile.TemporaryDirectory() as tmp:
        if isinstance(bootstrap, dict):
            path = Path(tmp) / "bootstrap.yaml"
            path.write_text(yaml.safe_dump(bootstrap, sort_keys=False))
        else:
            path = Path(bootstrap)
        return subprocess.run(
            [str(envoy_binary()), "--mode", "validate", "-c", str(path), "-l", "warning", *extra],
            capture_output=True, text=True, timeout=60, cwd=cwd,
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EnvoyProcess:
    """Envoy serving a bootstrap, as a child of the test; stopped by PID."""

    def __init__(self, bootstrap: dict, admin_port: int, workdir: Path, base_id: int) -> None:
        self.admin_port = admin_port
        path = workdir / f"envoy-{base_id}.yaml"
        path.write_text(yaml.safe_dump(bootstrap, sort_keys=False))
        self.log = workdir / f"envoy-{base_id}.log"
        self.proc = subprocess.Popen(
            [str(envoy_binary()), "-c", str(path), "--concurrency", "1", "--base-id", str(base_id),
             "-l", "warning", "--log-path", str(self.log)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
        )
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"envoy exited {self.proc.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                if self.admin("/ready").strip() == "LIVE":
                    return
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        raise AssertionError("envoy did not become ready")

    def admin(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.admin_port}{path}", timeout=5) as r:
            return r.read().decode()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def unique_base_id() -> int:
    return 40000 + (os.getpid() * 7 + int(time.time() * 1000)) % 20000
