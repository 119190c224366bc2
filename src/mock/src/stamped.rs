//! The stamped mode ([`crate::Mode::Stamped`]), the benchmarks' upstream: answers every
//! request with an OpenAI chat SSE stream (HTTP/1.1, keep-alive, `TCP_NODELAY`). Each event is its own body frame and hyper is made to write
//! it before the next one is produced, so one event = one `write()`; the `"t"` stamp is taken
//! when the event is handed to hyper.

use crate::clock::monotonic_ns;
use crate::stamped_event as event;
use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::{Body, Frame, Incoming};
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::future::Future as _;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::time::{Instant, Sleep};

/// What one stamped stream looks like. These are the server's defaults; each request may
/// override them with the `x-bench-events`, `x-bench-tokens` and `x-bench-gap-ms` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamShape {
    /// Content events per stream (plus a role event, a finish/usage event and `[DONE]`).
    pub events: u32,
    /// Words (≈ tokens) per content event.
    pub tokens: u32,
    /// Pause between content events, in milliseconds (0: as fast as the connection takes
    /// them; tokio's timer resolution is 1 ms).
    pub gap_ms: u64,
}

/// Accepts connections forever (HTTP/1.1 only) and answers every request with a stamped
/// stream.
pub(crate) async fn serve(listener: TcpListener, shape: StreamShape) {
    loop {
        let socket = crate::listener::accept(&listener).await;
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| respond(req, shape));
            // A client closing mid-stream is normal under load: nothing to report.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(socket), service)
                .await;
        });
    }
}

/// Reads the request (body drained, content ignored) and starts the stream.
async fn respond(
    req: Request<Incoming>,
    defaults: StreamShape,
) -> Result<Response<EventStream>, Infallible> {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    let shape = StreamShape {
        events: header("x-bench-events").map_or(defaults.events, |v| v.min(1_000_000) as u32),
        tokens: header("x-bench-tokens").map_or(defaults.tokens, |v| v.min(4096) as u32),
        gap_ms: header("x-bench-gap-ms").unwrap_or(defaults.gap_ms),
    };
    let _ = req.into_body().collect().await;
    let mut response = Response::new(EventStream::new(shape));
    let headers = response.headers_mut();
    headers.insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/event-stream"),
    );
    headers.insert(
        hyper::header::CACHE_CONTROL,
        hyper::header::HeaderValue::from_static("no-cache"),
    );
    Ok(response)
}

/// Where a stream is: role event, content events `1..=events`, finish, `[DONE]`.
pub struct EventStream {
    shape: StreamShape,
    /// Index of the next event to send (0 = role event).
    next: u32,
    started: Instant,
    pause: Option<Pin<Box<Sleep>>>,
    /// With no gap: whether we already returned `Pending` once before this event, which
    /// makes hyper write out the previous one.
    yielded: bool,
    text: String,
}

impl EventStream {
    fn new(shape: StreamShape) -> Self {
        EventStream {
            shape,
            next: 0,
            started: Instant::now(),
            pause: None,
            yielded: false,
            text: String::with_capacity(256 + 16 * shape.tokens as usize),
        }
    }

    fn last_index(&self) -> u32 {
        self.shape.events + 2
    }

    /// Waits until content event `next` is due (scheduled from the stream's start, so the
    /// pace does not drift), or yields once when there is no gap.
    fn poll_due(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        if self.shape.gap_ms > 0 && (1..=self.shape.events).contains(&self.next) {
            let due =
                self.started + Duration::from_millis(self.shape.gap_ms * u64::from(self.next));
            let pause = self
                .pause
                .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(due)));
            if pause.deadline() != due {
                pause.as_mut().reset(due);
            }
            return pause.as_mut().poll(cx);
        }
        if self.next > 0 && !self.yielded {
            self.yielded = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        Poll::Ready(())
    }
}

impl Body for EventStream {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        if this.next > this.last_index() {
            return Poll::Ready(None);
        }
        if this.poll_due(cx).is_pending() {
            return Poll::Pending;
        }
        let index = this.next;
        this.next += 1;
        this.yielded = false;
        let bytes = if index == 0 {
            Bytes::from_static(event::ROLE_EVENT)
        } else if index <= this.shape.events {
            event::content_event(&mut this.text, index, this.shape.tokens, monotonic_ns());
            Bytes::copy_from_slice(this.text.as_bytes())
        } else if index == this.shape.events + 1 {
            Bytes::from(event::finish_event(
                u64::from(this.shape.events) * u64::from(this.shape.tokens),
            ))
        } else {
            Bytes::from_static(event::DONE_EVENT)
        };
        Poll::Ready(Some(Ok(Frame::data(bytes))))
    }

    fn is_end_stream(&self) -> bool {
        self.next > self.last_index()
    }
}
