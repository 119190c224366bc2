//! `llmtap drift --once --embedding-model DIR --reference-samples A.jsonl --current-samples
//! B.jsonl`: prompt-embedding drift between two files of prompt samples (the wire format of
//! [`crate::prompt_samples::wire`]), for logs users already have. The same sums and the same
//! test as the aggregator's ([`crate::analysis::embedding`]).

use crate::analysis::{embedding, AnalysisSettings};
use crate::embedding::{EmbeddingError, SentenceEncoder};
use crate::prompt_samples::series::SplitSums;
use crate::prompt_samples::wire::{self, model_of, WireError};
use crate::totals::Totals;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why the samples could not be compared.
#[derive(Debug, thiserror::Error)]
pub enum OfflineError {
    #[error("cannot read {}: {source}", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: {source}", .path.display())]
    Samples {
        path: PathBuf,
        #[source]
        source: WireError,
    },
    #[error(transparent)]
    Embedding(#[from] EmbeddingError),
}

/// Prompts embedded per forward pass.
const BATCH: usize = 16;

/// The embedding sums of one file, as the series a window of the store would hold.
pub fn file_totals(encoder: &SentenceEncoder, path: &Path) -> Result<Totals, OfflineError> {
    let body = std::fs::read(path).map_err(|source| OfflineError::Read {
        path: path.to_owned(),
        source,
    })?;
    let samples = wire::parse(&body).map_err(|source| OfflineError::Samples {
        path: path.to_owned(),
        source,
    })?;
    let mut sums: BTreeMap<&str, SplitSums> = BTreeMap::new();
    for chunk in samples.chunks(BATCH) {
        let texts: Vec<&str> = chunk.iter().map(|s| s.prompt.as_str()).collect();
        for (sample, v) in chunk.iter().zip(encoder.embed(&texts)?) {
            sums.entry(model_of(sample)).or_default().add(&v);
        }
    }
    let mut totals = Totals::default();
    for (model, s) in sums {
        for (key, value) in s.series(model) {
            totals.add(key, value);
        }
    }
    Ok(totals)
}

/// Embedding drift per model between the two files.
pub fn compare_files(
    encoder: &SentenceEncoder,
    reference: &Path,
    current: &Path,
    settings: &AnalysisSettings,
) -> Result<Vec<embedding::EmbeddingDriftEntry>, OfflineError> {
    let reference = file_totals(encoder, reference)?;
    let current = file_totals(encoder, current)?;
    Ok(embedding::drift(
        &current.by_name(),
        &reference.by_name(),
        settings,
    ))
}
