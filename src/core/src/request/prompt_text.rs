//! The visible text of a prompt, read from the request body for prompt sampling.
//!
//! One walker serves every API: the strings under the top-level fields that carry the
//! prompt — `messages` (OpenAI chat, Anthropic, Ollama chat, Bedrock Converse), `system`
//! and `instructions`, `input` (OpenAI Responses), `prompt` (completions, Ollama generate),
//! `contents` and `systemInstruction` (Gemini), `inputs` (TGI) and `inputText` (Bedrock
//! Titan). Inside them, strings are taken directly or from `content`, `text` and `parts`
//! members, so roles, types, image URLs, tool definitions and other metadata are left out.
//! Texts are joined with `\n`, in body order.

use crate::decode::json::{JsonError, Reader};

/// Top-level fields whose strings are the prompt.
const PROMPT_FIELDS: &[&[u8]] = &[
    b"system",
    b"instructions",
    b"systemInstruction",
    b"messages",
    b"input",
    b"prompt",
    b"contents",
    b"inputs",
    b"inputText",
];

/// Members of nested objects whose strings are visible text.
const TEXT_MEMBERS: &[&[u8]] = &[b"content", b"text", b"parts"];

/// The prompt text of `body`, at most `limit` bytes (cut at a character boundary; the flag
/// says the text was cut or the body ended early, e.g. at the capture cap).
pub fn prompt_text(body: &[u8], limit: usize) -> (String, bool) {
    let mut text = PromptText {
        out: String::new(),
        limit,
        cut: false,
        piece: String::new(),
    };
    let walked = Reader::new(body).object(|key, r| {
        if PROMPT_FIELDS.contains(&key.0) {
            text.value(r)
        } else {
            r.skip()
        }
    });
    let cut = text.cut || walked.is_err();
    (text.out, cut)
}

struct PromptText {
    out: String,
    limit: usize,
    cut: bool,
    /// Reused decode buffer for one string.
    piece: String,
}

impl PromptText {
    /// A value inside a prompt field: a string, an array, or an object's text members.
    fn value(&mut self, r: &mut Reader<'_>) -> Result<(), JsonError> {
        match r.peek_byte()? {
            b'"' => {
                let raw = r.string()?;
                self.piece.clear();
                raw.decode_into(&mut self.piece);
                self.push();
                Ok(())
            }
            b'[' => r.array(|r| self.value(r)),
            b'{' => r.object(|key, r| {
                if TEXT_MEMBERS.contains(&key.0) {
                    self.value(r)
                } else {
                    r.skip()
                }
            }),
            _ => r.skip(),
        }
    }

    /// Appends the decoded piece (with a `\n` separator) up to the limit.
    fn push(&mut self) {
        if self.piece.is_empty() || self.cut {
            return;
        }
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        let room = self.limit.saturating_sub(self.out.len());
        let piece = truncate_utf8(&self.piece, room);
        if piece.len() < self.piece.len() {
            self.cut = true;
        }
        self.out.push_str(piece);
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends at a character boundary.
pub fn truncate_utf8(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn text(body: &str) -> String {
        prompt_text(body.as_bytes(), 4096).0
    }

    #[test]
    fn every_api_shape() {
        let cases = [
            // OpenAI chat, with content parts and an image.
            (
                r#"{"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},{"role":"user","name":"bob","content":[{"type":"text","text":"What is Rust?"},{"type":"image_url","image_url":{"url":"http://x/y.png"}}]}],"stream":true}"#,
                "Be brief.\nWhat is Rust?",
            ),
            // OpenAI completions: a string or a list of strings.
            (r#"{"model":"m","prompt":["one","two"]}"#, "one\ntwo"),
            // OpenAI Responses: instructions and input items.
            (
                r#"{"model":"m","instructions":"Answer in French.","input":[{"role":"user","content":[{"type":"input_text","text":"Hello"}]}]}"#,
                "Answer in French.\nHello",
            ),
            (r#"{"model":"m","input":"plain input"}"#, "plain input"),
            // Anthropic: system blocks and messages.
            (
                r#"{"model":"claude","system":[{"type":"text","text":"You help."}],"messages":[{"role":"user","content":"Hi \"there\"\n"}],"max_tokens":5}"#,
                "You help.\nHi \"there\"\n",
            ),
            // Gemini.
            (
                r#"{"systemInstruction":{"parts":[{"text":"Sys"}]},"contents":[{"role":"user","parts":[{"text":"Why?"},{"inlineData":{"data":"AAAA"}}]}]}"#,
                "Sys\nWhy?",
            ),
            // TGI and Bedrock Titan.
            (
                r#"{"inputs":"tgi prompt","parameters":{"max_new_tokens":5}}"#,
                "tgi prompt",
            ),
            (r#"{"inputText":"titan prompt"}"#, "titan prompt"),
            // Bedrock Converse.
            (
                r#"{"messages":[{"role":"user","content":[{"text":"converse"}]}],"system":[{"text":"sys"}]}"#,
                "converse\nsys",
            ),
            // Tools and metadata are not prompt text.
            (
                r#"{"tools":[{"type":"function","function":{"name":"f","description":"desc"}}],"metadata":{"prompt":"no"},"messages":[{"role":"user","content":"yes"}]}"#,
                "yes",
            ),
        ];
        for (body, want) in cases {
            assert_eq!(text(body), want, "{body}");
        }
    }

    #[test]
    fn the_limit_cuts_at_a_character_boundary() {
        let body = r#"{"messages":[{"role":"user","content":"héhéhé"}]}"#;
        let (out, cut) = prompt_text(body.as_bytes(), 4);
        assert_eq!(out, "héh");
        assert!(cut);
        let (out, cut) = prompt_text(body.as_bytes(), 2);
        assert_eq!(out, "h");
        assert!(cut);
        let (out, cut) = prompt_text(body.as_bytes(), 9);
        assert_eq!(out, "héhéhé");
        assert!(!cut);
        assert_eq!(truncate_utf8("日本", 5), "日");
        assert_eq!(truncate_utf8("日本", 2), "");
    }

    #[test]
    fn a_body_cut_short_keeps_the_text_before_the_cut() {
        let (out, cut) = prompt_text(
            br#"{"messages":[{"role":"user","content":"first"},{"role":"user","content":"sec"#,
            100,
        );
        assert_eq!(out, "first");
        assert!(cut);
        assert_eq!(prompt_text(b"not json", 100), (String::new(), true));
        assert_eq!(prompt_text(b"{}", 100), (String::new(), false));
    }
}
