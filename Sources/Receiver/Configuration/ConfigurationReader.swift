import CallEvents

/// Reads typed values out of parsed JSON while collecting every problem with its path, so one
/// run of `check-config` lists them all. A bad value is reported and read as nil; the caller
/// keeps going with its default.
struct ConfigurationReader {
    private(set) var errors: [String] = []
    private(set) var warnings: [String] = []

    mutating func error(_ path: JSONPath, _ message: String) { errors.append("\(path): \(message)") }
    /// An error that belongs to no JSON path (a command-line override).
    mutating func errorLine(_ message: String) { errors.append(message) }
    mutating func warning(_ message: String) { warnings.append(message) }

    /// The members of an object by key, after reporting duplicate keys and keys not in `known`
    /// (RFC 8259 §4 leaves duplicates to the reader; here they are a mistake, like typos).
    mutating func object(_ value: JSONValue, at path: JSONPath, known: [String]) -> [String: JSONValue]? {
        guard case .object(let members) = value else {
            error(path, "expected an object, got \(describe(value))")
            return nil
        }
        var fields: [String: JSONValue] = [:]
        var reported: Set<String> = []
        for member in members {
            guard known.contains(member.key) else {
                if reported.insert(member.key).inserted {
                    error(path.key(member.key), "unknown key" + suggestion(for: member.key, among: known))
                }
                continue
            }
            if fields[member.key] != nil {
                if reported.insert(member.key).inserted { error(path.key(member.key), "duplicate key") }
                continue
            }
            fields[member.key] = member.value
        }
        return fields
    }

    /// A JSON integer (no fraction, no exponent) in `range`.
    mutating func integer(_ value: JSONValue, at path: JSONPath, in range: ClosedRange<Int>) -> Int? {
        let expected = range.lowerBound == 1 ? "a positive integer"
            : range.lowerBound == 0 ? "a non-negative integer" : "an integer of at least \(range.lowerBound)"
        guard case .number(let literal) = value, isIntegerLiteral(literal) else {
            let hint = if case .string = value { " (write numbers without quotes)" } else { "" }
            error(path, "expected \(expected), got \(describe(value))\(hint)")
            return nil
        }
        guard let number = Int(literal), range.contains(number) else {
            let bound = range.upperBound == .max ? "" : " up to \(range.upperBound)"
            error(path, "expected \(expected)\(bound), got \(literal)")
            return nil
        }
        return number
    }

    /// A string; when `nonEmpty`, "" is refused too. `secret` keeps the value out of messages.
    mutating func string(_ value: JSONValue, at path: JSONPath, nonEmpty: Bool = true) -> String? {
        guard case .string(let text) = value else {
            error(path, "expected \(nonEmpty ? "a non-empty string" : "a string"), got \(describe(value))")
            return nil
        }
        guard !nonEmpty || !text.isEmpty else {
            error(path, "expected a non-empty string")
            return nil
        }
        return text
    }

    /// An array of CIDR strings; `nonEmpty` refuses `[]`. Host bits set are warned about.
    mutating func cidrs(_ value: JSONValue, at path: JSONPath, nonEmpty: Bool, emptyHint: String = "") -> [CIDR]? {
        guard case .array(let elements) = value else {
            error(path, "expected an array of CIDRs such as \"203.0.113.0/24\", got \(describe(value))")
            return nil
        }
        guard !nonEmpty || !elements.isEmpty else {
            error(path, "expected at least one CIDR\(emptyHint)")
            return nil
        }
        var networks: [CIDR] = []
        var valid = true
        for (index, element) in elements.enumerated() {
            guard let text = string(element, at: path.index(index)) else {
                valid = false
                continue
            }
            do {
                let network = try CIDR(parsing: text)
                if network.hasHostBits {
                    warning("\(path.index(index)): \(quoted(text)) has bits set past the prefix; it is read as \(network)")
                }
                networks.append(network)
            } catch {
                self.error(path.index(index), "\(quoted(text)) is not a CIDR: \(error)")
                valid = false
            }
        }
        return valid ? networks : nil
    }

    /// `null`, `true`, `a string`, or the number as written: what a message says was found.
    /// Strings are not echoed: the value might be a secret in the wrong place.
    func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let literal): literal
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    private func isIntegerLiteral(_ literal: String) -> Bool {
        let digits = literal.utf8.first == UInt8(ascii: "-") ? literal.utf8.dropFirst() : literal.utf8[...]
        return !digits.isEmpty && digits.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// ` (did you mean "secret"?)` when a known key is one or two edits away.
    private func suggestion(for key: String, among known: [String]) -> String {
        let typed = Array(key.utf8)
        guard typed.count <= 64 else { return "" }
        let close = known.map { ($0, editDistance(typed, Array($0.utf8))) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }
        return close.map { " (did you mean \(quoted($0.0))?)" } ?? ""
    }

    private func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
