//! The load generator. Open loop (`--rate`): streams start on a fixed schedule whatever the
//! server's pace, and TTFB/TTFT count from the *scheduled* start, so a slow server cannot
//! hide its queueing (no coordinated omission). Saturation (`--concurrency`): each of N
//! workers starts a stream as soon as its previous one ended, giving throughput at the
//! server's limit.
//!
//! Per-chunk delivery latency = arrival time − the upstream's send stamp (`"t"`), both on
//! `CLOCK_MONOTONIC`; an event's arrival is the time of the read that completed it.

use crate::cli::LoadArgs;
use crate::error::Error;
use crate::report::{Latency, Report};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Request, Uri};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use llmtap_mock::clock::monotonic_ns;
use llmtap_mock::sse_reader::{inspect, SseReader};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use tokio::task::JoinSet;

type HttpClient = Client<HttpConnector, Full<Bytes>>;

/// What every stream shares: the client, the request template and the results.
struct Shared {
    client: HttpClient,
    uri: Uri,
    headers: Vec<(hyper::header::HeaderName, hyper::header::HeaderValue)>,
    body: Bytes,
    results: RefCell<Results>,
}

/// Totals and distributions of the run.
struct Results {
    started: u64,
    completed: u64,
    failed: u64,
    first_error: Option<String>,
    chunks: u64,
    stamped: u64,
    delivery: Latency,
    ttfb: Latency,
    ttft: Latency,
    last_end_ns: u64,
}

/// One stream's observations, merged into [`Results`] when it ends.
struct StreamRecord {
    delivery_ns: Vec<u64>,
    chunks: u64,
    ttfb_ns: Option<u64>,
    ttft_ns: Option<u64>,
}

pub async fn run(args: LoadArgs) -> Result<(), Error> {
    let (mode, load) = match (args.rate, args.concurrency) {
        (Some(rate), None) if rate > 0.0 => ("open_loop", rate),
        (None, Some(n)) if n > 0 => ("saturation", f64::from(n)),
        _ => return Err(Error::Mode),
    };
    let shared = Rc::new(shared(&args)?);
    let start_ns = monotonic_ns();
    let deadline = tokio::time::Instant::now() + Duration::from_secs_f64(args.duration_s);
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async {
            let mut tasks = JoinSet::new();
            if let Some(rate) = args.rate {
                open_loop(&shared, rate, deadline, &mut tasks).await;
            } else {
                for _ in 0..args.concurrency.unwrap_or(1) {
                    let shared = shared.clone();
                    tasks.spawn_local(async move {
                        while tokio::time::Instant::now() < deadline {
                            one_stream(&shared, monotonic_ns()).await;
                        }
                    });
                }
                tokio::time::sleep_until(deadline).await;
            }
            let grace = Duration::from_secs_f64(args.grace_s);
            let _ =
                tokio::time::timeout(grace, async { while tasks.join_next().await.is_some() {} })
                    .await;
            tasks.abort_all();
        })
        .await;
    let r = shared.results.borrow();
    let elapsed_s = (r.last_end_ns.max(start_ns) - start_ns) as f64 / 1e9;
    if r.completed == 0 && r.failed > 0 {
        return Err(Error::AllFailed(
            r.failed,
            r.first_error.clone().unwrap_or_default(),
        ));
    }
    let per_s = |n: u64| {
        if elapsed_s > 0.0 {
            n as f64 / elapsed_s
        } else {
            0.0
        }
    };
    Report {
        mode,
        url: args.url.clone(),
        load,
        events: args.shape.events,
        tokens: args.shape.tokens,
        gap_ms: args.shape.gap_ms,
        elapsed_s,
        streams_started: r.started,
        streams_completed: r.completed,
        streams_failed: r.failed,
        first_error: r.first_error.clone(),
        chunks: r.chunks,
        stamped_chunks: r.stamped,
        chunks_per_s: per_s(r.chunks),
        streams_per_s: per_s(r.completed),
        chunk_delivery: r.delivery.summary(),
        ttfb: r.ttfb.summary(),
        ttft: r.ttft.summary(),
    }
    .print()
}

