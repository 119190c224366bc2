//! Helpers shared by the unit tests of the request handlers.

use hyper::header::{HeaderMap, HeaderName, HeaderValue};

/// A header map of `(name, value)` pairs, names in lower case.
pub(crate) fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (k, v) in pairs {
        h.insert(
            HeaderName::from_static(k),
            HeaderValue::from_str(v).unwrap(),
        );
    }
    h
}
