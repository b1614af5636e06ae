/// An incremental HTTP/1.1 request parser (RFC 9112). It works on bytes only and never
/// touches a socket: feed it what arrived, then call `next()` until it needs more data.
///
/// ```swift
/// var parser = HTTPRequestParser(limits: HTTPLimits())
/// parser.feed(bytes)
/// loop: while true {
///     switch parser.next() {
///     case .needMoreData: break loop
///     case .head(let head): screen(head)      // before any body byte is consumed
///     case .body(let body): handle(body)      // the whole body, de-chunked; [] when none
///     case .error(let error): reply(error.status); close()
///     }
/// }
/// ```
///
/// Every request yields `.head` then `.body`, in order, whatever way the bytes were split.
/// After `.error` the parser stays failed.
public struct HTTPRequestParser: Sendable {
    public enum Event: Sendable, Equatable {
        case needMoreData
        case head(HTTPRequestHead)
        case body([UInt8])
        case error(HTTPParserError)
    }

    /// Where the parser stands, for the connection's deadlines.
    public enum Phase: Sendable, Equatable {
        /// Between requests, with no byte of the next one buffered.
        case idle
        /// Some bytes of a head have arrived, not all.
        case head
        /// The head was returned; the body is not complete.
        case body
    }

    public init(limits: HTTPLimits) {
        fatalError("not implemented")
    }

    public var phase: Phase { fatalError("not implemented") }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) { fatalError("not implemented") }

    public mutating func feed(_ bytes: [UInt8]) { bytes.withUnsafeBytes { feed($0) } }

    public mutating func next() -> Event { fatalError("not implemented") }
}
