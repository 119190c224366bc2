//! Token bytes → merge rank, laid out for the byte-pair merge's lookups.
//!
//! Byte-pair merging asks "is this byte string a token, and what is its rank?" once per
//! candidate pair, so the lookup is the merge's inner loop. A `HashMap<Box<[u8]>, u32>` costs
//! two cache misses per probe (the bucket, then the boxed key it points to) and hashes the
//! bytes with a general-purpose byte hasher. This table keeps the common cases inline:
//!
//! - one- and two-byte strings index flat arrays (`256` and `65,536` ranks, 257 KiB), which
//!   covers every pair's first lookup;
//! - strings of 3..=15 bytes (most of a vocabulary) are packed into two `u64` words with their
//!   length, so a probe hashes two words and compares two words, with no pointer to follow;
//! - longer tokens (a few percent of cl100k / o200k) stay in a byte-keyed map.
//!
//! Written here because no crate offers a small-string-keyed table; measured with
//! `cargo run --release -p llmtap-core --example tokenizer_speed` (`bench/tokenizer/RESULTS.md`).

use hashbrown::{HashMap, HashTable};

/// Rank stored for "not a token" in the flat arrays.
const ABSENT: u32 = u32::MAX;
/// Longest string kept packed: 15 bytes, the 16th byte of the packing holds the length.
const PACKED_MAX: usize = 15;

/// A byte string of 1..=15 bytes, zero-padded into two little-endian words, length in the
/// top byte of the second word (so `"a"` and `"a\0"` differ).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Packed(u64, u64);

impl Packed {
    /// Packs 1..=15 bytes (longer input is cut to 15; callers never pass it) with
    /// overlapping fixed-width loads instead of a variable-length copy, which is a `memcpy`
    /// call per probe otherwise.
    #[inline]
    fn new(bytes: &[u8]) -> Packed {
        let n = bytes.len().min(PACKED_MAX);
        let (lo, hi) = match n {
            0 => (0, 0),
            1..=3 => {
                let at = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0)) << (8 * i);
                (at(0) | at(n / 2) | at(n - 1), 0)
            }
            4..=7 => {
                let first = u64::from(le_u32(bytes, 0));
                let last = u64::from(le_u32(bytes, n - 4));
                (first | last << (8 * (n - 4)), 0)
            }
            8 => (le_u64(bytes, 0), 0),
            _ => (le_u64(bytes, 0), le_u64(bytes, n - 8) >> (8 * (16 - n))),
        };
        Packed(lo, hi | (n as u64) << 56)
    }

    /// A multiply-xorshift mix of both words (the finaliser of SplitMix64, Steele et al.,
    /// "Fast splittable pseudorandom number generators", OOPSLA 2014). The keys are a fixed
    /// vocabulary, so no keyed hash is needed against collision attacks: text only probes.
    fn hash(self) -> u64 {
        let mut x = self.0 ^ self.1.rotate_left(31).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^ (x >> 31)
    }
}

/// Token bytes → rank (lower merges first).
pub struct RankTable {
    /// Rank of each one-byte token, indexed by the byte.
    single: Box<[u32; 256]>,
    /// Rank of each two-byte token, indexed by `first << 8 | second`.
    pairs: Box<[u32]>,
    /// Tokens of 3..=15 bytes.
    packed: HashTable<(Packed, u32)>,
    /// Tokens longer than 15 bytes.
    long: HashMap<Box<[u8]>, u32>,
    len: usize,
    max_rank: u32,
}

impl core::fmt::Debug for RankTable {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RankTable").field("len", &self.len).finish()
    }
}

impl Default for RankTable {
    fn default() -> Self {
        RankTable::with_capacity(0)
    }
}

impl RankTable {
    pub fn new() -> RankTable {
        RankTable::default()
    }

    /// An empty table with room for about `tokens` tokens.
    pub fn with_capacity(tokens: usize) -> RankTable {
        RankTable {
            single: Box::new([ABSENT; 256]),
            pairs: vec![ABSENT; 1 << 16].into_boxed_slice(),
            packed: HashTable::with_capacity(tokens),
            long: HashMap::new(),
            len: 0,
            max_rank: 0,
        }
    }

