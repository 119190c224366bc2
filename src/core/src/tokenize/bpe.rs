//! Byte-pair merging of one piece, counting the tokens it becomes.
//!
//! The rule is `tiktoken`'s `_byte_pair_merge` (openai/tiktoken `src/lib.rs`): start from single
//! bytes; repeatedly merge the adjacent pair whose concatenation has the lowest rank, the
//! leftmost on ties; stop when no adjacent pair is in the vocabulary. `tiktoken` rescans all
//! pairs after each merge, O(n²) in the piece length, which is quadratic on long unsplittable
//! text (50 KB of letters is one piece). Short pieces use that rescan on a stack array (the
//! common case, no allocation); long pieces queue their pairs in one bucket per rank and sweep
//! the lowest rank left to right ([`count_by_levels`]), which merges in exactly the same order
//! (lowest rank, then leftmost position). A binary heap of (rank, position) does the same in
//! O(n log n) and is kept as a test oracle.
//!
//! Written here rather than taken from a crate: `bpe` 0.2 (github/rust-gems) is linear but its
//! tables take 0.85 s (cl100k) / 2.2 s (o200k) to build natively from the rank file, or 15 / 32 MB
//! of serialized data in every VM if prebuilt (`bench/tokenizer/RESULTS.md`); `tiktoken-rs` is
//! quadratic and 7 MB/s in V8 (`../shared/notes/performance.md`).

use super::vocab::Ranks;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Longest piece merged with the stack rescan; longer ones go to the heap.
const SCAN_MAX: usize = 64;

/// Tokens `piece` encodes to.
pub fn count_piece(ranks: &Ranks, piece: &[u8]) -> usize {
    if piece.len() <= 1 || ranks.contains(piece) {
        return usize::from(!piece.is_empty());
    }
    if piece.len() <= SCAN_MAX {
        count_by_scan(ranks, piece)
    } else {
        count_by_levels(ranks, piece)
    }
}

/// Rank of `piece[a..b]`, or `u32::MAX` when it is not a token.
fn rank(ranks: &Ranks, piece: &[u8], a: usize, b: usize) -> u32 {
    piece
        .get(a..b)
        .and_then(|bytes| ranks.get(bytes))
        .unwrap_or(u32::MAX)
}

/// Rank of the two bytes at `piece[i..i + 2]` (a flat-array read), or `u32::MAX`.
fn pair_rank_at(ranks: &Ranks, piece: &[u8], i: usize) -> u32 {
    match (piece.get(i), piece.get(i + 1)) {
        (Some(&a), Some(&b)) => ranks.pair_rank(a, b),
        _ => u32::MAX,
    }
}

/// `tiktoken`'s rescan, on a stack array of part starts with the rank of each part + next.
fn count_by_scan(ranks: &Ranks, piece: &[u8]) -> usize {
    let n = piece.len();
    // parts[i] = (start of part i, rank of part i merged with part i+1).
    let mut parts = [(0usize, u32::MAX); SCAN_MAX + 1];
    let mut len = n + 1;
    for (i, part) in parts.iter_mut().enumerate().take(len) {
        part.0 = i;
    }
    for (i, part) in parts.iter_mut().enumerate().take(n.saturating_sub(1)) {
        part.1 = pair_rank_at(ranks, piece, i);
    }
    // parts[len-1] is the end sentinel (start = n).
    loop {
        let mut min = (u32::MAX, 0usize);
        for (i, &(_, r)) in parts[..len - 1].iter().enumerate() {
            if r < min.0 {
                min = (r, i);
            }
        }
        if min.0 == u32::MAX {
            break;
        }
        let i = min.1;
        // Merge part i with part i+1: drop start i+1.
        parts.copy_within(i + 2..len, i + 1);
        len -= 1;
        let pair_rank = |parts: &[(usize, u32)], j: usize| -> u32 {
            if j + 2 < len {
                rank(ranks, piece, parts[j].0, parts[j + 2].0)
            } else {
                u32::MAX
            }
        };
        parts[i].1 = pair_rank(&parts, i);
        if i > 0 {
            parts[i - 1].1 = pair_rank(&parts, i - 1);
        }
    }
    len - 1
}

/// No pair / no part: `u32::MAX`.
const NONE: u32 = u32::MAX;

/// The parts of a long piece as a doubly linked list by start offset (`n` is the end
/// sentinel), with the rank of the pair starting at each part (`NONE`: not a token, or not a
/// part any more). Shared by [`count_by_levels`] and its test oracle `count_by_heap`.
struct PartList {
    next: Vec<u32>,
    prev: Vec<u32>,
    pair_rank: Vec<u32>,
}

