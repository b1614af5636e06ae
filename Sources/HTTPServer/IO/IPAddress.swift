import Glibc

/// An IPv4 or IPv6 address in a compact form: 128 bits, IPv4 held as IPv4-mapped IPv6
/// (`::ffff:a.b.c.d`, RFC 4291 §2.5.5.2). Parse once, then match against ``CIDR``s without
/// touching text again. The server parses a peer's address once per connection
/// (`ConnectionInfo.peer`).
///
/// ```swift
/// let address = IPAddress("203.0.113.9")!
/// address.isIPv4                      // true
/// IPAddress("::ffff:203.0.113.9") == address   // true: the mapped form is the IPv4 address
/// ```
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// The upper 64 bits, in host order.
    public let high: UInt64
    /// The lower 64 bits, in host order.
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// An IPv4 address from its 32 bits (`0x7f000001` is `127.0.0.1`).
    public init(ipv4 bits: UInt32) {
        self.init(high: 0, low: 0xffff_0000_0000 | UInt64(bits))
    }

    /// Parses an address literal with `inet_pton`: dotted-quad IPv4 (no leading zeros) or any
    /// RFC 4291 IPv6 text form. No brackets, ports, prefixes or zone ids; nil for anything else.
    public init?(_ text: some StringProtocol) {
        // Longest IPv6 text: 8 groups of 4 hex digits and 7 colons, or 45 with a dotted tail.
        guard !text.isEmpty, text.utf8.count <= 45 else { return nil }
        let utf8 = text.utf8
        let count = utf8.count
        let parsed: IPAddress? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { cString in
            var isIPv6 = false
            for (i, byte) in utf8.enumerated() {
                // A NUL would end the C string early and let trailing junk through.
                if byte == 0 { return nil }
                cString[i] = CChar(bitPattern: byte)
                if byte == UInt8(ascii: ":") { isIPv6 = true }
            }
            cString[count] = 0
            if isIPv6 {
                var raw = in6_addr()
                guard inet_pton(AF_INET6, cString.baseAddress, &raw) == 1 else { return nil }
                return withUnsafeBytes(of: &raw) { IPAddress(networkOrder: $0) }
            } else {
                var raw = in_addr()
                guard inet_pton(AF_INET, cString.baseAddress, &raw) == 1 else { return nil }
                return IPAddress(ipv4: UInt32(bigEndian: raw.s_addr))
            }
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// 16 bytes in network order (an `in6_addr`).
    public init(networkOrder bytes: UnsafeRawBufferPointer) {
        var high: UInt64 = 0, low: UInt64 = 0
        for i in 0..<8 { high = high << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { low = low << 8 | UInt64(bytes[i]) }
        self.init(high: high, low: low)
    }

    /// True for IPv4 addresses, including ones written in IPv4-mapped IPv6 form.
    public var isIPv4: Bool { high == 0 && low >> 32 == 0xffff }

    /// The 32 bits of an IPv4 address; meaningless unless ``isIPv4``.
    public var ipv4Bits: UInt32 { UInt32(truncatingIfNeeded: low) }

    /// `127.0.0.0/8` (RFC 1122 §3.2.1.3) or `::1` (RFC 4291 §2.5.3).
    public var isLoopback: Bool {
        isIPv4 ? ipv4Bits >> 24 == 127 : (high == 0 && low == 1)
    }

    /// IPv4 as dotted quad; IPv6 in the RFC 5952 form `inet_ntop` writes.
    public var description: String {
        if isIPv4 {
            let b = ipv4Bits
            return "\(b >> 24).\(b >> 16 & 0xff).\(b >> 8 & 0xff).\(b & 0xff)"
        }
        var raw = in6_addr()
        withUnsafeMutableBytes(of: &raw) { bytes in
            for i in 0..<8 { bytes[i] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(i))) }
            for i in 0..<8 { bytes[8 + i] = UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64(i))) }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(INET6_ADDRSTRLEN)) { buffer in
            guard inet_ntop(AF_INET6, &raw, buffer.baseAddress, socklen_t(INET6_ADDRSTRLEN)) != nil else { return "::" }
            return String(cString: buffer.baseAddress!)
        }
    }
}
