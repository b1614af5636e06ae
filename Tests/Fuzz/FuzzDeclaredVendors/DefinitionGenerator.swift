import CallEvents
import TestSupport

/// A valid vendor definition drawn from a seed: paths over a small vocabulary that the corpus
/// payloads use (so lookups hit), and for each field one of the source forms of
/// Documentation.docc/Vendors.md ("A definition").
enum DefinitionGenerator {
    static let segments = ["a", "b", "call", "id", "event", "0", "1", "data", "x\\.y", "Call ID", "from", "to", "t"]
    static let fields = ["call_id", "direction", "from.number", "from.name", "to.number", "to.name", "extension",
                         "outcome", "cause", "occurred_at", "started_at", "answered_at", "ended_at", "talk_seconds", "recording"]
    static let types = ["call.initiated", "call.ringing", "call.answered", "call.hangup", "call.missed", "unknown"]
    static let outcomes = ["answered", "busy", "no_answer", "cancelled", "failed", "unknown"]
    static let directions = ["inbound", "outbound", "internal"]

    static func make(_ random: inout SplitMix64) -> JSONValue {
        var members: [JSONMember] = []
        members.append(JSONMember("body", .string(["json", "form"][random.next(below: 2)])))
        members.append(JSONMember("detect", paths(&random)))
        members.append(JSONMember("event", .string(path(&random))))
        var types: [JSONMember] = []
        for _ in 0..<random.next(below: 4) {
            let key = segments[random.next(below: segments.count)] + (random.next(below: 3) == 0 ? "*" : "")
            guard !types.contains(where: { $0.key == key }) else { continue }
            let type = JSONValue.string(Self.types[random.next(below: Self.types.count)])
            types.append(JSONMember(key, random.next(below: 2) == 0 ? type
                : .object([JSONMember("type", type), JSONMember("outcome", .string(outcomes[random.next(below: outcomes.count)]))])))
        }
        if random.next(below: 2) == 0 { types.append(JSONMember("*", .string("unknown"))) }
        members.append(JSONMember("types", .object(types)))
        var mapped: [JSONMember] = []
        for field in fields where random.next(below: 3) != 0 {
            mapped.append(JSONMember(field, source(for: field, &random, sides: field != "direction")))
        }
        members.append(JSONMember("fields", .object(mapped)))
        if random.next(below: 2) == 0 { members.append(JSONMember("key", paths(&random))) }
        return .object(members)
    }

    static func path(_ random: inout SplitMix64) -> String {
        (0...random.next(below: 3)).map { _ in segments[random.next(below: segments.count)] }.joined(separator: ".")
    }

    static func paths(_ random: inout SplitMix64) -> JSONValue {
        random.next(below: 2) == 0 ? .string(path(&random))
            : .array((0...random.next(below: 2)).map { _ in .string(path(&random)) })
    }

    /// A value the field's vocabulary accepts, for constants and maps.
    static func word(for field: String, _ random: inout SplitMix64) -> String {
        switch field {
        case "direction": directions[random.next(below: directions.count)]
        case "outcome": outcomes[random.next(below: outcomes.count)]
        default: segments[random.next(below: segments.count)]
        }
    }

    static func source(for field: String, _ random: inout SplitMix64, sides: Bool) -> JSONValue {
        switch random.next(below: sides ? 6 : 5) {
        case 0: return .string(path(&random))
        case 1: return paths(&random)
        case 2: return .object([JSONMember("value", .string(word(for: field, &random)))])
        case 3:
            var map: [JSONMember] = []
            for key in ["in", "out*", "*"] where random.next(below: 2) == 0 {
                map.append(JSONMember(key, random.next(below: 4) == 0 ? .null : .string(word(for: field, &random))))
            }
            return .object([JSONMember("path", paths(&random)), JSONMember("map", .object(map))])
        case 4 where field == "talk_seconds":
            return .object([JSONMember("path", paths(&random)), JSONMember("unit", .string(["s", "ms", "us"][random.next(below: 3)]))])
        case 4: return .object([JSONMember("path", .string(path(&random)))])
        default:
            var sides: [JSONMember] = []
            for side in directions where random.next(below: 2) == 0 {
                sides.append(JSONMember(side, source(for: field, &random, sides: false)))
            }
            if sides.isEmpty { sides.append(JSONMember("inbound", .string(path(&random)))) }
            return .object(sides)
        }
    }
}
