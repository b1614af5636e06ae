/// Which lines a `/stream` subscriber wants (Documentation.docc/Live.md, "The stream"): each
/// field a comma list, all given fields must match, an empty filter takes everything.
///
/// ```swift
/// let filter = StreamFilter(vendor: "3cx,twilio", type: "call.ringing", route: nil, call: nil)
/// if let event = LiveEvent(line: line), filter.matches(event) { send(line) }
/// ```
public struct StreamFilter: Sendable, Equatable {
    public var vendors: Set<String>
    public var types: Set<String>
    public var routes: Set<String>
    /// Call ids, bare or as `vendor:call_id` (the form `/calls/active` shows).
    public var calls: Set<String>

    public init(vendor: String?, type: String?, route: String?, call: String?) {
        func list(_ text: String?) -> Set<String> {
            Set((text ?? "").split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty })
        }
        vendors = list(vendor); types = list(type); routes = list(route); calls = list(call)
    }

    public var isEmpty: Bool { vendors.isEmpty && types.isEmpty && routes.isEmpty && calls.isEmpty }

    public func matches(_ event: LiveEvent) -> Bool {
        if !vendors.isEmpty && !vendors.contains(event.vendor ?? "") { return false }
        if !types.isEmpty && !types.contains(event.type ?? "") { return false }
        if !routes.isEmpty && !routes.contains(event.route ?? "") { return false }
        if !calls.isEmpty {
            let id = event.callID ?? ""
            if !calls.contains(id) && !calls.contains("\(event.vendor ?? ""):\(id)") { return false }
        }
        return true
    }
}
