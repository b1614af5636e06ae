/// What the head parser does with a complete header line, and with the complete head:
/// the framing, Host, connection and expectation rules of RFC 9112 and RFC 9110.
extension HeadParser {
    func fail(_ rule: HTTPParserError.Rule) -> Result { .error(.badRequest(rule)) }

    /// Records the header line just read, and what the framing and connection rules need from it.
    mutating func addHeader(_ bytes: UnsafeRawBufferPointer, limits: HTTPLimits) -> HTTPParserError? {
        if headers.count >= limits.maxHeaders { return .headerTooLarge }
        let name = tokenStart..<nameEnd
        let value = valueStart..<valueEnd
        if headers.isEmpty { headers.reserveCapacity(16) }
        let text = valueBits < 0x80 ? HTTPBytes.asciiString(bytes, value) : HTTPBytes.string(bytes, value)
        headers.append((HTTPBytes.asciiString(bytes, name), text))
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
            if Self.isFramingLookAlike(bytes, name) { return .badRequest(.framingHeaderLookAlike) }
        }
        return nil
    }

    /// `Content_Length`, `Transfer--Encoding` ...: a hop that folds `_` into `-` or squeezes
    /// hyphens would frame the message by a header this parser did not
    /// (Documentation.docc/HTTPConformance.md).
    static func isFramingLookAlike(_ bytes: UnsafeRawBufferPointer, _ name: Range<Int>) -> Bool {
        guard name.count >= 14 else { return false }
        var folded: [UInt8] = []
        folded.reserveCapacity(name.count)
        for index in name {
            var b = bytes[index] | 0x20
            if bytes[index] == 0x5F || bytes[index] == 0x2D { b = 0x2D }
            if b == 0x2D, folded.last == 0x2D { continue }
            folded.append(b)
        }
        return folded.elementsEqual("content-length".utf8) || folded.elementsEqual("transfer-encoding".utf8)
    }

    /// Decides the framing once the whole head is in (RFC 9112 §6), and builds the head.
    mutating func finish(length: Int, limits: HTTPLimits) -> Result {
        if transferEncodingCount > 0 {
            // RFC 9112 §6.1: a 1.0 request with Transfer-Encoding is faulty framing.
            if version == .http1_0 { return fail(.transferEncodingInAnHTTP10Request) }
            if transferEncodingCount > 1 { return fail(.transferEncodingSentTwice) }
            // RFC 9112 §6.3: both may be a smuggling attempt; reject, never pick one.
            if contentLengthCount > 0 { return fail(.contentLengthTogetherWithTransferEncoding) }
        }
        // RFC 9112 §6.3 / RFC 9110 §8.6: one Content-Length, all digits.
        if contentLengthCount > 1 { return fail(.contentLengthSentTwice) }
        if contentLengthInvalid { return fail(.invalidContentLength) }
        // RFC 9112 §3.2: a 1.1 request has exactly one Host.
        if hostCount > 1 { return fail(.hostSentTwice) }
        if hostCount == 0, version == .http1_1 { return fail(.missingHost) }

        let framing: HTTPBodyFraming
        if transferEncodingCount > 0 {
            switch transferCoding {
            case .chunked: framing = .chunked
            case .chunkedNotLast: return fail(.chunkedIsNotTheLastTransferCoding)
            case .unsupported: return .error(.unsupportedTransferEncoding)
            }
        } else if contentLengthCount > 0 {
            if contentLength > limits.maxBodyBytes { return .error(.bodyTooLarge) }
            framing = .contentLength(contentLength)
        } else {
            framing = .none
        }

        // RFC 9112 §9.3: 1.1 stays open unless "close"; 1.0 only with "keep-alive".
        // A GET or HEAD with a body is read by its framing, answered, then closed: a front end
        // that disagrees on whether the body exists cannot smuggle a request behind it.
        let bodyOnSafeMethod = (method == "GET" || method == "HEAD") && framing != .none && framing != .contentLength(0)
        let keepAlive = !connectionClose && !bodyOnSafeMethod && (version == .http1_1 || connectionKeepAlive)
        // RFC 9110 §10.1.1: a 100-continue expectation in an HTTP/1.0 request is ignored.
        let head = HTTPRequestHead(method: method, target: target, version: version,
                                   headers: HTTPHeaders(headers), framing: framing,
                                   keepAlive: keepAlive, expectsContinue: expectsContinue && version == .http1_1)
        return .complete(head, length: length)
    }

    static func version(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> HTTPVersion? {
        guard range.count == 8, HTTPBytes.hasPrefix(bytes, range, "HTTP/1."), bytes[range.lowerBound + 5] == 0x31 else { return nil }
        switch bytes[range.lowerBound + 7] {
        case 0x31: return .http1_1
        case 0x30: return .http1_0
        default: return nil
        }
    }

    /// `HTTP/2`, `HTTP/2.0`, `HTTP/3` ...: a version we know of but do not speak (505).
    static func isLaterMajorVersion(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        guard range.count == 6 || range.count == 8, HTTPBytes.hasPrefix(bytes, range, "HTTP/") else { return false }
        let major = bytes[range.lowerBound + 5]
        guard major >= 0x32, major <= 0x39 else { return false }
        if range.count == 6 { return true }
        let digit = bytes[range.lowerBound + 7]
        return bytes[range.lowerBound + 6] == 0x2E && digit >= 0x30 && digit <= 0x39
    }

    /// All digits, no sign, no overflow (RFC 9110 §8.6); leading zeros are fine.
    static func decimal(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
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
    static func transferCoding(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> TransferCoding {
        let codings = HTTPBytes.listElements(bytes, range)
        for coding in codings.dropLast() where HTTPBytes.equalsIgnoringCase(bytes, coding, "chunked") {
            return .chunkedNotLast
        }
        if codings.count == 1, HTTPBytes.equalsIgnoringCase(bytes, codings[0], "chunked") { return .chunked }
        return .unsupported
    }
}
