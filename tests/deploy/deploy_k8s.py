"""Offline Kubernetes validation: CRD schemas as strict JSON Schema, CEL rules, core kinds.

- CRD openAPIV3Schema -> JSON Schema draft 7, strict like `kubectl apply --validate=strict`:
  every object that lists `properties` gets `additionalProperties: false` unless it carries
  `x-kubernetes-preserve-unknown-fields` (otherwise the API server silently prunes a typo such
  as `priorty:` and the setting is lost). int-or-string, nullable, list-type map/set keys are
  honoured.
- `x-kubernetes-validations` (CEL) are not JSON Schema: the rules the Istio CRDs use are
  implemented below as Python checks, keyed by their exact text. A rule met in a schema that has
  no implementation is reported as "not evaluated" (and the tests fail on it, so a CRD update
  cannot silently skip checks).
- Checks istiod's validating webhook does beyond the CRD: WasmPlugin `sha256` must equal the
  `@sha256:` digest of an oci:// url.
- Core kinds (ConfigMap, Deployment): PyPI kubernetes-validate, strict.
"""

from __future__ import annotations

import copy
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

DNS1123_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
DNS1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")


# --- CEL rules ---------------------------------------------------------------------------------

def _has(obj, key) -> bool:
    return isinstance(obj, dict) and key in obj


def _url_rule(value: str) -> bool:
    """isURL(self) ? scheme in [...] : isURL("http://" + self) && scheme in [...]"""
    allowed = {"", "http", "https", "oci", "file"}

    def is_url(s: str) -> bool:  # Go url.ParseRequestURI: absolute URI or absolute path
        if s.startswith("/"):
            return True
        parsed = urllib.parse.urlsplit(s)
        return bool(parsed.scheme) and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", parsed.scheme) is not None

    if is_url(value):
        return urllib.parse.urlsplit(value).scheme.lower() in allowed
    candidate = "http://" + value
    return is_url(candidate) and " " not in value


CEL_RULES = {
    # WasmPlugin
    '(has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1':
        lambda s: sum(_has(s, k) for k in ("selector", "targetRef", "targetRefs")) <= 1,
    'self.all(key, !key.contains("*"))': lambda s: all("*" not in k for k in s),
    'self.all(key, key.size() != 0)': lambda s: all(len(k) != 0 for k in s),
    '!self.contains("*")': lambda s: "*" not in s,
    'self.size() == 0': lambda s: len(s) == 0,
    'isURL(self) ? (url(self).getScheme() in ["", "http", "https", "oci", "file"]) : (isURL("http://" + self) &&\nurl("http://" + self).getScheme() in ["", "http", "https", "oci", "file"])':
        _url_rule,
    '(has(self.valueFrom) ? self.valueFrom : "") != "HOST" || !has(self.value)':
        lambda s: s.get("valueFrom", "") != "HOST" or "value" not in s,
    # EnvoyFilter
    '(has(self.workloadSelector) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1':
        lambda s: sum(_has(s, k) for k in ("workloadSelector", "targetRefs")) <= 1,
    'has(self.context) ? ((self.context == "WAYPOINT") ? has(self.waypoint) : !has(self.waypoint)) : !has(self.waypoint)':
        lambda s: (("waypoint" in s) if s.get("context") == "WAYPOINT" else ("waypoint" not in s)),
    '0 < self && self <= 65535': lambda s: 0 < s <= 65535,
    # Telemetry (istio/telemetry-otel.yaml): tag overrides and reporting durations
    '((has(self.operation) ? self.operation : "") == "UPSERT") ? (self.value != "") : true':
        lambda s: s["value"] != "" if s.get("operation", "") == "UPSERT" else True,
    '((has(self.operation) ? self.operation : "") == "REMOVE") ? !has(self.value) : true':
        lambda s: "value" not in s if s.get("operation", "") == "REMOVE" else True,
    "duration(self) >= duration('1ms')": lambda s: _go_duration_seconds(s) >= 0.001,
}


