/// One request as the decoders see it: no sockets, no HTTP, just what was sent and the envelope
/// the receiver assigns.
public struct Delivery: Sendable {
    /// `GET` carries the fields in the query; anything else in the body.
    public var method: String
    public var contentType: String?
    public var body: [UInt8]
    /// The query string without `?`, as sent (still percent-encoded); nil when none.
    public var query: [UInt8]?
    /// Query fields left out of `raw` and `query` (the auth `token`).
    public var droppedQueryFields: Set<String>
    /// The route's event hint: the path segment after the route's path (`dial-in`), if any.
    public var hint: String?
    /// Whether a `jwt` body may be decoded unverified: yes unless the route has a secret.
    public var unverifiedJWT: UnverifiedJWT

    // The envelope.
    public var id: String
    public var receivedAt: Timestamp
    public var route: String
    public var source: EventSource

    /// `token`, the auth query field: the default of `droppedQueryFields`, one set shared by
    /// every delivery rather than built for each.
    public static let defaultDroppedQueryFields: Set<String> = ["token"]

    public init(method: String, contentType: String?, body: [UInt8], query: [UInt8]? = nil,
                droppedQueryFields: Set<String> = Delivery.defaultDroppedQueryFields, hint: String? = nil,
                unverifiedJWT: UnverifiedJWT = .decode, id: String, receivedAt: Timestamp, route: String, source: EventSource) {
        self.method = method
        self.contentType = contentType
        self.body = body
        self.query = query
        self.droppedQueryFields = droppedQueryFields
        self.hint = hint
        self.unverifiedJWT = unverifiedJWT
        self.id = id
        self.receivedAt = receivedAt
        self.route = route
        self.source = source
    }
}

