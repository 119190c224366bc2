//! Which requests are sampled: a pure function of the request id, so that retries of one
//! request and every replica of the proxy agree.
//!
//! `h = fmix64(fnv1a64(id))` (FNV-1a, 64-bit: offset basis 0xcbf29ce484222325, prime
//! 0x100000001b3, www.isthe.com/chongo/tech/comp/fnv; fmix64 is MurmurHash3's 64-bit
//! finaliser, github.com/aappleby/smhasher `MurmurHash3.cpp`, which spreads the few bits
//! that differ between similar ids over the whole word). A request is sampled when
//! `(h >> 11) · 2⁻⁵³ < rate`, i.e. when the top 53 bits of the hash, read as a fraction in
//! `[0, 1)`, fall below the rate. The tests in tests/integration compute the same function.

/// FNV-1a 64-bit offset basis.
const FNV_OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a 64-bit prime.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `bytes`.
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET_BASIS, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// MurmurHash3's 64-bit finaliser (`fmix64`).
pub fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// The hash of a request id, as a fraction in `[0, 1)` (53 bits: exact in an `f64`).
pub fn unit_interval(id: &[u8]) -> f64 {
    fraction(fmix64(fnv1a64(id)))
}

/// The top 53 bits of `hash` as a fraction in `[0, 1)`.
pub fn fraction(hash: u64) -> f64 {
    /// 2⁻⁵³.
    const TWO_POW_MINUS_53: f64 = 1.0 / 9_007_199_254_740_992.0;
    (hash >> 11) as f64 * TWO_POW_MINUS_53
}

/// Whether the request with this id is sampled at `rate` (0: never, 1: always).
pub fn sampled(id: &[u8], rate: f64) -> bool {
    unit_interval(id) < rate
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        // www.isthe.com/chongo/src/fnv/test_fnv.c: FNV-1a 64 of "", "a", "foobar".
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn the_decision_is_stable_and_matches_the_documented_formula() {
        // Values computed once with the Python function in tests/integration/prompt_sampling.py.
        let id = b"3f1c2a9e-6a4b-4c53-9a55-0d9f0cf1b8a2";
        assert_eq!(fmix64(fnv1a64(id)), 0x9820996ff86c523d);
        assert_eq!(unit_interval(id), 0.5942474268307916);
        assert_eq!(unit_interval(b"req-0"), 0.06461446389127734);
        assert!(!sampled(id, 0.5942474268307916));
        assert!(sampled(id, 0.5942474268307917));
        assert!(sampled(b"req-0", 0.07) && !sampled(b"req-0", 0.06));
    }

    #[test]
    fn rate_zero_never_and_rate_one_always() {
        for i in 0..1000 {
            let id = format!("req-{i}");
            assert!(!sampled(id.as_bytes(), 0.0));
            assert!(sampled(id.as_bytes(), 1.0));
        }
        assert!(fraction(u64::MAX) < 1.0);
        assert_eq!(fraction(0), 0.0);
    }

    #[test]
    fn sequential_ids_are_sampled_near_the_rate() {
        // 20 000 ids differing in their last characters; at 5 % the count is binomial
        // (n = 20 000, p = 0.05): mean 1 000, sd 30.8; ±5 sd is 846..=1154.
        let n = (0..20_000)
            .filter(|i| sampled(format!("req-{i:08}").as_bytes(), 0.05))
            .count();
        assert!((846..=1154).contains(&n), "{n}");
    }
}
