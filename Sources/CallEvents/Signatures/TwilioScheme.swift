/// `twilio` (vendors.md, "Signatures"): `X-Twilio-Signature` is the base64 HMAC-SHA1 (or
/// HMAC-SHA256 when `X-Twilio-Webhooks-Signature-Settings` names it) of the public URL followed
/// by every form field's name and value, sorted by name and a repeated name's values sorted
/// too and signed once. A JSON body signs the URL only, and its `bodySHA256` query parameter must be the hex
/// SHA-256 of the body.
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
        var matched = false
        if settings.contains("sha256") {
            for mac in sha256 { matched = ConstantTime.equals(mac.authenticationCode(for: message), signature) || matched }
        } else {
            for mac in sha1 { matched = ConstantTime.equals(mac.authenticationCode(for: message), signature) || matched }
        }
        return matched ? .accepted : .refused(.bad)
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
