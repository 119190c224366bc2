//! From window totals to the report: drift per feature and label set, spikes per signal,
//! and the output-to-prompt token ratio. Pure: the same totals give the same report, whichever
//! source (embedded store or Prometheus) produced them.

use super::catalogue::{
    CategoryFeature, HistogramFeature, CATEGORIES, ERROR_OUTCOMES, FULL_REFUSAL_KINDS, HISTOGRAMS,
    REFUSALS, REQUESTS, RESET_LABELS, TOKENS,
};
use super::totals::{ByName, SeriesKey, Totals};
use crate::histogram::Histogram;
use crate::prom_text::parse_value;
use crate::stats::buckets::{merge_sparse, per_bucket};
use crate::stats::drift::{self, DriftReport, DriftSettings, Verdict};
use crate::stats::embedding_drift::EmbeddingDriftSettings;
use crate::stats::spike::{self, SpikeReport, SpikeSettings, SpikeVerdict, WindowCount};
use llmtap_core::metrics::catalogue as m;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

mod answer_labels;
pub mod embedding;

pub use embedding::EmbeddingDriftEntry;

/// Settings of the statistics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnalysisSettings {
    pub drift: DriftSettings,
    pub spike: SpikeSettings,
    /// Adjacent histogram buckets are merged until each holds at least this fraction of the
    /// reference window (default 0.05, Siddiqi 2006); 0 keeps every bucket.
    pub min_bin_fraction: f64,
    /// Prompt-embedding drift (issue #18).
    pub embedding: EmbeddingDriftSettings,
}

impl Default for AnalysisSettings {
    fn default() -> Self {
        AnalysisSettings {
            drift: DriftSettings::default(),
            spike: SpikeSettings::default(),
            min_bin_fraction: 0.05,
            embedding: EmbeddingDriftSettings::default(),
        }
    }
}

/// The windows' totals a report is computed from.
#[derive(Debug, Clone, Default)]
pub struct WindowTotals {
    pub current: Totals,
    pub reference: Totals,
    /// The spike windows, oldest first; the last is the current spike window.
    pub spikes: Vec<Totals>,
}

/// One comparison's label set.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Group {
    pub gen_ai_request_model: String,
    pub destination_service: String,
}

impl Group {
    fn of(key: &SeriesKey) -> Group {
        Group::from_ref(GroupRef::of(key))
    }

    fn from_ref(g: GroupRef<'_>) -> Group {
        Group {
            gen_ai_request_model: g.0.to_owned(),
            destination_service: g.1.to_owned(),
        }
    }
}

/// A [`Group`] borrowed from a series key, (model, destination service): it orders as
/// `Group` does, so maps keyed by it are built without allocating per series and converted
/// once per label set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct GroupRef<'a>(&'a str, &'a str);

impl<'a> GroupRef<'a> {
    fn of(key: &'a SeriesKey) -> Self {
        GroupRef(
            key.label("gen_ai_request_model"),
            key.label("destination_service"),
        )
    }
}

/// A drift verdict, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DriftVerdict {
    NoDrift,
    Drift,
    InsufficientVolume,
    NoData,
    /// Token counting changed (`encoding` / `token_source`) and the windows share no
    /// counting method: the reference starts again instead of alarming.
    ReferenceReset,
}

impl DriftVerdict {
    /// Every value, for the verdict gauges.
    pub const ALL: [DriftVerdict; 5] = [
        DriftVerdict::NoDrift,
        DriftVerdict::Drift,
        DriftVerdict::InsufficientVolume,
        DriftVerdict::NoData,
        DriftVerdict::ReferenceReset,
    ];

    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            DriftVerdict::NoDrift => "no_drift",
            DriftVerdict::Drift => "drift",
            DriftVerdict::InsufficientVolume => "insufficient_volume",
            DriftVerdict::NoData => "no_data",
            DriftVerdict::ReferenceReset => "reference_reset",
        }
    }

    pub(super) fn from_core(v: Verdict) -> DriftVerdict {
        match v {
            Verdict::NoDrift => DriftVerdict::NoDrift,
            Verdict::Drift => DriftVerdict::Drift,
            Verdict::InsufficientVolume => DriftVerdict::InsufficientVolume,
            Verdict::NoData => DriftVerdict::NoData,
        }
    }
}

/// The bins a comparison used (after merging sparse buckets).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Bins {
    /// Upper bound of each bin (`le`), or the category name.
    pub labels: Vec<String>,
    pub reference: Vec<f64>,
    pub current: Vec<f64>,
}

