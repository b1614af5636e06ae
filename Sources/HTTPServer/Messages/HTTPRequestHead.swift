/// A request line and header section that passed every rule of the parser.
public struct HTTPRequestHead: Sendable, Equatable {
    /// The method token as sent (`GET`, `POST`, ...); case-sensitive (RFC 9110 §9.1).
    public var method: String
    /// The request target as sent: origin-form `/p?q` or absolute-form `http://h/p?q`.
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var framing: HTTPBodyFraming
    /// Whether the connection stays open after the response (RFC 9112 §9.3).
    public var keepAlive: Bool
    /// `Expect: 100-continue` was sent (RFC 9110 §10.1.1).
    public var expectsContinue: Bool

    public init(method: String, target: String, version: HTTPVersion, headers: HTTPHeaders,
                framing: HTTPBodyFraming, keepAlive: Bool, expectsContinue: Bool) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.framing = framing
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
    }

    /// The path of the target, without query, in origin form even for an absolute-form target.
    public var path: Substring {
        var rest = Substring(target)
        if !rest.hasPrefix("/") {
            // absolute-form (RFC 9112 §3.2.2): skip "scheme://authority"
            if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
                rest = rest[rest.index(colon, offsetBy: 3)...]
            }
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let q = rest.firstIndex(of: "?") { rest = rest[..<q] }
        return rest
    }

    /// The query of the target, without `?`, or nil when there is none.
    public var query: Substring? {
        guard let q = target.firstIndex(of: "?") else { return nil }
        return target[target.index(after: q)...]
    }
}
