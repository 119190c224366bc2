//! Per-request behaviour set by `x-mock-*` request headers, so one mock can drive many tests.

use hyper::header::HeaderMap;
use hyper::StatusCode;

/// Values of the `x-mock-*` headers (absent = server setting / default).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Overrides {
    /// `x-mock-ttft-ms`: delay before the first content, in milliseconds.
    pub ttft_ms: Option<u64>,
    /// `x-mock-token-delay-ms`: delay between content events, in milliseconds.
    pub token_delay_ms: Option<u64>,
    /// `x-mock-tokens`: completion tokens.
    pub tokens: Option<u32>,
    /// `x-mock-usage`: send usage (`true` / `false`).
    pub usage: Option<bool>,
    /// `x-mock-tokens-per-event`: words per content event (≥ 1).
    pub tokens_per_event: Option<u32>,
    /// `x-mock-status`: answer with this status (200–599).
    pub status: Option<StatusCode>,
    /// `x-mock-replay`: recorded file under `--replay-dir`.
    pub replay: Option<String>,
    /// `x-mock-replay-delay-ms`: delay between replayed pieces, in milliseconds.
    pub replay_delay_ms: Option<u64>,
    /// `x-mock-split-bytes`: replay in pieces of this many bytes (≥ 1).
    pub split_bytes: Option<usize>,
    /// `x-mock-abort-after-bytes`: write this many body bytes, then drop the connection.
    pub abort_after_bytes: Option<usize>,
    /// `x-mock-finish-reason`: the chat completion's `finish_reason` (one of
    /// [`FINISH_REASONS`]); `content_filter` makes the answer a refusal the filter counts.
    pub finish_reason: Option<&'static str>,
}

/// `finish_reason` values `x-mock-finish-reason` accepts.
pub const FINISH_REASONS: [&str; 4] = ["stop", "length", "content_filter", "tool_calls"];

/// A header whose value the mock cannot use (answered with 400).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("header {name}: {value:?} is not {expected}")]
pub struct BadHeader {
    pub name: &'static str,
    pub value: String,
    pub expected: &'static str,
}

impl Overrides {
    pub fn from_headers(headers: &HeaderMap) -> Result<Overrides, BadHeader> {
        Ok(Overrides {
            ttft_ms: number(headers, "x-mock-ttft-ms", 0, u64::MAX)?,
            token_delay_ms: number(headers, "x-mock-token-delay-ms", 0, u64::MAX)?,
            tokens: number(
                headers,
                "x-mock-tokens",
                0,
                u64::from(crate::settings::MAX_TOKENS),
            )?
            .map(narrow),
            usage: boolean(headers, "x-mock-usage")?,
            tokens_per_event: number(headers, "x-mock-tokens-per-event", 1, u64::from(u32::MAX))?
                .map(narrow),
            status: status(headers)?,
            replay: text(headers, "x-mock-replay")?,
            replay_delay_ms: number(headers, "x-mock-replay-delay-ms", 0, u64::MAX)?,
            split_bytes: number(headers, "x-mock-split-bytes", 1, u64::MAX)?.map(size),
            abort_after_bytes: number(headers, "x-mock-abort-after-bytes", 0, u64::MAX)?.map(size),
            finish_reason: finish_reason(headers)?,
        })
    }
}

fn narrow(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn size(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// A header's trimmed text (also used by `hostile`).
pub(super) fn text(headers: &HeaderMap, name: &'static str) -> Result<Option<String>, BadHeader> {
    headers
        .get(name)
        .map(|v| {
            v.to_str()
                .map(|s| s.trim().to_owned())
                .map_err(|_| BadHeader {
                    name,
                    value: String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    expected: "visible ASCII",
                })
        })
        .transpose()
}

fn number(
    headers: &HeaderMap,
    name: &'static str,
    min: u64,
    max: u64,
) -> Result<Option<u64>, BadHeader> {
    let Some(raw) = text(headers, name)? else {
        return Ok(None);
    };
    match raw.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(BadHeader {
            name,
            value: raw,
            expected: if min == 0 {
                "a whole number ≥ 0 (in range)"
            } else {
                "a whole number ≥ 1 (in range)"
            },
        }),
    }
}

fn boolean(headers: &HeaderMap, name: &'static str) -> Result<Option<bool>, BadHeader> {
    let Some(raw) = text(headers, name)? else {
        return Ok(None);
    };
    match raw.to_ascii_lowercase().as_str() {
        "true" | "1" => Ok(Some(true)),
        "false" | "0" => Ok(Some(false)),
        _ => Err(BadHeader {
            name,
            value: raw,
            expected: "true or false",
        }),
    }
}

fn finish_reason(headers: &HeaderMap) -> Result<Option<&'static str>, BadHeader> {
    let name = "x-mock-finish-reason";
    let Some(raw) = text(headers, name)? else {
        return Ok(None);
    };
    match FINISH_REASONS.iter().find(|r| **r == raw) {
        Some(reason) => Ok(Some(reason)),
        None => Err(BadHeader {
            name,
            value: raw,
            expected: "stop, length, content_filter or tool_calls",
        }),
    }
}

fn status(headers: &HeaderMap) -> Result<Option<StatusCode>, BadHeader> {
    let name = "x-mock-status";
    let Some(raw) = text(headers, name)? else {
        return Ok(None);
    };
    raw.parse::<u16>()
        .ok()
        .filter(|n| (200..=599).contains(n))
        .and_then(|n| StatusCode::from_u16(n).ok())
        .map(Some)
        .ok_or(BadHeader {
            name,
            value: raw,
            expected: "an HTTP status 200..=599",
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::headers;

    #[test]
    fn none_by_default() {
        assert_eq!(
            Overrides::from_headers(&HeaderMap::new()).unwrap(),
            Overrides::default()
        );
    }

    #[test]
    fn every_header_is_read() {
        let o = Overrides::from_headers(&headers(&[
            ("x-mock-ttft-ms", "5"),
            ("x-mock-token-delay-ms", "0"),
            ("x-mock-tokens", "7"),
            ("x-mock-usage", "FALSE"),
            ("x-mock-tokens-per-event", "3"),
            ("x-mock-status", "429"),
            ("x-mock-replay", " openai/chat.sse "),
            ("x-mock-replay-delay-ms", "10"),
            ("x-mock-split-bytes", "13"),
            ("x-mock-abort-after-bytes", "0"),
            ("x-mock-finish-reason", "content_filter"),
        ]))
        .unwrap();
        assert_eq!(
            o,
            Overrides {
                ttft_ms: Some(5),
                token_delay_ms: Some(0),
                tokens: Some(7),
                usage: Some(false),
                tokens_per_event: Some(3),
                status: Some(StatusCode::TOO_MANY_REQUESTS),
                replay: Some("openai/chat.sse".into()),
                replay_delay_ms: Some(10),
                split_bytes: Some(13),
                abort_after_bytes: Some(0),
                finish_reason: Some("content_filter"),
            }
        );
    }

    #[test]
    fn bad_values_are_named() {
        for (name, value) in [
            ("x-mock-tokens", "many"),
            ("x-mock-tokens", "-1"),
            ("x-mock-tokens", "99999999"),
            ("x-mock-tokens-per-event", "0"),
            ("x-mock-split-bytes", "0"),
            ("x-mock-usage", "yes"),
            ("x-mock-status", "99"),
            ("x-mock-status", "600"),
            ("x-mock-finish-reason", "refused"),
        ] {
            let err = Overrides::from_headers(&headers(&[(name, value)])).unwrap_err();
            assert_eq!(err.name, name);
            assert!(err.to_string().contains(value), "{err}");
        }
    }
}