impl PartList {
    /// One part per byte; `n` must be at least 2 and below `u32::MAX`.
    fn new(ranks: &Ranks, piece: &[u8]) -> PartList {
        let n = piece.len();
        let mut pair_rank = vec![NONE; n];
        for (i, slot) in pair_rank.iter_mut().enumerate().take(n - 1) {
            *slot = pair_rank_at(ranks, piece, i);
        }
        PartList {
            next: (1..=n as u32).collect(),
            prev: (0..n as u32).map(|i| i.wrapping_sub(1)).collect(),
            pair_rank,
        }
    }

    /// Joins part `i` with its successor; the pair ranks of `i` and of its predecessor are
    /// then stale and must be set by the caller.
    #[inline]
    fn merge_with_next(&mut self, i: u32) {
        let j = self.next[i as usize];
        let after = self.next[j as usize];
        self.next[i as usize] = after;
        if let Some(slot) = self.prev.get_mut(after as usize) {
            *slot = i;
        }
        self.pair_rank[j as usize] = NONE;
    }

    /// (start, end) of the pair starting at part `i`, if `i` has a successor.
    #[inline]
    fn pair_span(&self, i: u32) -> Option<(usize, usize)> {
        let j = *self.next.get(i as usize)?;
        let end = *self.next.get(j as usize)?;
        Some((i as usize, end as usize))
    }
}

/// The same merges with a binary heap, O(n log n): the filter uses [`count_by_levels`]; this
/// simpler version is kept as a second oracle for it in the tests. Heap keys pack
/// `rank << 32 | start` into one `u64` (lowest rank, then leftmost); an entry is current
/// when `pair_rank[start]` still holds its rank (every change of a pair rewrites it).
#[cfg(test)]
fn count_by_heap(ranks: &Ranks, piece: &[u8]) -> usize {
    let n = piece.len();
    if n < 2 || n >= u32::MAX as usize {
        return n; // beyond any cap the filter uses; never merged
    }
    let mut list = PartList::new(ranks, piece);
    // Heapify in O(n) rather than n pushes.
    let mut heap: BinaryHeap<Reverse<u64>> = list
        .pair_rank
        .iter()
        .enumerate()
        .filter(|&(_, &r)| r != NONE)
        .map(|(i, &r)| Reverse(u64::from(r) << 32 | i as u64))
        .collect();
    let pair_of = |list: &PartList, i: u32| -> u32 {
        list.pair_span(i)
            .map_or(NONE, |(a, b)| rank(ranks, piece, a, b))
    };
    let mut parts = n;
    while let Some(Reverse(key)) = heap.pop() {
        let (r, i) = ((key >> 32) as u32, key as u32);
        if list.pair_rank[i as usize] != r {
            continue; // stale
        }
        list.merge_with_next(i);
        parts -= 1;
        let p = list.prev[i as usize];
        for part in [i, p] {
            if part == NONE {
                continue;
            }
            let r = pair_of(&list, part);
            list.pair_rank[part as usize] = r;
            if r != NONE {
                heap.push(Reverse(u64::from(r) << 32 | u64::from(part)));
            }
        }
    }
    parts
}

