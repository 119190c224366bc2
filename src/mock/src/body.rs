//! Response bodies of the mock: a whole buffer, or pieces written over time by a task (one
//! body frame per piece), optionally cut short to simulate an upstream reset.

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc;

/// One write of a streamed response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Wait before writing this piece (measured from the previous piece's deadline, so
    /// delays do not accumulate scheduling drift).
    pub delay: Duration,
    pub bytes: Bytes,
}

/// The body error that makes hyper drop the connection mid-response (HTTP/1.1: no final
/// chunk, connection closed; HTTP/2: stream reset).
#[derive(Debug, thiserror::Error)]
#[error("x-mock-abort-after-bytes: response cut short on purpose")]
pub struct Aborted;

/// A mock response body.
#[derive(Debug)]
pub enum MockBody {
    /// Sent at once with a `content-length`.
    Full(Option<Bytes>),
    /// Frames produced by [`streamed`]'s task (chunked on HTTP/1.1).
    Stream(mpsc::Receiver<Result<Bytes, Aborted>>),
}

impl MockBody {
    pub fn full(bytes: impl Into<Bytes>) -> MockBody {
        MockBody::Full(Some(bytes.into()))
    }
}

impl Body for MockBody {
    type Data = Bytes;
    type Error = Aborted;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Aborted>>> {
        match self.get_mut() {
            MockBody::Full(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            MockBody::Stream(rx) => rx
                .poll_recv(cx)
                .map(|item| item.map(|result| result.map(Frame::data))),
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, MockBody::Full(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            MockBody::Full(Some(bytes)) => SizeHint::with_exact(bytes.len() as u64),
            MockBody::Full(None) => SizeHint::with_exact(0),
            MockBody::Stream(_) => SizeHint::default(),
        }
    }
}

/// How long an aborting body stays pending after its last bytes before it fails. hyper
/// discards its unflushed output when a body fails; while the body is pending it flushes.
const ABORT_FLUSH_GRACE: Duration = Duration::from_millis(20);

/// A body written piece by piece by a spawned task. With `abort_after` = N bytes, only the
/// first N bytes are written, then (after [`ABORT_FLUSH_GRACE`]) the body fails and hyper
/// drops the connection — also when the response is shorter than N, so it never ends cleanly.
pub fn streamed<I>(pieces: I, abort_after: Option<usize>) -> MockBody
where
    I: Iterator<Item = Piece> + Send + 'static,
{
    // Capacity 1: a free slot means hyper has taken the previous piece.
    let (tx, rx) = mpsc::channel(1);
    tokio::spawn(play(pieces, Budget(abort_after), tx));
    MockBody::Stream(rx)
}

async fn play<I>(pieces: I, mut budget: Budget, tx: mpsc::Sender<Result<Bytes, Aborted>>)
where
    I: Iterator<Item = Piece>,
{
    let mut deadline = tokio::time::Instant::now();
    for piece in pieces {
        if !piece.delay.is_zero() {
            deadline += piece.delay;
            tokio::time::sleep_until(deadline).await;
        }
        match budget.cut(piece.bytes) {
            Cut::Whole(bytes) => {
                if tx.send(Ok(bytes)).await.is_err() {
                    return; // client gone
                }
            }
            Cut::Last(bytes) => {
                if bytes.is_empty() || tx.send(Ok(bytes)).await.is_ok() {
                    abort(&tx).await;
                }
                return;
            }
        }
    }
    if budget.0.is_some() {
        abort(&tx).await;
    }
}

/// Fails the body once hyper has taken and flushed everything sent before.
async fn abort(tx: &mpsc::Sender<Result<Bytes, Aborted>>) {
    if let Ok(permit) = tx.reserve().await {
        tokio::time::sleep(ABORT_FLUSH_GRACE).await;
        permit.send(Err(Aborted));
    }
}

/// Bytes still allowed before the abort (`None`: no abort).
#[derive(Debug)]
struct Budget(Option<usize>);

#[derive(Debug, PartialEq, Eq)]
enum Cut {
    /// Send it all and continue.
    Whole(Bytes),
    /// Send this (possibly shortened) piece, then abort.
    Last(Bytes),
}

impl Budget {
    fn cut(&mut self, bytes: Bytes) -> Cut {
        match &mut self.0 {
            None => Cut::Whole(bytes),
            Some(left) if bytes.len() < *left => {
                *left -= bytes.len();
                Cut::Whole(bytes)
            }
            Some(left) => {
                let last = bytes.slice(..*left);
                *left = 0;
                Cut::Last(last)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[test]
    fn budget_cuts_at_the_byte() {
        let mut b = Budget(Some(5));
        assert_eq!(b.cut(Bytes::from_static(b"abc")), Cut::Whole("abc".into()));
        assert_eq!(b.cut(Bytes::from_static(b"defg")), Cut::Last("de".into()));
        let mut b = Budget(Some(3));
        assert_eq!(b.cut(Bytes::from_static(b"abc")), Cut::Last("abc".into()));
        let mut b = Budget(None);
        assert_eq!(b.cut(Bytes::from_static(b"abc")), Cut::Whole("abc".into()));
    }

    fn pieces(parts: &[&'static str]) -> std::vec::IntoIter<Piece> {
        parts
            .iter()
            .map(|p| Piece {
                delay: Duration::from_millis(1),
                bytes: Bytes::from_static(p.as_bytes()),
            })
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[tokio::test]
    async fn streams_every_piece_as_a_frame() {
        let mut body = streamed(pieces(&["a", "bc", "d"]), None);
        let mut frames = Vec::new();
        while let Some(frame) = body.frame().await {
            frames.push(frame.unwrap().into_data().unwrap());
        }
        assert_eq!(frames, ["a", "bc", "d"]);
    }

    #[tokio::test]
    async fn abort_sends_the_first_bytes_then_fails() {
        let mut body = streamed(pieces(&["ab", "cd", "ef"]), Some(3));
        assert_eq!(
            body.frame().await.unwrap().unwrap().into_data().unwrap(),
            "ab"
        );
        assert_eq!(
            body.frame().await.unwrap().unwrap().into_data().unwrap(),
            "c"
        );
        assert!(body.frame().await.unwrap().is_err());
        // Longer budget than the body: everything, then the failure anyway.
        let mut body = streamed(pieces(&["ab"]), Some(100));
        assert!(body.frame().await.unwrap().is_ok());
        assert!(body.frame().await.unwrap().is_err());
    }

    #[test]
    fn full_body_has_an_exact_size() {
        let body = MockBody::full("hello");
        assert_eq!(body.size_hint().exact(), Some(5));
    }
}
