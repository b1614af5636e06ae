/// Parses one request head (request line, header lines, empty line; RFC 9112 §2–§5).
///
/// It reads each byte once, in order, and keeps its state between calls, so an error is
/// found at the same byte however the input was split, and a request dribbled in one byte
/// at a time costs no more than one that arrives whole. Offsets count from the request's
/// first byte; the caller passes the same start every time until the head is complete.
///
/// ```swift
/// var head = HeadParser()
/// switch head.parse(bytes, limits: limits) { ... }
/// ```
struct HeadParser {
    enum Result {
        case needMoreData
        /// The head, and how many bytes it took (with any empty lines before it).
        case complete(HTTPRequestHead, length: Int)
        case error(HTTPParserError)
    }

    /// Empty lines skipped before a request line (RFC 9112 §2.2: "SHOULD ignore at least one").
    static let maxEmptyLinesBeforeRequest = 8

    private enum State: UInt8 {
        case start, leadingLF, method, target, version, requestLineLF
        case lineStart, name, valueLeadingSpace, value, lineLF, finalLF
    }

    private enum TransferCoding {
        case chunked
        /// `chunked` followed by another coding (RFC 9112 §6.3: chunked must be last).
        case chunkedNotLast
        /// Anything we do not implement.
        case unsupported
    }

    private var state = State.start
    /// The next byte to read.
    private var offset = 0
    private var emptyLines = 0
    /// Where the method, target, version or header name being read starts.
    private var tokenStart = 0
    private var nameEnd = 0
    private var valueStart = 0
    /// Past the last byte of the value that is not white space (RFC 9110 §5.5: OWS is trimmed).
    private var valueEnd = 0

    private var method = ""
    private var target = ""
    private var version = HTTPVersion.http1_1
    private var headers: [(name: String, value: String)] = []
    private var hostCount = 0
    private var contentLengthCount = 0
    private var contentLength = 0
    private var contentLengthInvalid = false
    private var transferEncodingCount = 0
    private var transferCoding = TransferCoding.chunked
    private var connectionClose = false
    private var connectionKeepAlive = false
    private var expectsContinue = false

    init() {}

    /// Whether any byte of this request has been read (empty lines before it included).
    var hasStarted: Bool { offset > 0 }