/// The same merges, grouped by rank: O(n) expected for long pieces.
///
/// Pending pairs wait in one bucket per rank; the lowest pending rank is taken, its positions
/// sorted and merged left to right. That is `tiktoken`'s order (lowest rank, then leftmost)
/// because a merge only creates pairs of other ranks: the new pair is a longer byte string
/// than the token just made, so it cannot have the rank being swept. When a new pair has a
/// *lower* rank (possible in principle, since ranks need not grow with length), the sweep
/// stops, the rest of its bucket is put back, and the lower rank is taken next, exactly as
/// the heap would. Compared with a heap of every (rank, position) this replaces
/// O(log n) sift-downs with appends and one sort per rank (runs already in order when all pairs
/// have the same rank, as in `aaaa…`): 9.4 → 2.4 ms on 50 KB of one letter, natively
/// (`bench/tokenizer/RESULTS.md`).
fn count_by_levels(ranks: &Ranks, piece: &[u8]) -> usize {
    let n = piece.len();
    if n < 2 || n >= u32::MAX as usize {
        return n; // beyond any cap the filter uses; never merged
    }
    let mut list = PartList::new(ranks, piece);
    // Which token each part is (its rank; a byte outside the vocabulary gets an id above every
    // rank), so that a pair can be looked up in the memo by its two ids.
    let memo_ok = ranks.max_rank() < BYTE_ID;
    let mut token: Vec<u32> = piece
        .iter()
        .map(|&b| ranks.get(&[b]).unwrap_or(BYTE_ID | u32::from(b)))
        .collect();
    let mut memo = PairMemo::for_piece(n);
    let mut levels = Levels::default();
    for (i, &r) in list.pair_rank.iter().enumerate() {
        levels.add(r, i as u32);
    }
    let mut pair_of = |list: &PartList, token: &[u32], i: u32| -> u32 {
        let Some((a, b)) = list.pair_span(i) else {
            return NONE;
        };
        let lookup = || rank(ranks, piece, a, b);
        if !memo_ok {
            return lookup();
        }
        let j = list.next[i as usize];
        memo.get_or_insert(token[i as usize], token[j as usize], lookup)
    };
    let mut parts = n;
    let mut sweep: Vec<u32> = Vec::new();
    while let Some(r) = levels.take_lowest(&mut sweep) {
        sweep.sort_unstable();
        let mut k = 0;
        while let Some(&i) = sweep.get(k) {
            k += 1;
            if list.pair_rank[i as usize] != r {
                continue; // merged away or re-paired since it was queued
            }
            list.merge_with_next(i);
            token[i as usize] = r;
            parts -= 1;
            let mut lower = false;
            let p = list.prev[i as usize];
            for part in [i, p] {
                if part == NONE {
                    continue;
                }
                let new_rank = pair_of(&list, &token, part);
                list.pair_rank[part as usize] = new_rank;
                levels.add(new_rank, part);
                lower |= new_rank < r;
            }
            if lower {
                // A lower rank must merge before the rest of this one.
                for &rest in sweep.get(k..).unwrap_or_default() {
                    levels.add(r, rest);
                }
                break;
            }
        }
    }
    parts
}

/// Id of a part that is a byte outside the vocabulary: `BYTE_ID | byte`, above every rank
/// (tiktoken ranks are below 2^31; the memo is off for a vocabulary that is not). A part is
/// otherwise named by its rank, which identifies its bytes because no two tokens of a linked
/// vocabulary share a rank (`vocab::tests::every_linked_vocabulary_gives_each_token_its_own_rank`).
const BYTE_ID: u32 = 1 << 31;

/// A direct-mapped cache of (left token, right token) → rank of their concatenation
/// (`u32::MAX`: not a token). Long pieces are mostly runs and repeats (`aaaa…`, `=-=-…`,
/// base64 of repetitive data), where the same pairs recur thousands of times; a hit costs a
/// multiply and one compare instead of packing and hashing the bytes (2.4 → 1.8 ms on 50 KB
/// of one letter, natively). Sized to the piece, at most 4,096 entries.
struct PairMemo {
    /// (left << 32 | right, rank); `u64::MAX` marks an empty slot (no two parts both have
    /// id `u32::MAX`).
    slots: Vec<(u64, u32)>,
    shift: u32,
}

impl PairMemo {
    fn for_piece(n: usize) -> PairMemo {
        let size = (n / 4).next_power_of_two().clamp(64, 4096);
        PairMemo {
            slots: vec![(u64::MAX, 0); size],
            shift: 64 - size.trailing_zeros(),
        }
    }

    #[inline]
    fn get_or_insert(&mut self, left: u32, right: u32, lookup: impl FnOnce() -> u32) -> u32 {
        let key = u64::from(left) << 32 | u64::from(right);
        // Fibonacci hashing (Knuth, TAOCP vol. 3, 6.4): the top bits of key × 2^64/φ.
        let at = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        match self.slots.get_mut(at) {
            Some(&mut (k, rank)) if k == key => rank,
            Some(slot) => {
                let rank = lookup();
                *slot = (key, rank);
                rank
            }
            None => lookup(),
        }
    }
}

/// Pending pair positions, one bucket per rank, with the ranks that have a bucket in a heap.
/// Consecutive additions mostly go to the same one or two ranks (a sweep creates pairs to the
/// right and to the left of each merge), so the last two buckets used are remembered and the
/// rank → bucket map is consulted only on a miss (half the time of the sweep on `aaaa…`).
struct Levels {
    /// rank → index in `buckets`.
    slot_of: hashbrown::HashMap<u32, usize>,
    buckets: Vec<Vec<u32>>,
    ranks: BinaryHeap<Reverse<u32>>,
    /// The two (rank, slot) pairs used last (`u32::MAX`: none, a rank never queued).
    recent: [(u32, usize); 2],
}

