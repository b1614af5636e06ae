/// The protocol version of a request; the parser accepts no other.
public enum HTTPVersion: Sendable, Equatable {
    case http1_0
    case http1_1
}
