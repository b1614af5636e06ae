/// A whole request: the head and its body, de-chunked, and what the handler's `screen` handed
/// on for it (`HTTPScreening.proceed(context:)`).
public struct HTTPRequest: Sendable, Equatable {
    public var head: HTTPRequestHead
    public var body: [UInt8]
    /// The handler's own; the server only carries it from `screen` to `handle`.
    public var context: (any Sendable)?

    public init(head: HTTPRequestHead, body: [UInt8], context: (any Sendable)? = nil) {
        self.head = head
        self.body = body
        self.context = context
    }

    /// The message itself: the context is the handler's and is not compared.
    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.head == b.head && a.body == b.body
    }
}
