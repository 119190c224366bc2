//! Byte-pair merging of one piece, counting the tokens it becomes.
//!
//! The rule is `tiktoken`'s `_byte_pair_merge` (openai/tiktoken `src/lib.rs`): start from single
//! bytes; repeatedly merge the adjacent pair whose concatenation has the lowest rank, the
//! leftmost on ties; stop when no adjacent pair is in the vocabulary. `tiktoken` rescans all
//! pairs after each merge, O(n²) in the piece length, which is quadratic on long unsplittable
//! text (50 KB of letters is one piece). Short pieces use that rescan on a stack array (the
//! common case, no allocation); long pieces use a binary heap of (rank, position) with lazy
//! invalidation, O(n log n), which merges in exactly the same order because the heap's
//! minimum is the scan's minimum (lowest rank, then leftmost position).
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
    if piece.len() <= 1 || ranks.contains_key(piece) {
        return usize::from(!piece.is_empty());
    }
    if piece.len() <= SCAN_MAX {
        count_by_scan(ranks, piece)
    } else {
        count_by_heap(ranks, piece)
    }
}

/// Rank of `piece[a..b]`, or `u32::MAX` when it is not a token.
fn rank(ranks: &Ranks, piece: &[u8], a: usize, b: usize) -> u32 {
    piece
        .get(a..b)
        .and_then(|bytes| ranks.get(bytes))
        .copied()
        .unwrap_or(u32::MAX)
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
        part.1 = rank(ranks, piece, i, i + 2);
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

/// The same merges with a heap: O(n log n) for long pieces. Heap keys pack
/// `rank << 32 | start` into one `u64` (lowest rank, then leftmost); an entry is current
/// when `pair_rank[start]` still holds its rank (every change of a pair rewrites it).
fn count_by_heap(ranks: &Ranks, piece: &[u8]) -> usize {
    let n = piece.len();
    if n >= u32::MAX as usize {
        return n; // beyond any cap the filter uses; never merged
    }
    const NONE: u32 = u32::MAX;
    // Doubly linked list of parts by start offset (`n` is the end sentinel).
    let mut next: Vec<u32> = (1..=n as u32).collect();
    let mut prev: Vec<u32> = (0..n as u32).map(|i| i.wrapping_sub(1)).collect();
    // Rank of the pair starting at each part (NONE: not a token or not a part).
    let mut pair_rank: Vec<u32> = vec![NONE; n];
    let mut heap = BinaryHeap::with_capacity(n);
    for (i, slot) in pair_rank.iter_mut().enumerate().take(n - 1) {
        let r = rank(ranks, piece, i, i + 2);
        *slot = r;
        if r != NONE {
            heap.push(Reverse(u64::from(r) << 32 | i as u64));
        }
    }
    let mut parts = n;
    let pair_of = |next: &[u32], i: u32| -> u32 {
        let j = next[i as usize];
        if j as usize >= n {
            return NONE;
        }
        let end = next[j as usize];
        rank(ranks, piece, i as usize, end as usize)
    };
    while let Some(Reverse(key)) = heap.pop() {
        let (r, i) = ((key >> 32) as u32, key as u32);
        if pair_rank[i as usize] != r {
            continue; // stale
        }
        // Merge part i with its successor j.
        let j = next[i as usize];
        let after = next[j as usize];
        next[i as usize] = after;
        if (after as usize) < n {
            prev[after as usize] = i;
        }
        pair_rank[j as usize] = NONE;
        parts -= 1;
        let r = pair_of(&next, i);
        pair_rank[i as usize] = r;
        if r != NONE {
            heap.push(Reverse(u64::from(r) << 32 | u64::from(i)));
        }
        let p = prev[i as usize];
        if p != NONE {
            let r = pair_of(&next, p);
            pair_rank[p as usize] = r;
            if r != NONE {
                heap.push(Reverse(u64::from(r) << 32 | u64::from(p)));
            }
        }
    }
    parts
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
            r.insert(t.as_bytes().into(), i as u32);
        }
        r
    }

    #[test]
    fn scan_and_heap_merge_identically() {
        let ranks = toy();
        let mut rng = crate::testing::Rng::new(7);
        for _ in 0..2000 {
            let len = 2 + rng.below(40) as usize;
            let piece: Vec<u8> = (0..len).map(|_| b"abcx"[rng.below(4) as usize]).collect();
            assert_eq!(
                count_by_scan(&ranks, &piece),
                count_by_heap(&ranks, &piece),
                "{}",
                String::from_utf8_lossy(&piece)
            );
        }
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
