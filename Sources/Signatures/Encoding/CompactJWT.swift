/// A JSON Web Token in compact serialization (RFC 7519 §3, RFC 7515 §7.1):
/// `base64url(header) "." base64url(payload) "." base64url(signature)`, split and decoded but
/// not verified. Dialpad sends its event as such a body; Vonage signs in `Authorization`.
///
/// ```swift
/// guard let jwt = CompactJWT(body) else { return reject("not a JWT") }
/// JSONParser.parse(jwt.payload)          // the claims: what the decoders read
/// jwt.signingInput                       // `header.payload`, the bytes HS256 signs
/// ```
public struct CompactJWT: Sendable, Equatable {
    /// The decoded JOSE header (JSON text).
    public var header: [UInt8]
    /// The decoded payload (JSON text, the claims).
    public var payload: [UInt8]
    /// The decoded signature bytes.
    public var signature: [UInt8]
    /// The first two segments as sent, with the dot between them.
    public var signingInput: [UInt8]

    /// nil unless `text` (white space around it ignored) is exactly three base64url segments
    /// separated by dots, each of which decodes.
    public init?(_ text: some Collection<UInt8>) {
        self.init(bytes: withContiguousBytes(text) { Array($0) })
    }

    private init?(bytes: [UInt8]) {
        var bytes = bytes
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
        let token = bytes[start...]
        // The two dots, found with a plain scan (`split` costs more than the base64 decoding).
        guard let first = token.firstIndex(of: UInt8(ascii: ".")),
              let second = token[(first + 1)...].firstIndex(of: UInt8(ascii: ".")),
              token[(second + 1)...].firstIndex(of: UInt8(ascii: ".")) == nil,
              first > token.startIndex, second > first + 1,
              let header = Base64.decode(token[..<first], alphabet: .url),
              let payload = Base64.decode(token[(first + 1)..<second], alphabet: .url),
              let signature = Base64.decode(token[(second + 1)...], alphabet: .url) else { return nil }
        self.header = header
        self.payload = payload
        self.signature = signature
        self.signingInput = Array(token[..<second])
    }
}
