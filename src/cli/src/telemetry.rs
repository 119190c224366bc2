//! OpenTelemetry export and the JSON access log in the rendered bootstrap
//! (`llmtap run --otlp-endpoint URL --access-log PATH`, docs/opentelemetry.md).
//!
//! - Spans: Envoy's OpenTelemetry tracer on the listener, with one custom tag per llmtap
//!   attribute; each tag reads the filter state the filter writes
//!   (`%FILTER_STATE(wasm.llmtap.…:PLAIN)%`, typed with `value_type`).
//! - Metrics: Envoy's OpenTelemetry stat sink, exporting only the filter's stats
//!   (`wasmcustom.*`), renamed to the GenAI conventions' names where one exists.
//! - Access log: one JSON object per request with the same fields as the span.

use crate::template::yaml_string;
use crate::upstream::{Scheme, Upstream};
use llmtap_core::metrics::catalogue::{self as m, MetricDef};
use llmtap_core::stream::attributes::key;
use std::fmt::Write as _;

/// The Envoy cluster that carries OTLP/gRPC to the collector.
pub const OTLP_CLUSTER: &str = "llmtap_otlp";

/// How Envoy types a custom tag's value on the span (`CustomTag.ValueType`, Envoy 1.40).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    String,
    Int,
    Double,
    Bool,
}

impl ValueType {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::String => "STRING",
            ValueType::Int => "INT",
            ValueType::Double => "DOUBLE",
            ValueType::Bool => "BOOL",
        }
    }
}

/// One span attribute: its name, the filter-state key it reads, its type.
#[derive(Debug, Clone, Copy)]
pub struct SpanTag {
    pub tag: &'static str,
    pub filter_state: &'static str,
    pub value_type: ValueType,
}

const fn tag(tag: &'static str, filter_state: &'static str, value_type: ValueType) -> SpanTag {
    SpanTag {
        tag,
        filter_state,
        value_type,
    }
}

/// Every per-request value llmtap knows, as span attributes (GenAI names where one exists).
pub const SPAN_TAGS: &[SpanTag] = &[
    tag("gen_ai.provider.name", key::PROVIDER, ValueType::String),
    tag("gen_ai.operation.name", key::OPERATION, ValueType::String),
    tag(
        "gen_ai.request.model",
        key::REQUEST_MODEL,
        ValueType::String,
    ),
    tag(
        "gen_ai.response.model",
        key::RESPONSE_MODEL,
        ValueType::String,
    ),
    tag(
        "gen_ai.request.stream",
        key::REQUEST_STREAM,
        ValueType::Bool,
    ),
    tag(
        "gen_ai.usage.input_tokens",
        key::INPUT_TOKENS,
        ValueType::Int,
    ),
    tag(
        "gen_ai.usage.output_tokens",
        key::OUTPUT_TOKENS,
        ValueType::Int,
    ),
    tag(
        "gen_ai.usage.cache_read.input_tokens",
        key::CACHE_READ_INPUT_TOKENS,
        ValueType::Int,
    ),
    tag(
        "gen_ai.usage.reasoning.output_tokens",
        key::REASONING_OUTPUT_TOKENS,
        ValueType::Int,
    ),
    tag(
        "gen_ai.response.finish_reasons",
        key::FINISH_REASONS,
        ValueType::String,
    ),
    tag(
        "gen_ai.response.time_to_first_chunk",
        key::TIME_TO_FIRST_CHUNK,
        ValueType::Double,
    ),
    tag("error.type", key::ERROR_TYPE, ValueType::String),
    tag("llmtap.outcome", key::OUTCOME, ValueType::String),
    tag("llmtap.token_source", key::TOKEN_SOURCE, ValueType::String),
    tag("llmtap.refusal", key::REFUSED, ValueType::Bool),
    tag(
        "llmtap.refusal_source",
        key::REFUSAL_SOURCE,
        ValueType::String,
    ),
    tag("llmtap.cost_usd", key::COST_USD, ValueType::Double),
    tag(
        "llmtap.time_per_output_chunk",
        key::TIME_PER_OUTPUT_CHUNK,
        ValueType::Double,
    ),
];

