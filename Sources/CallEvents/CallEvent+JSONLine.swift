/// Writes a CallEvent as one line of the event log (call-event.md, "Fields"): every field
/// always present, `null` when unknown, keys in the order of the spec's field table.
///
/// ```swift
/// var line = event.jsonLine()   // no trailing newline
/// line.append(0x0A)
/// ```
extension CallEvent {
    /// The event as one compact JSON object, without the trailing `\n`.
    public func jsonLine() -> [UInt8] {
        var writer = JSONWriter(capacity: 1024)
        encodeLine(into: &writer)
        return writer.bytes
    }

    /// Appends the event as one compact JSON object (no newline) to `writer`.
    public func encodeLine(into writer: inout JSONWriter) {
        writer.raw("{\"id\":"); writer.string(id)
        writer.raw(",\"received_at\":"); CallEvent.time(receivedAt, &writer)
        writer.raw(",\"route\":"); writer.string(route)
        writer.raw(",\"vendor\":\""); writer.raw(vendor.staticName); writer.raw("\"")
        writer.raw(",\"type\":\""); writer.raw(type.staticName); writer.raw("\"")
        writer.raw(",\"vendor_event\":"); writer.string(vendorEvent)
        writer.raw(",\"key\":"); writer.string(key)
        writer.raw(",\"call_id\":"); writer.string(callID)
        writer.raw(",\"direction\":")
        if let direction { writer.raw("\""); writer.raw(direction.staticName); writer.raw("\"") } else { writer.raw("null") }
        writer.raw(",\"from\":{\"number\":"); writer.string(from.number)
        writer.raw(",\"name\":"); writer.string(from.name)
        writer.raw("},\"to\":{\"number\":"); writer.string(to.number)
        writer.raw(",\"name\":"); writer.string(to.name)
        writer.raw("},\"extension\":"); writer.string(`extension`)
        writer.raw(",\"outcome\":")
        if let outcome { writer.raw("\""); writer.raw(outcome.staticName); writer.raw("\"") } else { writer.raw("null") }
        writer.raw(",\"cause\":"); writer.string(cause)
        writer.raw(",\"occurred_at\":"); CallEvent.time(occurredAt, &writer)
        writer.raw(",\"started_at\":"); CallEvent.time(startedAt, &writer)
        writer.raw(",\"answered_at\":"); CallEvent.time(answeredAt, &writer)
        writer.raw(",\"ended_at\":"); CallEvent.time(endedAt, &writer)
        writer.raw(",\"duration_seconds\":"); writer.integer(durationSeconds)
        writer.raw(",\"talk_seconds\":"); writer.integer(talkSeconds)
        writer.raw(",\"recording\":"); writer.string(recording)
        writer.raw(",\"source\":{\"addr\":"); writer.string(source.addr)
        writer.raw(",\"user_agent\":"); writer.string(source.userAgent)
        writer.raw("},\"raw\":"); writer.value(raw)
        writer.raw(",\"query\":")
        if let query { writer.value(query) } else { writer.raw("null") }
        writer.raw("}")
    }

    private static func time(_ time: Timestamp?, _ writer: inout JSONWriter) {
        guard let time else { writer.raw("null"); return }
        writer.bytes.append(UInt8(ascii: "\""))
        Timestamps.format(time, into: &writer.bytes)
        writer.bytes.append(UInt8(ascii: "\""))
    }
}