    /// Highest rank inserted (0 when empty).
    pub fn max_rank(&self) -> u32 {
        self.max_rank
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds (or re-ranks) a token. The empty string is not a token and is ignored.
    pub fn insert(&mut self, token: &[u8], rank: u32) {
        if !token.is_empty() {
            self.max_rank = self.max_rank.max(rank);
        }
        let fresh = match *token {
            [] => return,
            [b] => replace(&mut self.single[usize::from(b)], rank),
            [a, b] => replace(&mut self.pairs[pair_index(a, b)], rank),
            _ if token.len() <= PACKED_MAX => {
                let key = Packed::new(token);
                let hash = key.hash();
                match self.packed.find_mut(hash, |e| e.0 == key) {
                    Some(entry) => {
                        entry.1 = rank;
                        false
                    }
                    None => {
                        self.packed.insert_unique(hash, (key, rank), |e| e.0.hash());
                        true
                    }
                }
            }
            _ => self.long.insert(token.into(), rank).is_none(),
        };
        self.len += usize::from(fresh);
    }

    /// Rank of `bytes`, if it is a token.
    #[inline]
    pub fn get(&self, bytes: &[u8]) -> Option<u32> {
        let rank = match *bytes {
            [] => return None,
            [b] => self.single[usize::from(b)],
            [a, b] => self.pairs[pair_index(a, b)],
            _ if bytes.len() <= PACKED_MAX => {
                let key = Packed::new(bytes);
                return self.packed.find(key.hash(), |e| e.0 == key).map(|e| e.1);
            }
            _ => return self.long.get(bytes).copied(),
        };
        (rank != ABSENT).then_some(rank)
    }

    /// Rank of the two-byte string `[a, b]`, or `u32::MAX` when it is not a token.
    #[inline]
    pub fn pair_rank(&self, a: u8, b: u8) -> u32 {
        self.pairs[pair_index(a, b)]
    }

    pub fn contains(&self, bytes: &[u8]) -> bool {
        self.get(bytes).is_some()
    }
}

/// The `N` bytes at `bytes[at..at + N]` (zeros past the end).
#[inline]
fn array_at<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    bytes
        .get(at..at + N)
        .and_then(|b| <[u8; N]>::try_from(b).ok())
        .unwrap_or([0; N])
}

/// The little-endian `u32` at `bytes[at..at + 4]` (0 past the end).
#[inline]
fn le_u32(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(array_at(bytes, at))
}

/// The little-endian `u64` at `bytes[at..at + 8]` (0 past the end).
#[inline]
fn le_u64(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(array_at(bytes, at))
}

fn pair_index(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

/// Stores `rank` in a flat-array slot; true when the slot was empty.
fn replace(slot: &mut u32, rank: u32) -> bool {
    let was_absent = *slot == ABSENT;
    *slot = rank;
    was_absent
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn every_length_class_round_trips_and_absent_strings_miss() {
        let mut t = RankTable::new();
        let tokens: [&[u8]; 8] = [
            b"a",
            b"\0",
            b"ab",
            b"a\0",
            b"abc",
            b"a\0\0",
            b"exactly15bytes!",
            b"sixteen bytes!!!",
        ];
        for (rank, token) in tokens.iter().enumerate() {
            t.insert(token, rank as u32);
        }
        assert_eq!(t.len(), tokens.len());
        for (rank, token) in tokens.iter().enumerate() {
            assert_eq!(t.get(token), Some(rank as u32), "{token:?}");
        }
        // Zero padding never makes a shorter or longer string match.
        for absent in [
            &b""[..],
            b"b",
            b"\0\0",
            b"a\0\0\0",
            b"ab\0",
            b"exactly15bytes",
            b"sixteen bytes!!",
        ] {
            assert_eq!(t.get(absent), None, "{absent:?}");
        }
        assert_eq!(t.pair_rank(b'a', b'b'), 2);
        assert_eq!(t.pair_rank(b'b', b'a'), u32::MAX);
        // Re-inserting re-ranks without counting twice.
        t.insert(b"abc", 99);
        t.insert(b"ab", 98);
        assert_eq!(
            (t.get(b"abc"), t.get(b"ab"), t.len()),
            (Some(99), Some(98), tokens.len())
        );
    }

    #[test]
    fn packing_matches_the_byte_layout() {
        let mut rng = crate::testing::Rng::new(5);
        for len in 1..=PACKED_MAX {
            for _ in 0..200 {
                let bytes: Vec<u8> = (0..len).map(|_| rng.below(256) as u8).collect();
                let mut buf = [0u8; 16];
                buf[..len].copy_from_slice(&bytes);
                buf[15] = len as u8;
                let lo = u64::from_le_bytes(buf[..8].try_into().unwrap());
                let hi = u64::from_le_bytes(buf[8..].try_into().unwrap());
                assert_eq!(Packed::new(&bytes), Packed(lo, hi), "{bytes:?}");
            }
        }
    }

    #[test]
    fn agrees_with_a_plain_map_on_random_strings() {
        let mut rng = crate::testing::Rng::new(11);
        let mut plain = std::collections::HashMap::new();
        let mut table = RankTable::new();
        // A two-letter alphabet plus NUL so that many probes are near misses.
        let random = |rng: &mut crate::testing::Rng| -> Vec<u8> {
            let len = 1 + rng.below(20) as usize;
            (0..len).map(|_| b"ab\0"[rng.below(3) as usize]).collect()
        };
        for rank in 0..3000u32 {
            let token = random(&mut rng);
            plain.insert(token.clone(), rank);
            table.insert(&token, rank);
        }
        assert_eq!(table.len(), plain.len());
        for _ in 0..20_000 {
            let probe = random(&mut rng);
            assert_eq!(table.get(&probe), plain.get(&probe).copied(), "{probe:?}");
        }
    }
}