def _go_duration_seconds(text: str) -> float:
    """CEL `duration()` (Go `time.ParseDuration`): `1h2m3.5s`, `250ms`; raises on bad input."""
    units = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 1e-3, "us": 1e-6, "µs": 1e-6, "ns": 1e-9}
    parts = re.findall(r"(\d+(?:\.\d*)?|\.\d+)(h|ms|us|µs|ns|m|s)", text)
    if not parts or "".join(n + u for n, u in parts) != text.lstrip("+"):
        raise ValueError(f"not a duration: {text!r}")
    return sum(float(n) * units[u] for n, u in parts)


# --- schema conversion ----------------------------------------------------------------------

SCHEMA_KEYS = {
    "type", "properties", "additionalProperties", "items", "required", "enum", "pattern",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
    "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "oneOf", "anyOf",
    "allOf", "not", "description", "default", "format",
}


def to_strict_draft7(node: dict) -> dict:
    """Converts one structural-schema node (recursively)."""
    if not isinstance(node, dict):
        return node
    out: dict = {}
    for key, value in node.items():
        if key in ("properties",):
            out[key] = {k: to_strict_draft7(v) for k, v in value.items()}
        elif key in ("items", "not"):
            out[key] = to_strict_draft7(value)
        elif key == "additionalProperties":
            out[key] = to_strict_draft7(value) if isinstance(value, dict) else value
        elif key in ("oneOf", "anyOf", "allOf"):
            out[key] = [to_strict_draft7(v) for v in value]
        elif key == "format":
            continue  # int32/int64/date-time: informational here
        elif key in SCHEMA_KEYS:
            out[key] = copy.deepcopy(value)
    if node.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        out = {"anyOf": [{"type": "integer"}, {"type": "string"}], **{k: v for k, v in out.items() if k != "anyOf"}}
    if node.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    preserve = node.get("x-kubernetes-preserve-unknown-fields")
    if out.get("type") == "object" and "properties" in out and "additionalProperties" not in out and not preserve:
        out["additionalProperties"] = False
    return out


@dataclass
class Crd:
    group: str
    kind: str
    versions: dict  # version -> openAPIV3Schema (raw)
    strict: dict = field(default_factory=dict)  # version -> converted


def load_crds(*paths: Path) -> dict[tuple[str, str], Crd]:
    """(apiVersion, kind) -> Crd, for served versions."""
    index: dict[tuple[str, str], Crd] = {}
    for path in paths:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        for doc in yaml.load_all(path.read_text(), Loader=loader):
            if not doc or doc.get("kind") != "CustomResourceDefinition":
                continue
            spec = doc["spec"]
            for version in spec["versions"]:
                if not version.get("served", True):
                    continue
                raw = version["schema"]["openAPIV3Schema"]
                crd = Crd(spec["group"], spec["names"]["kind"], {version["name"]: raw})
                strict = to_strict_draft7(raw)
                # Every object has these, whether or not the CRD lists them.
                strict.setdefault("properties", {})
                strict["properties"].setdefault("apiVersion", {"type": "string"})
                strict["properties"].setdefault("kind", {"type": "string"})
                strict["properties"].setdefault("metadata", {"type": "object"})
                strict["type"] = "object"
                strict["additionalProperties"] = False
                crd.strict[version["name"]] = strict
                index[(f'{spec["group"]}/{version["name"]}', spec["names"]["kind"])] = crd
    return index


# --- walking the document with the schema (CEL rules, list types) ----------------------------

@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    not_evaluated: set[str] = field(default_factory=set)
    evaluated: set[str] = field(default_factory=set)


