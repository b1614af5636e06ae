import Glibc

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
        guard let jwt = withContiguousBytes(text, { CompactJWT(buffer: $0) }) else { return nil }
        self = jwt
    }

    /// Read in place: the segments are found and decoded straight from the body's bytes.
    private init?(buffer bytes: UnsafeBufferPointer<UInt8>) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var start = 0, end = bytes.count
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        while start < end, isSpace(bytes[start]) { start += 1 }
        guard let first = Self.dot(in: bytes, from: start, to: end),
              let second = Self.dot(in: bytes, from: first + 1, to: end),
              Self.dot(in: bytes, from: second + 1, to: end) == nil,
              first > start, second > first + 1,
              let header = Base64.decode(UnsafeBufferPointer(rebasing: bytes[start..<first]), alphabet: .url),
              let payload = Base64.decode(UnsafeBufferPointer(rebasing: bytes[(first + 1)..<second]), alphabet: .url),
              let signature = Base64.decode(UnsafeBufferPointer(rebasing: bytes[(second + 1)..<end]), alphabet: .url)
        else { return nil }
        self.header = header
        self.payload = payload
        self.signature = signature
        self.signingInput = Array(bytes[start..<second])
    }

    /// The position of the first `.` in `bytes[from..<to]` (memchr: a JWT body is kilobytes).
    private static func dot(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress,
              let found = memchr(base + from, Int32(UInt8(ascii: ".")), to - from) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
