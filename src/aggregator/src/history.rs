//! PSI and its critical value of every drift comparison, evaluation after evaluation: the
//! "PSI over time" of the HTML report. Bounded: each comparison keeps its last
//! `capacity` points, and comparisons absent from the latest report are dropped.

use crate::analysis::{DriftVerdict, Group};
use crate::report::Report;
use std::collections::{BTreeMap, VecDeque};

/// Points kept per comparison by default (an evaluation a minute: two hours).
pub const DEFAULT_CAPACITY: usize = 120;

/// One evaluation of one comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PsiPoint {
    /// Evaluation time, Unix seconds.
    pub at: u64,
    pub psi: Option<f64>,
    pub critical_psi: Option<f64>,
    pub verdict: DriftVerdict,
}

/// Key of one comparison: (feature, label set).
pub type SeriesId = (String, Group);

/// The recent PSI points of every comparison.
#[derive(Debug, Clone)]
pub struct History {
    capacity: usize,
    series: BTreeMap<SeriesId, VecDeque<PsiPoint>>,
}

impl Default for History {
    fn default() -> Self {
        History::with_capacity(DEFAULT_CAPACITY)
    }
}

impl History {
    /// A history keeping at most `capacity` (≥ 1) points per comparison.
    pub fn with_capacity(capacity: usize) -> History {
        History {
            capacity: capacity.max(1),
            series: BTreeMap::new(),
        }
    }

    /// Adds the drift entries of a report evaluated at `at` (Unix seconds). A report without
    /// verdicts (unhealthy source) adds nothing and drops nothing.
    pub fn record(&mut self, report: &Report, at: u64) {
        if !report.healthy {
            return;
        }
        let mut seen = std::collections::BTreeSet::new();
        for entry in &report.analysis.drift {
            let feature: &str = &entry.feature;
            let id = (feature.to_owned(), entry.group.clone());
            let points = self.series.entry(id.clone()).or_default();
            if points.back().is_some_and(|p| p.at >= at) {
                points.pop_back();
            }
            points.push_back(PsiPoint {
                at,
                psi: entry.statistics.psi,
                critical_psi: entry.statistics.critical_psi,
                verdict: entry.verdict,
            });
            while points.len() > self.capacity {
                points.pop_front();
            }
            seen.insert(id);
        }
        self.series.retain(|id, _| seen.contains(id));
    }

    /// The points of one comparison, oldest first (empty when unknown).
    pub fn points(&self, feature: &str, group: &Group) -> Vec<PsiPoint> {
        self.series
            .get(&(feature.to_owned(), group.clone()))
            .map(|p| p.iter().copied().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, AnalysisSettings, WindowTotals};
    use crate::totals::SeriesKey;
    use crate::windows::WindowSettings;

    fn report_with_prompt_drift(models: &[&str]) -> Report {
        let mut w = WindowTotals::default();
        for model in models {
            for (t, counts) in [
                (&mut w.reference, [500.0, 800.0, 1000.0]),
                (&mut w.current, [100.0, 400.0, 1000.0]),
            ] {
                for (le, c) in ["10", "100", "+Inf"].iter().zip(counts) {
                    t.add(
                        SeriesKey::reduce(
                            "llm_prompt_tokens_bucket",
                            [("gen_ai_request_model", *model), ("le", *le)],
                        ),
                        c,
                    );
                }
            }
        }
        Report {
            generated_at: 0,
            source: "test".to_owned(),
            windows: WindowSettings::default().at(1_000_000),
            healthy: true,
            errors: Vec::new(),
            warnings: Vec::new(),
            alarms: 0,
            analysis: analyze(&w, &AnalysisSettings::default()),
        }
    }

    fn group(model: &str) -> Group {
        Group {
            gen_ai_request_model: model.to_owned(),
            destination_service: String::new(),
        }
    }

    #[test]
    fn keeps_the_last_points_of_the_comparisons_still_reported() {
        let mut h = History::with_capacity(3);
        for at in 1..=5 {
            h.record(&report_with_prompt_drift(&["a", "b"]), at);
        }
        let a = h.points("prompt_tokens", &group("a"));
        assert_eq!(a.iter().map(|p| p.at).collect::<Vec<_>>(), vec![3, 4, 5]);
        assert!(a.iter().all(|p| p.verdict == DriftVerdict::Drift));
        assert!(a[0].psi.unwrap() > a[0].critical_psi.unwrap());
        // "b" disappears from the report: its points go.
        h.record(&report_with_prompt_drift(&["a"]), 6);
        assert!(h.points("prompt_tokens", &group("b")).is_empty());
        assert_eq!(h.points("prompt_tokens", &group("a")).len(), 3);
        // The same time again replaces the last point instead of adding one.
        h.record(&report_with_prompt_drift(&["a"]), 6);
        assert_eq!(h.points("prompt_tokens", &group("a")).len(), 3);
    }

    #[test]
    fn an_unhealthy_report_changes_nothing() {
        let mut h = History::default();
        h.record(&report_with_prompt_drift(&["a"]), 1);
        let mut bad = report_with_prompt_drift(&[]);
        bad.healthy = false;
        h.record(&bad, 2);
        assert_eq!(h.points("prompt_tokens", &group("a")).len(), 1);
    }
}
