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
        case sizeStart, size, extensions, sizeLF
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
                    state = b == HTTPBytes.cr ? .sizeLF : .extensions
                } else {
                    return (i, Self.fail(.invalidChunkSize))
                }

            case .extensions:
                // chunk-ext (RFC 9112 §7.1.1) is accepted and ignored, up to a length.
                if b == HTTPBytes.cr {
                    state = .sizeLF
                    continue
                }
                lineBytes += 1
                if lineBytes > Self.maxChunkLineBytes { return (i, Self.fail(.chunkExtensionsTooLong)) }
                if !(HTTPBytes.isFieldVisible(b) || HTTPBytes.isWhitespace(b)) {
                    return (i, Self.fail(.invalidByteInChunkExtensions))
                }

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
}