/// Drift of one feature for one label set.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DriftEntry {
    /// A catalogue feature, or `answer_label:<name>`.
    pub feature: Cow<'static, str>,
    /// `histogram` or `categorical`.
    pub kind: &'static str,
    #[serde(flatten)]
    pub group: Group,
    pub verdict: DriftVerdict,
    /// Token-counting methods (`encoding`/`token_source` values) seen in each window; when
    /// they differ only the common ones are compared.
    pub counting_current: Vec<String>,
    pub counting_reference: Vec<String>,
    pub bins: Bins,
    pub statistics: DriftReport,
}

/// A rate signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    RefusalRate,
    ErrorRate,
}

impl Signal {
    pub fn name(self) -> &'static str {
        match self {
            Signal::RefusalRate => "refusal_rate",
            Signal::ErrorRate => "error_rate",
        }
    }
}

/// Spike rules on one signal for one label set.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SpikeEntry {
    pub signal: Signal,
    #[serde(flatten)]
    pub group: Group,
    pub verdict: SpikeVerdict,
    /// The reference window's rate (CUSUM's in-control rate).
    pub reference_rate: Option<f64>,
    /// Events and trials of every spike window, oldest first; the last is the current one
    /// (the report's rate-per-window plot).
    pub windows: Vec<WindowCount>,
    pub statistics: SpikeReport,
}

/// Output tokens per prompt token.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RatioEntry {
    #[serde(flatten)]
    pub group: Group,
    pub current: Option<f64>,
    pub reference: Option<f64>,
    /// current / reference.
    pub change: Option<f64>,
}

/// Everything computed from one [`WindowTotals`].
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Analysis {
    pub drift: Vec<DriftEntry>,
    pub spikes: Vec<SpikeEntry>,
    pub ratios: Vec<RatioEntry>,
    /// Prompt-embedding drift per model (`feature = "prompt_embedding"`).
    pub embedding_drift: Vec<EmbeddingDriftEntry>,
}

impl Analysis {
    /// Drift and spike verdicts that call for attention.
    pub fn alarms(&self) -> usize {
        self.drift
            .iter()
            .filter(|d| d.verdict == DriftVerdict::Drift)
            .count()
            + self
                .embedding_drift
                .iter()
                .filter(|d| d.verdict == DriftVerdict::Drift)
                .count()
            + self
                .spikes
                .iter()
                .filter(|s| matches!(s.verdict, SpikeVerdict::Spike | SpikeVerdict::SustainedRise))
                .count()
    }
}

/// [`WindowTotals`] indexed by series name ([`Totals::by_name`]): each window is scanned once
/// instead of once per family read from it (the hot spot at 10 000 series).
struct WindowIndex<'a> {
    current: ByName<'a>,
    reference: ByName<'a>,
    spikes: Vec<ByName<'a>>,
}

impl<'a> WindowIndex<'a> {
    fn of(totals: &'a WindowTotals) -> Self {
        WindowIndex {
            current: totals.current.by_name(),
            reference: totals.reference.by_name(),
            spikes: totals.spikes.iter().map(Totals::by_name).collect(),
        }
    }
}

/// Computes the report's statistics.
pub fn analyze(totals: &WindowTotals, settings: &AnalysisSettings) -> Analysis {
    let totals = &WindowIndex::of(totals);
    let mut out = Analysis::default();
    for feature in &HISTOGRAMS {
        histogram_drift(feature, totals, settings, &mut out.drift);
    }
    for feature in &CATEGORIES {
        category_drift(feature, totals, settings, &mut out.drift);
    }
    answer_labels::drift(&totals.current, &totals.reference, settings, &mut out.drift);
    for signal in [Signal::RefusalRate, Signal::ErrorRate] {
        spikes(signal, totals, settings, &mut out.spikes);
    }
    out.ratios = ratios(totals);
    out.embedding_drift = embedding::drift(&totals.current, &totals.reference, settings);
    out
}

/// The token-counting method of a series: its [`RESET_LABELS`] values joined by `/`.
fn counting(key: &SeriesKey) -> String {
    RESET_LABELS
        .iter()
        .map(|l| key.label(l))
        .collect::<Vec<_>>()
        .join("/")
}

/// group → counting method → (le, cumulative count) pairs.
type Buckets = BTreeMap<Group, BTreeMap<String, Vec<(f64, f64)>>>;

