import HTTPServer

/// Properties of ``ProxyHeaderParser`` that hold for any bytes, in every mode: a verdict does not
/// change as more bytes arrive, a header is never longer than the input or the limits, and a
/// header parses the same from its own bytes alone.
///
/// ```swift
/// ProxyHeaderConsistency.check(Array(buffer))
/// ```
public enum ProxyHeaderConsistency {
    public static func check(_ input: [UInt8]) {
        for mode in ProxyProtocolMode.allCases where mode != .off {
            let parser = ProxyHeaderParser(accepting: mode)
            let whole = parser.parse(input)
            // The first prefix that is not needMoreData decides; later bytes cannot change it.
            var first: ProxyHeaderParser.Result = .needMoreData
            for end in 0...input.count {
                first = parser.parse(input[..<end])
                if first != .needMoreData { break }
            }
            switch (first, whole) {
            case (.invalid, .invalid), (.needMoreData, .needMoreData): break
            default: FuzzCheck.require(first == whole, "\(mode): prefix gives \(first), whole gives \(whole)")
            }
            guard case .header(let header, let length) = whole else { continue }
            FuzzCheck.require(length <= input.count && length >= 15, "\(mode): length \(length) of \(input.count)")
            let limit = header.version == 1 ? ProxyHeaderParser.maxV1Length : ProxyHeaderParser.maxV2Length
            FuzzCheck.require(length <= limit, "\(mode): v\(header.version) header of \(length) bytes")
            FuzzCheck.require(parser.parse(input[..<length]) == whole, "\(mode): its own bytes parse differently")
            for endpoint in [header.source, header.destination].compactMap({ $0 }) {
                FuzzCheck.require((0...65_535).contains(endpoint.port), "\(mode): port \(endpoint.port)")
                FuzzCheck.require(!endpoint.address.isEmpty, "\(mode): empty address")
            }
        }
    }
}
