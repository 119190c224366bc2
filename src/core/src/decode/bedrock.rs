//! AWS Bedrock runtime: `ConverseStream` / `Converse` and `InvokeModelWithResponseStream` /
//! `InvokeModel`. Streams are AWS event-stream frames (see [`crate::framing::aws_eventstream`]);
//! the frame's `:event-type` header is the event name. References:
//! - ConverseStream events: <https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html>
//!   (`messageStart`, `contentBlockStart`, `contentBlockDelta`, `contentBlockStop`,
//!   `messageStop`, `metadata`; exceptions such as `throttlingException`,
//!   `modelStreamErrorException`, `validationException`)
//! - Converse response: <https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html>
//! - token usage: <https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_TokenUsage.html>
//! - stop reasons: <https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_MessageStopEvent.html>
//! - InvokeModelWithResponseStream: <https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModelWithResponseStream.html>
//!   (`chunk` events whose payload is `{"bytes":"<base64 of the model's own JSON>"}`)
//! - model payloads: <https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters.html>
//!
//! Converse, reads only: `contentBlockStart.start.toolUse` (a new tool call);
//! `contentBlockDelta.delta.text` (visible), `.reasoningContent.text` (reasoning),
//! `.toolUse.input` (tool-call delta); `messageStop.stopReason` (finish reason;
//! `guardrail_intervened` and `content_filtered` are [`RefusalSignal::SafetyBlock`]);
//! `metadata.usage` (`inputTokens`, `outputTokens`, `cacheReadInputTokens`, in tokens) —
//! `metadata` is the last event of a stream, so it is the terminator. An event name ending
//! in `Exception` (an exception frame's `:exception-type`) is an error event. A whole
//! `Converse` body (no event name) is read from `output.message.content[]`, `stopReason`
//! and `usage`.
//!
//! Invoke: the `bytes` are base64-decoded (RFC 4648 §4, standard alphabet; a JSON-escaped
//! `\/` is accepted) into the caller's scratch buffer, and the model's JSON is recognised by
//! its top-level keys ([`sniff`]):
//! - a `type` key: an Anthropic Messages event (Claude) — see [`super::anthropic`];
//! - `choices` or `object`: an OpenAI chat chunk (gpt-oss, DeepSeek, Jamba…) — see
//!   [`super::openai_chat`];
//! - a Converse event name as key (`{"contentBlockDelta":{…}}`, Nova): read as above;
//! - anything else: a native completion shape — `generation` (Llama), `outputText`
//!   (Titan), `outputs[].text` (Mistral), `text` / `generations[].text` (Cohere),
//!   `completion` (Claude Text Completions) as visible text; `stop_reason` /
//!   `completionReason` / `finish_reason` as finish reason (Titan `CONTENT_FILTERED` is a
//!   [`RefusalSignal::SafetyBlock`]); `prompt_token_count` / `inputTextTokenCount` and
//!   `generation_token_count` / `totalOutputTextTokenCount` as usage (running counts on a
//!   chunk without a stop reason: [`super::EventFacts::usage_interim`]).
//!
//! Every shape may carry `amazon-bedrock-invocationMetrics` (`inputTokenCount`,
//! `outputTokenCount`, `cacheReadInputTokenCount`) in the last chunk: read as usage and as
//! the terminator. Every shape may also carry `amazon-bedrock-guardrailAction`
//! (`INTERVENED` | `NONE`), added by Bedrock when the request names a guardrail:
//! `INTERVENED` is a [`RefusalSignal::SafetyBlock`] (the model's output was replaced by the
//! guardrail's blocked message); documented in the Bedrock User Guide's example InvokeModel
//! response with a guardrail (`{"amazon-bedrock-guardrailAction": "INTERVENED | NONE", …}`). A non-streaming `InvokeModel` body is the model's JSON itself, sniffed
//! the same way. Text lengths are in Unicode scalar values.
//!
//! A chunk frame longer than `max_event_bytes` reaches [`decode_invoke_decoded`] with its
//! `bytes` already decoded and reduced to a skeleton (`crate::framing::aws_large_frame`).