fn collect_buckets(totals: &ByName<'_>, name: &str) -> Buckets {
    let mut out: BTreeMap<GroupRef<'_>, BTreeMap<String, Vec<(f64, f64)>>> = BTreeMap::new();
    for (key, value) in totals.named(name) {
        let Ok(le) = parse_value(key.label("le")) else {
            continue;
        };
        let by_method = out.entry(GroupRef::of(key)).or_default();
        let method = counting(key);
        match by_method.get_mut(&method) {
            Some(pairs) => pairs.push((le, value)),
            None => {
                by_method.insert(method, vec![(le, value)]);
            }
        }
    }
    out.into_iter()
        .map(|(g, by_method)| (Group::from_ref(g), by_method))
        .collect()
}

/// Methods with observations (a +Inf bucket above 0).
fn methods_with_data(by_method: &BTreeMap<String, Vec<(f64, f64)>>) -> BTreeSet<String> {
    by_method
        .iter()
        .filter(|(_, pairs)| {
            pairs
                .iter()
                .any(|(le, count)| le.is_infinite() && *count > 0.0)
        })
        .map(|(m, _)| m.clone())
        .collect()
}

fn sum_methods(
    by_method: Option<&BTreeMap<String, Vec<(f64, f64)>>>,
    methods: &BTreeSet<String>,
) -> Histogram {
    let pairs = by_method
        .into_iter()
        .flatten()
        .filter(|(m, _)| methods.contains(*m))
        .flat_map(|(_, pairs)| pairs.iter().copied())
        .collect();
    Histogram::from_cumulative(pairs)
}

fn format_bound(le: f64) -> String {
    if le.is_infinite() {
        "+Inf".to_owned()
    } else {
        format!("{le}")
    }
}

fn histogram_drift(
    feature: &HistogramFeature,
    totals: &WindowIndex<'_>,
    settings: &AnalysisSettings,
    out: &mut Vec<DriftEntry>,
) {
    let name = format!("{}_bucket", feature.family);
    let current = collect_buckets(&totals.current, &name);
    let reference = collect_buckets(&totals.reference, &name);
    let groups: BTreeSet<&Group> = current.keys().chain(reference.keys()).collect();
    for group in groups {
        let (cur, refr) = (current.get(group), reference.get(group));
        let cur_methods = cur.map(methods_with_data).unwrap_or_default();
        let ref_methods = refr.map(methods_with_data).unwrap_or_default();
        let mut reset = false;
        let (cur_used, ref_used) = if feature.tokens && cur_methods != ref_methods {
            let common: BTreeSet<String> =
                cur_methods.intersection(&ref_methods).cloned().collect();
            reset = common.is_empty() && !cur_methods.is_empty() && !ref_methods.is_empty();
            (common.clone(), common)
        } else {
            let all: BTreeSet<String> = cur
                .into_iter()
                .chain(refr)
                .flat_map(|m| m.keys().cloned())
                .collect();
            (all.clone(), all)
        };
        let ch = sum_methods(cur, &cur_used);
        let rh = sum_methods(refr, &ref_used);
        // Bounds present in both windows (a cumulative count at a bound does not depend on
        // the other bounds, so the intersection is exact even if the layouts differ).
        let bounds: Vec<f64> = rh
            .buckets()
            .iter()
            .map(|(le, _)| *le)
            .filter(|le| ch.buckets().iter().any(|(b, _)| b == le))
            .collect();
        let at = |h: &Histogram| -> Vec<f64> {
            bounds
                .iter()
                .map(|le| {
                    h.buckets()
                        .iter()
                        .find(|(b, _)| b == le)
                        .map_or(0.0, |(_, c)| *c)
                })
                .collect()
        };
        let complete = bounds.last().is_some_and(|b| b.is_infinite());
        let (rc, cc) = if complete {
            (per_bucket(&at(&rh)), per_bucket(&at(&ch)))
        } else {
            (Vec::new(), Vec::new())
        };
        let (rm, cm, groups_used) = if settings.min_bin_fraction > 0.0 && !rc.is_empty() {
            merge_sparse(&rc, &cc, settings.min_bin_fraction)
        } else {
            let n = rc.len();
            (rc, cc, (0..n).map(|i| i..i + 1).collect())
        };
        let labels = groups_used
            .iter()
            .filter_map(|g| bounds.get(g.end.wrapping_sub(1)).copied())
            .map(format_bound)
            .collect();
        let statistics = drift::compare(&rm, &cm, settings.drift);
        let verdict = if reset {
            DriftVerdict::ReferenceReset
        } else {
            DriftVerdict::from_core(statistics.verdict)
        };
        out.push(DriftEntry {
            feature: Cow::Borrowed(feature.feature),
            kind: "histogram",
            group: group.clone(),
            verdict,
            counting_current: cur_methods.into_iter().collect(),
            counting_reference: ref_methods.into_iter().collect(),
            bins: Bins {
                labels,
                reference: rm,
                current: cm,
            },
            statistics,
        });
    }
}

