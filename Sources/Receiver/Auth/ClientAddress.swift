import HTTPServer

/// The client's address (Documentation.docc/Receiver.md, "Authentication"): the socket peer, unless
/// the peer is a trusted proxy; then the right-most `X-Forwarded-For` address that is not a trusted
/// proxy, or `X-Real-IP` when no `X-Forwarded-For` is sent.
///
/// Rules where headers are odd:
/// - Several `X-Forwarded-For` lines are one list, in order (RFC 9110 §5.3); empty list
///   elements are skipped (RFC 9110 §5.6.1).
/// - Every address in the list is a trusted proxy: the left-most one is the client.
/// - An entry that is not an address ends the walk: nothing left of it is vouched for by a
///   trusted proxy. The client is then the last address walked (a trusted proxy's own client,
///   as that proxy recorded it), or the peer when the bad entry is the right-most.
/// - Entries may carry a port or brackets as some proxies write them: `203.0.113.7:5100`,
///   `[2001:db8::7]`, `[2001:db8::7]:443`.
/// - An `X-Real-IP` that is not an address is ignored (the peer is used).
///
/// ```swift
/// let client = ClientAddress.resolve(peer: IPAddress("127.0.0.1")!, headers: head.headers,
///                                    trustedProxies: configuration.trustedProxies)
/// ```
enum ClientAddress {
    /// The client address for a request whose socket peer is `peer`.
    static func resolve(peer: IPAddress, headers: HTTPHeaders, trustedProxies: [CIDR]) -> IPAddress {
        guard trustedProxies.containsAddress(peer) else { return peer }
        var walked: IPAddress?
        for field in headers.fields.reversed() where asciiEqualsIgnoringCase(field.name, "X-Forwarded-For") {
            let value = field.value
            var end = value.endIndex
            while true {
                let comma = value[..<end].lastIndex(of: ",")
                let start = comma.map { value.index(after: $0) } ?? value.startIndex
                let entry = trimmed(value[start..<end])
                if !entry.isEmpty {
                    guard let address = forwardedAddress(entry) else { return walked ?? peer }
                    if !trustedProxies.containsAddress(address) { return address }
                    walked = address
                }
                guard let comma else { break }
                end = comma
            }
        }
        if let walked { return walked }
        if let realIP = headers["X-Real-IP"], let address = forwardedAddress(trimmed(realIP[...])) {
            return address
        }
        return peer
    }

    /// The same for a peer that may not be an IP address (`ConnectionInfo.peer`); nil then,
    /// which allow-lists refuse.
    static func resolve(optionalPeer peer: IPAddress?, headers: HTTPHeaders, trustedProxies: [CIDR]) -> IPAddress? {
        guard let peer else { return nil }
        return resolve(peer: peer as IPAddress, headers: headers, trustedProxies: trustedProxies)
    }

    /// An address as a proxy writes it: bare, `v4:port`, `[v6]` or `[v6]:port`.
    static func forwardedAddress(_ entry: Substring) -> IPAddress? {
        if entry.hasPrefix("[") {
            guard let close = entry.firstIndex(of: "]") else { return nil }
            let rest = entry[entry.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && isPort(rest.dropFirst())) else { return nil }
            let inner = entry[entry.index(after: entry.startIndex)..<close]
            return inner.contains(":") ? IPAddress(inner) : nil
        }
        if let colon = entry.firstIndex(of: ":"), entry[entry.index(after: colon)...].firstIndex(of: ":") == nil {
            // Exactly one colon: IPv4 with a port (an IPv6 literal has at least two).
            guard isPort(entry[entry.index(after: colon)...]) else { return nil }
            let host = entry[..<colon]
            return host.contains(".") ? IPAddress(host) : nil
        }
        return IPAddress(entry)
    }

    private static func isPort(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.count <= 5 && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Without the optional white space around list elements (RFC 9110 §5.6.3: SP / HTAB).
    private static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.utf8.first, first == 0x20 || first == 0x09 { text = text.dropFirst() }
        while let last = text.utf8.last, last == 0x20 || last == 0x09 { text = text.dropLast() }
        return text
    }
}