/// A filter metric exported under another name: the GenAI conventions' metric, with static
/// attributes for what the name no longer says.
#[derive(Debug, Clone, Copy)]
pub struct Rename {
    pub metric: &'static MetricDef,
    pub otel_name: &'static str,
    /// Static attributes added to every point (`(key, value)`).
    pub attributes: &'static [(&'static str, &'static str)],
}

/// Metrics whose GenAI counterpart exists. Envoy histograms hold integers, so the unit stays
/// the filter's (ms or µs, in the `llmtap.unit` attribute); the conventions use seconds.
pub const RENAMES: &[Rename] = &[
    Rename {
        metric: &m::TIME_TO_FIRST_TOKEN_MS,
        otel_name: "gen_ai.client.operation.time_to_first_chunk",
        attributes: &[("llmtap.unit", "ms")],
    },
    Rename {
        metric: &m::INTER_CHUNK_GAP_US,
        otel_name: "gen_ai.client.operation.time_per_output_chunk",
        attributes: &[("llmtap.unit", "us")],
    },
    Rename {
        metric: &m::REQUEST_DURATION_MS,
        otel_name: "gen_ai.client.operation.duration",
        attributes: &[("llmtap.unit", "ms")],
    },
    Rename {
        metric: &m::PROMPT_TOKENS,
        otel_name: "gen_ai.client.token.usage",
        attributes: &[("gen_ai.token.type", "input")],
    },
    Rename {
        metric: &m::OUTPUT_TOKENS,
        otel_name: "gen_ai.client.token.usage",
        attributes: &[("gen_ai.token.type", "output")],
    },
];

/// The exported name of a catalogue metric: its GenAI name, else its Prometheus name.
pub fn otel_name(def: &MetricDef) -> &'static str {
    RENAMES
        .iter()
        .find(|r| r.metric.name == def.name)
        .map_or(def.name, |r| r.otel_name)
}

/// What `--otlp-endpoint` and `--access-log` switch on.
#[derive(Debug, Clone, Copy, Default)]
pub struct Telemetry<'a> {
    /// OTLP/gRPC collector (`http://` = h2c, `https://` = TLS).
    pub otlp: Option<&'a Upstream>,
    /// File the JSON access log is written to (`/dev/stdout` works).
    pub access_log: Option<&'a str>,
}

/// The template values: `hcm_telemetry` (tracing and access log, in the
/// HttpConnectionManager), `stats_sinks` (top level) and `telemetry_clusters`.
/// `tls` renders the transport socket of an `https://` endpoint.
pub fn values(t: &Telemetry<'_>, tls: impl Fn(&Upstream) -> String) -> [(&'static str, String); 3] {
    let mut hcm = String::new();
    let mut sinks = String::new();
    let mut clusters = String::new();
    if let Some(endpoint) = t.otlp {
        hcm.push_str(&tracing());
        sinks.push_str(&stats_sink());
        clusters.push_str(&otlp_cluster(endpoint, &tls(endpoint)));
    }
    if let Some(path) = t.access_log {
        hcm.push_str(&access_log(path));
    }
    [
        ("hcm_telemetry", hcm),
        ("stats_sinks", sinks),
        ("telemetry_clusters", clusters),
    ]
}

/// `%FILTER_STATE(wasm.<key>:PLAIN)%`.
pub fn filter_state(key: &str) -> String {
    format!("%FILTER_STATE(wasm.{key}:PLAIN)%")
}

fn grpc_service() -> String {
    format!("grpc_service:\n  envoy_grpc: {{ cluster_name: {OTLP_CLUSTER} }}\n  timeout: 5s\n")
}

fn indent(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.lines().fold(String::new(), |mut out, line| {
        let _ = writeln!(out, "{pad}{line}");
        out
    })
}