fn collect_categories(
    totals: &ByName<'_>,
    feature: &CategoryFeature,
) -> BTreeMap<Group, BTreeMap<String, f64>> {
    let mut out: BTreeMap<GroupRef<'_>, BTreeMap<&str, f64>> = BTreeMap::new();
    for (key, value) in totals.named(feature.family) {
        let category = key.label(feature.label);
        if category.is_empty() {
            continue;
        }
        *out.entry(GroupRef::of(key))
            .or_default()
            .entry(category)
            .or_insert(0.0) += value;
    }
    out.into_iter()
        .map(|(g, categories)| {
            let categories = categories
                .into_iter()
                .map(|(c, v)| (c.to_owned(), v))
                .collect();
            (Group::from_ref(g), categories)
        })
        .collect()
}

fn category_drift(
    feature: &CategoryFeature,
    totals: &WindowIndex<'_>,
    settings: &AnalysisSettings,
    out: &mut Vec<DriftEntry>,
) {
    let current = collect_categories(&totals.current, feature);
    let reference = collect_categories(&totals.reference, feature);
    let groups: BTreeSet<&Group> = current.keys().chain(reference.keys()).collect();
    let empty = BTreeMap::new();
    for group in groups {
        out.push(categorical_entry(
            Cow::Borrowed(feature.feature),
            group.clone(),
            reference.get(group).unwrap_or(&empty),
            current.get(group).unwrap_or(&empty),
            settings,
        ));
    }
}

/// One categorical comparison: the counts per category of both windows (a category missing
/// from one window counts 0 there), bins in category order.
pub(crate) fn categorical_entry(
    feature: Cow<'static, str>,
    group: Group,
    reference: &BTreeMap<String, f64>,
    current: &BTreeMap<String, f64>,
    settings: &AnalysisSettings,
) -> DriftEntry {
    let categories: BTreeSet<&String> = current.keys().chain(reference.keys()).collect();
    let pick = |side: &BTreeMap<String, f64>| -> Vec<f64> {
        categories
            .iter()
            .map(|c| side.get(*c).copied().unwrap_or(0.0))
            .collect()
    };
    let (rc, cc) = (pick(reference), pick(current));
    let statistics = drift::compare(&rc, &cc, settings.drift);
    DriftEntry {
        feature,
        kind: "categorical",
        group,
        verdict: DriftVerdict::from_core(statistics.verdict),
        counting_current: Vec::new(),
        counting_reference: Vec::new(),
        bins: Bins {
            labels: categories.into_iter().cloned().collect(),
            reference: rc,
            current: cc,
        },
        statistics,
    }
}

/// (events, trials) per group in one window, rounded to whole counts (PromQL's `increase()`
/// extrapolates to fractions), events capped at trials.
fn signal_counts(totals: &ByName<'_>, signal: Signal) -> BTreeMap<Group, WindowCount> {
    let mut raw: BTreeMap<GroupRef<'_>, (f64, f64)> = BTreeMap::new();
    for (key, value) in totals.named(REQUESTS) {
        let entry = raw.entry(GroupRef::of(key)).or_default();
        entry.1 += value;
        if signal == Signal::ErrorRate && ERROR_OUTCOMES.contains(&key.label("outcome")) {
            entry.0 += value;
        }
    }
    if signal == Signal::RefusalRate {
        let full = totals
            .named(REFUSALS)
            .filter(|(key, _)| FULL_REFUSAL_KINDS.contains(&key.label(m::LABEL_REFUSAL_KIND)));
        for (key, value) in full {
            raw.entry(GroupRef::of(key)).or_default().0 += value;
        }
    }
    raw.into_iter()
        .map(|(g, (events, trials))| {
            let trials = trials.max(0.0).round() as u64;
            let events = (events.max(0.0).round() as u64).min(trials);
            (Group::from_ref(g), WindowCount { events, trials })
        })
        .collect()
}

