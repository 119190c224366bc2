//! Metric ids per stat name, defined once per VM and cached; bounded label values.
//!
//! Envoy's `define_metric` returns a fresh id on every call (even for a known name), so each
//! label-encoded stat name is defined once and its id kept here. Lookups build the name in
//! a reused buffer, so a cached lookup does not allocate. Model names come from requests
//! and responses: the number of distinct values is capped per VM
//! ([`Config::max_model_labels`]); later new values share the label `other`, so random
//! model names cannot create series without bound.

use crate::config::Config;
use crate::host::{Host, LogLevel};
use crate::metrics::{self, MetricDef};
use hashbrown::{HashMap, HashSet};

/// Label value that absorbs model names beyond the cap.
pub const OVERFLOW_LABEL_VALUE: &str = "other";

/// The per-VM cache of metric ids and of admitted model label values.
#[derive(Debug)]
pub struct MetricRegistry {
    ids: HashMap<String, Option<u32>>,
    models: HashSet<String>,
    max_models: usize,
    name: String,
}

impl MetricRegistry {
    pub fn new(config: &Config) -> Self {
        MetricRegistry {
            ids: HashMap::new(),
            models: HashSet::new(),
            max_models: config.max_model_labels,
            name: String::new(),
        }
    }

    /// Number of distinct stat names (series) defined so far.
    pub fn series(&self) -> usize {
        self.ids.len()
    }

    /// Sanitises a model name from a request or response into `out` and bounds it: the
    /// first `max_model_labels` distinct values are kept, later new ones become `other`.
    pub fn model_label(&mut self, raw: Option<&[u8]>, out: &mut String) {
        metrics::sanitize_label_value(raw.unwrap_or_default(), out);
        if self.models.contains(out.as_str()) {
            return;
        }
        if self.models.len() < self.max_models {
            self.models.insert(out.clone());
        } else {
            out.clear();
            out.push_str(OVERFLOW_LABEL_VALUE);
        }
    }

    /// The id of `def` with these (already sanitised) labels, defining it on first use.
    /// `None` if the host refused the definition (recording is then a no-op).
    pub fn id(&mut self, host: &dyn Host, def: &MetricDef, labels: &[(&str, &str)]) -> Option<u32> {
        metrics::encode_stat_name_into(def.name, labels, &mut self.name);
        if let Some(id) = self.ids.get(self.name.as_str()) {
            return *id;
        }
        let id = match host.define_metric(def.kind, &self.name) {
            Ok(id) => Some(id),
            Err(e) => {
                host.log(LogLevel::Warn, &e.to_string());
                None
            }
        };
        self.ids.insert(self.name.clone(), id);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{LABEL_REQUEST_MODEL, REQUESTS_TOTAL};
    use crate::testing::RecordingHost;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn defines_each_stat_name_once() {
        let host = RecordingHost::default();
        let mut registry = MetricRegistry::new(&Config::default());
        let a = registry.id(&host, &REQUESTS_TOTAL, &[(LABEL_REQUEST_MODEL, "gpt-4o")]);
        let b = registry.id(&host, &REQUESTS_TOTAL, &[(LABEL_REQUEST_MODEL, "gpt-4o")]);
        assert_eq!(a, b);
        assert_eq!(host.defined().len(), 1);
        assert_eq!(
            host.defined()[0].1,
            "llm_requests_total.gen_ai_request_model=.=gpt-4o;.;"
        );
        registry.id(&host, &REQUESTS_TOTAL, &[(LABEL_REQUEST_MODEL, "m2")]);
        assert_eq!(registry.series(), 2);
    }

    #[test]
    fn random_model_names_cannot_exceed_the_cap() {
        let host = RecordingHost::default();
        let config = Config {
            max_model_labels: 5,
            ..Config::default()
        };
        let mut registry = MetricRegistry::new(&config);
        let mut label = String::new();
        for i in 0..100_000 {
            registry.model_label(Some(format!("model-{i}").as_bytes()), &mut label);
            registry.id(&host, &REQUESTS_TOTAL, &[(LABEL_REQUEST_MODEL, &label)]);
        }
        assert_eq!(registry.series(), 6, "5 models + other");
        registry.model_label(Some(b"model-3"), &mut label);
        assert_eq!(label, "model-3", "admitted models keep their label");
        registry.model_label(Some(b"new"), &mut label);
        assert_eq!(label, OVERFLOW_LABEL_VALUE);
    }
}
