"""The deploy files carry the catalogue's tags and buckets exactly (envoy/stats-config.yaml)."""

from __future__ import annotations

import json
import sys

import yaml

from deploy_common import ISTIO, ROOT, histogram_buckets, load_docs, run, stats_config, tag_names


def test_generated_files_are_current():
    result = run([sys.executable, ROOT / "istio" / "generate.py", "--check"])
    assert result.returncode == 0, result.stderr


def test_bootstrap_envoyfilter_carries_stats_config_exactly():
    doc = load_docs(ISTIO / "envoyfilter-stats.yaml")[0]
    (patch,) = doc["spec"]["configPatches"]
    assert patch["applyTo"] == "BOOTSTRAP" and patch["patch"]["operation"] == "MERGE"
    assert patch["patch"]["value"] == {"stats_config": stats_config()}


def test_bootstrap_override_carries_stats_config_exactly():
    cm = load_docs(ISTIO / "bootstrap-override.yaml")[0]
    assert json.loads(cm["data"]["custom_bootstrap.json"]) == {"stats_config": stats_config()}


def test_pod_annotations_list_every_tag_and_bucket():
    ann = load_docs(ISTIO / "pod-annotations.yaml")[0]["spec"]["template"]["metadata"]["annotations"]
    assert ann["sidecar.istio.io/extraStatTags"].split(",") == tag_names()
    buckets = json.loads(ann["sidecar.istio.io/statsHistogramBuckets"])
    assert buckets == {f"wasmcustom.{k}": v for k, v in histogram_buckets().items()}


def test_meshconfig_lists_every_tag():
    doc = load_docs(ISTIO / "meshconfig-stats.yaml")[0]
    assert doc["spec"]["meshConfig"]["defaultConfig"]["extraStatTags"] == tag_names()


def test_tag_regexes_are_istios_pattern():
    """extraStatTags only work because llmtap encodes labels exactly like Istio does."""
    for tag in stats_config()["stats_tags"]:
        assert tag["regex"] == f"({tag['tag_name']}=\\.=(.*?);\\.;)"


def test_bucket_prefixes_do_not_shadow_each_other():
    """Envoy uses the first matching prefix; pilot-agent sorts the annotation's prefixes. If one
    prefix started another, the order would decide a histogram's buckets."""
    prefixes = [f"wasmcustom.{k}" for k in histogram_buckets()]
    for a in prefixes:
        for b in prefixes:
            assert a == b or not b.startswith(a), f"{a} is a prefix of {b}"


def test_every_prometheus_label_in_the_contract_is_a_tag():
    """docs/metrics.md's labels of the emitted metrics all have an extraction regex."""
    for key in ("gen_ai_request_model", "gen_ai_response_model", "gen_ai_provider_name",
                "gen_ai_operation_name", "gen_ai_token_type", "outcome", "finish_reason"):
        assert key in tag_names()


def test_stat_name_length_claim():
    """meshconfig-stats.yaml states the longest realistic name; keep the number honest."""
    model = "meta-llama/Llama-3.1-70B-Instruct"
    labels = [("gen_ai_request_model", model), ("gen_ai_response_model", model),
              ("gen_ai_provider_name", "vllm"), ("gen_ai_operation_name", "chat"),
              ("outcome", "client_disconnect")]
    name = "wasmcustom.llm_requests_total." + "".join(f"{k}=.={v};.;" for k, v in labels)
    text = (ISTIO / "meshconfig-stats.yaml").read_text()
    assert f"is {len(name)} bytes" in text
    assert len(name) > 189
