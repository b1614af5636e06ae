/// Decodes a chunked body (RFC 9112 §7.1) as its bytes arrive.
///
/// Chunk lines and trailers are read one byte at a time with the state kept between calls,
/// so an error is found at the same byte however the input was split; chunk data is copied
/// in bulk.
///
/// ```swift
/// var decoder = ChunkedBodyDecoder()
/// var body: [UInt8] = []
/// let (consumed, result) = decoder.decode(bytes, into: &body, limits: limits)
/// ```
struct ChunkedBodyDecoder {
    enum Result: Equatable {
        case needMoreData
        /// The last chunk and the trailers were read; `body` holds the whole body.
        case complete
        case error(HTTPParserError)
    }

    /// Bytes of one chunk line, size and extensions (RFC 9112 §7.1.1: limit them).
    static let maxChunkLineBytes = 4096
    /// More than 16 hex digits cannot be a size we could hold.
    static let maxSizeDigits = 16

    private enum State: UInt8 {
        case sizeStart, size
        // chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ) (RFC 9112 §7.1.1)
        case extNameStart, extName, extAfterName, extValueStart, extToken, extQuoted, extQuotedPair, extQuoteEnd, extAfterValue
        case sizeLF
        case data, dataCR, dataLF
        case trailerStart, trailerName, trailerValue, trailerLF, finalLF

        var isTrailer: Bool { rawValue >= State.trailerStart.rawValue }
    }

    private var state = State.sizeStart
    private var chunkSize: UInt64 = 0
    private var sizeDigits = 0
    private var lineBytes = 0
    /// Bytes of the chunk being read still to come.
    private var remaining = 0
    private var trailerBytes = 0

    init() {}

