//! A small parser for the Prometheus text exposition format (version 0.0.4), as served by
//! Envoy's `/stats/prometheus`, plus the sums llmtap needs over it.
//!
//! Accepted per line: blank; `# HELP name text`; `# TYPE name type`; other `#` comments
//! (ignored); `name value [timestamp_ms]`; `name{l1="v1",l2="v2"} value [timestamp_ms]`.
//! Label values may contain `\\`, `\"` and `\n` escapes; a trailing comma in the label set
//! and spaces around labels are accepted. Values are floats, including `NaN`, `+Inf`, `-Inf`.

use crate::histogram::Histogram;
use std::collections::BTreeMap;

/// One sample line.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub name: String,
    /// Labels in the order written.
    pub labels: Vec<(String, String)>,
    pub value: f64,
    /// Milliseconds since the Unix epoch, when given.
    pub timestamp_ms: Option<i64>,
}

impl Sample {
    /// The value of label `key`.
    pub fn label(&self, key: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Whether every `(key, value)` of `matchers` is one of this sample's labels.
    pub fn matches(&self, matchers: &[(&str, &str)]) -> bool {
        matchers.iter().all(|(k, v)| self.label(k) == Some(*v))
    }
}

/// `# TYPE` of a metric family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricType {
    Counter,
    Gauge,
    Histogram,
    Summary,
    Untyped,
}

/// A parsed exposition.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exposition {
    pub samples: Vec<Sample>,
    /// Family name → type, from `# TYPE`.
    pub types: BTreeMap<String, MetricType>,
    /// Family name → help text, from `# HELP` (unescaped).
    pub help: BTreeMap<String, String>,
}

/// A line that is not valid exposition format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}: {text:?}")]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    pub message: &'static str,
    pub text: String,
}

/// Parses a whole exposition.
pub fn parse(text: &str) -> Result<Exposition, ParseError> {
    let mut out = Exposition::default();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let fail = |message| ParseError {
            line: index + 1,
            message,
            text: raw.to_owned(),
        };
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let mut words = comment.trim_start().splitn(3, [' ', '\t']);
            match (words.next(), words.next(), words.next()) {
                (Some("TYPE"), Some(name), Some(kind)) => {
                    let kind = match kind.trim() {
                        "counter" => MetricType::Counter,
                        "gauge" => MetricType::Gauge,
                        "histogram" => MetricType::Histogram,
                        "summary" => MetricType::Summary,
                        "untyped" => MetricType::Untyped,
                        _ => return Err(fail("unknown metric type")),
                    };
                    out.types.insert(name.to_owned(), kind);
                }
                (Some("HELP"), Some(name), help) => {
                    out.help
                        .insert(name.to_owned(), unescape_help(help.unwrap_or("")));
                }
                _ => {}
            }
            continue;
        }
        out.samples.push(parse_sample(line).map_err(fail)?);
    }
    Ok(out)
}

fn parse_sample(line: &str) -> Result<Sample, &'static str> {
    let name_end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(line.len());
    let name = &line[..name_end];
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        return Err("invalid metric name");
    }
    let mut rest = &line[name_end..];
    let mut labels = Vec::new();
    if let Some(after) = rest.strip_prefix('{') {
        rest = parse_labels(after, &mut labels)?;
    }
    let mut fields = rest.split_whitespace();
    let value = parse_value(fields.next().ok_or("missing value")?)?;
    let timestamp_ms = match fields.next() {
        Some(ts) => Some(ts.parse::<i64>().map_err(|_| "invalid timestamp")?),
        None => None,
    };
    if fields.next().is_some() {
        return Err("unexpected text after the timestamp");
    }
    Ok(Sample {
        name: name.to_owned(),
        labels,
        value,
        timestamp_ms,
    })
}

