"""Every Kubernetes manifest in istio/ against its schema, plus proof the validator bites."""

from __future__ import annotations

import copy

import pytest
import yaml

from deploy_common import ISTIO, MANIFESTS, load_docs
from deploy_k8s import CEL_RULES, collect_rules

DOCS = [(p.name, i, d) for p in MANIFESTS for i, d in enumerate(load_docs(p))]


@pytest.mark.parametrize("name,index,doc", DOCS, ids=[f"{n}#{i}:{d['kind']}" for n, i, d in DOCS])
def test_manifest_is_valid(validator, name, index, doc):
    report = validator.validate(doc)
    assert not report.not_evaluated, f"CEL rules without an implementation: {report.not_evaluated}"
    assert not report.errors, "\n".join(report.errors)


def test_every_expected_manifest_exists():
    names = {p.name for p in MANIFESTS}
    assert {
        "wasmplugin.yaml", "wasmplugin-http.yaml", "envoyfilter-stats.yaml", "envoyfilter-wasm.yaml",
        "meshconfig-stats.yaml", "pod-annotations.yaml", "bootstrap-override.yaml", "prometheusrule.yaml",
        "telemetry-otel.yaml", "meshconfig-otel.yaml",
    } <= names
    kinds = {d["kind"] for _, _, d in DOCS}
    assert {"WasmPlugin", "EnvoyFilter", "PrometheusRule", "IstioOperator", "Deployment", "ConfigMap",
            "Telemetry"} <= kinds


def test_every_cel_rule_of_the_used_crds_is_implemented(validator):
    """A CRD update that adds a CEL rule must come with its Python check."""
    used = {(d["apiVersion"], d["kind"]) for _, _, d in DOCS}
    for key in used:
        crd = validator.crds.get(key)
        if crd is None:
            continue
        for version, schema in crd.versions.items():
            missing = collect_rules(schema) - set(CEL_RULES)
            assert not missing, f"{key}: CEL rules not evaluated: {missing}"


def _doc(file, kind=None, index=0):
    docs = [d for d in load_docs(ISTIO / file) if kind is None or d["kind"] == kind]
    return copy.deepcopy(docs[index])


def _set(path):
    """Mutation that sets a dotted path (list indices as numbers)."""
    *parents, last = path.split(".")

    def apply(doc, value):
        node = doc
        for p in parents:
            node = node[int(p)] if p.isdigit() else node.setdefault(p, {})
        if last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value

    return apply


WASMPLUGIN_BREAKAGES = [
    ("typo priorty", "spec.priorty", 10, "'priorty' was unexpected"),
    ("FAIL_CLOSED is Envoy's spelling, not Istio's", "spec.failStrategy", "FAIL_CLOSED", "is not one of"),
    ("unknown phase", "spec.phase", "LOGGING", "is not one of"),
    ("unknown match mode", "spec.match.0.mode", "INBOUND", "is not one of"),
    ("port out of range", "spec.match.0.ports.0.number", 70000, "is greater than the maximum"),
    ("sha256 upper case", "spec.sha256", "9F82A7C4F1E166D854CFDFE054A50DDE3604D25D1738A7CCD68C247C97BBD233", "does not match"),
    ("sha256 too short", "spec.sha256", "9f82a7c4f1e166d854cfdfe054a50dde3604d25d1738a7ccd68c247c97bbd23", "does not match"),
    ("sha256 differs from the url digest", "spec.sha256", "0" * 64, "must equal the @sha256: digest"),
    ("ftp url", "spec.url", "ftp://registry.example.com/llmtap.wasm", "url must have schema"),
    ("selector and targetRefs", "spec.targetRefs", [{"kind": "Gateway", "group": "gateway.networking.k8s.io", "name": "gw"}], "only one of targetRefs or selector"),
    ("wildcard label key", "spec.selector.matchLabels", {"app*": "x"}, "wildcard not allowed"),
    ("empty label key", "spec.selector.matchLabels", {"": "x"}, "key must not be empty"),
    ("cross-namespace targetRef", "spec.targetRef", {"kind": "Service", "name": "s", "namespace": "other"}, "cross namespace"),
    ("env value with valueFrom HOST", "spec.vmConfig", {"env": [{"name": "X", "valueFrom": "HOST", "value": "y"}]}, "value may only be set"),
    ("pluginConfig is an object, not a string", "spec.pluginConfig", "{\"provider_name\": \"vllm\"}", "is not of type 'object'"),
    ("duplicate port", "spec.match.0.ports", [{"number": 8000}, {"number": 8000}], "duplicate entry"),
    ("unknown imagePullPolicy", "spec.imagePullPolicy", "Never", "is not one of"),
    ("upper-case name", "metadata.name", "LLMTap", "DNS-1123"),
]


