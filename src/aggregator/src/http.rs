//! The HTTP client used by the demo (load and Envoy's admin interface).

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use std::time::Duration;

/// A pooled HTTP/1.1 client.
pub type HttpClient = Client<HttpConnector, Full<Bytes>>;

/// A client keeping up to `idle_per_host` connections open (TCP_NODELAY on).
pub fn client(idle_per_host: usize) -> HttpClient {
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(idle_per_host)
        .build(connector)
}

/// `GET url` → status and body text, within `timeout`. The error is a message.
pub async fn get_text(
    client: &HttpClient,
    url: &str,
    timeout: Duration,
) -> Result<(StatusCode, String), String> {
    let request = Request::get(url)
        .body(Full::new(Bytes::new()))
        .map_err(|e| e.to_string())?;
    let fetch = async {
        let response = client.request(request).await.map_err(|e| e.to_string())?;
        status_and_text(response).await
    };
    tokio::time::timeout(timeout, fetch)
        .await
        .map_err(|_| format!("no answer within {} ms", timeout.as_millis()))?
}

/// A response's status and its whole body as text (invalid UTF-8 replaced). The error is a
/// message.
pub async fn status_and_text(response: Response<Incoming>) -> Result<(StatusCode, String), String> {
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}