def _walk(schema: dict, value, path: str, report: Report) -> None:
    if not isinstance(schema, dict):
        return
    for rule in schema.get("x-kubernetes-validations", []):
        text = rule["rule"]
        check = CEL_RULES.get(text)
        if check is None:
            report.not_evaluated.add(text)
            continue
        report.evaluated.add(text)
        try:
            ok = check(value)
        except Exception as exc:  # a type error in a rule = invalid input
            ok = False
            text = f"{text} ({exc})"
        if not ok:
            report.errors.append(f"{path or '/'}: {rule.get('message', text)} [CEL: {text}]")
    list_type = schema.get("x-kubernetes-list-type")
    if isinstance(value, list) and list_type in ("map", "set"):
        keys = schema.get("x-kubernetes-list-map-keys", [])
        seen = set()
        for i, item in enumerate(value):
            key = tuple(item.get(k) for k in keys) if list_type == "map" else yaml.safe_dump(item)
            if key in seen:
                report.errors.append(f"{path}[{i}]: duplicate entry {key} (x-kubernetes-list-type: {list_type})")
            seen.add(key)
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for k, v in value.items():
            if k in props:
                _walk(props[k], v, f"{path}/{k}", report)
            elif isinstance(schema.get("additionalProperties"), dict):
                _walk(schema["additionalProperties"], v, f"{path}/{k}", report)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            _walk(schema["items"], item, f"{path}[{i}]", report)


def collect_rules(schema: dict) -> set[str]:
    found: set[str] = set()

    def rec(node):
        if isinstance(node, dict):
            for rule in node.get("x-kubernetes-validations", []):
                found.add(rule["rule"])
            for v in node.values():
                rec(v)
        elif isinstance(node, list):
            for v in node:
                rec(v)

    rec(schema)
    return found


# --- webhook-level checks ---------------------------------------------------------------------

def istio_webhook_checks(doc: dict) -> list[str]:
    errors = []
    if doc.get("kind") == "WasmPlugin":
        spec = doc.get("spec", {})
        url, sha = spec.get("url", ""), spec.get("sha256", "")
        match = re.search(r"@sha256:([a-f0-9]{64})$", url)
        if match and sha and sha != match.group(1):
            errors.append("spec.sha256 must equal the @sha256: digest in spec.url")
        if url.startswith(("http://", "https://")) and not sha:
            errors.append("spec.sha256 is required for http(s) urls in this project (integrity)")
    if doc.get("kind") == "EnvoyFilter":
        for i, patch in enumerate(doc.get("spec", {}).get("configPatches", [])):
            op = patch.get("patch", {}).get("operation")
            if op not in ("REMOVE",) and "value" not in patch.get("patch", {}):
                errors.append(f"spec.configPatches[{i}].patch.value missing for {op}")
            if patch.get("applyTo") == "BOOTSTRAP" and op != "MERGE":
                errors.append(f"spec.configPatches[{i}]: BOOTSTRAP patches only support MERGE")
    return errors


# --- entry point --------------------------------------------------------------------------------

def _metadata_errors(doc: dict) -> list[str]:
    meta = doc.get("metadata")
    if not isinstance(meta, dict) or "name" not in meta:
        return ["metadata.name is required"]
    errors = []
    name = meta["name"]
    if not (isinstance(name, str) and len(name) <= 253 and DNS1123_SUBDOMAIN.match(name)):
        errors.append(f"metadata.name {name!r} is not a DNS-1123 subdomain")
    ns = meta.get("namespace")
    if ns is not None and not (isinstance(ns, str) and len(ns) <= 63 and DNS1123_LABEL.match(ns)):
        errors.append(f"metadata.namespace {ns!r} is not a DNS-1123 label")
    unknown = set(meta) - {"name", "namespace", "labels", "annotations", "generateName"}
    if unknown:
        errors.append(f"metadata has unexpected fields {sorted(unknown)}")
    for key in ("labels", "annotations"):
        if key in meta and not all(isinstance(v, str) for v in (meta[key] or {}).values()):
            errors.append(f"metadata.{key} values must be strings")
    return errors


