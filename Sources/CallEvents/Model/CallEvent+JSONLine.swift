/// Writes a CallEvent as one line of the event log (Documentation.docc/EventSchema.md, "Fields"):
/// every field always present, `null` when unknown, keys in the order of the spec's field table.
///
/// ```swift
/// var line = event.jsonLine()   // no trailing newline
/// line.append(0x0A)
/// ```
extension CallEvent {
    /// The event as one compact JSON object, without the trailing `\n`. Written straight into
    /// its array, sized beforehand from the event's text (`lineCapacity`).
    public func jsonLine() -> [UInt8] {
        var spilled: [UInt8]?
        let line = [UInt8](unsafeUninitializedCapacity: lineCapacity()) { buffer, count in
            var out = ByteBuffer(buffer)
            appendLine(to: &out)
            if out.outgrewScratch {
                spilled = out.array   // more escapes than allowed for: rare, and only costs a copy
                count = 0
            } else {
                count = out.count
            }
        }
        return spilled ?? line
    }

    /// Room for the line: its fixed text (keys, punctuation, names, times and numbers: under
    /// 700 bytes), the length of every text field, the payload's own text when known (else a
    /// guess: walking it to measure would cost as much as writing it), and an eighth more for
    /// escapes. A line that does not fit still comes out whole.
    func lineCapacity() -> Int {
        func count(_ text: String?) -> Int { text?.utf8.count ?? 0 }
        var n = 700 + vendor.name.utf8.count + id.utf8.count + route.utf8.count + key.utf8.count + source.addr.utf8.count
        n += count(vendorEvent) + count(callID) + count(from.number) + count(from.name) + count(to.number)
        n += count(to.name) + count(`extension`) + count(cause) + count(recording) + count(source.userAgent)
        n += payload.text?.count ?? CallEvent.guessedSize(raw)
        n += query.map(CallEvent.guessedSize) ?? 0
        return n + n / 8
    }

    /// Some 64 bytes a member: form fields are mostly short.
    private static func guessedSize(_ value: JSONValue) -> Int {
        if case .object(let members) = value { return 16 + members.count * 64 }
        return 256
    }

    /// Appends the event as one compact JSON object (no newline) to `writer`.
    public func encodeLine(into writer: inout JSONWriter) {
        appendLine(to: &writer)
    }

    private func appendLine<Sink: JSONSink & ~Copyable>(to out: inout Sink) {
        out.appendRaw("{\"id\":"); out.appendString(id)
        out.appendRaw(",\"received_at\":"); CallEvent.time(receivedAt, &out)
        out.appendRaw(",\"route\":"); out.appendString(route)
        if vendor.kind == .declared {
            out.appendRaw(",\"vendor\":"); out.appendString(vendor.name); out.appendRaw(",\"type\":\"")
        } else {
            out.appendRaw(",\"vendor\":\""); out.appendRaw(vendor.staticName); out.appendRaw("\",\"type\":\"")
        }
        out.appendRaw(type.staticName)
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
        if let text = payload.text {
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
        out.append(count: 26) { text in   // `"` + 24 bytes + `"`, written in place
            text[0] = UInt8(ascii: "\"")
            Timestamps.format(time, into: text + 1)
            text[25] = UInt8(ascii: "\"")
        }
    }
}
