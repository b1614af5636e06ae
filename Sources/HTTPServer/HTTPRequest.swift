/// The protocol version of a request; the parser accepts no other.
public enum HTTPVersion: Sendable, Equatable {
    case http1_0
    case http1_1
}

/// Header fields in the order received. Names keep their case; lookups ignore it.
/// Values are the bytes as sent, read as UTF-8, or as ISO-8859-1 where not valid UTF-8.
public struct HTTPHeaders: Sendable, Equatable, Sequence {
    public private(set) var fields: [(name: String, value: String)] = []

    public init(_ fields: [(name: String, value: String)] = []) { self.fields = fields }

    public mutating func add(name: String, value: String) { fields.append((name, value)) }

    /// The first value of `name`, compared case-insensitively.
    public subscript(_ name: String) -> String? {
        for field in fields where field.name.utf8.count == name.utf8.count && asciiEqualsIgnoringCase(field.name, name) {
            return field.value
        }
        return nil
    }

    /// Every value of `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { asciiEqualsIgnoringCase($0.name, name) }.map(\.value)
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

/// ASCII case-insensitive comparison; header names are tokens, so ASCII is enough.
@inlinable
public func asciiEqualsIgnoringCase(_ a: String, _ b: String) -> Bool {
    var ia = a.utf8.makeIterator(), ib = b.utf8.makeIterator()
    while true {
        let ca = ia.next(), cb = ib.next()
        guard let x = ca, let y = cb else { return ca == nil && cb == nil }
        if x == y { continue }
        let lx = (x >= 65 && x <= 90) ? x | 0x20 : x
        let ly = (y >= 65 && y <= 90) ? y | 0x20 : y
        if lx != ly { return false }
    }
}

/// How the body of a request is delimited (RFC 9112 §6).
public enum HTTPBodyFraming: Sendable, Equatable {
    case none
    case contentLength(Int)
    case chunked
}

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

/// A whole request: the head and its body, de-chunked.
public struct HTTPRequest: Sendable, Equatable {
    public var head: HTTPRequestHead
    public var body: [UInt8]

    public init(head: HTTPRequestHead, body: [UInt8]) {
        self.head = head
        self.body = body
    }
}
