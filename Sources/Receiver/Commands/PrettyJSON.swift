import CallEvents

/// JSON text for people: two-space indents, members in the order written, so
/// `callhook vendors show NAME` prints a definition ready to paste into a config.
///
/// ```swift
/// PrettyJSON.text(definition.source)   // "{\n  \"body\": \"form\",\n ..."
/// ```
enum PrettyJSON {
    static func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", into: &out)
        return out
    }

    private static func scalar(_ value: JSONValue) -> String {
        var w = JSONWriter(capacity: 64)
        w.value(value)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, indent: String, into out: inout String) {
        let inner = indent + "  "
        switch value {
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += inner + scalar(.string(member.key)) + ": "
                write(member.value, indent: inner, into: &out)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        case .array(let elements) where !elements.isEmpty && elements.contains(where: isContainer):
            out += "[\n"
            for (i, element) in elements.enumerated() {
                out += inner
                write(element, indent: inner, into: &out)
                out += i == elements.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .array(let elements):
            // A list of paths stays on one line, as people write them.
            out += "[" + elements.map(scalar).joined(separator: ", ") + "]"
        default:
            out += scalar(value)
        }
    }

    private static func isContainer(_ value: JSONValue) -> Bool {
        switch value {
        case .object, .array: true
        default: false
        }
    }
}
