/// What `ConnectionState` asks the connection's I/O code to do next.
enum ConnectionAction: Equatable {
    /// Nothing: wait for bytes, a response or a deadline.
    case none
    /// Ask the handler whether it refuses this head, then report with `screened(refusal:now:)`.
    case screen(HTTPRequestHead)
    /// Write `HTTP/1.1 100 Continue`, then go on reading the body.
    case sendContinue
    /// Give the whole request to the handler; its response comes back through `responded`.
    case handle(HTTPRequest)
    /// Write this response; when `framing.keepAlive` is false the connection closes after it.
    case send(HTTPResponse, ResponseFraming)
    /// The last byte went out: `shutdown(SHUT_WR)`, then read and discard until EOF or a deadline.
    case shutdownWrite
    /// Close the socket now.
    case close
}
