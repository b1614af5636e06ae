/// Where one CallEvent field comes from in a declared vendor's payload
/// (Documentation.docc/Vendors.md, "A definition"), compiled.
///
/// ```swift
/// .paths([p1, p2])                      // the first present and non-empty
/// .mapped(path, map)                    // looked up in a value map
/// .byDirection(inbound: a, outbound: b, internal: nil)
/// .constant("inbound")
/// .duration(path, divisor: 1000)        // "unit": "ms"
/// ```
enum DeclaredSource: Sendable {
    case paths([DeclaredPath])
    case mapped([DeclaredPath], DeclaredValueMap<String?>)
    indirect case byDirection(inbound: DeclaredSource?, outbound: DeclaredSource?, internal: DeclaredSource?)
    case constant(String)
    case duration([DeclaredPath], divisor: Int)

    /// The raw value the source points at (`constant` and `mapped` as strings).
    func value(in lookup: DeclaredLookup, direction: Direction?) -> JSONValue? {
        switch self {
        case .paths(let paths), .duration(let paths, _):
            return DeclaredSource.first(paths, lookup)
        case .mapped(let paths, let map):
            let found = DeclaredSource.first(paths, lookup).flatMap(Fields.text(of:))
            return (map.lookup(found) ?? nil).map(JSONValue.string)
        case .constant(let text):
            return .string(text)
        case .byDirection(let inbound, let outbound, let `internal`):
            let chosen: DeclaredSource? = switch direction {
            case .outbound: outbound
            case .internal: `internal` ?? inbound
            case .inbound, nil: inbound
            }
            return chosen?.value(in: lookup, direction: direction)
        }
    }

    /// The value as text, as sent; nil when absent or empty.
    func text(in lookup: DeclaredLookup, direction: Direction?) -> String? {
        value(in: lookup, direction: direction).flatMap(Fields.text(of:))
    }

    /// Whole seconds: the unit's divisor applied, floored (a decimal's fraction dropped first).
    func seconds(in lookup: DeclaredLookup, direction: Direction?) -> Int? {
        guard let text = text(in: lookup, direction: direction),
              let value = ASCII.withUTF8(of: text, DeclaredSource.wholePart), value >= 0 else { return nil }
        if case .duration(_, let divisor) = self { return value / divisor }
        return value
    }

    /// The integer before the first `.` of trimmed text (`61100.0` -> 61100): an optional sign,
    /// then digits only; nil when there are none or it does not fit an Int.
    static func wholePart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var (i, end) = ASCII.trimmedRange(bytes)
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var value = 0
        let first = i
        while i < end, bytes[i] != UInt8(ascii: ".") {
            guard ASCII.isDigit(bytes[i]) else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(bytes[i] - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            value = sum
            i += 1
        }
        return i > first ? (negative ? -value : value) : nil
    }

    private static func first(_ paths: [DeclaredPath], _ lookup: DeclaredLookup) -> JSONValue? {
        if paths.count == 1 { return lookup.value(paths[0]) }
        for path in paths {
            if let value = lookup.value(path), Fields.text(of: value) != nil || isContainer(value) {
                return value
            }
        }
        return nil
    }

    private static func isContainer(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let m): !m.isEmpty
        case .array(let a): !a.isEmpty
        default: false
        }
    }
}
