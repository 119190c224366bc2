//! Metric ids per stat name, defined once per VM and cached; bounded label values.
//!
//! Envoy's `define_metric` returns a fresh id on every call (even for a known name), so each
//! label-encoded stat name is defined once and its id kept here. Lookups build the name in
//! a reused buffer, so a cached lookup does not allocate. Model names come from requests
//! and responses: the number of distinct values is capped per VM
//! ([`Config::max_label_values`](crate::config::Config::max_label_values)); later new values
//! share the label `other`, so random model names cannot create series without bound.

use super::catalogue::{self as metrics, MetricDef};
use crate::config::Config;
use crate::host::{Host, LogLevel};
use hashbrown::{HashMap, HashSet};

/// Label value that absorbs model names beyond the cap.
pub const OVERFLOW_LABEL_VALUE: &str = "other";

/// The per-VM cache of metric ids and of admitted model label values.
#[derive(Debug)]
pub struct MetricRegistry {
    ids: HashMap<String, Option<u32>>,
    /// Admitted values per label key.
    admitted: HashMap<&'static str, HashSet<String>>,
    allow_list: HashSet<String>,
    max_values: usize,
    name: String,
    /// `llm_active_series`, defined on first use: `Some(None)` = refused by the host.
    series_gauge: Option<Option<u32>>,
}

impl MetricRegistry {
    pub fn new(config: &Config) -> Self {
        let allow_list = config
            .label_allow_list
            .iter()
            .map(|v| {
                let mut out = String::new();
                metrics::sanitize_label_value(v.as_bytes(), &mut out);
                out
            })
            .collect();
        MetricRegistry {
            ids: HashMap::new(),
            admitted: HashMap::new(),
            allow_list,
            max_values: config.max_label_values,
            name: String::new(),
            series_gauge: None,
        }
    }

    /// Number of distinct stat names (series) defined so far.
    pub fn series(&self) -> usize {
        self.ids.len()
    }

    /// Sanitises a label value taken from traffic into `out` and bounds it per label key:
    /// allow-listed values always pass, the first `max_label_values` other distinct values
    /// are kept, later new ones become `other`. Request and response models share the
    /// `gen_ai_request_model` budget (pass that key for both).
    pub fn bounded_label(&mut self, key: &'static str, raw: Option<&[u8]>, out: &mut String) {
        metrics::sanitize_label_value(raw.unwrap_or_default(), out);
        if self.allow_list.contains(out.as_str()) {
            return;
        }
        let admitted = self.admitted.entry(key).or_default();
        if admitted.contains(out.as_str()) {
            return;
        }
        if admitted.len() < self.max_values {
            admitted.insert(out.clone());
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
        let id = define(host, def, &self.name);
        self.ids.insert(self.name.clone(), id);
        let gauge = *self.series_gauge.get_or_insert_with(|| {
            define(host, &metrics::ACTIVE_SERIES, metrics::ACTIVE_SERIES.name)
        });
        if let Some(gauge) = gauge {
            host.increment_metric(gauge, 1);
        }
        id
    }
}

fn define(host: &dyn Host, def: &MetricDef, name: &str) -> Option<u32> {
    match host.define_metric(def.kind, name) {
        Ok(id) => Some(id),
        Err(e) => {
            host.log(LogLevel::Warn, &e.to_string());
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::catalogue::{LABEL_REQUEST_MODEL, REQUESTS_TOTAL};
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
        assert_eq!(host.defined().len(), 2, "the series and llm_active_series");
        assert_eq!(
            host.defined()[0].1,
            "llm_requests_total.gen_ai_request_model=.=gpt-4o;.;"
        );
        assert_eq!(host.gauge("llm_active_series"), 1);
        registry.id(&host, &REQUESTS_TOTAL, &[(LABEL_REQUEST_MODEL, "m2")]);
        assert_eq!(registry.series(), 2);
    }

    #[test]
    fn random_model_names_cannot_exceed_the_cap() {
        let host = RecordingHost::default();
        let config = Config {
            max_label_values: 5,
            label_allow_list: vec!["gpt-4o".to_owned()],
            ..Config::default()
        };
        let mut registry = MetricRegistry::new(&config);
        let mut label = String::new();
        for i in 0..100_000 {
            registry.bounded_label(
                LABEL_REQUEST_MODEL,
                Some(format!("model-{i}").as_bytes()),
                &mut label,
            );
            registry.id(&host, &REQUESTS_TOTAL, &[(LABEL_REQUEST_MODEL, &label)]);
        }
        assert_eq!(registry.series(), 6, "5 models + other");
        assert_eq!(host.gauge("llm_active_series"), 6);
        registry.bounded_label(LABEL_REQUEST_MODEL, Some(b"model-3"), &mut label);
        assert_eq!(label, "model-3", "admitted models keep their label");
        registry.bounded_label(LABEL_REQUEST_MODEL, Some(b"new"), &mut label);
        assert_eq!(label, OVERFLOW_LABEL_VALUE);
        registry.bounded_label(LABEL_REQUEST_MODEL, Some(b"gpt-4o"), &mut label);
        assert_eq!(label, "gpt-4o", "allow-listed values always pass");
        registry.bounded_label("consumer", Some(b"tenant-1"), &mut label);
        assert_eq!(label, "tenant-1", "each label key has its own budget");
    }
}
