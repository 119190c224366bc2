//! The model a request path names, for APIs whose body has no `model`:
//!
//! | API | path | model |
//! |---|---|---|
//! | Gemini, Vertex AI | `…/models/{model}:{method}` (`:streamGenerateContent`, `:generateContent`, Vertex `:streamRawPredict`…), also `…/tunedModels/{model}:{method}` | `{model}` |
//! | Bedrock | `…/model/{modelId}/{operation}` (`converse-stream`, `converse`, `invoke-with-response-stream`, `invoke`) | `{modelId}` |
//!
//! The query string and a trailing `/` are ignored (as in [`super::route::detect`]). The name
//! is percent-decoded (`anthropic.claude-3-5-sonnet-20240620-v1%3A0` →
//! `…-v1:0`, an encoded ARN → the ARN); an escape that is not `%` and two hex digits is kept
//! as it is. The result is cut to [`MAX_PATH_MODEL_BYTES`]; label sanitising and the
//! per-VM label cap apply to it later, as to a body's `model`.

use percent_encoding::percent_decode;

/// Longest model name kept from a path, in bytes after percent-decoding (labels keep 64).
pub const MAX_PATH_MODEL_BYTES: usize = 256;

/// The Bedrock runtime operations that follow `/model/{modelId}`.
const BEDROCK_OPERATIONS: [&str; 4] = [
    "converse-stream",
    "converse",
    "invoke-with-response-stream",
    "invoke",
];

/// The model named in `path`, percent-decoded and cut to [`MAX_PATH_MODEL_BYTES`]; `None`
/// when the path has no model segment or it is empty. Allocates only the result.
pub fn model_in_path(path: &str) -> Option<Vec<u8>> {
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let path = path.strip_suffix('/').unwrap_or(path);
    let raw = bedrock_model(path).or_else(|| gemini_model(path))?;
    let model: Vec<u8> = percent_decode(raw.as_bytes())
        .take(MAX_PATH_MODEL_BYTES)
        .collect();
    (!model.is_empty()).then_some(model)
}

/// `…/model/{modelId}/{operation}`: everything between the first `/model/` and the
/// operation (a model id sent unencoded may itself hold `/`, as ARNs do).
fn bedrock_model(path: &str) -> Option<&str> {
    let rest = BEDROCK_OPERATIONS.iter().find_map(|op| {
        path.strip_suffix(op)
            .and_then(|rest| rest.strip_suffix('/'))
    })?;
    let (_, model) = rest.split_once("/model/")?;
    Some(model)
}

/// `…/models/{model}:{method}` (or `…/tunedModels/…`): the last segment up to its last `:`.
fn gemini_model(path: &str) -> Option<&str> {
    let (parent, last) = path.rsplit_once('/')?;
    let (model, method) = last.rsplit_once(':')?;
    let collection = parent.rsplit('/').next()?;
    (!method.is_empty() && matches!(collection, "models" | "tunedModels")).then_some(model)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn model(path: &str) -> Option<String> {
        model_in_path(path).map(|m| String::from_utf8(m).unwrap())
    }

    #[test]
    fn gemini_and_vertex_paths_name_their_model() {
        let cases = [
            ("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse", "gemini-2.0-flash"),
            ("/v1beta/models/gemini-2.0-flash:generateContent", "gemini-2.0-flash"),
            ("/v1beta/models/gemini-2.0-flash:generateContent/", "gemini-2.0-flash"),
            (
                "/v1/projects/P/locations/L/publishers/google/models/gemini-1.5-pro:streamGenerateContent",
                "gemini-1.5-pro",
            ),
            (
                "/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-3-5-sonnet@20240620:streamRawPredict",
                "claude-3-5-sonnet@20240620",
            ),
            ("/v1beta/tunedModels/my-tuned-1:generateContent", "my-tuned-1"),
            ("/v1beta/models/gemini%202:generateContent", "gemini 2"),
        ];
        for (path, want) in cases {
            assert_eq!(model(path).as_deref(), Some(want), "{path}");
        }
    }

    #[test]
    fn bedrock_paths_name_their_model_id_decoded() {
        let cases = [
            ("/model/amazon.nova-lite-v1:0/converse-stream", "amazon.nova-lite-v1:0"),
            (
                "/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse",
                "anthropic.claude-3-5-sonnet-20240620-v1:0",
            ),
            (
                "/model/anthropic.claude-v2/invoke-with-response-stream",
                "anthropic.claude-v2",
            ),
            ("/model/meta.llama3-8b-instruct-v1%3A0/invoke", "meta.llama3-8b-instruct-v1:0"),
            (
                "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream",
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0",
            ),
            // Sent unencoded, an ARN's `/` stays part of the id.
            (
                "/model/arn:aws:bedrock:us-east-1:1:inference-profile/us.meta.llama3/invoke",
                "arn:aws:bedrock:us-east-1:1:inference-profile/us.meta.llama3",
            ),
            // Behind a proxy prefix, with a query string and a trailing slash.
            ("/bedrock/model/cohere.command-r-v1%3A0/converse/?x=1", "cohere.command-r-v1:0"),
        ];
        for (path, want) in cases {
            assert_eq!(model(path).as_deref(), Some(want), "{path}");
        }
    }

    #[test]
    fn malformed_escapes_are_kept_as_they_are() {
        assert_eq!(model("/model/a%zz%4/invoke").as_deref(), Some("a%zz%4"));
        assert_eq!(model("/model/a%/converse").as_deref(), Some("a%"));
        assert_eq!(
            model("/v1beta/models/g%G1:generateContent").as_deref(),
            Some("g%G1")
        );
        // Decoded bytes that are not UTF-8 are kept as bytes (the label sanitiser replaces them).
        assert_eq!(
            model_in_path("/model/%FF%FE/invoke"),
            Some(vec![0xFF, 0xFE])
        );
    }

    #[test]
    fn overlong_names_are_cut_after_decoding() {
        let long = "%41".repeat(1000);
        let got = model_in_path(&format!("/model/{long}/invoke")).unwrap();
        assert_eq!(got, vec![b'A'; MAX_PATH_MODEL_BYTES]);
        let long = "g".repeat(5000);
        let got = model_in_path(&format!("/v1beta/models/{long}:generateContent")).unwrap();
        assert_eq!(got.len(), MAX_PATH_MODEL_BYTES);
    }

    #[test]
    fn paths_without_a_model_segment_name_none() {
        for path in [
            "/v1/chat/completions",
            "/v1/messages",
            "/api/generate",
            "/generate_stream",
            "/model//invoke",
            "/model/invoke",
            "/converse",
            "/v1beta/models/:generateContent",
            "/v1beta/models/gemini-2.0-flash:",
            "/v1beta/models/gemini-2.0-flash",
            "/v1beta/files/abc:generateContent",
            "/model/x/invoke-something",
            "",
            "/",
            "?model=x",
        ] {
            assert_eq!(model(path), None, "{path}");
        }
    }
}
