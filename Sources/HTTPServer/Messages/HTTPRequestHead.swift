/// A request line and header section that passed every rule of the parser.
public struct HTTPRequestHead: Sendable, Equatable {
    /// The method token as sent (`GET`, `POST`, ...); case-sensitive (RFC 9110 §9.1).
    public var method: String
    /// The request target as sent: origin-form `/p?q` or absolute-form `http://h/p?q`.
    public var target: String {
        didSet { (path, query) = Self.split(target) }
    }
    /// The path of the target, without query, in origin form even for an absolute-form target.
    /// Split once when the head is made: routing, auth and the handler all read it.
    public private(set) var path: Substring
    /// The query of the target, without `?`, or nil when there is none.
    public private(set) var query: Substring?
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
        (path, query) = Self.split(target)
        self.version = version
        self.headers = headers
        self.framing = framing
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
    }

    /// Path and query of a target, scanning its bytes (not its Characters) once.
    private static func split(_ target: String) -> (path: Substring, query: Substring?) {
        let bytes = target.utf8
        let question = bytes.firstIndex(of: UInt8(ascii: "?"))
        let query = question.map { target[bytes.index(after: $0)...] }
        var start = bytes.startIndex
        if bytes.first != UInt8(ascii: "/") {
            // absolute-form (RFC 9112 §3.2.2): skip "scheme://authority"
            if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[colon...].starts(with: "://".utf8) {
                start = bytes.index(colon, offsetBy: 3)
            }
            guard let slash = bytes[start...].firstIndex(of: UInt8(ascii: "/")),
                  question.map({ slash < $0 }) ?? true else { return ("/", query) }
            start = slash
        }
        return (target[start..<(question ?? bytes.endIndex)], query)
    }
}
