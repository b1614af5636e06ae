import CallEvents
import HTTPServer

/// Runs a route's compiled ``Configuration/Verification`` on a whole request: the body exactly
/// as received, headers by name, the request's query for Twilio's URL. Knows no status code:
/// `ReceiverApp` answers a refusal with `401` and its reason.
///
/// ```swift
/// if let verification = route.verify,
///    case .refused(let reason) = SignatureVerifier.check(verification, head: head, body: body, now: now) {
///     return respond(Responses.error(401, reason.rawValue))
/// }
/// ```
enum SignatureVerifier {
    static func check(_ verification: Configuration.Verification, head: HTTPRequestHead, body: [UInt8],
                      now: Int) -> SignatureCheck {
        let headers = head.headers
        let lookup: (String) -> [UInt8]? = { name in headers[name].map { Array($0.utf8) } }
        switch verification.check {
        case .hmac(let scheme):
            return scheme.check(body: body, header: lookup, now: now)
        case .twilio(let scheme, let publicURL):
            let base = publicURL ?? "https://" + (headers["Host"] ?? "") + head.path
            let url = base + (head.query.map { "?" + $0 } ?? "")
            return scheme.check(url: Array(url.utf8), form: twilioForm(head: head, body: body), body: body, header: lookup)
        case .jwt(let scheme):
            return scheme.check(body: body, header: lookup, now: now)
        case .ed25519(let scheme):
            return scheme.check(body: body, header: lookup, now: now)
        case .tokenField(let scheme, let field):
            return scheme.check(presented: bodyField(field, head: head, body: body))
        case .headerToken(let scheme, let header):
            return scheme.check(presented: lookup(header))
        }
    }

    /// Twilio signs a POST's form fields; a GET (or an empty body) signs the URL alone, and a
    /// JSON body is signed through its `bodySHA256` query parameter (nil here).
    static func twilioForm(head: HTTPRequestHead, body: [UInt8]) -> [(name: [UInt8], value: [UInt8])]? {
        if head.method != "POST" || body.isEmpty { return [] }
        if isJSON(head: head, body: body) { return nil }
        return formFields(body)
    }

    /// `token-field`: the top-level member of a JSON body, or the field of a form body.
    static func bodyField(_ name: String, head: HTTPRequestHead, body: [UInt8]) -> [UInt8]? {
        if isJSON(head: head, body: body) {
            guard case .success(let value) = JSONParser.parse(body), let text = value[name]?.stringValue else { return nil }
            return Array(text.utf8)
        }
        let wanted = Array(name.utf8)
        return formFields(body).first { $0.name == wanted }?.value
    }

    /// The body is JSON by its type, or sniffed as receiver.md says (`{` or `[` first).
    static func isJSON(head: HTTPRequestHead, body: [UInt8]) -> Bool {
        if let type = head.headers["Content-Type"]?.lowercased(), type.contains("json") { return true }
        let first = body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    /// `application/x-www-form-urlencoded` fields in order, names and values percent-decoded
    /// with `+` as space (WHATWG URL, "application/x-www-form-urlencoded parsing").
    static func formFields(_ body: [UInt8]) -> [(name: [UInt8], value: [UInt8])] {
        body.split(separator: UInt8(ascii: "&")).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decode(parts[0], plusIsSpace: true)
            let value = parts.count > 1 ? PercentDecoding.decode(parts[1], plusIsSpace: true) : []
            return (name, value)
        }
    }
}
