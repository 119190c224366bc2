//! The scale mode's source: the same series read through the Prometheus HTTP API
//! (`GET /api/v1/query`, instant queries; Prometheus, Thanos, Mimir and VictoriaMetrics
//! all serve it). Stateless: the answer depends only on the evaluation time.

use super::catalogue::KEPT_LABELS;
use super::source_error::SourceError;
use super::totals::{SeriesKey, Totals};
use crate::http::{get_text, HttpClient};
use std::ops::Range;
use std::time::Duration;

/// A Prometheus-compatible query endpoint.
pub struct PrometheusSource {
    /// Base URL, e.g. `http://127.0.0.1:9090` (or Mimir's `…/prometheus`), no trailing `/`.
    pub base: String,
    pub client: HttpClient,
    pub timeout: Duration,
}

/// The PromQL for the increase of `name` over `seconds`, summed down to the kept labels.
pub fn increase_query(name: &str, seconds: u64) -> String {
    format!(
        "sum by ({}) (increase({name}[{seconds}s]))",
        KEPT_LABELS.join(", ")
    )
}

#[derive(serde::Deserialize)]
struct ApiResponse {
    status: String,
    #[serde(default)]
    data: Option<ApiData>,
    #[serde(default, rename = "errorType")]
    error_type: Option<String>,
    #[serde(default)]
    error: Option<String>,
}

#[derive(serde::Deserialize)]
struct ApiData {
    #[serde(rename = "resultType")]
    result_type: String,
    result: Vec<ApiSample>,
}

#[derive(serde::Deserialize)]
struct ApiSample {
    metric: std::collections::BTreeMap<String, String>,
    value: (f64, String),
}

impl PrometheusSource {
    /// Increase of each series in `names` over `window` (evaluated at its end).
    pub async fn totals(
        &self,
        window: Range<u64>,
        names: &[String],
    ) -> Result<Totals, SourceError> {
        let seconds = window.end.saturating_sub(window.start).max(1);
        let mut totals = Totals::default();
        for name in names {
            let query = increase_query(name, seconds);
            let params = form_urlencoded::Serializer::new(String::new())
                .append_pair("query", &query)
                .append_pair("time", &window.end.to_string())
                .finish();
            let url = format!("{}/api/v1/query?{params}", self.base);
            let (status, body) =
                get_text(&self.client, &url, self.timeout)
                    .await
                    .map_err(|message| SourceError::Unreachable {
                        origin: self.base.clone(),
                        message,
                    })?;
            let parsed: ApiResponse =
                serde_json::from_str(&body).map_err(|e| SourceError::Garbage {
                    origin: self.base.clone(),
                    message: format!(
                        "HTTP {status}, not a Prometheus API answer ({e}): {}",
                        body.chars().take(200).collect::<String>()
                    ),
                })?;
            if parsed.status != "success" {
                return Err(SourceError::Refused {
                    origin: self.base.clone(),
                    message: format!(
                        "HTTP {status}, {}: {} (query {query})",
                        parsed.error_type.unwrap_or_default(),
                        parsed.error.unwrap_or_default()
                    ),
                });
            }
            let Some(data) = parsed.data else {
                return Err(SourceError::Garbage {
                    origin: self.base.clone(),
                    message: "answer without data".to_owned(),
                });
            };
            if data.result_type != "vector" {
                return Err(SourceError::Garbage {
                    origin: self.base.clone(),
                    message: format!("expected a vector, got {}", data.result_type),
                });
            }
            for sample in data.result {
                let value = crate::prom_text::parse_value(&sample.value.1).map_err(|_| {
                    SourceError::Garbage {
                        origin: self.base.clone(),
                        message: format!("invalid sample value {:?}", sample.value.1),
                    }
                })?;
                if value.is_finite() {
                    let key = SeriesKey::reduce(
                        name,
                        sample.metric.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                    );
                    totals.add(key, value);
                }
            }
        }
        Ok(totals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_sum_down_to_the_kept_labels() {
        assert_eq!(
            increase_query("llm_refusals_total", 3600),
            "sum by (gen_ai_request_model, destination_service, encoding, token_source, le, \
             finish_reason, outcome, gen_ai_token_type, refusal_kind, label_name, label_value, dim) \
             (increase(llm_refusals_total[3600s]))"
        );
    }
}
