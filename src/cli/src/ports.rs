//! Port checks before Envoy starts: Envoy's listeners use SO_REUSEPORT, so a second Envoy on
//! the same port would start "successfully" and share the traffic. Binding a plain socket
//! first (and releasing it) turns that into a clear error.

use crate::error::Error;
use std::net::{SocketAddr, TcpListener};

/// Fails when `addr` cannot be bound now; `role` (`listen`, `admin`) names it in the error.
pub fn ensure_free(addr: SocketAddr, role: &'static str) -> Result<(), Error> {
    match TcpListener::bind(addr) {
        Ok(listener) => {
            drop(listener);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            Err(Error::AddressInUse { role, addr })
        }
        Err(source) => Err(Error::Bind { role, addr, source }),
    }
}

/// A loopback port that is free right now (the OS picks it; it is released before return).
pub fn free_loopback_port(role: &'static str) -> Result<SocketAddr, Error> {
    let any: SocketAddr = SocketAddr::from(([127, 0, 0, 1], 0));
    let listener = TcpListener::bind(any).map_err(|source| Error::Bind {
        role,
        addr: any,
        source,
    })?;
    listener.local_addr().map_err(|source| Error::Bind {
        role,
        addr: any,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_port_is_reported_by_role() {
        let held = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = held.local_addr().unwrap();
        let err = ensure_free(addr, "listen").unwrap_err();
        assert!(matches!(err, Error::AddressInUse { role: "listen", .. }));
        drop(held);
        ensure_free(addr, "listen").unwrap();
    }

    #[test]
    fn free_port_is_bindable() {
        let addr = free_loopback_port("admin").unwrap();
        assert_ne!(addr.port(), 0);
        ensure_free(addr, "admin").unwrap();
    }
}
