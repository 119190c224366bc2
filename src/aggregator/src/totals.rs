//! What a source answers for one time window: the increase of every kept series.

use super::catalogue::KEPT_LABELS;
use std::collections::HashMap;

/// One series after reduction to the [`KEPT_LABELS`]: a name and its kept labels, sorted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesKey {
    pub name: String,
    pub labels: Vec<(String, String)>,
}

impl SeriesKey {
    /// Keeps only the [`KEPT_LABELS`] of `labels` (any order), sorted by name; empty values
    /// are dropped (PromQL treats an empty label as absent).
    pub fn reduce<'a>(name: &str, labels: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut kept: Vec<(String, String)> = labels
            .into_iter()
            .filter(|(k, v)| !v.is_empty() && KEPT_LABELS.contains(k))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        kept.sort();
        SeriesKey {
            name: name.to_owned(),
            labels: kept,
        }
    }

    /// The value of label `key` ("" when absent).
    pub fn label(&self, key: &str) -> &str {
        self.labels
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    /// A stable text form, `name{k="v",…}` (the embedded store's key).
    pub fn encode(&self) -> String {
        let labels: Vec<String> = self
            .labels
            .iter()
            .map(|(k, v)| format!("{k}=\"{}\"", escape_label(v)))
            .collect();
        format!("{}{{{}}}", self.name, labels.join(","))
    }

    /// Inverse of [`SeriesKey::encode`], through the Prometheus text parser.
    pub fn decode(text: &str) -> Option<SeriesKey> {
        let sample = crate::prom_text::parse(&format!("{text} 0\n")).ok()?;
        let sample = sample.samples.into_iter().next()?;
        Some(SeriesKey {
            name: sample.name,
            labels: sample.labels,
        })
    }
}

/// Escapes a label value as the Prometheus text format does (`\\`, `\"`, `\n`).
pub fn escape_label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Increase of each series over a window (counts; may be fractional from PromQL's
/// extrapolating `increase()`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub series: HashMap<SeriesKey, f64>,
}

impl Totals {
    /// Adds `value` to `key`.
    pub fn add(&mut self, key: SeriesKey, value: f64) {
        *self.series.entry(key).or_insert(0.0) += value;
    }

    /// Series named `name` (a scan of every series; the analysis uses [`Totals::by_name`]).
    #[cfg(test)]
    pub fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = (&'a SeriesKey, f64)> + 'a {
        self.series
            .iter()
            .filter(move |(k, _)| k.name == name)
            .map(|(k, v)| (k, *v))
    }

    /// The series grouped by name, built in one pass so that each family is then read
    /// without scanning the others (the analysis reads ~16 families per window).
    pub fn by_name(&self) -> ByName<'_> {
        let mut families: HashMap<&str, Vec<(&SeriesKey, f64)>> = HashMap::new();
        for (key, value) in &self.series {
            families
                .entry(key.name.as_str())
                .or_default()
                .push((key, *value));
        }
        ByName { families }
    }
}

/// An index of a [`Totals`] by series name ([`Totals::by_name`]). Within a name the series come
/// in the same order as [`Totals::named`] gives them, so sums over them are bit-identical.
#[derive(Debug, Default)]
pub struct ByName<'a> {
    families: HashMap<&'a str, Vec<(&'a SeriesKey, f64)>>,
}

impl<'a> ByName<'a> {
    /// Series named `name` (what [`Totals::named`] yields, in the same order).
    pub fn named(&self, name: &str) -> impl Iterator<Item = (&'a SeriesKey, f64)> + '_ {
        self.families.get(name).into_iter().flatten().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reduction_keeps_only_known_labels_and_round_trips() {
        let key = SeriesKey::reduce(
            "llm_prompt_tokens_bucket",
            [
                ("pod", "a"),
                ("le", "+Inf"),
                ("gen_ai_request_model", "m \"x\"\\y"),
                ("destination_service", ""),
                ("token_source", "usage"),
            ],
        );
        assert_eq!(
            key.labels,
            vec![
                ("gen_ai_request_model".to_owned(), "m \"x\"\\y".to_owned()),
                ("le".to_owned(), "+Inf".to_owned()),
                ("token_source".to_owned(), "usage".to_owned()),
            ]
        );
        assert_eq!(SeriesKey::decode(&key.encode()), Some(key.clone()));
        assert_eq!(key.label("destination_service"), "");
    }

    #[test]
    fn the_index_by_name_yields_what_a_scan_yields_in_the_same_order() {
        use super::super::synthetic::{stationary_evaluation, SplitMix64, Traffic};
        let groups: Vec<Vec<(&str, &str)>> = ["a", "b", "c"]
            .iter()
            .map(|m| vec![("gen_ai_request_model", *m)])
            .collect();
        let mut rng = SplitMix64::new(7);
        let totals =
            stationary_evaluation(&mut rng, &Traffic::typical(), &groups, 500, 100, 1, 50).current;
        let index = totals.by_name();
        let mut names: Vec<&str> = totals.series.keys().map(|k| k.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert!(names.len() > 5, "{names:?}");
        let mut seen = 0;
        for name in names.iter().copied().chain(["llm_absent_family"]) {
            let scanned: Vec<(&SeriesKey, f64)> = totals.named(name).collect();
            let indexed: Vec<(&SeriesKey, f64)> = index.named(name).collect();
            assert_eq!(scanned, indexed, "{name}");
            seen += indexed.len();
        }
        assert_eq!(seen, totals.series.len());
    }
}
