import CallEvents

/// The checks on one written event: one line, valid JSON, every field of
/// Documentation.docc/EventSchema.md present with its type, and `raw` and `query` read back as
/// decoded. Shared by the targets that decode (FuzzVendorDecoders, FuzzDeclaredVendors).
public enum CallEventLine {
    enum Kind { case string, nullableString, time, nullableTime, nullableInteger, party, source, any }

    static let fields: [(String, Kind)] = [
        ("id", .string), ("received_at", .time), ("route", .string), ("vendor", .string),
        ("type", .string), ("vendor_event", .nullableString), ("key", .string),
        ("call_id", .nullableString), ("direction", .nullableString), ("from", .party), ("to", .party),
        ("extension", .nullableString), ("outcome", .nullableString), ("cause", .nullableString),
        ("occurred_at", .nullableTime), ("started_at", .nullableTime), ("answered_at", .nullableTime),
        ("ended_at", .nullableTime), ("duration_seconds", .nullableInteger), ("talk_seconds", .nullableInteger),
        ("recording", .nullableString), ("source", .source), ("raw", .any), ("query", .any),
    ]

    public static func check(_ event: CallEvent, _ context: String) {
        let line = event.jsonLine()
        JSONRoundTrip.checkOneLine(line, context)
        guard case .success(let parsed) = JSONParser.parse(line), case .object(let members) = parsed else {
            FuzzCheck.require(false, "\(context): the line is not a JSON object:\n\(String(decoding: line, as: UTF8.self))")
            return
        }
        FuzzCheck.require(members.count == fields.count, "\(context): \(members.count) fields: \(members.map(\.key))")
        for (name, kind) in fields {
            guard let value = parsed[name] else {
                FuzzCheck.require(false, "\(context): no \(name) in \(String(decoding: line, as: UTF8.self))")
                return
            }
            FuzzCheck.require(matches(value, kind), "\(context): \(name) is \(value)")
        }
        FuzzCheck.require(parsed["raw"] == event.raw, "\(context): raw changed in writing")
        FuzzCheck.require(parsed["query"] == (event.query ?? .null), "\(context): query changed in writing")
        if case .string(let id)? = parsed["id"] {
            FuzzCheck.require(id == event.id, "\(context): id \(id)")
        }
    }

    static func matches(_ value: JSONValue, _ kind: Kind) -> Bool {
        switch (kind, value) {
        case (.any, _): true
        case (.string, .string), (.nullableString, .string), (.nullableString, .null): true
        case (.time, .string(let text)), (.nullableTime, .string(let text)): isTime(text)
        case (.nullableTime, .null), (.nullableInteger, .null): true
        case (.nullableInteger, .number(let literal)): literal.utf8.allSatisfy { $0 == UInt8(ascii: "-") || ($0 >= 48 && $0 <= 57) }
        case (.party, .object(let members)):
            members.count == 2 && matches(value["number"] ?? .bool(false), .nullableString)
                && matches(value["name"] ?? .bool(false), .nullableString)
        case (.source, .object(let members)):
            members.count == 2 && matches(value["addr"] ?? .null, .string)
                && matches(value["user_agent"] ?? .bool(false), .nullableString)
        default: false
        }
    }

    /// RFC 3339 in UTC with exactly three fractional digits: `2020-01-29T07:45:19.489Z`.
    static func isTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 24 else { return false }
        let pattern = Array("0000-00-00T00:00:00.000Z".utf8)
        return zip(bytes, pattern).allSatisfy { byte, mark in
            mark == UInt8(ascii: "0") ? (byte >= 48 && byte <= 57) : byte == mark
        }
    }
}
