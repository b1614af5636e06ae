import HTTPServer
import CallEvents

/// Decides whether a request may use a route (Documentation.docc/Receiver.md, "Authentication"),
/// and whether it may read `/healthz` and `/metrics`.
///
/// The address is checked before the secret: a client outside the allow-list gets `403`
/// whatever it sends, so it cannot use the route to test guesses at the secret.
///
/// A route's secret is accepted in any of three places, each looked at once per request:
/// - the first query parameter named `token` (percent-decoded, `+` as space);
/// - the password of `Authorization: Basic` (RFC 7617; any user name, the password is
///   everything after the first `:`);
/// - `Authorization: Bearer <secret>` (RFC 6750 §2.1).
/// Auth schemes match case-insensitively (RFC 9110 §11.1). Only the first `Authorization`
/// field is read. Comparisons take constant time (``Secret/matches(_:)``).
///
/// ```swift
/// let client = ClientAddress.resolve(peer: peer, headers: head.headers, trustedProxies: proxies)
/// switch Authenticator.check(route: route, client: client, query: head.query, headers: head.headers) {
/// case .ok: break
/// case let refused: return HTTPResponse(status: refused.status, headers: refused.headers)
/// }
/// ```
enum Authenticator {
    /// The outcome of ``check(route:client:query:headers:)``.
    enum Decision: Sendable, Equatable {
        /// Allowed.
        case ok
        /// The secret is missing or wrong: `401` with a Basic challenge.
        case unauthorized
        /// The client address is not in the route's allow-list: `403`.
        case forbidden

        /// 200 for `.ok`, 401 or 403.
        var status: Int {
            switch self {
            case .ok: 200
            case .unauthorized: 401
            case .forbidden: 403
            }
        }

        /// Headers the refusal carries: the challenge for `401` (RFC 9110 §11.6.1).
        var headers: [(name: String, value: String)] {
            self == .unauthorized ? [Authenticator.challenge] : []
        }
    }

    /// `WWW-Authenticate: Basic realm="callhook"`; curl and browsers then send Basic credentials.
    static let challenge = (name: "WWW-Authenticate", value: "Basic realm=\"callhook\"")

    /// Checks `route`'s allow-list against `client` (nil, an unknown address, is never
    /// allowed by a list), then its secret against the request's credentials.
    /// `query` is the raw query string without `?` (`HTTPRequestHead.query`).
    static func check(route: Configuration.Route, client: IPAddress?, query: Substring?,
                             headers: HTTPHeaders) -> Decision {
        if let allow = route.allow {
            guard let client, allow.containsAddress(client) else { return .forbidden }
        }
        // vendors.md: `verify` and the secret-as-token check are exclusive; the signature is
        // checked on the whole request, in `ReceiverApp.handle`.
        guard route.verify == nil, !route.secrets.isEmpty else { return .ok }
        var matched = false
        let token = query.flatMap(tokenParameter)
        let presented = headers["Authorization"].flatMap { credential($0, schemes: [.basic, .bearer]) }
        // Not `||`: every comparison runs, whatever an earlier one found (rotation lists too).
        for secret in route.secrets {
            if let token { matched = secret.matches(token) || matched }
            if let presented { matched = secret.matches(presented) || matched }
        }
        return matched ? .ok : .unauthorized
    }

    /// `/healthz` and `/metrics`: open to a loopback client, or to `Authorization: Bearer`
    /// with the admin token.
    static func isAdmin(client: IPAddress?, headers: HTTPHeaders, adminToken: Secret?) -> Bool {
        if let client, client.isLoopback { return true }
        guard let adminToken, let authorization = headers["Authorization"],
              let credential = credential(authorization, schemes: [.bearer]) else { return false }
        return adminToken.matches(credential)
    }

    enum Scheme { case basic, bearer }

    /// The secret a client sent in an `Authorization` value, for the schemes allowed.
    /// RFC 9110 §11.4: `credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`.
    static func credential(_ authorization: String, schemes: [Scheme]) -> [UInt8]? {
        let bytes = authorization.utf8
        guard let space = bytes.firstIndex(of: 0x20) else { return nil }
        let scheme = authorization[..<space]
        var rest = authorization.utf8[space...].drop { $0 == 0x20 }
        while let last = rest.last, last == 0x20 || last == 0x09 { rest = rest.dropLast() }
        guard !rest.isEmpty else { return nil }
        if schemes.contains(.bearer), asciiEqualsIgnoringCase(String(scheme), "Bearer") {
            return Array(rest)
        }
        if schemes.contains(.basic), asciiEqualsIgnoringCase(String(scheme), "Basic") {
            // RFC 7617 §2: user-id ":" password; the user-id has no colon, the password may.
            guard let decoded = Base64.decode(rest), let colon = decoded.firstIndex(of: UInt8(ascii: ":")) else {
                return nil
            }
            return Array(decoded[(colon + 1)...])
        }
        return nil
    }

    /// The decoded value of the first `token` query parameter (WHATWG form rules).
    static func tokenParameter(_ query: Substring) -> [UInt8]? {
        for pair in query.utf8.split(separator: UInt8(ascii: "&")) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = pair[..<(equals ?? pair.endIndex)]
            // "token" or a percent-encoded spelling of it.
            guard name.elementsEqual("token".utf8)
                || (name.contains(UInt8(ascii: "%")) && PercentDecoding.decode(name, plusIsSpace: true).elementsEqual("token".utf8))
            else { continue }
            guard let equals else { return [] }
            return PercentDecoding.decode(pair[pair.index(after: equals)...], plusIsSpace: true)
        }
        return nil
    }
}
