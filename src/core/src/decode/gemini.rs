//! Gemini API and Vertex AI `generateContent` / `streamGenerateContent`: one
//! `GenerateContentResponse` per SSE event (`alt=sse`), or a JSON array of them (streaming
//! without `alt=sse`, read whole) or a single one (non-streaming). References:
//! - <https://ai.google.dev/api/generate-content#v1beta.GenerateContentResponse>
//! - finish reasons: <https://ai.google.dev/api/generate-content#FinishReason>
//! - block reasons: <https://ai.google.dev/api/generate-content#BlockReason>
//! - usage: <https://ai.google.dev/api/generate-content#UsageMetadata>
//! - Vertex: <https://cloud.google.com/vertex-ai/generative-ai/docs/reference/rest/v1/GenerateContentResponse>
//!
//! Reads only:
//! - `candidates[].content.parts[]`: `text` is reasoning when the part has `thought: true`,
//!   visible text otherwise (a response may have several parts, all handed to the text
//!   callback); a `functionCall` part starts a tool call (and is one tool-call delta);
//!   `executableCode` / `codeExecutionResult` / `thoughtSignature`-only parts carry nothing
//!   measured;
//! - `candidates[].finishReason`: the finish reason; its presence is the terminator (Gemini
//!   sends no end-of-stream marker). `SAFETY`, `PROHIBITED_CONTENT`, `BLOCKLIST`, `SPII`,
//!   `IMAGE_SAFETY`, `IMAGE_PROHIBITED_CONTENT` are [`RefusalSignal::SafetyBlock`].
//!   `RECITATION` is deliberately NOT a refusal signal: the model answered and its output
//!   was cut for reproducing training data (a copyright filter, not a refusal of the
//!   request); it is still reported as the finish reason;
//! - `promptFeedback.blockReason` (any value): the prompt was blocked —
//!   [`RefusalSignal::SafetyBlock`] and the terminator (no candidate follows);
//! - `usageMetadata`, in tokens: `promptTokenCount` → input, `candidatesTokenCount` →
//!   output (Gemini counts thoughts apart, so this EXCLUDES reasoning, unlike OpenAI),
//!   `cachedContentTokenCount` → cached input, `thoughtsTokenCount` → reasoning. Every
//!   chunk repeats it; a chunk may lack `candidatesTokenCount` (last value wins). On a chunk
//!   with candidates but no `finishReason` the output and reasoning counts are cumulative
//!   so far ([`EventFacts::usage_interim`]); the chunk with the finish reason has the final ones;
//! - `modelVersion`; a top-level `error` object is an error event.
//!
//! Text lengths are in Unicode scalar values.

use super::envelope::{object_or_array, opt_array, opt_object, present};
use super::usage::{self, read_usage};
use super::{Builder, DecodeError, EventFacts, RefusalSignal};
use crate::decode::json::{JsonError, RawStr, Reader};

/// Decodes one event: a response object, or an array of them (whole body).
pub fn decode<'a>(
    _event_name: &'a [u8],
    data: &'a [u8],
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    let mut b = Builder::new(on_text);
    let mut candidates = 0usize;
    object_or_array(data, |r| read_response(r, &mut b, &mut candidates))?;
    if candidates > 0 && !b.has_finish_reason() {
        // A chunk of an answer still being generated: its counts are cumulative so far.
        b.interim_usage();
    }
    Ok(b.done())
}