/// HCM `tracing`: every request sampled, one span per request, custom tags from filter state.
fn tracing() -> String {
    let mut out = String::from(
        "# Spans (docs/opentelemetry.md): one per request, tagged from the filter's state.\n\
         tracing:\n  random_sampling: { value: 100 }\n  spawn_upstream_span: false\n  provider:\n    \
         name: envoy.tracers.opentelemetry\n    typed_config:\n      \
         \"@type\": type.googleapis.com/envoy.config.trace.v3.OpenTelemetryConfig\n      \
         service_name: llmtap\n",
    );
    out.push_str(&indent(&grpc_service(), 6));
    out.push_str("  custom_tags:\n");
    for t in SPAN_TAGS {
        let _ = writeln!(
            out,
            "  - {{ tag: {}, value: {}, value_type: {} }}",
            yaml_string(t.tag),
            yaml_string(&filter_state(t.filter_state)),
            t.value_type.as_str()
        );
    }
    out
}

/// The JSON access log: the span's attributes plus the request's own fields.
fn access_log(path: &str) -> String {
    let mut out = format!(
        "# One JSON object per request (docs/opentelemetry.md).\naccess_log:\n- name: envoy.access_loggers.file\n  typed_config:\n    \
         \"@type\": type.googleapis.com/envoy.extensions.access_loggers.file.v3.FileAccessLog\n    \
         path: {}\n    log_format:\n      json_format:\n",
        yaml_string(path)
    );
    for (field, value) in access_log_fields() {
        let _ = writeln!(
            out,
            "        {}: {}",
            yaml_string(&field),
            yaml_string(&value)
        );
    }
    out
}

/// The JSON access log's fields, `(name, format)`: Envoy's request fields, then every span tag.
pub fn access_log_fields() -> Vec<(String, String)> {
    let envoy = [
        ("start_time", "%START_TIME%"),
        ("method", "%REQ(:METHOD)%"),
        ("path", "%REQ(:PATH)%"),
        ("response_code", "%RESPONSE_CODE%"),
        ("response_code_details", "%RESPONSE_CODE_DETAILS%"),
        ("response_flags", "%RESPONSE_FLAGS%"),
        ("duration_ms", "%DURATION%"),
        ("request_id", "%REQ(X-REQUEST-ID)%"),
        ("trace_id", "%TRACE_ID%"),
    ];
    envoy
        .iter()
        .map(|(f, v)| ((*f).to_owned(), (*v).to_owned()))
        .chain(
            SPAN_TAGS
                .iter()
                .map(|t| (t.tag.to_owned(), filter_state(t.filter_state))),
        )
        .collect()
}