# ProxyConfig fields (istio/api mesh/v1alpha1/proxy.proto, JSON names) for the IstioOperator
# overlay: the IstioOperator CRD is schema-less, so this is the check its meshConfig gets.
PROXY_CONFIG_FIELDS = {
    "configPath", "binaryPath", "serviceCluster", "tracingServiceName", "drainDuration",
    "parentShutdownDuration", "discoveryAddress", "discoveryRefreshDelay", "zipkinAddress",
    "statsdUdpAddress", "envoyMetricsServiceAddress", "proxyAdminPort", "availabilityZone",
    "controlPlaneAuthPolicy", "customConfigFile", "statNameLength", "concurrency",
    "proxyBootstrapTemplatePath", "interceptionMode", "tracing", "sds", "envoyAccessLogService",
    "envoyMetricsService", "proxyMetadata", "runtimeValues", "statusPort", "extraStatTags",
    "gatewayTopology", "terminationDrainDuration", "meshId", "readinessProbe",
    "proxyStatsMatcher", "holdApplicationUntilProxyStarts", "caCertificatesPem", "image",
    "privateKeyProvider", "proxyHeaders", "fileFlushInterval", "fileFlushMinSizeKb",
}
PROXY_STATS_MATCHER_FIELDS = {"inclusionPrefixes", "inclusionSuffixes", "inclusionRegexps"}


def proxy_config_errors(cfg: dict, where: str) -> list[str]:
    errors = []
    if not isinstance(cfg, dict):
        return [f"{where} must be an object"]
    for k in set(cfg) - PROXY_CONFIG_FIELDS:
        errors.append(f"{where}.{k}: unknown ProxyConfig field")
    if "extraStatTags" in cfg and not all(isinstance(t, str) and t for t in cfg["extraStatTags"]):
        errors.append(f"{where}.extraStatTags must be non-empty strings")
    matcher = cfg.get("proxyStatsMatcher", {})
    for k in set(matcher) - PROXY_STATS_MATCHER_FIELDS:
        errors.append(f"{where}.proxyStatsMatcher.{k}: unknown field")
    for k, v in matcher.items():
        if not (isinstance(v, list) and all(isinstance(x, str) for x in v)):
            errors.append(f"{where}.proxyStatsMatcher.{k} must be a list of strings")
        if k == "inclusionRegexps":
            for x in v:
                try:
                    re.compile(x)
                except re.error as exc:
                    errors.append(f"{where}.proxyStatsMatcher.inclusionRegexps {x!r}: {exc}")
    return errors


def istio_operator_errors(doc: dict) -> list[str]:
    errors = []
    spec = doc.get("spec", {})
    for k in set(spec) - {"meshConfig", "values", "components", "profile", "hub", "tag", "revision", "namespace"}:
        errors.append(f"spec.{k}: unknown IstioOperator field")
    mesh = spec.get("meshConfig", {})
    if "defaultConfig" in mesh:
        errors += proxy_config_errors(mesh["defaultConfig"], "spec.meshConfig.defaultConfig")
    for i, provider in enumerate(mesh.get("extensionProviders", [])):
        errors += extension_provider_errors(provider, f"spec.meshConfig.extensionProviders.{i}")
    return errors


# istio/api mesh/v1alpha1/config.proto (1.30), MeshConfig.ExtensionProvider: the kinds and, for
# the two llmtap uses, their fields.
EXTENSION_PROVIDER_KINDS = {
    "envoyExtAuthzHttp", "envoyExtAuthzGrpc", "zipkin", "lightstep", "datadog", "stackdriver",
    "opencensus", "skywalking", "opentelemetry", "prometheus", "envoyFileAccessLog", "envoyHttpAls",
    "envoyTcpAls", "envoyOtelAls", "sds",
}
PROVIDER_FIELDS = {
    "opentelemetry": {"service", "port", "maxTagLength", "http", "grpc", "resourceDetectors", "dynatraceSampler"},
    "envoyFileAccessLog": {"path", "logFormat"},
}


