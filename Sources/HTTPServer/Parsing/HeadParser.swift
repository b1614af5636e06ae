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

    enum TransferCoding {
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
    var tokenStart = 0
    var nameEnd = 0
    var valueStart = 0
    /// Past the last byte of the value that is not white space (RFC 9110 §5.5: OWS is trimmed).
    var valueEnd = 0
    /// The value's bytes OR-ed together: without bit 7 set, the value is ASCII.
    var valueBits: UInt8 = 0

    var method = ""
    var target = ""
    var version = HTTPVersion.http1_1
    var headers: [(name: String, value: String)] = []
    var hostCount = 0
    var contentLengthCount = 0
    var contentLength = 0
    var contentLengthInvalid = false
    var transferEncodingCount = 0
    var transferCoding = TransferCoding.chunked
    var connectionClose = false
    var connectionKeepAlive = false
    var expectsContinue = false

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
                    return fail(.bareLF)
                } else {
                    tokenStart = i
                    state = .method
                }

            case .leadingLF:
                // RFC 9112 §2.2: skip a few empty lines before the request line.
                guard bytes[i] == HTTPBytes.lf else { return fail(.bareCR) }
                i += 1
                emptyLines += 1
                if emptyLines > Self.maxEmptyLinesBeforeRequest { return fail(.tooManyEmptyLines) }
                state = .start

            case .method:
                // RFC 9112 §3: method SP request-target SP HTTP-version; method is a token.
                while i < end, HTTPBytes.isToken(bytes[i]) { i += 1 }
                if i == end { break }
                guard bytes[i] == HTTPBytes.space, i > tokenStart else { return fail(.invalidMethod) }
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
                    guard i > tokenStart else { return fail(.emptyRequestTarget) }
                    target = HTTPBytes.asciiString(bytes, tokenStart..<i)
                    i += 1
                    tokenStart = i
                    state = .version
                } else if HTTPBytes.isTargetByte(b) {
                    return .error(.targetTooLong)
                } else if b == HTTPBytes.cr || b == HTTPBytes.lf {
                    return fail(.requestLineWithoutAVersion)
                } else {
                    return fail(.invalidByteInTheRequestTarget)
                }

            case .version:
                // RFC 9112 §2.3: HTTP-version is exactly "HTTP/" DIGIT "." DIGIT, case-sensitive.
                while i < end, i - tokenStart < 8, HTTPBytes.isToken(bytes[i]) || bytes[i] == 0x2F { i += 1 }
                if i == end { break }
                guard bytes[i] == HTTPBytes.cr else { return fail(.invalidHTTPVersion) }
                switch Self.version(bytes, tokenStart..<i) {
                case .some(let v): version = v
                case .none where Self.isLaterMajorVersion(bytes, tokenStart..<i): return .error(.unsupportedVersion)
                case .none: return fail(.invalidHTTPVersion)
                }
                i += 1
                state = .requestLineLF

            case .requestLineLF, .lineLF, .finalLF:
                // RFC 9112 §2.2: lines end in CRLF; a bare CR is an error.
                guard bytes[i] == HTTPBytes.lf else { return fail(.bareCR) }
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
                    return fail(headers.isEmpty ? .whiteSpaceBeforeTheFirstHeader : .obsoleteLineFolding)
                } else if b == HTTPBytes.colon {
                    return fail(.emptyHeaderName)
                } else if b == HTTPBytes.lf {
                    return fail(.bareLF)
                } else {
                    return fail(.invalidHeaderName)
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
                    return fail(.whiteSpaceBeforeAColon)
                } else if b == HTTPBytes.cr || b == HTTPBytes.lf {
                    return fail(.headerLineWithoutAColon)
                } else {
                    return fail(.invalidHeaderName)
                }

            case .valueLeadingSpace:
                while i < end, HTTPBytes.isWhitespace(bytes[i]) { i += 1 }
                if i == end { break }
                valueStart = i
                valueEnd = i
                valueBits = 0
                state = .value

            case .value:
                // RFC 9110 §5.5: visible bytes, obs-text, SP and HTAB; no other control byte.
                var last = valueEnd
                var bits = valueBits
                while i < end {
                    let b = bytes[i]
                    if HTTPBytes.isFieldVisible(b) {
                        bits |= b
                        i += 1
                        last = i
                    } else if HTTPBytes.isWhitespace(b) {
                        i += 1
                    } else {
                        break
                    }
                }
                valueEnd = last
                valueBits = bits
                if i == end { break }
                let b = bytes[i]
                guard b == HTTPBytes.cr else { return fail(b == HTTPBytes.lf ? .bareLF : .controlByteInAHeaderValue) }
                i += 1
                state = .lineLF
            }
        }
        // RFC 9110 §15.5.22 / RFC 6585 §5: the head cannot end within the limit.
        if i >= limits.maxHeaderBytes { return .error(.headerTooLarge) }
        return .needMoreData
    }
}
