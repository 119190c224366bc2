"""Manifest fragments run through the real Envoy 1.40 and the real llmtap module.

`envoy --mode validate` parses the whole bootstrap, instantiates the Wasm VMs and runs the
filter's on_configure with the configuration, so an invalid pluginConfig or filter block fails
here the way it would fail in a sidecar.
"""

from __future__ import annotations

import json

import pytest
import yaml

from deploy_common import ENVOY_EXAMPLE, ISTIO, ROOT, histogram_buckets, load_docs, require_wasm, stats_config, tag_names
from deploy_envoy import (
    http_bootstrap,
    istio_stats_config,
    remap_wasm_filename,
    validate,
    wasmplugin_filter,
)

INVALID_CONFIG = "invalid plugin configuration"


def _ok(result):
    assert result.returncode == 0, f"envoy --mode validate failed:\n{result.stdout}\n{result.stderr}"[-4000:]


def _envoyfilter_http_patches():
    out = []
    for path in sorted(ISTIO.glob("envoyfilter-*.yaml")):
        for doc in load_docs(path):
            for i, patch in enumerate(doc["spec"]["configPatches"]):
                if patch["applyTo"] == "HTTP_FILTER":
                    out.append((f"{path.name}:{doc['metadata']['name']}#{i}", patch["patch"]["value"]))
    return out


HTTP_PATCHES = _envoyfilter_http_patches()


def test_there_are_http_filter_patches():
    assert len(HTTP_PATCHES) >= 2


@pytest.mark.parametrize("name,value", HTTP_PATCHES, ids=[n for n, _ in HTTP_PATCHES])
def test_envoyfilter_http_filter_runs_in_envoy(name, value):
    wasm = require_wasm()
    _ok(validate(http_bootstrap([remap_wasm_filename(value, wasm)], stats_config())))


@pytest.mark.parametrize("name,value", HTTP_PATCHES, ids=[n for n, _ in HTTP_PATCHES])
def test_envoyfilter_with_broken_plugin_config_fails(name, value):
    """Proof that the harness runs on_configure: a typo in the JSON is rejected by the filter."""
    wasm = require_wasm()
    broken = remap_wasm_filename(value, wasm)
    cfg = broken["typed_config"]["config"]["configuration"]
    cfg["value"] = cfg["value"].replace('"detect_by_path"', '"detect_by_pth"')
    result = validate(http_bootstrap([broken]))
    assert result.returncode != 0
    assert INVALID_CONFIG in result.stdout + result.stderr


def test_envoyfilter_with_bad_type_url_fails():
    wasm = require_wasm()
    broken = remap_wasm_filename(HTTP_PATCHES[0][1], wasm)
    broken["typed_config"]["@type"] = "type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wsm"
    assert validate(http_bootstrap([broken])).returncode != 0


WASMPLUGINS = [p.name for p in sorted(ISTIO.glob("wasmplugin*.yaml"))]


@pytest.mark.parametrize("file", WASMPLUGINS)
def test_wasmplugin_plugin_config_is_accepted_by_the_filter(file):
    """pluginConfig as istiod passes it (JSON in a StringValue) through the filter's parser."""
    wasm = require_wasm()
    spec = load_docs(ISTIO / file)[0]["spec"]
    flt = wasmplugin_filter(spec["pluginConfig"], wasm, spec["failStrategy"], spec["pluginName"])
    _ok(validate(http_bootstrap([flt])))


@pytest.mark.parametrize(
    "mutation",
    [
        {"provder_name": "vllm"},
        {"max_event_bytes": 10},
        {"routes": [{"path_prefix": "/x", "format": "openai_chatt"}]},
        {"routes": [{"format": "openai_chat"}]},
        {"detect_by_path": "yes"},
    ],
    ids=["unknown field", "cap out of range", "unknown format", "route without path", "wrong type"],
)
def test_wasmplugin_with_bad_plugin_config_fails(mutation):
    wasm = require_wasm()
    spec = load_docs(ISTIO / "wasmplugin.yaml")[0]["spec"]
    cfg = {**spec["pluginConfig"], **mutation}
    result = validate(http_bootstrap([wasmplugin_filter(cfg, wasm)]))
    assert result.returncode != 0
    assert INVALID_CONFIG in result.stdout + result.stderr


def test_bootstrap_envoyfilter_stats_config_is_valid_envoy_config():
    wasm = require_wasm()
    doc = load_docs(ISTIO / "envoyfilter-stats.yaml")[0]
    value = doc["spec"]["configPatches"][0]["patch"]["value"]
    spec = load_docs(ISTIO / "wasmplugin.yaml")[0]["spec"]
    bootstrap = http_bootstrap([wasmplugin_filter(spec["pluginConfig"], wasm)])
    bootstrap.update(value)  # MERGE of a top-level field absent from the base
    _ok(validate(bootstrap))


def test_bootstrap_override_merges_into_an_istio_like_bootstrap():
    """pilot-agent passes custom_bootstrap.json as --config-yaml; Envoy merges it."""
    wasm = require_wasm()
    cm = load_docs(ISTIO / "bootstrap-override.yaml")[0]
    override = cm["data"]["custom_bootstrap.json"]
    json.loads(override)
    spec = load_docs(ISTIO / "wasmplugin.yaml")[0]["spec"]
    base = http_bootstrap([wasmplugin_filter(spec["pluginConfig"], wasm)], istio_stats_config([], None))
    _ok(validate(base, "--config-yaml", override))


def test_pod_annotations_render_to_valid_envoy_stats_config():
    """extraStatTags + statsHistogramBuckets as pilot-agent renders them."""
    wasm = require_wasm()
    dep = load_docs(ISTIO / "pod-annotations.yaml")[0]
    ann = dep["spec"]["template"]["metadata"]["annotations"]
    tags = ann["sidecar.istio.io/extraStatTags"].split(",")
    buckets = json.loads(ann["sidecar.istio.io/statsHistogramBuckets"])
    spec = load_docs(ISTIO / "wasmplugin.yaml")[0]["spec"]
    _ok(validate(http_bootstrap([wasmplugin_filter(spec["pluginConfig"], wasm)], istio_stats_config(tags, buckets))))


def test_zero_bucket_bound_is_rejected_by_envoy():
    """The stats_config checks are real: Envoy refuses a bucket bound of 0."""
    bad = istio_stats_config(tag_names(), {"wasmcustom.llm_output_tokens": [0, 1]})
    result = validate(http_bootstrap([], bad))
    assert result.returncode != 0, result.stdout + result.stderr


def test_envoy_example_bootstrap_is_valid():
    require_wasm()
    _ok(validate(ENVOY_EXAMPLE, cwd=ROOT))
    doc = yaml.safe_load(ENVOY_EXAMPLE.read_text())
    assert doc["stats_config"] == stats_config()
    assert sorted(histogram_buckets()) == sorted(
        b["match"]["prefix"].removeprefix("wasmcustom.") for b in doc["stats_config"]["histogram_bucket_settings"]
    )
