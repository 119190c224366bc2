//! Errors of the mock server. Each message says what went wrong and what to do.

use std::net::SocketAddr;

/// Why the mock could not start serving.
#[derive(Debug, thiserror::Error)]
pub enum MockError {
    #[error("listen address {0} is already in use (another Envoy or server?); pick another with --listen")]
    AddressInUse(SocketAddr),

    #[error("cannot bind the listen address {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_address_and_the_flag() {
        let addr: SocketAddr = "127.0.0.1:8000".parse().unwrap();
        assert_eq!(
            MockError::AddressInUse(addr).to_string(),
            "listen address 127.0.0.1:8000 is already in use (another Envoy or server?); pick another with --listen"
        );
    }
}
