/// A parsed `Content-Type` value (RFC 9110 §8.3.1): `type "/" subtype *( OWS ";" OWS parameter )`,
/// matched case-insensitively.
///
/// ```swift
/// let type = MediaType("Multipart/Form-Data; boundary=\"xyz\"")
/// type?.essence                    // "multipart/form-data"
/// type?.parameter("boundary")     // "xyz"
/// ```
struct MediaType {
    /// `type/subtype`, lowercased.
    var essence: String
    /// Parameters in order, names lowercased.
    var parameters: [(name: String, value: String)]

    /// nil when the value does not start with `token "/" token`.
    init?(_ header: String) {
        var header = header
        let parsed: (String, [(name: String, value: String)])? = header.withUTF8 { bytes in
            guard let (essence, end) = Self.scanEssence(bytes) else { return nil }
            return (HeaderParameters.lowercased(UnsafeBufferPointer(rebasing: bytes[essence])),
                    HeaderParameters.parse(bytes, from: end))
        }
        guard let parsed else { return nil }
        (essence, parameters) = parsed
    }

    /// Finds `token "/" token` at the start (after spaces): the essence's byte range, and where
    /// the parameters begin. nil when the value is not a media type.
    private static func scanEssence(_ bytes: UnsafeBufferPointer<UInt8>) -> (Range<Int>, Int)? {
        var i = 0
        HeaderParameters.skipSpaces(bytes, &i)
        let start = i
        while i < bytes.count, HeaderParameters.isTokenByte(bytes[i]) { i += 1 }
        guard i > start, i < bytes.count, bytes[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        let subtypeStart = i
        while i < bytes.count, HeaderParameters.isTokenByte(bytes[i]) { i += 1 }
        guard i > subtypeStart else { return nil }
        let essence = start..<i
        HeaderParameters.skipSpaces(bytes, &i)
        // A ',' would start a second value (duplicate headers joined); only the first counts.
        guard i == bytes.count || bytes[i] == UInt8(ascii: ";") || bytes[i] == UInt8(ascii: ",") else { return nil }
        return (essence, i)
    }

    /// The media types most deliveries carry, told straight from the header's bytes.
    enum Common { case json, form, text }

    /// `json` (`application/json`, `text/json`, `*/*+json`), `form` or `text` (`text/plain`) when `header`
    /// is a valid media type of those, read without building a `MediaType`; nil for anything
    /// else (multipart, other types, malformed), which takes the full path.
    static func common(_ header: String) -> Common? {
        ASCII.withUTF8(of: header) { bytes -> Common? in
            guard let (range, _) = scanEssence(bytes) else { return nil }
            let essence = UnsafeBufferPointer(rebasing: bytes[range])
            if ASCII.equals(essence, "application/json") || ASCII.equals(essence, "text/json") { return .json }
            if essence.count >= 5, ASCII.equals(UnsafeBufferPointer(rebasing: essence[(essence.count - 5)...]), "+json") {
                return .json
            }
            if ASCII.equals(essence, "application/x-www-form-urlencoded") { return .form }
            if ASCII.equals(essence, "text/plain") { return .text }
            return nil
        }
    }

    /// The first parameter called `name` (lowercase).
    func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// `application/json`, the older `text/json`, or any structured `+json` type (RFC 6839 §3.1).
    var isJSON: Bool {
        essence == "application/json" || essence == "text/json" || essence.utf8.last == UInt8(ascii: "n") && essence.hasSuffix("+json")
    }

    /// A header value made safe to put in a message: printable ASCII only, at most `limit` bytes.
    static func sanitized(_ header: String, limit: Int = 100) -> String {
        var bytes: [UInt8] = []
        for byte in header.utf8 {
            if bytes.count == limit {
                bytes.append(contentsOf: "...".utf8)
                break
            }
            bytes.append(byte >= 0x20 && byte < 0x7F ? byte : UInt8(ascii: "?"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
