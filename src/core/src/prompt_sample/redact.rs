//! Redaction of prompt text before it leaves the proxy: e-mail addresses, API-key-like
//! tokens, card numbers, phone numbers and long digit runs become placeholders.
//!
//! One `regex-lite` pattern (the engine the module already links for answer labels, so only
//! the pattern is added) finds candidates leftmost-first; each candidate is then classified
//! in code, because the rules that decide (a Luhn check, digits and letters both present)
//! are not regular-expression friendly. The rules err on the side of redacting:
//!
//! | candidate | becomes |
//! |---|---|
//! | `local@domain.tld` | `<email>` |
//! | a known key prefix (`sk-`, `sk_live_`, `AKIA`, `ghp_`, `xoxb-`, `AIza`, `glpat-`, `eyJ…` JWT) with a digit, or a run of ≥ 24 base64/hex characters (`/`, `+`, `_`, `-` included, so long paths with a digit count) with at least one digit and one letter | `<secret>` |
//! | 13–19 digits (spaces or dashes between) passing the Luhn check (ISO/IEC 7812-1 Annex B) | `<card>` |
//! | 9–15 digits written with spaces, dashes, a leading `+` or parentheses; or `+` and ≥ 7 digits | `<phone>` |
//! | any other number with a run of ≥ 6 digits, or ≥ 9 digits in all | `<number>` |
//!
//! Dates (`2024-01-31`), versions (`3.10.12`), IPv4 addresses and short numbers are kept.

use regex_lite::Regex;

/// What a redacted span was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Redacted {
    Email,
    Secret,
    Card,
    Phone,
    Number,
}

impl Redacted {
    /// The placeholder that replaces the span.
    pub fn placeholder(self) -> &'static str {
        match self {
            Redacted::Email => "<email>",
            Redacted::Secret => "<secret>",
            Redacted::Card => "<card>",
            Redacted::Phone => "<phone>",
            Redacted::Number => "<number>",
        }
    }
}

/// Every placeholder, for callers that must not cut one in half.
pub const PLACEHOLDERS: [&str; 5] = ["<email>", "<secret>", "<card>", "<phone>", "<number>"];

/// The candidates, leftmost-first: e-mail, prefixed keys, long token-like runs, numbers.
const PATTERN: &str = concat!(
    r"(?P<email>[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})",
    r"|(?P<key>\b(?:sk-|sk_|pk_|rk_|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|xox[abprs]-|AKIA|ASIA|AIza|glpat-)[A-Za-z0-9_\-]{12,}",
    r"|\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,})",
    r"|(?P<token>[A-Za-z0-9+/_\-]{24,}={0,2})",
    r"|(?P<digits>\+?\(?\d(?:[\d \-.()]*\d)?)",
);

/// The compiled redactor (one per VM, built when the configuration is applied).
#[derive(Debug, Clone)]
pub struct Redactor {
    regex: Regex,
}

impl Redactor {
    /// Compiles the pattern. It is a constant, tested below: an error here is a bug, reported
    /// as a configuration error rather than a trap.
    pub fn new() -> Result<Redactor, String> {
        Regex::new(PATTERN)
            .map(|regex| Redactor { regex })
            .map_err(|e| e.to_string())
    }

    /// Appends `text` to `out` with every sensitive span replaced by its placeholder.
    ///
    /// The regex engine (an NFA simulation, ~0.5 µs per byte) only runs over runs of
    /// *candidate words*: whitespace-separated words holding a digit or `@`, or made only of
    /// `+-.()` (which may join the digit groups of a phone number). Every match the pattern
    /// redacts contains a digit or `@` (keys and tokens without a digit are kept), and only
    /// a number can span words, through spaces and those characters, so the result equals
    /// running the pattern over the whole text (`windows_equal_the_whole_text` checks it).
    pub fn redact_into(&self, text: &str, out: &mut String) {
        let bytes = text.as_bytes();
        let mut copied = 0;
        let mut span: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < bytes.len() {
            if bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
                continue;
            }
            let start = i;
            while bytes.get(i).is_some_and(|b| !b.is_ascii_whitespace()) {
                i += 1;
            }
            let word = bytes.get(start..i).unwrap_or_default();
            if is_candidate(word) {
                span = Some((span.map_or(start, |(s, _)| s), i));
            } else if let Some((s, e)) = span.take() {
                out.push_str(text.get(copied..s).unwrap_or_default());
                self.redact_whole(text.get(s..e).unwrap_or_default(), out);
                copied = e;
            }
        }
        if let Some((s, e)) = span {
            out.push_str(text.get(copied..s).unwrap_or_default());
            self.redact_whole(text.get(s..e).unwrap_or_default(), out);
            copied = e;
        }
        out.push_str(text.get(copied..).unwrap_or_default());
    }

    /// [`Redactor::redact_into`] by running the pattern over all of `text`.
    fn redact_whole(&self, text: &str, out: &mut String) {
        let mut kept_until = 0;
        for caps in self.regex.captures_iter(text) {
            let (Some(whole), kind) = (caps.get(0), kind_of(&caps)) else {
                continue;
            };
            let Some(redacted) = kind else { continue };
            out.push_str(text.get(kept_until..whole.start()).unwrap_or_default());
            out.push_str(redacted.placeholder());
            kept_until = whole.end();
        }
        out.push_str(text.get(kept_until..).unwrap_or_default());
    }

    /// `text` redacted, as a new string.
    pub fn redact(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.redact_into(text, &mut out);
        out
    }
}

