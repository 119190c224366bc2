//! Prompt-embedding drift (`feature="prompt_embedding"`): per model, the centroids of the
//! two windows' embedding sums compared by [`crate::stats::embedding_drift`].

use super::{AnalysisSettings, DriftVerdict, Group};
use crate::prompt_samples::series::sums_by_model;
use crate::stats::embedding_drift::{compare, EmbeddingDriftReport};
use crate::totals::ByName;
use std::collections::BTreeSet;

/// The feature name in reports and in `llmtap_drift_*{feature=…}`.
pub const FEATURE: &str = "prompt_embedding";

/// Embedding drift of one model.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EmbeddingDriftEntry {
    /// Always [`FEATURE`].
    pub feature: &'static str,
    #[serde(flatten)]
    pub group: Group,
    pub verdict: DriftVerdict,
    pub statistics: EmbeddingDriftReport,
}

/// One entry per model seen in either window.
pub fn drift(
    current: &ByName<'_>,
    reference: &ByName<'_>,
    settings: &AnalysisSettings,
) -> Vec<EmbeddingDriftEntry> {
    let current = sums_by_model(current);
    let reference = sums_by_model(reference);
    let models: BTreeSet<&String> = current.keys().chain(reference.keys()).collect();
    let empty = Default::default();
    models
        .into_iter()
        .map(|model| {
            let statistics = compare(
                reference.get(model).unwrap_or(&empty),
                current.get(model).unwrap_or(&empty),
                &settings.embedding,
            );
            EmbeddingDriftEntry {
                feature: FEATURE,
                group: Group {
                    gen_ai_request_model: model.clone(),
                    destination_service: String::new(),
                },
                verdict: DriftVerdict::from_core(statistics.verdict),
                statistics,
            }
        })
        .collect()
}
