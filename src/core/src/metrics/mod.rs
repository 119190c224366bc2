//! Metrics: what is exported and how series are named. [`catalogue`] defines every metric
//! (name, kind, buckets, label keys) and the Istio-style stat-name encoding; [`labels`]
//! holds a stream's label values in a fixed order; [`registry`] caches metric ids per
//! series and bounds the label values that come from traffic.

pub mod catalogue;
pub mod labels;
pub mod registry;
