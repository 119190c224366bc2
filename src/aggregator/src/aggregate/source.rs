//! Where window totals come from, and what can go wrong there.

use super::prometheus::PrometheusSource;
use super::store::{Store, StoreError};
use super::totals::Totals;
use std::ops::Range;

/// A source that could not answer. The report then carries this error and no verdict.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{origin} is unreachable: {message}")]
    Unreachable { origin: String, message: String },
    #[error("{origin} answered something unusable: {message}")]
    Garbage { origin: String, message: String },
    #[error("{origin} refused the query: {message}")]
    Refused { origin: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The history an evaluation reads.
pub enum Source {
    /// The embedded store (filled by scraping Envoy).
    Store(std::sync::Arc<tokio::sync::Mutex<Store>>),
    Prometheus(Box<PrometheusSource>),
}

impl Source {
    /// Increase of the series `names` over `window`.
    pub async fn totals(
        &self,
        window: Range<u64>,
        names: &[String],
    ) -> Result<Totals, SourceError> {
        match self {
            Source::Store(store) => Ok(store.lock().await.totals(window)?),
            Source::Prometheus(p) => p.totals(window, names).await,
        }
    }

    /// Names the source in the report.
    pub fn describe(&self) -> String {
        match self {
            Source::Store(_) => "embedded".to_owned(),
            Source::Prometheus(p) => p.base.clone(),
        }
    }
}
