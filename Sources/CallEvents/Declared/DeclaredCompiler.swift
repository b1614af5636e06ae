/// Compiles a vendor definition (Documentation.docc/Vendors.md, "A definition") from its JSON into
/// a `DeclaredDefinition`: paths split and hashed, maps turned into tables. Every mistake is a
/// `DeclaredDefinitionError` naming its JSON path.
///
/// ```swift
/// let definition = try DeclaredCompiler.compile(name: "acme", value, at: "vendors.acme")
/// ```
public enum DeclaredCompiler {
    typealias Target = DeclaredDefinition.Target

    private static let topKeys: Set<String> = ["body", "detect", "event", "types", "fields", "key", "verify"]

    public static func compile(name: String, _ value: JSONValue, at base: String) throws(DeclaredDefinitionError) -> DeclaredDefinition {
        guard case .object(let members) = value else { throw fail(base, "a vendor definition is an object") }
        var seen: Set<String> = []
        for member in members {
            guard topKeys.contains(member.key) else { throw fail(base + "." + member.key, "unknown key") }
            guard seen.insert(member.key).inserted else { throw fail(base + "." + member.key, "given twice") }
        }
        var body = DeclaredDefinition.Body.json
        if let given = value["body"] {
            guard let text = given.stringValue, let parsed = DeclaredDefinition.Body(rawValue: text) else {
                throw fail(base + ".body", "expected \"json\", \"form\" or \"jwt\"")
            }
            body = parsed
        }
        let detect = try value["detect"].map { v throws(DeclaredDefinitionError) in try pathList(v, at: base + ".detect") } ?? []
        let key = try value["key"].map { v throws(DeclaredDefinitionError) in try pathList(v, at: base + ".key") } ?? []
        var event: DeclaredPath?
        if let given = value["event"] { event = try path(given, at: base + ".event") }
        var types = DeclaredValueMap<DeclaredDefinition.TypeEntry>()
        if let given = value["types"] {
            guard event != nil else { throw fail(base + ".types", "needs \"event\"") }
            guard case .object(let entries) = given else { throw fail(base + ".types", "expected an object") }
            for entry in entries {
                types.add(key: entry.key, try typeEntry(entry.value, at: base + ".types." + entry.key))
            }
        }
        var fields = [DeclaredSource?](repeating: nil, count: Target.allCases.count)
        if let given = value["fields"] {
            guard case .object(let entries) = given else { throw fail(base + ".fields", "expected an object") }
            for entry in entries {
                let at = base + ".fields." + entry.key
                guard let target = Target(rawValue: entry.key),
                      let index = Target.allCases.firstIndex(of: target) else {
                    throw fail(at, "unknown CallEvent field")
                }
                guard fields[index] == nil else { throw fail(at, "given twice") }
                fields[index] = try source(entry.value, for: target, at: at)
            }
        }
        if let verify = value["verify"], case .object = verify {} else if value["verify"] != nil {
            throw fail(base + ".verify", "expected an object")
        }
        return DeclaredDefinition(name: name, body: body, source: value, verify: value["verify"], detect: detect,
                                  event: event, types: types, fields: fields, key: key)
    }

    static func fail(_ path: String, _ message: String) -> DeclaredDefinitionError {
        DeclaredDefinitionError(path: path, message: message)
    }

    static func path(_ value: JSONValue, at: String) throws(DeclaredDefinitionError) -> DeclaredPath {
        guard let text = value.stringValue else { throw fail(at, "expected a path (a string)") }
        guard let path = DeclaredPath.parse(text) else { throw fail(at, "bad path \"\(text)\"") }
        return path
    }

    static func pathList(_ value: JSONValue, at: String) throws(DeclaredDefinitionError) -> [DeclaredPath] {
        if case .string = value { return [try path(value, at: at)] }
        guard case .array(let items) = value, !items.isEmpty else { throw fail(at, "expected a path or a non-empty list of paths") }
        var paths: [DeclaredPath] = []
        for (i, item) in items.enumerated() { paths.append(try path(item, at: "\(at).\(i)")) }
        return paths
    }

