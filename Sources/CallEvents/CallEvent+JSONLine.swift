/// Writes a CallEvent as one line of the event log (call-event.md, "Fields"): every field
/// always present, `null` when unknown, keys in the order of the spec's field table.
///
/// ```swift
/// var line = event.jsonLine()   // no trailing newline
/// line.append(0x0A)
/// ```
extension CallEvent {
    /// Most lines fit here (a vendor's payload of about 1 KB makes a line of about 2 KB);
    /// longer ones move to the heap.
    private static let scratchSize = 4096

    /// The event as one compact JSON object, without the trailing `\n`.
    public func jsonLine() -> [UInt8] {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: CallEvent.scratchSize) { scratch in
            var out = ByteBuffer(scratch)
            appendLine(to: &out)
            return out.array
        }
    }

    /// Appends the event as one compact JSON object (no newline) to `writer`.
    public func encodeLine(into writer: inout JSONWriter) {
        appendLine(to: &writer)
    }

    private func appendLine<Sink: JSONSink & ~Copyable>(to out: inout Sink) {
        out.appendRaw("{\"id\":"); out.appendString(id)
        out.appendRaw(",\"received_at\":"); CallEvent.time(receivedAt, &out)
        out.appendRaw(",\"route\":"); out.appendString(route)
        out.appendRaw(",\"vendor\":\""); out.appendRaw(vendor.staticName)
        out.appendRaw("\",\"type\":\""); out.appendRaw(type.staticName)
        out.appendRaw("\",\"vendor_event\":"); out.appendString(vendorEvent)
        out.appendRaw(",\"key\":"); out.appendString(key)
        out.appendRaw(",\"call_id\":"); out.appendString(callID)
        out.appendRaw(",\"direction\":")
        if let direction { CallEvent.name(direction.staticName, &out) } else { out.appendRaw("null") }
        out.appendRaw(",\"from\":{\"number\":"); out.appendString(from.number)
        out.appendRaw(",\"name\":"); out.appendString(from.name)
        out.appendRaw("},\"to\":{\"number\":"); out.appendString(to.number)
        out.appendRaw(",\"name\":"); out.appendString(to.name)
        out.appendRaw("},\"extension\":"); out.appendString(`extension`)
        out.appendRaw(",\"outcome\":")
        if let outcome { CallEvent.name(outcome.staticName, &out) } else { out.appendRaw("null") }
        out.appendRaw(",\"cause\":"); out.appendString(cause)
        out.appendRaw(",\"occurred_at\":"); CallEvent.time(occurredAt, &out)
        out.appendRaw(",\"started_at\":"); CallEvent.time(startedAt, &out)
        out.appendRaw(",\"answered_at\":"); CallEvent.time(answeredAt, &out)
        out.appendRaw(",\"ended_at\":"); CallEvent.time(endedAt, &out)
        out.appendRaw(",\"duration_seconds\":"); out.appendInteger(durationSeconds)
        out.appendRaw(",\"talk_seconds\":"); out.appendInteger(talkSeconds)
        out.appendRaw(",\"recording\":"); out.appendString(recording)
        out.appendRaw(",\"source\":{\"addr\":"); out.appendString(source.addr)
        out.appendRaw(",\"user_agent\":"); out.appendString(source.userAgent)
        out.appendRaw("},\"raw\":")
        if let text = rawText.bytes {
            text.withUnsafeBufferPointer { out.append($0) }   // what appendValue(raw) writes, as received
        } else {
            out.appendValue(raw)
        }
        out.appendRaw(",\"query\":")
        if let query { out.appendValue(query) } else { out.appendRaw("null") }
        out.append(UInt8(ascii: "}"))
    }

    /// `"name"`: the enums' names need no escaping.
    private static func name<Sink: JSONSink & ~Copyable>(_ name: StaticString, _ out: inout Sink) {
        out.append(UInt8(ascii: "\""))
        out.appendRaw(name)
        out.append(UInt8(ascii: "\""))
    }

    private static func time<Sink: JSONSink & ~Copyable>(_ time: Timestamp?, _ out: inout Sink) {
        guard let time else { out.appendRaw("null"); return }
        var text: (UInt64, UInt64, UInt64, UInt32) = (0, 0, 0, 0)   // `"` + 24 bytes + `"`, no heap
        withUnsafeMutableBytes(of: &text) { buffer in
            let start = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            start[0] = UInt8(ascii: "\"")
            Timestamps.format(time, into: start + 1)
            start[25] = UInt8(ascii: "\"")
            out.append(UnsafeBufferPointer(start: start, count: 26))
        }
    }
}
