//! Renders the Envoy bootstrap (`envoy/llmtap-bootstrap.yaml.tmpl`, embedded in the binary)
//! for `llmtap run` and `llmtap demo`.

use crate::template::{self, yaml_string, TemplateError};
use crate::upstream::{Scheme, Upstream};
use std::fmt::Write as _;
use std::net::SocketAddr;

/// The bootstrap template, embedded so the binary works from any directory.
pub const TEMPLATE: &str = include_str!("../../../envoy/llmtap-bootstrap.yaml.tmpl");

/// Everything the bootstrap depends on.
#[derive(Debug, Clone)]
pub struct BootstrapParams<'a> {
    /// Envoy's listener for client traffic.
    pub listen: SocketAddr,
    /// Envoy's admin interface.
    pub admin: SocketAddr,
    pub upstream: &'a Upstream,
    /// Absolute path of the filter module (Envoy resolves relative paths against its own
    /// working directory).
    pub wasm_path: &'a str,
    /// The plugin configuration JSON, already validated.
    pub plugin_config: &'a str,
    /// Envoy's stats flush interval, in milliseconds (1 ..= 300 000).
    pub stats_flush_interval_ms: u64,
    /// CA bundle used to verify an `https://` upstream; `None` leaves it unverified.
    pub ca_bundle: Option<&'a str>,
    /// OTLP export and the JSON access log (`--otlp-endpoint`, `--access-log`).
    pub telemetry: crate::telemetry::Telemetry<'a>,
    /// The aggregator prompt samples are sent to (`--aggregator`): adds the
    /// `llmtap_aggregator` cluster.
    pub aggregator: Option<&'a Upstream>,
}

/// Renders the bootstrap YAML.
pub fn render(p: &BootstrapParams<'_>) -> Result<String, TemplateError> {
    let upstream = p.upstream;
    let is_ip = upstream.ip().is_some();
    let [hcm_telemetry, stats_sinks, mut telemetry_clusters] =
        crate::telemetry::values(&p.telemetry, |endpoint| upstream_tls(endpoint, p.ca_bundle));
    if let Some(aggregator) = p.aggregator {
        let tls = upstream_tls(aggregator, p.ca_bundle);
        telemetry_clusters
            .1
            .push_str(&crate::aggregator_cluster::cluster_yaml(aggregator, &tls));
    }
    let values = [
        hcm_telemetry,
        stats_sinks,
        telemetry_clusters,
        ("admin_address", yaml_string(&p.admin.ip().to_string())),
        ("admin_port", p.admin.port().to_string()),
        (
            "stats_flush_interval",
            envoy_duration(p.stats_flush_interval_ms),
        ),
        (
            "stats_config",
            llmtap_core::metrics::catalogue::stats_config_yaml(),
        ),
        ("listen_address", yaml_string(&p.listen.ip().to_string())),
        ("listen_port", p.listen.port().to_string()),
        ("route_options", route_options(upstream)),
        ("plugin_config", yaml_string(p.plugin_config)),
        ("wasm_filename", yaml_string(p.wasm_path)),
        (
            "cluster_type",
            if is_ip { "STATIC" } else { "STRICT_DNS" }.to_owned(),
        ),
        (
            "cluster_dns",
            if is_ip {
                String::new()
            } else {
                // Servers bound to 127.0.0.1 only must still be reached as `localhost`.
                "dns_lookup_family: V4_PREFERRED\n".to_owned()
            },
        ),
        ("upstream_address", yaml_string(&upstream.host)),
        ("upstream_port", upstream.port.to_string()),
        ("upstream_tls", upstream_tls(upstream, p.ca_bundle)),
    ];
    template::render(TEMPLATE, &values)
}

/// A protobuf `Duration` in Envoy's YAML form: `1s`, `0.250s`.
pub fn envoy_duration(ms: u64) -> String {
    if ms.is_multiple_of(1000) {
        format!("{}s", ms / 1000)
    } else {
        format!("{}.{:03}s", ms / 1000, ms % 1000)
    }
}

/// Route options: Host rewritten to the upstream's name (virtual hosting, TLS), and the URL's
/// path prefix prepended.
fn route_options(upstream: &Upstream) -> String {
    let mut out = String::new();
    if upstream.ip().is_none() {
        out.push_str("auto_host_rewrite: true\n");
    }
    if let Some(prefix) = &upstream.path_prefix {
        let _ = writeln!(out, "prefix_rewrite: {}", yaml_string(prefix));
    }
    out
}

