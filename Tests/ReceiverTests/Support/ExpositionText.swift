/// The Prometheus text exposition format (0.0.4), parsed strictly enough to catch what a
/// scraper would choke on or misread: every line ends in `\n`; a sample line is
/// `name{label="value",...} value` or `name value`; `# HELP` and `# TYPE` come at most once per
/// family and before its samples; a family's samples are together; no series twice; counters
/// end in `_total`; a histogram's buckets have ascending `le`, cumulative counts, end in
/// `+Inf` equal to `_count`, and come with a `_sum`.
///
/// ```swift
/// let metrics = try ExpositionText.parse(response.text)
/// XCTAssertEqual(metrics.value("callhook_events_total", ["vendor": "voipnow", "type": "call.hangup"]), 1)
/// ```
struct ExpositionText {
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var samples: [Sample] = []
    private(set) var types: [String: String] = [:]
    private(set) var helps: [String: String] = [:]

    /// The value of one series; nil when it is not there.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    /// Every sample of a metric name, whatever its labels.
    func series(_ name: String) -> [Sample] { samples.filter { $0.name == name } }

    static func parse(_ text: String) throws -> ExpositionText {
        var result = ExpositionText()
        guard text.isEmpty || text.hasSuffix("\n") else { throw FormatError(description: "the text does not end with a newline") }
        var sampled: [String] = []          // families in the order their samples appeared
        var seenSeries: Set<String> = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            func fail(_ why: String) -> FormatError { FormatError(description: "line \(number + 1) `\(line)`: \(why)") }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 3, parts[1] == "HELP" || parts[1] == "TYPE" else { continue }   // a plain comment
                let family = parts[2]
                guard isMetricName(family) else { throw fail("bad metric name") }
                guard !sampled.contains(family) else { throw fail("\(parts[1]) after the family's samples") }
                if parts[1] == "HELP" {
                    guard result.helps[family] == nil else { throw fail("second HELP") }
                    result.helps[family] = parts.count == 4 ? parts[3] : ""
                } else {
                    guard result.types[family] == nil else { throw fail("second TYPE") }
                    guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3]) else {
                        throw fail("unknown type")
                    }
                    result.types[family] = parts[3]
                }
                continue
            }
            guard !line.isEmpty else { throw fail("empty line") }
            let sample: Sample
            do { sample = try parseSample(String(line)) } catch let error as FormatError { throw fail(error.description) }
            let family = result.family(of: sample.name)
            guard result.types[family] != nil else { throw fail("sample of a family without TYPE") }
            if sampled.last != family {
                guard !sampled.contains(family) else { throw fail("the samples of \(family) are not together") }
                sampled.append(family)
            }
            let series = sample.name + "|" + sample.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            guard seenSeries.insert(series).inserted else { throw fail("the same series twice") }
            result.samples.append(sample)
        }
        try result.checkFamilies()
        return result
    }

    /// `x_bucket`, `x_sum` and `x_count` belong to histogram `x`.
    private func family(of name: String) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if types[base] == "histogram" { return base }
        }
        return name
    }

    private func checkFamilies() throws {
        for (family, type) in types {
            switch type {
            case "counter":
                guard family.hasSuffix("_total") else { throw FormatError(description: "counter \(family) does not end in _total") }
                for sample in series(family) where sample.value < 0 {
                    throw FormatError(description: "counter \(family) is negative")
                }
            case "histogram": try checkHistogram(family)
            default: break
            }
        }
    }

    private func checkHistogram(_ family: String) throws {
        let buckets = series(family + "_bucket")
        // Group by the labels other than `le`.
        var groups: [[String: String]: [Sample]] = [:]
        for bucket in buckets {
            guard bucket.labels["le"] != nil else { throw FormatError(description: "\(family) bucket without le") }
            var rest = bucket.labels
            rest["le"] = nil
            groups[rest, default: []].append(bucket)
        }
        guard !groups.isEmpty else { throw FormatError(description: "histogram \(family) has no buckets") }
        for (labels, group) in groups {
            let bounds = try group.map { sample -> Double in
                guard let bound = Self.number(sample.labels["le"]!) else {
                    throw FormatError(description: "\(family): le=\(sample.labels["le"]!) is not a number")
                }
                return bound
            }
            guard bounds == bounds.sorted(), Set(bounds).count == bounds.count else {
                throw FormatError(description: "\(family): le not ascending: \(bounds)")
            }
            guard bounds.last == .infinity else { throw FormatError(description: "\(family): the last bucket is not +Inf") }
            let counts = group.map(\.value)
            guard counts == counts.sorted() else { throw FormatError(description: "\(family): buckets not cumulative: \(counts)") }
            guard let count = value(family + "_count", labels), count == counts.last else {
                throw FormatError(description: "\(family): _count missing or not the +Inf bucket")
            }
            guard value(family + "_sum", labels) != nil else { throw FormatError(description: "\(family): _sum missing") }
        }
    }

    // MARK: - One sample line

    private static func parseSample(_ line: String) throws -> Sample {
        var rest = Substring(line)
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }
        guard isMetricName(name) else { throw FormatError(description: "bad metric name") }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let label = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                guard let first = label.first, first.isLetter || first == "_" else { throw FormatError(description: "bad label name") }
                rest = rest.dropFirst(label.count)
                guard rest.hasPrefix("=\"") else { throw FormatError(description: "label \(label) without =\"") }
                rest = rest.dropFirst(2)
                var value = ""
                while let ch = rest.first, ch != "\"" {
                    rest = rest.dropFirst()
                    if ch == "\\" {
                        switch rest.first {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: throw FormatError(description: "bad escape in a label value")
                        }
                        rest = rest.dropFirst()
                    } else {
                        guard ch != "\n" else { throw FormatError(description: "newline in a label value") }
                        value.append(ch)
                    }
                }
                guard rest.first == "\"" else { throw FormatError(description: "unterminated label value") }
                rest = rest.dropFirst()
                guard labels.updateValue(value, forKey: String(label)) == nil else { throw FormatError(description: "label \(label) twice") }
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { throw FormatError(description: "expected , or }") }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw FormatError(description: "no space before the value") }
        let fields = rest.dropFirst().split(separator: " ", omittingEmptySubsequences: false)
        // A timestamp may follow the value; this exporter writes none.
        guard fields.count == 1, let value = number(String(fields[0])) else { throw FormatError(description: "bad value") }
        return Sample(name: String(name), labels: labels, value: value)
    }

    /// A Go `ParseFloat` number as the format allows it, with `+Inf`, `-Inf` and `NaN`.
    static func number(_ text: String) -> Double? {
        switch text {
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default:
            guard !text.isEmpty, text.allSatisfy({ "0123456789.eE+-".contains($0) }) else { return nil }
            return Double(text)
        }
    }

    private static func isMetricName<S: StringProtocol>(_ name: S) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" || first == ":" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
    }
}
