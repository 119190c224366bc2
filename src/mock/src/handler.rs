//! Request routing and the mock's responses.

use super::body::{streamed, MockBody, Piece};
use super::chat::{self, Plan};
use super::hostile::Hostile;
use super::openai_error;
use super::overrides::Overrides;
use super::replay;
use super::settings::MockState;
use bytes::Bytes;
use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use std::sync::atomic::Ordering;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Largest request body read, in bytes.
const MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;

/// Answers one request (never fails: problems become HTTP error responses).
pub async fn handle(req: Request<Incoming>, state: &MockState) -> Response<MockBody> {
    let (parts, body) = req.into_parts();
    if parts.method == Method::GET && parts.uri.path() == "/healthz" {
        return respond(StatusCode::OK, "text/plain", MockBody::full("ok"));
    }
    let overrides = match Overrides::from_headers(&parts.headers) {
        Ok(o) => o,
        Err(e) => return error(StatusCode::BAD_REQUEST, &format!("mock: {e}")),
    };
    let body = match Limited::new(body, MAX_REQUEST_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!(
                    "mock: cannot read the request body (limit {MAX_REQUEST_BYTES} bytes): {e}"
                ),
            )
        }
    };
    match Hostile::from_headers(&parts.headers) {
        Ok(Some(hostile)) => return hostile.respond(body),
        Ok(None) => {}
        Err(e) => return error(StatusCode::BAD_REQUEST, &format!("mock: {e}")),
    }
    if let Some(rel) = &overrides.replay {
        return replay_response(state, rel, &overrides).await;
    }
    if let Some(status) = overrides.status {
        let message = format!("mock error: HTTP {status} requested by x-mock-status");
        let bytes = openai_error::body(status, &message);
        let body = match overrides.abort_after_bytes {
            Some(_) => streamed(one_piece(bytes), overrides.abort_after_bytes),
            None => MockBody::full(bytes),
        };
        return respond(status, "application/json", body);
    }
    if parts.method == Method::POST && parts.uri.path().ends_with("/chat/completions") {
        return chat_response(state, &overrides, &body).await;
    }
    error(
        StatusCode::NOT_FOUND,
        &format!(
            "mock: no route for {} {} (POST …/chat/completions, GET /healthz, or x-mock-replay)",
            parts.method,
            parts.uri.path()
        ),
    )
}

async fn chat_response(state: &MockState, o: &Overrides, body: &Bytes) -> Response<MockBody> {
    let request = match chat::parse_chat_request(body) {
        Ok(r) => r,
        Err(message) => return error(StatusCode::BAD_REQUEST, &format!("mock: {message}")),
    };
    let settings = &state.settings;
    let mut tokens = o.tokens.unwrap_or(settings.tokens);
    let mut finish_reason = o.finish_reason.unwrap_or("stop");
    if let Some(max) = request.max_tokens.filter(|max| *max < tokens) {
        tokens = max;
        finish_reason = "length";
    }
    let usage = o
        .usage
        .or(request.include_usage.filter(|_| request.stream))
        .unwrap_or(settings.usage);
    let id = state.next_id.fetch_add(1, Ordering::Relaxed);
    let plan = Plan {
        id: format!("chatcmpl-mock-{id}"),
        created: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
        model: request.model,
        ttft: Duration::from_millis(o.ttft_ms.unwrap_or(settings.ttft_ms)),
        token_delay: Duration::from_millis(o.token_delay_ms.unwrap_or(settings.token_delay_ms)),
        tokens,
        tokens_per_event: o.tokens_per_event.unwrap_or(1),
        usage,
        prompt_tokens: chat::prompt_tokens(request.prompt_chars),
        finish_reason,
    };
    if request.stream {
        let body = streamed(chat::stream_pieces(plan), o.abort_after_bytes);
        let mut response = respond(StatusCode::OK, "text/event-stream", body);
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        return response;
    }
    tokio::time::sleep(plan.ttft).await;
    let bytes = chat::completion_body(&plan);
    let body = match o.abort_after_bytes {
        Some(_) => streamed(one_piece(bytes), o.abort_after_bytes),
        None => MockBody::full(bytes),
    };
    respond(StatusCode::OK, "application/json", body)
}

async fn replay_response(state: &MockState, rel: &str, o: &Overrides) -> Response<MockBody> {
    let path = match replay::resolve(state.settings.replay_dir.as_deref(), rel) {
        Ok(path) => path,
        Err(e @ replay::ReplayError::NotFound(_)) => {
            return error(StatusCode::NOT_FOUND, &format!("mock: {e}"))
        }
        Err(e) => return error(StatusCode::BAD_REQUEST, &format!("mock: {e}")),
    };
    let data = match tokio::fs::read(&path).await {
        Ok(data) => Bytes::from(data),
        Err(e) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                &format!("mock: cannot read {}: {e}", path.display()),
            )
        }
    };
    let (content_type, framing) = replay::kind(&path);
    let delay = Duration::from_millis(o.replay_delay_ms.unwrap_or(0));
    let pieces = replay::pieces(data, framing, o.split_bytes, delay);
    let status = o.status.unwrap_or(StatusCode::OK);
    respond(
        status,
        content_type,
        streamed(pieces.into_iter(), o.abort_after_bytes),
    )
}

fn one_piece(bytes: Bytes) -> std::iter::Once<Piece> {
    std::iter::once(Piece {
        delay: Duration::ZERO,
        bytes,
    })
}

fn respond(status: StatusCode, content_type: &'static str, body: MockBody) -> Response<MockBody> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

fn error(status: StatusCode, message: &str) -> Response<MockBody> {
    respond(
        status,
        "application/json",
        MockBody::full(openai_error::body(status, message)),
    )
}
