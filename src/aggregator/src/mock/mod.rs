//! `llmtap mock`: an OpenAI-compatible mock LLM server for tests, the demo and benchmarks.
//!
//! One tokio task per connection (HTTP/1.1 keep-alive, or h2c with prior knowledge), one per
//! streamed response; TCP_NODELAY on every accepted socket so each event leaves at once
//! (Nagle would distort the proxy's TTFT measurements). Behaviour per request via `x-mock-*`
//! headers ([`overrides`]); documented in docs/cli.md.

mod body;
mod chat;
mod handler;
mod hostile;
mod openai_error;
mod overrides;
mod replay;

use crate::cli::MockArgs;
use crate::error::Error;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use std::convert::Infallible;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpSocket};

/// Largest completion the mock generates, in tokens.
pub const MAX_TOKENS: u32 = 1_000_000;

/// Server-wide defaults (request headers override them).
#[derive(Debug, Clone)]
pub struct MockSettings {
    /// Delay before the first content event, in milliseconds.
    pub ttft_ms: u64,
    /// Delay between content events, in milliseconds.
    pub token_delay_ms: u64,
    /// Completion tokens per response.
    pub tokens: u32,
    /// Whether streams end with a usage chunk (unless the request says otherwise).
    pub usage: bool,
    /// Root of `x-mock-replay` files.
    pub replay_dir: Option<PathBuf>,
}

impl From<&MockArgs> for MockSettings {
    fn from(args: &MockArgs) -> MockSettings {
        MockSettings {
            ttft_ms: args.ttft_ms,
            token_delay_ms: args.token_delay_ms,
            tokens: args.tokens,
            usage: args.usage,
            replay_dir: args.replay_dir.clone(),
        }
    }
}

/// Shared by all connections.
#[derive(Debug)]
pub struct MockState {
    pub settings: MockSettings,
    /// Source of response ids.
    pub next_id: AtomicU64,
}

/// Pending-connection queue of the listener: thousands of clients may connect at once in a
/// benchmark (tokio's default is 1024; the kernel caps it at net.core.somaxconn).
const LISTEN_BACKLOG: u32 = 8192;

/// Binds the mock's listener.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, Error> {
    let socket = match addr {
        SocketAddr::V4(_) => TcpSocket::new_v4(),
        SocketAddr::V6(_) => TcpSocket::new_v6(),
    };
    socket
        .and_then(|s| {
            s.set_reuseaddr(true)?;
            s.bind(addr)?;
            s.listen(LISTEN_BACKLOG)
        })
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AddrInUse => Error::AddressInUse {
                role: "listen",
                addr,
            },
            _ => Error::Bind {
                role: "listen",
                addr,
                source,
            },
        })
}

/// Raises the open-file limit to its hard maximum: one descriptor per connection.
fn raise_fd_limit() {
    use rustix::process::{getrlimit, setrlimit, Resource};
    let mut limit = getrlimit(Resource::Nofile);
    if limit.current < limit.maximum {
        limit.current = limit.maximum;
        let _ = setrlimit(Resource::Nofile, limit);
    }
}

/// Accepts connections forever.
pub async fn serve(listener: TcpListener, settings: MockSettings) {
    let state = Arc::new(MockState {
        settings,
        next_id: AtomicU64::new(1),
    });
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors and the like: back off instead of spinning.
                eprintln!("llmtap mock: accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
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

/// `llmtap mock`: serves until SIGINT/SIGTERM.
pub async fn run(args: MockArgs) -> Result<ExitCode, Error> {
    raise_fd_limit();
    let listener = bind(args.listen).await?;
    let local = listener.local_addr().map_err(|source| Error::Bind {
        role: "listen",
        addr: args.listen,
        source,
    })?;
    println!("llmtap mock listening on {local}");
    let _ = std::io::stdout().flush();
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .map_err(Error::Signal)?;
    tokio::select! {
        () = serve(listener, MockSettings::from(&args)) => {}
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::{client, HttpClient};
    use bytes::Bytes;
    use http_body_util::{BodyExt, Full};
    use hyper::{Request, StatusCode};

    async fn start(replay_dir: Option<PathBuf>) -> SocketAddr {
        let listener = bind(SocketAddr::from(([127, 0, 0, 1], 0))).await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(serve(
            listener,
            MockSettings {
                ttft_ms: 5,
                token_delay_ms: 1,
                tokens: 4,
                usage: true,
                replay_dir,
            },
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
        let c = client(4);

        let (status, text) = crate::http::get_text(
            &c,
            &format!("http://{addr}/healthz"),
            std::time::Duration::from_secs(5),
        )
        .await
        .unwrap();
        assert_eq!((status, text.as_str()), (StatusCode::OK, "ok"));

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
