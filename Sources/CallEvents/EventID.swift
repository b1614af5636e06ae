/// Event ids: lowercase UUIDv7 (RFC 9562 §5.7), unique across instances and time-ordered.
public enum EventID {
    /// A new id for an event received at `now`.
    public static func make(now: Timestamp) -> String { fatalError("not implemented") }
}