    /// Reads on from where the last call stopped. `bytes` starts at the request's first byte.
    mutating func parse(_ bytes: UnsafeRawBufferPointer, limits: HTTPLimits) -> Result {
        let end = min(bytes.count, limits.maxHeaderBytes)
        var i = offset
        defer { offset = i }
        while i < end {
            switch state {
            case .start:
                let b = bytes[i]
                if b == HTTPBytes.cr {
                    i += 1
                    state = .leadingLF
                } else if b == HTTPBytes.lf {
                    return fail("bare LF")
                } else {
                    tokenStart = i
                    state = .method
                }

            case .leadingLF:
                // RFC 9112 §2.2: skip a few empty lines before the request line.
                guard bytes[i] == HTTPBytes.lf else { return fail("bare CR") }
                i += 1
                emptyLines += 1
                if emptyLines > Self.maxEmptyLinesBeforeRequest { return fail("too many empty lines") }
                state = .start

            case .method:
                // RFC 9112 §3: method SP request-target SP HTTP-version; method is a token.
                while i < end, HTTPBytes.isToken(bytes[i]) { i += 1 }
                if i == end { break }
                guard bytes[i] == HTTPBytes.space, i > tokenStart else { return fail("invalid method") }
                method = HTTPBytes.asciiString(bytes, tokenStart..<i)
                i += 1
                tokenStart = i
                state = .target

            case .target:
                // RFC 9112 §3.2: visible ASCII only; no control byte, space or byte >= 0x80.
                let stop = min(end, tokenStart + limits.maxTargetBytes)
                while i < stop, HTTPBytes.isTargetByte(bytes[i]) { i += 1 }
                if i == end { break }
                let b = bytes[i]
                if b == HTTPBytes.space {
                    guard i > tokenStart else { return fail("empty request target") }
                    target = HTTPBytes.asciiString(bytes, tokenStart..<i)
                    i += 1
                    tokenStart = i
                    state = .version
                } else if HTTPBytes.isTargetByte(b) {
                    return .error(.targetTooLong)
                } else if b == HTTPBytes.cr || b == HTTPBytes.lf {
                    return fail("request line without a version")
                } else {
                    return fail("invalid byte in the request target")
                }

            case .version:
                // RFC 9112 §2.3: HTTP-version is exactly "HTTP/" DIGIT "." DIGIT, case-sensitive.
                while i < end, i - tokenStart < 8, HTTPBytes.isToken(bytes[i]) || bytes[i] == 0x2F { i += 1 }
                if i == end { break }
                guard bytes[i] == HTTPBytes.cr else { return fail("invalid HTTP version") }
                switch Self.version(bytes, tokenStart..<i) {
                case .some(let v): version = v
                case .none where Self.isLaterMajorVersion(bytes, tokenStart..<i): return .error(.unsupportedVersion)
                case .none: return fail("invalid HTTP version")
                }
                i += 1
                state = .requestLineLF

            case .requestLineLF, .lineLF, .finalLF:
                // RFC 9112 §2.2: lines end in CRLF; a bare CR is an error.
                guard bytes[i] == HTTPBytes.lf else { return fail("bare CR") }
                i += 1
                if state == .finalLF { return finish(length: i, limits: limits) }
                if state == .lineLF, let error = addHeader(bytes, limits: limits) { return .error(error) }
                state = .lineStart

            case .lineStart:
                let b = bytes[i]
                if HTTPBytes.isToken(b) {
                    tokenStart = i
                    i += 1
                    state = .name
                } else if b == HTTPBytes.cr {
                    i += 1
                    state = .finalLF
                } else if HTTPBytes.isWhitespace(b) {
                    // RFC 9112 §2.2 (white space before the first header), §5.2 (obs-fold).
                    return fail(headers.isEmpty ? "white space before the first header" : "obsolete line folding")
                } else if b == HTTPBytes.colon {
                    return fail("empty header name")
                } else if b == HTTPBytes.lf {
                    return fail("bare LF")
                } else {
                    return fail("invalid header name")
                }

            case .name:
                // RFC 9110 §5.1: field-name is a token; RFC 9112 §5.1: no white space before the colon.
                while i < end, HTTPBytes.isToken(bytes[i]) { i += 1 }
                if i == end { break }
                let b = bytes[i]
                if b == HTTPBytes.colon {
                    nameEnd = i
                    i += 1
                    state = .valueLeadingSpace
                } else if HTTPBytes.isWhitespace(b) {
                    return fail("white space before a colon")
                } else if b == HTTPBytes.cr || b == HTTPBytes.lf {
                    return fail("header line without a colon")
                } else {
                    return fail("invalid header name")
                }

            case .valueLeadingSpace:
                while i < end, HTTPBytes.isWhitespace(bytes[i]) { i += 1 }
                if i == end { break }
                valueStart = i
                valueEnd = i
                state = .value

            case .value:
                // RFC 9110 §5.5: visible bytes, obs-text, SP and HTAB; no other control byte.
                var last = valueEnd
                while i < end {
                    let b = bytes[i]
                    if HTTPBytes.isFieldVisible(b) {
                        i += 1
                        last = i
                    } else if HTTPBytes.isWhitespace(b) {
                        i += 1
                    } else {
                        break
                    }
                }
                valueEnd = last
                if i == end { break }
                let b = bytes[i]
                guard b == HTTPBytes.cr else { return fail(b == HTTPBytes.lf ? "bare LF" : "control byte in a header value") }
                i += 1
                state = .lineLF
            }
        }
        // RFC 9110 §15.5.22 / RFC 6585 §5: the head cannot end within the limit.
        if i >= limits.maxHeaderBytes { return .error(.headerTooLarge) }
        return .needMoreData
    }

    private func fail(_ reason: String) -> Result { .error(.badRequest(reason)) }

    /// Records the header line just read, and what the framing and connection rules need from it.
    private mutating func addHeader(_ bytes: UnsafeRawBufferPointer, limits: HTTPLimits) -> HTTPParserError? {
        if headers.count >= limits.maxHeaders { return .headerTooLarge }
        let name = tokenStart..<nameEnd
        let value = valueStart..<valueEnd
        if headers.isEmpty { headers.reserveCapacity(16) }
        headers.append((HTTPBytes.asciiString(bytes, name), HTTPBytes.string(bytes, value)))
        switch name.count {
        case 4 where HTTPBytes.equalsIgnoringCase(bytes, name, "host"):
            hostCount += 1
        case 6 where HTTPBytes.equalsIgnoringCase(bytes, name, "expect"):
            // RFC 9110 §10.1.1: the expectation is case-insensitive.
            if HTTPBytes.equalsIgnoringCase(bytes, value, "100-continue") { expectsContinue = true }
        case 10 where HTTPBytes.equalsIgnoringCase(bytes, name, "connection"):
            // RFC 9110 §7.6.1: a list of case-insensitive options, possibly over several lines.
            for option in HTTPBytes.listElements(bytes, value) {
                if HTTPBytes.equalsIgnoringCase(bytes, option, "close") { connectionClose = true }
                if HTTPBytes.equalsIgnoringCase(bytes, option, "keep-alive") { connectionKeepAlive = true }
            }
        case 14 where HTTPBytes.equalsIgnoringCase(bytes, name, "content-length"):
            contentLengthCount += 1
            if let length = Self.decimal(bytes, value) { contentLength = length } else { contentLengthInvalid = true }
        case 17 where HTTPBytes.equalsIgnoringCase(bytes, name, "transfer-encoding"):
            transferEncodingCount += 1
            transferCoding = Self.transferCoding(bytes, value)
        default:
            break
        }
        return nil
    }