/// The OpenTelemetry stat sink: labels as attributes, the filter's metrics only, GenAI names.
fn stats_sink() -> String {
    let input = "input:\n  name: stat_full_name\n  typed_config:\n    \
                 \"@type\": type.googleapis.com/envoy.extensions.matching.common_inputs.stats.v3.StatFullNameMatchInput\n";
    let conversion = "type.googleapis.com/envoy.extensions.stat_sinks.open_telemetry.v3.SinkConfig.ConversionAction";
    let mut matchers = String::new();
    // Envoy matches a regex against the whole name (RE2 full match): the stat's full name is
    // `wasmcustom.<name>` plus the label encoding (`.key=.=value;.;…`).
    for def in m::CATALOGUE {
        let rename = RENAMES.iter().find(|r| r.metric.name == def.name);
        let _ = write!(
            matchers,
            "- predicate:\n    single_predicate:\n{}      value_match: {{ safe_regex: {{ google_re2: {{}}, regex: {} }} }}\n  \
             on_match:\n    action:\n      name: rename\n      typed_config:\n        \"@type\": {conversion}\n        \
             metric_name: {}\n",
            indent(input, 6),
            yaml_string(&format!(r"^wasmcustom\.{}(\..*)?$", def.name)),
            yaml_string(otel_name(def)),
        );
        if let Some(rename) = rename {
            matchers.push_str("        static_metric_labels:\n");
            for (k, v) in rename.attributes {
                let _ = writeln!(
                    matchers,
                    "        - {{ key: {}, value: {{ string_value: {} }} }}",
                    yaml_string(k),
                    yaml_string(v)
                );
            }
        }
    }
    let mut out = String::from(
        "# Metrics over OTLP (docs/metrics.md, \"OpenTelemetry names\"): the filter's stats only.\n\
         stats_sinks:\n- name: envoy.stat_sinks.open_telemetry\n  typed_config:\n    \
         \"@type\": type.googleapis.com/envoy.extensions.stat_sinks.open_telemetry.v3.SinkConfig\n",
    );
    out.push_str(&indent(&grpc_service(), 4));
    out.push_str(
        "    emit_tags_as_attributes: true\n    use_tag_extracted_name: true\n    \
         custom_metric_conversions:\n      matcher_list:\n        matchers:\n",
    );
    out.push_str(&indent(&matchers, 8));
    // Everything else Envoy counts is dropped (it stays on /stats/prometheus).
    let _ = write!(
        out,
        "      on_no_match:\n        action:\n          name: drop\n          typed_config:\n            \
         \"@type\": type.googleapis.com/envoy.extensions.stat_sinks.open_telemetry.v3.SinkConfig.DropAction\n"
    );
    out
}

/// The collector's cluster: HTTP/2 (gRPC), STATIC for an IP, STRICT_DNS for a name.
fn otlp_cluster(endpoint: &Upstream, tls: &str) -> String {
    let kind = if endpoint.ip().is_some() {
        "STATIC"
    } else {
        "STRICT_DNS"
    };
    let mut out = format!(
        "- name: {OTLP_CLUSTER}\n  type: {kind}\n  connect_timeout: 5s\n  \
         typed_extension_protocol_options:\n    envoy.extensions.upstreams.http.v3.HttpProtocolOptions:\n      \
         \"@type\": type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions\n      \
         explicit_http_config: {{ http2_protocol_options: {{}} }}\n  load_assignment:\n    \
         cluster_name: {OTLP_CLUSTER}\n    endpoints:\n    - lb_endpoints:\n      - endpoint:\n          \
         address:\n            socket_address: {{ address: {}, port_value: {} }}\n",
        yaml_string(&endpoint.host),
        endpoint.port
    );
    if endpoint.scheme == Scheme::Https {
        out.push_str(&indent(tls, 2));
    }
    out
}

/// Parses `--otlp-endpoint`: `http(s)://HOST:PORT`, no path (OTLP/gRPC has fixed paths).
pub fn parse_otlp_endpoint(raw: &str) -> Result<Upstream, String> {
    let endpoint = crate::upstream::parse_upstream(raw)?;
    if endpoint.path_prefix.is_some() {
        return Err("an OTLP/gRPC endpoint has no path: use http(s)://HOST:PORT".to_owned());
    }
    Ok(endpoint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rename_is_a_catalogue_metric_and_names_are_unique_per_metric() {
        for r in RENAMES {
            assert!(m::CATALOGUE.iter().any(|d| d.name == r.metric.name));
        }
        let names: std::collections::BTreeSet<_> = SPAN_TAGS.iter().map(|t| t.tag).collect();
        assert_eq!(names.len(), SPAN_TAGS.len());
    }

    #[test]
    fn endpoint_without_path_only() {
        assert!(parse_otlp_endpoint("http://127.0.0.1:4317").is_ok());
        assert!(parse_otlp_endpoint("http://collector:4317/v1/traces").is_err());
    }

    #[test]
    fn nothing_rendered_when_off() {
        let values = values(&Telemetry::default(), |_| String::new());
        assert!(values.iter().all(|(_, v)| v.is_empty()));
    }
}
