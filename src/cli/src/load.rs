//! The demo's load: deterministic streaming chat completions sent through Envoy with a fixed
//! number in flight, each read to the end and timed from the client's side.

use crate::progress::Progress;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::CONTENT_TYPE;
use hyper::Request;
use llmtap_aggregator::http::HttpClient;
use llmtap_mock::sse_reader::{SseEvent, SseReader};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Models the demo asks for, in turn.
pub const MODELS: [&str; 3] = ["gpt-4o-mini", "llama-3.1-8b-instruct", "qwen2.5-7b"];

const TOPICS: [&str; 5] = [
    "proxies",
    "histograms",
    "time to first token",
    "service meshes",
    "streaming",
];

/// Longest a single demo request may take, end to end.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// Request number `index`'s parameters (pure, deterministic).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestSpec {
    pub model: &'static str,
    /// Completion tokens asked of the mock (`x-mock-tokens`): base −2 ..= +2, at least 1.
    pub tokens: u32,
    /// Mock TTFT (`x-mock-ttft-ms`), in milliseconds: base × 0.75 ..= 1.25.
    pub ttft_ms: u64,
    /// The JSON request body.
    pub body: String,
}

/// Builds request `index`.
pub fn request_spec(index: u32, base_tokens: u32, base_ttft_ms: u64) -> RequestSpec {
    let model = MODELS[index as usize % MODELS.len()];
    let tokens = (base_tokens + (index.wrapping_mul(7) % 5))
        .saturating_sub(2)
        .max(1);
    let ttft_ms = base_ttft_ms * (75 + u64::from(index.wrapping_mul(37) % 51)) / 100;
    let topic = TOPICS[index as usize % TOPICS.len()];
    let body = serde_json::json!({
        "model": model,
        "stream": true,
        "stream_options": {"include_usage": true},
        "messages": [
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": format!("Request {index}: tell me about {topic}.")},
        ],
    })
    .to_string();
    RequestSpec {
        model,
        tokens,
        ttft_ms,
        body,
    }
}

/// What one request produced.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub result: Result<Measured, String>,
}

/// Client-side measurements of a successful stream.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    /// From sending the request to the first content event.
    pub ttft: Duration,
    /// Content events received (one word each: the output tokens).
    pub content_events: u32,
}

/// The load's shape.
#[derive(Debug, Clone, Copy)]
pub struct LoadPlan {
    /// Envoy's listener.
    pub target: SocketAddr,
    pub requests: u32,
    pub concurrency: u32,
    pub base_tokens: u32,
    /// In milliseconds.
    pub base_ttft_ms: u64,
}

/// Sends every request, `concurrency` at a time; returns outcomes in completion order.
pub async fn run(plan: LoadPlan, client: &HttpClient, progress: &Progress) -> Vec<Outcome> {
    let next = Arc::new(AtomicU32::new(0));
    let mut workers = Vec::new();
    for _ in 0..plan.concurrency.min(plan.requests) {
        let next = Arc::clone(&next);
        let client = client.clone();
        workers.push(async move {
            let mut outcomes = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= plan.requests {
                    return outcomes;
                }
                let spec = request_spec(index, plan.base_tokens, plan.base_ttft_ms);
                let result =
                    tokio::time::timeout(REQUEST_TIMEOUT, one(&client, plan.target, &spec))
                        .await
                        .unwrap_or_else(|_| {
                            Err(format!(
                                "no complete answer within {} s",
                                REQUEST_TIMEOUT.as_secs()
                            ))
                        });
                outcomes.push(Outcome { result });
                progress.inc();
            }
        });
    }
    let mut all = Vec::with_capacity(plan.requests as usize);
    for outcomes in join_all(workers).await {
        all.extend(outcomes);
    }
    all
}

/// Polls the futures together on this task (no spawn needed for a handful of workers).
async fn join_all<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut set: Vec<std::pin::Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut results: Vec<Option<F::Output>> = (0..set.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, fut) in set.iter_mut().enumerate() {
            if results[i].is_some() {
                continue;
            }
            match fut.as_mut().poll(cx) {
                std::task::Poll::Ready(out) => results[i] = Some(out),
                std::task::Poll::Pending => pending = true,
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    results.into_iter().flatten().collect()
}

async fn one(
    client: &HttpClient,
    target: SocketAddr,
    spec: &RequestSpec,
) -> Result<Measured, String> {
    let request = Request::post(format!("http://{target}/v1/chat/completions"))
        .header(CONTENT_TYPE, "application/json")
        .header("x-mock-tokens", spec.tokens)
        .header("x-mock-ttft-ms", spec.ttft_ms)
        .body(Full::new(Bytes::from(spec.body.clone())))
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    let response = client
        .request(request)
        .await
        .map_err(|e| format!("request failed: {e}"))?;
    let status = response.status();
    let mut body = response.into_body();
    let mut reader = SseReader::default();
    let mut ttft = None;
    let mut content_events = 0;
    let mut done = false;
    let mut text = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame
            .map_err(|e| format!("stream broken after {content_events} content events: {e}"))?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        if !status.is_success() {
            text.extend_from_slice(&data);
            continue;
        }
        for event in reader.push(&data) {
            match event {
                SseEvent::Content => {
                    ttft.get_or_insert_with(|| start.elapsed());
                    content_events += 1;
                }
                SseEvent::Done => done = true,
                SseEvent::Other => {}
            }
        }
    }
    if !status.is_success() {
        return Err(format!(
            "HTTP {status}: {}",
            String::from_utf8_lossy(&text).trim()
        ));
    }
    if !done {
        return Err(format!(
            "stream ended without data: [DONE] after {content_events} content events"
        ));
    }
    let ttft = ttft.ok_or("stream had no content event")?;
    if content_events != spec.tokens {
        return Err(format!(
            "expected {} content events, got {content_events}",
            spec.tokens
        ));
    }
    Ok(Measured {
        ttft,
        content_events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_vary_deterministically() {
        let specs: Vec<RequestSpec> = (0..300).map(|i| request_spec(i, 40, 80)).collect();
        assert_eq!(specs[0].model, "gpt-4o-mini");
        assert_eq!(specs[1].model, "llama-3.1-8b-instruct");
        assert_eq!(specs[2].model, "qwen2.5-7b");
        assert!(specs.iter().all(|s| (38..=42).contains(&s.tokens)));
        assert!(specs.iter().all(|s| (60..=100).contains(&s.ttft_ms)));
        let distinct_tokens: std::collections::BTreeSet<u32> =
            specs.iter().map(|s| s.tokens).collect();
        assert_eq!(distinct_tokens.len(), 5);
        assert_eq!(request_spec(7, 40, 80), request_spec(7, 40, 80));
        let body: serde_json::Value = serde_json::from_str(&specs[4].body).unwrap();
        assert_eq!(body["stream"], true);
        assert_eq!(body["stream_options"]["include_usage"], true);
        assert_eq!(body["model"], "llama-3.1-8b-instruct");
        // Tiny bases never go to zero tokens.
        assert!((0..20).all(|i| request_spec(i, 1, 0).tokens >= 1));
    }

    #[tokio::test]
    async fn join_all_keeps_order() {
        let futs = vec![
            Box::pin(async {
                tokio::time::sleep(Duration::from_millis(5)).await;
                1
            }) as std::pin::Pin<Box<dyn std::future::Future<Output = i32>>>,
            Box::pin(async { 2 }),
        ];
        assert_eq!(join_all(futs).await, [1, 2]);
    }
}
