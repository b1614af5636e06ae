import HTTPServer

extension Configuration {
    /// Whether a socket peer (as ``HTTPServer`` shows it) is in `trusted_proxies`: the listener
    /// reads a PROXY protocol header only from such a peer.
    ///
    /// ```swift
    /// configuration.trustsPeer("127.0.0.1")   // true with the default trusted_proxies
    /// ```
    var trustsPeer: @Sendable (String) -> Bool {
        let proxies = trustedProxies
        return { peer in IPAddress(peer).map { proxies.containsAddress($0) } ?? false }
    }
}
