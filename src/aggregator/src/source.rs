//! Where window totals come from: the embedded store or Prometheus.

use super::prometheus::PrometheusSource;
use super::store::Store;
use super::totals::Totals;
pub use crate::source_error::SourceError;
use std::ops::Range;

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
