//! The clock shared by the upstream and the load generator: `CLOCK_MONOTONIC`, which every
//! process on one Linux host reads on the same timeline (clock_gettime(2)), so a stamp
//! written by the upstream can be subtracted from an arrival time read by the client.

use rustix::time::{clock_gettime, ClockId};

/// Nanoseconds of `CLOCK_MONOTONIC`.
pub fn monotonic_ns() -> u64 {
    let t = clock_gettime(ClockId::Monotonic);
    (t.tv_sec as u64)
        .saturating_mul(1_000_000_000)
        .saturating_add(t.tv_nsec as u64)
}
