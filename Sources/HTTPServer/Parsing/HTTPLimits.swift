/// Every limit and timeout the server enforces, in one place.
///
/// ```swift
/// var limits = HTTPLimits()
/// limits.maxBodyBytes = 64 * 1024
/// ```
public struct HTTPLimits: Sendable, Equatable {
    /// Connections open at once; past this, new connections are closed at once.
    public var maxConnections = 10_000
    /// Bytes of the whole head: request line, header lines and the empty line.
    public var maxHeaderBytes = 16_384
    /// Header lines in one head.
    public var maxHeaders = 100
    /// Bytes of the request target.
    public var maxTargetBytes = 8_192
    /// Bytes of the body, with `Content-Length` or the sum of the chunks.
    public var maxBodyBytes = 1_048_576
    /// Total time, from the first byte, for the head to arrive.
    public var headerTimeoutMilliseconds = 10_000
    /// Total time, from the end of the head, for the body to arrive.
    public var bodyTimeoutMilliseconds = 30_000
    /// How long a keep-alive connection may sit idle between requests.
    public var idleTimeoutMilliseconds = 75_000
    /// How long a stop waits for requests in flight.
    public var drainTimeoutMilliseconds = 10_000
    /// Streamed responses open at once (the application counts and refuses past it).
    public var maxStreams = 1_000
    /// Bytes a streamed response may hold for a reader that is slow to take them.
    public var streamBufferBytes = 1_048_576

    public init() {}
}