    static func typeEntry(_ value: JSONValue, at: String) throws(DeclaredDefinitionError) -> DeclaredDefinition.TypeEntry {
        if let text = value.stringValue {
            guard let type = EventType(rawValue: text) else { throw fail(at, "unknown type \"\(text)\"") }
            return .init(type: type)
        }
        guard case .object(let members) = value else { throw fail(at, "expected a type or an object") }
        var entry = DeclaredDefinition.TypeEntry(type: .unknown)
        var hasType = false
        for member in members {
            let here = at + "." + member.key
            guard let text = member.value.stringValue else { throw fail(here, "expected a string") }
            switch member.key {
            case "type":
                guard let type = EventType(rawValue: text) else { throw fail(here, "unknown type \"\(text)\"") }
                entry.type = type
                hasType = true
            case "outcome":
                guard let outcome = Outcome(rawValue: text) else { throw fail(here, "unknown outcome \"\(text)\"") }
                entry.outcome = outcome
            case "direction":
                guard let direction = Direction(rawValue: text) else { throw fail(here, "unknown direction \"\(text)\"") }
                entry.direction = direction
            default:
                throw fail(here, "unknown key")
            }
        }
        guard hasType else { throw fail(at + ".type", "missing") }
        return entry
    }

    /// The vocabulary a mapped or constant value must be in, for the fields that have one.
    private static func checkVocabulary(_ text: String, for target: Target, at: String) throws(DeclaredDefinitionError) {
        switch target {
        case .direction where Direction(rawValue: text) == nil: throw fail(at, "not a direction: \"\(text)\"")
        case .outcome where Outcome(rawValue: text) == nil: throw fail(at, "not an outcome: \"\(text)\"")
        default: break
        }
    }

    static func source(_ value: JSONValue, for target: Target, at: String, nested: Bool = false) throws(DeclaredDefinitionError) -> DeclaredSource {
        switch value {
        case .string, .array:
            return .paths(try pathList(value, at: at))
        case .object(let members):
            let keys = Set(members.map(\.key))
            if keys.isSubset(of: ["inbound", "outbound", "internal"]), !keys.isEmpty {
                guard !nested else { throw fail(at, "direction sources do not nest") }
                guard target != .direction else { throw fail(at, "direction cannot depend on itself") }
                func side(_ name: String) throws(DeclaredDefinitionError) -> DeclaredSource? {
                    guard let given = value[name] else { return nil }
                    return try source(given, for: target, at: at + "." + name, nested: true)
                }
                return .byDirection(inbound: try side("inbound"), outbound: try side("outbound"), internal: try side("internal"))
            }
            if keys == ["value"] {
                guard let text = value["value"]?.stringValue else { throw fail(at + ".value", "expected a string") }
                try checkVocabulary(text, for: target, at: at + ".value")
                return .constant(text)
            }
            guard let pathValue = value["path"] else { throw fail(at, "expected \"path\", \"value\" or inbound/outbound/internal") }
            let paths = try pathList(pathValue, at: at + ".path")
            for key in keys where key != "path" && key != "map" && key != "unit" { throw fail(at + "." + key, "unknown key") }
            if let map = value["map"] {
                guard keys.count == 2 else { throw fail(at, "\"map\" and \"unit\" are exclusive") }
                guard case .object(let entries) = map else { throw fail(at + ".map", "expected an object") }
                var table = DeclaredValueMap<String?>()
                for entry in entries {
                    let here = at + ".map." + entry.key
                    switch entry.value {
                    case .null: table.add(key: entry.key, nil)
                    case .string(let text):
                        try checkVocabulary(text, for: target, at: here)
                        table.add(key: entry.key, text)
                    default: throw fail(here, "expected a string or null")
                    }
                }
                return .mapped(paths, table)
            }
            if let unit = value["unit"] {
                guard target == .talkSeconds else { throw fail(at + ".unit", "only a duration has a unit") }
                let divisor: Int
                switch unit.stringValue {
                case "s": divisor = 1
                case "ms": divisor = 1000
                case "us": divisor = 1_000_000
                default: throw fail(at + ".unit", "expected \"s\", \"ms\" or \"us\"")
                }
                return .duration(paths, divisor: divisor)
            }
            return .paths(paths)
        default:
            throw fail(at, "expected a path, a list of paths or an object")
        }
    }
}