fn shared(args: &LoadArgs) -> Result<Shared, Error> {
    let uri: Uri = args
        .url
        .parse()
        .map_err(|e: hyper::http::uri::InvalidUri| Error::Url {
            url: args.url.clone(),
            reason: e.to_string(),
        })?;
    if uri.scheme_str() != Some("http") {
        return Err(Error::Url {
            url: args.url.clone(),
            reason: "only http:// targets".to_owned(),
        });
    }
    let mut headers = vec![
        header("content-type", "application/json")?,
        header("x-bench-events", &args.shape.events.to_string())?,
        header("x-bench-tokens", &args.shape.tokens.to_string())?,
        header("x-bench-gap-ms", &args.shape.gap_ms.to_string())?,
    ];
    for raw in &args.headers {
        let (name, value) = raw
            .split_once(':')
            .ok_or_else(|| Error::Header(raw.clone()))?;
        headers.push(header(name.trim(), value.trim())?);
    }
    let body = serde_json::json!({
        "model": args.model,
        "stream": true,
        "max_tokens": args.shape.events * args.shape.tokens,
        "messages": [{"role": "user", "content": "Write a long answer."}],
    });
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    let client = Client::builder(TokioExecutor::new())
        .pool_idle_timeout(Duration::from_secs(30))
        .pool_max_idle_per_host(100_000)
        .build(connector);
    Ok(Shared {
        client,
        uri,
        headers,
        body: Bytes::from(body.to_string()),
        results: RefCell::new(Results {
            started: 0,
            completed: 0,
            failed: 0,
            first_error: None,
            chunks: 0,
            stamped: 0,
            delivery: Latency::new()?,
            ttfb: Latency::new()?,
            ttft: Latency::new()?,
            last_end_ns: 0,
        }),
    })
}

fn header(
    name: &str,
    value: &str,
) -> Result<(hyper::header::HeaderName, hyper::header::HeaderValue), Error> {
    let bad = || Error::Header(format!("{name}:{value}"));
    Ok((
        name.parse().map_err(|_| bad())?,
        value.parse().map_err(|_| bad())?,
    ))
}

/// Starts one stream every 1/rate seconds until the deadline. Each start is its own task,
/// so a slow stream never delays the next start.
async fn open_loop(
    shared: &Rc<Shared>,
    rate: f64,
    deadline: tokio::time::Instant,
    tasks: &mut JoinSet<()>,
) {
    let period = Duration::from_secs_f64(1.0 / rate);
    let first = tokio::time::Instant::now();
    let first_ns = monotonic_ns();
    let mut n: u32 = 0;
    loop {
        let offset = period * n;
        let due = first + offset;
        if due >= deadline {
            break;
        }
        tokio::time::sleep_until(due).await;
        let scheduled_ns = first_ns + offset.as_nanos() as u64;
        let shared = shared.clone();
        tasks.spawn_local(async move { one_stream(&shared, scheduled_ns).await });
        n += 1;
    }
}

/// Runs one stream and merges what it saw.
async fn one_stream(shared: &Shared, scheduled_ns: u64) {
    shared.results.borrow_mut().started += 1;
    let outcome = stream(shared, scheduled_ns).await;
    let mut r = shared.results.borrow_mut();
    r.last_end_ns = r.last_end_ns.max(monotonic_ns());
    match outcome {
        Ok(record) => {
            r.completed += 1;
            r.chunks += record.chunks;
            r.stamped += record.delivery_ns.len() as u64;
            for ns in record.delivery_ns {
                r.delivery.record(ns);
            }
            if let Some(ns) = record.ttfb_ns {
                r.ttfb.record(ns);
            }
            if let Some(ns) = record.ttft_ns {
                r.ttft.record(ns);
            }
        }
        Err(error) => {
            r.failed += 1;
            r.first_error.get_or_insert(error);
        }
    }
}

/// Sends the request and reads the stream, timestamping each event as its read arrives.
async fn stream(shared: &Shared, scheduled_ns: u64) -> Result<StreamRecord, String> {
    let mut request = Request::post(shared.uri.clone());
    for (name, value) in &shared.headers {
        request = request.header(name, value);
    }
    let request = request
        .body(Full::new(shared.body.clone()))
        .map_err(|e| e.to_string())?;
    let response = shared
        .client
        .request(request)
        .await
        .map_err(|e| format!("request: {e}"))?;
    let mut record = StreamRecord {
        delivery_ns: Vec::with_capacity(64),
        chunks: 0,
        ttfb_ns: Some(monotonic_ns().saturating_sub(scheduled_ns)),
        ttft_ns: None,
    };
    if !response.status().is_success() {
        return Err(format!("HTTP {}", response.status()));
    }
    let mut body = response.into_body();
    let mut reader = SseReader::default();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| format!("body: {e}"))?;
        let arrived = monotonic_ns();
        let Some(data) = frame.data_ref() else {
            continue;
        };
        reader.feed(data, |event| {
            let seen = inspect(event);
            if seen.content {
                record.chunks += 1;
                record
                    .ttft_ns
                    .get_or_insert(arrived.saturating_sub(scheduled_ns));
            }
            if let Some(sent) = seen.sent_ns {
                record.delivery_ns.push(arrived.saturating_sub(sent));
            }
        });
    }
    Ok(record)
}