/// Parses `l1="v1",l2="v2"}` and returns what follows the `}`.
fn parse_labels<'a>(
    mut s: &'a str,
    labels: &mut Vec<(String, String)>,
) -> Result<&'a str, &'static str> {
    loop {
        s = s.trim_start();
        if let Some(after) = s.strip_prefix('}') {
            return Ok(after);
        }
        let key_end = s
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .ok_or("unterminated label set")?;
        let key = &s[..key_end];
        if key.is_empty() {
            return Err("invalid label name");
        }
        s = s[key_end..].trim_start();
        s = s
            .strip_prefix('=')
            .ok_or("expected `=` after the label name")?;
        s = s.trim_start();
        s = s.strip_prefix('"').ok_or("label value must be quoted")?;
        let mut value = String::new();
        let mut chars = s.char_indices();
        let end = loop {
            match chars.next() {
                None => return Err("unterminated label value"),
                Some((i, '"')) => break i,
                Some((_, '\\')) => match chars.next() {
                    Some((_, 'n')) => value.push('\n'),
                    Some((_, '\\')) => value.push('\\'),
                    Some((_, '"')) => value.push('"'),
                    Some((_, other)) => {
                        value.push('\\');
                        value.push(other);
                    }
                    None => return Err("unterminated label value"),
                },
                Some((_, c)) => value.push(c),
            }
        };
        labels.push((key.to_owned(), value));
        s = s[end + 1..].trim_start();
        if let Some(after) = s.strip_prefix(',') {
            s = after;
        } else if s.is_empty() {
            return Err("unterminated label set");
        } else if !s.starts_with('}') {
            return Err("expected `,` or `}` after a label");
        }
    }
}

/// A sample value: a float, `NaN`, `+Inf` / `Inf` / `-Inf`.
pub fn parse_value(s: &str) -> Result<f64, &'static str> {
    match s {
        "NaN" => Ok(f64::NAN),
        "+Inf" | "Inf" => Ok(f64::INFINITY),
        "-Inf" => Ok(f64::NEG_INFINITY),
        _ => s
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or("invalid value"),
    }
}

fn unescape_help(s: &str) -> String {
    s.replace("\\n", "\n").replace("\\\\", "\\")
}

