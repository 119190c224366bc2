//! The aggregator's HTTP endpoints: read-only `GET /metrics`, `GET /report` (JSON),
//! `GET /report.html` (plots, [`super::html`]), `GET /healthz`, and `POST /v1/prompt-samples`
//! (the filter's sampled prompts, [`super::prompt_samples`]). Anything else is 404, any other
//! method 405.

use super::alertmanager::PushHealth;
use super::exposition::{render, SourceHealth};
use super::history::History;
use super::prompt_samples::{self, PromptSampling};
use super::report::Report;
use bytes::Bytes;
use http_body_util::Full;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use std::convert::Infallible;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::RwLock;

/// What the loops publish and the endpoints read.
#[derive(Default)]
pub struct Shared {
    pub report: RwLock<Option<Report>>,
    pub sources: RwLock<Vec<SourceHealth>>,
    /// Pushes to Alertmanager (None without `--alertmanager`).
    pub alertmanager: RwLock<Option<PushHealth>>,
    /// PSI of the recent evaluations (`/report.html`).
    pub history: RwLock<History>,
    /// The prompt-samples endpoint (None: not enabled, POST answers 503).
    pub prompt_sampling: Option<Arc<PromptSampling>>,
}

fn reply(status: StatusCode, content_type: &str, body: String) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    if let Ok(v) = content_type.parse() {
        response
            .headers_mut()
            .insert(hyper::header::CONTENT_TYPE, v);
    }
    response
}

async fn handle<B>(req: Request<B>, shared: &Shared) -> Response<Full<Bytes>>
where
    B: hyper::body::Body,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    if req.uri().path() == prompt_samples::PATH {
        if req.method() != Method::POST {
            return reply(
                StatusCode::METHOD_NOT_ALLOWED,
                "text/plain",
                format!("POST {} (NDJSON prompt samples)\n", prompt_samples::PATH),
            );
        }
        return prompt_samples::handle(req, shared.prompt_sampling.as_deref()).await;
    }
    if req.method() != Method::GET {
        return reply(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain",
            "read-only: GET /metrics, /report, /report.html or /healthz\n".to_owned(),
        );
    }
    let report = shared.report.read().await;
    match req.uri().path() {
        "/metrics" => {
            let sources = shared.sources.read().await;
            let alertmanager = shared.alertmanager.read().await;
            reply(StatusCode::OK, "text/plain; version=0.0.4", {
                let mut text = render(report.as_ref(), &sources, alertmanager.as_ref());
                if let Some(sampling) = &shared.prompt_sampling {
                    text.push_str(&prompt_samples::exposition::render(sampling));
                }
                text
            })
        }
        "/report" => match report.as_ref() {
            Some(r) => reply(
                StatusCode::OK,
                "application/json",
                serde_json::to_string_pretty(r).unwrap_or_default(),
            ),
            None => reply(
                StatusCode::SERVICE_UNAVAILABLE,
                "application/json",
                "{\"error\":\"no evaluation yet\"}\n".to_owned(),
            ),
        },
        "/report.html" => match report.as_ref() {
            Some(r) => reply(
                StatusCode::OK,
                "text/html; charset=utf-8",
                super::html::render(r, &*shared.history.read().await),
            ),
            None => reply(
                StatusCode::SERVICE_UNAVAILABLE,
                "text/plain",
                "no evaluation yet\n".to_owned(),
            ),
        },
        "/healthz" => match report.as_ref() {
            Some(r) if r.healthy => reply(StatusCode::OK, "text/plain", "ok\n".to_owned()),
            Some(r) => reply(
                StatusCode::SERVICE_UNAVAILABLE,
                "text/plain",
                format!("{}\n", r.errors.join("\n")),
            ),
            None => reply(
                StatusCode::SERVICE_UNAVAILABLE,
                "text/plain",
                "no evaluation yet\n".to_owned(),
            ),
        },
        _ => reply(
            StatusCode::NOT_FOUND,
            "text/plain",
            "not found: GET /metrics, /report, /report.html or /healthz\n".to_owned(),
        ),
    }
}

/// Serves until the task is dropped.
pub async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            continue;
        };
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, Infallible>(handle(req, &shared).await) }
            });
            let _ = auto::Builder::new(TokioExecutor::new())
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