fn spikes(
    signal: Signal,
    totals: &WindowIndex<'_>,
    settings: &AnalysisSettings,
    out: &mut Vec<SpikeEntry>,
) {
    let Some((current_totals, trailing_totals)) = totals.spikes.split_last() else {
        return;
    };
    let current = signal_counts(current_totals, signal);
    let trailing: Vec<BTreeMap<Group, WindowCount>> = trailing_totals
        .iter()
        .map(|t| signal_counts(t, signal))
        .collect();
    let reference = signal_counts(&totals.reference, signal);
    let mut groups: BTreeSet<&Group> = current.keys().collect();
    for t in &trailing {
        groups.extend(t.keys());
    }
    for group in groups {
        let series: Vec<WindowCount> = trailing
            .iter()
            .map(|t| t.get(group).copied().unwrap_or_default())
            .collect();
        let now = current.get(group).copied().unwrap_or_default();
        let reference_rate = reference.get(group).and_then(|w| w.rate());
        let statistics = spike::evaluate(&series, now, reference_rate, settings.spike);
        let mut windows = series;
        windows.push(now);
        out.push(SpikeEntry {
            signal,
            group: group.clone(),
            verdict: statistics.verdict,
            reference_rate,
            windows,
            statistics,
        });
    }
}

fn token_ratio(totals: &ByName<'_>) -> BTreeMap<Group, (f64, f64)> {
    let mut out: BTreeMap<Group, (f64, f64)> = BTreeMap::new();
    for (key, value) in totals.named(TOKENS) {
        let entry = out.entry(Group::of(key)).or_default();
        match key.label("gen_ai_token_type") {
            "input" => entry.0 += value,
            "output" => entry.1 += value,
            _ => {}
        }
    }
    out
}

