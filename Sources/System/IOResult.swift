/// The outcome of a call on a non-blocking descriptor.
public enum IOResult<Value> {
    /// The call did something and returned this.
    case ready(Value)
    /// `EAGAIN`: try again when epoll says the descriptor is ready.
    case notReady
}
