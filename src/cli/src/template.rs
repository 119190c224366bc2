//! A minimal `{{name}}` template renderer for the Envoy bootstrap.
//!
//! Rules:
//! - `{{name}}` inside a line is replaced by the value verbatim (values are YAML scalars the
//!   caller has already quoted, see [`yaml_string`]).
//! - A placeholder standing alone on its line (only spaces before it, nothing after) is a
//!   *block*: every line of the value is indented to the placeholder's column, and an empty
//!   value removes the line.
//! - An unknown placeholder, an unclosed `{{`, or a value the template never uses is an
//!   error, so the template and the code cannot drift apart silently.

use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Why a template could not be rendered (a bug in the template or in its caller).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("bootstrap template line {line}: placeholder {{{{{name}}}}} has no value")]
    Unknown { line: usize, name: String },
    #[error("bootstrap template line {line}: `{{{{` is not closed by `}}}}`")]
    Unclosed { line: usize },
    #[error("bootstrap template never uses the value {{{{{name}}}}}")]
    Unused { name: String },
}

/// Renders `template` with `values` (name, value) following the module's rules.
pub fn render(template: &str, values: &[(&str, String)]) -> Result<String, TemplateError> {
    let mut used = BTreeSet::new();
    let mut out = String::with_capacity(template.len() * 2);
    for (index, line) in template.split_inclusive('\n').enumerate() {
        let line_no = index + 1;
        let body = line.trim_end_matches('\n');
        let trimmed = body.trim_start_matches(' ');
        if let Some(name) = block_placeholder(trimmed) {
            let value = lookup(values, name, line_no)?;
            used.insert(name);
            let indent = &body[..body.len() - trimmed.len()];
            for value_line in value.lines() {
                if value_line.is_empty() {
                    out.push('\n');
                } else {
                    let _ = writeln!(out, "{indent}{value_line}");
                }
            }
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let end = after
                .find("}}")
                .ok_or(TemplateError::Unclosed { line: line_no })?;
            let name = after[..end].trim();
            out.push_str(lookup(values, name, line_no)?);
            used.insert(name);
            rest = &after[end + 2..];
        }
        out.push_str(rest);
    }
    if let Some((name, _)) = values.iter().find(|(name, _)| !used.contains(name)) {
        return Err(TemplateError::Unused {
            name: (*name).to_owned(),
        });
    }
    Ok(out)
}

/// `{{name}}` filling the whole (left-trimmed) line.
fn block_placeholder(trimmed: &str) -> Option<&str> {
    let inner = trimmed.strip_prefix("{{")?.strip_suffix("}}")?;
    (!inner.contains("{{") && !inner.contains("}}")).then(|| inner.trim())
}

fn lookup<'a>(
    values: &'a [(&str, String)],
    name: &str,
    line: usize,
) -> Result<&'a str, TemplateError> {
    values
        .iter()
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.as_str())
        .ok_or_else(|| TemplateError::Unknown {
            line,
            name: name.to_owned(),
        })
}

/// Quotes `s` as a YAML double-quoted scalar that no input can break out of: `"` and `\`
/// escaped, every control and non-ASCII character written as `\uXXXX` / `\UXXXXXXXX`.
/// For ASCII input the result is also a valid JSON string.
pub fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            ' '..='~' => out.push(c),
            c if (c as u32) <= 0xFFFF => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect()
    }

    #[test]
    fn inline_and_block_placeholders() {
        let t = "a: {{x}}\nlist:\n  {{block}}\nb: {{ y }}-{{x}}\n";
        let out = render(
            t,
            &v(&[("x", "1"), ("y", "\"two\""), ("block", "- k: 1\n  j: 2\n")]),
        )
        .unwrap();
        assert_eq!(out, "a: 1\nlist:\n  - k: 1\n    j: 2\nb: \"two\"-1\n");
    }

    #[test]
    fn empty_block_removes_its_line() {
        let out = render("a: 1\n    {{extra}}\nb: 2\n", &v(&[("extra", "")])).unwrap();
        assert_eq!(out, "a: 1\nb: 2\n");
    }

    #[test]
    fn errors_name_the_problem() {
        assert_eq!(
            render("a\nb: {{nope}}\n", &[]),
            Err(TemplateError::Unknown {
                line: 2,
                name: "nope".into()
            })
        );
        assert_eq!(
            render("b: {{x\n", &v(&[("x", "1")])),
            Err(TemplateError::Unclosed { line: 1 })
        );
        assert_eq!(
            render("b: 1\n", &v(&[("x", "1")])),
            Err(TemplateError::Unused { name: "x".into() })
        );
        assert!(TemplateError::Unknown {
            line: 3,
            name: "n".into()
        }
        .to_string()
        .contains("{{n}}"));
    }

    #[test]
    fn yaml_strings_cannot_escape_their_quotes() {
        assert_eq!(yaml_string("plain"), "\"plain\"");
        assert_eq!(
            yaml_string("a\"b\\c\nd: e\t#"),
            "\"a\\\"b\\\\c\\nd: e\\t#\""
        );
        assert_eq!(
            yaml_string("é\u{2028}😀\u{7f}"),
            "\"\\u00E9\\u2028\\U0001F600\\u007F\""
        );
        // ASCII/BMP output is a JSON string with the same content.
        let tricky = "{\"k\": \"v\\n\"}\u{0}\u{1b}é";
        let quoted = yaml_string(tricky);
        assert!(quoted.is_ascii());
        assert_eq!(serde_json::from_str::<String>(&quoted).unwrap(), tricky);
    }
}
