/// The application behind the server. The server knows nothing else about it.
///
/// Both methods are called on the connection's event-loop thread and must not block.
public protocol HTTPHandler: Sendable {
    /// Called once the head is complete, before any of the body is read. A refusal is sent
    /// with no `100 Continue`, and the connection closes if a body was announced; `proceed`
    /// may carry a context that `handle` receives with the request.
    func screen(_ head: HTTPRequestHead, connection: ConnectionInfo) -> HTTPScreening

    /// Called with the whole request, carrying the context its screening returned.
    /// `respond` may be called later, from another thread (after an `fdatasync`, say); the
    /// next pipelined request waits until it is.
    func handle(_ request: HTTPRequest, connection: ConnectionInfo, respond: @escaping HTTPResponder)

    /// Told when the server answered by itself, without the handler: a malformed request
    /// (`400`, `413`, `414`, `431`, `501`, `505`) or one too slow to arrive (`408`). For metrics.
    func serverAnswered(status: Int, connection: ConnectionInfo)

    /// Called on an event loop's thread after it has handled one `epoll_wait`'s worth of
    /// events. Work that `handle` queued during the round (lines for a log writer) can start
    /// here as one batch, paying one thread hand-off per round instead of one per request.
    func roundEnded()
}

extension HTTPHandler {
    public func serverAnswered(status: Int, connection: ConnectionInfo) {}
    public func roundEnded() {}
}