impl Default for Levels {
    fn default() -> Self {
        Levels {
            slot_of: hashbrown::HashMap::new(),
            buckets: Vec::new(),
            ranks: BinaryHeap::new(),
            recent: [(u32::MAX, 0); 2],
        }
    }
}

impl Levels {
    /// Queues the pair at `position` under `rank` (`u32::MAX`: not a token, not queued).
    fn add(&mut self, rank: u32, position: u32) {
        if rank == u32::MAX {
            return;
        }
        let slot = match self.recent {
            [(r, slot), _] if r == rank => slot,
            [first, (r, slot)] if r == rank => {
                self.recent = [(r, slot), first];
                slot
            }
            [first, _] => {
                let fresh = self.buckets.len();
                let slot = *self.slot_of.entry(rank).or_insert(fresh);
                if slot == fresh {
                    self.buckets.push(Vec::new());
                }
                self.recent = [(rank, slot), first];
                slot
            }
        };
        if let Some(bucket) = self.buckets.get_mut(slot) {
            if bucket.is_empty() {
                self.ranks.push(Reverse(rank));
            }
            bucket.push(position);
        }
    }

    /// Moves the positions of the lowest pending rank into `out` (cleared first) and returns
    /// that rank.
    fn take_lowest(&mut self, out: &mut Vec<u32>) -> Option<u32> {
        out.clear();
        let Reverse(rank) = self.ranks.pop()?;
        let bucket = self
            .slot_of
            .get(&rank)
            .and_then(|&slot| self.buckets.get_mut(slot));
        if let Some(bucket) = bucket {
            core::mem::swap(out, bucket);
        }
        Some(rank)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn toy() -> Ranks {
        // A tiny vocabulary where merge order matters.
        let mut r = Ranks::new();
        for (i, t) in ["a", "b", "c", "ab", "bc", "abc", "aa", "aaa"]
            .iter()
            .enumerate()
        {
            r.insert(t.as_bytes(), i as u32);
        }
        r
    }

    /// Compares the three merges on `pieces` random pieces of 2..max_len bytes of `alphabet`.
    fn assert_merges_agree(ranks: &Ranks, alphabet: &[u8], pieces: usize, max_len: u64, seed: u64) {
        let mut rng = crate::testing::Rng::new(seed);
        for _ in 0..pieces {
            let len = 2 + rng.below(max_len) as usize;
            let piece: Vec<u8> = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len() as u64) as usize])
                .collect();
            let scan = count_by_scan(ranks, &piece);
            let text = String::from_utf8_lossy(&piece);
            assert_eq!(scan, count_by_heap(ranks, &piece), "heap: {text}");
            assert_eq!(scan, count_by_levels(ranks, &piece), "levels: {text}");
        }
    }

    #[test]
    fn scan_and_heap_merge_identically() {
        assert_merges_agree(&toy(), b"abcx", 2000, 40, 7);
    }

    /// A vocabulary where a merge can create a pair of *lower* rank than the one being
    /// merged (`xy` is rank 10, `xyz` rank 2): the level sweep must stop and take it first.
    fn non_monotone() -> Ranks {
        let mut r = Ranks::new();
        for (t, rank) in [
            ("x", 0),
            ("y", 1),
            ("z", 3),
            ("w", 4),
            ("xy", 10),
            ("xyz", 2),
            ("zx", 11),
            ("yz", 12),
            ("xyzx", 13),
            ("zw", 5),
            ("wx", 14),
        ] {
            r.insert(t.as_bytes(), rank);
        }
        r
    }

    #[test]
    fn all_three_merges_agree_when_ranks_do_not_grow_with_length() {
        let ranks = non_monotone();
        assert_merges_agree(&ranks, b"xyzw", 3000, 60, 9);
        // xyzxy: xy(10) at 0 and 3; leftmost merges first, then xyz (2) beats the other xy.
        assert_eq!(
            count_by_scan(&ranks, b"xyzxy"),
            count_by_levels(&ranks, b"xyzxy")
        );
    }

    #[test]
    fn lowest_rank_first_then_leftmost() {
        let ranks = toy();
        // "abc": ab (3) beats bc (4), then ab+c = abc (5): one token.
        assert_eq!(count_piece(&ranks, b"abcabc"), 2);
        // "aaaa": aa (6) at 0, then aa at 2; "aaaa" is not a token, aa+aa not a token → 2.
        assert_eq!(count_piece(&ranks, b"aaaa"), 2);
        assert_eq!(count_piece(&ranks, b"x"), 1);
        assert_eq!(count_piece(&ranks, b""), 0);
    }
}
