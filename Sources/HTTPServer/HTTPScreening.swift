/// What a handler's `screen` decided about a head, before any of the body is read.
///
/// ```swift
/// func screen(_ head: HTTPRequestHead, connection: ConnectionInfo) -> HTTPScreening {
///     guard let route = routes.match(head.path) else { return .refuse(.notFound) }
///     return .proceed(context: route)   // arrives in `handle` as `request.context`
/// }
/// ```
public enum HTTPScreening: Sendable {
    /// Read the body, then call `handle` with `context` in `HTTPRequest.context`: what the
    /// screening learned (the route, the client, the settings it used) is not worked out twice.
    case proceed(context: (any Sendable)? = nil)
    /// Answer this and read no body (Documentation.docc/HTTPConformance.md: the connection
    /// closes if a body was announced).
    case refuse(HTTPResponse)

    /// The response of a refusal; nil when the request may proceed.
    public var refusal: HTTPResponse? {
        if case .refuse(let response) = self { return response }
        return nil
    }
}