use super::bedrock_runtime::{read_guardrail_action, read_invocation_metrics, GUARDRAIL_ACTION};
use super::envelope::{error_facts, opt_array, opt_object, present};
use super::usage::{self, read_usage};
use super::{anthropic, openai_chat, Builder, DecodeError, EventFacts, RefusalSignal, UsageReport};
use crate::decode::json::{JsonError, RawStr, Reader};
use crate::framing::base64_stream::Base64Stream;

/// Whether an event name is an exception type (`throttlingException`…).
fn is_exception(event_name: &[u8]) -> bool {
    event_name.ends_with(b"Exception")
}

/// Decodes one `ConverseStream` event (`event_name` = `:event-type`), or a whole `Converse`
/// body (empty `event_name`).
pub fn decode_converse<'a>(
    event_name: &'a [u8],
    data: &'a [u8],
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    if is_exception(event_name) {
        return Ok(error_facts());
    }
    let mut b = Builder::new(on_text);
    let mut r = Reader::new(data);
    if event_name.is_empty() {
        read_wrapped(&mut r, &mut b)?;
    } else {
        read_converse_event(event_name, &mut r, &mut b)?;
    }
    Ok(b.done())
}

/// Decodes one `InvokeModelWithResponseStream` event (`chunk`), or a whole `InvokeModel`
/// body. `scratch` receives the decoded `bytes`.
pub fn decode_invoke<'a>(
    event_name: &'a [u8],
    data: &'a [u8],
    scratch: &'a mut Vec<u8>,
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    if is_exception(event_name) {
        return Ok(error_facts());
    }
    let outer = sniff(data)?;
    let inner: &'a [u8] = match outer.bytes {
        Some(bytes) => {
            scratch.clear();
            decode_base64(bytes.0, scratch)?;
            let decoded: &'a Vec<u8> = scratch;
            decoded
        }
        None if event_name == b"chunk" => return Err(DecodeError::MissingBytes),
        None => data,
    };
    let shape = if outer.bytes.is_some() {
        sniff(inner)?.shape
    } else {
        outer.shape
    };
    read_model_json(shape, inner, on_text)
}

/// Decodes the model's own JSON of an invoke `chunk` whose `bytes` were already
/// base64-decoded: the skeleton of a chunk longer than the cap
/// ([`crate::framing::aws_large_frame`]).
pub fn decode_invoke_decoded<'a>(
    event_name: &'a [u8],
    inner: &'a [u8],
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    if is_exception(event_name) {
        return Ok(error_facts());
    }
    read_model_json(sniff(inner)?.shape, inner, on_text)
}

fn read_model_json<'a>(
    shape: Shape,
    inner: &'a [u8],
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    let mut b = Builder::new(on_text);
    match shape {
        Shape::Anthropic => anthropic::read_event(b"", inner, &mut b)?,
        Shape::OpenAi => openai_chat::read_chunk(&mut Reader::new(inner), &mut b)?,
        Shape::Converse => read_wrapped(&mut Reader::new(inner), &mut b)?,
        Shape::Native => read_native(&mut Reader::new(inner), &mut b)?,
    }
    Ok(b.done())
}

/// The model JSON shapes an invoke payload can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Anthropic Messages events (`type` key).
    Anthropic,
    /// OpenAI chat chunks (`choices` / `object` keys).
    OpenAi,
    /// Converse-like events keyed by event name (Nova).
    Converse,
    /// Llama / Titan / Mistral / Cohere / Claude Text Completions.
    Native,
}

/// What the top-level keys of an invoke payload say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sniffed<'a> {
    /// The base64 `bytes` of a stream chunk.
    pub bytes: Option<RawStr<'a>>,
    pub shape: Shape,
}