ENVOYFILTER_BREAKAGES = [
    ("applyTo typo", "spec.configPatches.0.applyTo", "HTTP_FILTERS", "is not one of"),
    ("operation typo", "spec.configPatches.0.patch.operation", "INSERT_SOMEWHERE", "is not one of"),
    ("context typo", "spec.configPatches.0.match.context", "INBOUND", "is not one of"),
    ("typo in match", "spec.configPatches.0.match.listner", {"portNumber": 1}, "'listner' was unexpected"),
    ("waypoint without WAYPOINT context", "spec.configPatches.0.match.waypoint", {"portNumber": 8000}, "only support waypointMatch"),
    ("workloadSelector and targetRefs", "spec.targetRefs", [{"kind": "Gateway", "group": "gateway.networking.k8s.io", "name": "gw"}], "only one of targetRefs or workloadSelector"),
    ("wildcard selector", "spec.workloadSelector.labels", {"app": "*"}, "wildcard is not supported"),
    ("no patch value", "spec.configPatches.0.patch", {"operation": "INSERT_BEFORE"}, "patch.value missing"),
]


# (manifest, label, dotted path, value set there, a part of the error it must cause)
BREAKAGES = [("wasmplugin.yaml", *b) for b in WASMPLUGIN_BREAKAGES] + [
    ("envoyfilter-wasm.yaml", *b) for b in ENVOYFILTER_BREAKAGES
]


@pytest.mark.parametrize("file,label,path,value,expect", BREAKAGES, ids=[f"{b[0]}:{b[1]}" for b in BREAKAGES])
def test_validator_rejects_broken_manifest(validator, file, label, path, value, expect):
    doc = _doc(file)
    _set(path)(doc, value)
    errors = validator.validate(doc).errors
    assert any(expect in e for e in errors), f"{file}: {label}: not caught; errors={errors}"


def test_validator_rejects_bootstrap_patch_other_than_merge(validator):
    doc = _doc("envoyfilter-stats.yaml")
    doc["spec"]["configPatches"][0]["patch"]["operation"] = "ADD"
    assert any("only support MERGE" in e for e in validator.validate(doc).errors)


TELEMETRY_BREAKAGES = [
    ("formatter typo", lambda d: d["spec"]["tracing"][0]["customTags"]["error.type"].__setitem__("formater", {"value": "x"}), "'formater' was unexpected"),
    ("formatter without value", lambda d: d["spec"]["tracing"][0]["customTags"]["error.type"].__setitem__("formatter", {}), "'value' is a required property"),
    ("two kinds in one tag", lambda d: d["spec"]["tracing"][0]["customTags"]["error.type"].__setitem__("literal", {"value": "x"}), "is valid under each of"),
    ("sampling above 100", lambda d: d["spec"]["tracing"][0].__setitem__("randomSamplingPercentage", 101), "is greater than the maximum"),
    ("provider without name", lambda d: d["spec"]["tracing"][0]["providers"][0].pop("name"), "'name' is a required property"),
]


@pytest.mark.parametrize("label,mutate,expect", TELEMETRY_BREAKAGES, ids=[b[0] for b in TELEMETRY_BREAKAGES])
def test_validator_rejects_broken_telemetry(validator, label, mutate, expect):
    doc = _doc("telemetry-otel.yaml", "Telemetry")
    mutate(doc)
    errors = validator.validate(doc).errors
    assert any(expect in e for e in errors), f"{label}: not caught; errors={errors}"


MESH_PROVIDER_BREAKAGES = [
    ("provider kind typo", lambda p: p.__setitem__("opentelemtry", p.pop("opentelemetry")), "unknown extension provider kind"),
    ("otel port out of range", lambda p: p["opentelemetry"].__setitem__("port", 70000), "must be 1..65535"),
    ("otel field typo", lambda p: p["opentelemetry"].__setitem__("servce", "x"), "unknown field"),
]


@pytest.mark.parametrize("label,mutate,expect", MESH_PROVIDER_BREAKAGES, ids=[b[0] for b in MESH_PROVIDER_BREAKAGES])
def test_validator_rejects_broken_mesh_extension_provider(validator, label, mutate, expect):
    doc = _doc("meshconfig-otel.yaml", "IstioOperator")
    mutate(doc["spec"]["meshConfig"]["extensionProviders"][0])
    errors = validator.validate(doc).errors
    assert any(expect in e for e in errors), f"{label}: not caught; errors={errors}"


def test_validator_rejects_json_log_with_text_and_labels(validator):
    doc = _doc("meshconfig-otel.yaml", "IstioOperator")
    doc["spec"]["meshConfig"]["extensionProviders"][1]["envoyFileAccessLog"]["logFormat"]["text"] = "x"
    assert any("exclusive" in e for e in validator.validate(doc).errors)


PROMRULE_BREAKAGES = [
    ("rule without expr", lambda d: d["spec"]["groups"][0]["rules"][0].pop("expr"), "'expr' is a required property"),
    ("for in words", lambda d: d["spec"]["groups"][3]["rules"][0].__setitem__("for", "10 minutes"), "does not match"),
    ("typo in rule", lambda d: d["spec"]["groups"][3]["rules"][0].__setitem__("anotations", {}), "'anotations' was unexpected"),
    ("group interval typo", lambda d: d["spec"]["groups"][0].__setitem__("interval", "1 minute"), "does not match"),
    ("duplicate group name", lambda d: d["spec"]["groups"].append(copy.deepcopy(d["spec"]["groups"][0])), "duplicate entry"),
]


