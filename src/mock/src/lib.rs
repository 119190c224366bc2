//! # llmtap-mock
//!
//! The mock LLM server behind `llmtap mock`, the demo, the integration tests and the
//! benchmarks, in two modes ([`Mode`]):
//! - [`Mode::Llm`]: OpenAI-compatible chat completions and every other wire format the filter
//!   reads, recorded replays and hostile streams; behaviour per request via `x-mock-*`
//!   headers, documented in docs/cli.md;
//! - [`Mode::Stamped`]: the benchmarks' upstream ([`stamped`]): every request gets an OpenAI
//!   chat stream whose content events carry their send time, one write per event.
//!
//! One tokio task per connection (HTTP/1.1 keep-alive, or h2c with prior knowledge in the LLM
//! mode), one per streamed response; TCP_NODELAY on every accepted socket so each event leaves
//! at once (Nagle would distort the proxy's TTFT measurements).
//!
//! The client side of those streams is here too: [`sse_reader`] splits a received body into
//! events and reads what a client measures from them.

mod body;
mod chat;
pub mod clock;
mod error;
mod handler;
mod hostile;
mod listener;
mod openai_error;
mod overrides;
mod replay;
mod settings;
pub mod sse_reader;
pub mod stamped;
pub mod stamped_event;
#[cfg(test)]
mod test_support;

pub use error::MockError;
pub use listener::{bind, local_addr, raise_fd_limit};
pub use settings::{MockSettings, MAX_TOKENS};

use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use listener::accept;
use settings::MockState;
use std::convert::Infallible;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use tokio::net::TcpListener;

/// What the server answers.
#[derive(Debug, Clone)]
pub enum Mode {
    /// The LLM mock: routes by path, `x-mock-*` headers override the defaults.
    Llm(MockSettings),
    /// The benchmarks' upstream: every request, whatever its path, gets a stamped stream of
    /// this shape (`x-bench-*` headers override it); HTTP/1.1 only.
    Stamped(stamped::StreamShape),
}

/// Accepts connections forever and answers them as `mode` says.
pub async fn serve(listener: TcpListener, mode: Mode) {
    match mode {
        Mode::Llm(settings) => serve_llm(listener, settings).await,
        Mode::Stamped(shape) => stamped::serve(listener, shape).await,
    }
}

/// The LLM mode's accept loop.
async fn serve_llm(listener: TcpListener, settings: MockSettings) {
    let state = Arc::new(MockState {
        settings,
        next_id: AtomicU64::new(1),
    });
    loop {
        let stream = accept(&listener).await;
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let state = Arc::clone(&state);
                async move { Ok::<_, Infallible>(handler::handle(req, &state).await) }
            });
            // Errors here are the client's (reset, bad request) or our own deliberate
            // aborts; nothing to report.
            let _ = auto::Builder::new(TokioExecutor::new())
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use http_body_util::{BodyExt, Full};
    use hyper::{Request, StatusCode};
    use hyper_util::client::legacy::connect::HttpConnector;
    use hyper_util::client::legacy::Client;
    use std::net::SocketAddr;
    use std::path::PathBuf;

    type HttpClient = Client<HttpConnector, Full<Bytes>>;

    fn client() -> HttpClient {
        Client::builder(TokioExecutor::new()).build(HttpConnector::new())
    }

    async fn start(replay_dir: Option<PathBuf>) -> SocketAddr {
        let listener = bind(SocketAddr::from(([127, 0, 0, 1], 0))).await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(serve(
            listener,
            Mode::Llm(MockSettings {
                ttft_ms: 5,
                token_delay_ms: 1,
                tokens: 4,
                usage: true,
                replay_dir,
            }),
        ));
        addr
    }

    /// Status, body bytes, and whether the body ended cleanly.
    async fn post(
        c: &HttpClient,
        addr: SocketAddr,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> (StatusCode, Vec<u8>, bool) {
        let mut req = Request::post(format!("http://{addr}{path}"));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let response = c
            .request(req.body(Full::new(Bytes::from(body.to_owned()))).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let mut body = response.into_body();
        let mut bytes = Vec::new();
        while let Some(frame) = body.frame().await {
            match frame {
                Ok(f) => bytes.extend_from_slice(&f.into_data().unwrap_or_default()),
                Err(_) => return (status, bytes, false),
            }
        }
        (status, bytes, true)
    }

    #[tokio::test]
    async fn serves_streams_errors_replays_and_aborts() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("a.sse"), b"data: 1\n\ndata: 2\n\n").unwrap();
        let addr = start(Some(tmp.path().to_path_buf())).await;
        let c = client();

        let health = c
            .request(
                Request::get(format!("http://{addr}/healthz"))
                    .body(Full::new(Bytes::new()))
                    .unwrap(),
            )
            .await
            .unwrap();
        let status = health.status();
        let text = health.into_body().collect().await.unwrap().to_bytes();
        assert_eq!((status, &text[..]), (StatusCode::OK, &b"ok"[..]));

        let chat = r#"{"model":"m","stream":true,"messages":[{"role":"user","content":"12345"}]}"#;
        let (status, body, clean) = post(&c, addr, "/v1/chat/completions", &[], chat).await;
        let text = String::from_utf8(body).unwrap();
        assert_eq!(status, StatusCode::OK);
        assert!(clean);
        assert_eq!(text.matches("\"content\":\"").count(), 5, "role + 4 words");
        assert!(
            text.contains(r#""usage":{"prompt_tokens":2,"completion_tokens":4,"total_tokens":6}"#)
        );
        assert!(text.ends_with("data: [DONE]\n\n"));

        let (_, body, _) = post(
            &c,
            addr,
            "/openai/v1/chat/completions",
            &[("x-mock-tokens", "2"), ("x-mock-usage", "false")],
            chat,
        )
        .await;
        let text = String::from_utf8(body).unwrap();
        assert!(!text.contains("usage"));
        assert_eq!(text.matches("\"content\":\"").count(), 3);

        let (status, body, _) = post(
            &c,
            addr,
            "/v1/chat/completions",
            &[("x-mock-status", "503")],
            chat,
        )
        .await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(String::from_utf8(body).unwrap().contains("server_error"));

        let (status, body, clean) =
            post(&c, addr, "/v1/messages", &[("x-mock-replay", "a.sse")], "").await;
        assert_eq!(
            (status, body.as_slice(), clean),
            (StatusCode::OK, &b"data: 1\n\ndata: 2\n\n"[..], true)
        );
        let (status, _, _) = post(&c, addr, "/x", &[("x-mock-replay", "b.sse")], "").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = post(&c, addr, "/x", &[("x-mock-replay", "../a.sse")], "").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);

        let (status, body, clean) = post(
            &c,
            addr,
            "/x",
            &[
                ("x-mock-replay", "a.sse"),
                ("x-mock-abort-after-bytes", "12"),
            ],
            "",
        )
        .await;
        assert_eq!(
            (status, body.as_slice(), clean),
            (StatusCode::OK, &b"data: 1\n\ndat"[..], false)
        );

        let (status, _, _) = post(&c, addr, "/v1/embeddings", &[], "{}").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = post(&c, addr, "/v1/chat/completions", &[], "not json").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    }
}
