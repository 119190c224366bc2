//! OpenAI-style error bodies: `{"error":{"message","type","param","code"}}`.

use bytes::Bytes;
use hyper::StatusCode;
use serde::Serialize;

/// The OpenAI `error.type` for a status.
pub fn error_type(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 422 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        500..=599 => "server_error",
        _ => "api_error",
    }
}

/// The JSON error body for `status` with `message`.
pub fn body(status: StatusCode, message: &str) -> Bytes {
    let code = match status.as_u16() {
        429 => Some("rate_limit_exceeded"),
        _ => None,
    };
    let body = ErrorBody {
        error: ErrorDetail {
            message,
            kind: error_type(status),
            param: None,
            code,
        },
    };
    Bytes::from(serde_json::to_vec(&body).unwrap_or_default())
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

/// Fields in OpenAI's order.
#[derive(Serialize)]
struct ErrorDetail<'a> {
    message: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    param: Option<&'a str>,
    code: Option<&'static str>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shape_matches_openai() {
        let v: serde_json::Value =
            serde_json::from_slice(&body(StatusCode::TOO_MANY_REQUESTS, "slow down")).unwrap();
        assert_eq!(
            v,
            json!({"error":{"message":"slow down","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}})
        );
        let text = body(StatusCode::NOT_FOUND, "x");
        assert!(text.starts_with(b"{\"error\":{\"message\":\"x\",\"type\":\"not_found_error\",\"param\":null,\"code\":null}}"));
        assert_eq!(error_type(StatusCode::BAD_GATEWAY), "server_error");
        assert_eq!(error_type(StatusCode::BAD_REQUEST), "invalid_request_error");
    }
}
