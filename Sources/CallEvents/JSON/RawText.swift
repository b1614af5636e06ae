/// A cached rendering of `CallEvent.raw`: never part of an event's value, so two events with
/// the same fields are equal whether or not one of them carries it.
struct RawText: Sendable, Equatable {
    var bytes: ArraySlice<UInt8>?

    static func == (a: RawText, b: RawText) -> Bool { true }
}