    /// Decides the framing once the whole head is in (RFC 9112 §6), and builds the head.
    private mutating func finish(length: Int, limits: HTTPLimits) -> Result {
        if transferEncodingCount > 0 {
            // RFC 9112 §6.1: a 1.0 request with Transfer-Encoding is faulty framing.
            if version == .http1_0 { return fail("transfer-encoding in an HTTP/1.0 request") }
            if transferEncodingCount > 1 { return fail("transfer-encoding sent twice") }
            // RFC 9112 §6.3: both may be a smuggling attempt; reject, never pick one.
            if contentLengthCount > 0 { return fail("content-length together with transfer-encoding") }
        }
        // RFC 9112 §6.3 / RFC 9110 §8.6: one Content-Length, all digits.
        if contentLengthCount > 1 { return fail("content-length sent twice") }
        if contentLengthInvalid { return fail("invalid content-length") }
        // RFC 9112 §3.2: a 1.1 request has exactly one Host.
        if hostCount > 1 { return fail("host sent twice") }
        if hostCount == 0, version == .http1_1 { return fail("missing host") }

        let framing: HTTPBodyFraming
        if transferEncodingCount > 0 {
            switch transferCoding {
            case .chunked: framing = .chunked
            case .chunkedNotLast: return fail("chunked is not the last transfer coding")
            case .unsupported: return .error(.unsupportedTransferEncoding)
            }
        } else if contentLengthCount > 0 {
            if contentLength > limits.maxBodyBytes { return .error(.bodyTooLarge) }
            framing = .contentLength(contentLength)
        } else {
            framing = .none
        }

        // RFC 9112 §9.3: 1.1 stays open unless "close"; 1.0 only with "keep-alive".
        let keepAlive = !connectionClose && (version == .http1_1 || connectionKeepAlive)
        // RFC 9110 §10.1.1: a 100-continue expectation in an HTTP/1.0 request is ignored.
        let head = HTTPRequestHead(method: method, target: target, version: version,
                                   headers: HTTPHeaders(headers), framing: framing,
                                   keepAlive: keepAlive, expectsContinue: expectsContinue && version == .http1_1)
        return .complete(head, length: length)
    }

    private static func version(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> HTTPVersion? {
        guard range.count == 8, HTTPBytes.hasPrefix(bytes, range, "HTTP/1."), bytes[range.lowerBound + 5] == 0x31 else { return nil }
        switch bytes[range.lowerBound + 7] {
        case 0x31: return .http1_1
        case 0x30: return .http1_0
        default: return nil
        }
    }

    /// `HTTP/2`, `HTTP/2.0`, `HTTP/3` ...: a version we know of but do not speak (505).
    private static func isLaterMajorVersion(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        guard range.count == 6 || range.count == 8, HTTPBytes.hasPrefix(bytes, range, "HTTP/") else { return false }
        let major = bytes[range.lowerBound + 5]
        guard major >= 0x32, major <= 0x39 else { return false }
        if range.count == 6 { return true }
        let digit = bytes[range.lowerBound + 7]
        return bytes[range.lowerBound + 6] == 0x2E && digit >= 0x30 && digit <= 0x39
    }

    /// All digits, no sign, no overflow (RFC 9110 §8.6); leading zeros are fine.
    private static func decimal(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        var value = 0
        for index in range {
            let digit = bytes[index] &- 0x30
            guard digit <= 9 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(digit))
            if o1 || o2 { return nil }
            value = sum
        }
        return value
    }

    /// Only exactly `chunked` is served (RFC 9112 §6.1, §7); `chunked` anywhere but last is an error.
    private static func transferCoding(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> TransferCoding {
        let codings = HTTPBytes.listElements(bytes, range)
        for coding in codings.dropLast() where HTTPBytes.equalsIgnoringCase(bytes, coding, "chunked") {
            return .chunkedNotLast
        }
        if codings.count == 1, HTTPBytes.equalsIgnoringCase(bytes, codings[0], "chunked") { return .chunked }
        return .unsupported
    }
}
