/// `twilio` (vendors.md, "Signatures"): `X-Twilio-Signature` is the base64 HMAC-SHA1 (or
/// HMAC-SHA256 when `X-Twilio-Webhooks-Signature-Settings` names it) of the public URL followed
/// by every form field's name and value, sorted by name and a repeated name's values sorted
/// too and signed once. A JSON body signs the URL only, and its `bodySHA256` query parameter must be the hex
/// SHA-256 of the body. The URL is tried with and without its port (the scheme's default when
/// it names none), since Twilio signs the URL as it was configured.
///
/// ```swift
/// let twilio = TwilioScheme(secrets: [Array(authToken.utf8)])
/// twilio.check(url: Array((route.publicURL + "?" + query).utf8), form: fields, body: body,
///              header: { headers[$0] })
/// ```
public struct TwilioScheme: Sendable {
    public let secrets: [[UInt8]]
    /// Keyed once here, for both hashes a delivery may name.
    private let sha1: [HMAC<SHA1>], sha256: [HMAC<SHA256>]

    public init(secrets: [[UInt8]]) {
        self.secrets = secrets
        sha1 = secrets.map { HMAC<SHA1>(key: $0) }
        sha256 = secrets.map { HMAC<SHA256>(key: $0) }
    }

    /// `form` is the decoded fields of a form body in the order sent, or nil for any other
    /// body (which then needs `bodySHA256`).
    public func check(url: [UInt8], form: [(name: [UInt8], value: [UInt8])]?, body: [UInt8],
                      header lookup: (String) -> [UInt8]?) -> SignatureCheck {
        guard let presented = lookup("x-twilio-signature"), !presented.isEmpty else { return .refused(.missing) }
        guard let signature = Base64.decode(presented) else { return .refused(.bad) }
        var message = url
        if let form {
            // Sorted by name, then value, as bytes (Twilio's libraries sort code units).
            let sorted = form.sorted { $0.name == $1.name ? $0.value.lexicographicallyPrecedes($1.value) : $0.name.lexicographicallyPrecedes($1.name) }
            // A value repeated under one name is signed once (Twilio's libraries sort a set).
            var previous: (name: [UInt8], value: [UInt8])? = nil
            for field in sorted where previous.map({ $0.name != field.name || $0.value != field.value }) ?? true {
                message += field.name; message += field.value
                previous = field
            }
        } else {
            guard let declared = TwilioScheme.queryValue(named: "bodySHA256", in: url) else { return .refused(.missing) }
            guard ConstantTime.equals(Array(Hex.encode(SHA256.hash(body)).utf8), declared.map(ASCII.lower)) else {
                return .refused(.bad)
            }
        }
        let settings = lookup("x-twilio-webhooks-signature-settings").map { String(decoding: $0, as: UTF8.self).lowercased() } ?? ""
        let fields = message[url.count...]
        var matched = false
        // Twilio signs the URL as it saw it, which may or may not carry the port: both forms are
        // tried, as its own validators do.
        for variant in TwilioScheme.portVariants(of: url) {
            let signed = variant + fields
            if settings.contains("sha256") {
                for mac in sha256 { matched = ConstantTime.equals(mac.authenticationCode(for: signed), signature) || matched }
            } else {
                for mac in sha1 { matched = ConstantTime.equals(mac.authenticationCode(for: signed), signature) || matched }
            }
        }
        return matched ? .accepted : .refused(.bad)
    }

    /// The URL without its port, and with it (the scheme's default, 443 or 80, when it names
    /// none): twilio-python's `remove_port` and `add_port`. A URL that is not `http(s)://`
    /// is signed only as it is.
    static func portVariants(of url: [UInt8]) -> [[UInt8]] {
        let lowered = url.prefix(8).map(ASCII.lower)
        let defaultPort: [UInt8]
        let authorityStart: Int
        if lowered.starts(with: Array("https://".utf8)) { defaultPort = Array("443".utf8); authorityStart = 8 }
        else if lowered.starts(with: Array("http://".utf8)) { defaultPort = Array("80".utf8); authorityStart = 7 }
        else { return [url] }
        let authorityEnd = url[authorityStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? url.count
        let authority = url[authorityStart..<authorityEnd]
        // The port follows the last `:` after any userinfo and any IPv6 literal's `]`.
        let hostStart = (authority.lastIndex(of: UInt8(ascii: "@")).map { $0 + 1 }) ?? authorityStart
        let afterLiteral = (authority[hostStart...].lastIndex(of: UInt8(ascii: "]")).map { $0 + 1 }) ?? hostStart
        let colon = authority[afterLiteral...].lastIndex(of: UInt8(ascii: ":"))
        let hostEnd = colon ?? authorityEnd
        let port = colon.map { Array(url[($0 + 1)..<authorityEnd]) } ?? []
        let withoutPort = Array(url[..<hostEnd]) + url[authorityEnd...]
        let withPort = Array(url[..<hostEnd]) + [UInt8(ascii: ":")] + (port.isEmpty ? defaultPort : port) + url[authorityEnd...]
        return [withoutPort, withPort]
    }

    /// The raw value of the first query parameter `name` (no percent-decoding: a hex digest
    /// needs none).
    static func queryValue(named name: String, in url: [UInt8]) -> [UInt8]? {
        guard let question = url.firstIndex(of: UInt8(ascii: "?")) else { return nil }
        let wanted = Array(name.utf8)
        for pair in url[(question + 1)...].split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            if Array(parts[0]) == wanted { return parts.count > 1 ? Array(parts[1]) : [] }
        }
        return nil
    }
}
