import CallEvents
@testable import Receiver

extension LoggedEvent {
    /// The line the server would write for `payload` received at `seconds` (epoch), read back.
    static func make(_ payload: OpsPayloads.Payload, receivedAt seconds: Int, sequence: Int = 0) -> LoggedEvent {
        let received = Timestamp(milliseconds: Int64(seconds) * 1000 + Int64(sequence % 1000))
        let segments = payload.path.split(separator: "/")
        let delivery = Delivery(
            method: payload.method, contentType: payload.contentType.isEmpty ? nil : payload.contentType,
            body: Array(payload.body.utf8), query: payload.query.isEmpty ? nil : Array(payload.query.utf8),
            hint: segments.count > 2 ? String(segments[2]) : nil,
            id: EventID.make(now: received), receivedAt: received, route: payload.vendor.rawValue,
            source: EventSource(addr: "192.0.2.1", userAgent: nil))
        guard case .success(let event) = CallEventDecoder.decode(delivery, as: .vendor(Vendor(rawValue: payload.vendor.rawValue)!)),
              let logged = LoggedEvent(line: event.jsonLine()) else {
            fatalError("fixture does not decode: \(payload.path) \(payload.body)\(payload.query)")
        }
        return logged
    }

    /// A line written by hand, for the fields a test cares about.
    static func make(json: String) -> LoggedEvent {
        guard let event = LoggedEvent(line: Array(json.utf8)) else { fatalError("not a JSON object: \(json)") }
        return event
    }
}
