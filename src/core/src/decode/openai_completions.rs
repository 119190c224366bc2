//! OpenAI legacy Completions (`/v1/completions`): streamed `text_completion` events and
//! whole bodies. Reference:
//! <https://platform.openai.com/docs/api-reference/completions/object> (streaming sends the
//! same object per event, then `data: [DONE]`; with `stream_options.include_usage` a last
//! chunk has `"choices":[]` and `usage`).
//!
//! Reads only `choices[].text` (visible text), `choices[].finish_reason` (`content_filter`
//! is [`super::RefusalSignal::ContentFilter`]), `usage` (`prompt_tokens`,
//! `completion_tokens`, cached / reasoning details, in tokens; a running count on a chunk
//! before the finish reason, [`super::EventFacts::usage_interim`]), `model`, and errors (a
//! non-null top-level `error`, `"object":"error"`, or the SSE event name `error`).
//! `data: [DONE]` is the terminator. Text lengths are in Unicode scalar values.

use super::envelope::{is_done_marker, opt_array, read_named, terminator_facts, NamedError};
use super::openai_chat::{finish_reason, read_shared_member};
use super::{Builder, DecodeError, EventFacts};
use crate::decode::json::{JsonError, RawStr, Reader};

/// Decodes one event (or a whole completion body).
pub fn decode<'a>(
    event_name: &'a [u8],
    data: &'a [u8],
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    let data = data.trim_ascii();
    if is_done_marker(data) {
        return Ok(terminator_facts());
    }
    read_named(event_name == b"error", NamedError::Marks, on_text, |b| {
        read(&mut Reader::new(data), b)
    })
}

fn read<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    let mut choices = 0usize;
    r.object(|key, r| {
        match key.0 {
            b"choices" => opt_array(r, |r| {
                choices += 1;
                r.object(|key, r| {
                    match key.0 {
                        b"text" => {
                            if let Some(text) = r.opt_string()? {
                                b.visible(text);
                            }
                        }
                        b"finish_reason" => {
                            if let Some(reason) = r.opt_string()? {
                                finish_reason(b, reason);
                            }
                        }
                        _ => r.skip()?,
                    }
                    Ok(())
                })
            })?,
            _ => read_shared_member(key, r, b)?,
        }
        Ok(())
    })?;
    if choices > 0 && !b.has_finish_reason() {
        // Continuous usage stats (vLLM): a running count on every chunk before the finish.
        b.interim_usage();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::UsageReport;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn reads_text_finish_usage_and_done() {
        let data = br#"{"id":"cmpl-1","object":"text_completion","choices":[{"text":" fib","index":0,"logprobs":null,"finish_reason":"length"}],"model":"babbage-002","usage":null}"#;
        let mut text = String::new();
        let f = decode(b"", data, &mut |t| t.decode_into(&mut text)).unwrap();
        assert_eq!((f.text_chars, text.as_str()), (4, " fib"));
        assert_eq!(f.finish_reason, Some(RawStr(b"length")));
        assert_eq!(f.response_model, Some(RawStr(b"babbage-002")));

        let data = br#"{"choices":[],"usage":{"prompt_tokens":31,"completion_tokens":25,"total_tokens":56}}"#;
        let f = decode(b"", data, &mut |_| {}).unwrap();
        assert_eq!(
            f.usage,
            Some(UsageReport {
                input: Some(31),
                output: Some(25),
                ..UsageReport::default()
            })
        );
        assert!(decode(b"", b"[DONE]", &mut |_| {}).unwrap().terminator);
    }

    #[test]
    fn errors() {
        assert!(
            decode(b"", br#"{"error":{"message":"x"}}"#, &mut |_| {})
                .unwrap()
                .error
        );
        assert!(decode(b"error", b"boom", &mut |_| {}).unwrap().error);
        assert!(decode(b"", b"{\"choices\":[", &mut |_| {}).is_err());
    }

    #[test]
    fn content_filter_is_a_refusal_signal() {
        let data = br#"{"object":"text_completion","choices":[{"text":"","index":0,"finish_reason":"content_filter"}]}"#;
        let f = decode(b"", data, &mut |_| {}).unwrap();
        assert_eq!(f.refusal, Some(super::super::RefusalSignal::ContentFilter));
        let data = br#"{"object":"text_completion","choices":[{"text":"x","index":0,"finish_reason":"stop"}]}"#;
        assert_eq!(decode(b"", data, &mut |_| {}).unwrap().refusal, None);
    }

    #[test]
    fn continuous_usage_before_the_finish_reason_is_interim() {
        let interim = br#"{"choices":[{"text":"a","index":0,"finish_reason":null}],"usage":{"prompt_tokens":5,"completion_tokens":1}}"#;
        assert!(decode(b"", interim, &mut |_| {}).unwrap().usage_interim);
        let last = br#"{"choices":[{"text":"b","index":0,"finish_reason":"length"}],"usage":{"prompt_tokens":5,"completion_tokens":2}}"#;
        assert!(!decode(b"", last, &mut |_| {}).unwrap().usage_interim);
    }
}
