//! Prompt samples (issue #18): the `POST /v1/prompt-samples` endpoint the filter sends its
//! sampled prompts to ([`wire`]), a bounded queue, and the worker thread that embeds them off
//! the request path ([`crate::embedding`]) and adds their sums ([`series`]) to the store and to
//! the counters `/metrics` exports.

#[cfg(test)]
mod endpoint_tests;
pub mod exposition;
pub mod series;
#[cfg(test)]
mod topic_tests;
pub mod wire;
mod worker;
pub use worker::FORWARD_BATCH;

use crate::embedding::SentenceEncoder;
use crate::store::Store;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::{Request, Response, StatusCode};
use series::SplitSums;
use std::collections::BTreeMap;
use std::sync::Arc;
pub use worker::spawn_worker;

/// The path of the endpoint (the filter's default `prompt_sampling.path`).
pub const PATH: &str = "/v1/prompt-samples";
/// Default cap on a request body (1 MiB).
pub const DEFAULT_MAX_BODY_BYTES: usize = 1 << 20;
/// Batches waiting for the worker, at most; a full queue answers 503 (the filter counts the
/// batch as dropped). With the body cap this bounds the queue's memory (16 MiB by default).
pub const QUEUE_BATCHES: usize = 16;
/// Distinct `gen_ai_request_model` values kept; later ones are counted as `other`.
pub const MAX_MODELS: usize = 64;

/// Cumulative counts since start (the `/metrics` counters).
#[derive(Debug, Default)]
pub struct Counters {
    /// Requests by the status they were answered with.
    pub requests: BTreeMap<u16, u64>,
    /// Samples accepted (202).
    pub received: u64,
    /// Samples embedded and added to the sums.
    pub embedded: u64,
    /// Samples whose embedding failed (logged).
    pub embedding_failures: u64,
    /// The embedding sums per model since start.
    pub sums: BTreeMap<String, SplitSums>,
}

/// Where the worker adds the sums: the embedded store (step and retention as the scrape
/// loop's), or only the `/metrics` counters (with `--prometheus`, which then keeps them).
#[derive(Clone)]
pub struct StoreTarget {
    pub store: Arc<tokio::sync::Mutex<Store>>,
    /// Step of the store, seconds.
    pub step: u64,
    /// History kept, seconds.
    pub history: u64,
}

/// The endpoint's state (present with `--embedding-model` and `--prompt-samples-token`).
pub struct PromptSampling {
    token: String,
    max_body_bytes: usize,
    queue: tokio::sync::mpsc::Sender<Vec<wire::PromptSample>>,
    pub counters: Arc<std::sync::Mutex<Counters>>,
}

impl PromptSampling {
    /// Starts the worker thread with `encoder`.
    pub fn start(
        encoder: SentenceEncoder,
        token: String,
        max_body_bytes: usize,
        store: Option<StoreTarget>,
    ) -> Arc<PromptSampling> {
        let counters = Arc::new(std::sync::Mutex::new(Counters::default()));
        let queue = spawn_worker(encoder, Arc::clone(&counters), store);
        Arc::new(PromptSampling {
            token,
            max_body_bytes,
            queue,
            counters,
        })
    }

    fn count(&self, status: StatusCode, accepted: usize) {
        if let Ok(mut c) = self.counters.lock() {
            *c.requests.entry(status.as_u16()).or_insert(0) += 1;
            c.received += accepted as u64;
        }
    }
}

/// Compares in time independent of where the first difference is (a token must not leak
/// through the answer's timing).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn json(status: StatusCode, body: String) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    response
}

fn error(status: StatusCode, message: &str) -> Response<Full<Bytes>> {
    json(
        status,
        format!("{}\n", serde_json::json!({ "error": message })),
    )
}

/// `POST /v1/prompt-samples`: 202 `{"accepted": N}`, 400 (a bad line, named), 401 (bearer
/// token missing or wrong), 413 (body over the cap), 503 (sampling not enabled, or the
/// embedding queue is full).
pub async fn handle<B>(req: Request<B>, sampling: Option<&PromptSampling>) -> Response<Full<Bytes>>
where
    B: hyper::body::Body,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let Some(sampling) = sampling else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            "prompt sampling is not enabled on this aggregator (start it with --embedding-model DIR and --prompt-samples-token TOKEN)",
        );
    };
    let presented = req
        .headers()
        .get(hyper::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !constant_time_eq(presented.as_bytes(), sampling.token.as_bytes()) {
        sampling.count(StatusCode::UNAUTHORIZED, 0);
        let mut r = error(StatusCode::UNAUTHORIZED, "missing or wrong bearer token");
        r.headers_mut().insert(
            hyper::header::WWW_AUTHENTICATE,
            hyper::header::HeaderValue::from_static("Bearer"),
        );
        return r;
    }
    let too_large = || {
        sampling.count(StatusCode::PAYLOAD_TOO_LARGE, 0);
        error(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("body over {} bytes", sampling.max_body_bytes),
        )
    };
    let declared = req
        .headers()
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > sampling.max_body_bytes) {
        return too_large();
    }
    let body = match Limited::new(req.into_body(), sampling.max_body_bytes)
        .collect()
        .await
    {
        Ok(b) => b.to_bytes(),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => return too_large(),
        Err(e) => {
            sampling.count(StatusCode::BAD_REQUEST, 0);
            return error(
                StatusCode::BAD_REQUEST,
                &format!("cannot read the body: {e}"),
            );
        }
    };
    let samples = match wire::parse(&body) {
        Ok(s) => s,
        Err(e) => {
            sampling.count(StatusCode::BAD_REQUEST, 0);
            return error(StatusCode::BAD_REQUEST, &e.to_string());
        }
    };
    let accepted = samples.len();
    if accepted > 0 && sampling.queue.try_send(samples).is_err() {
        sampling.count(StatusCode::SERVICE_UNAVAILABLE, 0);
        let mut r = error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the embedding queue is full; the batch was not kept",
        );
        r.headers_mut().insert(
            hyper::header::RETRY_AFTER,
            hyper::header::HeaderValue::from_static("5"),
        );
        return r;
    }
    sampling.count(StatusCode::ACCEPTED, accepted);
    json(
        StatusCode::ACCEPTED,
        format!("{}\n", serde_json::json!({ "accepted": accepted })),
    )
}
