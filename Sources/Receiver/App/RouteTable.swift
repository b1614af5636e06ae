/// Finds the route for a request path (Documentation.docc/Receiver.md, "Routes").
///
/// A path matches a route when it is the route's path, or the route's path followed by one
/// more non-empty segment: the event hint, percent-decoded (`/hooks/voipnow/dial-in` gives
/// `dial-in`). When route paths nest (`/hooks` and `/hooks/voipnow`), the longer one wins.
/// One trailing `/` is ignored (`/hooks/voipnow/` is `/hooks/voipnow`, no hint). Paths are
/// compared byte for byte, as sent: `%` escapes are decoded in the hint only (bytes that are
/// not UTF-8 then become U+FFFD).
///
/// ```swift
/// let table = RouteTable(configuration.routes)
/// if let match = table.match(path: head.path) {
///     match.route.name   // "voipnow"
///     match.hint         // "dial-in"
/// } else {
///     // 404
/// }
/// ```
struct RouteTable: Sendable {
    /// A route and the hint segment after its path, if any.
    struct Match: Sendable, Equatable {
        var route: Configuration.Route
        var hint: String?
    }

    let routes: [Configuration.Route]

    init(_ routes: [Configuration.Route]) {
        self.routes = routes
    }

    /// The matching route, or nil (`404`). `path` is the path without the query.
    func match(path: some StringProtocol) -> Match? {
        var path = Substring(path)
        guard path.hasPrefix("/") else { return nil }
        if path.utf8.count > 1, path.hasSuffix("/"), !path.dropLast().hasSuffix("/") { path = path.dropLast() }

        // The exact path is always longer than its parent, so it is tried first.
        if let route = route(at: path) { return Match(route: route, hint: nil) }

        let slash = path.lastIndex(of: "/")!
        let segment = path[path.index(after: slash)...]
        guard !segment.isEmpty else { return nil }
        let parent = slash == path.startIndex ? path[...slash] : path[..<slash]
        // `//x` is not the root's hint: no route path ends in `/` except the root itself.
        guard slash == path.startIndex || !parent.hasSuffix("/"), let route = route(at: parent) else { return nil }
        let hint = String(decoding: PercentDecoding.decode(segment.utf8, plusIsSpace: false), as: UTF8.self)
        return Match(route: route, hint: hint)
    }

    private func route(at path: Substring) -> Configuration.Route? {
        for route in routes where route.path.utf8.elementsEqual(path.utf8) { return route }
        return nil
    }
}
