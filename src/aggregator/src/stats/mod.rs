//! Statistics for the aggregator: distribution drift between two windows of histogram
//! buckets (PSI, KL, Jensen–Shannon, with a sample-size-aware verdict) and spike detection
//! on rates (3σ, exact binomial and Poisson tails, CUSUM). Pure functions, no I/O; every
//! formula cites its source, and the tests check them against independently computed values.

pub mod buckets;
pub mod divergence;
pub mod drift;
pub mod embedding_drift;
pub mod spike;
