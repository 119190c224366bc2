//! `llmtap run --aggregator URL`: the cluster that carries prompt samples to the aggregator
//! (`POST /v1/prompt-samples`, docs/prompt-sampling.md), and the plugin configuration's
//! `prompt_sampling` pointed at it.

use crate::template::yaml_string;
use crate::upstream::{Scheme, Upstream};
use llmtap_core::prompt_sample::config::DEFAULT_PATH;

/// The Envoy cluster the filter sends prompt-sample batches to.
pub const AGGREGATOR_CLUSTER: &str = "llmtap_aggregator";

/// Points the configuration's `prompt_sampling` at [`AGGREGATOR_CLUSTER`]: sets `cluster`,
/// and, unless given, `authority` (the URL's `host:port`) and `path` (the URL's path prefix
/// + `/v1/prompt-samples`). The section must exist (it holds the rate and the token).
pub fn point_at_aggregator(config: &str, aggregator: &Upstream) -> Result<String, String> {
    let mut value: serde_json::Value = serde_json::from_str(if config.trim().is_empty() {
        "{}"
    } else {
        config
    })
    .map_err(|e| format!("not JSON: {e}"))?;
    let Some(sampling) = value
        .get_mut("prompt_sampling")
        .and_then(serde_json::Value::as_object_mut)
    else {
        return Err(
            "--aggregator needs a prompt_sampling section (at least rate and token) in --config"
                .to_owned(),
        );
    };
    sampling.insert("cluster".to_owned(), AGGREGATOR_CLUSTER.into());
    sampling
        .entry("authority")
        .or_insert_with(|| format!("{}:{}", aggregator.host, aggregator.port).into());
    if let Some(prefix) = &aggregator.path_prefix {
        sampling
            .entry("path")
            .or_insert_with(|| format!("{}{}", prefix.trim_end_matches('/'), DEFAULT_PATH).into());
    }
    Ok(value.to_string())
}

/// The cluster, as an entry of `static_resources.clusters` (two-space indented list item);
/// `tls` is the transport socket of an `https://` URL.
pub fn cluster_yaml(aggregator: &Upstream, tls: &str) -> String {
    let kind = if aggregator.ip().is_some() {
        "STATIC"
    } else {
        "STRICT_DNS"
    };
    let mut out = format!(
        "- name: {AGGREGATOR_CLUSTER}\n  type: {kind}\n  connect_timeout: 2s\n  load_assignment:\n    \
         cluster_name: {AGGREGATOR_CLUSTER}\n    endpoints:\n    - lb_endpoints:\n      - endpoint:\n          \
         address:\n            socket_address: {{ address: {}, port_value: {} }}\n",
        yaml_string(&aggregator.host),
        aggregator.port
    );
    if aggregator.scheme == Scheme::Https {
        for line in tls.lines() {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::upstream::parse_upstream;

    #[test]
    fn the_section_is_pointed_at_the_cluster() {
        let agg = parse_upstream("http://127.0.0.1:9400").unwrap();
        let out = point_at_aggregator(
            r#"{"max_label_values":10,"prompt_sampling":{"rate":0.05,"token":"t"}}"#,
            &agg,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["prompt_sampling"]["cluster"], AGGREGATOR_CLUSTER);
        assert_eq!(v["prompt_sampling"]["authority"], "127.0.0.1:9400");
        assert_eq!(v["prompt_sampling"]["rate"], 0.05);
        assert_eq!(v["max_label_values"], 10);
        assert!(v["prompt_sampling"].get("path").is_none());
        llmtap_core::config::Config::parse(out.as_bytes()).unwrap();
    }

    #[test]
    fn a_path_prefix_and_explicit_fields_are_respected() {
        let agg = parse_upstream("https://agg.example.com/llmtap").unwrap();
        let out = point_at_aggregator(
            r#"{"prompt_sampling":{"rate":1,"token":"t","cluster":"other","authority":"a"}}"#,
            &agg,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["prompt_sampling"]["cluster"], AGGREGATOR_CLUSTER);
        assert_eq!(v["prompt_sampling"]["authority"], "a");
        assert_eq!(v["prompt_sampling"]["path"], "/llmtap/v1/prompt-samples");
    }

    #[test]
    fn without_a_section_it_is_an_error() {
        let agg = parse_upstream("http://127.0.0.1:9400").unwrap();
        for config in ["", "{}", r#"{"prompt_sampling":null}"#] {
            let err = point_at_aggregator(config, &agg).unwrap_err();
            assert!(err.contains("needs a prompt_sampling section"), "{err}");
        }
    }

    #[test]
    fn the_cluster_names_the_address() {
        let agg = parse_upstream("http://10.0.0.5:8080").unwrap();
        let yaml = cluster_yaml(&agg, "");
        assert!(yaml.starts_with("- name: llmtap_aggregator\n  type: STATIC\n"));
        assert!(yaml.contains("socket_address: { address: \"10.0.0.5\", port_value: 8080 }"));
    }
}