fn read_response<'a>(
    r: &mut Reader<'a>,
    b: &mut Builder<'a, '_>,
    candidates: &mut usize,
) -> Result<(), JsonError> {
    r.object(|key, r| {
        match key.0 {
            b"candidates" => opt_array(r, |r| {
                *candidates += 1;
                read_candidate(r, b)
            })?,
            b"promptFeedback" => opt_object(r, |key, r| {
                match key.0 {
                    b"blockReason" => {
                        if r.opt_string()?.is_some_and(|reason| !reason.is_empty()) {
                            b.refusal(RefusalSignal::SafetyBlock);
                            b.terminator();
                        }
                    }
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"usageMetadata" => {
                let usage = read_usage(r, &usage::GEMINI)?;
                b.usage(usage);
            }
            b"modelVersion" => {
                if let Some(model) = r.opt_string()? {
                    b.model(model);
                }
            }
            b"error" => {
                if present(r)? {
                    b.error();
                }
            }
            _ => r.skip()?,
        }
        Ok(())
    })
}

fn read_candidate<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    r.object(|key, r| {
        match key.0 {
            b"content" => opt_object(r, |key, r| {
                match key.0 {
                    b"parts" => opt_array(r, |r| read_part(r, b))?,
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"finishReason" => {
                if let Some(reason) = r.opt_string()? {
                    if !reason.is_empty() {
                        b.finish_reason(reason);
                        b.terminator();
                        if is_safety_block(reason) {
                            b.refusal(RefusalSignal::SafetyBlock);
                        }
                    }
                }
            }
            _ => r.skip()?,
        }
        Ok(())
    })
}

fn read_part<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    let mut text = None;
    let mut thought = false;
    let mut function_call = false;
    r.object(|key, r| {
        match key.0 {
            b"text" => text = r.opt_string()?,
            b"thought" => thought = r.opt_bool()? == Some(true),
            b"functionCall" => function_call = present(r)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    if let Some(text) = text {
        if thought {
            b.reasoning(text);
        } else {
            b.visible(text);
        }
    }
    if function_call {
        b.tool_call_started();
        b.tool_call_delta();
    }
    Ok(())
}

fn is_safety_block(reason: RawStr<'_>) -> bool {
    matches!(
        reason.0,
        b"SAFETY"
            | b"PROHIBITED_CONTENT"
            | b"BLOCKLIST"
            | b"SPII"
            | b"IMAGE_SAFETY"
            | b"IMAGE_PROHIBITED_CONTENT"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::UsageReport;
    use crate::testing::decoded;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn run(data: &str) -> (EventFacts<'_>, String) {
        decoded(decode, "", data)
    }

    #[test]
    fn text_thoughts_usage_and_model() {
        let (f, text) = run(
            r#"{"candidates": [{"content": {"parts": [{"text": "plan","thought": true},{"text": "The"},{"text": " end"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 15,"totalTokenCount": 15,"thoughtsTokenCount": 4},"modelVersion": "gemini-2.5-pro"}"#,
        );
        assert_eq!(f.text, Some(RawStr(b"The")));
        assert_eq!((f.text_chars, text.as_str()), (7, "The end"));
        assert_eq!(f.reasoning_chars, 4);
        assert_eq!(
            f.usage,
            Some(UsageReport {
                input: Some(15),
                output: None,
                cached_input: None,
                reasoning: Some(4)
            })
        );
        assert_eq!(f.response_model, Some(RawStr(b"gemini-2.5-pro")));
        assert!(!f.terminator);
    }

    #[test]
    fn finish_reason_ends_the_stream_and_safety_is_a_refusal() {
        let (f, _) = run(
            r#"{"candidates":[{"content":{"parts":[{"text":""}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":13,"candidatesTokenCount":8,"cachedContentTokenCount":2}}"#,
        );
        assert!(f.terminator);
        assert_eq!(f.finish_reason, Some(RawStr(b"STOP")));
        assert_eq!((f.text_chars, f.refusal), (0, None));
        assert_eq!(f.usage.unwrap().cached_input, Some(2));
        for reason in ["SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII"] {
            let data = format!(r#"{{"candidates":[{{"finishReason":"{reason}"}}]}}"#);
            let f = decode(b"", data.as_bytes(), &mut |_| {}).unwrap();
            assert_eq!(f.refusal, Some(RefusalSignal::SafetyBlock), "{reason}");
        }
        let (f, _) = run(r#"{"candidates":[{"finishReason":"RECITATION"}]}"#);
        assert_eq!(f.refusal, None);
        assert_eq!(f.finish_reason, Some(RawStr(b"RECITATION")));
        let (f, _) = run(
            r#"{"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"},"usageMetadata":{"promptTokenCount":5}}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::SafetyBlock));
        assert!(f.terminator);
    }

    #[test]
    fn safety_ratings_alone_and_other_reasons_are_not_refusals() {
        // Every chunk carries safetyRatings; only a blocking finish or block reason counts.
        for data in [
            r#"{"candidates":[{"content":{"parts":[{"text":"Hi"}],"role":"model"},"safetyRatings":[{"category":"HARM_CATEGORY_HARASSMENT","probability":"NEGLIGIBLE"}]}],"promptFeedback":{"safetyRatings":[{"category":"HARM_CATEGORY_HATE_SPEECH","probability":"NEGLIGIBLE"}]}}"#,
            r#"{"candidates":[{"finishReason":"OTHER"}]}"#,
            r#"{"candidates":[{"finishReason":"MALFORMED_FUNCTION_CALL"}]}"#,
            r#"{"candidates":[{"finishReason":"MAX_TOKENS"}]}"#,
        ] {
            let f = decode(b"", data.as_bytes(), &mut |_| {}).unwrap();
            assert_eq!(f.refusal, None, "{data}");
        }
        // Vertex: a SAFETY finish with the blocked rating and no content.
        let (f, _) = run(
            r#"{"candidates":[{"finishReason":"SAFETY","safetyRatings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH","blocked":true}]}],"usageMetadata":{"promptTokenCount":9,"totalTokenCount":9},"modelVersion":"gemini-2.0-flash"}"#,
        );
        assert_eq!(
            (f.refusal, f.text_chars),
            (Some(RefusalSignal::SafetyBlock), 0)
        );
        let (f, _) = run(
            r#"[{"promptFeedback":{"blockReason":"BLOCKLIST"},"usageMetadata":{"promptTokenCount":3}}]"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::SafetyBlock));
    }

    #[test]
    fn function_calls_and_code_parts() {
        let (f, _) = run(
            r#"{"candidates":[{"content":{"parts":[{"functionCall":{"name":"get_country","args":{}},"thoughtSignature":"x"}]}}]}"#,
        );
        assert_eq!((f.tool_calls_started, f.text_chars), (1, 0));
        let (f, _) = run(
            r#"{"candidates":[{"content":{"parts":[{"executableCode":{"language":"PYTHON","code":"print(1)"}},{"codeExecutionResult":{"outcome":"OUTCOME_OK","output":"1"}}]}}]}"#,
        );
        assert_eq!(f, EventFacts::default());
    }

    #[test]
    fn arrays_and_errors() {
        let (f, text) = run(r#"[{"candidates":[{"content":{"parts":[{"text":"a"}]}}]},
{"candidates":[{"content":{"parts":[{"text":"b"}]},"finishReason":"MAX_TOKENS"}],"usageMetadata":{"candidatesTokenCount":2}}]"#);
        assert_eq!((f.text_chars, text.as_str()), (2, "ab"));
        assert_eq!(f.finish_reason, Some(RawStr(b"MAX_TOKENS")));
        assert_eq!(f.usage.unwrap().output, Some(2));
        let (f, _) = run(
            r#"{"error":{"code":429,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED"}}"#,
        );
        assert!(f.error);
        let (f, _) = run(r#"[{"error":{"code":500}}]"#);
        assert!(f.error);
        assert!(decode(b"", b"{\"candidates\":[", &mut |_| {}).is_err());
    }

    #[test]
    fn usage_before_the_finish_reason_is_interim() {
        let (f, _) = run(
            r#"{"candidates":[{"content":{"parts":[{"text":"1"}]},"index":0}],"usageMetadata":{"promptTokenCount":18,"candidatesTokenCount":31}}"#,
        );
        assert_eq!(f.usage.and_then(|u| u.output), Some(31));
        assert!(f.usage_interim);
        let (f, _) = run(
            r#"{"candidates":[{"content":{"parts":[{"text":"0"}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":18,"candidatesTokenCount":80}}"#,
        );
        assert!(!f.usage_interim);
        // A usage-only chunk, a blocked prompt and a whole array ending with the finish are final.
        for data in [
            r#"{"usageMetadata":{"promptTokenCount":18,"candidatesTokenCount":80}}"#,
            r#"{"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":5}}"#,
            r#"[{"candidates":[{"content":{"parts":[{"text":"a"}]}}],"usageMetadata":{"candidatesTokenCount":1}},{"candidates":[{"content":{"parts":[{"text":"b"}]},"finishReason":"STOP"}],"usageMetadata":{"candidatesTokenCount":2}}]"#,
        ] {
            let (f, _) = run(data);
            assert!(f.usage.is_some(), "{data}");
            assert!(!f.usage_interim, "{data}");
        }
    }
}
