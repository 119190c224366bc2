//! The pre-tokenizer's fast path for ASCII text: the same pieces as the regular expressions
//! of [`super::pretokenize`], decided with byte tests instead of a regex search per piece
//! (the search is the larger part of counting time, `bench/tokenizer/RESULTS.md`).
//!
//! It answers only when every byte that decides the piece is ASCII; at the first non-ASCII
//! byte that could change the answer (a letter, digit, space or mark outside ASCII) it
//! returns `None` and the regex decides. `tests::agrees_with_the_regex` checks piece-by-piece
//! equality with the regex on random ASCII and mixed text.
//!
//! ASCII classes, as the patterns see them in Unicode mode: `\p{L}` = `[A-Za-z]` (`\p{Lu}` =
//! `[A-Z]`, `\p{Ll}` = `[a-z]`, no ASCII `Lt`/`Lm`/`Lo`/`M`), `\p{N}` = `[0-9]`, `\s` =
//! `[\t\n\x0B\x0C\r ]`; every other ASCII byte is "other".

use super::Encoding;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Upper,
    Lower,
    Digit,
    Newline,
    Space,
    Other,
    /// Not ASCII: the fast path cannot decide.
    Unknown,
}

fn class(b: Option<&u8>) -> Option<Class> {
    let b = *b?;
    Some(match b {
        b'A'..=b'Z' => Class::Upper,
        b'a'..=b'z' => Class::Lower,
        b'0'..=b'9' => Class::Digit,
        b'\r' | b'\n' => Class::Newline,
        b'\t' | 0x0B | 0x0C | b' ' => Class::Space,
        0x80..=0xFF => Class::Unknown,
        _ => Class::Other,
    })
}

fn is_letter(c: Class) -> bool {
    matches!(c, Class::Upper | Class::Lower)
}

/// `[^\r\n\p{L}\p{N}]`: the optional one-character prefix of a word.
fn is_prefix(c: Class) -> bool {
    matches!(c, Class::Space | Class::Other)
}

/// Length of the run of bytes from `at` whose class satisfies `keep`; `None` if the run
/// stops at a non-ASCII byte (it might continue the run).
fn run(s: &[u8], at: usize, keep: impl Fn(Class) -> bool) -> Option<usize> {
    let mut i = at;
    loop {
        match class(s.get(i)) {
            None => return Some(i - at),
            Some(Class::Unknown) => return None,
            Some(c) if keep(c) => i += 1,
            Some(_) => return Some(i - at),
        }
    }
}

/// `(?i:'s|'t|'re|'ve|'m|'ll|'d)` at `at`: its length, 0 if none; `None` if a non-ASCII
/// byte could be a case-folded match (`ſ` folds to `s`).
fn contraction(s: &[u8], at: usize) -> Option<usize> {
    if s.get(at) != Some(&b'\'') {
        return Some(0);
    }
    let lower = |i: usize| s.get(i).map(u8::to_ascii_lowercase);
    if s.get(at + 1).is_some_and(|b| !b.is_ascii()) {
        return None;
    }
    match lower(at + 1) {
        Some(b's' | b't' | b'm' | b'd') => Some(2),
        Some(b'r') | Some(b'v') | Some(b'l') => {
            let want = match lower(at + 1) {
                Some(b'r') | Some(b'v') => b'e',
                _ => b'l',
            };
            match s.get(at + 2) {
                Some(b) if !b.is_ascii() => None,
                Some(b) if b.to_ascii_lowercase() == want => Some(3),
                _ => Some(0),
            }
        }
        _ => Some(0),
    }
}

