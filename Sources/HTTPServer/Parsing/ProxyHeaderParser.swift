#if canImport(Glibc)
import Glibc
#endif

/// Reads the PROXY protocol header at the start of a connection, bytes only (no socket):
/// HAProxy's proxy-protocol.txt, version 1 (§2.1, text) and version 2 (§2.2, binary).
///
/// Fed everything received so far, it answers as soon as it can: `.needMoreData`, the header
/// with its length (the HTTP request starts after it), or `.invalid` the moment the bytes
/// cannot become a header, so a client that speaks HTTP straight away is refused at its
/// first bytes rather than at a deadline.
///
/// ```swift
/// let parser = ProxyHeaderParser(accepting: .any)
/// switch parser.parse(received) {
/// case .needMoreData: break                              // read more, under the head deadline
/// case .header(let header, let length): received.removeFirst(length); use(header)
/// case .invalid(let reason): close()                     // no HTTP answer: the peer is a proxy
/// }
/// ```
public struct ProxyHeaderParser: Sendable {
    public enum Result: Sendable, Equatable {
        case needMoreData
        case header(ProxyHeader, length: Int)
        case invalid(String)
    }

    /// §2.1: a v1 line is at most 107 bytes, CRLF included.
    public static let maxV1Length = 107
    /// §2.2: 16 fixed bytes, then up to 65535; we take TLVs up to this total, far more than
    /// any proxy sends (HAProxy's own receive buffer for it is smaller still).
    public static let maxV2Length = 4_096
    /// §2.2: the 12-byte v2 signature.
    public static let v2Signature: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A]
    static let v1Prefix = Array("PROXY ".utf8)

    public let mode: ProxyProtocolMode

    public init(accepting mode: ProxyProtocolMode) {
        self.mode = mode
    }

    public func parse(_ bytes: some Collection<UInt8>) -> Result {
        let bytes = Array(bytes)
        let v1 = mode == .v1 || mode == .any
        let v2 = mode == .v2 || mode == .any
        if v2, Self.isPrefix(bytes, of: Self.v2Signature) {
            return bytes.count < Self.v2Signature.count ? .needMoreData : parseV2(bytes)
        }
        if v1, Self.isPrefix(bytes, of: Self.v1Prefix) {
            return bytes.count < Self.v1Prefix.count ? .needMoreData : parseV1(bytes)
        }
        if bytes.isEmpty { return .needMoreData }
        return .invalid("no PROXY protocol \(mode == .any ? "" : mode.rawValue + " ")header")
    }

    /// True when `bytes` and `expected` agree on their common length.
    private static func isPrefix(_ bytes: [UInt8], of expected: [UInt8]) -> Bool {
        zip(bytes, expected).allSatisfy { $0 == $1 }
    }

    // MARK: - Version 1 (§2.1)

    private func parseV1(_ bytes: [UInt8]) -> Result {
        let window = bytes.prefix(Self.maxV1Length)
        let cr = window.firstIndex(of: 0x0D)
        // §2.1: a bare LF is not an end. Checked before the CR, so the answer is the same
        // whether the CR has arrived yet or not.
        if window[..<(cr ?? window.endIndex)].contains(0x0A) { return .invalid("v1: line not ended by CRLF") }
        guard let cr else {
            // §2.1: a receiver refuses a line not ended within 107 bytes.
            return window.count >= Self.maxV1Length ? .invalid("v1: longer than 107 bytes") : .needMoreData
        }
        guard cr + 1 < bytes.count else { return cr + 1 < Self.maxV1Length ? .needMoreData : .invalid("v1: longer than 107 bytes") }
        guard bytes[cr + 1] == 0x0A else { return .invalid("v1: CR not followed by LF") }
        guard cr + 2 <= Self.maxV1Length else { return .invalid("v1: longer than 107 bytes") }
        let line = bytes[Self.v1Prefix.count..<cr]
        guard line.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return .invalid("v1: control byte in the line") }
        // §2.1: fields are separated by exactly one space.
        let fields = line.split(separator: 0x20, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let length = cr + 2
        switch fields.first {
        case "UNKNOWN":
            // §2.1: whatever follows UNKNOWN is ignored; the socket's addresses stand.
            return .header(ProxyHeader(version: 1, source: nil, destination: nil), length: length)
        case "TCP4", "TCP6":
            guard fields.count == 5 else { return .invalid("v1: \(fields[0]) needs 4 fields after it") }
            let family = fields[0] == "TCP4" ? AF_INET : AF_INET6
            guard let source = Self.address(fields[1], family: family),
                  let destination = Self.address(fields[2], family: family) else {
                return .invalid("v1: address is not \(fields[0] == "TCP4" ? "IPv4" : "IPv6")")
            }
            guard let sourcePort = Self.port(fields[3]), let destinationPort = Self.port(fields[4]) else {
                return .invalid("v1: port is not 0 to 65535")
            }
            return .header(ProxyHeader(version: 1, source: .init(address: source, port: sourcePort),
                                       destination: .init(address: destination, port: destinationPort)),
                           length: length)
        default:
            return .invalid("v1: protocol is not TCP4, TCP6 or UNKNOWN")
        }
    }

    /// An address literal of `family`, as canonical text; nil when it is not one.
    private static func address(_ text: String, family: Int32) -> String? {
        if family == AF_INET {
            var v4 = in_addr()
            guard inet_pton(AF_INET, text, &v4) == 1 else { return nil }
            return format(v4: v4)
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        return format(v6: v6)
    }

    /// §2.1: a decimal number 0 to 65535; leading zeros are refused, as HAProxy's own parser does not send them.
    private static func port(_ text: String) -> Int? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.count <= 5, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              utf8.count == 1 || utf8[0] != 0x30, let value = Int(text), value <= 65_535 else { return nil }
        return value
    }

    // MARK: - Version 2 (§2.2)

    private func parseV2(_ bytes: [UInt8]) -> Result {
        guard bytes.count >= 16 else {
            // Refuse a wrong version or command as soon as its byte is in.
            if bytes.count > 12, let problem = Self.v2CommandProblem(bytes[12]) { return .invalid(problem) }
            return .needMoreData
        }
        if let problem = Self.v2CommandProblem(bytes[12]) { return .invalid(problem) }
        let command = bytes[12] & 0x0F
        let family = bytes[13] >> 4
        let transport = bytes[13] & 0x0F
        let declared = Int(bytes[14]) << 8 | Int(bytes[15])
        let length = 16 + declared
        guard length <= Self.maxV2Length else { return .invalid("v2: header of \(length) bytes is over \(Self.maxV2Length)") }
        guard family <= 3, transport <= 2 else { return .invalid("v2: unknown address family or transport") }
        // §2.2: the address block's size for each family; the length must cover it.
        let block = [0, 12, 36, 216][Int(family)]
        guard declared >= block else { return .invalid("v2: length \(declared) shorter than its addresses") }
        guard bytes.count >= length else { return .needMoreData }
        // §2.2: LOCAL is the proxy's own connection (a health check): its addresses are ignored.
        guard command == 0x1 else { return .header(ProxyHeader(version: 2, source: nil, destination: nil), length: length) }
        // TLVs after the address block (§2.2.1 onwards) are skipped: none changes the client address.
        let a = 16
        switch family {
        case 0x1 where transport == 0x1:
            let source = Self.format(v4: Self.v4(bytes, at: a))
            let destination = Self.format(v4: Self.v4(bytes, at: a + 4))
            return .header(ProxyHeader(version: 2, source: .init(address: source, port: Self.port(bytes, at: a + 8)),
                                       destination: .init(address: destination, port: Self.port(bytes, at: a + 10))),
                           length: length)
        case 0x2 where transport == 0x1:
            let source = Self.format(v6: Self.v6(bytes, at: a))
            let destination = Self.format(v6: Self.v6(bytes, at: a + 16))
            return .header(ProxyHeader(version: 2, source: .init(address: source, port: Self.port(bytes, at: a + 32)),
                                       destination: .init(address: destination, port: Self.port(bytes, at: a + 34))),
                           length: length)
        default:
            // §2.2: UNSPEC, UNIX or a datagram transport: accept, and keep the socket's addresses.
            return .header(ProxyHeader(version: 2, source: nil, destination: nil), length: length)
        }
    }

    /// §2.2: the 13th byte is version 2 in its high nibble, LOCAL (0) or PROXY (1) in its low one.
    private static func v2CommandProblem(_ byte: UInt8) -> String? {
        guard byte >> 4 == 0x2 else { return "v2: version \(byte >> 4) is not 2" }
        guard byte & 0x0F <= 0x1 else { return "v2: command \(byte & 0x0F) is neither LOCAL nor PROXY" }
        return nil
    }

    private static func v4(_ bytes: [UInt8], at offset: Int) -> in_addr {
        var address = in_addr()
        withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes[offset..<offset + 4]) }
        return address
    }

    private static func v6(_ bytes: [UInt8], at offset: Int) -> in6_addr {
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes[offset..<offset + 16]) }
        return address
    }

    private static func port(_ bytes: [UInt8], at offset: Int) -> Int {
        Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
    }

    private static func format(v4: in_addr) -> String {
        var address = v4
        var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is shown as IPv4, as socket peers are.
    private static func format(v6: in6_addr) -> String {
        var address = v6
        let raw = withUnsafeBytes(of: &address) { Array($0) }
        if raw[0..<10].allSatisfy({ $0 == 0 }), raw[10] == 0xFF, raw[11] == 0xFF {
            return format(v4: v4(raw, at: 12))
        }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