impl Exposition {
    /// Samples named exactly `name` whose labels include all `matchers`.
    pub fn series<'a>(
        &'a self,
        name: &'a str,
        matchers: &'a [(&'a str, &'a str)],
    ) -> impl Iterator<Item = &'a Sample> + 'a {
        self.samples
            .iter()
            .filter(move |s| s.name == name && s.matches(matchers))
    }

    /// Sum of the values of [`Exposition::series`] (0 when there is none).
    pub fn sum(&self, name: &str, matchers: &[(&str, &str)]) -> f64 {
        self.series(name, matchers).map(|s| s.value).sum()
    }

    /// `sum by (label)`: label value → summed value (series without the label under "").
    pub fn sum_by(&self, name: &str, label: &str) -> BTreeMap<String, f64> {
        let mut out = BTreeMap::new();
        for s in self.series(name, &[]) {
            *out.entry(s.label(label).unwrap_or("").to_owned())
                .or_insert(0.0) += s.value;
        }
        out
    }

    /// The histogram family `base` (samples `base_bucket{le=…}`), every label set matching
    /// `matchers` summed per `le` — PromQL's `sum by (le) (base_bucket{matchers})`.
    /// `None` when there is no bucket sample.
    pub fn histogram(&self, base: &str, matchers: &[(&str, &str)]) -> Option<Histogram> {
        let bucket_name = format!("{base}_bucket");
        let mut buckets: Vec<(f64, f64)> = Vec::new();
        for s in self.series(&bucket_name, matchers) {
            let Some(le) = s.label("le").and_then(|v| parse_value(v).ok()) else {
                continue;
            };
            match buckets.iter_mut().find(|(bound, _)| *bound == le) {
                Some((_, count)) => *count += s.value,
                None => buckets.push((le, s.value)),
            }
        }
        (!buckets.is_empty()).then(|| Histogram::from_cumulative(buckets))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENVOY: &str = r#"# TYPE envoy_cluster_upstream_rq_total counter
envoy_cluster_upstream_rq_total{envoy_cluster_name="llm_upstream"} 12
# TYPE llm_requests_total counter
llm_requests_total{gen_ai_request_model="gpt-4o-mini",gen_ai_provider_name="openai",outcome="complete"} 7
llm_requests_total{gen_ai_request_model="qwen2.5-7b",gen_ai_provider_name="openai",outcome="complete"} 5
# TYPE llm_in_flight gauge
llm_in_flight{} 0
# HELP llm_x_milliseconds Some help \\ with a\nnewline
# TYPE llm_x_milliseconds histogram
llm_x_milliseconds_bucket{gen_ai_request_model="a",le="10"} 1
llm_x_milliseconds_bucket{gen_ai_request_model="a",le="100"} 3
llm_x_milliseconds_bucket{gen_ai_request_model="a",le="+Inf"} 4
llm_x_milliseconds_bucket{gen_ai_request_model="b",le="10"} 0
llm_x_milliseconds_bucket{gen_ai_request_model="b",le="100"} 2
llm_x_milliseconds_bucket{gen_ai_request_model="b",le="+Inf"} 2
llm_x_milliseconds_sum{gen_ai_request_model="a"} 1.5e+02
llm_x_milliseconds_count{gen_ai_request_model="a"} 4
"#;

    #[test]
    fn parses_envoy_output() {
        let e = parse(ENVOY).unwrap();
        assert_eq!(e.samples.len(), 12);
        assert_eq!(
            e.types.get("llm_requests_total"),
            Some(&MetricType::Counter)
        );
        assert_eq!(
            e.types.get("llm_x_milliseconds"),
            Some(&MetricType::Histogram)
        );
        assert_eq!(
            e.help.get("llm_x_milliseconds").map(String::as_str),
            Some("Some help \\ with a\nnewline")
        );
        assert_eq!(e.sum("llm_requests_total", &[]), 12.0);
        assert_eq!(
            e.sum(
                "llm_requests_total",
                &[("gen_ai_request_model", "qwen2.5-7b")]
            ),
            5.0
        );
        assert_eq!(e.sum("nothing_here", &[]), 0.0);
        let by = e.sum_by("llm_requests_total", "gen_ai_request_model");
        assert_eq!(by.get("gpt-4o-mini"), Some(&7.0));
        assert_eq!(e.sum("llm_x_milliseconds_sum", &[]), 150.0);
        let empty = e.series("llm_in_flight", &[]).next().unwrap();
        assert!(empty.labels.is_empty());
    }

    #[test]
    fn histograms_sum_over_label_sets() {
        let e = parse(ENVOY).unwrap();
        let h = e.histogram("llm_x_milliseconds", &[]).unwrap();
        assert_eq!(
            h.buckets(),
            &[(10.0, 1.0), (100.0, 5.0), (f64::INFINITY, 6.0)]
        );
        let a = e
            .histogram("llm_x_milliseconds", &[("gen_ai_request_model", "a")])
            .unwrap();
        assert_eq!(a.count(), 4.0);
        assert!(e.histogram("llm_requests_total", &[]).is_none());
    }

    #[test]
    fn label_escapes_timestamps_and_special_values() {
        let e = parse(
            "m{a=\"x\\\"y\\\\z\\nw\", b = \"{}=,\" ,} 1 1700000000000\nn NaN\np +Inf\nq -Inf\nr 3\n",
        )
        .unwrap();
        let m = &e.samples[0];
        assert_eq!(m.label("a"), Some("x\"y\\z\nw"));
        assert_eq!(m.label("b"), Some("{}=,"));
        assert_eq!(m.timestamp_ms, Some(1_700_000_000_000));
        assert!(e.samples[1].value.is_nan());
        assert_eq!(e.samples[2].value, f64::INFINITY);
        assert_eq!(e.samples[3].value, f64::NEG_INFINITY);
        assert_eq!(e.samples[4].labels, vec![]);
    }

    #[test]
    fn rejects_malformed_lines_with_their_number() {
        for (bad, message) in [
            ("m{a=\"x} 1", "unterminated label value"),
            ("m{a=x} 1", "label value must be quoted"),
            ("m{a=\"x\" b=\"y\"} 1", "expected `,` or `}` after a label"),
            ("m{a=\"x\"", "unterminated label set"),
            ("m", "missing value"),
            ("m one", "invalid value"),
            ("m 1 2 3", "unexpected text after the timestamp"),
            ("9m 1", "invalid metric name"),
            ("# TYPE m thing", "unknown metric type"),
        ] {
            let err = parse(&format!("ok 1\n{bad}\n")).unwrap_err();
            assert_eq!((err.line, err.message), (2, message), "{bad}");
        }
    }
}