fn ratios(totals: &WindowIndex<'_>) -> Vec<RatioEntry> {
    let current = token_ratio(&totals.current);
    let reference = token_ratio(&totals.reference);
    let ratio = |m: &BTreeMap<Group, (f64, f64)>, g: &Group| {
        m.get(g)
            .filter(|(input, _)| *input > 0.0)
            .map(|(input, output)| output / input)
    };
    let groups: BTreeSet<&Group> = current.keys().chain(reference.keys()).collect();
    groups
        .into_iter()
        .map(|g| {
            let (c, r) = (ratio(&current, g), ratio(&reference, g));
            RatioEntry {
                group: g.clone(),
                current: c,
                reference: r,
                change: c.zip(r).filter(|(_, r)| *r > 0.0).map(|(c, r)| c / r),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str, labels: &[(&str, &str)]) -> SeriesKey {
        SeriesKey::reduce(name, labels.iter().copied())
    }

    /// Cumulative buckets (le 10, 100, +Inf) of one model.
    fn hist(t: &mut Totals, model: &str, extra: &[(&str, &str)], counts: [f64; 3]) {
        for (le, c) in ["10", "100", "+Inf"].iter().zip(counts) {
            let mut labels = vec![("gen_ai_request_model", model), ("le", *le)];
            labels.extend_from_slice(extra);
            t.add(key("llm_prompt_tokens_bucket", &labels), c);
        }
    }

    fn no_merge() -> AnalysisSettings {
        AnalysisSettings {
            min_bin_fraction: 0.0,
            ..AnalysisSettings::default()
        }
    }

    #[test]
    fn histogram_drift_uses_per_bucket_increments() {
        let mut w = WindowTotals::default();
        hist(&mut w.reference, "m", &[], [500.0, 800.0, 1000.0]);
        hist(&mut w.current, "m", &[], [100.0, 400.0, 1000.0]);
        let a = analyze(&w, &no_merge());
        let d = &a.drift[0];
        assert_eq!(
            (d.feature.as_ref(), d.verdict),
            ("prompt_tokens", DriftVerdict::Drift)
        );
        assert_eq!(d.bins.reference, vec![500.0, 300.0, 200.0]);
        assert_eq!(d.bins.current, vec![100.0, 300.0, 600.0]);
        assert_eq!(d.bins.labels, vec!["10", "100", "+Inf"]);
        let expected = (0.1f64 - 0.5) * (0.1f64 / 0.5).ln() + (0.6f64 - 0.2) * (0.6f64 / 0.2).ln();
        assert!((d.statistics.psi.unwrap() - expected).abs() < 1e-12);
        assert_eq!(a.alarms(), 1);
    }

    #[test]
    fn a_new_counting_method_resets_the_reference_instead_of_alarming() {
        const CL100K: &[(&str, &str)] = &[("encoding", "cl100k")];
        const O200K: &[(&str, &str)] = &[("encoding", "o200k")];
        // The reference window counted with cl100k only.
        let cl100k_reference = || {
            let mut w = WindowTotals::default();
            hist(&mut w.reference, "m", CL100K, [500.0, 800.0, 1000.0]);
            w
        };
        let mut w = cl100k_reference();
        hist(&mut w.current, "m", O200K, [100.0, 400.0, 1000.0]);
        let a = analyze(&w, &no_merge());
        assert_eq!(a.drift[0].verdict, DriftVerdict::ReferenceReset);
        assert_eq!(a.drift[0].counting_current, vec!["o200k/"]);
        assert_eq!(a.alarms(), 0);
        // Both methods in the current window: only the common one is compared.
        let mut w2 = cl100k_reference();
        hist(&mut w2.current, "m", CL100K, [250.0, 400.0, 500.0]);
        hist(&mut w2.current, "m", O200K, [10.0, 40.0, 1000.0]);
        let d = &analyze(&w2, &no_merge()).drift[0];
        assert_eq!(d.verdict, DriftVerdict::NoDrift);
        assert_eq!(d.bins.current, vec![250.0, 150.0, 100.0]);
    }

    #[test]
    fn categories_spikes_and_ratios() {
        let mut w = WindowTotals::default();
        for (t, stop, filter) in [
            (&mut w.reference, 900.0, 100.0),
            (&mut w.current, 500.0, 500.0),
        ] {
            t.add(
                key(
                    "llm_finish_reasons_total",
                    &[("gen_ai_request_model", "m"), ("finish_reason", "stop")],
                ),
                stop,
            );
            t.add(
                key(
                    "llm_finish_reasons_total",
                    &[
                        ("gen_ai_request_model", "m"),
                        ("finish_reason", "content_filter"),
                    ],
                ),
                filter,
            );
            t.add(
                key(
                    "llm_tokens_total",
                    &[
                        ("gen_ai_request_model", "m"),
                        ("gen_ai_token_type", "input"),
                    ],
                ),
                1000.0,
            );
            t.add(
                key(
                    "llm_tokens_total",
                    &[
                        ("gen_ai_request_model", "m"),
                        ("gen_ai_token_type", "output"),
                    ],
                ),
                stop,
            );
        }
        for i in 0..25 {
            let mut t = Totals::default();
            let refusals = if i == 24 {
                60.0
            } else {
                5.0 + f64::from(i % 2)
            };
            t.add(
                key(
                    "llm_requests_total",
                    &[("gen_ai_request_model", "m"), ("outcome", "complete")],
                ),
                1000.0,
            );
            t.add(
                key(
                    "llm_refusals_total",
                    &[("gen_ai_request_model", "m"), ("refusal_source", "phrase")],
                ),
                refusals,
            );
            // Partial refusals answered part of the request: never in the refusal rate.
            t.add(
                key(
                    "llm_refusals_total",
                    &[
                        ("gen_ai_request_model", "m"),
                        ("refusal_source", "phrase"),
                        ("refusal_kind", "partial"),
                    ],
                ),
                if i == 23 { 400.0 } else { 3.0 },
            );
            w.spikes.push(t);
        }
        let a = analyze(&w, &AnalysisSettings::default());
        let fr = a
            .drift
            .iter()
            .find(|d| d.feature == "finish_reason")
            .unwrap();
        assert_eq!(fr.bins.labels, vec!["content_filter", "stop"]);
        assert_eq!(fr.verdict, DriftVerdict::Drift);
        let refusal = a
            .spikes
            .iter()
            .find(|s| s.signal == Signal::RefusalRate)
            .unwrap();
        assert_eq!(refusal.verdict, SpikeVerdict::Spike);
        assert_eq!(refusal.statistics.three_sigma_alarm, Some(true));
        assert_eq!(refusal.windows.len(), 25);
        assert_eq!(
            refusal.windows.last(),
            Some(&WindowCount {
                events: 60,
                trials: 1000
            })
        );
        let errors = a
            .spikes
            .iter()
            .find(|s| s.signal == Signal::ErrorRate)
            .unwrap();
        assert_eq!(errors.verdict, SpikeVerdict::NoSpike);
        assert_eq!(a.ratios[0].current, Some(0.5));
        assert_eq!(a.ratios[0].reference, Some(0.9));
    }
}