@pytest.mark.parametrize("label,mutate,expect", PROMRULE_BREAKAGES, ids=[b[0] for b in PROMRULE_BREAKAGES])
def test_validator_rejects_broken_prometheusrule(validator, label, mutate, expect):
    doc = _doc("prometheusrule.yaml")
    mutate(doc)
    errors = validator.validate(doc).errors
    assert any(expect in e for e in errors), f"{label}: not caught; errors={errors}"


CORE_BREAKAGES = [
    ("ConfigMap data value not a string", "bootstrap-override.yaml", lambda d: d["data"].__setitem__("n", 3), "is not of type"),
    ("Deployment container field typo", "pod-annotations.yaml",
     lambda d: d["spec"]["template"]["spec"]["containers"][0].__setitem__("imagePullPolcy", "Always"), "imagePullPolcy"),
    ("annotation typo", "pod-annotations.yaml",
     lambda d: d["spec"]["template"]["metadata"]["annotations"].__setitem__("sidecar.istio.io/extraStatsTags", "x"), "typo?"),
    ("buckets annotation not JSON", "pod-annotations.yaml",
     lambda d: d["spec"]["template"]["metadata"]["annotations"].__setitem__("sidecar.istio.io/statsHistogramBuckets", "{wasmcustom.x: [1]}"), "not a JSON object"),
    ("proxy config typo", "pod-annotations.yaml",
     lambda d: d["spec"]["template"]["metadata"]["annotations"].__setitem__("proxy.istio.io/config", "extraStatTag: [a]"), "unknown ProxyConfig field"),
    ("mesh config typo", "meshconfig-stats.yaml",
     lambda d: d["spec"]["meshConfig"]["defaultConfig"].__setitem__("extraStatsTags", ["a"]), "unknown ProxyConfig field"),
]


@pytest.mark.parametrize("label,file,mutate,expect", CORE_BREAKAGES, ids=[b[0] for b in CORE_BREAKAGES])
def test_validator_rejects_broken_core_objects(validator, label, file, mutate, expect):
    doc = _doc(file)
    mutate(doc)
    errors = validator.validate(doc).errors
    assert any(expect in e for e in errors), f"{label}: not caught; errors={errors}"


def test_wasmplugin_recommendations():
    """The choices docs/deploy.md explains, pinned."""
    for file in ("wasmplugin.yaml", "wasmplugin-http.yaml"):
        spec = _doc(file)["spec"]
        assert spec["failStrategy"] == "FAIL_OPEN"
        assert spec["phase"] == "STATS"
        assert spec["imagePullPolicy"] in ("IfNotPresent", "Always")
        assert spec["match"] and all(m["mode"] in ("SERVER", "CLIENT_AND_SERVER") and m.get("ports") for m in spec["match"])
        assert spec["selector"]["matchLabels"]
        assert len(spec["sha256"]) == 64
    oci = _doc("wasmplugin.yaml")["spec"]
    assert oci["url"].startswith("oci://") and oci["url"].endswith("@sha256:" + oci["sha256"])
    assert _doc("wasmplugin-http.yaml")["spec"]["url"].startswith("http://")
    text = (ISTIO / "wasmplugin.yaml").read_text()
    for word in ("FAIL_CLOSE", "FAIL_RELOAD", "503"):
        assert word in text, f"the failStrategy comment should discuss {word}"


def test_envoyfilters_insert_before_the_router():
    for doc in load_docs(ISTIO / "envoyfilter-wasm.yaml"):
        for patch in doc["spec"]["configPatches"]:
            assert patch["applyTo"] == "HTTP_FILTER"
            assert patch["match"]["context"] in ("SIDECAR_INBOUND", "SIDECAR_OUTBOUND")
            assert patch["patch"]["operation"] == "INSERT_BEFORE"
            sub = patch["match"]["listener"]["filterChain"]["filter"]["subFilter"]["name"]
            assert sub == "envoy.filters.http.router"
            cfg = patch["patch"]["value"]["typed_config"]["config"]
            assert cfg["configuration"]["@type"] == "type.googleapis.com/google.protobuf.StringValue"
            assert cfg["vm_config"]["runtime"] == "envoy.wasm.runtime.v8"
            assert cfg["failure_policy"] == "FAIL_OPEN"
            assert cfg["vm_config"]["code"]["local"]["filename"].startswith("/var/local/lib/wasm/")


def test_inbound_envoyfilter_and_wasmplugin_configure_the_filter_alike():
    import json

    plugin = _doc("wasmplugin.yaml")["spec"]["pluginConfig"]
    assert _doc("wasmplugin-http.yaml")["spec"]["pluginConfig"] == plugin
    inbound = _doc("envoyfilter-wasm.yaml")
    value = inbound["spec"]["configPatches"][0]["patch"]["value"]["typed_config"]["config"]["configuration"]["value"]
    assert json.loads(value) == plugin
    assert yaml.safe_load((ISTIO.parent / "envoy/examples/envoy.yaml").read_text())  # parses
