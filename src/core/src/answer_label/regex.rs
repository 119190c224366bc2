//! The `regex` extractor's engine: `regex-lite`, chosen for the default filter module's
//! size (`regex-automata` is linked only with the tokenizer features). The engine runs once
//! per answer over at most [`super::PREFIX_WINDOW_BYTES`] bytes, so an engine without
//! literal optimisations or Unicode tables costs nothing that matters. When the engine was
//! chosen, two builds of `make wasm` compared +65 295 bytes (`regex-lite`) with +256 547
//! (`regex-automata`, `syntax` + `nfa-pikevm` only); a one-off comparison, not a bench.

pub use regex_lite::Regex;

/// Compiled size cap of one `regex`, in bytes of the regex engine's program.
pub const MAX_REGEX_PROGRAM_BYTES: usize = 256 * 1024;

/// Deepest nesting accepted in a pattern.
const NEST_LIMIT: u32 = 64;

/// Compiles a configured pattern; it must have at least one capture group (the value).
pub fn compile(pattern: &str) -> Result<Regex, String> {
    let regex = regex_lite::RegexBuilder::new(pattern)
        .size_limit(MAX_REGEX_PROGRAM_BYTES)
        .nest_limit(NEST_LIMIT)
        .build()
        .map_err(|e| e.to_string())?;
    if regex.captures_len() < 2 {
        return Err("needs a capture group: its first group is the value".to_owned());
    }
    Ok(regex)
}

/// The first capture group of the first match in `text`, if it took part in the match.
pub fn first_group<'t>(regex: &Regex, text: &'t str) -> Option<&'t str> {
    regex.captures(text)?.get(1).map(|m| m.as_str())
}
