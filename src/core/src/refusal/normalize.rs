//! Per-character normalisation applied identically to the answer text (while streaming) and to
//! the phrases (once, when the matcher is built), so that a phrase written naturally matches the
//! spellings models actually produce.
//!
//! Rules, in order, for each input character:
//!
//! 1. **Dropped**: zero-width characters (U+200B–U+200D, U+2060, U+FEFF), the soft hyphen, the
//!    Arabic tatweel and harakat (U+064B–U+065F, U+0670), the Devanagari nukta (U+093C),
//!    straight and typographic double quotes, guillemets, CJK corner brackets, and the markdown
//!    decoration characters `* _ # > ~` (so `**Sorry**, but` reads `sorry, but`).
//! 2. **Separators** (runs collapse into one space): Unicode whitespace (`char::is_whitespace`:
//!    spaces, tabs, newlines, NBSP, U+202F, U+3000…) and the table bar `|`.
//! 3. **Folded**: apostrophe look-alikes `’ ‘ ʼ ′ ‛` and the backtick become `'`; full-width
//!    ASCII forms (U+FF01–U+FF5E) become ASCII (`，` → `,`); the ideographic and Arabic commas
//!    become `,`, the ideographic full stop `.`, the Arabic question mark and semicolon `?` `;`;
//!    Arabic alef variants `أ إ آ ٱ` become `ا` and `ى` becomes `ي`; Devanagari letters with a
//!    precomposed nukta become the base letter and the chandrabindu becomes the anusvara.
//! 4. **Lower-cased** with Unicode rules (`char::to_lowercase`, which may yield several chars).
//!
//! The answer stream additionally starts with one virtual space and skips every leading
//! separator and list/quote marker ([`is_leading_marker`]) before its first character, so
//! `"**Sorry**, but …"`, `"> I can't …"` and `"- I cannot …"` all start with `" sorry"`,
//! `" i can't"`, `" i cannot"`. A phrase whose first character is a letter or digit of a script
//! written with spaces gets a leading space too ([`phrase_needs_word_start`]), which makes it
//! match only at the start of a word ("as an ai" does not match inside "has an aim").

/// What one input character turns into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Ignored entirely.
    Drop,
    /// Part of a run of separators (collapsed into one space).
    Space,
    /// A character to lower-case and match.
    Text(char),
}

/// Classifies one character (rules 1–3 of the module documentation).
#[inline]
pub(crate) fn classify(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            ' ' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '|' => Class::Space,
            '"' | '*' | '_' | '#' | '>' | '~' => Class::Drop,
            '`' => Class::Text('\''),
            '\u{00}'..='\u{1F}' | '\u{7F}' => Class::Drop,
            _ => Class::Text(c),
        };
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{201B}' => Class::Text('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2039}' | '\u{203A}' | '\u{300C}' | '\u{300D}' | '\u{300E}' | '\u{300F}' => {
            Class::Drop
        }
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Class::Drop,
        '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{093C}' => Class::Drop,
        '\u{3001}' | '\u{060C}' => Class::Text(','),
        '\u{3002}' => Class::Text('.'),
        '\u{061F}' => Class::Text('?'),
        '\u{061B}' => Class::Text(';'),
        '\u{FF01}'..='\u{FF5E}' => match char::from_u32(c as u32 - 0xFEE0) {
            Some(ascii) => classify(ascii),
            None => Class::Text(c),
        },
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => Class::Text('\u{0627}'),
        '\u{0649}' => Class::Text('\u{064A}'),
        '\u{0958}' => Class::Text('\u{0915}'),
        '\u{0959}' => Class::Text('\u{0916}'),
        '\u{095A}' => Class::Text('\u{0917}'),
        '\u{095B}' => Class::Text('\u{091C}'),
        '\u{095C}' => Class::Text('\u{0921}'),
        '\u{095D}' => Class::Text('\u{0922}'),
        '\u{095E}' => Class::Text('\u{092B}'),
        '\u{095F}' => Class::Text('\u{092F}'),
        '\u{0901}' => Class::Text('\u{0902}'),
        _ if c.is_whitespace() => Class::Space,
        _ => Class::Text(c),
    }
}

/// Calls `emit` with the lower-case form of `c` (one char for ASCII, up to three otherwise).
#[inline]
pub(crate) fn lower(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
    } else {
        for l in c.to_lowercase() {
            emit(l);
        }
    }
}