/// Whether a whitespace-separated word can be (part of) a redacted match.
fn is_candidate(word: &[u8]) -> bool {
    word.iter().any(|&b| b.is_ascii_digit() || b == b'@')
        || word.iter().all(|b| b"+-.()".contains(b))
}

/// The classification of one match (`None`: kept as written).
fn kind_of(caps: &regex_lite::Captures<'_>) -> Option<Redacted> {
    if caps.name("email").is_some() {
        return Some(Redacted::Email);
    }
    if let Some(key) = caps.name("key") {
        // Real keys carry digits; `sk-learn-…` does not.
        return key
            .as_str()
            .bytes()
            .any(|b| b.is_ascii_digit())
            .then_some(Redacted::Secret);
    }
    if let Some(token) = caps.name("token") {
        return classify_token(token.as_str());
    }
    caps.name("digits")
        .and_then(|d| classify_number(d.as_str()))
}

/// A long base64/hex-like run: a secret when it mixes digits and letters; digits only are
/// judged as a number; letters only (a long word, a path) are kept.
fn classify_token(run: &str) -> Option<Redacted> {
    let has_digit = run.bytes().any(|b| b.is_ascii_digit());
    let has_letter = run.bytes().any(|b| b.is_ascii_alphabetic());
    match (has_digit, has_letter) {
        (true, true) => Some(Redacted::Secret),
        (true, false) => classify_number(run).or(Some(Redacted::Number)),
        (false, _) => None,
    }
}

/// A number as written (digits with optional spaces, dashes, dots, parentheses, `+`).
fn classify_number(text: &str) -> Option<Redacted> {
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    let longest_run = text
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    let card_separators = text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b' ' || b == b'-');
    if (13..=19).contains(&digits) && card_separators && luhn_valid(text) {
        return Some(Redacted::Card);
    }
    let plus = text.starts_with('+');
    // Dots are left out: `192.168.1.10` is an address, not a phone (it is a <number>).
    let written_like_a_phone = plus || text.contains(['(', ' ', '-']);
    if ((9..=15).contains(&digits) && written_like_a_phone) || (plus && digits >= 7) {
        return Some(Redacted::Phone);
    }
    if longest_run >= 6 || digits >= 9 {
        return Some(Redacted::Number);
    }
    None
}

