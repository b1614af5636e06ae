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
    /// Each route's path as bytes, compared as contiguous bytes with the request's.
    private let paths: [[UInt8]]

    init(_ routes: [Configuration.Route]) {
        self.routes = routes
        self.paths = routes.map { Array($0.path.utf8) }
    }

    /// The matching route, or nil (`404`). `path` is the path without the query. Works on the
    /// bytes: `Character` comparisons would cost more than the rest of the routing together.
    func match(path: some StringProtocol) -> Match? {
        var path = Substring(path)
        let slash = UInt8(ascii: "/")
        guard path.utf8.first == slash else { return nil }
        let bytes = path.utf8
        if bytes.count > 1, bytes.last == slash, bytes.dropLast().last != slash {
            path = path[..<bytes.index(before: bytes.endIndex)]
        }

        // The exact path is always longer than its parent, so it is tried first.
        if let route = route(at: path) { return Match(route: route, hint: nil) }

        let utf8 = path.utf8
        let last = utf8.lastIndex(of: slash)!
        let segment = utf8[utf8.index(after: last)...]
        guard !segment.isEmpty else { return nil }
        let parent = last == utf8.startIndex ? path[...last] : path[..<last]
        // `//x` is not the root's hint: no route path ends in `/` except the root itself.
        guard last == utf8.startIndex || parent.utf8.last != slash, let route = route(at: parent) else { return nil }
        let hint = String(decoding: PercentDecoding.decode(segment, plusIsSpace: false), as: UTF8.self)
        return Match(route: route, hint: hint)
    }

    private func route(at path: Substring) -> Configuration.Route? {
        let index = path.utf8.withContiguousStorageIfAvailable { wanted in
            paths.firstIndex { candidate in
                candidate.count == wanted.count
                    && candidate.withUnsafeBufferPointer { $0.elementsEqual(wanted) }
            }
        } ?? paths.firstIndex { $0.elementsEqual(path.utf8) }
        return index.map { routes[$0] }
    }
}
