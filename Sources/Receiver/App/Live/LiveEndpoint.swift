import CallEvents
import HTTPServer
import Live

/// The read-only live paths (Documentation.docc/Live.md): the console page and its two files,
/// `/calls/active` and `/calls/summary`. Access as for `/metrics` (loopback or the admin token as
/// `Bearer`), plus the token as `?token=` and as the console's cookie; `/console?token=` trades the
/// token for the cookie and redirects, so the token leaves the address bar. They take precedence
/// over routes.
enum LiveEndpoint {
    case console
    case consoleScript
    case consoleStyles
    /// Answered `204`: a browser asks for an icon, and a `404` is a console error.
    case consoleIcon
    case activeCalls
    case summary
    case stream

    static let cookieName = "callhook_admin"

    init?(path: Substring) {
        // Every live path starts `/c` or `/s`: a webhook's path is turned away after two bytes.
        let second = path.utf8.dropFirst().first
        guard second == UInt8(ascii: "c") || second == UInt8(ascii: "s") else { return nil }
        switch path {
        case "/console": self = .console
        case "/console/console.js": self = .consoleScript
        case "/console/console.css": self = .consoleStyles
        case "/console/favicon.ico": self = .consoleIcon
        case "/calls/active": self = .activeCalls
        case "/calls/summary": self = .summary
        case "/stream": self = .stream
        default: return nil
        }
    }

    func screen(_ head: HTTPRequestHead, client: IPAddress?, configuration: Configuration) -> HTTPResponse? {
        guard head.method == "GET" || head.method == "HEAD" else {
            return Responses.error(405, "method not allowed", headers: [("Allow", "GET, HEAD")])
        }
        guard Self.isAllowed(head, client: client, adminToken: configuration.adminToken) else {
            return Responses.error(403, "the live views need loopback or the admin token")
        }
        return nil
    }

    static func isAllowed(_ head: HTTPRequestHead, client: IPAddress?, adminToken: Secret?) -> Bool {
        if Authenticator.isAdmin(client: client, headers: head.headers, adminToken: adminToken) { return true }
        guard let adminToken else { return false }
        if let query = head.query, let token = Authenticator.tokenParameter(query), adminToken.matches(token) { return true }
        if let cookie = cookieValue(head.headers.values("Cookie")), adminToken.matches(cookie) { return true }
        return false
    }

    /// RFC 6265 §5.4: `Cookie: name=value; name2=value2`.
    static func cookieValue(_ headers: [String]) -> [UInt8]? {
        for header in headers {
            for pair in header.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " }
                guard let equals = trimmed.firstIndex(of: "="), trimmed[..<equals] == cookieName else { continue }
                return PercentDecoding.decode(trimmed[trimmed.index(after: equals)...].utf8, plusIsSpace: false)
            }
        }
        return nil
    }

    func respond(_ head: HTTPRequestHead, hub: LiveHub) -> HTTPResponse {
        var response: HTTPResponse
        let now = WallClock.now().milliseconds
        switch self {
        case .console:
            if let query = head.query, let token = Authenticator.tokenParameter(query) {
                // The token was checked in `screen`; hand it over as a cookie the script cannot read.
                let value = String(decoding: token, as: UTF8.self).addingCookieEscapes()
                response = HTTPResponse(status: 303, headers: [
                    ("Location", "/console"),
                    ("Set-Cookie", "\(Self.cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict"),
                    ("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer"), ("Content-Length", "0"),
                ], body: [])
            } else {
                response = Self.page("text/html; charset=utf-8", ConsolePage.html)
            }
        case .stream:
            // A HEAD: the head a GET would get, no stream opened.
            response = HTTPResponse(status: 200, headers: StreamHub.headers)
        case .consoleScript: response = Self.page("text/javascript; charset=utf-8", ConsolePage.script)
        case .consoleStyles: response = Self.page("text/css; charset=utf-8", ConsolePage.css)
        case .consoleIcon: response = HTTPResponse(status: 204, headers: [("Cache-Control", "max-age=86400")])
        case .activeCalls:
            response = HTTPResponse(status: 200, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")],
                                    body: hub.activeJSON(nowMilliseconds: now))
        case .summary:
            let fields = Self.queryFields(head.query)
            guard let grouping = Grouping(rawValue: fields["by"] ?? "vendor") else {
                return Responses.error(400, "by must be one of vendor, route, extension, hour, day")
            }
            var since = fields["since"]
            if let text = since {
                guard let time = Timestamp(rfc3339: text) else { return Responses.error(400, "since must be an RFC 3339 time") }
                since = time.rfc3339
            }
            response = HTTPResponse(status: 200, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")],
                                    body: hub.summaryJSON(by: grouping, since: since, nowMilliseconds: now))
        }
        if head.method == "HEAD" { response.body = [] }
        return response
    }

    /// The console's files, with the headers Documentation.docc/Live.md asks for.
    private static func page(_ type: String, _ text: String) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [
            ("Content-Type", type),
            ("Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
            ("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer"),
            ("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-store"),
        ], body: Array(text.utf8))
    }

    /// `a=1&b=2`, percent-decoded; the first of a repeated name wins.
    static func queryFields(_ query: Substring?) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(decoding: PercentDecoding.decode(parts[0].utf8, plusIsSpace: true), as: UTF8.self)
            let value = parts.count > 1 ? String(decoding: PercentDecoding.decode(parts[1].utf8, plusIsSpace: true), as: UTF8.self) : ""
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }
}

extension String {
    /// RFC 6265 §4.1.1 cookie-octets: anything else percent-encoded.
    func addingCookieEscapes() -> String {
        var out = ""
        for byte in utf8 {
            let allowed = byte == 0x21 || (0x23...0x2B).contains(byte) || (0x2D...0x3A).contains(byte)
                || (0x3C...0x5B).contains(byte) || (0x5D...0x7E).contains(byte)
            if allowed && byte != UInt8(ascii: "%") { out.unicodeScalars.append(Unicode.Scalar(byte)) }
            else { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
        }
        return out
    }

    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