/// The Luhn check over the digits of `text` (ISO/IEC 7812-1, Annex B): doubling every second
/// digit from the right, the sum is a multiple of 10.
pub fn luhn_valid(text: &str) -> bool {
    let mut sum = 0u32;
    for (i, d) in text
        .bytes()
        .rev()
        .filter(u8::is_ascii_digit)
        .map(|b| u32::from(b - b'0'))
        .enumerate()
    {
        sum += if i % 2 == 1 {
            let doubled = d * 2;
            if doubled > 9 {
                doubled - 9
            } else {
                doubled
            }
        } else {
            d
        };
    }
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn redact(text: &str) -> String {
        Redactor::new().unwrap().redact(text)
    }

    #[test]
    fn e_mail_addresses() {
        assert_eq!(
            redact("write to jane.doe+llm@mail.example.co.uk today"),
            "write to <email> today"
        );
        assert_eq!(redact("a@b.io,c_d@e-f.org"), "<email>,<email>");
        assert_eq!(
            redact("@handle and foo@bar (no tld)"),
            "@handle and foo@bar (no tld)"
        );
    }

    #[test]
    fn api_keys_and_secrets() {
        for secret in [
            "sk-proj-Abc123def456GHI789jkl012",
            "sk-ant-api03-abcdefGHIJ1234567890",
            "sk_live_51HxYzAbCdEf0123456789",
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
            "xoxb-123456789012-abcdefABCDEF",
            "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "d41d8cd98f00b204e9800998ecf8427e",
            "dGhpcyBpcyBhIHNlY3JldCB2YWx1ZSAxMjM0NTY3OA==",
        ] {
            let got = redact(&format!("key: {secret} end"));
            assert_eq!(got, "key: <secret> end", "{secret}");
        }
        // Long words, paths and identifiers without digits stay.
        for kept in [
            "internationalization_and_localization",
            "sk-learn-preprocessing-module",
            "/usr/share/doc/changelog/index-html-files",
        ] {
            assert_eq!(redact(kept), kept);
        }
    }

    #[test]
    fn card_numbers_pass_the_luhn_check() {
        for card in [
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "5500005555555559",
            "378282246310005",
        ] {
            assert_eq!(redact(&format!("card {card}.")), "card <card>.", "{card}");
        }
        assert!(luhn_valid("79927398713"));
        assert!(!luhn_valid("79927398710"));
        // 16 digits failing Luhn: still a long number.
        assert_eq!(redact("ref 4111111111111112"), "ref <number>");
    }

    #[test]
    fn phone_numbers() {
        for phone in [
            "+1 (415) 555-2671",
            "+44 20 7946 0958",
            "415-555-2671",
            "(415) 555 2671",
            "+33612345678",
        ] {
            assert_eq!(
                redact(&format!("call {phone} now")),
                "call <phone> now",
                "{phone}"
            );
        }
    }

    #[test]
    fn long_digit_runs_and_what_is_kept() {
        assert_eq!(redact("order 123456 shipped"), "order <number> shipped");
        assert_eq!(
            redact("account 00012345678901234567890"),
            "account <number>"
        );
        assert_eq!(redact("pi is 3.14159265"), "pi is <number>");
        // Dotted numbers of 9+ digits (a dotted phone, an IPv4 address) are numbers.
        assert_eq!(
            redact("415.555.2671 / 192.168.100.10"),
            "<number> / <number>"
        );
        for kept in [
            "in 2024 we had 35 cases",
            "on 2024-01-31 at 10:30",
            "python 3.10.12 on 10.0.0.1",
            "1 2 3 4 5",
            "12345",
        ] {
            assert_eq!(redact(kept), kept);
        }
    }

    #[test]
    fn text_around_matches_is_kept_byte_for_byte() {
        let text = "Héllo «ünïcode» ✓ mail bob@example.com, card 4111 1111 1111 1111; 日本語";
        assert_eq!(
            redact(text),
            "Héllo «ünïcode» ✓ mail <email>, card <card>; 日本語"
        );
        assert_eq!(redact(""), "");
    }

    #[test]
    fn windows_equal_the_whole_text() {
        let r = Redactor::new().unwrap();
        let pieces = [
            "call",
            "+1",
            "(415)",
            "555-2671",
            "-",
            "555",
            ".",
            "2671",
            "now,",
            "mail",
            "bob@example.com",
            "x@y",
            "sk-abcdefghijklmnop1234",
            "sk-learn-preprocessing",
            "4111",
            "1111",
            "1111",
            "1111;",
            "0123456789abcdef0123456789abcdef",
            "3.14159265",
            "2024-01-31",
            "version",
            "3.10.12",
            "(",
            ")",
            "+",
            "日本語",
            "é",
            "tab\t",
            "line\n",
            "internationalization_and_localization_x",
            "a1b2c3d4e5f6g7h8i9j0k1l2m3",
            "078051120",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 12) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
                text.push_str([" ", "  ", "\n", " ", "\t"][(state >> 8) as usize % 5]);
            }
            let mut whole = String::new();
            r.redact_whole(&text, &mut whole);
            assert_eq!(r.redact(&text), whole, "{text:?}");
        }
    }

    #[test]
    fn a_prompt_full_of_sensitive_data_keeps_none_of_it() {
        let text = "Contact alice@corp.example or +1 415 555 2671. Card 5500 0055 5555 5559, \
                    key sk-abcdefghijklmnop1234567890, ssn 078051120, token \
                    0123456789abcdef0123456789abcdef.";
        let out = redact(text);
        for leaked in [
            "alice",
            "415",
            "5559",
            "abcdefghij",
            "078051120",
            "0123456789abcdef",
        ] {
            assert!(!out.contains(leaked), "{leaked} in {out}");
        }
    }
}