/// The cluster's TLS transport socket for `https://` upstreams (SNI and certificate name =
/// the host).
fn upstream_tls(upstream: &Upstream, ca_bundle: Option<&str>) -> String {
    if upstream.scheme != Scheme::Https {
        return String::new();
    }
    let host = yaml_string(&upstream.host);
    let mut out = String::from(
        "transport_socket:\n  name: envoy.transport_sockets.tls\n  typed_config:\n    \
         \"@type\": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext\n",
    );
    let san_type = if upstream.ip().is_some() {
        "IP_ADDRESS"
    } else {
        // SNI carries host names only.
        let _ = writeln!(out, "    sni: {host}");
        "DNS"
    };
    match ca_bundle {
        Some(ca) => {
            let _ = write!(
                out,
                "    common_tls_context:\n      validation_context:\n        \
                 trusted_ca: {{ filename: {} }}\n        match_typed_subject_alt_names:\n        \
                 - san_type: {san_type}\n          matcher: {{ exact: {host} }}\n",
                yaml_string(ca)
            );
        }
        None => {
            out.push_str("    # No CA bundle found: the upstream certificate is NOT verified.\n")
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::upstream::parse_upstream;

    fn params<'a>(upstream: &'a Upstream, config: &'a str) -> BootstrapParams<'a> {
        BootstrapParams {
            listen: "127.0.0.1:10000".parse().unwrap(),
            admin: "127.0.0.1:9901".parse().unwrap(),
            upstream,
            wasm_path: "/opt/llmtap/llmtap.wasm",
            plugin_config: config,
            stats_flush_interval_ms: 1000,
            ca_bundle: Some("/etc/ssl/certs/ca-certificates.crt"),
            telemetry: Default::default(),
            aggregator: None,
        }
    }

    #[test]
    fn durations() {
        assert_eq!(envoy_duration(1000), "1s");
        assert_eq!(envoy_duration(250), "0.250s");
        assert_eq!(envoy_duration(61_005), "61.005s");
    }

    #[test]
    fn plain_ip_upstream() {
        let up = parse_upstream("http://127.0.0.1:8000").unwrap();
        let yaml = render(&params(&up, "{}")).unwrap();
        for want in [
            "socket_address: { address: \"127.0.0.1\", port_value: 9901 }",
            "socket_address: { address: \"127.0.0.1\", port_value: 10000 }",
            "stats_flush_interval: 1s\n",
            "stats_config:\n  stats_tags:\n  - tag_name: gen_ai_request_model\n",
            "prefix: \"wasmcustom.llm_time_to_first_token_milliseconds\"",
            "                  timeout: 0s\n",
            "value: \"{}\"\n",
            "filename: \"/opt/llmtap/llmtap.wasm\"\n",
            "failure_policy: FAIL_OPEN\n",
            "runtime: envoy.wasm.runtime.v8\n",
            "    type: STATIC\n    connect_timeout: 5s\n",
            "socket_address: { address: \"127.0.0.1\", port_value: 8000 }",
        ] {
            assert!(yaml.contains(want), "missing {want:?} in\n{yaml}");
        }
        for unwanted in [
            "{{",
            "}}",
            "auto_host_rewrite",
            "transport_socket",
            "dns_lookup_family",
        ] {
            assert!(!yaml.contains(unwanted), "unexpected {unwanted:?}");
        }
        // The wasm filter comes before the router.
        let wasm = yaml.find("envoy.filters.http.wasm").unwrap();
        let router = yaml.find("envoy.filters.http.router").unwrap();
        assert!(wasm < router);
    }

    #[test]
    fn https_hostname_upstream_gets_tls_sni_and_host_rewrite() {
        let up = parse_upstream("https://api.example.com/openai").unwrap();
        let yaml = render(&params(&up, "{}")).unwrap();
        for want in [
            "                  auto_host_rewrite: true\n                  prefix_rewrite: \"/openai/\"\n",
            "    type: STRICT_DNS\n    dns_lookup_family: V4_PREFERRED\n    connect_timeout: 5s\n",
            "    transport_socket:\n      name: envoy.transport_sockets.tls\n",
            "        sni: \"api.example.com\"\n",
            "trusted_ca: { filename: \"/etc/ssl/certs/ca-certificates.crt\" }",
            "- san_type: DNS\n              matcher: { exact: \"api.example.com\" }\n",
            "port_value: 443",
        ] {
            assert!(yaml.contains(want), "missing {want:?} in\n{yaml}");
        }
    }

    #[test]
    fn https_ip_upstream_has_no_sni_and_unverified_is_flagged() {
        let up = parse_upstream("https://10.0.0.7:8443").unwrap();
        let mut p = params(&up, "{}");
        p.ca_bundle = None;
        let yaml = render(&p).unwrap();
        assert!(!yaml.contains("sni:"));
        assert!(yaml.contains("NOT verified"));
        assert!(yaml.contains("type: STATIC"));
    }

    #[test]
    fn an_aggregator_adds_its_cluster() {
        let up = parse_upstream("http://127.0.0.1:8000").unwrap();
        let agg = parse_upstream("http://127.0.0.1:9400").unwrap();
        let mut p = params(&up, "{}");
        p.aggregator = Some(&agg);
        let yaml = render(&p).unwrap();
        assert!(
            yaml.contains("  - name: llmtap_aggregator\n    type: STATIC\n"),
            "{yaml}"
        );
        assert!(yaml.contains("port_value: 9400"));
        assert!(!render(&params(&up, "{}"))
            .unwrap()
            .contains("llmtap_aggregator"));
    }

    #[test]
    fn hostile_config_stays_one_quoted_scalar() {
        let up = parse_upstream("http://127.0.0.1:8000").unwrap();
        let config = "{\"provider_name\": \"x\"}\n    runtime: evil\n\": '";
        let yaml = render(&params(&up, config)).unwrap();
        let line = yaml
            .lines()
            .find(|l| l.trim_start().starts_with("value: "))
            .unwrap();
        let scalar = line.trim_start().trim_start_matches("value: ");
        assert_eq!(serde_json::from_str::<String>(scalar).unwrap(), config);
        let runtime_keys = yaml
            .lines()
            .filter(|l| l.trim_start().starts_with("runtime:"))
            .count();
        assert_eq!(runtime_keys, 1);
    }
}
