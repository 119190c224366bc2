//! The label values of one stream, resolved once, and the label lists built from them.

use crate::metrics::catalogue as m;

/// Most labels any series carries (6 base + response model + outcome/token type/…).
pub const MAX_LABELS: usize = 10;

/// Label values of one stream (sanitised and bounded); `None` = label switched off or unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StreamLabels {
    pub request_model: Option<String>,
    pub response_model: Option<String>,
    pub provider: Option<String>,
    pub operation: Option<&'static str>,
    pub destination_service: Option<String>,
    pub source_workload: Option<String>,
    pub consumer: Option<String>,
}

/// A short list of `(key, value)` pairs on the stack.
#[derive(Clone, Copy, Debug)]
pub struct LabelList<'a> {
    items: [(&'a str, &'a str); MAX_LABELS],
    len: usize,
}

impl<'a> LabelList<'a> {
    pub fn new() -> Self {
        LabelList {
            items: [("", ""); MAX_LABELS],
            len: 0,
        }
    }

    /// Appends a label (ignored beyond [`MAX_LABELS`], which the catalogue never reaches).
    pub fn push(&mut self, key: &'a str, value: &'a str) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = (key, value);
            self.len += 1;
        }
    }

    pub fn with(mut self, key: &'a str, value: &'a str) -> Self {
        self.push(key, value);
        self
    }

    pub fn as_slice(&self) -> &[(&'a str, &'a str)] {
        self.items.get(..self.len).unwrap_or_default()
    }
}

impl Default for LabelList<'_> {
    fn default() -> Self {
        LabelList::new()
    }
}

impl StreamLabels {
    /// The labels every series of this stream carries.
    pub fn base(&self) -> LabelList<'_> {
        let mut list = LabelList::new();
        let pairs = [
            (m::LABEL_REQUEST_MODEL, self.request_model.as_deref()),
            (m::LABEL_PROVIDER, self.provider.as_deref()),
            (m::LABEL_OPERATION, self.operation),
            (m::LABEL_DESTINATION, self.destination_service.as_deref()),
            (m::LABEL_SOURCE_WORKLOAD, self.source_workload.as_deref()),
            (m::LABEL_CONSUMER, self.consumer.as_deref()),
        ];
        for (key, value) in pairs {
            if let Some(value) = value {
                list.push(key, value);
            }
        }
        list
    }

    /// Base labels plus the response model (for `llm_requests_total`).
    pub fn with_response_model(&self) -> LabelList<'_> {
        let mut list = self.base();
        if let Some(model) = &self.response_model {
            list.push(m::LABEL_RESPONSE_MODEL, model);
        }
        list
    }
}

/// The Istio cluster name `outbound|8000||vllm.ns.svc.cluster.local` names the service in
/// its last `|`-separated part; other cluster names are used whole.
pub fn destination_from_cluster(cluster: &str) -> &str {
    match cluster.rsplit_once('|') {
        Some((_, host)) if !host.is_empty() => host,
        _ => cluster,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn base_labels_skip_switched_off_ones_in_a_fixed_order() {
        let labels = StreamLabels {
            request_model: Some("m".into()),
            response_model: Some("r".into()),
            provider: None,
            operation: Some("chat"),
            destination_service: Some("svc".into()),
            source_workload: None,
            consumer: Some("t1".into()),
        };
        assert_eq!(
            labels.base().as_slice(),
            &[
                (m::LABEL_REQUEST_MODEL, "m"),
                (m::LABEL_OPERATION, "chat"),
                (m::LABEL_DESTINATION, "svc"),
                (m::LABEL_CONSUMER, "t1")
            ]
        );
        assert_eq!(labels.with_response_model().as_slice().len(), 5);
    }

    #[test]
    fn istio_cluster_names_give_the_service() {
        assert_eq!(
            destination_from_cluster("outbound|8000||vllm.ns.svc.cluster.local"),
            "vllm.ns.svc.cluster.local"
        );
        assert_eq!(destination_from_cluster("llm_upstream"), "llm_upstream");
        assert_eq!(destination_from_cluster("outbound|80||"), "outbound|80||");
    }

    #[test]
    fn label_lists_never_overflow() {
        let mut list = LabelList::new();
        for _ in 0..20 {
            list.push("k", "v");
        }
        assert_eq!(list.as_slice().len(), MAX_LABELS);
    }
}
