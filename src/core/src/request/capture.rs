//! Request side: keeps a bounded prefix of the request body as it passes (never pausing it)
//! and reads the top-level `model`, `stream` and `stream_options.include_usage` fields from it.

use crate::decode::json::Reader;

/// Fields read from an OpenAI-style request body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestInfo {
    /// Raw (escaped) `model` value, if present. The request lifecycle puts the model named
    /// in the path here (percent-decoded) when the body has none.
    pub model: Option<Vec<u8>>,
    /// The `stream` flag, if present.
    pub stream: Option<bool>,
    /// `stream_options.include_usage`, if present.
    pub include_usage: Option<bool>,
    /// The body was longer than the capture cap; fields after the cap were not seen.
    pub truncated: bool,
}

/// Collects up to `cap` bytes of the request body.
#[derive(Debug)]
pub struct RequestCapture {
    cap: usize,
    body: Vec<u8>,
    truncated: bool,
    /// Bytes of the body seen, kept or not.
    seen: u64,
}

impl RequestCapture {
    pub fn new(cap: usize) -> Self {
        RequestCapture {
            cap,
            body: Vec::new(),
            truncated: false,
            seen: 0,
        }
    }

    /// Appends one read of the request body (the part beyond the cap is dropped).
    pub fn push(&mut self, read: &[u8]) {
        self.seen += read.len() as u64;
        let room = self.cap.saturating_sub(self.body.len());
        if read.len() > room {
            self.truncated = true;
        }
        self.body
            .extend_from_slice(read.get(..room.min(read.len())).unwrap_or_default());
    }

    /// Reads `model`, `stream` and `stream_options` from what was kept (the body stays
    /// readable until the capture is dropped).
    pub fn finish(&mut self) -> RequestInfo {
        let mut info = parse_request(&self.body);
        info.truncated |= self.truncated;
        info
    }

    /// The kept prefix of the body.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// Bytes seen past the cap.
    pub fn unseen_bytes(&self) -> u64 {
        self.seen.saturating_sub(self.body.len() as u64)
    }
}

/// Reads the top-level `model` and `stream` fields. A body cut short (or malformed after
/// them) still yields the fields that came before the cut.
pub fn parse_request(body: &[u8]) -> RequestInfo {
    let mut info = RequestInfo::default();
    let result = Reader::new(body).object(|key, r| {
        match key.0 {
            b"model" => info.model = r.opt_string()?.map(|s| s.0.to_vec()),
            b"stream" => info.stream = r.opt_bool()?,
            b"stream_options" if r.peek_byte()? == b'{' => r.object(|key, r| {
                match key.0 {
                    b"include_usage" => info.include_usage = r.opt_bool()?,
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            _ => r.skip()?,
        }
        Ok(())
    });
    info.truncated = result.is_err();
    info
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn reads_model_and_stream_in_any_order() {
        let info = parse_request(
            br#"{"messages":[{"role":"user","content":"hi"}],"stream":true,"model":"gpt-4o"}"#,
        );
        assert_eq!(info.model.as_deref(), Some(&b"gpt-4o"[..]));
        assert_eq!(info.stream, Some(true));
        assert!(!info.truncated);
    }

    #[test]
    fn a_body_cut_by_the_cap_keeps_the_fields_before_the_cut() {
        let mut capture = RequestCapture::new(40);
        capture.push(
            br#"{"model":"llama-3.1-8b","stream":false,"messages":[{"role":"user","content":"#,
        );
        capture.push(b"very long prompt ...\"}]}");
        let info = capture.finish();
        assert_eq!(info.model.as_deref(), Some(&b"llama-3.1-8b"[..]));
        assert_eq!(info.stream, Some(false));
        assert!(info.truncated);
    }

    #[test]
    fn reads_split_anywhere_give_the_same_answer() {
        let body = br#"{"model":"m\u00e9","stream":true}"#;
        for split in 0..body.len() {
            let mut capture = RequestCapture::new(1024);
            capture.push(&body[..split]);
            capture.push(&body[split..]);
            let info = capture.finish();
            assert_eq!(info.model.as_deref(), Some(&br"m\u00e9"[..]));
            assert_eq!(info.stream, Some(true));
        }
    }

    #[test]
    fn non_json_bodies_give_nothing() {
        for body in [&b""[..], b"hello", b"[1]", b"{\"model\":5}"] {
            let info = parse_request(body);
            assert_eq!(info.model, None);
        }
    }
}
