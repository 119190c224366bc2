//! One evaluation: read the windows from the source, analyse, and say whether the answer can
//! be trusted. A source error gives a report with the error and no verdict at all.

use super::analysis::{analyze, Analysis, AnalysisSettings, WindowTotals};
use super::catalogue::{series_names, REFUSALS, REQUESTS};
use super::source::{Source, SourceError};
use super::totals::Totals;
use super::windows::{WindowSettings, Windows};
use std::ops::Range;
use std::time::Duration;

/// The JSON report (`/report`, `llmtap drift --once --json`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    /// Unix seconds when it was computed.
    pub generated_at: u64,
    pub source: String,
    pub windows: Windows,
    /// false: a source failed; `errors` says how, and there is no verdict.
    pub healthy: bool,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    /// Drift and spike verdicts that call for attention.
    pub alarms: usize,
    #[serde(flatten)]
    pub analysis: Analysis,
}

/// Attempts per query and the first back-off (doubled each time).
const ATTEMPTS: u32 = 3;
const FIRST_BACKOFF: Duration = Duration::from_millis(250);

async fn totals_with_retry(
    source: &Source,
    window: Range<u64>,
    names: &[String],
) -> Result<Totals, SourceError> {
    let mut backoff = FIRST_BACKOFF;
    let mut attempt = 1;
    loop {
        match source.totals(window.clone(), names).await {
            Ok(t) => return Ok(t),
            Err(SourceError::Store(e)) => return Err(SourceError::Store(e)),
            Err(e) if attempt >= ATTEMPTS => return Err(e),
            Err(_) => {
                tokio::time::sleep(backoff).await;
                backoff *= 2;
                attempt += 1;
            }
        }
    }
}

async fn read_windows(source: &Source, windows: &Windows) -> Result<WindowTotals, SourceError> {
    let names = series_names();
    let rates = [REQUESTS.to_owned(), REFUSALS.to_owned()];
    let mut totals = WindowTotals {
        current: totals_with_retry(source, windows.current.clone(), &names).await?,
        reference: totals_with_retry(source, windows.reference.clone(), &names).await?,
        spikes: Vec::with_capacity(windows.spikes.len()),
    };
    for w in &windows.spikes {
        totals
            .spikes
            .push(totals_with_retry(source, w.clone(), &rates).await?);
    }
    Ok(totals)
}

/// Evaluates at `now` (Unix seconds). `health_errors` are problems already known (a source
/// that the scrape loop cannot reach): with any, the report has no verdict.
pub async fn evaluate(
    source: &Source,
    windows: &WindowSettings,
    settings: &AnalysisSettings,
    now: u64,
    health_errors: Vec<String>,
) -> Report {
    let w = windows.at(now);
    let mut report = Report {
        generated_at: crate::clock::unix_now(),
        source: source.describe(),
        windows: w.clone(),
        healthy: health_errors.is_empty(),
        errors: health_errors,
        warnings: Vec::new(),
        alarms: 0,
        analysis: Analysis::default(),
    };
    if !report.healthy {
        return report;
    }
    match read_windows(source, &w).await {
        Ok(totals) => {
            if totals.current.series.is_empty() && totals.reference.series.is_empty() {
                report.warnings.push(
                    "no llmtap series in either window (is the filter loaded, and is this the right source?)"
                        .to_owned(),
                );
            }
            report.analysis = analyze(&totals, settings);
            report.alarms = report.analysis.alarms();
        }
        Err(e) => {
            report.healthy = false;
            report.errors.push(e.to_string());
        }
    }
    report
}