    /// Reads on from where the last call stopped; returns how many of `bytes` it used.
    mutating func decode(_ bytes: UnsafeRawBufferPointer, into body: inout [UInt8],
                         limits: HTTPLimits) -> (consumed: Int, result: Result) {
        var i = 0
        let end = bytes.count

        while i < end {
            if state == .data {
                let n = min(remaining, end - i)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<(i + n)]))
                i += n
                remaining -= n
                if remaining == 0 { state = .dataCR }
                continue
            }
            let b = bytes[i]
            i += 1
            if state.isTrailer {
                trailerBytes += 1
                // Trailers are a header section; the head's limit applies to them too.
                if trailerBytes > limits.maxHeaderBytes { return (i, .error(.headerTooLarge)) }
            }
            switch state {
            case .sizeStart, .size:
                // chunk-size = 1*HEXDIG; no sign, prefix, space or underscore.
                if let digit = HTTPBytes.hexValue(b) {
                    sizeDigits += 1
                    lineBytes += 1
                    if sizeDigits > Self.maxSizeDigits { return (i, Self.fail(.chunkSizeTooLong)) }
                    chunkSize = chunkSize << 4 | digit
                    state = .size
                } else if state == .size, b == HTTPBytes.semicolon || b == HTTPBytes.cr {
                    // The size is complete: refuse it before any of its data is read.
                    if chunkSize > UInt64(limits.maxBodyBytes - body.count) { return (i, .error(.bodyTooLarge)) }
                    lineBytes += 1
                    state = b == HTTPBytes.cr ? .sizeLF : .extNameStart
                } else {
                    return (i, Self.fail(.invalidChunkSize))
                }

            case .extNameStart, .extName, .extAfterName, .extValueStart, .extToken,
                 .extQuoted, .extQuotedPair, .extQuoteEnd, .extAfterValue:
                // Parsed to the grammar, never skipped to the line end: a hop that skips
                // would see a different line end in `7;a="b\r\n..."` than one that does not.
                if b == HTTPBytes.cr {
                    // No white space before the CR: BWS is only allowed before a ";" or "=".
                    guard state == .extName || state == .extToken || state == .extQuoteEnd else {
                        return (i, Self.fail(.malformedChunkExtension))
                    }
                    state = .sizeLF
                    continue
                }
                lineBytes += 1
                if lineBytes > Self.maxChunkLineBytes { return (i, Self.fail(.chunkExtensionsTooLong)) }
                guard let next = Self.extensionState(after: state, b) else {
                    return (i, Self.fail(.malformedChunkExtension))
                }
                state = next

            case .sizeLF:
                guard b == HTTPBytes.lf else { return (i, Self.fail(.bareCRInAChunkLine)) }
                if chunkSize == 0 {
                    state = .trailerStart
                } else {
                    remaining = Int(chunkSize)
                    state = .data
                }
                chunkSize = 0
                sizeDigits = 0
                lineBytes = 0

            case .data:
                break

            case .dataCR:
                guard b == HTTPBytes.cr else { return (i, Self.fail(.chunkDataNotFollowedByCRlf)) }
                state = .dataLF

            case .dataLF:
                guard b == HTTPBytes.lf else { return (i, Self.fail(.chunkDataNotFollowedByCRlf)) }
                state = .sizeStart

            case .trailerStart:
                // RFC 9112 §7.1.2: trailer fields have the syntax of header fields.
                if b == HTTPBytes.cr {
                    state = .finalLF
                } else if HTTPBytes.isToken(b) {
                    state = .trailerName
                } else {
                    return (i, Self.fail(.invalidTrailerLine))
                }

            case .trailerName:
                if b == HTTPBytes.colon {
                    state = .trailerValue
                } else if !HTTPBytes.isToken(b) {
                    return (i, Self.fail(.invalidTrailerLine))
                }

            case .trailerValue:
                if b == HTTPBytes.cr {
                    state = .trailerLF
                } else if !(HTTPBytes.isFieldVisible(b) || HTTPBytes.isWhitespace(b)) {
                    return (i, Self.fail(.invalidTrailerLine))
                }

            case .trailerLF:
                guard b == HTTPBytes.lf else { return (i, Self.fail(.bareCRInATrailer)) }
                state = .trailerStart

            case .finalLF:
                guard b == HTTPBytes.lf else { return (i, Self.fail(.bareCRAfterTheTrailers)) }
                return (i, .complete)
            }
        }
        return (i, .needMoreData)
    }

    private static func fail(_ rule: HTTPParserError.Rule) -> Result { .error(.badRequest(rule)) }

    /// One step of the chunk-ext grammar (RFC 9112 §7.1.1, RFC 9110 §5.6.4 quoted-string);
    /// nil where the byte cannot come next. CR is handled by the caller.
    private static func extensionState(after state: State, _ b: UInt8) -> State? {
        let space = HTTPBytes.isWhitespace(b)
        let token = HTTPBytes.isToken(b)
        switch state {
        case .extNameStart:
            // BWS ";" BWS chunk-ext-name: the name is not empty.
            return space ? .extNameStart : token ? .extName : nil
        case .extName, .extAfterName:
            if token { return state == .extName ? .extName : nil }
            if space { return .extAfterName }
            if b == HTTPBytes.semicolon { return .extNameStart }
            return b == 0x3D ? .extValueStart : nil
        case .extValueStart:
            if space { return .extValueStart }
            if b == 0x22 { return .extQuoted }
            return token ? .extToken : nil
        case .extToken, .extQuoteEnd, .extAfterValue:
            if token { return state == .extToken ? .extToken : nil }
            if space { return .extAfterValue }
            return b == HTTPBytes.semicolon ? .extNameStart : nil
        case .extQuoted:
            // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
            if b == 0x22 { return .extQuoteEnd }
            if b == 0x5C { return .extQuotedPair }
            return space || b == 0x21 || (b >= 0x23 && b != 0x7F) ? .extQuoted : nil
        case .extQuotedPair:
            // quoted-pair = "\\" ( HTAB / SP / VCHAR / obs-text )
            return space || (b >= 0x21 && b != 0x7F) ? .extQuoted : nil
        default:
            return nil
        }
    }
}

