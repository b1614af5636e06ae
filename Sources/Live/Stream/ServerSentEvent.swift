/// Messages of the `text/event-stream` format (WHATWG HTML, "Server-sent events", §9.2.5):
/// `field: value` lines and a blank line. Log lines are one JSON line each, so `data` needs no
/// splitting; `id` carries the event id so `EventSource` resends it as `Last-Event-ID`.
///
/// ```swift
/// let bytes = ServerSentEvent.message(id: "01J...", event: "call.ringing", data: line)
/// // id: 01J...\nevent: call.ringing\ndata: {...}\n\n
/// ```
public enum ServerSentEvent {
    public static func message(id: String?, event: String, data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 64)
        if let id, !id.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 0 }) {
            out.append(contentsOf: "id: ".utf8); out.append(contentsOf: id.utf8); out.append(10)
        }
        out.append(contentsOf: "event: ".utf8); out.append(contentsOf: event.utf8); out.append(10)
        out.append(contentsOf: "data: ".utf8)
        // A line is written without newlines; a stray one would end the field early.
        for byte in data where byte != 10 && byte != 13 { out.append(byte) }
        out.append(contentsOf: [10, 10])
        return out
    }

    /// A comment line: ignored by clients, keeps proxies from timing the stream out.
    public static let keepAlive: [UInt8] = Array(": keep-alive\n\n".utf8)

    /// How long a client waits before reconnecting (milliseconds).
    public static func retry(_ milliseconds: Int) -> [UInt8] { Array("retry: \(milliseconds)\n\n".utf8) }
}
