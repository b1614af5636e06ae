import CallEvents

/// One line of the event log, read back: the fields `tail` and `calls` show.
struct LoggedEvent: Sendable {
    let line: [UInt8]
    let value: JSONValue

    /// Parses a line; nil for a line that is not a JSON object (a reader skips it).
    init?(line: [UInt8]) {
        guard case .success(let value) = JSONParser.parse(line), case .object = value else { return nil }
        self.line = line
        self.value = value
    }

    func string(_ field: String) -> String? { value[field]?.stringValue }
    func time(_ field: String) -> String? { string(field) }

    var vendor: String? { string("vendor") }
    var type: String? { string("type") }
    var callID: String? { string("call_id") }
    var key: String? { string("key") }
    var direction: String? { string("direction") }
    var outcome: String? { string("outcome") }
    var fromNumber: String? { value["from"]?["number"]?.stringValue ?? value["from"]?["name"]?.stringValue }
    var toNumber: String? { value["to"]?["number"]?.stringValue ?? value["to"]?["name"]?.stringValue }
    var talkSeconds: Int? { value["talk_seconds"]?.numberLiteral.flatMap { Int($0) } }

    /// When it happened: the vendor's own time, else when it was received.
    var when: String? { time("occurred_at") ?? time("received_at") }
}
