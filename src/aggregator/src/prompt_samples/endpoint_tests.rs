//! `POST /v1/prompt-samples` through the real server (hyper over TCP) and the real model:
//! every status of the wire contract, the embedding worker, `/metrics` and the store.

use super::{PromptSampling, StoreTarget, PATH};
use crate::embedding::tests::{model_dir, test_encoder};
use crate::embedding::SentenceEncoder;
use crate::http::{client, status_and_text, HttpClient};
use crate::server::{serve, Shared};
use crate::store::Store;
use bytes::Bytes;
use http_body_util::Full;
use hyper::{Request, StatusCode};
use std::sync::Arc;
use std::time::Duration;

async fn start(shared: Shared) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve(listener, Arc::new(shared)));
    format!("http://{addr}")
}

async fn post(c: &HttpClient, url: &str, token: Option<&str>, body: &str) -> (StatusCode, String) {
    let mut r = Request::post(url).header("content-type", "application/x-ndjson");
    if let Some(t) = token {
        r = r.header("authorization", format!("Bearer {t}"));
    }
    let response = c
        .request(r.body(Full::new(Bytes::from(body.to_owned()))).unwrap())
        .await
        .unwrap();
    status_and_text(response).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statuses_worker_metrics_and_store() {
    if test_encoder().is_none() {
        return;
    }
    let encoder = SentenceEncoder::load(&model_dir()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(tokio::sync::Mutex::new(
        Store::open(&dir.path().join("s.redb"), false).unwrap(),
    ));
    let sampling = PromptSampling::start(
        encoder,
        "s3cret".to_owned(),
        1024,
        Some(StoreTarget {
            store: Arc::clone(&store),
            step: 60,
            history: 3600,
        }),
    );
    let base = start(Shared {
        prompt_sampling: Some(sampling),
        ..Shared::default()
    })
    .await;
    let url = format!("{base}{PATH}");
    let c = client(1);
    let good = "{\"prompt\":\"How do I reverse a list in Python?\",\"gen_ai_request_model\":\"m\"}\n\
                {\"prompt\":\"What is a mutex?\",\"gen_ai_request_model\":\"m\",\"truncated\":false}\n\
                {\"prompt\":\"Tell me a joke\"}\n";
    assert_eq!(post(&c, &url, None, good).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        post(&c, &url, Some("s3cre"), good).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (status, body) = post(
        &c,
        &url,
        Some("s3cret"),
        "{\"prompt\":\"a\"}\n{\"prompt\":1}\n",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("line 2: \\\"prompt\\\" is not a string"),
        "{body}"
    );
    let big = format!("{{\"prompt\":\"{}\"}}\n", "x".repeat(2000));
    assert_eq!(
        post(&c, &url, Some("s3cret"), &big).await.0,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    let (status, body) = post(&c, &url, Some("s3cret"), good).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(body.trim(), "{\"accepted\":3}");
    let get = crate::http::get_text(&c, &url, Duration::from_secs(5))
        .await
        .unwrap();
    assert_eq!(get.0, StatusCode::METHOD_NOT_ALLOWED);
    // The worker embeds off the request path: wait for it.
    let mut metrics = String::new();
    for _ in 0..200 {
        metrics = crate::http::get_text(&c, &format!("{base}/metrics"), Duration::from_secs(5))
            .await
            .unwrap()
            .1;
        if metrics.contains("llmtap_prompt_samples_embedded_total 3") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for line in [
        "llmtap_prompt_samples_received_total 3",
        "llmtap_prompt_samples_embedded_total 3",
        "llmtap_prompt_sample_requests_total{code=\"202\"} 1",
        "llmtap_prompt_sample_requests_total{code=\"400\"} 1",
        "llmtap_prompt_sample_requests_total{code=\"401\"} 2",
        "llmtap_prompt_sample_requests_total{code=\"413\"} 1",
        "llmtap_prompt_embedding_count{gen_ai_request_model=\"m\"} 2.0",
        "llmtap_prompt_embedding_count{gen_ai_request_model=\"unknown\"} 1.0",
    ] {
        assert!(metrics.contains(line), "{line} not in\n{metrics}");
    }
    let dims = metrics
        .lines()
        .filter(|l| {
            l.starts_with("llmtap_prompt_embedding_sum_squares{dim=")
                && l.contains("gen_ai_request_model=\"m\"")
        })
        .count();
    assert_eq!(dims, 384);
    let totals = store.lock().await.totals(0..u64::MAX).unwrap();
    let count: f64 = totals
        .series
        .iter()
        .filter(|(k, _)| k.name == super::series::COUNT)
        .map(|(_, v)| v)
        .sum();
    assert_eq!(count, 3.0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_model_and_token_the_endpoint_answers_503() {
    let base = start(Shared::default()).await;
    let c = client(1);
    let (status, body) = post(
        &c,
        &format!("{base}{PATH}"),
        Some("t"),
        "{\"prompt\":\"a\"}\n",
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.contains("--embedding-model"), "{body}");
}
