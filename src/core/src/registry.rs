//! Metric ids per label set, defined once per VM and cached.
//!
//! Envoy's `define_metric` returns a fresh id on every call (even for a known name), so
//! the ids of each label set are resolved once and kept here. Model names come from
//! requests: the number of distinct values is capped per VM ([`Config::max_model_labels`]);
//! later new values share the label `other`, so random model names cannot create series
//! without bound.

use crate::config::Config;
use crate::host::{Host, LogLevel, MetricKind};
use crate::metrics::{self, MetricDef};
use hashbrown::{Equivalent, HashMap, HashSet};

/// Label value that absorbs model names beyond the cap.
pub const OVERFLOW_LABEL_VALUE: &str = "other";

/// Ids of every series of one label set; `None` where the host refused a definition
/// (recording into it is then a no-op).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SeriesIds {
    pub requests: Option<u32>,
    pub input_tokens: Option<u32>,
    pub output_tokens: Option<u32>,
    pub time_to_first_token: Option<u32>,
    pub inter_chunk_gap: Option<u32>,
    pub time_per_output_token: Option<u32>,
    pub request_duration: Option<u32>,
    pub output_tokens_per_request: Option<u32>,
    pub prompt_tokens_per_request: Option<u32>,
}

/// Labels of one LLM request, as known when its series are resolved.
#[derive(Clone, Copy, Debug)]
pub struct RequestLabels<'a> {
    /// Raw `model` from the request body (sanitised here).
    pub request_model: Option<&'a [u8]>,
    /// `gen_ai.operation.name`, e.g. `chat`.
    pub operation: &'static str,
}

/// The per-VM cache of metric ids.
#[derive(Debug)]
pub struct MetricRegistry {
    provider: String,
    max_models: usize,
    by_model: HashMap<(String, &'static str), SeriesIds>,
    models: HashSet<String>,
    scratch: String,
}

impl MetricRegistry {
    pub fn new(config: &Config) -> Self {
        let mut provider = String::new();
        metrics::sanitize_label_value(config.provider_name.as_bytes(), &mut provider);
        MetricRegistry {
            provider,
            max_models: config.max_model_labels,
            by_model: HashMap::new(),
            models: HashSet::new(),
            scratch: String::new(),
        }
    }

    /// Number of label sets defined so far.
    pub fn label_sets(&self) -> usize {
        self.by_model.len()
    }

    /// The ids for a label set, defining the metrics on first use.
    pub fn series(&mut self, host: &dyn Host, labels: RequestLabels<'_>) -> SeriesIds {
        metrics::sanitize_label_value(labels.request_model.unwrap_or_default(), &mut self.scratch);
        if let Some(ids) = self.by_model.get(&KeyRef(&self.scratch, labels.operation)) {
            return *ids;
        }
        if !self.models.contains(self.scratch.as_str()) {
            if self.models.len() >= self.max_models {
                self.scratch.clear();
                self.scratch.push_str(OVERFLOW_LABEL_VALUE);
                if let Some(ids) = self.by_model.get(&KeyRef(&self.scratch, labels.operation)) {
                    return *ids;
                }
            } else {
                self.models.insert(self.scratch.clone());
            }
        }
        let model = self.scratch.clone();
        let ids = define_series(host, &model, &self.provider, labels.operation);
        self.by_model.insert((model, labels.operation), ids);
        ids
    }
}

/// Borrowed form of the cache key, so a lookup does not allocate. Hashes exactly like
/// `(String, &'static str)` (a `String` hashes as its `str`).
#[derive(Hash)]
struct KeyRef<'a>(&'a str, &'static str);

impl Equivalent<(String, &'static str)> for KeyRef<'_> {
    fn equivalent(&self, key: &(String, &'static str)) -> bool {
        self.0 == key.0 && self.1 == key.1
    }
}

fn define_series(host: &dyn Host, model: &str, provider: &str, operation: &str) -> SeriesIds {
    let common = [
        (metrics::LABEL_REQUEST_MODEL, model),
        (metrics::LABEL_PROVIDER, provider),
        (metrics::LABEL_OPERATION, operation),
    ];
    let define = |def: &MetricDef, extra: Option<(&str, &str)>| -> Option<u32> {
        let mut labels: Vec<(&str, &str)> = common.to_vec();
        labels.extend(extra);
        let name = metrics::encode_stat_name(def.name, &labels);
        match host.define_metric(def.kind, &name) {
            Ok(id) => Some(id),
            Err(e) => {
                host.log(LogLevel::Warn, &e.to_string());
                None
            }
        }
    };
    debug_assert!(matches!(metrics::TOKENS_TOTAL.kind, MetricKind::Counter));
    SeriesIds {
        requests: define(&metrics::REQUESTS_TOTAL, None),
        input_tokens: define(
            &metrics::TOKENS_TOTAL,
            Some((metrics::LABEL_TOKEN_TYPE, "input")),
        ),
        output_tokens: define(
            &metrics::TOKENS_TOTAL,
            Some((metrics::LABEL_TOKEN_TYPE, "output")),
        ),
        time_to_first_token: define(&metrics::TIME_TO_FIRST_TOKEN_MS, None),
        inter_chunk_gap: define(&metrics::INTER_CHUNK_GAP_US, None),
        time_per_output_token: define(&metrics::TIME_PER_OUTPUT_TOKEN_US, None),
        request_duration: define(&metrics::REQUEST_DURATION_MS, None),
        output_tokens_per_request: define(&metrics::OUTPUT_TOKENS, None),
        prompt_tokens_per_request: define(&metrics::PROMPT_TOKENS, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::RecordingHost;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn labels(model: &[u8]) -> RequestLabels<'_> {
        RequestLabels {
            request_model: Some(model),
            operation: "chat",
        }
    }

    #[test]
    fn defines_each_label_set_once() {
        let host = RecordingHost::default();
        let mut registry = MetricRegistry::new(&Config::default());
        let a = registry.series(&host, labels(b"gpt-4o"));
        let defined = host.defined().len();
        assert_eq!(defined, 9);
        assert_eq!(registry.series(&host, labels(b"gpt-4o")), a);
        assert_eq!(host.defined().len(), defined);
        assert!(host.defined().iter().any(|(_, name)| name
            == "llm_tokens_total.gen_ai_request_model=.=gpt-4o;.;gen_ai_provider_name=.=openai;.;gen_ai_operation_name=.=chat;.;gen_ai_token_type=.=output;.;"));
    }

    #[test]
    fn random_model_names_cannot_exceed_the_cap() {
        let host = RecordingHost::default();
        let config = Config {
            max_model_labels: 5,
            ..Config::default()
        };
        let mut registry = MetricRegistry::new(&config);
        for i in 0..10_000 {
            registry.series(&host, labels(format!("model-{i}").as_bytes()));
        }
        assert_eq!(registry.label_sets(), 6, "5 models + other");
        assert_eq!(host.defined().len(), 6 * 9);
        assert!(host
            .defined()
            .iter()
            .any(|(_, n)| n.contains("gen_ai_request_model=.=other;.;")));
    }
}