def extension_provider_errors(provider: dict, where: str) -> list[str]:
    errors = []
    if not (isinstance(provider.get("name"), str) and provider["name"]):
        errors.append(f"{where}.name: required")
    kinds = set(provider) - {"name"}
    for k in kinds - EXTENSION_PROVIDER_KINDS:
        errors.append(f"{where}.{k}: unknown extension provider kind")
    if len(kinds) != 1:
        errors.append(f"{where}: exactly one provider kind, got {sorted(kinds)}")
    for kind in kinds & set(PROVIDER_FIELDS):
        body = provider[kind]
        for k in set(body) - PROVIDER_FIELDS[kind]:
            errors.append(f"{where}.{kind}.{k}: unknown field")
        if kind == "opentelemetry":
            if not body.get("service"):
                errors.append(f"{where}.opentelemetry.service: required")
            if not (isinstance(body.get("port"), int) and 0 < body["port"] <= 65535):
                errors.append(f"{where}.opentelemetry.port: must be 1..65535")
        if kind == "envoyFileAccessLog":
            fmt = body.get("logFormat", {})
            for k in set(fmt) - {"text", "labels", "omitEmptyValues"}:
                errors.append(f"{where}.envoyFileAccessLog.logFormat.{k}: unknown field")
            if "text" in fmt and "labels" in fmt:
                errors.append(f"{where}.envoyFileAccessLog.logFormat: text and labels are exclusive")
    return errors


class Validator:
    def __init__(self, *crd_paths: Path) -> None:
        self.crds = load_crds(*crd_paths)

    def validate(self, doc: dict) -> Report:
        report = Report()
        if not isinstance(doc, dict):
            report.errors.append("document is not a mapping")
            return report
        api, kind = doc.get("apiVersion"), doc.get("kind")
        report.errors += _metadata_errors(doc)
        crd = self.crds.get((api, kind))
        if crd is not None:
            version = api.split("/")[1]
            schema = crd.strict[version]
            body = {k: v for k, v in doc.items() if k != "metadata"}
            body["metadata"] = {}
            for err in sorted(
                jsonschema.Draft7Validator(schema).iter_errors(body), key=lambda e: list(e.path)
            ):
                where = "/".join(str(p) for p in err.path)
                report.errors.append(f"{where or '/'}: {err.message}")
            _walk(crd.versions[version], doc, "", report)
            report.errors += istio_webhook_checks(doc)
        elif (api, kind) == ("install.istio.io/v1alpha1", "IstioOperator"):
            report.errors += istio_operator_errors(doc)
        elif api in ("v1", "apps/v1"):
            import kubernetes_validate

            try:
                kubernetes_validate.validate(doc, kubernetes_validate.latest_version(), strict=True)
            except Exception as exc:  # ValidationError and friends
                report.errors.append(str(exc).splitlines()[0])
            report.errors += pod_annotation_errors(doc)
        else:
            report.errors.append(f"no schema for {api} {kind}")
        return report


def pod_annotation_errors(doc: dict) -> list[str]:
    """Checks the Istio annotations on a workload's pod template."""
    import json

    errors = []
    tmpl = doc.get("spec", {}).get("template", {}).get("metadata", {})
    ann = tmpl.get("annotations", {}) or {}
    known = {
        "sidecar.istio.io/extraStatTags", "sidecar.istio.io/statsHistogramBuckets",
        "proxy.istio.io/config", "sidecar.istio.io/bootstrapOverride",
        "sidecar.istio.io/userVolume", "sidecar.istio.io/userVolumeMount",
    }
    for key in ann:
        if (key.startswith("sidecar.istio.io/") or key.startswith("proxy.istio.io/")) and key not in known:
            errors.append(f"annotation {key}: not an Istio annotation this project uses (typo?)")
    if "sidecar.istio.io/statsHistogramBuckets" in ann:
        try:
            buckets = json.loads(ann["sidecar.istio.io/statsHistogramBuckets"])
            if not all(isinstance(v, list) and all(isinstance(b, (int, float)) and b > 0 for b in v) for v in buckets.values()):
                errors.append("statsHistogramBuckets: values must be lists of positive numbers")
        except (ValueError, AttributeError) as exc:
            # pilot-agent only logs a warning and drops the annotation: treat as an error.
            errors.append(f"statsHistogramBuckets is not a JSON object of lists: {exc}")
    if "proxy.istio.io/config" in ann:
        try:
            cfg = yaml.safe_load(ann["proxy.istio.io/config"])
            errors += proxy_config_errors(cfg, "proxy.istio.io/config")
        except yaml.YAMLError as exc:
            errors.append(f"proxy.istio.io/config is not YAML: {exc}")
    return errors
