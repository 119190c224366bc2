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

    /// Series named `name`.
    pub fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = (&'a SeriesKey, f64)> + 'a {
        self.series
            .iter()
            .filter(move |(k, _)| k.name == name)
            .map(|(k, v)| (k, *v))
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
}
