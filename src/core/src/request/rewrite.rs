//! The `inject_include_usage` rewrite: make an OpenAI-compatible streaming request ask for
//! usage, so the upstream reports exact token counts in its last chunk.
//!
//! The body is edited at the byte level (one insertion), never re-serialised, so key order,
//! number formatting and escapes are kept. A request is rewritten only when its top-level
//! object has `"stream": true` and `stream_options.include_usage` is absent; an explicit
//! `"include_usage": false` is the client's choice and is left alone.

use crate::decode::json::Reader;

/// What to insert where, if the request needs it.
#[derive(Debug, PartialEq, Eq)]
struct Insertion {
    at: usize,
    text: &'static [u8],
}

fn plan(body: &[u8]) -> Option<Insertion> {
    let mut stream = false;
    let mut options_open: Option<usize> = None;
    let mut options_seen = false;
    let mut include_usage_seen = false;
    let mut r = Reader::new(body);
    let start = r.offset();
    if body.get(start) != Some(&b'{') {
        return None;
    }
    r.object(|key, r| {
        match key.0 {
            b"stream" => stream = r.opt_bool()?.unwrap_or(false),
            b"stream_options" => {
                options_seen = true;
                let at = r.offset();
                if r.peek_byte()? == b'{' {
                    options_open = Some(at);
                    r.object(|key, r| {
                        if key.0 == b"include_usage" {
                            include_usage_seen = true;
                        }
                        r.skip()
                    })?;
                } else {
                    r.skip()?;
                }
            }
            _ => r.skip()?,
        }
        Ok(())
    })
    .ok()?;
    if !stream || include_usage_seen {
        return None;
    }
    match (options_seen, options_open) {
        (false, _) => Some(Insertion {
            at: start + 1,
            text: br#""stream_options":{"include_usage":true},"#,
        }),
        (true, Some(open)) => {
            // `{}` needs no comma after the new member.
            let empty = body
                .get(open + 1..)
                .and_then(|rest| rest.iter().find(|b| !b.is_ascii_whitespace()))
                == Some(&b'}');
            Some(Insertion {
                at: open + 1,
                text: if empty {
                    br#""include_usage":true"#
                } else {
                    br#""include_usage":true,"#
                },
            })
        }
        // `stream_options: null` or another non-object: leave the request alone.
        (true, None) => None,
    }
}

/// The rewritten body, or `None` when the request must pass unchanged (not streaming,
/// already asks, explicitly declines, or is not a complete JSON object). An empty
/// top-level object with `stream` is impossible, so the inserted member always has a
/// following member and its comma is valid.
pub fn inject_include_usage(body: &[u8]) -> Option<Vec<u8>> {
    let Insertion { at, text } = plan(body)?;
    let mut out = Vec::with_capacity(body.len() + text.len());
    out.extend_from_slice(body.get(..at)?);
    out.extend_from_slice(text);
    out.extend_from_slice(body.get(at..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn json(bytes: &[u8]) -> serde_json::Value {
        serde_json::from_slice(bytes).unwrap()
    }

    #[test]
    fn streaming_requests_without_usage_get_it() {
        let body = br#"{"model":"gpt-4o","stream":true,"messages":[]}"#;
        let out = inject_include_usage(body).unwrap();
        let v = json(&out);
        assert_eq!(v["stream_options"]["include_usage"], true);
        assert_eq!(v["model"], "gpt-4o");
        // Only an insertion: the original bytes are all still there, in order.
        assert!(out.ends_with(&body[1..]));
    }

    #[test]
    fn existing_stream_options_gain_the_member() {
        for body in [
            &br#"{"stream":true,"stream_options":{"continuous_usage_stats":false}}"#[..],
            br#"{"stream_options": { } ,"stream":true}"#,
        ] {
            let v = json(&inject_include_usage(body).unwrap());
            assert_eq!(v["stream_options"]["include_usage"], true);
        }
    }

    #[test]
    fn other_requests_pass_unchanged() {
        for body in [
            &br#"{"stream":false,"messages":[]}"#[..],
            br#"{"messages":[]}"#,
            br#"{"stream":true,"stream_options":{"include_usage":false}}"#,
            br#"{"stream":true,"stream_options":{"include_usage":true}}"#,
            br#"{"stream":true,"stream_options":null}"#,
            br#"{"stream":true,"messages":["#,
            b"not json",
            b"",
        ] {
            assert_eq!(
                inject_include_usage(body),
                None,
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }
}