/// The length of the next piece of `s` (non-empty), or `None` to ask the regex.
pub fn next_piece(encoding: Encoding, s: &[u8]) -> Option<usize> {
    let c0 = class(s.first())?;
    if c0 == Class::Unknown {
        return None;
    }
    let c1 = class(s.get(1));
    if c1 == Some(Class::Unknown) {
        return None;
    }
    let word = match encoding {
        Encoding::Cl100kBase => cl100k_word(s, c0, c1)?,
        Encoding::O200kBase => o200k_word(s, c0, c1)?,
    };
    if word > 0 {
        return Some(word);
    }
    if c0 == Class::Digit {
        // \p{N}{1,3}
        let mut n = 1;
        while n < 3 {
            match class(s.get(n)) {
                Some(Class::Digit) => n += 1,
                Some(Class::Unknown) => return None,
                _ => break,
            }
        }
        return Some(n);
    }
    // ` ?[^\s\p{L}\p{N}]+` then newlines (and `/` for o200k).
    let lead = usize::from(c0 == Class::Space && s.first() == Some(&b' '));
    if class(s.get(lead)) == Some(Class::Other) {
        let body = run(s, lead, |c| c == Class::Other)?;
        let tail_set: &[u8] = match encoding {
            Encoding::Cl100kBase => b"\r\n",
            Encoding::O200kBase => b"\r\n/",
        };
        let mut end = lead + body;
        while s.get(end).is_some_and(|b| tail_set.contains(b)) {
            end += 1;
        }
        return Some(end);
    }
    if !matches!(c0, Class::Space | Class::Newline) {
        return None;
    }
    // Whitespace: W = the whole run (unknown if it stops at a non-ASCII byte).
    let w = run(s, 0, |c| matches!(c, Class::Space | Class::Newline))?;
    // `\s*[\r\n]+`: up to the last newline in W.
    if let Some(last) = s[..w].iter().rposition(|&b| b == b'\r' || b == b'\n') {
        return Some(last + 1);
    }
    // `\s+$`
    if w == s.len() {
        return Some(w);
    }
    // `\s+\s` without its look-ahead character, else `\s+`.
    Some(if w >= 2 { w - 1 } else { w })
}

/// cl100k: a contraction, or `[^\r\n\p{L}\p{N}]?\p{L}+`; 0 when neither applies here.
fn cl100k_word(s: &[u8], c0: Class, c1: Option<Class>) -> Option<usize> {
    let n = contraction(s, 0)?;
    if n > 0 {
        return Some(n);
    }
    let start = if is_letter(c0) {
        0
    } else if is_prefix(c0) && c1.is_some_and(is_letter) {
        1
    } else {
        return Some(0);
    };
    Some(start + run(s, start, is_letter)?)
}

/// o200k: `P?U*L+C?` or `P?U+L*C?` (P = prefix, U = upper, L = lower, C = contraction);
/// 0 when neither applies here.
fn o200k_word(s: &[u8], c0: Class, c1: Option<Class>) -> Option<usize> {
    let start = if is_letter(c0) {
        0
    } else if is_prefix(c0) && c1.is_some_and(is_letter) {
        1
    } else {
        return Some(0);
    };
    let uppers = run(s, start, |c| c == Class::Upper)?;
    let lowers = run(s, start + uppers, |c| c == Class::Lower)?;
    // Both alternatives end after the lower run (P?U*L+ needs lowers; P?U+L* needs uppers).
    let end = start + uppers + lowers;
    Some(end + contraction(s, end)?)
}

#[cfg(test)]
mod tests {
    use super::super::pretokenize::Pretokenizer;
    use super::*;
    use crate::testing::Rng;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const PIECES: &[&str] = &[
        "a", "Z", "ab", "AB", "Ab", "aB", "'", "s", "S", "t", "re", "RE", "ve", "ll", "LL", "d",
        "m", " ", "  ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "0", "12", "345", "!", "?",
        "...", "/", "//", "\"", "{", "-", "_", "é", "ſ", "日", "\u{a0}", "\u{85}", "\u{301}", "٣",
        "😀", "\u{2028}",
    ];

    #[test]
    fn agrees_with_the_regex() {
        let mut rng = Rng::new(5150);
        for e in Encoding::ALL {
            let pre = Pretokenizer::regex_only(e).unwrap();
            for _ in 0..20_000 {
                let n = 1 + rng.below(16) as usize;
                let text: String = (0..n)
                    .map(|_| PIECES[rng.below(PIECES.len() as u64) as usize])
                    .collect();
                let mut at = 0;
                while at < text.len() {
                    let want = pre.regex_piece(&text[at..]);
                    if let Some(got) = next_piece(e, &text.as_bytes()[at..]) {
                        assert_eq!(got, want, "{e} at {at} of {text:?}");
                    }
                    at += want;
                }
            }
        }
    }
}