/// List and quote markers skipped (with separators) before the first character of an answer:
/// `- + ' • · ¡ ¿` (after folding, so a leading backtick or `’` is skipped too).
#[inline]
pub(crate) fn is_leading_marker(c: char) -> bool {
    matches!(
        c,
        '-' | '+' | '\'' | '\u{2022}' | '\u{00B7}' | '\u{00A1}' | '\u{00BF}'
    )
}

/// Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar. A
/// phrase starting with one of their characters may match anywhere, not only after a space.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF        // Thai, Lao
        | 0x1000..=0x109F      // Myanmar
        | 0x1780..=0x17FF      // Khmer
        | 0x3040..=0x30FF      // Hiragana, Katakana
        | 0x31F0..=0x31FF      // Katakana phonetic extensions
        | 0x3400..=0x4DBF      // CJK extension A
        | 0x4E00..=0x9FFF      // CJK unified ideographs
        | 0xF900..=0xFAFF      // CJK compatibility ideographs
        | 0xFF66..=0xFF9F      // half-width katakana
        | 0x20000..=0x3134F) // CJK extensions B–G
}

/// Whether a normalised phrase starting with `c` must start at a word boundary.
pub(crate) fn phrase_needs_word_start(c: char) -> bool {
    c.is_alphanumeric() && !is_unspaced_script(c)
}

/// Normalises a phrase for the automaton: same character rules as the stream, separators at
/// both ends removed and inner runs collapsed, plus a leading space when the phrase starts
/// with a word character of a spaced script. Empty when nothing matchable is left.
pub(crate) fn normalize_phrase(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len() + 1);
    let mut pending_space = false;
    for c in phrase.chars() {
        match classify(c) {
            Class::Drop => {}
            Class::Space => pending_space = !out.is_empty(),
            Class::Text(t) => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                lower(t, |l| out.push(l));
            }
        }
    }
    if out.chars().next().is_some_and(phrase_needs_word_start) {
        out.insert(0, ' ');
    }
    out
}

/// Normalises a whole answer the way the streaming scan sees it (virtual leading space
/// included). Reference implementation for tests and documentation; the scan never builds it.
#[cfg(test)]
pub(crate) fn normalize_answer(text: &str) -> String {
    let mut out = String::new();
    let mut started = false;
    let mut pending_space = false;
    for c in text.chars() {
        match classify(c) {
            Class::Drop => {}
            Class::Space => pending_space = started,
            Class::Text(t) => {
                if !started {
                    if is_leading_marker(t) {
                        continue;
                    }
                    started = true;
                    pending_space = true;
                }
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                lower(t, |l| out.push(l));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn apostrophes_quotes_and_whitespace_are_normalised() {
        assert_eq!(
            normalize_answer("  **I’m  sorry**,\n\tbut I can`t"),
            " i'm sorry, but i can't"
        );
        assert_eq!(normalize_answer("> - “Sorry”"), " sorry");
        assert_eq!(normalize_answer("| a | b |"), " a b");
        assert_eq!(
            normalize_answer("¡Lo siento, pero no!"),
            " lo siento, pero no!"
        );
        assert_eq!(normalize_answer(""), "");
        assert_eq!(normalize_answer(" \n*# "), "");
    }

    #[test]
    fn scripts_are_folded() {
        assert_eq!(normalize_phrase("抱歉，我无法"), "抱歉,我无法");
        assert_eq!(
            normalize_phrase("申し訳ありませんが、"),
            "申し訳ありませんが,"
        );
        assert_eq!(normalize_phrase("عذرًا، لا أستطيع"), " عذرا, لا استطيع");
        assert_eq!(normalize_phrase("माफ़ कीजिए"), normalize_phrase("माफ कीजिए"));
        assert_eq!(normalize_phrase("हूँ"), normalize_phrase("हूं"));
        assert_eq!(normalize_phrase("ИЗВИНИТЕ, но"), " извините, но");
        assert_eq!(normalize_phrase("Ｉ ＣＡＮ＇Ｔ"), " i can't");
        assert_eq!(normalize_phrase("Es tut mir leid"), " es tut mir leid");
        assert_eq!(normalize_phrase("  \u{200B} "), "");
    }

    #[test]
    fn word_start_only_for_spaced_scripts() {
        assert!(phrase_needs_word_start('a'));
        assert!(phrase_needs_word_start('я'));
        assert!(phrase_needs_word_start('죄'));
        assert!(phrase_needs_word_start('म'));
        assert!(!phrase_needs_word_start('我'));
        assert!(!phrase_needs_word_start('申'));
        assert!(!phrase_needs_word_start(','));
    }
}
