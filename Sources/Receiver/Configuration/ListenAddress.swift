import HTTPServer
/// The `listen` setting (and `--listen`): `HOST:PORT` or `[IPv6]:PORT`, where HOST is an IPv4
/// literal or `localhost` and PORT is 0...65535 (0 picks a free port).
///
/// ```swift
/// let address = try ListenAddress(parsing: "[::1]:8080")
/// address.host   // "::1" (no brackets: what a socket call wants)
/// address.port   // 8080
/// ```
struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    var host: String
    var port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Why a `listen` text was refused; the description is the message after the JSON path.
    enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// No `:PORT`, or no host before it.
        case missingPort(String)
        /// Not an IPv4 literal, `localhost`, or a bracketed IPv6 literal.
        case invalidHost(String)
        /// Not decimal digits, or over 65535.
        case invalidPort(String)

        var description: String {
            switch self {
            case .missingPort(let text):
                "expected \"HOST:PORT\" or \"[IPv6]:PORT\", got \(quoted(text))"
            case .invalidHost(let text):
                "expected an IPv4 address, \"localhost\" or \"[IPv6]\" before the port, got \(quoted(text))"
            case .invalidPort(let text):
                "expected a port from 0 to 65535, got \(quoted(text))"
            }
        }
    }

    init(parsing text: String) throws(ParseError) {
        let host: Substring, portText: Substring
        if text.hasPrefix("[") {
            // RFC 3986 §3.2.2: an IPv6 literal is bracketed so its colons are not the port's.
            guard let close = text.firstIndex(of: "]") else { throw .invalidHost(text) }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw .missingPort(text) }
            portText = rest.dropFirst()
            guard host.contains(":"), IPAddress(host) != nil else {
                throw .invalidHost(text)
            }
        } else {
            guard let colon = text.lastIndex(of: ":"), colon != text.startIndex else { throw .missingPort(text) }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            // An unbracketed IPv6 literal is ambiguous (is `::1:80` a port?), so it is refused.
            guard host == "localhost" || (!host.contains(":") && IPAddress(host) != nil) else {
                throw .invalidHost(text)
            }
        }
        guard !portText.isEmpty, portText.utf8.count <= 5, portText.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let port = Int(portText), port <= 65_535 else { throw .invalidPort(text) }
        self.host = String(host)
        self.port = port
    }

    /// `127.0.0.1:8080`, `[::1]:8080`.
    var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
