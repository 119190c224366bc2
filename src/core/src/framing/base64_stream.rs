//! A streaming base64 decoder (RFC 4648 §4, standard alphabet) for the JSON string of a
//! large Bedrock invoke chunk (`{"bytes":"<base64>"}`), fed in pieces cut anywhere.
//!
//! Hand-written rather than the `base64` crate: the crate's engine decodes whole inputs (or
//! chunks of multiples of 4 characters, which would need a carry buffer and a second copy),
//! is not linked into the filter module today (it is an optional dependency of the
//! tokenizer features), and the state needed here is two integers: the bits not yet
//! forming a byte (at most 18, so no input byte is ever kept between pieces).
//! Padding (`=`) is optional; a JSON-escaped `\/` stands for `/`; any other byte outside the
//! alphabet, or data after padding, makes the decoder [failed](Base64Stream::failed).

/// Decoded bytes are handed out in pieces of at most this many bytes (a stack buffer).
pub const DECODED_PIECE_BYTES: usize = 768;

/// The decoder's state between pieces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Base64Stream {
    /// Pending bits (the low `bits` bits).
    acc: u32,
    bits: u32,
    /// `=` seen: only more `=` may follow.
    padded: bool,
    /// `=` characters seen (a whole input has at most two).
    padding: u8,
    /// After a `\`: the next byte must be `/`.
    escaped: bool,
    failed: bool,
    /// Decoded bytes handed out so far.
    decoded: u64,
}

impl Base64Stream {
    pub fn new() -> Self {
        Self::default()
    }

    /// The input was not base64.
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// The input fed so far is a whole base64 text: nothing failed, no lone trailing
    /// character (6 bits that make no byte), at most two `=`.
    pub fn is_complete(&self) -> bool {
        !self.failed && self.bits < 6 && self.padding <= 2
    }

    /// Bytes decoded so far.
    pub fn decoded_bytes(&self) -> u64 {
        self.decoded
    }

    /// Decodes the next characters; `out` receives the decoded bytes in pieces.
    pub fn feed(&mut self, text: &[u8], out: &mut dyn FnMut(&[u8])) {
        let mut buf = [0u8; DECODED_PIECE_BYTES];
        let mut n = 0;
        for &c in text {
            if self.failed {
                break;
            }
            let c = if self.escaped {
                self.escaped = false;
                if c != b'/' {
                    self.failed = true;
                    break;
                }
                c
            } else if c == b'\\' {
                self.escaped = true;
                continue;
            } else {
                c
            };
            let value = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                b'=' => {
                    self.padded = true;
                    self.padding = self.padding.saturating_add(1);
                    continue;
                }
                _ => {
                    self.failed = true;
                    break;
                }
            };
            if self.padded {
                self.failed = true; // data after padding
                break;
            }
            self.acc = (self.acc << 6) | u32::from(value);
            self.bits += 6;
            if self.bits >= 8 {
                self.bits -= 8;
                if let Some(slot) = buf.get_mut(n) {
                    *slot = (self.acc >> self.bits) as u8;
                    n += 1;
                }
                self.acc &= (1 << self.bits) - 1;
                if n == buf.len() {
                    out(&buf);
                    self.decoded += n as u64;
                    n = 0;
                }
            }
        }
        if n > 0 {
            out(buf.get(..n).unwrap_or_default());
            self.decoded += n as u64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn decode_in(text: &[u8], piece: usize) -> (Vec<u8>, bool) {
        let mut d = Base64Stream::new();
        let mut out = Vec::new();
        for part in text.chunks(piece.max(1)) {
            d.feed(part, &mut |b| out.extend_from_slice(b));
        }
        (out, d.failed())
    }

    #[test]
    fn decodes_rfc4648_vectors_in_any_pieces() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("foob", "Zm9vYg"),
        ] {
            for piece in 1..=8 {
                let (out, failed) = decode_in(encoded.as_bytes(), piece);
                assert_eq!(
                    (out.as_slice(), failed),
                    (plain.as_bytes(), false),
                    "{encoded}"
                );
            }
        }
    }

    #[test]
    fn long_inputs_cross_the_piece_buffer_and_escaped_slashes_decode() {
        let plain: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut encoded = Vec::new();
        let table = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for c in plain.chunks(3) {
            let v = c
                .iter()
                .enumerate()
                .fold(0u32, |a, (i, b)| a | u32::from(*b) << (16 - 8 * i));
            for i in 0..=c.len() {
                let ch = table[(v >> (18 - 6 * i) & 63) as usize];
                if ch == b'/' {
                    encoded.extend_from_slice(b"\\/");
                } else {
                    encoded.push(ch);
                }
            }
        }
        for piece in [1, 2, 3, 5, 1000, encoded.len()] {
            assert_eq!(
                decode_in(&encoded, piece),
                (plain.clone(), false),
                "piece {piece}"
            );
        }
    }

    #[test]
    fn bad_input_fails() {
        for bad in ["Zm9v!", "Zg==Zg", "Zm\\n9v"] {
            assert!(decode_in(bad.as_bytes(), 2).1, "{bad}");
        }
    }
}
