//! Optional push of alarms to Alertmanager's v2 API (`POST /api/v2/alerts`, a JSON array of
//! alerts; prometheus/alertmanager `api/v2/openapi.yaml`). Each alert ends (`endsAt`) a few
//! evaluations later unless pushed again, so a verdict that clears resolves by itself.

use super::analysis::DriftVerdict;
use super::report::Report;
use crate::http::{self, HttpClient};
use crate::stats::spike::SpikeVerdict;
use bytes::Bytes;
use http_body_util::Full;
use hyper::Request;
use std::time::Duration;

/// Outcome of the pushes so far (`llmtap_aggregator_alertmanager_*` on `/metrics`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PushHealth {
    /// false after a failed push, true after a successful one (or an evaluation with no alarm
    /// to push, which does not contact Alertmanager).
    pub up: bool,
    /// Unix seconds of the last successful push (0: never).
    pub last_success: u64,
    pub consecutive_failures: u32,
    pub last_error: Option<String>,
}

impl PushHealth {
    /// Records one push's outcome.
    pub fn record(&mut self, outcome: &Result<usize, String>, now: u64) {
        match outcome {
            Ok(pushed) => {
                self.up = true;
                if *pushed > 0 {
                    self.last_success = now;
                }
                self.consecutive_failures = 0;
                self.last_error = None;
            }
            Err(e) => {
                self.up = false;
                self.consecutive_failures = self.consecutive_failures.saturating_add(1);
                self.last_error = Some(e.clone());
            }
        }
    }
}

/// An error and its sources (hyper's client error alone says only "client error (Connect)").
fn with_sources(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Alert labels without the empty values (Alertmanager, like Prometheus, treats an empty label
/// as absent, but an empty value would still change the alert's fingerprint).
fn labels(pairs: &[(&str, &str)]) -> serde_json::Value {
    serde_json::Value::Object(
        pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
            .collect(),
    )
}

/// RFC 3339 in UTC for Unix seconds.
fn rfc3339(secs: u64) -> String {
    humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH + Duration::from_secs(secs)).to_string()
}

/// The alerts of a report (none when unhealthy).
pub fn alerts(report: &Report, valid_for: Duration) -> serde_json::Value {
    let starts = rfc3339(report.generated_at);
    let ends = rfc3339(report.generated_at + valid_for.as_secs());
    let mut out = Vec::new();
    if report.healthy {
        for d in &report.analysis.drift {
            if d.verdict == DriftVerdict::Drift {
                out.push(serde_json::json!({
                    "labels": labels(&[
                        ("alertname", "LlmtapDrift"),
                        ("feature", &d.feature),
                        ("gen_ai_request_model", &d.group.gen_ai_request_model),
                        ("destination_service", &d.group.destination_service),
                        ("severity", "warning"),
                    ]),
                    "annotations": {
                        "summary": format!("{} drifted: PSI {:.4} > critical {:.4}", d.feature,
                            d.statistics.psi.unwrap_or(f64::NAN),
                            d.statistics.critical_psi.unwrap_or(f64::NAN)),
                    },
                    "startsAt": starts,
                    "endsAt": ends,
                }));
            }
        }
        for d in &report.analysis.embedding_drift {
            if d.verdict == DriftVerdict::Drift {
                out.push(serde_json::json!({
                    "labels": labels(&[
                        ("alertname", "LlmtapDrift"),
                        ("feature", d.feature),
                        ("gen_ai_request_model", &d.group.gen_ai_request_model),
                        ("destination_service", &d.group.destination_service),
                        ("severity", "warning"),
                    ]),
                    "annotations": {
                        "summary": format!("prompt topics drifted: centroid cosine distance {:.4} ≥ {}, p ≤ {:.2e}",
                            d.statistics.cosine_distance.unwrap_or(f64::NAN),
                            d.statistics.threshold,
                            d.statistics.p_value.unwrap_or(f64::NAN)),
                    },
                    "startsAt": starts,
                    "endsAt": ends,
                }));
            }
        }
        for s in &report.analysis.spikes {
            if matches!(s.verdict, SpikeVerdict::Spike | SpikeVerdict::SustainedRise) {
                out.push(serde_json::json!({
                    "labels": labels(&[
                        ("alertname", "LlmtapSpike"),
                        ("signal", s.signal.name()),
                        ("verdict", if s.verdict == SpikeVerdict::Spike { "spike" } else { "sustained_rise" }),
                        ("gen_ai_request_model", &s.group.gen_ai_request_model),
                        ("destination_service", &s.group.destination_service),
                        ("severity", "warning"),
                    ]),
                    "annotations": {
                        "summary": format!("{} {:.4} vs trailing {:.4}", s.signal.name(),
                            s.statistics.current_rate.unwrap_or(f64::NAN),
                            s.statistics.baseline_rate.unwrap_or(f64::NAN)),
                    },
                    "startsAt": starts,
                    "endsAt": ends,
                }));
            }
        }
    }
    serde_json::Value::Array(out)
}

/// Posts the alerts; the error is a message for the log.
pub async fn push(
    client: &HttpClient,
    base: &str,
    report: &Report,
    valid_for: Duration,
) -> Result<usize, String> {
    let body = alerts(report, valid_for);
    let count = body.as_array().map_or(0, Vec::len);
    if count == 0 {
        return Ok(0);
    }
    let request = Request::post(format!("{base}/api/v2/alerts"))
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(body.to_string())))
        .map_err(|e| e.to_string())?;
    let send = async {
        let response = client
            .request(request)
            .await
            .map_err(|e| format!("unreachable: {}", with_sources(&e)))?;
        let (status, text) = http::status_and_text(response).await?;
        if status.is_success() {
            Ok(count)
        } else {
            Err(format!(
                "HTTP {status}: {}",
                text.chars().take(200).collect::<String>()
            ))
        }
    };
    tokio::time::timeout(Duration::from_secs(10), send)
        .await
        .map_err(|_| "no answer within 10 s".to_owned())?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_label_values_are_left_out() {
        let l = labels(&[("alertname", "LlmtapDrift"), ("destination_service", "")]);
        assert_eq!(l, serde_json::json!({"alertname": "LlmtapDrift"}));
    }

    #[test]
    fn push_health_follows_the_outcomes() {
        let mut h = PushHealth::default();
        h.record(&Err("unreachable: connection refused".to_owned()), 10);
        h.record(&Err("unreachable: connection refused".to_owned()), 20);
        assert!(!h.up);
        assert_eq!(h.consecutive_failures, 2);
        assert_eq!(h.last_success, 0);
        h.record(&Ok(0), 30);
        assert!(h.up && h.last_success == 0 && h.last_error.is_none());
        h.record(&Ok(3), 40);
        assert_eq!(
            (h.up, h.consecutive_failures, h.last_success),
            (true, 0, 40)
        );
    }
}
