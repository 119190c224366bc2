//! The prompt-samples wire format (docs/aggregator.md, "Prompt samples"): NDJSON, one JSON
//! object per line with a string `prompt` and optionally `gen_ai_request_model`,
//! `gen_ai_provider_name`, `time_unix_ms`, `truncated`. The same lines are what
//! `llmtap drift --once --reference-samples/--current-samples` read offline.

/// One sampled prompt.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct PromptSample {
    pub prompt: String,
    #[serde(default)]
    pub gen_ai_request_model: Option<String>,
}

/// Why a body was refused (nothing from it is kept).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    #[error("line {line}: {reason}")]
    Line { line: usize, reason: String },
    #[error("the body is not UTF-8 (at byte {0})")]
    NotUtf8(usize),
}

/// The model label of a sample: its `gen_ai_request_model`, `unknown` when absent or empty.
pub fn model_of(sample: &PromptSample) -> &str {
    match sample.gen_ai_request_model.as_deref() {
        Some(m) if !m.is_empty() => m,
        _ => "unknown",
    }
}

/// Parses a whole body; blank lines (and a trailing newline) are skipped.
pub fn parse(body: &[u8]) -> Result<Vec<PromptSample>, WireError> {
    let text = std::str::from_utf8(body).map_err(|e| WireError::NotUtf8(e.valid_up_to()))?;
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| WireError::Line {
            line: i + 1,
            reason: format!("not JSON ({e})"),
        })?;
        let fail = |reason: &str| WireError::Line {
            line: i + 1,
            reason: reason.to_owned(),
        };
        let Some(object) = value.as_object() else {
            return Err(fail("not a JSON object"));
        };
        match object.get("prompt") {
            Some(serde_json::Value::String(_)) => {}
            Some(_) => return Err(fail("\"prompt\" is not a string")),
            None => return Err(fail("no \"prompt\"")),
        }
        match object.get("gen_ai_request_model") {
            None | Some(serde_json::Value::String(_) | serde_json::Value::Null) => {}
            Some(_) => return Err(fail("\"gen_ai_request_model\" is not a string")),
        }
        let sample: PromptSample = serde_json::from_value(value).map_err(|e| WireError::Line {
            line: i + 1,
            reason: e.to_string(),
        })?;
        out.push(sample);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_errors() {
        let body = b"{\"prompt\":\"a\",\"gen_ai_request_model\":\"m\",\"time_unix_ms\":1,\"truncated\":false}\n\n{\"prompt\":\"b\"}\n";
        let got = parse(body).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(model_of(&got[0]), "m");
        assert_eq!(model_of(&got[1]), "unknown");
        let err = parse(b"{\"prompt\":\"a\"}\n{\"prompt\":3}\n").unwrap_err();
        assert_eq!(err.to_string(), "line 2: \"prompt\" is not a string");
        let err = parse(b"{\"prompt\":\"a\"}\n[1]").unwrap_err();
        assert_eq!(err.to_string(), "line 2: not a JSON object");
        assert!(parse(b"{\"x\":1}")
            .unwrap_err()
            .to_string()
            .contains("no \"prompt\""));
        assert!(parse(b"nope")
            .unwrap_err()
            .to_string()
            .starts_with("line 1: not JSON"));
        assert!(matches!(parse(b"\xff"), Err(WireError::NotUtf8(0))));
        assert!(parse(b"").unwrap().is_empty());
    }
}