/// Reads the top-level keys of an object (values skipped) to recognise its shape.
pub fn sniff(data: &[u8]) -> Result<Sniffed<'_>, JsonError> {
    let mut bytes = None;
    let (mut anthropic, mut openai, mut converse) = (false, false, false);
    Reader::new(data).object(|key, r| {
        match key.0 {
            b"bytes" => bytes = r.opt_string()?,
            b"type" => {
                anthropic = true;
                r.skip()?;
            }
            b"choices" | b"object" => {
                openai = true;
                r.skip()?;
            }
            k if is_converse_event(k) => {
                converse = true;
                r.skip()?;
            }
            _ => r.skip()?,
        }
        Ok(())
    })?;
    let shape = if anthropic {
        Shape::Anthropic
    } else if openai {
        Shape::OpenAi
    } else if converse {
        Shape::Converse
    } else {
        Shape::Native
    };
    Ok(Sniffed { bytes, shape })
}

fn is_converse_event(name: &[u8]) -> bool {
    matches!(
        name,
        b"messageStart"
            | b"contentBlockStart"
            | b"contentBlockDelta"
            | b"contentBlockStop"
            | b"messageStop"
            | b"metadata"
    )
}

/// A Converse event object (the payload of a ConverseStream frame).
fn read_converse_event<'a>(
    kind: &[u8],
    r: &mut Reader<'a>,
    b: &mut Builder<'a, '_>,
) -> Result<(), JsonError> {
    r.object(|key, r| {
        match key.0 {
            b"start" => opt_object(r, |key, r| {
                match key.0 {
                    b"toolUse" => {
                        if present(r)? {
                            b.tool_call_started();
                            b.tool_call_delta();
                        }
                    }
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"delta" => opt_object(r, |key, r| {
                match key.0 {
                    b"text" => {
                        if let Some(text) = r.opt_string()? {
                            b.visible(text);
                        }
                    }
                    b"reasoningContent" => opt_object(r, |key, r| {
                        match key.0 {
                            b"text" => {
                                if let Some(text) = r.opt_string()? {
                                    b.reasoning(text);
                                }
                            }
                            _ => r.skip()?,
                        }
                        Ok(())
                    })?,
                    b"toolUse" => {
                        if present(r)? {
                            b.tool_call_delta();
                        }
                    }
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"stopReason" => read_stop_reason(r, b)?,
            b"usage" => {
                let usage = read_usage(r, &usage::BEDROCK)?;
                b.usage(usage);
            }
            _ => r.skip()?,
        }
        Ok(())
    })?;
    if kind == b"metadata" {
        b.terminator();
    }
    Ok(())
}

fn read_stop_reason<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    if let Some(reason) = r.opt_string()? {
        b.finish_reason(reason);
        if reason.eq_plain("guardrail_intervened") || reason.eq_plain("content_filtered") {
            b.refusal(RefusalSignal::SafetyBlock);
        }
    }
    Ok(())
}

/// An object whose keys are Converse event names (Nova through invoke), or a whole
/// `Converse` response body.
fn read_wrapped<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    r.object(|key, r| {
        match key.0 {
            k if is_converse_event(k) => read_converse_event(k, r, b)?,
            b"output" => opt_object(r, |key, r| {
                match key.0 {
                    b"message" => opt_object(r, |key, r| {
                        match key.0 {
                            b"content" => opt_array(r, |r| read_whole_block(r, b))?,
                            _ => r.skip()?,
                        }
                        Ok(())
                    })?,
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"stopReason" => {
                read_stop_reason(r, b)?;
                b.terminator();
            }
            b"usage" => {
                let usage = read_usage(r, &usage::BEDROCK)?;
                b.usage(usage);
            }
            b"amazon-bedrock-invocationMetrics" => read_invocation_metrics(r, b)?,
            GUARDRAIL_ACTION => read_guardrail_action(r, b)?,
            _ => r.skip()?,
        }
        Ok(())
    })
}

/// A content block of a whole Converse response.
fn read_whole_block<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    r.object(|key, r| {
        match key.0 {
            b"text" => {
                if let Some(text) = r.opt_string()? {
                    b.visible(text);
                }
            }
            b"reasoningContent" => opt_object(r, |key, r| {
                match key.0 {
                    b"reasoningText" => opt_object(r, |key, r| {
                        match key.0 {
                            b"text" => {
                                if let Some(text) = r.opt_string()? {
                                    b.reasoning(text);
                                }
                            }
                            _ => r.skip()?,
                        }
                        Ok(())
                    })?,
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"toolUse" => {
                if present(r)? {
                    b.tool_call_started();
                    b.tool_call_delta();
                }
            }
            _ => r.skip()?,
        }
        Ok(())
    })
}

/// Native (non-Converse, non-Anthropic, non-OpenAI) model chunks.
fn read_native<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    let mut usage = UsageReport::default();
    r.object(|key, r| {
        match key.0 {
            b"generation" | b"outputText" | b"text" | b"completion" => {
                if let Some(text) = r.opt_string()? {
                    b.visible(text);
                }
            }
            b"outputs" | b"generations" => opt_array(r, |r| {
                r.object(|key, r| {
                    match key.0 {
                        b"text" => {
                            if let Some(text) = r.opt_string()? {
                                b.visible(text);
                            }
                        }
                        b"stop_reason" | b"finish_reason" => native_stop(r.opt_string()?, b),
                        _ => r.skip()?,
                    }
                    Ok(())
                })
            })?,
            b"stop_reason" | b"completionReason" | b"finish_reason" => {
                native_stop(r.opt_string()?, b)
            }
            b"prompt_token_count" | b"inputTextTokenCount" => usage.input = r.opt_u64()?,
            b"generation_token_count" | b"totalOutputTextTokenCount" => {
                usage.output = r.opt_u64()?;
            }
            b"amazon-bedrock-invocationMetrics" => read_invocation_metrics(r, b)?,
            GUARDRAIL_ACTION => read_guardrail_action(r, b)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    b.usage(usage);
    if !b.has_finish_reason() {
        // Llama's `generation_token_count` and Titan's `totalOutputTextTokenCount` count the
        // answer so far on every chunk before the one with the stop reason.
        b.interim_usage();
    }
    Ok(())
}

fn native_stop<'a>(reason: Option<RawStr<'a>>, b: &mut Builder<'a, '_>) {
    if let Some(reason) = reason {
        b.finish_reason(reason);
        if reason.eq_plain("CONTENT_FILTERED") {
            b.refusal(RefusalSignal::SafetyBlock);
        }
    }
}

/// Appends the base64 (RFC 4648 §4) decoding of `text` to `out` (the streaming decoder of
/// large frames, fed the whole text at once). Padding is optional; a JSON-escaped `\/` stands
/// for `/`; anything else outside the alphabet is an error.
fn decode_base64(text: &[u8], out: &mut Vec<u8>) -> Result<(), DecodeError> {
    out.reserve_exact(text.len() / 4 * 3 + 3);
    let mut stream = Base64Stream::new();
    stream.feed(text, &mut |piece| out.extend_from_slice(piece));
    if stream.is_complete() {
        Ok(())
    } else {
        Err(DecodeError::Base64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{collect_text, decoded};
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn b64(data: &[u8]) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in data.chunks(3) {
            let n = chunk.iter().fold(0u32, |acc, &c| (acc << 8) | u32::from(c))
                << (8 * (3 - chunk.len()));
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    fn converse<'a>(name: &'a str, data: &'a str) -> (EventFacts<'a>, String) {
        decoded(decode_converse, name, data)
    }

    /// A Bedrock invoke chunk wrapping `inner` (base64 `bytes`), and the scratch buffer
    /// its decoded text borrows.
    #[derive(Default)]
    struct Chunk {
        payload: Vec<u8>,
        scratch: Vec<u8>,
    }

    fn invoke<'a>(chunk: &'a mut Chunk, inner: &str) -> (EventFacts<'a>, String) {
        let Chunk { payload, scratch } = chunk;
        *payload = format!(r#"{{"bytes":"{}","p":"abc"}}"#, b64(inner.as_bytes())).into_bytes();
        collect_text(|on_text| decode_invoke(b"chunk", payload, scratch, on_text))
    }

    #[test]
    fn base64_round_trips_and_rejects_garbage() {
        for data in [&b""[..], b"a", b"ab", b"abc", b"abcd", &[0, 255, 128, 7, 9]] {
            let mut out = Vec::new();
            decode_base64(b64(data).as_bytes(), &mut out).unwrap();
            assert_eq!(out, data);
            let mut out = Vec::new();
            decode_base64(b64(data).trim_end_matches('=').as_bytes(), &mut out).unwrap();
            assert_eq!(out, data);
        }
        let mut out = Vec::new();
        decode_base64(br"YT9\/", &mut out).unwrap();
        assert_eq!(out, b"a?\x7f");
        for bad in [&b"YQ=a"[..], b"Y", b"YQ===", b"Y Q", b"YQ\\n"] {
            assert_eq!(
                decode_base64(bad, &mut Vec::new()),
                Err(DecodeError::Base64),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn converse_events() {
        let (f, text) = converse(
            "contentBlockDelta",
            r#"{"contentBlockIndex":0,"delta":{"text":"Hello"},"p":"abcdef"}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (5, "Hello"));
        let (f, _) = converse(
            "contentBlockDelta",
            r#"{"contentBlockIndex":0,"delta":{"reasoningContent":{"text":"The"}},"p":"a"}"#,
        );
        assert_eq!((f.text_chars, f.reasoning_chars), (0, 3));
        let (f, _) = converse(
            "contentBlockDelta",
            r#"{"contentBlockIndex":0,"delta":{"reasoningContent":{"signature":"Eu0"}}}"#,
        );
        assert_eq!(f, EventFacts::default());
        let (f, _) = converse(
            "contentBlockStart",
            r#"{"contentBlockIndex":0,"start":{"toolUse":{"name":"f","toolUseId":"t"}}}"#,
        );
        assert_eq!(f.tool_calls_started, 1);
        let (f, _) = converse(
            "contentBlockDelta",
            r#"{"contentBlockIndex":0,"delta":{"toolUse":{"input":"{\"a\":1}"}}}"#,
        );
        assert_eq!((f.tool_call_deltas, f.text_chars), (1, 0));
        let (f, _) = converse("messageStop", r#"{"p":"ab","stopReason":"end_turn"}"#);
        assert_eq!(f.finish_reason, Some(RawStr(b"end_turn")));
        assert!(!f.terminator);
        let (f, _) = converse("messageStop", r#"{"stopReason":"guardrail_intervened"}"#);
        assert_eq!(f.refusal, Some(RefusalSignal::SafetyBlock));
        let (f, _) = converse(
            "metadata",
            r#"{"metrics":{"latencyMs":522},"usage":{"inputTokens":13,"outputTokens":82,"cacheReadInputTokens":4,"totalTokens":95}}"#,
        );
        assert!(f.terminator);
        assert_eq!(
            f.usage,
            Some(UsageReport {
                input: Some(13),
                output: Some(82),
                cached_input: Some(4),
                reasoning: None
            })
        );
        assert!(converse("throttlingException", "not json").0.error);
    }

    #[test]
    fn a_whole_converse_body() {
        let (f, text) = converse(
            "",
            r#"{"output":{"message":{"role":"assistant","content":[{"reasoningContent":{"reasoningText":{"text":"hm","signature":"s"}}},{"text":"Hi"},{"toolUse":{"toolUseId":"t","name":"f","input":{}}}]}},"stopReason":"tool_use","usage":{"inputTokens":3,"outputTokens":4,"totalTokens":7},"metrics":{"latencyMs":1}}"#,
        );
        assert_eq!(
            (f.text_chars, text.as_str(), f.reasoning_chars),
            (2, "Hi", 2)
        );
        assert_eq!(f.tool_calls_started, 1);
        assert_eq!(f.finish_reason, Some(RawStr(b"tool_use")));
        assert!(f.terminator);
        assert_eq!(f.usage.unwrap().output, Some(4));
    }

    #[test]
    fn invoke_chunks_of_every_shape() {
        let mut buf = Chunk::default();
        let (f, text) = invoke(
            &mut buf,
            r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (2, "Hi"));
        let (f, _) = invoke(
            &mut buf,
            r#"{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":47,"outputTokenCount":12,"invocationLatency":416,"firstByteLatency":300}}"#,
        );
        assert!(f.terminator);
        assert_eq!(
            f.usage,
            Some(UsageReport {
                input: Some(47),
                output: Some(12),
                ..UsageReport::default()
            })
        );
        let (f, text) = invoke(
            &mut buf,
            r#"{"contentBlockDelta":{"delta":{"text":"Hello!"},"contentBlockIndex":0}}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (6, "Hello!"));
        let (f, _) = invoke(&mut buf, r#"{"messageStop":{"stopReason":"end_turn"}}"#);
        assert_eq!(f.finish_reason, Some(RawStr(b"end_turn")));
        let (f, _) = invoke(
            &mut buf,
            r#"{"metadata":{"usage":{"inputTokens":47,"outputTokens":12,"cacheReadInputTokenCount":0}},"amazon-bedrock-invocationMetrics":{"inputTokenCount":47,"outputTokenCount":12}}"#,
        );
        assert!(f.terminator);
        assert_eq!(f.usage.unwrap().input, Some(47));
        let (f, text) = invoke(
            &mut buf,
            r#"{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"yo","reasoning_content":"abc"},"finish_reason":null}]}"#,
        );
        assert_eq!((text.as_str(), f.reasoning_chars), ("yo", 3));
        let (f, text) = invoke(
            &mut buf,
            r#"{"generation":" Paris","prompt_token_count":10,"generation_token_count":1,"stop_reason":null}"#,
        );
        assert_eq!(text, " Paris");
        assert_eq!(f.usage.unwrap().input, Some(10));
        // Llama's `generation_token_count` counts the answer so far.
        assert!(f.usage_interim);
        let (f, text) = invoke(
            &mut buf,
            r#"{"outputText":"ok","index":0,"totalOutputTextTokenCount":2,"completionReason":"CONTENT_FILTERED","inputTextTokenCount":5}"#,
        );
        assert_eq!(text, "ok");
        assert!(!f.usage_interim);
        assert_eq!(f.refusal, Some(RefusalSignal::SafetyBlock));
        let (_, text) = invoke(
            &mut buf,
            r#"{"outputs":[{"text":"a","stop_reason":null},{"text":"b"}]}"#,
        );
        assert_eq!(text, "ab");
    }

    #[test]
    fn converse_refusal_signals() {
        for reason in ["guardrail_intervened", "content_filtered"] {
            let stop = format!(r#"{{"stopReason":"{reason}"}}"#);
            let (f, _) = converse("messageStop", &stop);
            assert_eq!(f.refusal, Some(RefusalSignal::SafetyBlock), "{reason}");
            let body = format!(
                r#"{{"output":{{"message":{{"role":"assistant","content":[{{"text":"Sorry, the model cannot answer this question."}}]}}}},"stopReason":"{reason}","usage":{{"inputTokens":3,"outputTokens":0}}}}"#
            );
            let (f, _) = converse("", &body);
            assert_eq!(
                f.refusal,
                Some(RefusalSignal::SafetyBlock),
                "whole body {reason}"
            );
        }
        for reason in ["end_turn", "max_tokens", "tool_use", "stop_sequence"] {
            let stop = format!(r#"{{"stopReason":"{reason}"}}"#);
            let (f, _) = converse("messageStop", &stop);
            assert_eq!(f.refusal, None, "{reason}");
        }
    }

    #[test]
    fn invoke_guardrail_action_in_every_shape() {
        let mut buf = Chunk::default();
        let intervened = [
            r#"{"type":"message_stop","amazon-bedrock-guardrailAction":"INTERVENED","amazon-bedrock-invocationMetrics":{"inputTokenCount":9,"outputTokenCount":0}}"#,
            r#"{"id":"msg","type":"message","role":"assistant","content":[{"type":"text","text":"Sorry, the model cannot answer this question."}],"stop_reason":"end_turn","amazon-bedrock-guardrailAction":"INTERVENED"}"#,
            r#"{"object":"chat.completion.chunk","choices":[],"amazon-bedrock-guardrailAction":"INTERVENED"}"#,
            r#"{"generation":"Sorry, the model cannot answer this question.","stop_reason":"stop","amazon-bedrock-guardrailAction":"INTERVENED"}"#,
            r#"{"amazon-bedrock-guardrailAction":"INTERVENED","outputText":"Blocked.","completionReason":"FINISH"}"#,
            r#"{"metadata":{"usage":{"inputTokens":1,"outputTokens":0}},"amazon-bedrock-guardrailAction":"INTERVENED"}"#,
        ];
        for chunk in intervened {
            assert_eq!(
                invoke(&mut buf, chunk).0.refusal,
                Some(RefusalSignal::SafetyBlock),
                "{chunk}"
            );
        }
        let not_blocked = [
            r#"{"type":"message_stop","amazon-bedrock-guardrailAction":"NONE"}"#,
            r#"{"generation":"Paris","amazon-bedrock-guardrailAction":null}"#,
            r#"{"object":"chat.completion.chunk","choices":[],"amazon-bedrock-guardrailAction":"NONE"}"#,
        ];
        for chunk in not_blocked {
            assert_eq!(invoke(&mut buf, chunk).0.refusal, None, "{chunk}");
        }
    }

    #[test]
    fn invoke_carries_the_model_formats_own_signals() {
        let mut buf = Chunk::default();
        let (f, _) = invoke(
            &mut buf,
            r#"{"type":"message_delta","delta":{"stop_reason":"refusal","stop_sequence":null},"usage":{"output_tokens":4}}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::StopReason));
        let (f, _) = invoke(
            &mut buf,
            r#"{"object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"content_filter"}]}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::ContentFilter));
        let (f, _) = invoke(
            &mut buf,
            r#"{"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"refusal":"I can't help with that."}}]}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::DeltaRefusal));
        let (f, _) = invoke(
            &mut buf,
            r#"{"messageStop":{"stopReason":"guardrail_intervened"}}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::SafetyBlock));
    }

    #[test]
    fn invoke_errors() {
        let mut scratch = Vec::new();
        assert_eq!(
            decode_invoke(b"chunk", br#"{"p":"abc"}"#, &mut scratch, &mut |_| {}),
            Err(DecodeError::MissingBytes)
        );
        let mut scratch = Vec::new();
        assert_eq!(
            decode_invoke(b"chunk", br#"{"bytes":"!!!!"}"#, &mut scratch, &mut |_| {}),
            Err(DecodeError::Base64)
        );
        let mut scratch = Vec::new();
        let payload = format!(r#"{{"bytes":"{}"}}"#, b64(b"{\"type\":"));
        assert!(matches!(
            decode_invoke(b"chunk", payload.as_bytes(), &mut scratch, &mut |_| {}),
            Err(DecodeError::Json(_))
        ));
        let mut scratch = Vec::new();
        let f = decode_invoke(
            b"modelStreamErrorException",
            b"{}",
            &mut scratch,
            &mut |_| {},
        )
        .unwrap();
        assert!(f.error);
    }

    #[test]
    fn a_whole_invoke_body_is_the_model_json_itself() {
        let mut scratch = Vec::new();
        let mut text = String::new();
        let f = decode_invoke(
            b"",
            br#"{"id":"msg","type":"message","content":[{"type":"text","text":"Hi"}],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":2}}"#,
            &mut scratch,
            &mut |t| t.decode_into(&mut text),
        )
        .unwrap();
        assert_eq!(text, "Hi");
        assert!(f.terminator);
        assert!(scratch.is_empty());
    }

    #[test]
    fn native_running_counts_are_interim_until_the_stop_reason_or_the_metrics() {
        let mut buf = Chunk::default();
        let (f, _) = invoke(
            &mut buf,
            r#"{"generation":"!","prompt_token_count":null,"generation_token_count":7,"stop_reason":"stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":10,"outputTokenCount":7}}"#,
        );
        assert_eq!(f.usage.and_then(|u| u.output), Some(7));
        assert!(!f.usage_interim);
        // The last chunk's metrics are final even without a stop reason.
        let (f, _) = invoke(
            &mut buf,
            r#"{"generation":"","generation_token_count":7,"amazon-bedrock-invocationMetrics":{"inputTokenCount":10,"outputTokenCount":7}}"#,
        );
        assert!(f.terminator);
        assert!(!f.usage_interim);
    }
}
