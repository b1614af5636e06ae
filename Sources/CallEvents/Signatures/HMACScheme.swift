/// `hmac-sha1`, `hmac-sha256` and `hmac-sha512` (vendors.md, "Signatures"): the `signed`
/// template with `{body}` and `{header:NAME}` substituted, HMAC'd with each secret in turn,
/// compared in constant time with the header's value after `prefix`, in `hex` or `base64`.
///
/// ```swift
/// // Zoom: x-zm-signature: v0=<hex HMAC-SHA256 of "v0:{ts}:{body}">
/// let zoom = HMACScheme(hash: .sha256, signed: "v0:{header:x-zm-request-timestamp}:{body}",
///                       header: "x-zm-signature", prefix: "v0=", encoding: .hex,
///                       timestampHeader: "x-zm-request-timestamp", toleranceSeconds: 300,
///                       secrets: [Array("secret".utf8)])
/// zoom.check(body: body, header: { headers[$0] }, now: 1_700_000_000)
/// ```
public struct HMACScheme: Sendable {
    public enum Hash: String, Sendable { case sha1 = "hmac-sha1", sha256 = "hmac-sha256", sha512 = "hmac-sha512" }
    public enum Encoding: String, Sendable { case hex, base64 }

    /// A piece of the `signed` template.
    enum Piece: Sendable, Equatable {
        case literal([UInt8])
        case header(String)
        case body
    }

    public let hash: Hash
    public let header: String
    public let prefix: String
    public let encoding: Encoding
    public let timestampHeader: String?
    public let toleranceSeconds: Int
    /// Keyed once here, not per request: each check then hashes only the message.
    public let secrets: [[UInt8]]
    let pieces: [Piece]
    private let keyed: Keyed
    /// Worked out once: header names as looked up, the prefix as bytes.
    private let headerKey: String
    private let timestampKey: String?
    private let prefixBytes: [UInt8]

    /// One prepared HMAC per secret, for the scheme's hash.
    private enum Keyed: Sendable {
        case sha1([HMAC<SHA1>]), sha256([HMAC<SHA256>]), sha512([HMAC<SHA512>])
    }

    /// nil when `signed` has an unclosed `{` or a placeholder other than `{body}` and
    /// `{header:NAME}` (`check-config` reports it).
    public init?(hash: Hash, signed: String = "{body}", header: String, prefix: String = "",
                 encoding: Encoding = .hex, timestampHeader: String? = nil, toleranceSeconds: Int = 300,
                 secrets: [[UInt8]]) {
        guard let pieces = HMACScheme.parse(template: signed) else { return nil }
        self.hash = hash; self.header = header; self.prefix = prefix; self.encoding = encoding
        self.timestampHeader = timestampHeader; self.toleranceSeconds = toleranceSeconds
        self.secrets = secrets; self.pieces = pieces
        headerKey = header.lowercased()
        timestampKey = timestampHeader?.lowercased()
        prefixBytes = Array(prefix.utf8)
        switch hash {
        case .sha1: keyed = .sha1(secrets.map { HMAC<SHA1>(key: $0) })
        case .sha256: keyed = .sha256(secrets.map { HMAC<SHA256>(key: $0) })
        case .sha512: keyed = .sha512(secrets.map { HMAC<SHA512>(key: $0) })
        }
    }

    static func parse(template: String) -> [Piece]? {
        var pieces: [Piece] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { pieces.append(.literal(Array(rest[..<open].utf8))) }
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let name = rest[rest.index(after: open)..<close]
            if name == "body" {
                pieces.append(.body)
            } else if name.hasPrefix("header:"), name.count > 7 {
                pieces.append(.header(String(name.dropFirst(7)).lowercased()))
            } else {
                return nil
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.literal(Array(rest.utf8))) }
        return pieces
    }

    /// `header` looks a request header up by its lower-case name; `now` is Unix seconds.
    /// Every secret is tried, so the time taken does not say which one (or whether one) matched.
    public func check(body: [UInt8], header lookup: (String) -> [UInt8]?, now: Int) -> SignatureCheck {
        guard let presented = lookup(headerKey), !presented.isEmpty else { return .refused(.missing) }
        if let timestampKey {
            guard let stamp = lookup(timestampKey), !stamp.isEmpty else { return .refused(.missing) }
            guard let seconds = Int(String(decoding: stamp, as: UTF8.self)) else { return .refused(.bad) }
            if toleranceSeconds > 0, abs(now - seconds) > toleranceSeconds { return .refused(.stale) }
        }
        guard presented.count >= prefixBytes.count, presented[..<prefixBytes.count].elementsEqual(prefixBytes) else {
            return .refused(.bad)
        }
        let encoded = presented[prefixBytes.count...]
        guard let signature = encoding == .hex ? Hex.decode(encoded) : Base64.decode(encoded) else { return .refused(.bad) }
        // `{body}` alone (most senders) is hashed in place; a template is put together first.
        let message = pieces == [.body] ? body : assemble(body: body, header: lookup)
        var matched = false
        switch keyed {
        case .sha1(let macs): for mac in macs { matched = ConstantTime.equals(mac.authenticationCode(for: message), signature) || matched }
        case .sha256(let macs): for mac in macs { matched = ConstantTime.equals(mac.authenticationCode(for: message), signature) || matched }
        case .sha512(let macs): for mac in macs { matched = ConstantTime.equals(mac.authenticationCode(for: message), signature) || matched }
        }
        return matched ? .accepted : .refused(.bad)
    }

    private func assemble(body: [UInt8], header lookup: (String) -> [UInt8]?) -> [UInt8] {
        var message: [UInt8] = []
        message.reserveCapacity(body.count + 64)
        for piece in pieces {
            switch piece {
            case .literal(let bytes): message += bytes
            case .body: message += body
            case .header(let name): message += lookup(name) ?? []
            }
        }
        return message
    }
}
